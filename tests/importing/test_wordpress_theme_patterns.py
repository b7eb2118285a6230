"""
Patterns found importing WordPress's theme unit test export (the content
themes are tested with), each reproduced in an export of our own
(tests/fixtures/wordpress/theme.xml, invented text): superscript and
subscript, lists in lists, rules, “more” and page breaks, captions of
galleries and tables, and what a site says its categories and tags are
about.
"""

from collections import Counter

from django.test import SimpleTestCase, TestCase

from articles.body import MAX_NESTING, render, validate_nesting
from articles.models import Article, Section, Topic
from importing.models import ImportedItem
from importing.wordpress.body import convert_body, join_blocks
from importing.wordpress.importer import import_wordpress
from tests.support import FIXTURES
from tests.support.dos import cpu_seconds_under
from tests.support.factories import make_user

THEME = FIXTURES / "wordpress" / "theme.xml"


def story(wordpress_id):
    return ImportedItem.objects.get(kind="post", external_id=wordpress_id).article


class ThemeExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("theme-editor", role="Editors")
        # A section the newsroom made and described before the import.
        Section.objects.create(slug="opinion", name="Opinion", description="Letters from readers.")
        cls.report = import_wordpress(path=THEME, user=cls.editor)
        cls.water = story("801")

    def test_superscript_and_subscript_stay(self):
        """“H₂O” and “10³” were “H2O” and “103”: the tags vanished with their meaning."""
        self.assertIn("H<sub>2</sub>O", self.water.body)
        self.assertIn("10<sup>3</sup> litres", self.water.body)
        html = render(self.water.body)
        self.assertIn("H<sub>2</sub>O", html)
        self.assertIn("10<sup>3</sup> litres", html)

    def test_a_list_in_a_list_stays_in_its_item(self):
        """The shores were items of the list beside “Collect the samples”, not under it."""
        self.assertIn(
            "1. Collect the samples\n\n    - at the north shore\n\n    - at the floating village"
            "\n\n2. Label every bottle",
            self.water.body,
        )
        html = " ".join(render(self.water.body).split())
        self.assertRegex(html, r"<li> <p>Collect the samples</p> <ul> <li> <p>at the north shore")

    def test_a_rule_and_a_page_break_are_lines_and_more_is_counted(self):
        """<hr>, <!--more--> and <!--nextpage--> vanished unsaid."""
        self.assertEqual(self.water.body.count("\n\n---\n\n"), 2)
        self.assertEqual(render(self.water.body).count("<hr>"), 2)
        self.assertEqual(self.report.left_out["“more” breaks (the story is shown whole)"], 1)
        self.assertEqual(self.report.left_out["page breaks (kept as a line across the page)"], 1)

    def test_captions_without_a_photo_stay_as_text(self):
        """A table's and a gallery's figcaption were dropped: no photo was there to carry them."""
        self.assertIn("North | Good\n\nReadings from the first week\n\n", self.water.body)
        self.assertIn("The boats of the survey, at dawn\n\nThe work goes on", self.water.body)
        # A photo's own caption is still the photo's, not a paragraph.
        self.assertNotIn("A net drying", self.water.body)
        self.assertNotIn("*", self.water.body)

    def test_categories_and_tags_keep_their_descriptions(self):
        """What the site said each category and tag is about was lost."""
        self.assertEqual(
            Section.objects.get(slug="science").description,
            "Research from Cambodian laboratories & field stations.",
        )
        self.assertEqual(Topic.objects.get(slug="water").description, "Rivers, wells and the rain.")
        self.assertEqual(
            Topic.objects.get(slug="chemistry").description, "Molecules, mostly small ones."
        )
        self.assertEqual(Topic.objects.get(slug="monsoon").description, "")

    def test_a_line_break_stays_a_line_break(self):
        """A letter's lines (a new line in the classic editor, or <br>) ran into one line."""
        body = story("802").body
        self.assertEqual(
            body,
            "Dear editor,<br>\nthe ferry should leave at seven, not eight.\n\n"
            "Sok Dara<br>\nKampong Chhnang",
        )
        self.assertIn("<p>Sok Dara<br>\nKampong Chhnang</p>", render(body))

    def test_a_description_the_newsroom_wrote_stays(self):
        self.assertEqual(story("802").section.slug, "opinion")
        self.assertEqual(Section.objects.get(slug="opinion").description, "Letters from readers.")

    def test_running_again_duplicates_nothing(self):
        before = [model.objects.count() for model in (Article, Section, Topic, ImportedItem)]
        body = self.water.body
        report = import_wordpress(path=THEME, user=self.editor)
        after = [model.objects.count() for model in (Article, Section, Topic, ImportedItem)]
        self.assertEqual(after, before)
        self.assertEqual(story("801").body, body)
        self.assertEqual(report.left_out, self.report.left_out)


