"""The archive at /articles/: django-filter over published stories only."""

import datetime
import zoneinfo
from unittest import mock

import time_machine
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from reader import filters
from reader.views import listings
from tests.support.dos import cpu_seconds_under
from tests.support.factories import (
    approving_editor,
    make_article,
    make_person,
    make_published_article,
    make_quote,
    make_section,
    make_topic,
)
from tests.support.reader import ReaderTestMixin, cold_get

PHNOM_PENH = zoneinfo.ZoneInfo("Asia/Phnom_Penh")
ARCHIVE = reverse("reader:archive")


def headlines(response):
    return [story.headline for story in response.context["page"]]


def phnom_penh(*args):
    return datetime.datetime(*args, tzinfo=PHNOM_PENH)


# What the page lists is tested here; whole pages kept between requests
# (reader.pagecache) in test_page_renewal: each request is rendered afresh.
@override_settings(PAGE_CACHE=False)
class ArchiveFilterTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.land = make_section("Land")
        cls.politics = make_section("Politics")
        cls.secret_section = make_section("Secret section")
        cls.rubber = make_topic("Rubber")
        cls.secret_topic = make_topic("Secret topic")
        cls.writer = make_person("Vann Piseth")
        cls.other_writer = make_person("Phan Nimol")
        cls.speaker = make_person("Meas Sokha")
        cls.draft_author = make_person("Hidden Author")
        cls.draft_source = make_person("Hidden Source")

        cls.rubber_story = make_published_article(
            "Rubber company fences village land",
            section=cls.land,
            bylines=[cls.writer],
            published_at=phnom_penh(2024, 3, 10, 9),
        )
        cls.rubber_story.topics.add(cls.rubber)
        make_quote(cls.rubber_story, speaker=cls.speaker)
        cls.election = make_published_article(
            "Commune election campaign opens",
            section=cls.politics,
            bylines=[cls.other_writer],
            published_at=phnom_penh(2024, 5, 2, 9),
        )
        cls.khmer = make_published_article(
            "ការបោះឆ្នោតឃុំ",
            section=cls.politics,
            language="km",
            bylines=[cls.other_writer],
            published_at=phnom_penh(2024, 5, 3, 9),
        )
        draft = make_article(
            "Draft about the rubber company", section=cls.secret_section, bylines=[cls.draft_author]
        )
        draft.topics.add(cls.secret_topic, cls.rubber)
        make_quote(draft, speaker=cls.draft_source)

    def headlines(self, response):
        return headlines(response)

    def test_without_filters_every_published_story_newest_first(self):
        response = self.client.get(ARCHIVE)
        self.assertEqual(
            self.headlines(response),
            [
                "ការបោះឆ្នោតឃុំ",
                "Commune election campaign opens",
                "Rubber company fences village land",
            ],
        )
        self.assertContains(response, "3 stories")

    def test_each_declared_filter_narrows_the_list(self):
        """Section, topic, author, person quoted, language, dates and words."""
        cases = {
            "section": ({"section": "land"}, ["Rubber company fences village land"]),
            "topic": ({"topic": "rubber"}, ["Rubber company fences village land"]),
            "author": ({"author": self.writer.slug}, ["Rubber company fences village land"]),
            "quoted": ({"quoted": self.speaker.slug}, ["Rubber company fences village land"]),
            "language": ({"language": "km"}, ["ការបោះឆ្នោតឃុំ"]),
            "dates": (
                {"published_after": "2024-05-01", "published_before": "2024-05-02"},
                ["Commune election campaign opens"],
            ),
            "words": ({"q": "election campaign"}, ["Commune election campaign opens"]),
            "combined": (
                {"section": "politics", "language": "en", "author": self.other_writer.slug},
                ["Commune election campaign opens"],
            ),
        }
        for name, (params, expected) in cases.items():
            with self.subTest(name):
                self.assertEqual(self.headlines(self.client.get(ARCHIVE, params)), expected)

    def test_date_range_follows_phnom_penh_days(self):
        """A story published at 00:30 in Phnom Penh belongs to that Phnom Penh day."""
        late = make_published_article(
            "Published just after midnight", published_at=phnom_penh(2024, 6, 1, 0, 30)
        )
        response = self.client.get(
            ARCHIVE, {"published_after": "2024-06-01", "published_before": "2024-06-01"}
        )
        self.assertEqual(self.headlines(response), [late.headline])

    def test_choice_lists_offer_only_what_published_stories_show(self):
        """A draft's section, topic, author and source are not in any <select>."""
        response = self.client.get(ARCHIVE)
        form = response.context["filter"].form
        self.assertEqual(
            {choice.slug for choice in form.fields["section"].queryset}, {"land", "politics"}
        )
        self.assertEqual({choice.slug for choice in form.fields["topic"].queryset}, {"rubber"})
        self.assertEqual(set(form.fields["author"].queryset), {self.writer, self.other_writer})
        self.assertEqual(set(form.fields["quoted"].queryset), {self.speaker})
        for hidden in ("Secret section", "Secret topic", "Hidden Author", "Hidden Source"):
            self.assertNotContains(response, hidden)

    def test_a_drafts_people_cannot_be_chosen_by_address_either(self):
        """?author=<slug of a draft's author> is refused, not answered with the draft."""
        for params in (
            {"author": self.draft_author.slug},
            {"quoted": self.draft_source.slug},
            {"topic": "secret-topic"},
            {"section": "secret-section"},
        ):
            with self.subTest(params):
                response = self.client.get(ARCHIVE, params)
                self.assertEqual(response.status_code, 400)
                self.assertEqual(self.headlines(response), [])
                self.assertNotContains(response, "Draft about", status_code=400)

    def test_undeclared_parameters_are_ignored(self):
        """
        Only declared filters apply: status, lookups across relations and
        ordering by a hidden field never narrow or reorder the list.
        """
        everything = self.headlines(self.client.get(ARCHIVE))
        for params in (
            {"status": "draft"},
            {"status__in": "draft"},
            {"bylines__person__user__email": "editor@example.org"},
            {"quotes__speaker__name__startswith": "H"},
            {"ordering": "-status"},
            {"o": "created_at"},
        ):
            with self.subTest(params):
                response = self.client.get(ARCHIVE, params)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.headlines(response), everything)
                self.assertNotContains(response, "Draft about")

    def test_invalid_values_answer_400_quickly_and_escaped(self):
        """Bad dates, absurd numbers and markup are refused in well under a second."""
        for params in (
            {"published_after": "1e1000000"},
            {"published_before": "9" * 10_000},
            {"language": "<script>alert(1)</script>"},
            {"section": '"><svg onload=alert(1)>'},
        ):
            with self.subTest(params):
                with cpu_seconds_under(self, 1):
                    response = self.client.get(ARCHIVE, params)
                self.assertEqual(response.status_code, 400)
                self.assertNotContains(response, "<script>alert", status_code=400)
                self.assertNotContains(response, "<svg", status_code=400)

    def test_a_choice_that_is_no_slug_is_refused_before_any_query(self):
        """
        A NUL (PostgreSQL refuses it in a query: a 500 there) or any other value
        no slug address could carry is the form's invalid answer, without
        asking the database; a Khmer slug still reaches it.
        """
        garbage = ["a\x00b", "\x00", "land\x00", "a b", "a/b", "../land", "'; --", "land%", "<b>"]
        for name in ("section", "topic", "author", "quoted"):
            for value in garbage:
                with self.subTest(name=name, value=value):
                    filterset = filters.ArchiveFilter({name: value}, request=None)
                    with self.assertNumQueries(0):
                        self.assertFalse(filterset.form.is_valid())
                    [error] = filterset.form.errors.as_data()[name]
                    self.assertEqual(error.code, "invalid_choice")
                    response = self.client.get(ARCHIVE, {name: value})
                    self.assertEqual(response.status_code, 400)
                    self.assertEqual(self.headlines(response), [])
        with self.assertNumQueries(1):
            self.assertFalse(filters.ArchiveFilter({"section": "ដីធ្លី"}).form.is_valid())
        response = self.client.get(ARCHIVE, {"section": "land"})
        self.assertEqual(self.headlines(response), ["Rubber company fences village land"])

    def test_a_nul_in_any_reader_parameter_never_reaches_the_database(self):
        """Run on PostgreSQL too (``scripts/with-postgres``), which refuses a NUL in a query."""
        archive_parameters = [
            "q", "section", "topic", "author", "quoted", "language",
            "published_after", "published_before", "page",
        ]  # fmt: skip
        addresses = [(ARCHIVE, name) for name in archive_parameters] + [
            (reverse("reader:search"), "q"),
            (reverse("reader:search"), "page"),
            (reverse("reader:photo_list"), "page"),
            (reverse("reader:section_detail", args=["land"]), "page"),
            (reverse("reader:topic_detail", args=["rubber"]), "page"),
            (reverse("reader:correction_list"), "page"),
            (reverse("reader:feed_latest"), "language"),
            (reverse("reader:home"), "page"),
            ("/sitemap.xml", "p"),
        ]
        for url, name in addresses:
            for value in ("\x00", "land\x00", "2\x00"):
                with self.subTest(url=url, name=name, value=value):
                    response = self.client.get(url, {name: value})
                    self.assertIn(response.status_code, (200, 400, 404))

    def test_long_or_odd_words_never_fail(self):
        for words in ("x" * 5000, "'\"%_\\", "a & b | !c", "\x00null", "   "):
            with self.subTest(words=words[:10]):
                self.assertIn(self.client.get(ARCHIVE, {"q": words}).status_code, (200, 400))

    def test_empty_results_are_explained(self):
        response = self.client.get(ARCHIVE, {"section": "land", "language": "km"})
        self.assertContains(response, "0 stories")
        self.assertContains(response, "No published story matches all of these choices.")

    def test_pagination_keeps_the_filters(self):
        """Page links carry the chosen filters along."""
        for _ in range(21):
            make_published_article(section=self.land)
        response = self.client.get(ARCHIVE, {"section": "land", "language": "en"})
        self.assertContains(response, "?section=land&amp;language=en&amp;page=2")
        second = self.client.get(ARCHIVE, {"section": "land", "language": "en", "page": "2"})
        self.assertEqual(len(self.headlines(second)), 2)

    def test_archive_in_khmer(self):
        self.assertEqual(self.client.get("/km/articles/").status_code, 200)


