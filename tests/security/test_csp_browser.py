"""
The Content Security Policy as a second wall, in headless Chromium
(SECURITY-TESTS 26, 44, 55).

The sanitizer is the first wall: a script saved in a story's body never
reaches the page. These tests make one reach it anyway, the two ways it
could: a ``body_html`` written past ``Article.save()`` (a fixture, a restored
backup, ``QuerySet.update()``; ``story_html`` marks the stored HTML safe),
and markup added to the server's real response on its way to the browser.
The policy must then stop it, while the workspace's own scripts keep
working under the same policy, and no page loads anything from another
origin. Uploaded photos are served with ``nosniff`` and their own type.
"""

import re
import unittest
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.conf import settings
from django.test import TestCase
from django.urls import resolve
from django.utils import translation
from django.views.static import serve as static_serve

from articles.models import Article
from tests.support.browser import BrowserTestCase, load_lazy_images
from tests.support.factories import (
    image_upload,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_user,
)

PASSWORD = "a-csp-browser-test-password"  # noqa: S105

# Runs in every document before the page's own scripts (Playwright injects it
# through DevTools, so the page's policy does not apply to it).
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
  });
});
"""

# What an attacker would want to run. The same-origin script is the control:
# scripts from 'self' still run (Django's urlify.js sets window.URLify).
PLANTED = (
    '<script id="planted-script">window.__pwned = 1;</script>'
    '<img id="planted-image" src="x" alt="" onerror="window.__pwned = 2">'
    '<script id="self-script" src="/static/admin/js/urlify.js"></script>'
)


def directives(policy):
    """A policy header as {directive: value}."""
    parts = (part.strip() for part in policy.split(";"))
    return dict((part.split(" ", 1) + [""])[:2] for part in parts if part)


class CspBrowserTestCase(BrowserTestCase):
    """Collects the policy violations a page reports, as events and on the console."""

    def setUp(self):
        super().setUp()
        self.page.add_init_script(LISTEN_FOR_VIOLATIONS)
        self.csp_console = []
        self.page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and self.csp_console.append(message.text)
            ),
        )

    def wait_until(self, expression, seconds=10):
        """
        Poll ``expression`` from Python: ``page.wait_for_function`` evaluates
        its predicate with eval() in the page, which some policies forbid.
        """
        for _ in range(seconds * 20):
            if self.page.evaluate(expression):
                return
            self.page.wait_for_timeout(50)
        self.fail(f"Still false after {seconds} s: {expression}")

    def violations(self):
        return self.page.evaluate("window.__cspViolations")

    def assert_no_violations(self, where):
        self.assertEqual(self.violations(), [], where)
        self.assertEqual(self.csp_console, [], where)

    def visit(self, path):
        """Open ``path``; return the response, with the console list emptied first."""
        self.csp_console.clear()
        response = self.page.goto(self.url(path))
        self.assertEqual(response.status, 200, path)
        return response

    def assert_strict_script_policy(self, response):
        policy = directives(response.header_value("content-security-policy") or "")
        self.assertRegex(policy.get("script-src", ""), r"^'self'( 'nonce-[A-Za-z0-9+/=_-]+')?$")
        self.assertNotIn("unsafe-inline", policy["script-src"])


class PlantedScriptTests(CspBrowserTestCase):
    """SECURITY-TESTS 26: an inline script planted in a story does not run."""

    def setUp(self):
        super().setUp()
        editor = make_user("csp-planted-editor")
        self.story = make_published_article("Planted script story", approved_by=editor)
        self.path = self.story.get_absolute_url()

    def assert_blocked(self):
        # The planted markup is in the page: only the policy stopped it.
        self.assertEqual(self.page.locator("#planted-script").count(), 1)
        self.assertEqual(self.page.locator("#planted-image").count(), 1)
        self.wait_until("window.URLify !== undefined")
        # Both were stopped (two reports), or one ran.
        self.wait_until("window.__cspViolations.length >= 2 || window.__pwned !== undefined")
        self.assertIsNone(self.page.evaluate("window.__pwned"))
        blocked = {(item["directive"], item["blocked"]) for item in self.violations()}
        self.assertEqual(blocked, {("script-src-elem", "inline"), ("script-src-attr", "inline")})
        self.assertTrue(self.csp_console)
        for message in self.csp_console:
            self.assertRegex(message, r"(?i)inline.*script-src")

    def test_the_sanitizer_removes_a_script_saved_in_the_body(self):
        self.story.body = f"Before the script.\n\n{PLANTED}\n\nAfter the script."
        self.story.save()
        for trace in ["<script", "onerror", "__pwned", "urlify"]:
            self.assertNotIn(trace, self.story.body_html)
        response = self.visit(self.path)
        self.assert_strict_script_policy(response)
        self.assertNotIn("__pwned", response.text())
        self.assertIn("After the script.", self.page.locator(".story__body").inner_text())
        self.assertIsNone(self.page.evaluate("window.__pwned"))
        # The reader's page itself breaks no rule of its own policy.
        self.assert_no_violations(self.path)

    def test_a_script_stored_past_the_sanitizer_is_blocked(self):
        """A ``body_html`` written without ``save()`` is shown as stored; the policy stops it."""
        Article.objects.filter(pk=self.story.pk).update(body_html=f"<p>Planted.</p>{PLANTED}")
        response = self.visit(self.path)
        self.assert_strict_script_policy(response)
        self.assertIn('<script id="planted-script">', response.text())
        self.assert_blocked()

    def test_a_script_added_to_the_response_is_blocked(self):
        """Markup added to the real response, whose real headers (the policy) are kept."""
        served = {}

        def add_planted_markup(route):
            response = route.fetch()
            served["policy"] = response.headers.get("content-security-policy")
            body = response.text().replace("</main>", f"{PLANTED}</main>", 1)
            route.fulfill(response=response, body=body)

        self.page.route(re.compile(re.escape(self.url(self.path)) + "$"), add_planted_markup)
        response = self.visit(self.path)
        self.assertTrue(served["policy"])
        self.assertEqual(response.header_value("content-security-policy"), served["policy"])
        self.assert_strict_script_policy(response)
        self.assert_blocked()


class WorkspaceUnderCspTests(CspBrowserTestCase):
    """SECURITY-TESTS 26: the workspace works under the same policy."""

    def setUp(self):
        super().setUp()
        make_user("csp-chief", is_superuser=True, password=PASSWORD)
        editor = make_user("csp-workspace-editor")
        self.story = make_published_article(
            "Workspace under the policy",
            approved_by=editor,
            section=make_section("Policy desk"),
            bylines=[make_person("Chan Dara")],
        )
        self.login("csp-chief", PASSWORD)

    def test_story_change_form(self):
        path = f"/admin/articles/article/{self.story.pk}/change/"
        response = self.visit(path)
        self.assert_strict_script_policy(response)
        # The admin's scripts ran: jQuery, the autocomplete boxes, the inline rows.
        self.assertTrue(self.page.evaluate("typeof window.django?.jQuery === 'function'"))
        self.assertGreater(self.page.locator(".select2-container").count(), 0)
        bylines = self.page.locator("#bylines-group tbody tr.form-row:not(.empty-form)")
        before = bylines.count()
        # The bylines are a folded list: opened first, as a person would.
        self.page.locator("#bylines-group summary").click()
        self.page.locator("#bylines-group .add-row a").click()
        self.assertEqual(bylines.count(), before + 1)
        self.screenshot("csp-admin-story-change")
        self.assert_no_violations(path)

    def test_photo_add_page(self):
        path = "/admin/media/photograph/add/"
        response = self.visit(path)
        self.assert_strict_script_policy(response)
        # The calendar shortcuts are drawn by the admin's DateTimeShortcuts.js.
        today = self.page.locator(".datetimeshortcuts a", has_text="Today")
        self.assertEqual(today.count(), 1)
        self.assertEqual(self.page.input_value("#id_date_taken"), "")
        today.click()
        self.assertRegex(self.page.input_value("#id_date_taken"), r"\d")
        self.screenshot("csp-admin-photo-add")
        self.assert_no_violations(path)


class NoThirdPartyRequestsTests(BrowserTestCase):
    """SECURITY-TESTS 44: reader and workspace pages load nothing from other origins."""

    def setUp(self):
        super().setUp()
        make_user("csp-origin-chief", is_superuser=True, password=PASSWORD)
        editor = make_user("csp-origin-editor")
        section = make_section("Origins", name_km="ដើម")
        self.writer = make_person("Sok Vanna", name_km="សុខ វណ្ណា")
        self.story = make_published_article(
            "Nothing from elsewhere",
            section=section,
            bylines=[self.writer],
            approved_by=editor,
            is_featured=True,
            lead_photo=make_photograph(image=image_upload(size=(1200, 800))),
        )
        make_quote(self.story, speaker=make_person("Meas Sophea"), is_pull_quote=True)
        self.khmer = make_published_article(
            "គ្មានអ្វីពីកន្លែងផ្សេងទេ",
            language="km",
            translation_of=self.story,
            section=section,
            bylines=[self.writer],
            approved_by=editor,
            lead_photo=make_photograph(image=image_upload(size=(900, 600))),
        )
        with translation.override("km"):
            self.khmer_path = self.khmer.get_absolute_url()
        self.requests = []
        self.page.on("request", lambda request: self.requests.append(request.url))

    def assert_same_origin(self, path):
        self.requests.clear()
        response = self.page.goto(self.url(path))
        self.assertEqual(response.status, 200, path)
        load_lazy_images(self.page)
        # Then half a second without requests: one made late is caught too.
        self.page.wait_for_load_state("networkidle")
        self.assertGreater(len(self.requests), 1, path)  # The page's own files at least.
        origin = urlsplit(self.live_server_url)[:2]
        foreign = [
            url
            for url in self.requests
            if not url.startswith("data:") and urlsplit(url)[:2] != origin
        ]
        self.assertEqual(foreign, [], path)
        return response

    def test_reader_pages(self):
        self.assertTrue(self.khmer_path.startswith("/km/"))
        for path in [
            "/",
            self.story.get_absolute_url(),
            self.khmer_path,
            f"/people/{self.writer.slug}/",
        ]:
            with self.subTest(path=path):
                self.assert_same_origin(path)

    def test_story_change_form(self):
        self.login("csp-origin-chief", PASSWORD)
        response = self.assert_same_origin(f"/admin/articles/article/{self.story.pk}/change/")
        # Outbound links never carry the workspace's addresses in the Referer.
        self.assertEqual(response.header_value("referrer-policy"), "same-origin")


@unittest.skipUnless(settings.SERVE_UPLOADS, "uploads are not served by Django here")
class UploadHeadersTests(TestCase):
    """
    SECURITY-TESTS 55: an uploaded photo and its renditions, through the site's
    own /uploads/ route. The test client, not the live server: Django's live
    server answers MEDIA_URL itself (``_MediaFilesHandler``), past the middleware
    that sets the headers, so it shows nothing about what the site sends.
    """

    TYPES = {
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".png": "image/png",
        ".webp": "image/webp",
    }
    MAGIC = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG", "image/webp": b"RIFF"}

    def test_photo_files_are_served_with_nosniff_and_their_type(self):
        photograph = make_photograph(image=image_upload(size=(1200, 800)))
        urls = [
            photograph.image.url,
            photograph.rendition(320)["url"],
            photograph.rendition(320, image_format="webp")["url"],
        ]
        self.assertEqual(len(set(urls)), 3, urls)
        for url in urls:
            with self.subTest(url=url):
                self.assertIs(resolve(url).func, static_serve)
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                expected = self.TYPES[PurePosixPath(url).suffix.lower()]
                self.assertEqual(response["Content-Type"], expected)
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")
                self.assertEqual(response["Referrer-Policy"], "same-origin")
                self.assertTrue(
                    b"".join(response.streaming_content).startswith(self.MAGIC[expected])
                )
