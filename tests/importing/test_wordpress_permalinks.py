"""
After a WordPress import the old site's addresses of its posts keep working:
each answers 301 to the story's address here, once the story is published
(tests/fixtures/wordpress/permalinks.xml, invented).
"""

from django.test import TestCase
from django.utils import translation

from articles.models import Article
from importing.models import FormerPermalink
from importing.wordpress.importer import import_wordpress
from tests.support import FIXTURES
from tests.support.factories import make_user
from tests.support.reader import ReaderTestMixin
from workflow.services import unpublish

EXPORT = FIXTURES / "wordpress" / "permalinks.xml"
KHMER_PATH = "/2023/07/23/%E1%9E%99%E1%9E%BB%E1%9E%9C%E1%9E%87%E1%9E%93/"


def story(wordpress_id):
    return Article.objects.get(
        import_records__kind="post", import_records__external_id=wordpress_id
    )


class FormerPermalinkTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("permalink-editor", role="Editors")
        import_wordpress(path=EXPORT, user=cls.editor)
        cls.english, cls.khmer, cls.draft = story("301"), story("302"), story("303")

    def assert_moved(self, old, article):
        with translation.override(article.language):
            new = article.get_absolute_url()
        response = self.client.get(old)
        self.assertRedirects(response, new, status_code=301, fetch_redirect_response=False)
        self.assertEqual(self.client.get(new).status_code, 200)

    def test_the_permalink_leads_to_the_story(self):
        self.assert_moved("/2023/07/23/young-voters-queue-early/", self.english)

    def test_without_its_trailing_slash_too(self):
        self.assert_moved("/2023/07/23/young-voters-queue-early", self.english)

    def test_the_post_id_form_leads_to_the_story(self):
        """``/?p=301``, WordPress's guid, would otherwise be the home page."""
        self.assert_moved("/?p=301", self.english)

    def test_the_post_name_form_leads_to_the_story(self):
        self.assert_moved("/young-voters-queue-early/", self.english)

    def test_a_khmer_permalink_leads_to_the_khmer_site(self):
        self.assertEqual(self.khmer.language, "km")
        self.assert_moved(KHMER_PATH, self.khmer)
        self.assert_moved(KHMER_PATH.lower(), self.khmer)
        self.assert_moved("/?p=302", self.khmer)

    def test_a_draft_is_never_redirected_to(self):
        """Its old addresses answer the same 404 as an address that never existed."""
        self.assertEqual(self.draft.status, Article.Status.DRAFT)
        unknown = self.client.get("/2023/07/24/no-such-post/")
        self.assertEqual(unknown.status_code, 404)
        for old in ("/counting-continues/", "/?p=303"):
            with self.subTest(old=old):
                response = self.client.get(old)
                if old.startswith("/?"):
                    # The home page, as for any other query string.
                    self.assertEqual(response.status_code, 200)
                    self.assertNotContains(response, "Counting continues")
                else:
                    self.assertEqual(response.status_code, 404)
                    self.assertEqual(response.content, unknown.content)

    def test_a_story_taken_down_is_not_redirected_to(self):
        unpublish(article=self.english, editor=self.editor, note="Legal review.")
        self.assertEqual(self.client.get("/2023/07/23/young-voters-queue-early/").status_code, 404)
        self.assertEqual(self.client.get("/?p=301").status_code, 200)

    def test_an_unknown_post_id_is_the_home_page(self):
        self.assertEqual(self.client.get("/?p=999").status_code, 200)

    def test_addresses_are_kept_once_on_a_second_import(self):
        before = set(FormerPermalink.objects.values_list("path", "article"))
        import_wordpress(path=EXPORT, user=self.editor)
        self.assertEqual(set(FormerPermalink.objects.values_list("path", "article")), before)
        self.assertIn(("/?p=301", self.english.pk), before)

    def test_only_reading_is_redirected(self):
        response = self.client.post("/2023/07/23/young-voters-queue-early/")
        self.assertNotEqual(response.status_code, 301)
