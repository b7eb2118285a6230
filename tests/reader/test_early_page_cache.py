"""
Cached pages answered early (``reader.middleware.CachedPageMiddleware``):
an anonymous reader gets exactly what the whole stack would send, and
everyone else goes the whole way.
"""

import datetime
import gzip

import time_machine
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.signals import request_started
from django.http import HttpResponse
from django.test import Client, TestCase, override_settings
from django.utils import timezone

from articles.models import Article
from reader import early, pagecache
from tests.support.factories import make_user
from tests.support.reader import ReaderTestMixin, call_wsgi, make_full_story
from tests.support.reader import wsgi_environ as environ
from tests.support.staff import sign_in

EARLY = "reader.middleware.CachedPageMiddleware"
# Set by the request log above the early middleware, new on every response.
PER_RESPONSE = {"X-Request-ID"}


def answered_early(response):
    """Whether the request skipped the stack below the early middleware (no session was made)."""
    return not hasattr(response.wsgi_request, "session")


def headers(response):
    return {name: value for name, value in response.items() if name not in PER_RESPONSE}


class EarlyAnswerTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_full_story("Families lose their rice fields")
        cls.editor = make_user("early-editor", role="Editors")
        cls.person = cls.story.quotes.first().speaker
        cls.pages = ["/", "/km/", cls.story.get_absolute_url(), f"/people/{cls.person.slug}/"]

    def test_the_early_answer_is_the_whole_stacks(self):
        """
        Body, status and every header (security headers, CSP, Content-Language,
        Vary, Cache-Control, ETag, Last-Modified) are those the whole stack,
        without the early middleware, gives an anonymous reader.
        """
        without_early = [name for name in settings.MIDDLEWARE if name != EARLY]
        for url in self.pages:
            cache.clear()
            with self.subTest(url), time_machine.travel(timezone.now(), tick=False):
                # A client of its own: a client builds its middleware once.
                with override_settings(MIDDLEWARE=without_early):
                    whole = Client().get(url)
                self.client.get(url)  # Rendered the whole way and kept.
                with self.assertNumQueries(0):
                    early = self.client.get(url)
                self.assertTrue(answered_early(early))
                self.assertFalse(answered_early(whole))
                self.assertEqual(early.status_code, whole.status_code)
                self.assertEqual(early.content, whole.content)
                self.assertEqual(headers(early), headers(whole))
                self.assertEqual(list(headers(early)), list(headers(whole)))
                self.assertIn("public", early["Cache-Control"])
                self.assertIn("X-Frame-Options", early)
                self.assertIn("Content-Security-Policy", early)
                self.assertTrue(early["X-Request-ID"])

    def test_a_304_is_the_same_early_or_the_whole_way(self):
        """A browser asking again with the page's ETag gets the same 304 both ways."""
        url = self.story.get_absolute_url()
        etag = self.client.get(url)["ETag"]
        early = self.client.get(url, headers={"If-None-Match": etag})
        self.assertTrue(answered_early(early))
        # A query string goes the whole way, to the same stored page.
        whole = self.client.get(url, {"utm_source": "mail"}, headers={"If-None-Match": etag})
        self.assertFalse(answered_early(whole))
        self.assertEqual((early.status_code, whole.status_code), (304, 304))
        self.assertEqual(headers(early), headers(whole))

    def test_head_is_answered_early(self):
        url = self.story.get_absolute_url()
        self.client.get(url)
        with self.assertNumQueries(0):
            response = self.client.head(url)
        self.assertTrue(answered_early(response))
        self.assertEqual(response.status_code, 200)

    def test_a_cached_hit_costs_no_query(self):
        for url in self.pages:
            self.client.get(url)
            with self.subTest(url), self.assertNumQueries(0):
                self.assertTrue(answered_early(self.client.get(url)))

    def test_requests_that_go_the_whole_way(self):
        """
        A session, CSRF or messages cookie, a query string, a POST, a host
        other than the site's: each goes through sessions, CSRF and the view.
        An unrelated cookie (analytics) does not.
        """
        url = self.story.get_absolute_url()
        self.client.get(url)
        for cookie in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
            for name in (cookie, CookieStorage.cookie_name):
                with self.subTest(cookie=name):
                    self.client.cookies.clear()
                    self.client.cookies[name] = "x"
                    self.assertFalse(answered_early(self.client.get(url)))
        self.client.cookies.clear()
        self.client.cookies["_ga"] = "1"
        self.assertTrue(answered_early(self.client.get(url)))
        self.client.cookies.clear()
        self.assertFalse(answered_early(self.client.get(url, {"utm_source": "mail"})))
        self.assertFalse(answered_early(self.client.post(url)))
        with override_settings(ALLOWED_HOSTS=["testserver", "127.0.0.1"]):
            self.assertFalse(answered_early(self.client.get(url, HTTP_HOST="127.0.0.1")))

    def test_a_share_link_goes_the_whole_way(self):
        """A preview token is never a stored page: the share view decides, every time."""
        for _ in range(2):
            response = self.client.get("/preview/not-a-valid-token/")
            self.assertEqual(response.status_code, 404)
            self.assertFalse(answered_early(response))

    def test_a_signed_in_editor_never_gets_the_cached_page(self):
        """Staff see the database as it is, never an anonymous reader's stored page."""
        url = self.story.get_absolute_url()
        self.client.get(url)
        # Changed without signals: the stored page still has the old headline.
        Article.objects.filter(pk=self.story.pk).update(headline="Court rules on rice fields")
        self.assertContains(self.client.get(url), "Families lose their rice fields")
        sign_in(self.client, self.editor)
        response = self.client.get(url)
        self.assertFalse(answered_early(response))
        self.assertContains(response, "Court rules on rice fields")
        self.assertIn("private", response["Cache-Control"])

    def test_an_anonymous_reader_never_gets_a_page_rendered_for_staff(self):
        """An editor's visit stores nothing: the next anonymous reader gets a page of their own."""
        url = self.story.get_absolute_url()
        sign_in(self.client, self.editor)
        self.client.get(url)
        self.client.get("/")
        self.client.logout()
        self.client.cookies.clear()
        for page in (url, "/"):
            with self.subTest(page):
                response = self.client.get(page)
                self.assertFalse(answered_early(response))
                self.assertIn("public", response["Cache-Control"])
                self.assertNotContains(response, "preview-banner")

    def test_an_unpublished_story_is_gone_at_once(self):
        """A takedown answers 404 on the next request, early path or not."""
        url = self.story.get_absolute_url()
        self.client.get(url)
        self.assertTrue(answered_early(self.client.get(url)))
        story = Article.objects.get(pk=self.story.pk)
        story.status = Article.Status.UNPUBLISHED
        story.save()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertNotContains(self.client.get("/"), "Families lose their rice fields")

    def test_english_and_khmer_pages_never_mix(self):
        """The language is in the key: / and /km/ are kept and answered apart."""
        for _ in range(2):
            english, khmer = self.client.get("/"), self.client.get("/km/")
            self.assertEqual(english["Content-Language"], "en")
            self.assertEqual(khmer["Content-Language"], "km")
            self.assertContains(english, '<html lang="en"')
            self.assertContains(khmer, '<html lang="km"')
        self.assertTrue(answered_early(english))
        self.assertTrue(answered_early(khmer))
        self.assertNotEqual(english.content, khmer.content)


