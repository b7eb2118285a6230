"""
The page cache (``articles.pagecache``) on every cache backend Django ships,
and only for the site's own address (``settings.SITE_URL``).
"""

import datetime
import shutil
import tempfile
import unittest
from urllib.parse import urlencode

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.support.factories import make_section, make_topic
from tests.support.reader import ReaderTestMixin, make_full_story
from tests.support.redis_server import REDIS_SERVER, start_redis


class EveryReaderPage:
    """
    Every kind of reader page answers 200 with the cache backend a subclass
    names in ``cache_settings()``, from a fresh render and again, when the
    backend may serve it from what it kept.
    """

    # Whether the backend keeps what it is given (DummyCache keeps nothing).
    keeps_pages = True

    @classmethod
    def cache_settings(cls):
        raise NotImplementedError

    @classmethod
    def prepare_cache(cls):
        """Make what the backend needs before settings name it (a folder, a server)."""

    @classmethod
    def setUpClass(cls):
        cls.prepare_cache()
        # Before TestCase's own setUpClass: the content made in setUpTestData
        # already starts content versions in this backend.
        overridden = override_settings(CACHES={"default": cls.cache_settings()})
        overridden.enable()
        cls.addClassCleanup(overridden.disable)
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Land")
        cls.topic = make_topic("Rubber")
        cls.story = make_full_story("Families lose their rice fields", section=cls.section)
        cls.story.topics.add(cls.topic)
        cls.author = cls.story.bylines.first().person
        cls.speaker = cls.story.quotes.first().speaker
        cls.organization = cls.story.organizations.get()
        cls.photo = cls.story.lead_photo

    def reader_pages(self):
        """Every kind of reader page, in English and then at its /km/ address."""
        archive = reverse("reader:archive")
        day = timezone.localdate(self.story.published_at).isoformat()
        filters = [
            {"q": "families"},
            {"section": self.section.slug},
            {"topic": self.topic.slug},
            {"author": self.author.slug},
            {"quoted": self.speaker.slug},
            {"language": "en"},
            {"published_after": day},
            {"published_before": day},
        ]
        pages = [
            reverse("reader:home"),
            self.story.get_absolute_url(),
            archive,
            *(f"{archive}?{urlencode(query)}" for query in filters),
            reverse("reader:section_detail", args=[self.section.slug]),
            reverse("reader:topic_detail", args=[self.topic.slug]),
            reverse("reader:person_detail", args=[self.speaker.slug]),
            reverse("reader:person_detail", args=[self.author.slug]),
            reverse("reader:organization_detail", args=[self.organization.slug]),
            reverse("reader:photo_list"),
            reverse("reader:photo_detail", args=[self.photo.pk]),
            f"{reverse('reader:search')}?q=families",
            reverse("reader:correction_list"),
            reverse("reader:feed_latest"),
            reverse("reader:feed_latest_atom"),
            reverse("reader:feed_section", args=[self.section.slug]),
            reverse("reader:feed_section_atom", args=[self.section.slug]),
            reverse("reader:feed_author", args=[self.author.slug]),
            reverse("reader:feed_author_atom", args=[self.author.slug]),
            reverse("reader:feed_language", args=["en"]),
            reverse("reader:feed_language_atom", args=["en"]),
        ]
        khmer = [f"/km{page}" for page in pages]
        return [*pages, *khmer, "/sitemap.xml", "/news-sitemap.xml"]

    def test_every_reader_page_answers(self):
        """Every reader page answers 200 in both languages, rendered and again."""
        for url in self.reader_pages():
            for attempt in ("first", "again"):
                with self.subTest(url=url, attempt=attempt):
                    self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_page_is_kept_when_the_backend_keeps_it(self):
        """
        A story asked for again later is the page made the first time, where
        the backend keeps what it is given; DummyCache makes it anew.
        """
        url = self.story.get_absolute_url()
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            first = self.client.get(url)
        with time_machine.travel(start + datetime.timedelta(seconds=30), tick=False):
            again = self.client.get(url)
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.content, first.content)
        kept = again["Last-Modified"] == first["Last-Modified"]
        self.assertIs(kept, self.keeps_pages)


