"""
With the staff session check in the stack, a signed-out reader walking the
site is never given a session (nor any cookie), and pages seen once cost no
query the second time.
"""

from django.conf import settings
from django.core.cache import cache
from django.test import Client, TestCase

from tests.support.crawl import crawl
from tests.support.factories import make_user
from tests.support.live import make_live_story, poll_url
from tests.support.reader import ReaderTestMixin, make_full_story
from tests.support.staff import sign_in_through_form
from workflow.account_events import BROWSER_COOKIE

PASSWORD = "a long enough password"


def reader_pages(path):
    return not path.startswith(("/admin/", "/static/", "/uploads/", "/preview/"))


class SignedOutReaderWalkTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_full_story("Families lose their rice fields", people_named=1)
        cls.editor = make_user("walk-editor", role="Editors", password=PASSWORD)
        cls.live = make_live_story("Counting goes on in Kampot", updates=2)

    def walk(self, client):
        # The poll address is in a data attribute, which no crawl follows.
        seeds = ["/", "/km/", "/articles/", self.live.get_absolute_url(), poll_url(self.live)]
        answers = crawl(client, seeds, follow=reader_pages, limit=140)
        self.assertGreater(len(answers), 20)
        for address, response in answers.items():
            with self.subTest(address):
                self.assertLess(response.status_code, 500)
                self.assertEqual(list(response.cookies), [])
        return answers

    def test_a_reader_gets_no_cookie_and_cached_pages_cost_nothing(self):
        cache.clear()
        client = Client()
        answers = self.walk(client)
        pages = [
            address
            for address, response in answers.items()
            if response.status_code == 200 and "public" in response.get("Cache-Control", "")
        ]
        self.assertGreater(len(pages), 10)
        for address in pages:
            with self.subTest(address), self.assertNumQueries(0):
                client.get(address)

    def test_a_staff_browser_after_signing_out_is_a_reader_again(self):
        """What a browser keeps after signing out (the known-browser cookie) makes no session."""
        client = Client()
        sign_in_through_form(client, "walk-editor", PASSWORD)
        client.post("/admin/logout/")
        # As a browser does: cookies the site deleted are gone.
        for name in [name for name, morsel in client.cookies.items() if not morsel.value]:
            del client.cookies[name]
        del client.cookies[settings.CSRF_COOKIE_NAME]
        self.assertEqual(list(client.cookies), [BROWSER_COOKIE])
        cache.clear()
        self.walk(client)