class StorableTests(TestCase):
    """Only a public 200 that sets no cookie, reads no session and holds no nonce is kept."""

    def response(self, **headers):
        response = HttpResponse("<p>A page.</p>", headers={"Cache-Control": "public", **headers})
        return response

    def test_a_public_page_is_kept(self):
        self.assertTrue(early.storable(self.response()))

    def test_what_is_never_kept(self):
        cookie = self.response()
        cookie.set_cookie("sessionid", "x")
        nonce = "script-src 'self' 'nonce-abc123'"
        for response in (
            cookie,
            self.response(Vary="Accept-Language, Cookie"),
            self.response(**{"Cache-Control": "private, no-cache"}),
            self.response(**{"Cache-Control": "no-store"}),
            self.response(**{"Content-Security-Policy": nonce}),
            HttpResponse("Not found", status=404),
        ):
            with self.subTest(response.items()):
                self.assertFalse(early.storable(response))

    def test_a_page_kept_expires_with_the_content(self):
        """A page stored now is not served after its timeout, whatever asks."""
        self.assertLessEqual(pagecache.seconds_to_keep(), pagecache.PAGE_SECONDS)
        self.assertGreater(
            pagecache.seconds_to_keep(timezone.now() - datetime.timedelta(days=1)), 0
        )