class ThemeBodyTests(SimpleTestCase):
    def convert(self, html):
        dropped = Counter()
        body, placed = join_blocks(convert_body(html, dropped=dropped))
        return body, placed, dropped

    def test_a_table_caption_after_a_photo_is_not_the_photos(self):
        body, placed, _dropped = self.convert(
            '<p><img class="wp-image-7" src="a.jpg"></p><figure class="wp-block-table">'
            "<table><tr><td>1</td></tr></table><figcaption>Counts</figcaption></figure>"
        )
        self.assertEqual(body, "[photo 1]\n\n1\n\nCounts")
        self.assertEqual(placed[0].caption, "")

    def test_a_caption_is_escaped_like_text(self):
        body, _placed, _dropped = self.convert(
            "<figure><table><tr><td>1</td></tr></table><figcaption>*[x]</figcaption></figure>"
        )
        self.assertEqual(body, "1\n\n\\*\\[x\\]")

    def test_a_rule_in_a_quote_stays_in_it(self):
        body, _placed, _dropped = self.convert("<blockquote><p>a</p><hr><p>b</p></blockquote>")
        self.assertEqual(body, "> a\n\n> ---\n\n> b")

    def test_marks_around_nothing_make_no_paragraph(self):
        body, _placed, _dropped = self.convert("<p><em></em><sup></sup></p><p>x</p>")
        self.assertEqual(body, "x")

    def test_block_editor_lines_are_breaks_only_where_it_says(self):
        """The block editor shows a new line in a paragraph as a space, and <br> as a break."""
        body, _placed, _dropped = self.convert("<!-- wp:paragraph --><p>a\nb<br>c</p>")
        self.assertEqual(body, "a\nb<br>\nc")

    def test_a_break_opening_or_closing_a_paragraph_goes(self):
        body, _placed, _dropped = self.convert("<p><br>a<br></p><blockquote>b<br>\n</blockquote>")
        self.assertEqual(body, "a\n\n> b")

    def test_a_quotation_keeps_its_marks(self):
        body, _placed, _dropped = self.convert("<p><q>Fish, fish, fish</q>, he said.</p>")
        self.assertEqual(body, "“Fish, fish, fish”, he said.")

    def test_struck_through_text_is_counted(self):
        """A correction read as if the struck words still stood: the editor is told."""
        body, _placed, dropped = self.convert(
            "<p>The ferry leaves at <del>eight</del> seven, <s>daily</s> <strike>x</strike>.</p>"
        )
        self.assertEqual(body, "The ferry leaves at eight seven, daily x.")
        self.assertEqual(dropped, {"struck-through text (kept, no longer struck through)": 3})

    def test_preformatted_lines_keep_their_lines_and_indentation(self):
        """A timetable or a poem in <pre> lost its indentation and columns."""
        body, _placed, dropped = self.convert(
            "<!-- wp:code --><pre>Ferry  Time\n  Kep    08:00\n\tKoh Rong 09:30\n- no list</pre>"
        )
        nbsp = "\u00a0"
        self.assertEqual(
            body,
            f"Ferry{nbsp * 2}Time<br>\n{nbsp * 2}Kep{nbsp * 4}08:00<br>\n"
            f"{nbsp * 4}Koh Rong 09:30<br>\n\\- no list",
        )
        shown = render(body)
        self.assertIn("&nbsp;&nbsp;Kep&nbsp;&nbsp;&nbsp;&nbsp;08:00", shown)
        self.assertNotRegex(shown, "<(ul|li|pre|code)>")
        self.assertEqual(
            dropped,
            {"preformatted text (kept line by line, its spacing in no-break spaces)": 1},
        )

    def test_the_look_of_inline_text_is_counted_where_it_goes(self):
        """Code, keys, underlining, highlighting, sizes and colours: kept as text, counted."""
        body, _placed, dropped = self.convert(
            "<p>Press <kbd>Enter</kbd>, type <code>yes</code>, <u>sign</u> <mark>here</mark>"
            ' <small>now</small> <font color="red">today</font> at the <abbr title="Ministry'
            ' of Health">MoH</abbr>, as <cite>The Daily</cite> said.</p>'
        )
        self.assertEqual(
            body, "Press Enter, type yes, sign here now today at the MoH, as *The Daily* said."
        )
        self.assertEqual(
            dropped,
            {
                "code and keys to press (kept as ordinary text)": 2,
                "underlined, highlighted, resized or coloured text (kept as ordinary text)": 4,
                "abbreviations' spelled-out titles (the abbreviation kept)": 1,
            },
        )

    def test_a_line_after_a_break_is_text(self):
        """“- 3 km” or “# 1” after a break would start a list or a heading."""
        body, _placed, _dropped = self.convert("Weather:\n- 3 km\n# 1 fan\n> all\n1. first\n---")
        self.assertEqual(
            body, "Weather:<br>\n\\- 3 km<br>\n\\# 1 fan<br>\n\\> all<br>\n\\1. first<br>\n\\---"
        )
        self.assertEqual(render(body).count("<br>"), 5)
        self.assertNotRegex(render(body), "<(ul|ol|h[1-6]|blockquote|hr)>")

    def test_runs_of_spaces_and_breaks_take_linear_time(self):
        """
        A run of spaces with no new line after it took time in the square of
        its length (40,000 spaces: 3 s); a megabyte of each now takes well
        under the 5 s allowed a slow machine.
        """
        size = 1_000_000
        for text in ["<p>a" + " " * size + "b</p>", "<br>" * (size // 4), "a\n" * (size // 2)]:
            with self.subTest(head=text[:8]), cpu_seconds_under(self, 5):
                convert_body(text)

    def test_lists_nest_no_deeper_than_a_body_may(self):
        """Hostile depth: the body stays valid, and each item is indented a bounded amount."""
        body, _placed, _dropped = self.convert("<ul><li>x" * 2000)
        validate_nesting(body)
        self.assertLess(len(body), 2000 * 50)

    def test_quotes_nest_no_deeper_than_a_body_may(self):
        """
        Quotes in quotes, a list inside: the body stays one an editor can save,
        every level's text is kept, and a hostile depth costs a bounded prefix.
        """
        for depth in (3, MAX_NESTING, MAX_NESTING + 5, 2000):
            with self.subTest(depth=depth):
                html = "".join(f"<blockquote><p>level {level}</p>" for level in range(depth))
                body, _placed, _dropped = self.convert(html + "<ul><li>inner<ul><li>deeper")
                validate_nesting(body)
                self.assertIn(f"level {depth - 1}", body)
                self.assertIn("deeper", body)
                self.assertLess(len(body), depth * (len("level 2000") + 4 * MAX_NESTING))
                self.assertIn("> " * min(depth, MAX_NESTING) + "level", body)
