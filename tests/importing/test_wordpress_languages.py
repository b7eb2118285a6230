"""
A bilingual WordPress site running Polylang (tests/fixtures/wordpress/polylang.xml,
invented): each post comes in in the language the site gave it, a story's
English and Khmer versions come in linked as translations, a category and
its translation are one section, and whatever of the plugin's data cannot be
used is named in the summary.
"""

import io
import time

from django.db import connection, transaction
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import Article, Language, Section, Topic
from importing.models import ImportedItem
from importing.wordpress.importer import import_wordpress
from importing.wordpress.serialized import php_array
from tests.support import FIXTURES
from tests.support.factories import make_photograph, make_published_article, make_user
from tests.support.reader import ReaderTestMixin
from workflow.services import publish, submit_for_review

POLYLANG = FIXTURES / "wordpress" / "polylang.xml"
KHMER_LINK = "អានជាភាសាខ្មែរ"
POLYLANG_TERMS = """
    <category domain="language" nicename="{language}">{language}</category>
    <category domain="post_translations" nicename="pll_{number}">pll_{number}</category>"""
WPML = """
    <wp:postmeta><wp:meta_key>_wpml_import_language_code</wp:meta_key>
    <wp:meta_value>{language}</wp:meta_value></wp:postmeta>
    <wp:postmeta><wp:meta_key>_wpml_import_translation_group</wp:meta_key>
    <wp:meta_value>story-{number}</wp:meta_value></wp:postmeta>"""


def story(wordpress_id):
    return ImportedItem.objects.get(kind="post", external_id=wordpress_id).article


def details(report, start):
    """The detail lines under the summary line that starts with ``start``."""
    for line, items in report.summary():
        if line.startswith(start):
            return items
    return []


class PolylangImportTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("polylang-editor", role="Editors")
        cls.report = import_wordpress(path=POLYLANG, user=cls.editor)

    def test_the_khmer_version_is_the_translation_of_the_english_one(self):
        """Polylang's translation group links a story's two versions."""
        english, khmer = story("101"), story("102")
        self.assertEqual((english.language, khmer.language), (Language.ENGLISH, Language.KHMER))
        self.assertEqual(khmer.translation_of, english)
        self.assertIsNone(english.translation_of)

    def test_the_older_post_is_the_source_whatever_its_language(self):
        """The Khmer post was written first: the English one is its translation."""
        self.assertEqual(story("104").translation_of, story("103"))
        self.assertIsNone(story("103").translation_of)

    def test_the_story_pages_link_each_other(self):
        """Each version's page links the other, and the language switch leads to it."""
        english, khmer = story("101"), story("102")
        with translation.override("en"):
            english_url = english.get_absolute_url()
        with translation.override("km"):
            khmer_url = khmer.get_absolute_url()
        page = self.client.get(english_url)
        self.assertContains(page, f'{khmer_url}" hreflang="km" lang="km">{KHMER_LINK}</a>')
        self.assertContains(page, f'<a href="{khmer_url}" hreflang="km" lang="km">ខ្មែរ</a>')
        khmer_page = self.client.get(khmer_url)
        self.assertContains(khmer_page, f'{english_url}" hreflang="en" lang="en">Read in English')
        self.assertContains(khmer_page, f'<a href="{english_url}" hreflang="en" lang="en">English')

    def test_a_khmer_post_with_a_latin_headline_is_khmer(self):
        """The language Polylang gave the post wins over its headline's letters."""
        self.assertEqual(story("115").headline, "CamboJA Weekly: Mekong fish prices")
        self.assertEqual(story("115").language, Language.KHMER)

    def test_a_post_without_a_language_is_read_by_its_headline(self):
        self.assertEqual(story("116").language, Language.KHMER)

    def test_a_category_and_its_translation_are_one_section(self):
        """“News” and “ព័ត៌មាន” file both versions in one section, named in both languages."""
        news = Section.objects.get(slug="news")
        self.assertEqual((news.name, news.name_km), ("News", "ព័ត៌មាន"))
        self.assertEqual(story("101").section, news)
        self.assertEqual(story("102").section, news)
        self.assertFalse(Section.objects.filter(slug="news-km").exists())
        self.assertEqual(Section.objects.count(), 2)  # News, Environment.

    def test_a_tag_and_its_translation_are_one_topic(self):
        rice = Topic.objects.get(slug="rice")
        self.assertEqual((rice.name, rice.name_km), ("Rice", "អង្ករ"))
        self.assertEqual(list(story("102").topics.all()), [rice])
        self.assertEqual(Topic.objects.count(), 1)

    def test_a_post_in_a_language_the_newsroom_does_not_publish_is_named(self):
        """The French version is not imported; the summary says which post and why."""
        self.assertFalse(ImportedItem.objects.filter(external_id="105").exists())
        skipped = details(self.report, "Posts not imported")
        self.assertIn(
            "post 105 “Un nouveau barrage sur la Sesan” (in “fr”, a language the newsroom "
            "does not publish)",
            skipped,
        )
        self.assertEqual(
            self.report.left_out["the language “fr” (the newsroom publishes English and Khmer)"],
            1,
        )

    def test_what_could_not_be_linked_is_named_with_why(self):
        unlinked = details(self.report, "Translations not linked")
        self.assertIn(
            "translation group pll_story_missing: post 999 is not in the export", unlinked
        )
        self.assertIn(
            "translation group pll_story_trash: post 108 was not imported (see above)", unlinked
        )
        self.assertIn("translation group pll_story_page: page 110 is not a post", unlinked)
        self.assertTrue(
            any(
                line.startswith("translation group pll_story_broken (its description")
                for line in unlinked
            ),
            unlinked,
        )
        self.assertEqual(len(unlinked), 4)
        self.assertIsNone(story("106").translation_of)

    def test_posts_naming_an_unreadable_group_are_still_linked(self):
        """The group each post carries says they belong together even if its map is cut short."""
        self.assertEqual(story("112").translation_of, story("111"))

    def test_the_summary_counts_the_links_and_no_plugin_terms_as_left_out(self):
        self.assertEqual(self.report.translations, 4)  # Rice, dam, broken, private.
        self.assertTrue(
            any(
                line.startswith("Linked as translations") and "4 pairs" in line
                for line, _ in self.report.summary()
            )
        )
        for taxonomy in ("language", "post_translations", "term_language", "term_translations"):
            self.assertNotIn(
                f"terms of “{taxonomy}” (menus, formats and the like)", self.report.left_out
            )

    def test_a_private_translation_stays_a_draft(self):
        """Linking never publishes: the private Khmer version is a draft, unseen."""
        english, khmer = story("113"), story("114")
        self.assertEqual(khmer.translation_of, english)
        self.assertEqual(khmer.status, Article.Status.DRAFT)
        self.assertEqual(english.status, Article.Status.PUBLISHED)
        self.assertNotContains(self.client.get(english.get_absolute_url()), KHMER_LINK)

    def test_once_published_the_translation_is_linked_on_the_public_site(self):
        english, khmer = story("113"), story("114")
        # What the approval checklist asks that the post did not hold.
        khmer.standfirst = "ថវិកាថ្មីសម្រាប់ឆ្នាំក្រោយ។"
        khmer.lead_photo = make_photograph()
        khmer.save()
        submit_for_review(article=khmer, user=self.editor)
        publish(article=khmer, editor=self.editor)
        self.assertContains(self.client.get(english.get_absolute_url()), KHMER_LINK)


class ImportAgainTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("polylang-again", role="Editors")
        import_wordpress(path=POLYLANG, user=cls.editor)

    def test_running_again_duplicates_nothing(self):
        before = (Article.objects.count(), Section.objects.count(), Topic.objects.count())
        report = import_wordpress(path=POLYLANG, user=self.editor)
        after = (Article.objects.count(), Section.objects.count(), Topic.objects.count())
        self.assertEqual(before, after)
        self.assertEqual(report.translations, 4)
        self.assertEqual(story("102").translation_of, story("101"))

    def test_a_link_the_import_made_is_set_right_again(self):
        """A link reversed since (the source made the translation) is turned back, with no loop."""
        english, khmer = story("101"), story("102")
        Article.objects.filter(pk=khmer.pk).update(translation_of=None)
        Article.objects.filter(pk=english.pk).update(translation_of=khmer)
        import_wordpress(path=POLYLANG, user=self.editor)
        english.refresh_from_db()
        khmer.refresh_from_db()
        self.assertEqual(khmer.translation_of, english)
        self.assertIsNone(english.translation_of)

    def test_a_link_made_in_the_workspace_is_kept_and_named(self):
        """A translation the newsroom made itself stays; the group is named, not linked."""
        english, khmer = story("101"), story("102")
        Article.objects.filter(pk=khmer.pk).update(translation_of=None)
        own = make_published_article("ស្រូវនៅតាកែវ", language=Language.KHMER)
        own.translation_of = english
        own.save()
        report = import_wordpress(path=POLYLANG, user=self.editor)
        own.refresh_from_db()
        khmer.refresh_from_db()
        self.assertEqual(own.translation_of, english)
        self.assertIsNone(khmer.translation_of)
        self.assertIn(
            "translation group pll_story_rice: “Rice farmers in Takeo wait for the rains” or "
            "“កសិករស្រូវនៅតាកែវរង់ចាំភ្លៀង” is linked in the workspace to another story; "
            "left as it is",
            report.unlinked,
        )