class WsgiAnswerTests(ReaderTestMixin, TestCase):
    """
    ``newsroom.wsgi.application`` answers a kept page before Django builds a
    request: the same bytes and headers the middleware answers with, and
    every request the rule leaves out goes to Django.
    """

    @classmethod
    def setUpTestData(cls):
        cls.story = make_full_story("Families lose their rice fields")
        cls.url = cls.story.get_absolute_url()

    def setUp(self):
        super().setUp()
        self.kept = self.client.get(self.url)  # Rendered the whole way and kept.
        self.requests_to_django = 0

        def count(**kwargs):
            self.requests_to_django += 1

        request_started.connect(count, weak=False, dispatch_uid="wsgi-answer-tests")
        self.addCleanup(request_started.disconnect, dispatch_uid="wsgi-answer-tests")

    def call(self, env):
        return call_wsgi(env)

    def test_a_kept_page_is_answered_before_django(self):
        with self.assertNumQueries(0):
            status, sent, body = self.call(environ(self.url))
        self.assertEqual(self.requests_to_django, 0)
        self.assertEqual(status, "200 OK")
        self.assertEqual(body, self.kept.content)
        self.assertEqual(
            {k: v for k, v in sent.items() if k not in PER_RESPONSE}, headers(self.kept)
        )
        # The whole stack's headers, security headers among them.
        for name in (
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "ETag",
        ):
            self.assertIn(name, sent)
        self.assertRegex(sent["X-Request-ID"], r"^[0-9a-f]{32}$")

    def test_a_head_request_gets_the_headers_alone(self):
        status, sent, body = self.call(environ(self.url, method="HEAD"))
        self.assertEqual((status, body), ("200 OK", b""))
        self.assertEqual(sent["Content-Length"], self.kept["Content-Length"])

    def test_everything_else_goes_to_django(self):
        cookie = f"{settings.SESSION_COOKIE_NAME}=abc; other=1"
        for env in (
            environ(self.url, HTTP_COOKIE=cookie),
            environ(self.url, HTTP_COOKIE=f"{settings.CSRF_COOKIE_NAME}=x"),
            environ(self.url, query="utm_source=mail"),
            environ(self.url, HTTP_IF_NONE_MATCH=self.kept["ETag"]),
            environ(self.url, host="localhost"),
            environ(self.url, method="POST"),
            environ("/static/css/reader.css"),
            environ("/a-page-nobody-kept/"),
        ):
            with self.subTest(env.get("HTTP_COOKIE") or env["PATH_INFO"] + env["QUERY_STRING"]):
                before = self.requests_to_django
                self.call(env)
                self.assertEqual(self.requests_to_django, before + 1)
        # The validators are answered, by the middleware: a 304.
        status, _sent, body = self.call(environ(self.url, HTTP_IF_NONE_MATCH=self.kept["ETag"]))
        self.assertEqual((status, body), ("304 Not Modified", b""))

    def test_a_change_is_seen_at_once(self):
        self.story.headline = "Families win back their rice fields"
        self.story.save()
        self.call(environ(self.url))
        self.assertEqual(self.requests_to_django, 1)


class CompressedPageTests(ReaderTestMixin, TestCase):
    """A kept page is compressed once and sent so to every client that accepts gzip."""

    @classmethod
    def setUpTestData(cls):
        cls.story = make_full_story("Families lose their rice fields")
        cls.url = cls.story.get_absolute_url()

    def setUp(self):
        super().setUp()
        self.kept = self.client.get(self.url)

    def assertSamePageCompressed(self, body, sent):
        self.assertEqual(sent["Content-Encoding"], "gzip")
        self.assertEqual(int(sent["Content-Length"]), len(body))
        self.assertEqual(gzip.decompress(body), self.kept.content)
        self.assertLess(len(body), len(self.kept.content) / 2)
        self.assertEqual(sent["ETag"], f"W/{self.kept['ETag']}")

    def test_the_page_varies_by_what_the_client_accepts(self):
        self.assertIn("Accept-Encoding", self.kept["Vary"])

    def test_early_answers_are_compressed_for_who_accepts_gzip(self):
        with self.assertNumQueries(0):
            response = self.client.get(self.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        self.assertTrue(answered_early(response))
        self.assertSamePageCompressed(response.content, response)
        plain = self.client.get(self.url, HTTP_ACCEPT_ENCODING="identity")
        self.assertNotIn("Content-Encoding", plain)
        self.assertEqual(plain.content, self.kept.content)

    def test_the_wsgi_answer_is_compressed_too(self):
        status, headers, body = call_wsgi(environ(self.url, HTTP_ACCEPT_ENCODING="gzip"))
        self.assertEqual(status, "200 OK")
        self.assertSamePageCompressed(body, headers)

    def test_the_compressed_pages_validator_is_answered_with_a_304(self):
        compressed = self.client.get(self.url, HTTP_ACCEPT_ENCODING="gzip")
        again = self.client.get(
            self.url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=compressed["ETag"]
        )
        self.assertEqual(again.status_code, 304)
