"""
A live story as readers get it: its coverage, key points and updates on the
story page (English and Khmer), the small answer the page polls, the feed of
its updates, its JSON-LD; and never a taken-down update, nor anything of a
story readers cannot see.
"""

import datetime
import json

import time_machine
from django.test import TestCase
from django.utils import timezone

from articles.models import Article, LiveCoverage
from tests.support.factories import (
    make_article,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_user,
)
from tests.support.live import feed_url, make_live_story, poll_url, post_update, take_down
from tests.support.reader import ReaderTestMixin, cold_get, json_ld
from workflow import live


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
        """Live since when, the pinned points, then each update: anchor, time, author."""
        html = self.client.get(self.story.get_absolute_url()).content.decode()
        self.assertIn('class="live__badge">Live<', html)
        self.assertIn("Coverage started", html)
        self.assertIn("<li>Turnout was 71 percent</li>", html)
        self.assertLess(html.index("Observers speak"), html.index("Update number 3"))
        self.assertLess(html.index("Update number 3"), html.index("Update number 1"))
        self.assertIn(f'id="update-{self.quoted.pk}"', html)
        self.assertIn(f'href="#update-{self.quoted.pk}"', html)
        posted = timezone.localtime(self.quoted.posted_at).replace(microsecond=0)
        self.assertIn(f'<time datetime="{posted.isoformat()}', html)
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
        self.assertIn(f'title="Live updates (Atom)" href="{feed_url(self.story)}"', html)

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


# A live story's page asked for the first time: what any story's costs
# (STORY_QUERIES_FIRST in test_story_pages, which counts the coverage with
# the story and the updates, their authors and photos in one prefetch, their
# quotes with the story's), less the related stories' bylines: these stories
# have no related stories.
LIVE_STORY_QUERIES_FIRST = 18
# The poll on a miss: the story with its coverage, its updates with authors
# and photos, the quotes, the corrections (an update's are shown with it),
# and the next scheduled story (how long to keep it).
POLL_QUERIES = 5


class LiveQueryCountTests(ReaderTestMixin, TestCase):
    def test_a_story_with_three_updates_or_thirty_costs_the_same(self):
        """Updates, their authors, photos and quotes are prefetched: their number costs nothing."""
        small = make_live_story(updates=3)
        large = make_live_story(updates=30)
        for update in large.live_updates.all()[:5]:
            make_quote(large, live_update=update, speaker=make_person())
        with self.assertNumQueries(LIVE_STORY_QUERIES_FIRST):
            cold_get(self.client, small.get_absolute_url())
        with self.assertNumQueries(LIVE_STORY_QUERIES_FIRST):
            response = cold_get(self.client, large.get_absolute_url())
        self.assertContains(response, "Update number 30")

    def test_a_poll_costs_the_same_with_three_updates_or_thirty(self):
        small = make_live_story(updates=3)
        large = make_live_story(updates=30)
        with self.assertNumQueries(POLL_QUERIES):
            cold_get(self.client, poll_url(small))
        with self.assertNumQueries(POLL_QUERIES):
            cold_get(self.client, poll_url(large, all=1))


class PollTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_live_story("Flood waters rise in Kratie", updates=12)

    def poll(self, **query):
        response = self.client.get(poll_url(self.story, **query))
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_the_answer_lists_every_update_with_the_html_of_the_newest(self):
        answer = self.poll()
        shown = list(self.story.live_updates.shown())
        self.assertEqual(answer["shown"], [[update.pk, update.version] for update in shown])
        self.assertTrue(answer["ongoing"])
        self.assertEqual(answer["interval"], 20)
        self.assertEqual(len(answer["updates"]), 10)
        self.assertFalse(answer["complete"])
        self.assertIn("Update number 12", answer["updates"][0]["html"])
        self.assertIn(f'id="update-{shown[0].pk}"', answer["updates"][0]["html"])
        everything = self.poll(all=1)
        self.assertEqual(len(everything["updates"]), 12)
        self.assertTrue(everything["complete"])

    def test_a_poll_is_answered_from_the_cache_until_an_update_changes(self):
        """No query while nothing changed; a post, an edit or a takedown shows at the next poll."""
        self.poll()
        with self.assertNumQueries(0):
            self.poll()
        update = post_update(self.story, title="Water reaches the market")
        answer = self.poll()
        self.assertEqual(answer["shown"][0], [update.pk, 1])
        self.assertIn("Water reaches the market", answer["updates"][0]["html"])
        update.body = "Water reaches the old market."
        update.save()
        self.assertEqual(self.poll()["shown"][0], [update.pk, 2])
        take_down(update)
        answer = self.poll()
        self.assertNotIn(update.pk, [pk for pk, _version in answer["shown"]])
        self.assertNotIn("Water reaches", json.dumps(answer))
        with self.assertNumQueries(0):
            self.poll()

    def test_a_correction_of_one_update_shows_with_it_and_reaches_open_pages(self):
        """Under the update, in the story's corrections with a link to it, and at the next poll."""
        update = self.story.live_updates.shown().first()
        before = self.poll()["shown"][0]
        editor = make_user("live-corrector", role="Editors")
        live.correct_update(
            update=update, editor=editor, kind="correction", text="The river rose 2 m, not 3 m."
        )
        answer = self.poll()
        self.assertEqual(answer["shown"][0], [update.pk, before[1] + 1])
        self.assertIn("The river rose 2 m, not 3 m.", answer["updates"][0]["html"])
        html = self.client.get(self.story.get_absolute_url()).content.decode()
        corrections = html[html.index('id="corrections-heading"') :]
        self.assertIn("The river rose 2 m, not 3 m.", corrections)
        self.assertIn(f'href="#update-{update.pk}"', corrections)
        # Taken down, the update leaves; its correction stays listed, linking nowhere.
        take_down(update)
        html = self.client.get(self.story.get_absolute_url()).content.decode()
        self.assertIn("The river rose 2 m, not 3 m.", html)
        self.assertNotIn(f"#update-{update.pk}", html)

    def test_a_cdn_may_keep_the_answer_a_few_seconds(self):
        response = self.client.get(poll_url(self.story))
        self.assertEqual(response["Content-Type"], "application/json")
        cache_control = response["Cache-Control"]
        self.assertIn("public", cache_control)
        self.assertIn("max-age=5", cache_control)
        self.assertIn("s-maxage=5", cache_control)
        again = self.client.get(poll_url(self.story), HTTP_IF_NONE_MATCH=response["ETag"])
        self.assertEqual(again.status_code, 304)

    def test_the_ended_coverage_tells_the_page_to_stop(self):
        LiveCoverage.objects.filter(article=self.story).update(ended_at=timezone.now())
        coverage = self.story.live_coverage
        coverage.refresh_from_db()
        coverage.save()
        answer = self.poll()
        self.assertFalse(answer["ongoing"])
        self.assertIn("Coverage ended", answer["head"])

    def test_stories_readers_cannot_see_answer_404_like_an_unknown_address(self):
        """A draft, a scheduled story, an unpublished one, a story not covered live: 404."""
        unknown = self.client.get(poll_url(make_article(status=Article.Status.DRAFT)))
        self.assertEqual(unknown.status_code, 404)
        draft = make_live_story(status=Article.Status.DRAFT)
        scheduled = make_live_story(published_at=timezone.now() + datetime.timedelta(hours=2))
        not_live = make_published_article()
        for story in [draft, scheduled, not_live]:
            for url in [poll_url(story), feed_url(story)]:
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404, url)
                self.assertNotIn(story.headline, response.content.decode())
        self.poll()
        self.story.status = Article.Status.DRAFT
        self.story.save()
        self.assertEqual(self.client.get(poll_url(self.story)).status_code, 404)

    def test_a_made_up_query_string_is_not_kept(self):
        """Only ``?all=1`` makes a second page: anything else is answered, not stored."""
        self.poll()
        with self.assertNumQueries(0):
            self.client.get(poll_url(self.story, utm_source="x"))
        answer = self.client.get(poll_url(self.story, all="yes")).json()
        self.assertEqual(len(answer["updates"]), 10)


class LiveFeedTests(ReaderTestMixin, TestCase):
    def test_the_feed_lists_the_updates_shown_linking_to_their_anchors(self):
        story = make_live_story("Court hears the case live", updates=2)
        gone = post_update(story, title="A wrong figure")
        take_down(gone)
        response = self.client.get(feed_url(story))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/atom+xml; charset=utf-8")
        xml = response.content.decode()
        self.assertIn("Live: Court hears the case live", xml)
        for update in story.live_updates.shown():
            self.assertIn(f"{story.get_absolute_url()}#update-{update.pk}", xml)
        self.assertNotIn("A wrong figure", xml)
        self.assertEqual(xml.count("<entry>"), 2)
        post_update(story, title="The judge returns")
        self.assertIn("The judge returns", self.client.get(feed_url(story)).content.decode())


class RenewalTests(ReaderTestMixin, TestCase):
    def test_an_update_renews_its_story_and_no_list(self):
        """Posting every few minutes leaves the home page, archive and sections cached."""
        story = make_live_story(updates=1, section=make_section())
        lists = ["/", "/articles/", f"/sections/{story.section.slug}/"]
        for address in [*lists, story.get_absolute_url()]:
            self.client.get(address)
        post_update(story, title="The results are in")
        for address in lists:
            with self.subTest(address), self.assertNumQueries(0):
                self.client.get(address)
        self.assertContains(self.client.get(story.get_absolute_url()), "The results are in")


class TimedCoverageTests(ReaderTestMixin, TestCase):
    """
    Coverage that starts or ends at a set time changes what readers see at
    that moment, though no row changes then: no kept page, stored story part
    or poll answer may go on saying "Live" after the end.
    """

    def setUp(self):
        self.story = make_live_story(updates=1)
        self.ends_at = timezone.now() + datetime.timedelta(minutes=3)
        LiveCoverage.objects.filter(article=self.story).update(ended_at=self.ends_at)

    def test_the_story_page_says_coverage_ended_from_the_end_time_on(self):
        url = self.story.get_absolute_url()
        self.assertContains(cold_get(self.client, url), "live__badge")
        self.assertContains(self.client.get(url), "live__badge")
        self.assertContains(self.client.get(poll_url(self.story)), '"ongoing": true')
        with time_machine.travel(self.ends_at + datetime.timedelta(seconds=1)):
            page = self.client.get(url)
            self.assertContains(page, "Coverage ended")
            self.assertNotContains(page, "live__badge")
            self.assertContains(self.client.get(poll_url(self.story)), '"ongoing": false')

    def test_coverage_set_to_start_later_goes_live_at_its_start(self):
        starts_at = timezone.now() + datetime.timedelta(minutes=2)
        LiveCoverage.objects.filter(article=self.story).update(started_at=starts_at, ended_at=None)
        url = self.story.get_absolute_url()
        self.assertNotContains(cold_get(self.client, url), "live__badge")
        with time_machine.travel(starts_at + datetime.timedelta(seconds=1)):
            self.assertContains(self.client.get(url), "live__badge")
