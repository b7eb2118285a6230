"""
A change renews exactly the cached pages that show it (``reader.pagetags``,
``reader.signals``): the rest of the site keeps being served from the cache.
"""

from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from media.services import withdraw_photograph
from people.protection import protect
from reader import pagecache
from tests.support.factories import (
    make_article,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_ready_article,
    make_section,
    make_topic,
    make_user,
    place_photo,
)
from tests.support.reader import make_full_story
from tests.support.staff import sign_in
from workflow import services


class RenewalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("renewal-editor", role="Editors")
        cls.land, cls.health = make_section("Land"), make_section("Health")
        cls.speaker = make_person("Chea Vanna")
        cls.other_speaker = make_person("Ouk Sina")
        cls.photo = make_photograph(caption="Villagers gather in Kampong Speu.")
        cls.story = make_published_article("Families lose their rice fields", section=cls.land)
        make_quote(cls.story, speaker=cls.speaker)
        place_photo(cls.story, cls.photo)
        # A second story in the section keeps it in the navigation of every page.
        make_published_article("Rubber company fenced the forest", section=cls.land)
        cls.other = make_published_article("Clinic opens in Kratie", section=cls.health)
        make_quote(cls.other, speaker=cls.other_speaker)
        cls.in_review = make_ready_article(
            "Rice prices fall again",
            status=Article.Status.IN_REVIEW,
            section=cls.land,
            lead_photo=cls.photo,
            bylines=[cls.other_speaker],
        )
        make_quote(cls.in_review, speaker=cls.speaker)

    def setUp(self):
        cache.clear()
        self.pages = {
            "home": "/",
            "km home": "/km/",
            "story": self.story.get_absolute_url(),
            "other story": self.other.get_absolute_url(),
            "speaker": f"/people/{self.speaker.slug}/",
            "other speaker": f"/people/{self.other_speaker.slug}/",
        }
        for url in self.pages.values():
            self.assertEqual(self.client.get(url).status_code, 200, url)

    def renewed(self):
        """The pages rendered again rather than served from the cache."""
        renewed = set()
        for name, url in self.pages.items():
            with CaptureQueriesContext(connection) as queries:
                self.client.get(url)
            if queries:
                renewed.add(name)
        return renewed

    def test_nothing_changed_nothing_renewed(self):
        self.assertEqual(self.renewed(), set())

    def test_publishing_renews_the_lists_it_joins_not_other_stories(self):
        """The home pages and the quoted person's page; no story page."""
        services.publish(article=self.in_review, editor=self.editor)
        self.assertEqual(self.renewed(), {"home", "km home", "speaker", "other speaker"})

    def test_correcting_renews_the_pages_showing_the_story(self):
        story = Article.objects.get(pk=self.story.pk)
        story.body = "Corrected: forty families, not fifty."
        story.save()
        self.assertEqual(self.renewed(), {"home", "km home", "story", "speaker"})

    def test_unpublishing_renews_the_pages_showing_the_story(self):
        services.unpublish(article=self.story, editor=self.editor, note="A legal threat.")
        self.assertEqual(self.renewed(), {"home", "km home", "story", "speaker"})

    def test_editing_a_draft_renews_nothing(self):
        draft = make_article("Rice prices fall again", section=self.land)
        make_quote(draft, speaker=self.speaker)
        draft.body = "Rewritten."
        draft.save()
        self.assertEqual(self.renewed(), set())

    def test_a_withdrawn_photo_leaves_every_page_showing_it_at_once(self):
        """The photo leaves the story it was placed in, which renews the story's lists too."""
        withdraw_photograph(photograph=self.photo, user=self.editor)
        self.assertEqual(self.renewed(), {"home", "km home", "story", "speaker"})

    def test_a_protected_source_leaves_every_page_showing_them_at_once(self):
        self.speaker.is_protected_source = True
        self.speaker.public_label = "an official who asked not to be named"
        self.speaker.save()
        protect(person=self.speaker, editor=self.editor)
        self.assertEqual(self.renewed(), {"home", "km home", "story", "speaker"})
        response = self.client.get(self.story.get_absolute_url())
        self.assertNotContains(response, "Chea Vanna")

    def test_a_change_in_another_process_is_seen_at_the_next_request(self):
        """A page kept in this process's memory is checked against the shared tokens."""
        url = self.story.get_absolute_url()
        self.assertTrue(pagecache._in_memory)
        # Another process renews the story: only the shared cache changes.
        cache.set(f"reader:tag:story:{self.story.pk}", "from-another-process", None)
        cache.set("reader:tags:generation", "moved-by-another-process", None)
        with CaptureQueriesContext(connection) as queries:
            self.client.get(url)
        self.assertTrue(queries)
        with CaptureQueriesContext(connection) as queries:
            self.client.get(self.other.get_absolute_url())
        self.assertFalse(queries)


