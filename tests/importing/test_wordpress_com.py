"""
A WordPress.com export (tests/fixtures/wordpress/wpcom.xml, invented): https
namespaces of format 1.1, and everything a real archive holds beside its
posts, each imported or counted in the summary.
"""

import io
import shutil
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import SimpleTestCase, TestCase
from django.utils import translation

from articles.models import Article, Section, Topic
from importing.models import ImportedItem, PhotoNeeded
from importing.wordpress.body import convert_body, strip_tags
from importing.wordpress.export import read_export
from importing.wordpress.importer import import_wordpress
from importing.wordpress.report import Report, kind_label
from media.models import Photograph
from people.models import Person
from tests.support import FIXTURES
from tests.support.factories import make_user

WPCOM = FIXTURES / "wordpress" / "wpcom.xml"


def story(wordpress_id):
    return ImportedItem.objects.get(kind="post", external_id=wordpress_id).article


def counts():
    models = [Article, Section, Topic, Person, Photograph, PhotoNeeded, ImportedItem]
    return {model.__name__: model.objects.count() for model in models}


class WordPressComTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("wpcom-editor", role="Editors")
        cls.report = import_wordpress(path=WPCOM, user=cls.editor)
        cls.catch = story("601")
        cls.markup = story("602")

    def test_https_namespaces_of_any_version_are_read(self):
        """An export written with https namespaces (WordPress.com, format 1.1) is imported."""
        self.assertEqual(self.report.stories_created, 4)
        self.assertEqual(self.catch.status, Article.Status.PUBLISHED)
        self.assertIn("Fishermen on the Tonle Sap", self.catch.body)

    def test_first_category_is_the_section_and_the_others_topics(self):
        """No category is dropped: the first files the story, the others become topics."""
        self.assertEqual(self.catch.section.slug, "environment")
        self.assertEqual(
            sorted(self.catch.topics.values_list("name", flat=True)),
            ["Dams", "Fisheries", "Mekong"],
        )
        self.assertEqual(self.report.categories_as_topics, 2)

    def test_title_markup_becomes_plain_text(self):
        """A <sup> in a title is kept as its text, never as a tag or a space."""
        self.assertEqual(self.catch.headline, "Catch on the Tonle Sap falls for a third year1")

    def test_a_gallery_is_its_photos(self):
        """[gallery ids] places each photo where the gallery stood."""
        self.assertIn("[photo 1]\n\n[photo 2]", self.catch.body)
        self.assertEqual(
            list(self.catch.photos_needed.values_list("position", "source_file")),
            [(1, "2024/03/nets.jpg"), (2, "2024/03/boats.jpg")],
        )

    def test_a_blockquote_of_paragraphs_stays_a_blockquote(self):
        """Each paragraph of a blockquote is quoted in the Markdown body."""
        self.assertIn("> The lake feeds half the country.", self.catch.body)
        self.assertIn("> Without it, the markets go hungry.", self.catch.body)
        self.assertIn("<blockquote>", self.catch.body_html)

    def test_an_author_login_with_a_stray_character_keeps_its_byline(self):
        """“>inkwell” is the author inkwell."""
        self.assertEqual(
            list(self.catch.bylines.values_list("person__name", flat=True)), ["Sok Bunthoeun"]
        )

    def test_an_unknown_author_is_said(self):
        """A post whose author the export does not list comes without a byline, and says so."""
        self.assertFalse(story("603").bylines.exists())
        self.assertEqual(len(self.report.no_byline), 1)
        self.assertIn("guest-writer", self.report.no_byline[0])

    def test_markup_test_text_makes_nobody(self):
        """Headings and element names in test posts are no speakers: no person is made of them."""
        self.assertFalse(Person.objects.filter(name__icontains="Tag").exists())
        self.assertFalse(Person.objects.filter(name__icontains="Tests").exists())
        quote = self.markup.quotes.get()
        self.assertEqual(quote.text, "Water is memory")
        self.assertIsNone(quote.speaker)

    def test_a_private_post_is_never_public(self):
        """A private post arrives as a draft."""
        self.assertEqual(story("604").status, Article.Status.DRAFT)
        self.assertNotIn(story("604"), Article.objects.published())

    def test_everything_left_out_is_counted_by_kind(self):
        """
        Comments, pages, menus, other post types, unused files, shortcodes,
        the look of code and keys (their text kept): each counted.
        """
        self.assertEqual(
            dict(self.report.left_out),
            {
                "comments": 2,
                "pages": 1,
                "menu items": 1,
                "items of type “jetpack-portfolio”": 1,
                "attachments no story shows": 1,
                "sticky flags (feature the story in the workspace instead)": 1,
                "post metadata fields": 3,
                "[embed] shortcodes": 1,
                "[contact-form-7] shortcodes": 1,
                "terms of “nav_menu” (menus, formats and the like)": 1,
                "categories no post uses": 1,
                "code and keys to press (kept as ordinary text)": 3,
            },
        )

    def test_the_command_prints_the_summary(self):
        """The command's output accounts for what it did not import."""
        output = io.StringIO()
        call_command("import_wordpress", str(WPCOM), user="wpcom-editor", stdout=output)
        printed = output.getvalue()
        self.assertIn("Stories: 0 new, 4 updated.", printed)
        self.assertIn("its other categories became topics: 2.", printed)
        self.assertIn("Not imported, by kind:", printed)
        self.assertIn("  comments: 2", printed)
        self.assertIn("  [embed] shortcodes: 1", printed)
        self.assertIn("No byline (the export does not list the author): 1.\n  post 603", printed)

    def test_a_khmer_speaking_editor_reads_what_was_left_out_in_khmer(self):
        """Every kind is shown in the reader's language, named ones with their name."""
        kept = Report.from_data(self.report.as_data())
        with translation.override("km"):
            (details,) = [items for line, items in kept.summary() if line == "មិនបាននាំចូល តាមប្រភេទ៖"]
        self.assertIn("មតិយោបល់: 2", details)
        self.assertIn("កូដខ្លី [embed]: 1", details)
        self.assertIn("ធាតុប្រភេទ “jetpack-portfolio”: 1", details)
        self.assertIn("ពាក្យនៃ “nav_menu” (ម៉ឺនុយ ទម្រង់ និងផ្សេងៗទៀត): 1", details)
        self.assertFalse([line for line in details if "comments" in line or "shortcodes" in line])
        for kind in ("<iframe> elements", "<video> elements (kept as their address)"):
            with self.subTest(kind), translation.override("km"):
                self.assertTrue(kind_label(kind).startswith("ធាតុ <"), kind_label(kind))

    def test_running_again_duplicates_nothing(self):
        """A second run updates stories, sections, topics, people and photos in place."""
        before = counts()
        report = import_wordpress(path=WPCOM, user=self.editor)
        self.assertEqual(counts(), before)
        self.assertEqual((report.stories_created, report.stories_updated), (0, 4))
        self.assertEqual((report.sections, report.topics, report.authors), (0, 0, 0))


