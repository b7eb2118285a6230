"""
The content API: published stories as ninjs 2.1 items, with what the story
page shows, a page at a time, filtered, answered 304 when unchanged.
"""

import datetime
import gzip
import warnings

from django.core.cache import cache
from django.core.cache.backends.base import CacheKeyWarning
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.support.factories import (
    make_correction,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_topic,
    place_photo,
)
from tests.support.syndication import assert_ninjs, assert_page, bearer, make_key

ITEMS = "/api/v1/items"


class ApiTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.api_key, cls.key = make_key(rate_limit=10_000)

    def setUp(self):
        # Kept answers outlive a test's rows; each test starts with none.
        cache.clear()

    def get(self, url, data=None, **headers):
        return self.client.get(url, data, headers={**bearer(self.key), **headers})


class ItemTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.section = make_section("Politics")
        cls.topic = make_topic("Land rights")
        cls.writer = make_person("Vann Piseth")
        cls.speaker = make_person("Heng Rithy")
        cls.lead = make_photograph(may_redistribute=True, caption="Farmers at the court")
        cls.agency_photo = make_photograph(may_redistribute=False, caption="Wire picture")
        cls.story = make_published_article(
            "Court hears land case",
            bylines=[cls.writer],
            section=cls.section,
            lead_photo=cls.lead,
            body="The hearing began.\n\n[photo 1]\n\n[photo 2]\n\n[quote 1]\n\nIt ended at noon.",
        )
        place_photo(cls.story, make_photograph(may_redistribute=True, caption="The judge"))
        place_photo(cls.story, cls.agency_photo)
        cls.story.topics.add(cls.topic)
        make_quote(cls.story, speaker=cls.speaker, text="We will appeal", is_pull_quote=True)
        make_correction(cls.story, text="An earlier version gave the wrong date.")
        cls.translation = make_published_article(
            "តុលាការ", language="km", translation_of=cls.story, section=cls.section
        )

    def item(self, story=None):
        response = self.get(reverse("syndication:item", args=[(story or self.story).pk]))
        self.assertEqual(response.status_code, 200)
        data = response.json()
        assert_ninjs(data)
        return data

    def test_an_item_is_valid_ninjs_with_what_the_story_page_shows(self):
        item = self.item()
        self.assertEqual(item["uri"], f"http://testserver/api/v1/items/{self.story.pk}")
        self.assertEqual(item["headlines"], [{"role": "main", "value": "Court hears land case"}])
        self.assertEqual(item["pubstatus"], "usable")
        self.assertEqual(item["language"], "en")
        self.assertEqual(item["by"], "Vann Piseth")
        people = {(person["name"], person["rel"]) for person in item["people"]}
        self.assertEqual(people, {("Vann Piseth", "author:writer"), ("Heng Rithy", "mentioned")})
        subjects = {(subject["name"], subject["rel"]) for subject in item["subjects"]}
        self.assertEqual(subjects, {("Politics", "section"), ("Land rights", "topic")})
        corrections = [d["value"] for d in item["descriptions"] if d["role"] == "correction"]
        self.assertEqual(len(corrections), 1)
        self.assertIn("An earlier version gave the wrong date.", corrections[0])
        self.assertEqual(
            item["altids"],
            [{"role": "web", "value": f"http://testserver{self.story.get_absolute_url()}"}],
        )

    def test_the_body_is_the_story_pages_body(self):
        """Rendered by the reader's template, sanitized, with absolute addresses and pull quote."""
        body = self.item()["bodies"][0]
        self.assertEqual(body["contenttype"], "text/html")
        self.assertIn("<p>The hearing began.</p>", body["value"])
        self.assertIn("We will appeal", body["value"])
        self.assertIn(f'href="http://testserver/people/{self.speaker.slug}/"', body["value"])
        self.assertIn("The judge", body["value"])

    def test_photos_with_renditions_and_credit_but_none_not_to_be_passed_on(self):
        item = self.item()
        pictures = {a["name"]: a for a in item["associations"] if a["type"] == "picture"}
        self.assertEqual(set(pictures), {"lead-photo", "photo-1"})
        lead = pictures["lead-photo"]
        self.assertEqual(lead["by"], "CamboJA")
        self.assertTrue(lead["renditions"])
        for rendition in lead["renditions"]:
            self.assertTrue(rendition["href"].startswith("http://testserver/"))
            self.assertIn(rendition["contenttype"], {"image/jpeg", "image/webp"})
        self.assertNotIn("Wire picture", str(item))

    def test_translations_are_linked_both_ways(self):
        item = self.item()
        translation = [a for a in item["associations"] if a["name"] == "translation"]
        self.assertEqual(
            translation,
            [
                {
                    "name": "translation",
                    "uri": f"http://testserver/api/v1/items/{self.translation.pk}",
                    "type": "text",
                    "language": "km",
                }
            ],
        )
        khmer = self.item(self.translation)
        self.assertEqual(khmer["language"], "km")
        self.assertIn(item["uri"], [a["uri"] for a in khmer["associations"]])

    def test_an_unpublished_translation_is_not_linked(self):
        self.translation.status = Article.Status.DRAFT
        self.translation.save()
        names = [a["name"] for a in self.item().get("associations", [])]
        self.assertNotIn("translation", names)

    def test_the_version_time_follows_a_correction(self):
        before = self.item()["versioncreated"]
        later = timezone.now() + datetime.timedelta(minutes=5)
        make_correction(self.story, text="A second correction.", published_at=later)
        self.assertGreater(self.item()["versioncreated"], before)

    def test_a_kept_answer_goes_when_a_source_is_protected(self):
        """The item and the list kept with the name are renewed at once: only the label is left."""
        self.assertIn("Heng Rithy", str(self.item()))
        self.assertIn("Heng Rithy", self.get(ITEMS).content.decode())
        self.speaker.is_protected_source = True
        self.speaker.public_label = "a court official"
        self.speaker.save()
        item = self.item()
        self.assertNotIn("Heng Rithy", str(item))
        self.assertIn("a court official", item["bodies"][0]["value"])
        self.assertNotIn("Heng Rithy", self.get(ITEMS).content.decode())

    def test_unknown_and_unpublished_items_answer_the_same_404(self):
        draft = make_published_article("Draft", status=Article.Status.DRAFT, published_at=None)
        unknown = self.get(reverse("syndication:item", args=[10**9]))
        hidden = self.get(reverse("syndication:item", args=[draft.pk]))
        self.assertEqual(unknown.status_code, 404)
        self.assertEqual(hidden.status_code, 404)
        self.assertEqual(unknown.content, hidden.content)
        self.assertEqual(unknown["Content-Type"], "application/json")


class PageTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.politics = make_section("Politics")
        cls.land = make_topic("Land rights")
        now = timezone.now()
        cls.stories = [
            make_published_article(
                f"Story {number}",
                published_at=now - datetime.timedelta(minutes=number),
                section=cls.politics if number % 2 else None,
                language="km" if number % 3 == 0 else "en",
            )
            for number in range(1, 8)
        ]
        cls.stories[0].topics.add(cls.land)

    def headlines(self, page):
        return [item["headlines"][0]["value"] for item in page["items"]]

    def test_pages_follow_one_another_newest_first(self):
        seen, url = [], ITEMS + "?limit=3"
        while url:
            response = self.get(url)
            self.assertEqual(response.status_code, 200)
            page = response.json()
            assert_page(page)
            seen += self.headlines(page)
            url = page["next"]
        self.assertEqual(seen, [f"Story {number}" for number in range(1, 8)])

    def test_any_address_is_kept_under_a_key_every_cache_takes(self):
        """
        A long or unknown parameter never makes a cache key a cache refuses
        (memcached: 250 characters), and ignored parameters keep no answer of
        their own.
        """
        with warnings.catch_warnings():
            warnings.simplefilter("error", CacheKeyWarning)
            for params in (
                {"topic": "land" * 300},
                {"unknown": "x" * 2000, "limit": "3"},
                {"section": "ផ្នែក" * 100, "cursor": "c" * 500},
            ):
                with self.subTest(params=list(params)):
                    self.assertIn(self.get(ITEMS, params).status_code, (200, 400))
        first = self.get(ITEMS, {"limit": "3"}).json()
        with self.assertNumQueries(1):  # The key; the answer is the one kept above.
            again = self.get(ITEMS, {"limit": "3", "utm_source": "partner"}).json()
        self.assertEqual(again, first)

    def test_fifty_a_page_unless_asked(self):
        page = self.get(ITEMS).json()
        self.assertEqual(len(page["items"]), 7)
        self.assertIsNone(page["next"])

    def test_filters(self):
        cases = {
            "section=politics": ["Story 1", "Story 3", "Story 5", "Story 7"],
            "topic=land-rights": ["Story 1"],
            "language=km": ["Story 3", "Story 6"],
            "section=politics&language=km": ["Story 3"],
            "section=nothing-here": [],
        }
        for query, expected in cases.items():
            with self.subTest(query=query):
                self.assertEqual(self.headlines(self.get(f"{ITEMS}?{query}").json()), expected)

    def test_modified_since(self):
        since = timezone.now() + datetime.timedelta(seconds=1)
        self.assertEqual(self.get(ITEMS, {"modified_since": since.isoformat()}).json()["items"], [])
        make_correction(self.stories[4], published_at=since + datetime.timedelta(seconds=5))
        page = self.get(ITEMS, {"modified_since": since.isoformat()}).json()
        self.assertEqual(self.headlines(page), ["Story 5"])

    def test_bad_input_is_a_clear_400(self):
        for query in [
            "language=fr",
            "modified_since=yesterday",
            "modified_since=2026-01-01T00:00:00",
            "modified_since=0001-01-01T00:00:00%2B07:00",
            "limit=0",
            "limit=1000",
            "limit=%C2%B2",
            "cursor=nonsense",
            "cursor=OTk5OS0xMi0zMVQwMDowMDowMHw5OTk5OTk5OTk5OTk5OTk5OTk5OTk5",
            "section=%00",
        ]:
            with self.subTest(query=query):
                response = self.get(f"{ITEMS}?{query}")
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response.json()["error"], "bad_request")

    def test_no_cookie_private_and_nosniff(self):
        response = self.get(ITEMS)
        self.assertEqual(response.cookies, {})
        self.assertIn("private", response["Cache-Control"])
        self.assertNotIn("public", response["Cache-Control"])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertIn("Authorization", response["Vary"])


class ConditionalGetTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story = make_published_article("Court hears land case")

    def test_an_unchanged_page_is_304_and_a_changed_one_is_not(self):
        first = self.get(ITEMS)
        etag = first["ETag"]
        again = self.get(ITEMS, If_None_Match=etag)
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.content, b"")
        make_correction(self.story)
        self.assertEqual(self.get(ITEMS, If_None_Match=etag).status_code, 200)

    def test_an_item_by_etag_and_by_date(self):
        url = reverse("syndication:item", args=[self.story.pk])
        first = self.get(url)
        self.assertEqual(self.get(url, If_None_Match=first["ETag"]).status_code, 304)
        self.assertEqual(self.get(url, If_Modified_Since=first["Last-Modified"]).status_code, 304)
        self.story.headline = "Court hears the land case"
        self.story.save()
        self.assertEqual(self.get(url, If_None_Match=first["ETag"]).status_code, 200)

    def test_a_partner_that_accepts_gzip_gets_the_same_json_gzipped(self):
        """Smaller on the wire, the same items; its ETag is weak, and answers 304 as well."""
        for number in range(5):
            make_published_article(f"Flood relief reaches district {number}", body="Water. " * 80)
        plain = self.get(ITEMS)
        packed = self.get(ITEMS, Accept_Encoding="gzip, deflate, br")
        self.assertEqual(packed["Content-Encoding"], "gzip")
        self.assertEqual(gzip.decompress(packed.content), plain.content)
        self.assertLess(len(packed.content), len(plain.content) / 3)
        self.assertNotIn("Content-Encoding", plain)
        for response in (plain, packed):
            self.assertIn("Accept-Encoding", response["Vary"])
        self.assertEqual(packed["ETag"], f"W/{plain['ETag']}")
        again = self.get(ITEMS, Accept_Encoding="gzip", If_None_Match=packed["ETag"])
        self.assertEqual((again.status_code, again["ETag"]), (304, packed["ETag"]))
        # A small answer is not worth compressing: sent as it is.
        missing = self.get(f"{ITEMS}/999999", Accept_Encoding="gzip")
        self.assertEqual(missing.status_code, 404)
        self.assertNotIn("Content-Encoding", missing)

    def test_a_story_taken_down_is_404_never_304(self):
        url = reverse("syndication:item", args=[self.story.pk])
        first = self.get(url)
        self.story.status = Article.Status.UNPUBLISHED
        self.story.save()
        self.assertEqual(self.get(url, If_None_Match=first["ETag"]).status_code, 404)
        self.assertEqual(self.get(url, If_Modified_Since=first["Last-Modified"]).status_code, 404)
        self.assertNotIn("Court hears", self.get(ITEMS).content.decode())


# A page of 50 carries some 200 tags: more than local memory's default 300
# entries can hold beside the rest (production's caches keep 10,000 or more).
@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }
)
class QueryCountTests(ApiTestCase):
    def add_stories(self, count):
        section, topic = make_section(), make_topic()
        for number in range(count):
            story = make_published_article(
                f"Story {number}",
                bylines=[make_person()],
                section=section,
                lead_photo=make_photograph(may_redistribute=True),
                body="Words.\n\n[photo 1]\n\n[quote 1]",
            )
            story.topics.add(topic)
            story.people.add(make_person())
            place_photo(story, make_photograph(may_redistribute=True))
            make_quote(story)
            make_correction(story)

    def test_a_page_of_fifty_costs_the_same_as_a_page_of_two(self):
        """
        Made: 1 the key; 2 the page of stories with their section, lead photo,
        translation, live coverage and last update taken down; 3 bylines and
        their people; 4 photos placed; 5 live updates, their authors and
        photos; 6 quotes and speakers; 7 corrections; 8 topics; 9 people
        named; 10 their affiliations; 11 organizations; 12 requests for
        comment; 13 the next scheduled story (how long the answer may be
        kept). Kept: 1 the key.
        """
        self.add_stories(2)
        for count in (2, 50):
            with self.subTest(stories=count), self.assertNumQueries(13):
                page = self.get(ITEMS).json()
            self.assertEqual(len(page["items"]), count)
            with self.subTest(stories=count, kept=True), self.assertNumQueries(1):
                self.assertEqual(self.get(ITEMS).json(), page)
            if count == 2:
                self.add_stories(48)
