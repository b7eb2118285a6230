"""
Live stories keep every reader-safety rule (SECURITY-TESTS 12, 13, 16, 41):
a crawl of the reader site from a live story, its poll answer, feed and
both languages finds nothing of a draft's or a scheduled story's updates,
nothing of a taken-down update (its words, its quote, its speaker, why it
was taken down), no staff-only note and no protected source's name; and an
update taken down leaves every page at once, however often it was polled.
"""

import datetime

from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from articles.models import Article
from tests.security.test_protected_sources import without_echo
from tests.security.test_source_safety import LABEL, NAME, make_protected_source, secrets_in
from tests.support.crawl import crawl
from tests.support.factories import make_person
from tests.support.live import feed_url, make_live_story, poll_url, post_update, take_down
from tests.support.reader import ReaderTestMixin

# Planted where readers never see it.
HIDDEN = [
    "DRAFTLIVEWORD",
    "SCHEDULEDLIVEWORD",
    "TAKENDOWNWORD",
    "TAKENDOWNQUOTEWORD",
    "Takedown Speaker",
    "TAKEDOWNREASONSECRET",
    "LIVEPROVENANCESECRET",
    "LIVEATTRIBUTIONNOTE",
]


def plant_live_stories(source=None):
    """A live story with a taken-down update and ``source``'s quote; two hidden ones."""
    story = make_live_story("Court hears the land case live", updates=2)
    source = source or make_protected_source()
    post_update(
        story,
        title="A witness speaks",
        quote={
            "speaker": source,
            "text": "The papers were signed at night",
            "provenance_note": "LIVEPROVENANCESECRET recording 10:02",
            "attribution_note": "LIVEATTRIBUTIONNOTE check the voice",
        },
    )
    gone = post_update(
        story,
        title="TAKENDOWNWORD headline",
        body="TAKENDOWNWORD text.",
        quote={"speaker": make_person("Takedown Speaker"), "text": "TAKENDOWNQUOTEWORD"},
    )
    take_down(gone, reason="TAKEDOWNREASONSECRET wrong person")
    draft = make_live_story("Draft coverage", status=Article.Status.DRAFT, updates=0)
    post_update(draft, title="DRAFTLIVEWORD", body="DRAFTLIVEWORD")
    scheduled = make_live_story(
        "Scheduled coverage", published_at=timezone.now() + datetime.timedelta(days=1), updates=0
    )
    post_update(scheduled, title="SCHEDULEDLIVEWORD", body="SCHEDULEDLIVEWORD")
    return story, gone, draft, scheduled


class LiveReaderCrawlTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story, cls.gone, cls.draft, cls.scheduled = plant_live_stories()

    def test_nothing_hidden_reaches_any_reader_address(self):
        cache.clear()
        seeds = ["/", "/km/", "/articles/", "/sitemap.xml", "/news-sitemap.xml", "/feeds/latest/"]
        for story in (self.story, self.draft, self.scheduled):
            for prefix in ("", "/km"):
                seeds += [
                    prefix + story.get_absolute_url(),
                    prefix + poll_url(story),
                    prefix + poll_url(story, all=1),
                    prefix + feed_url(story),
                ]
        seeds += [f"/search/?q={word}" for word in ("TAKENDOWNWORD", "DRAFTLIVEWORD")]
        answers = crawl(
            self.client,
            seeds,
            follow=lambda path: not path.startswith(("/admin/", "/static/", "/uploads/")),
            limit=300,
        )
        reached = [address for address, response in answers.items() if response.status_code == 200]
        self.assertIn(poll_url(self.story, all=1), reached)
        self.assertIn(feed_url(self.story), reached)
        for address, response in answers.items():
            with self.subTest(address=address):
                self.assertLess(response.status_code, 500)
                text = response.content.decode("utf-8", errors="replace")
                # A search page repeats the words asked for.
                text = without_echo(text, address, HIDDEN)
                self.assertEqual([word for word in HIDDEN if word in text], [])
                self.assertEqual(secrets_in(text), [])
                self.assertNotIn(NAME, text)
        for story in (self.draft, self.scheduled):
            for url in (story.get_absolute_url(), poll_url(story), feed_url(story)):
                self.assertEqual(answers[url].status_code, 404, url)
        self.assertIn(LABEL, answers[self.story.get_absolute_url()].content.decode())

    def test_a_takedown_leaves_every_cached_answer_at_once(self):
        """Polled, read and fed a hundred times, an update taken down is gone at the next ask."""
        update = post_update(self.story, title="Soon gone", body="A figure that proves wrong.")
        addresses = [
            self.story.get_absolute_url(),
            poll_url(self.story),
            poll_url(self.story, all=1),
            feed_url(self.story),
            "/km" + self.story.get_absolute_url(),
        ]
        for address in addresses:
            self.assertIn("Soon gone", self.client.get(address).content.decode())
        take_down(update)
        for address in addresses:
            with self.subTest(address=address):
                self.assertNotIn("Soon gone", self.client.get(address).content.decode())
