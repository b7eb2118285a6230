"""
Running the site in production: request logs and ids, the 503 page when the
database is overwhelmed, the health check, caching headers for a CDN,
conditional GET, and gunicorn serving it (its settings: test_production_settings).
"""

import datetime
import json
import logging
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, TransactionTestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Article, Section
from operations.middleware import JsonFormatter, RequestIdFilter
from reader.pagetags import generation
from tests.support import ROOT
from tests.support.database import migrated_sqlite
from tests.support.factories import (
    make_article,
    make_person,
    make_photograph,
    make_published_article,
    make_section,
    make_user,
    restore_roles,
)
from tests.support.production import PRODUCTION, production_environment
from tests.support.staff import sign_in


class Records(logging.Handler):
    """Keep the records a logger writes, with the filters production uses."""

    def __init__(self):
        super().__init__()
        self.records = []
        self.addFilter(RequestIdFilter())

    def emit(self, record):
        self.records.append(record)


def capture(logger_name):
    handler = Records()
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)

    def stop():
        logger.removeHandler(handler)
        logger.setLevel(previous)

    return handler, stop


class RequestLogTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_published_article("Court hears land case")

    def setUp(self):
        self.log, stop = capture("newsroom.requests")
        self.addCleanup(stop)

    def test_one_line_per_request_with_an_id_the_reader_also_gets(self):
        response = self.client.get("/articles/?q=land&page=2")
        (record,) = self.log.records
        line = json.loads(JsonFormatter().format(record))
        self.assertEqual(line["method"], "GET")
        self.assertEqual(line["path"], "/articles/")
        self.assertEqual(line["status"], 200)
        self.assertIsInstance(line["duration_ms"], float)
        self.assertEqual(line["request_id"], response["X-Request-ID"])
        self.assertEqual(len(response["X-Request-ID"]), 32)

    def test_query_strings_and_share_link_tokens_are_never_logged(self):
        """A preview link opens an unpublished story to whoever holds it."""
        token = "AbCdEf123456.secret-share-token"
        self.client.get(f"/preview/{token}/?password=hunter2")
        self.client.get(f"/km/preview/{token}/")
        self.client.get(f"/admin/reset/MQ/{token}/")
        written = "\n".join(JsonFormatter().format(record) for record in self.log.records)
        self.assertEqual(len(self.log.records), 3)
        self.assertNotIn(token, written)
        self.assertNotIn("hunter2", written)
        self.assertIn("/preview/[redacted]/", written)

    def test_a_proxys_request_id_is_kept_and_a_forged_one_replaced(self):
        kept = self.client.get("/healthz", headers={"X-Request-ID": "edge-1234abcd"})
        self.assertEqual(kept["X-Request-ID"], "edge-1234abcd")
        forged = self.client.get("/healthz", headers={"X-Request-ID": "x\nlevel=ERROR"})
        self.assertNotIn("\n", forged["X-Request-ID"])
        self.assertNotEqual(forged["X-Request-ID"], "x\nlevel=ERROR")

    def test_errors_carry_the_request_id(self):
        """A failure logged while serving a request can be found from the reader's report."""
        errors, stop = capture("operations.views")
        self.addCleanup(stop)
        cache.clear()  # Uploads are tried once a minute: not by an earlier test's request.
        with self.settings(MEDIA_ROOT="/proc/newsroom-cannot-write-here"):
            response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        self.assertTrue(errors.records)
        for record in errors.records:
            self.assertEqual(record.request_id, response["X-Request-ID"])
            self.assertIn("Traceback", JsonFormatter().format(record).replace("\\n", "\n"))

    def test_django_not_found_lines_lose_the_token(self):
        """Django's own "Not Found: /preview/…" warning goes through the same redaction."""
        from operations.middleware import RedactFilter

        record = logging.LogRecord(
            "django.request",
            logging.WARNING,
            __file__,
            1,
            "Not Found: %s",
            ("/preview/abc/",),
            None,
        )
        RedactFilter().filter(record)
        self.assertEqual(record.getMessage(), "Not Found: /preview/[redacted]/")


class CacheHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_published_article("Court hears land case")
        cls.draft = make_article("Draft nobody may see")
        cls.editor = make_user("cache-editor", role="Editors")

    def setUp(self):
        cache.clear()

    def test_anonymous_reader_pages_may_be_kept_by_a_cdn(self):
        for url in ("/", self.story.get_absolute_url(), "/articles/", "/km/"):
            with self.subTest(url):
                cache_control = self.client.get(url)["Cache-Control"]
                self.assertIn("public", cache_control)
                self.assertIn("max-age=60", cache_control)
                self.assertIn("s-maxage=300", cache_control)

    def test_staff_pages_are_private_and_never_public(self):
        sign_in(self.client, self.editor)
        for url in ("/", self.story.get_absolute_url(), "/admin/"):
            with self.subTest(url):
                cache_control = self.client.get(url)["Cache-Control"]
                self.assertIn("private", cache_control)
                self.assertNotIn("public", cache_control)

    def test_health_and_previews_are_never_stored(self):
        for url in ("/healthz", "/readyz"):
            self.assertIn("no-store", self.client.get(url)["Cache-Control"])

    def test_staff_neither_read_nor_fill_the_reader_cache(self):
        """An editor sees the database as it is; an anonymous reader's page stays cached."""
        url = self.story.get_absolute_url()
        self.client.get(url)  # An anonymous reader fills the cache.
        # Changed without signals, as the shell or a raw update would.
        Article.objects.filter(pk=self.story.pk).update(headline="Court rules on land case")
        self.assertContains(self.client.get(url), "Court hears land case")
        sign_in(self.client, self.editor)
        self.assertContains(self.client.get(url), "Court rules on land case")
        cache.clear()
        self.client.get("/")  # The editor's visit stores nothing.
        self.client.logout()
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/")
        self.assertGreater(len(queries), 0)


class ConditionalGetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_published_article("Court hears land case")
        cls.draft = make_article(
            "Draft nobody may see",
            status=Article.Status.IN_REVIEW,
            published_at=timezone.now() - datetime.timedelta(hours=2),
        )
        cls.scheduled = make_published_article(
            "Embargoed story", published_at=timezone.now() + datetime.timedelta(days=1)
        )

    def setUp(self):
        cache.clear()

    def test_an_unchanged_story_answers_304(self):
        url = self.story.get_absolute_url()
        first = self.client.get(url)
        self.assertTrue(first["ETag"].startswith('"'))
        self.assertIn("Last-Modified", first)
        again = self.client.get(url, headers={"If-None-Match": first["ETag"]})
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.content, b"")
        since = self.client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
        self.assertEqual(since.status_code, 304)

    def test_a_changed_story_answers_200_with_a_new_etag(self):
        url = self.story.get_absolute_url()
        first = self.client.get(url)
        story = Article.objects.get(pk=self.story.pk)
        story.headline = "Court rules on land case"
        story.save()
        again = self.client.get(url, headers={"If-None-Match": first["ETag"]})
        self.assertEqual(again.status_code, 200)
        self.assertContains(again, "Court rules on land case")
        self.assertNotEqual(again["ETag"], first["ETag"])

    def test_drafts_and_unknown_addresses_stay_404_whatever_the_validators(self):
        """A validator never turns a missing page into a 304 that confirms it exists."""
        etag = self.client.get(self.story.get_absolute_url())["ETag"]
        future = http_date(time.time() + 86400)
        for url in (
            self.draft.get_absolute_url(),
            self.scheduled.get_absolute_url(),
            "/articles/2020/01/no-such-story/",
        ):
            for headers in (
                {"If-None-Match": etag},
                {"If-None-Match": "*"},
                {"If-Modified-Since": future},
            ):
                with self.subTest(url=url, headers=headers):
                    response = self.client.get(url, headers=headers)
                    self.assertEqual(response.status_code, 404)
                    self.assertNotContains(response, "Draft nobody", status_code=404)


class PageInvalidationTests(TestCase):
    """Cached pages follow a change to any person, photo or section they show."""

    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Land rights")
        cls.writer = make_person("Vann Piseth")
        cls.photo = make_photograph(caption="Villagers gather in Kampong Speu, May 2, 2024.")
        cls.story = make_published_article(
            "Court hears land case",
            bylines=[cls.writer],
            section=cls.section,
            lead_photo=cls.photo,
        )

    def setUp(self):
        cache.clear()

    def assert_follows(self, change, expected):
        for url in ("/", self.story.get_absolute_url()):
            self.client.get(url)
        before = generation()
        change()
        self.assertNotEqual(generation(), before)
        for url in ("/", self.story.get_absolute_url()):
            with self.subTest(url):
                self.assertContains(self.client.get(url), expected)

    def test_a_renamed_person(self):
        def rename():
            self.writer.name = "Vann Piseth Junior"
            self.writer.save()

        self.assert_follows(rename, "Vann Piseth Junior")

    def test_a_photo_given_new_alt_text(self):
        def describe():
            self.photo.alt_text = "Villagers hold up their land titles."
            self.photo.save()

        self.assert_follows(describe, "Villagers hold up their land titles.")

    def test_a_renamed_section(self):
        def rename():
            section = Section.objects.get(pk=self.section.pk)
            section.name = "Land and housing"
            section.save()

        self.assert_follows(rename, "Land and housing")


class HealthCheckFailureTests(TransactionTestCase):
    def test_database_down_answers_503_without_details(self):
        """No database: 503 with only the check's name, never stored, no versions."""
        settings_dict = connection.settings_dict
        saved = {key: settings_dict[key] for key in ("NAME", "HOST", "PORT")}
        connection.close()
        if connection.vendor == "sqlite":
            settings_dict["NAME"] = "/nonexistent-folder/newsroom.sqlite3"
        else:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                free_port = probe.getsockname()[1]
            settings_dict.update(HOST="127.0.0.1", PORT=str(free_port))
        try:
            response = self.client.get("/healthz")
        finally:
            connection.close()
            settings_dict.update(saved)
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json(), {"db": "error"})
        self.assertIn("no-store", response["Cache-Control"])
        self.assertNotIn("Server", response)
        for secret in ("Django", "sqlite", "postgres", "6.1", "Traceback"):
            self.assertNotIn(secret, response.content.decode())