# The archive with nothing kept: 1 the chosen section; 2 the count; 3–6 the
# choice lists (sections; topics; the people of the latest stories' bylines;
# of their quotes); 7 how long they stay true (the next scheduled story); 8
# the section menu; 9 the page of stories; 10 their bylines.
ARCHIVE_QUERIES = 10
# Other filters, with the choice lists and the menu kept (fragments) and the
# next scheduled story known to this process: 3–8 go.
ARCHIVE_QUERIES_OTHER_FILTERS = 4


class ArchiveQueryCountTests(ReaderTestMixin, TestCase):
    def test_archive_costs_the_same_for_three_stories_or_sixty(self):
        """Choice lists, count and page are one query each, whatever their length."""
        section = make_section("Land")
        params = {"section": "land", "q": "land"}
        make_quote(make_published_article("Land story", section=section, bylines=[make_person()]))
        for stories in ("few", "many"):
            with self.subTest(stories):
                with self.assertNumQueries(ARCHIVE_QUERIES):
                    cold_get(self.client, ARCHIVE, params)
                with self.assertNumQueries(ARCHIVE_QUERIES_OTHER_FILTERS):
                    self.client.get(ARCHIVE, {**params, "q": "story"})
                with self.assertNumQueries(0):
                    kept = self.client.get(ARCHIVE, {**params, "q": " story "})
                self.assertContains(kept, "Land story")
            if stories == "few":
                for number in range(60):
                    story = make_published_article(
                        f"Land story {number}", section=make_section(), bylines=[make_person()]
                    )
                    story.topics.add(make_topic())
                    make_quote(story, speaker=make_person())


