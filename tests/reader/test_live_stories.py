"""
A live story as readers get it: its coverage, key points and updates on the
story page (English and Khmer), the small answer the page polls, the feed of
its updates, its JSON-LD; and never a taken-down update, nor anything of a
story readers cannot see.
"""

import datetime
import json

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, LiveCoverage
from tests.support.factories import (
    make_article,
    make_person,
    make_photograph,
    make_published_article,
)
from tests.support.live import make_live_story, post_update, take_down
from tests.support.reader import ReaderTestMixin, cold_get, json_ld


def poll_url(article, **query):
    url = reverse(
        "reader:live_updates",
        kwargs={"year": article.month.year, "month": article.month.month, "slug": article.slug},
    )
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def feed_url(article):
    return reverse(
        "reader:live_updates_feed",
        kwargs={"year": article.month.year, "month": article.month.month, "slug": article.slug},
    )


class LiveStoryPageTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_live_story(
            "Votes counted in Kampong Cham",
            updates=3,
            key_points="Turnout was 71 percent\nCounting ends at midnight",
        )
        cls.speaker = make_person("Chhim Sovann")
        cls.source = make_person(
            "Keo Vanna", is_protected_source=True, public_label="a poll worker"
        )
        cls.quoted = post_update(
            cls.story,
            title="Observers speak",
            body="Observers said the count was *orderly*.",
            photo=make_photograph(caption="Ballots counted in Kampong Cham, May 3, 2026."),
            quote={
                "speaker": cls.speaker,
                "text": "Every ballot was shown",
                "speaker_role": "observer",
            },
        )
        post_update(
            cls.story,
            body="A worker spoke.",
            quote={"speaker": cls.source, "text": "We saw no fraud"},
        )

    def test_the_page_shows_the_coverage_its_key_points_and_updates_newest_first(self):
        """Live, since when, the pinned points, then each update with its anchor, time and author."""
        html = self.client.get(self.story.get_absolute_url()).content.decode()
        self.assertIn('class="live__badge">Live<', html)
        self.assertIn("Coverage started", html)
        self.assertIn("<li>Turnout was 71 percent</li>", html)
        self.assertLess(html.index("Observers speak"), html.index("Update number 3"))
        self.assertLess(html.index("Update number 3"), html.index("Update number 1"))
        self.assertIn(f'id="update-{self.quoted.pk}"', html)
        self.assertIn(f'href="#update-{self.quoted.pk}"', html)
        self.assertIn(
            f'<time datetime="{timezone.localtime(self.quoted.posted_at).replace(microsecond=0).isoformat()}',
            html,
        )
        self.assertIn(self.quoted.author.person.name, html)
        self.assertIn("the count was <em>orderly</em>", html)
        self.assertIn("Ballots counted in Kampong Cham", html)
        self.assertIn("“Every ballot was shown”", html)
        self.assertIn(self.speaker.name, html)
        # A protected source by the public label, never by name.
        self.assertIn("a poll worker", html)
        self.assertNotIn("Keo Vanna", html)
        self.assertIn(f'data-live-updates="{poll_url(self.story)}"', html)
        self.assertIn("reader/live.js", html)
        self.assertIn(
            f'type="application/atom+xml" title="Live updates (Atom)" href="{feed_url(self.story)}"',
            html,
        )

    def test_a_taken_down_update_and_its_quote_leave_the_page(self):
        """The update, its words and its speaker are gone from the page and its JSON-LD."""
        take_down(self.quoted)
        response = self.client.get(self.story.get_absolute_url())
        html = response.content.decode()
        self.assertNotIn("Observers speak", html)
        self.assertNotIn("Every ballot was shown", html)
        self.assertNotIn(self.speaker.name, html)
        self.assertNotIn(f"update-{self.quoted.pk}", html)
        self.assertIn("Update number 3", html)

    def test_json_ld_is_a_live_blog_posting_with_its_updates(self):
        """LiveBlogPosting: coverage times and a BlogPosting per update, addressed by its anchor."""
        data = json_ld(self.client.get(self.story.get_absolute_url()).content)[0]
        self.assertEqual(data["@type"], "LiveBlogPosting")
        self.assertTrue(data["coverageStartTime"])
        self.assertNotIn("coverageEndTime", data)
        updates = data["liveBlogUpdate"]
        self.assertEqual(len(updates), 5)
        first = updates[0]
        self.assertEqual(first["@type"], "BlogPosting")
        self.assertTrue(first["url"].endswith(f"#update-{self.story.live_updates.first().pk}"))
        quoted = next(update for update in updates if update["headline"] == "Observers speak")
        self.assertEqual(quoted["articleBody"], "Observers said the count was orderly.")
        self.assertEqual(quoted["author"]["name"], self.quoted.author.person.name)
        self.assertIn("dateModified", quoted)
        self.assertNotIn("Keo Vanna", json.dumps(data))
        take_down(self.quoted)
        data = json_ld(self.client.get(self.story.get_absolute_url()).content)[0]
        self.assertEqual(len(data["liveBlogUpdate"]), 4)
        self.assertNotIn("Observers", json.dumps(data))

    def test_ended_coverage_reads_as_a_timeline_without_polling(self):
        coverage = self.story.live_coverage
        coverage.ended_at = timezone.now() - datetime.timedelta(minutes=1)
        coverage.save()
        html = self.client.get(self.story.get_absolute_url()).content.decode()
        self.assertIn("Coverage ended", html)
        self.assertIn("Timeline", html)
        self.assertNotIn("live__badge", html)
        self.assertNotIn("reader/live.js", html)
        self.assertIn("Update number 1", html)
        data = json_ld(self.client.get(self.story.get_absolute_url()).content)[0]
        self.assertTrue(data["coverageEndTime"])

    def test_the_khmer_page_writes_update_times_in_khmer_digits(self):
        story = make_live_story(language="km", updates=1)
        with self.settings(LANGUAGE_CODE="en"):
            html = self.client.get("/km" + story.get_absolute_url()).content.decode()
        update = story.live_updates.get()
        year = str(timezone.localtime(update.posted_at).year)
        self.assertIn(year.translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")), html)
        self.assertIn(f'datetime="{year}', html)
