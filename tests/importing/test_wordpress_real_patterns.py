"""
Patterns found importing real WordPress and WordPress.com exports, each
reproduced in an export of our own (tests/fixtures/wordpress/format-1.0.xml,
invented text in the shape of a WordPress.com export of format 1.0):
undeclared prefixes and control characters XML refuses, authors named only
by each post's dc:creator, tags written ``domain="tag"``, terms of other
taxonomies, and post bodies holding tables, ordered lists, definition
lists, embeds, scripts and forms.
"""

import io
from collections import Counter

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from articles.models import Article, Topic
from importing.models import ImportedItem, WordPressImport
from importing.wordpress.body import convert_body, join_blocks
from importing.wordpress.export import read_export, well_formed
from importing.wordpress.importer import import_wordpress
from people.models import Person
from tests.support import FIXTURES
from tests.support.factories import make_user
from tests.support.staff import sign_in

FORMAT_1_0 = FIXTURES / "wordpress" / "format-1.0.xml"
WITHHELD = {"703": "private", "704": "password", "705": "draft", "706": "pending"}


def story(wordpress_id):
    return ImportedItem.objects.get(kind="post", external_id=wordpress_id).article


def counts():
    return {
        model.__name__: model.objects.count() for model in (Article, Topic, Person, ImportedItem)
    }


class FormatOneExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("format-editor", role="Editors")
        cls.report = import_wordpress(path=FORMAT_1_0, user=cls.editor)
        cls.lake = story("701")

    def test_an_export_xml_refuses_is_read(self):
        """An undeclared atom: prefix and control characters do not stop the import."""
        self.assertEqual(self.report.stories_created, 7)
        self.assertIn("Boat owners met at dawn. They counted the nets.", self.lake.body)

    def test_every_post_keeps_its_author(self):
        """Format 1.0 lists no authors: each post's dc:creator is its byline."""
        for item in read_export(FORMAT_1_0).items:
            if item.post_type == "post":
                with self.subTest(post=item.id):
                    names = list(story(item.id).bylines.values_list("person__name", flat=True))
                    self.assertEqual(names, [item.creator])
        self.assertEqual(self.report.no_byline, [])
        login = Person.objects.get(name="Chan Sopheap").user
        self.assertEqual(login.username, "Chan-Sopheap")
        self.assertFalse(login.is_active)

    def test_tags_of_format_1_0_become_topics_once(self):
        """Tags written domain="tag" (twice each, once without a slug) file the story."""
        self.assertEqual(
            sorted(self.lake.topics.values_list("name", flat=True)), ["Dry Season", "Fishing Lots"]
        )
        self.assertEqual(Topic.objects.count(), 2)
        self.assertEqual(self.lake.section.name, "Rivers")

    def test_terms_of_other_taxonomies_are_counted_each_once(self):
        """Series and post formats named only on posts are counted, not dropped unsaid."""
        left_out = self.report.left_out
        self.assertEqual(left_out["terms of “series” (menus, formats and the like)"], 1)
        self.assertEqual(left_out["terms of “post_format” (menus, formats and the like)"], 1)

    def test_what_the_body_loses_is_counted_and_what_it_shows_kept(self):
        """Tables, numbered lists, definitions stay readable; embeds keep their address."""
        body = self.lake.body
        for kept in (
            "Village | Boats",
            "Kampong Luong | 42",
            "1. Register the boat",
            "2. Pay the fee",
            "Fishing lot\n\nA stretch of water leased to one owner",
            "(https://video.example/embed/lake-dawn)",
            "(https://video.example/nets.mp4)",
            "(https://audio.example/interview.mp3)",
        ):
            with self.subTest(kept=kept):
                self.assertIn(kept, body)
        for dropped in ("tracker", "Your email", "cannot play"):
            with self.subTest(dropped=dropped):
                self.assertNotIn(dropped, body)
        self.assertEqual(
            {kind: count for kind, count in self.report.left_out.items() if "<" in kind},
            {
                "<iframe> elements (kept as their address)": 1,
                "<video> elements (kept as their address)": 1,
                "<script> elements": 1,
                "<form> elements": 1,
            },
        )
        self.assertEqual(self.report.left_out["tables (kept as text, a line for each row)"], 1)

    def test_every_item_is_accounted_for(self):
        """Each post is a story or skipped by name; each other item counted by kind."""
        export = read_export(FORMAT_1_0)
        posts = [item for item in export.items if item.post_type == "post"]
        self.assertEqual(self.report.stories_created + len(self.report.skipped), len(posts))
        self.assertEqual(self.report.left_out["pages"], 1)

    def test_no_post_readers_could_not_read_is_public(self):
        """Private, protected, draft and pending posts stay off the site; a future one waits."""
        for wordpress_id, kind in WITHHELD.items():
            with self.subTest(kind=kind):
                self.assertFalse(Article.objects.published().filter(pk=story(wordpress_id).pk))
                article = story(wordpress_id)
                response = self.client.get(reverse("reader:search"), {"q": article.body[:20]})
                self.assertContains(response, "0 stories")
                self.assertNotContains(response, article.slug)
        self.assertFalse(Article.objects.published().filter(pk=story("707").pk))
        # The same search finds a published story by its words.
        public = story("702")
        response = self.client.get(reverse("reader:search"), {"q": public.body[:20]})
        self.assertContains(response, public.slug)

    def test_running_again_duplicates_nothing(self):
        """A second import of the same export changes no count."""
        before = counts()
        report = import_wordpress(path=FORMAT_1_0, user=self.editor)
        self.assertEqual(counts(), before)
        self.assertEqual(report.stories_updated, 7)
        self.assertEqual(report.left_out, self.report.left_out)

    def test_the_workspace_imports_it_too(self):
        """Uploaded in Imports → WordPress imports, the export is read, not refused."""
        sign_in(self.client, self.editor)
        upload = SimpleUploadedFile("format-1.0.xml", FORMAT_1_0.read_bytes(), "text/xml")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("admin:importing_wordpressimport_add"), {"upload": upload}
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(WordPressImport.objects.get().status, WordPressImport.Status.DONE)
        self.assertContains(self.client.get(response.url), "Stories: 0 new, 7 updated.")