@unittest.skipUnless(connection.vendor == "sqlite", "locks the SQLite database file itself")
class DatabaseLockedTests(TransactionTestCase):
    def setUp(self):
        restore_roles()
        self.editor = make_user("busy-editor", role="Editors")
        sign_in(self.client, self.editor)
        options = connection.settings_dict["OPTIONS"]
        self.timeout = options["timeout"]
        # Give up after a tenth of a second instead of twenty.
        options["timeout"] = 0.1
        connection.close()
        self.addCleanup(self.restore_timeout)

    def restore_timeout(self):
        connection.close()
        connection.settings_dict["OPTIONS"]["timeout"] = self.timeout

    def test_a_locked_database_gives_503_with_retry_after_not_a_traceback(self):
        """Another process holds the write lock: the save is refused politely, not half-made."""
        other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            response = self.client.post(
                "/admin/articles/section/add/",
                {"name": "Economy", "slug": "economy", "position": 3},
            )
        finally:
            other.execute("ROLLBACK")
            other.close()
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "10")
        self.assertIn("no-store", response["Cache-Control"])
        self.assertContains(response, "The site is busy", status_code=503)
        self.assertNotContains(response, "Traceback", status_code=503)
        self.assertNotContains(response, "database is locked", status_code=503)
        self.assertFalse(Section.objects.filter(slug="economy").exists())
        # Once the lock is gone, the same save works.
        response = self.client.post(
            "/admin/articles/section/add/", {"name": "Economy", "slug": "economy", "position": 3}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Section.objects.filter(slug="economy").exists())


@pytest.mark.server
class ServedByGunicornTests(TestCase):
    def test_gunicorn_serves_with_production_settings(self):
        """As `make serve` does: DEBUG off, gunicorn's config, JSON request lines on stdout."""
        with tempfile.TemporaryDirectory(prefix="newsroom-serve-") as folder:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            env = production_environment(
                **{**PRODUCTION, "ALLOWED_HOSTS": "127.0.0.1"},
                SECURE_SSL_REDIRECT="0",
                DATABASE_URL=f"sqlite:///{folder}/db.sqlite3",
                VAR_DIR=folder,
                STATIC_ROOT=f"{folder}/static",
                GUNICORN_BIND=f"127.0.0.1:{port}",
                WEB_CONCURRENCY="2",
                SERVE_UPLOADS="1",
            )
            photo = Path(folder, "uploads", "photos", "served.jpg")
            photo.parent.mkdir(parents=True)
            photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
            gunicorn = Path(sys.executable).with_name("gunicorn")
            # From the run's template when there is one: migrate then finds nothing to do.
            migrated_sqlite(Path(folder, "db.sqlite3"))
            subprocess.run(  # noqa: S603
                [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
                cwd=ROOT,
                env=env,
                check=True,
                timeout=300,
            )
            server = subprocess.Popen(  # noqa: S603
                [str(gunicorn), "-c", "newsroom/gunicorn.conf.py", "newsroom.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            try:
                response = None
                deadline = time.monotonic() + 30
                import http.client

                while time.monotonic() < deadline and response is None:
                    try:
                        client = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                        client.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
                        response = client.getresponse()
                        body = response.read()
                        client.close()
                    except OSError:
                        time.sleep(0.2)
                self.assertIsNotNone(response, "gunicorn did not answer")
                self.assertEqual(response.status, 200)
                self.assertEqual(json.loads(body), {"db": "ok"})
                request_id = response.getheader("X-Request-ID")
                self.assertTrue(request_id)
                # `make serve` serves uploads itself (SERVE_UPLOADS=1), nothing outside them.
                for path in [
                    "/uploads/photos/served.jpg",
                    "/uploads/../db.sqlite3",
                    "/uploads/%2e%2e/db.sqlite3",
                ]:
                    client = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    client.request("GET", path, headers={"Host": "127.0.0.1"})
                    served = client.getresponse()
                    served.read()
                    client.close()
                    if path.endswith(".jpg"):
                        self.assertEqual(served.status, 200)
                        self.assertEqual(served.getheader("Content-Type"), "image/jpeg")
                        self.assertEqual(served.getheader("X-Content-Type-Options"), "nosniff")
                    else:
                        self.assertIn(served.status, {400, 404}, path)
            finally:
                server.terminate()
                output, _ = server.communicate(timeout=30)
        lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
        (line,) = [line for line in lines if line.get("request_id") == request_id]
        self.assertEqual((line["method"], line["path"], line["status"]), ("GET", "/healthz", 200))
        self.assertIn(f"request_id={request_id}", output)
