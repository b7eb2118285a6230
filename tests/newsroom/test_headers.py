"""
Security headers under production settings (SECURITY-TESTS 26, 44, 55, 56):
a reader page, a workspace page, a static file and a share preview.
"""

import re

from django.test import TestCase, override_settings
from django.urls import reverse

from tests.support.factories import make_published_article, make_user
from tests.support.reader import ReaderTestMixin
from tests.support.staff import sign_in

PRODUCTION = {
    "DEBUG": False,
    "ALLOWED_HOSTS": ["news.example"],
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


@override_settings(**PRODUCTION)
class HeaderSnapshotTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_published_article("Headers story")
        cls.editor = make_user("headers-editor", role="Editors")

    def get(self, url, **extra):
        return self.client.get(url, secure=True, headers={"host": "news.example"}, **extra)

    def assert_common(self, response):
        hsts = response["Strict-Transport-Security"]
        self.assertGreaterEqual(int(re.search(r"max-age=(\d+)", hsts)[1]), 31536000)
        self.assertIn("includeSubDomains", hsts)
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Cross-Origin-Opener-Policy"], "same-origin")

    def assert_html_page(self, response):
        self.assert_common(response)
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertEqual(response["Referrer-Policy"], "same-origin")
        csp = response["Content-Security-Policy"]
        directives = dict(
            (part.split(" ", 1) + [""])[:2] for part in (d.strip() for d in csp.split(";")) if part
        )
        # A nonce appears only on pages whose templates use one.
        self.assertRegex(directives["script-src"], r"^'self'( 'nonce-[A-Za-z0-9+/=_-]+')?$")
        self.assertNotIn("unsafe-inline", directives["script-src"])
        self.assertEqual(directives["object-src"], "'none'")
        self.assertEqual(directives["base-uri"], "'none'")
        self.assertEqual(directives["frame-ancestors"], "'none'")
        self.assertEqual(directives["default-src"], "'self'")

    def test_reader_page(self):
        response = self.get(self.story.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assert_html_page(response)

    def test_workspace_page_and_cookies(self):
        """The sign-in page and a signed-in page; CSRF and session cookies Secure, Lax."""
        response = self.get(reverse("admin:login"))
        self.assertEqual(response.status_code, 200)
        self.assert_html_page(response)
        csrf = response.cookies["csrftoken"]
        self.assertTrue(csrf["secure"])
        self.assertEqual(csrf["samesite"], "Lax")
        sign_in(self.client, self.editor)
        response = self.get(reverse("admin:index"))
        self.assertEqual(response.status_code, 200)
        self.assert_html_page(response)

    def test_session_cookie_flags(self):
        response = self.client.post(
            reverse("admin:login"),
            {"username": "headers-editor", "password": "correct horse battery"},
            secure=True,
            headers={"host": "news.example"},
        )
        session = response.cookies.get("sessionid")
        self.assertIsNotNone(session)
        self.assertTrue(session["secure"])
        self.assertTrue(session["httponly"])
        self.assertEqual(session["samesite"], "Lax")

    def test_static_file(self):
        response = self.get("/static/css/reader.css")
        self.assertEqual(response.status_code, 200)
        self.assert_common(response)

    def test_unknown_host_is_refused(self):
        response = self.client.get("/", secure=True, headers={"host": "evil.example"})
        self.assertEqual(response.status_code, 400)

    def test_http_redirects_to_https_except_the_health_check(self):
        response = self.client.get("/", headers={"host": "news.example"})
        self.assertEqual(response.status_code, 301)
        self.assertTrue(response["Location"].startswith("https://"))

    def test_error_pages_are_generic(self):
        response = self.get("/people/nobody-here/")
        self.assertEqual(response.status_code, 404)
        content = response.content.decode()
        for leak in ["Traceback", "settings", "DEBUG", "Django", "/work/", "SELECT"]:
            self.assertNotIn(leak, content)