class WellFormedTests(SimpleTestCase):
    EXPORT = (
        '<rss xmlns:wp="http://wordpress.org/export/1.1/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><link>http://site.example</link>'
        "<atom:link href='x'/><georss:point>1 2</georss:point>"
        "<wp:author><wp:author_login>a</wp:author_login>"
        "<wp:author_display_name>{field}</wp:author_display_name></wp:author>"
        "<wp:category><wp:category_nicename>c</wp:category_nicename>"
        "<wp:cat_name>{field}</wp:cat_name></wp:category>"
        "<item><title>{field}</title><dc:creator>a</dc:creator><wp:post_id>1</wp:post_id>"
        "<wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>{field}</p>]]>"
        "</content:encoded><category domain='post_tag' nicename='t'>{field}</category>"
        "</item></channel></rss>"
    )

    def test_every_control_character_in_every_field(self):
        """Each control character XML forbids is dropped wherever a post held it."""
        for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]:
            with self.subTest(code=hex(code)):
                xml = self.EXPORT.format(field=f"Lake{chr(code)} level").encode()
                export = read_export_bytes(xml)
                item = export.items[0]
                self.assertEqual(item.title, "Lake level")
                self.assertEqual(item.tags, [("t", "Lake level")])
                self.assertEqual(export.authors[0].display_name, "Lake level")
                self.assertEqual(export.categories, [("c", "Lake level")])
                self.assertEqual(item.content, "<p>Lake level</p>")

    def test_categories_without_a_domain_are_categories(self):
        """The oldest exports name a post's categories with no domain; each is kept once."""
        xml = self.EXPORT.format(field="x").replace(
            "<category domain='post_tag' nicename='t'>x</category>",
            "<category>Rivers</category><category>Dams</category>"
            "<category domain='category' nicename='rivers'>Rivers</category>",
        )
        item = read_export_bytes(xml.encode()).items[0]
        self.assertEqual(item.categories, [("rivers", "Rivers"), ("", "Dams")])
        self.assertEqual(item.tags, [])

    def test_tabs_newlines_and_letters_stay(self):
        """Only what XML forbids goes: tab, newline, return and Khmer letters stay."""
        data = "ក\tខ\nគ\rឃ".encode()
        self.assertEqual(well_formed(data), data)

    def test_each_undeclared_prefix_is_declared_once(self):
        """
        Every prefix an export uses undeclared is declared, the declared ones
        left; the format's own (content: here) as the format declares them.
        """
        data = well_formed(self.EXPORT.format(field="x").encode())
        self.assertEqual(data.count(b"xmlns:atom="), 1)
        self.assertEqual(data.count(b"xmlns:georss="), 1)
        self.assertEqual(data.count(b"xmlns:wp="), 1)
        self.assertEqual(data.count(b"xmlns:content="), 1)


def read_export_bytes(data):
    return read_export(io.BytesIO(data), name="export.xml")


class BodyElementTests(SimpleTestCase):
    def convert(self, html):
        dropped = Counter()
        body, _placed = join_blocks(convert_body(html, dropped=dropped))
        return body, dropped

    def test_nested_lists_number_only_the_ordered(self):
        body, _dropped = self.convert("<ol><li>One<ul><li>Aside</li></ul></li><li>Two</li></ol>")
        # The inner list stays inside its item (test_wordpress_theme_patterns).
        self.assertEqual(body, "1. One\n\n    - Aside\n\n2. Two")

    def test_every_embedding_element_keeps_an_http_address(self):
        """An iframe, object, embed, video or audio keeps its address; a relative one is counted."""
        for tag, html in {
            "iframe": '<iframe src="https://e.example/a"></iframe>',
            "object": '<object data="https://e.example/a"></object>',
            "video": '<video src="https://e.example/a"></video>',
            "audio": '<audio><source src="https://e.example/a"></audio>',
        }.items():
            with self.subTest(tag=tag):
                body, dropped = self.convert(html)
                self.assertEqual(body, "[https://e.example/a](https://e.example/a)")
                self.assertEqual(dropped, {f"<{tag}> elements (kept as their address)": 1})
        body, dropped = self.convert('<iframe src="javascript:alert(1)"></iframe>')
        self.assertEqual((body, dropped), ("", {"<iframe> elements": 1}))

    def test_a_table_row_is_a_line_of_cells(self):
        body, dropped = self.convert(
            "<table><caption>Catch</caption><tr><th>Year</th><th>Tonnes</th></tr>"
            "<tr><td>2023</td><td>410</td></tr></table>"
        )
        self.assertEqual(body, "Catch\n\nYear | Tonnes\n\n2023 | 410")
        self.assertEqual(dropped, {"tables (kept as text, a line for each row)": 1})
