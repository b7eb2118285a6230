import unittest

from django.core.cache import cache
from django.db import connection
from django.test import Client, TestCase, override_settings

from operations import checks
from operations.middleware import FORWARDED_FOR_SEEN_KEY
from tests.support.production import PRODUCTION, manage


class ProductionSettingsTests(TestCase):
    def test_deploy_check_is_clean(self):
        """`check --deploy` with production variables reports nothing, not even warnings."""
        result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout)

    def test_deploy_check_warns_behind_a_proxy_with_no_trusted_proxy(self):
        """BEHIND_TLS_PROXY=1 with TRUSTED_PROXY_COUNT unset fails `check --deploy`."""
        result = manage(
            "check", "--deploy", "--fail-level", "WARNING", BEHIND_TLS_PROXY="1", **PRODUCTION
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("newsroom.W001", result.stderr)
        self.assertIn("Set TRUSTED_PROXY_COUNT", result.stderr)
        counted = manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            BEHIND_TLS_PROXY="1",
            TRUSTED_PROXY_COUNT="1",
            **PRODUCTION,
        )
        self.assertEqual(counted.returncode, 0, counted.stdout + counted.stderr)

    def test_production_refuses_to_start_without_a_secret_key(self):
        result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY must be set when DEBUG is off", result.stderr)

    def test_production_refuses_to_start_without_allowed_hosts(self):
        result = manage("check", **{**PRODUCTION, "ALLOWED_HOSTS": ""})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ALLOWED_HOSTS must be set when DEBUG is off", result.stderr)


class ProxyCheckTests(TestCase):
    """The deploy checks that a proxy in front is counted by TRUSTED_PROXY_COUNT."""

    def setUp(self):
        cache.clear()

    def ids(self, messages):
        return [message.id for message in messages]

    @override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
    def test_a_tls_proxy_needs_a_trusted_proxy_count(self):
        self.assertEqual(self.ids(checks.check_proxy_is_trusted(None)), ["newsroom.W001"])
        with self.settings(TRUSTED_PROXY_COUNT=1):
            self.assertEqual(checks.check_proxy_is_trusted(None), [])

    @override_settings(SECURE_PROXY_SSL_HEADER=None, TRUSTED_PROXY_COUNT=0)
    def test_no_proxy_no_warning(self):
        self.assertEqual(checks.check_proxy_is_trusted(None), [])
        self.assertEqual(checks.check_forwarded_for_is_trusted(None), [])

    @override_settings(TRUSTED_PROXY_COUNT=0)
    def test_a_forwarded_request_with_no_trusted_proxy_is_noted_once(self):
        client = Client()
        client.get("/healthz")
        self.assertEqual(checks.check_forwarded_for_is_trusted(None), [])
        with self.assertLogs("operations.middleware", "WARNING") as logs:
            client.get("/healthz", headers={"x-forwarded-for": "203.0.113.7"})
        self.assertIn("TRUSTED_PROXY_COUNT is 0", logs.output[0])
        # Once per process: the next forwarded request is neither logged nor recorded.
        first = cache.get(FORWARDED_FOR_SEEN_KEY)
        with self.assertNoLogs("operations.middleware", "WARNING"):
            client.get("/healthz", headers={"x-forwarded-for": "198.51.100.4"})
        self.assertEqual(cache.get(FORWARDED_FOR_SEEN_KEY), first)
        warnings = checks.check_forwarded_for_is_trusted(None)
        self.assertEqual(self.ids(warnings), ["newsroom.W002"])
        self.assertIn("Set TRUSTED_PROXY_COUNT", warnings[0].hint)
        self.assertIn(FORWARDED_FOR_SEEN_KEY, warnings[0].hint)
        # Counting the proxy ends the warning.
        with self.settings(TRUSTED_PROXY_COUNT=1):
            self.assertEqual(checks.check_forwarded_for_is_trusted(None), [])

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_a_counted_proxy_nothing_is_noted(self):
        with self.assertNoLogs("operations.middleware", "WARNING"):
            Client().get("/healthz", headers={"x-forwarded-for": "203.0.113.7"})
        self.assertIsNone(cache.get(FORWARDED_FOR_SEEN_KEY))


class DatabaseSettingsTests(TestCase):
    @unittest.skipUnless(connection.vendor == "postgresql", "a PostgreSQL setting")
    def test_postgresql_compiles_no_query_just_in_time(self):
        """JIT compilation cost the people search 90 ms a page at 100,000 stories."""
        with connection.cursor() as cursor:
            cursor.execute("SHOW jit")
            self.assertEqual(cursor.fetchone()[0], "off")


class SiteUrlCheckTests(TestCase):
    """The deploy checks that SITE_URL is the site's own https address."""

    def ids(self, messages):
        return [message.id for message in messages]

    @override_settings(SITE_URL="https://news.example.org", ALLOWED_HOSTS=["news.example.org"])
    def test_the_sites_own_https_address_passes(self):
        self.assertEqual(checks.check_site_url(None), [])

    @override_settings(SITE_URL="http://news.example.org", ALLOWED_HOSTS=[".example.org"])
    def test_plain_http_is_named(self):
        self.assertEqual(self.ids(checks.check_site_url(None)), ["newsroom.W003"])

    @override_settings(SITE_URL="https://other.example.net", ALLOWED_HOSTS=["news.example.org"])
    def test_a_host_nobody_may_ask_for_is_named(self):
        self.assertEqual(self.ids(checks.check_site_url(None)), ["newsroom.W004"])

    def test_production_defaults_to_the_first_allowed_host(self):
        show = "from django.conf import settings; print(settings.SITE_URL)"
        result = manage("shell", "-c", show, **PRODUCTION)
        self.assertEqual(result.stdout.splitlines()[-1], "https://news.example.org", result.stderr)
