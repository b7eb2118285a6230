"""
``/healthz`` (liveness: the database) and ``/readyz`` (readiness: the
database, and uploads can be written at most once a minute).
"""

import datetime
from unittest import mock

import time_machine
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.test import TestCase
from django.utils import timezone


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
        self.assertEqual(response.json(), {"db": "ok", "storage": "ok"})
        self.assertIn("no-store", response["Cache-Control"])

    def test_readyz_answers_503_when_uploads_cannot_be_written(self):
        with self.settings(MEDIA_ROOT="/proc/newsroom-cannot-write-here"):
            response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json(), {"db": "ok", "storage": "error"})

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