# What the page lists is tested here; whole pages kept between requests
# (reader.pagecache) in test_page_renewal: each request is rendered afresh.
@override_settings(PAGE_CACHE=False)
class ArchiveChoiceCacheTests(ReaderTestMixin, TestCase):
    """The choice lists are kept in the cache, and follow what readers may see."""

    def options(self, name):
        form = self.client.get(ARCHIVE).context["filter"].form
        return [label for value, label in form.fields[name].choices if value]

    def test_a_newly_published_author_is_listed_at_once(self):
        make_published_article("First", bylines=[make_person("Vann Piseth")])
        self.assertEqual(self.options("author"), ["Vann Piseth"])
        story = make_article("Second", bylines=[make_person("Phan Nimol")])
        self.assertEqual(self.options("author"), ["Vann Piseth"])
        story.status, story.published_at = "published", timezone.now()
        story.approved_by, story.approved_at = approving_editor(), timezone.now()
        story.save()
        self.assertEqual(self.options("author"), ["Phan Nimol", "Vann Piseth"])
        response = self.client.get(ARCHIVE, {"author": "phan-nimol"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(headlines(response), ["Second"])

    def test_a_story_taken_down_takes_its_people_with_it(self):
        """Unpublishing removes its source from the list and from the addresses accepted."""
        speaker = make_person("Meas Sokha")
        story = make_published_article("Soon withdrawn")
        make_quote(story, speaker=speaker)
        self.assertEqual(self.options("quoted"), ["Meas Sokha"])
        story.status = "unpublished"
        story.save()
        self.assertEqual(self.options("quoted"), [])
        self.assertEqual(self.client.get(ARCHIVE, {"quoted": speaker.slug}).status_code, 400)

    def test_a_scheduled_storys_people_are_listed_when_it_goes_live(self):
        """Nothing is saved when an embargo ends; the cached lists expire then anyway."""
        go_live = timezone.now() + datetime.timedelta(minutes=2)
        make_published_article("Embargoed", published_at=go_live, bylines=[make_person("Keo Dara")])
        with time_machine.travel(go_live - datetime.timedelta(seconds=1), tick=False):
            self.assertEqual(self.options("author"), [])
            self.assertEqual(self.client.get(ARCHIVE, {"author": "keo-dara"}).status_code, 400)
        with time_machine.travel(go_live, tick=False):
            self.assertEqual(self.options("author"), ["Keo Dara"])
            self.assertEqual(self.client.get(ARCHIVE, {"author": "keo-dara"}).status_code, 200)

    def test_khmer_pages_list_khmer_names(self):
        """Each language's lists are their own entries: Khmer names on Khmer pages."""
        writer = make_person("Vann Piseth", name_km="វ៉ាន់ ពិសិដ្ឋ")
        make_published_article(
            "Land", section=make_section("Land", name_km="ដីធ្លី"), bylines=[writer]
        )
        english = self.client.get(ARCHIVE)
        self.assertContains(english, '<option value="land">Land</option>', html=True)
        self.assertContains(
            english, f'<option value="{writer.slug}">Vann Piseth</option>', html=True
        )
        khmer = self.client.get("/km" + ARCHIVE)
        self.assertContains(khmer, '<option value="land">ដីធ្លី</option>', html=True)
        self.assertContains(khmer, f'<option value="{writer.slug}">វ៉ាន់ ពិសិដ្ឋ</option>', html=True)

    def test_people_lists_offer_the_latest_names_and_accept_anyone_public(self):
        """
        The list of people quoted holds those quoted most recently; anyone
        quoted in a published story can still be chosen by address, and is
        then shown as chosen. A draft's source cannot.
        """
        now = timezone.now()
        for days, name in ((3, "Oldest Source"), (2, "Middle Source"), (1, "Newest Source")):
            story = make_published_article(
                f"Story quoting {name}", published_at=now - datetime.timedelta(days=days)
            )
            make_quote(story, speaker=make_person(name))
        make_quote(make_article("Draft"), speaker=make_person("Draft Source"))
        with mock.patch.object(filters, "PEOPLE_LISTED", 2):
            self.assertEqual(self.options("quoted"), ["Middle Source", "Newest Source"])
            response = self.client.get(ARCHIVE, {"quoted": "oldest-source"})
            self.assertEqual(headlines(response), ["Story quoting Oldest Source"])
            self.assertContains(
                response, '<option value="oldest-source" selected>Oldest Source</option>', html=True
            )
            self.assertEqual(self.client.get(ARCHIVE, {"quoted": "draft-source"}).status_code, 400)


# What the page lists is tested here; whole pages kept between requests
# (reader.pagecache) in test_page_renewal: each request is rendered afresh.
@override_settings(PAGE_CACHE=False)
class ListingCountLimitTests(ReaderTestMixin, TestCase):
    """Listings count at most COUNT_LIMIT stories, and say where the older ones are."""

    def test_listings_stop_counting_and_point_to_the_archive_by_date(self):
        section, topic = make_section("Land"), make_topic("Rubber")
        for number in range(5):
            make_published_article(f"Land story {number}", section=section).topics.add(topic)
        with mock.patch.object(listings, "COUNT_LIMIT", 3):
            archive = self.client.get(ARCHIVE)
            self.assertContains(archive, "3+ stories")
            self.assertContains(archive, "Choose dates above to find older ones.")
            self.assertEqual(len(headlines(archive)), 3)
            for page, older in (
                (reverse("reader:section_detail", args=["land"]), "?section=land"),
                (reverse("reader:topic_detail", args=["rubber"]), "?topic=rubber"),
                (reverse("reader:search") + "?q=land", "?q=land"),
            ):
                with self.subTest(page):
                    response = self.client.get(page)
                    self.assertContains(response, "Only the first 3 stories are listed.")
                    self.assertContains(response, f'<a href="{ARCHIVE}{older}">')
        response = self.client.get(ARCHIVE)
        self.assertContains(response, "5 stories")
        self.assertNotContains(response, "Only the first")
