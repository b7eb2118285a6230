"""
``/healthz`` (liveness: the database) and ``/readyz`` (readiness: the
database, the shared cache, and uploads can be written at most once a minute).
"""

import datetime
from unittest import mock

import time_machine
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.support.factories import make_article, make_person, make_quote, make_user
from tests.support.reader import call_wsgi, wsgi_environ
from tests.support.redis_server import free_port
from tests.support.staff import sign_in
from tests.support.syndication import bearer, make_key


class HealthTests(TestCase):
    def setUp(self):
        cache.clear()

    def writes(self):
        return mock.patch.object(default_storage, "save", wraps=default_storage.save)

    def test_healthz_checks_the_database_and_writes_nothing(self):
        """Load balancers ask every few seconds: a query, no file written."""
        with self.writes() as save, self.assertNumQueries(1):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"db": "ok"})
        self.assertIn("no-store", response["Cache-Control"])
        save.assert_not_called()

    def test_healthz_ignores_unwritable_uploads(self):
        """Liveness is the process and its database; uploads are for readiness."""
        with self.settings(MEDIA_ROOT="/proc/newsroom-cannot-write-here"):
            self.assertEqual(self.client.get("/healthz").status_code, 200)

    def test_readyz_checks_the_database_and_uploads(self):
        response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"db": "ok", "cache": "ok", "storage": "ok"})
        self.assertIn("no-store", response["Cache-Control"])

    def test_readyz_answers_503_when_uploads_cannot_be_written(self):
        with self.settings(MEDIA_ROOT="/proc/newsroom-cannot-write-here"):
            response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json(), {"db": "ok", "cache": "ok", "storage": "error"})

    def test_readyz_writes_at_most_once_a_minute(self):
        """However often it is asked, uploads are tried once a minute; the result is kept."""
        start = timezone.now()
        with self.writes() as save:
            with time_machine.travel(start, tick=False):
                for _ in range(5):
                    self.assertEqual(self.client.get("/readyz").status_code, 200)
            self.assertEqual(save.call_count, 1)
            with time_machine.travel(start + datetime.timedelta(seconds=59), tick=False):
                self.client.get("/readyz")
            self.assertEqual(save.call_count, 1)
            with time_machine.travel(start + datetime.timedelta(seconds=61), tick=False):
                self.client.get("/readyz")
                self.client.get("/readyz")
            self.assertEqual(save.call_count, 2)

    def test_a_failure_is_remembered_for_the_minute(self):
        """Uploads that failed are reported failing until the next try, not hidden."""
        with self.settings(MEDIA_ROOT="/proc/newsroom-cannot-write-here"):
            self.assertEqual(self.client.get("/readyz").status_code, 503)
        self.assertEqual(self.client.get("/readyz").status_code, 503)

    def test_post_is_refused(self):
        for url in ("/healthz", "/readyz"):
            with self.subTest(url):
                self.assertEqual(self.client.post(url).status_code, 405)


class SharedCacheDownTests(TestCase):
    """
    The shared cache (Redis, on a machine of its own) cannot be reached: the
    app servers are alive and say so, so that nothing restarts them in a loop
    for an outage a restart cannot mend; they are not ready for readers,
    whose pages all read it.
    """

    def setUp(self):
        # A real Redis client, and nothing listening where it connects.
        nowhere = f"redis://127.0.0.1:{free_port()}/0"
        cache_down = override_settings(
            CACHES={
                "default": {
                    "BACKEND": "django.core.cache.backends.redis.RedisCache",
                    "LOCATION": nowhere,
                }
            }
        )
        cache_down.enable()
        self.addCleanup(cache_down.disable)

    def test_healthz_answers_from_the_database(self):
        with self.assertLogs("reader.pagecache", "WARNING"):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"db": "ok"})

    def test_healthz_answers_through_the_wsgi_entry(self):
        """Asked of gunicorn's entry point, which looks for a kept page first."""
        with self.assertLogs("reader.pagecache", "WARNING"):
            status, _headers, body = call_wsgi(wsgi_environ("/healthz"))
        self.assertEqual(status, "200 OK")
        self.assertEqual(body, b'{"db": "ok"}')

    def test_readyz_says_the_cache_is_down(self):
        with self.assertLogs("operations.views", "ERROR") as logs:
            response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json(), {"db": "ok", "cache": "error", "storage": "unknown"})
        self.assertIn("the shared cache did not answer", logs.output[0])

    @classmethod
    def setUpTestData(cls):
        # Made while the cache answers: saving a story renews the pages that show it.
        cls.story = story = make_article(
            "Flood waters reach the riverside market",
            status="published",
            published_at=timezone.now() - datetime.timedelta(hours=2),
            body="Traders moved their stalls.\n\n[quote 1]",
        )
        make_quote(story, speaker=make_person("Keo Sreymom"), text="We lost a day of sales.")
        cls.editor = make_user("cache-down-editor", role="Editors")

    def test_readers_get_every_page_made_from_the_database(self):
        """No reader surface fails with the cache: each is made afresh, the same page."""
        story = self.story
        # A failure the test client would raise again is answered in the page here.
        reader = Client(raise_request_exception=False)
        addresses = [
            "/",
            story.get_absolute_url(),
            "/articles/",
            "/search/?q=flood",
            "/feeds/latest/",
            "/sitemap.xml",
            "/photos/",
            reverse("reader:person_detail", args=[story.quotes.get().speaker.slug]),
            "/km/",
        ]
        with self.assertLogs("operations.shared_cache", "ERROR"):
            for address in addresses:
                with self.subTest(address):
                    self.assertEqual(reader.get(address).status_code, 200)
        page = reader.get(story.get_absolute_url())
        self.assertContains(page, "Flood waters reach the riverside market")
        self.assertContains(page, "We lost a day of sales.")
        self.assertEqual(reader.get("/no-such-page/").status_code, 404)

    def test_a_change_is_refused_while_the_cache_is_down(self):
        """A takedown saved without renewing the cached pages would not reach readers."""
        story = self.story
        staff = Client(raise_request_exception=False)
        sign_in(staff, self.editor)
        move = reverse("admin:articles_article_move", args=[story.pk, "unpublish"])
        with self.assertLogs("operations.shared_cache", "ERROR"):
            response = staff.post(move, {"note": "It names a source."})
        self.assertEqual(response.status_code, 503)
        self.assertContains(response, "nothing was saved", status_code=503)
        self.assertEqual(response["Retry-After"], "30")
        story.refresh_from_db()
        self.assertEqual(story.status, Article.Status.PUBLISHED)

    def test_partners_are_told_to_come_back(self):
        _api_key, key = make_key()
        partner = Client(raise_request_exception=False)
        with self.assertLogs("operations.shared_cache", "ERROR"):
            response = partner.get("/api/v1/items", headers=bearer(key))
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["error"], "unavailable")
        self.assertIn("Retry-After", response)