class DummyCacheTests(EveryReaderPage, ReaderTestMixin, TestCase):
    keeps_pages = False

    @classmethod
    def cache_settings(cls):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}


class LocMemCacheTests(EveryReaderPage, ReaderTestMixin, TestCase):
    @classmethod
    def cache_settings(cls):
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "every-reader-page",
        }


class FileBasedCacheTests(EveryReaderPage, ReaderTestMixin, TestCase):
    @classmethod
    def prepare_cache(cls):
        cls.folder = tempfile.mkdtemp(prefix="newsroom-cache-")
        cls.addClassCleanup(shutil.rmtree, cls.folder, ignore_errors=True)

    @classmethod
    def cache_settings(cls):
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": cls.folder,
        }


class DatabaseCacheTests(EveryReaderPage, ReaderTestMixin, TestCase):
    @classmethod
    def cache_settings(cls):
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "newsroom_test_cache",
        }

    @classmethod
    def setUpTestData(cls):
        # Inside the class's transaction, so the table goes when the class ends.
        call_command("createcachetable", verbosity=0)
        super().setUpTestData()


@unittest.skipUnless(REDIS_SERVER, "redis-server is not installed (scripts/ensure-redis)")
@pytest.mark.server
class RedisCacheTests(EveryReaderPage, ReaderTestMixin, TestCase):
    @classmethod
    def prepare_cache(cls):
        cls.url = start_redis(cls.addClassCleanup)

    @classmethod
    def cache_settings(cls):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": cls.url}


PORTS = range(8100, 8150)


@override_settings(ALLOWED_HOSTS=["testserver", "127.0.0.1"])
class CanonicalHostTests(ReaderTestMixin, TestCase):
    """
    Pages hold absolute addresses built from the request (canonical link,
    og:url, JSON-LD), so only pages asked for at ``settings.SITE_URL`` are
    stored and served; any other host, port or scheme gets a fresh page.
    """

    @classmethod
    def setUpTestData(cls):
        cls.story = make_full_story("Families lose their rice fields")
        cls.url = cls.story.get_absolute_url()

    def test_other_ports_add_nothing_to_the_cache(self):
        """Asking at 50 ports stores no page, and the canonical page stays as it was."""
        canonical = self.client.get(self.url)
        entries = len(cache._cache)
        for port in PORTS:
            response = self.client.get(self.url, HTTP_HOST=f"127.0.0.1:{port}")
            self.assertContains(response, f"http://127.0.0.1:{port}{self.url}")
        self.assertContains(self.client.get(self.url, secure=True), f"https://testserver{self.url}")
        self.assertEqual(len(cache._cache), entries)
        with self.assertNumQueries(0):
            again = self.client.get(self.url)
        self.assertEqual(again.content, canonical.content)
        self.assertEqual(again["ETag"], canonical["ETag"])

    def test_a_page_made_for_another_host_is_not_served_at_the_canonical_one(self):
        """The first visit at another port leaves nothing the site's own address would serve."""
        self.assertContains(
            self.client.get(self.url, HTTP_HOST="127.0.0.1:8123"), "http://127.0.0.1:8123"
        )
        canonical = self.client.get(self.url)
        self.assertContains(canonical, f'href="http://testserver{self.url}"')
        self.assertNotContains(canonical, "127.0.0.1")

    def test_the_canonical_page_is_still_cached(self):
        """At the site's own address a second visit costs no query; unchanged, it answers 304."""
        first = self.client.get(self.url)
        with self.assertNumQueries(0):
            again = self.client.get(self.url)
        self.assertEqual(again["ETag"], first["ETag"])
        with self.assertNumQueries(0):
            unchanged = self.client.get(self.url, HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(unchanged.status_code, 304)

    def test_other_hosts_render_afresh_each_time(self):
        """A page asked for at another port is rendered on every visit, never read back."""
        self.client.get(self.url)
        other = {"HTTP_HOST": "127.0.0.1:8123"}
        self.client.get(self.url, **other)
        with self.assertNumQueries(0):
            self.client.get(self.url)
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(self.url, **other).status_code, 200)
        self.assertGreater(len(queries), 0)