class NamespaceTests(SimpleTestCase):
    def test_every_version_and_scheme(self):
        """http and https, 1.0 to 1.2: each reads the same posts."""
        text = WPCOM.read_text(encoding="utf-8")
        folder = Path(tempfile.mkdtemp(prefix="newsroom-wxr-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        for scheme in ("http", "https"):
            for version in ("1.0", "1.1", "1.2"):
                with self.subTest(scheme=scheme, version=version):
                    variant = text.replace("https://", f"{scheme}://").replace(
                        "/export/1.1/", f"/export/{version}/"
                    )
                    path = folder / f"wxr-{scheme}-{version}.xml"
                    path.write_text(variant, encoding="utf-8")
                    export = read_export(path)
                    post = next(item for item in export.items if item.id == "601")
                    self.assertIn("Tonle Sap", post.content)
                    self.assertEqual(post.creator, ">inkwell")
                    self.assertTrue(post.sticky)
                    self.assertEqual(post.comments, 2)


class MarkupTests(SimpleTestCase):
    def test_inline_tags_vanish_and_block_tags_separate(self):
        self.assertEqual(strip_tags("H<sub>2</sub>O and <em>more</em>"), "H2O and more")
        self.assertEqual(strip_tags("<p>one</p><p>two</p>"), "one two")

    def test_gallery_without_ids_shows_the_posts_own_attachments(self):
        blocks = convert_body("Before.\n\n[gallery]\n\nAfter.", children=["7", "8"])
        self.assertEqual([getattr(block, "attachment_id", block) for block in blocks],
                         ["Before.", "7", "8", "After."])  # fmt: skip
