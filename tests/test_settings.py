import os
import subprocess
import sys
import unittest
from pathlib import Path

from django.db import connection
from django.test import TestCase

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-for-the-deploy-check-3f9a1c7e5b2d",
    "ALLOWED_HOSTS": "news.example.org",
}


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return subprocess.run(  # noqa: S603 (fixed arguments, our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


class ProductionSettingsTests(TestCase):
    def test_deploy_check_is_clean(self):
        """`check --deploy` with production variables reports nothing, not even warnings."""
        result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout)

    def test_production_refuses_to_start_without_a_secret_key(self):
        result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY must be set when DEBUG is off", result.stderr)

    def test_production_refuses_to_start_without_allowed_hosts(self):
        result = manage("check", **{**PRODUCTION, "ALLOWED_HOSTS": ""})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ALLOWED_HOSTS must be set when DEBUG is off", result.stderr)


class HealthCheckTests(TestCase):
    def test_healthy(self):
        """/healthz answers 200 with the database and storage checked, never cached."""
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"db": "ok", "storage": "ok"})
        self.assertIn("no-store", response["Cache-Control"])

    def test_unwritable_storage_is_unhealthy(self):
        """When uploads cannot be written, /healthz answers 503."""
        with self.settings(MEDIA_ROOT="/proc/newsroom-cannot-write-here"):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["storage"], "error")

    def test_post_is_refused(self):
        self.assertEqual(self.client.post("/healthz").status_code, 405)


class DatabaseSettingsTests(TestCase):
    @unittest.skipUnless(connection.vendor == "postgresql", "a PostgreSQL setting")
    def test_postgresql_compiles_no_query_just_in_time(self):
        """JIT compilation cost the people search 90 ms a page at 100,000 stories."""
        with connection.cursor() as cursor:
            cursor.execute("SHOW jit")
            self.assertEqual(cursor.fetchone()[0], "off")