def export_with_pairs(count, *, wpml=False):
    """
    An export of ``count`` English posts each with its Khmer translation, as
    Polylang writes them, or (``wpml``) as WPML's export add-on does.
    """
    text = POLYLANG.read_text()
    head, _items, _tail = text.partition("\t<item>")
    head = head.split("\t<wp:term>")[0]
    items = []
    for number in range(count):
        english, khmer = 2 * number + 1, 2 * number + 2
        for post_id, language, title in (
            (english, "en", f"Story {number}"),
            (khmer, "km", f"រឿង {number}"),
        ):
            items.append(
                f"""<item><title>{title}</title><wp:post_id>{post_id}</wp:post_id>
                <wp:post_date_gmt>2025-03-03 02:00:00</wp:post_date_gmt>
                <wp:status>draft</wp:status><wp:post_type>post</wp:post_type>
                <dc:creator>dara</dc:creator><content:encoded>Text.</content:encoded>
                {(WPML if wpml else POLYLANG_TERMS).format(language=language, number=number)}
                </item>"""
            )
    # A site of its own: each export is a first import, not an update of the last.
    head = head.replace("sangkat.example.org", f"site{count}.example.org")
    return (head + "\n".join(items) + "</channel></rss>").encode()


class WpmlTests(TestCase):
    def test_wpml_export_add_on_languages_and_groups_are_read(self):
        """WPML's “Export and Import” add-on writes them as post metadata: read alike."""
        export = io.BytesIO(export_with_pairs(2, wpml=True))
        report = import_wordpress(path=export, name="wpml.xml")
        self.assertEqual(report.translations, 2)
        khmer = Article.objects.get(headline="រឿង 1")
        self.assertEqual(khmer.translation_of, Article.objects.get(headline="Story 1"))
        self.assertNotIn("post metadata fields", report.left_out)


class Undone(Exception):
    """Rolls an import back once its queries are counted."""


class QueryCountTests(TestCase):
    def queries_for(self, count):
        """The queries an import of ``count`` pairs makes into the database as it is now."""
        try:
            with transaction.atomic(), CaptureQueriesContext(connection) as queries:
                export = io.BytesIO(export_with_pairs(count))
                report = import_wordpress(path=export, name=f"{count}.xml")
                raise Undone  # Each size imports into the same empty archive.
        except Undone:
            pass
        self.assertEqual(report.translations, count)
        return len(queries)

    def test_each_pair_costs_the_same_number_of_queries(self):
        """Linking N pairs costs queries in proportion to N, never N²: a large archive imports."""
        four, eight, twelve = self.queries_for(4), self.queries_for(8), self.queries_for(12)
        self.assertEqual(twelve - eight, eight - four)


class SerializedTests(SimpleTestCase):
    def test_polylang_arrays_are_read(self):
        self.assertEqual(php_array('a:2:{s:2:"en";i:12;s:2:"km";i:14;}'), {"en": 12, "km": 14})
        self.assertEqual(
            php_array('a:3:{s:6:"locale";s:5:"en_US";s:3:"rtl";b:0;s:9:"flag_code";s:2:"us";}'),
            {"locale": "en_US", "rtl": False, "flag_code": "us"},
        )
        self.assertEqual(
            php_array('a:2:{s:2:"en";i:1;s:4:"sync";a:1:{s:2:"km";s:2:"en";}}'),
            {"en": 1, "sync": {"km": "en"}},
        )

    def test_string_lengths_count_bytes(self):
        """PHP counts a string's bytes, three for each Khmer letter."""
        self.assertEqual(php_array('a:1:{s:4:"name";s:9:"ខ្មែ";}'), None)
        self.assertEqual(php_array('a:1:{s:4:"name";s:12:"ខ្មែរ";}'), None)
        self.assertEqual(php_array('a:1:{s:4:"name";s:15:"ខ្មែរ";}'), {"name": "ខ្មែរ"})

    def test_anything_else_is_unreadable(self):
        for text in [
            "",
            "not serialized",
            'a:2:{s:2:"en";i:12;s:2:"km";i:',  # Cut short.
            'a:3:{s:2:"en";i:12;s:2:"km";i:14;}',  # Says three, holds two.
            'a:1:{s:2:"en";i:12;}trailing',
            'a:1:{s:2:"en";O:8:"stdClass":0:{}}',  # An object: never built.
            'a:1:{s:2:"en";r:1;}',
            'a:1:{s:99:"en";i:1;}',
            "a:1:{" * 10 + "}" * 10,
        ]:
            with self.subTest(text=text):
                self.assertIsNone(php_array(text))

    def test_a_hostile_description_costs_little(self):
        """A huge count, deep nesting or a long text is refused at once, never a crash."""
        started = time.monotonic()
        self.assertIsNone(php_array("a:999999999999:{" + "i:1;" * 10_000 + "}"))
        self.assertIsNone(php_array("a:1:{i:0;" * 50_000))
        self.assertIsNone(php_array('a:1:{s:1:"x";s:9999999:"' + "x" * 1_000_000 + '";}'))
        many = "a:5000:{" + "".join(f"i:{n};i:{n};" for n in range(3000)) + "}"
        self.assertEqual(len(php_array(many.replace("5000", "3000"))), 3000)
        self.assertLess(time.monotonic() - started, 1)
