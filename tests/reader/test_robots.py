"""``/robots.txt``: readers' pages open to crawlers, the workspace and share links closed."""

from urllib.robotparser import RobotFileParser

from django.core.cache import cache
from django.test import TestCase, override_settings

from tests.support.factories import make_published_article

SITE = "https://news.example.org"


@override_settings(SITE_URL=SITE, ALLOWED_HOSTS=["news.example.org"])
class RobotsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_published_article("Court hears land case")

    def setUp(self):
        cache.clear()

    def get(self):
        return self.client.get("/robots.txt", headers={"host": "news.example.org"}, secure=True)

    def rules(self):
        parser = RobotFileParser()
        parser.parse(self.get().content.decode().splitlines())
        return parser

    def test_plain_text(self):
        response = self.get()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")

    def test_reader_pages_are_open(self):
        rules = self.rules()
        for path in ["/", "/km/", self.story.get_absolute_url(), "/articles/", "/sitemap.xml"]:
            with self.subTest(path=path):
                self.assertTrue(rules.can_fetch("Googlebot", SITE + path))

    def test_the_workspace_and_share_links_are_closed(self):
        rules = self.rules()
        for path in ["/admin/", "/admin/login/", "/preview/abc123/", "/km/preview/abc123/"]:
            with self.subTest(path=path):
                self.assertFalse(rules.can_fetch("Googlebot", SITE + path))

    def test_it_names_the_sitemaps_by_the_sites_address(self):
        self.assertEqual(
            self.rules().site_maps(), [f"{SITE}/sitemap.xml", f"{SITE}/news-sitemap.xml"]
        )

    def test_kept_in_the_page_cache(self):
        self.get()
        with self.assertNumQueries(0):
            self.assertEqual(self.get().status_code, 200)

    def test_only_get_and_head(self):
        response = self.client.post(
            "/robots.txt", headers={"host": "news.example.org"}, secure=True
        )
        self.assertEqual(response.status_code, 405)