class EveryPageTests(TestCase):
    """
    Sections, topics, organizations, photos, corrections, feeds, sitemaps, the
    archive and search are cached too.
    """

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("every-page-editor", role="Editors")
        cls.land, cls.health = make_section("Land"), make_section("Health")
        cls.topic = make_topic("Rubber")
        cls.story = make_full_story("Families lose their rice fields", section=cls.land)
        cls.story.topics.add(cls.topic)
        cls.writer = cls.story.bylines.first().person
        cls.organization = cls.story.organizations.first()
        cls.other = make_published_article("Clinic opens in Kratie", section=cls.health)
        cls.in_review = make_ready_article(
            "Rice prices fall again", status=Article.Status.IN_REVIEW, section=cls.land
        )

    def setUp(self):
        cache.clear()
        self.pages = {
            "home": "/",
            "land": f"/sections/{self.land.slug}/",
            "health": f"/sections/{self.health.slug}/",
            "topic": f"/topics/{self.topic.slug}/",
            "organization": f"/organizations/{self.organization.slug}/",
            "photos": "/photos/",
            "photo": f"/photos/{self.story.lead_photo_id}/",
            "corrections": "/corrections/",
            "feed": "/feeds/latest/",
            "feed in Khmer": "/feeds/latest/?language=km",
            "land feed": f"/feeds/sections/{self.land.slug}/",
            "health feed": f"/feeds/sections/{self.health.slug}/",
            "author feed": f"/feeds/authors/{self.writer.slug}/",
            "language feed": "/feeds/languages/en/",
            "sitemap": "/sitemap.xml",
            "news sitemap": "/news-sitemap.xml",
            "archive": "/articles/",
            "archive of land": f"/articles/?section={self.land.slug}&q=rice",
            "search": "/search/?q=rice",
        }
        for url in self.pages.values():
            self.assertEqual(self.client.get(url).status_code, 200, url)

    def renewed(self):
        return RenewalTests.renewed(self)

    def test_a_cached_page_costs_no_query(self):
        for url in self.pages.values():
            with self.subTest(url), self.assertNumQueries(0):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_publishing_renews_its_sections_pages_not_another_sections(self):
        """The story's section, its feed, the home page, feeds, sitemaps and photo pages."""
        services.publish(article=self.in_review, editor=self.editor)
        self.assertEqual(
            self.renewed(),
            {
                "home",
                "land",
                "organization",
                "photos",
                "photo",
                "corrections",
                "feed",
                "feed in Khmer",
                "land feed",
                "language feed",
                "sitemap",
                "news sitemap",
                "archive",
                "archive of land",
                "search",
            },
        )

    def test_words_searched_for_share_a_page_whatever_their_spacing(self):
        for url in ("/search/?q=%20rice%20", "/search/?q=rice&utm_source=mail"):
            with self.subTest(url), self.assertNumQueries(0):
                self.assertContains(self.client.get(url), "Families lose their rice fields")
        with self.assertNumQueries(0):
            self.client.get(f"/articles/?q=rice%20%20&section={self.land.slug}")

    @override_settings(PAGE_CACHE_HEADER=True)
    def test_an_archive_filter_that_names_nothing_goes_uncached(self):
        """A 400 for a section nobody published in, or a language the site lacks, is not kept."""
        for url in ("/articles/?section=nowhere", "/articles/?language=fr"):
            for _ in range(2):
                with self.subTest(url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 400)
                    self.assertNotIn("X-Page-Cache", response)
        self.assertEqual(self.client.get("/search/?q=rice")["X-Page-Cache"], "hit")

    def test_editing_a_draft_renews_nothing(self):
        draft = make_article("Rice prices fall again", section=self.land)
        draft.topics.add(self.topic)
        draft.body = "Rewritten."
        draft.save()
        self.assertEqual(self.renewed(), set())

    def test_a_signed_in_editor_is_never_served_a_cached_page(self):
        sign_in(self.client, self.editor)
        for url in self.pages.values():
            with self.subTest(url), CaptureQueriesContext(connection) as queries:
                response = self.client.get(url)
            self.assertTrue(queries)
            self.assertIn("private", response["Cache-Control"])

    def test_a_page_number_past_the_last_goes_uncached(self):
        """
        "?page=2" of a one-page list shows page 1, and is not kept: made-up
        page numbers (up to 9999 of them per list) must not fill the cache.
        """
        for name in ("land", "photos", "corrections"):
            url = f"{self.pages[name]}?page=2"
            for _ in range(2):
                with self.subTest(url), CaptureQueriesContext(connection) as queries:
                    self.assertEqual(self.client.get(url).status_code, 200)
                self.assertTrue(queries)

    def test_a_made_up_query_value_goes_uncached(self):
        """Only plain page numbers are kept: anything else is rendered and not stored."""
        url = f"{self.pages['land']}?page=0002"
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url).status_code, 200)
            self.assertTrue(queries)
        with self.assertNumQueries(0):
            self.client.get(f"{self.pages['land']}?utm_source=mail")
