"""
The content API shows partners only what readers may see: every address its
OpenAPI description lists is crawled, with drafts, scheduled, unpublished
and in-review stories, a protected source, staff-only notes and live
stories (a draft's, a scheduled one's and taken-down updates) planted
(SECURITY-TESTS 12, 13, 41, as for the reader site).
"""

import datetime
import json
import re
from collections import deque

from django.core.cache import cache
from django.db.models import Max, Min
from django.test import Client, TestCase
from django.utils import timezone

from articles.models import Article, CommentRequest
from media.services import withdraw_photograph
from tests.security.test_live_safety import HIDDEN as LIVE_HIDDEN
from tests.security.test_live_safety import plant_live_stories
from tests.security.test_source_safety import StorySetupMixin, secrets_in
from tests.support.factories import (
    make_article,
    make_correction,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_topic,
    place_photo,
)
from tests.support.syndication import assert_ninjs, assert_page, bearer, make_key

# Planted where readers never see it; none may reach the API.
HIDDEN = [
    "DRAFTWORD",
    "INREVIEWWORD",
    "APPROVEDWORD",
    "SCHEDULEDWORD",
    "UNPUBLISHEDWORD",
    "DRAFTTRANSLATIONWORD",
    "PROVENANCESECRET",
    "ATTRIBUTIONNOTE",
    "REPLYLOGSECRET",
    "RIGHTSNOTESECRET",
    "CONTACTSECRET",
    "PERSONNOTESSECRET",
    "WIREONLYCAPTION",
    "WITHDRAWNCAPTION",
    *LIVE_HIDDEN,
]
ADDRESS = re.compile(r'"(http://testserver/api/[^"\s]*)"')


class ContentApiCrawlTests(StorySetupMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        now = timezone.now()
        cls.topic = make_topic("Contracts")
        cls.story.topics.add(cls.topic)
        for status, word, published_at in [
            ("draft", "DRAFTWORD", None),
            ("in_review", "INREVIEWWORD", None),
            ("approved", "APPROVEDWORD", None),
            ("published", "SCHEDULEDWORD", now + datetime.timedelta(days=1)),
            ("unpublished", "UNPUBLISHEDWORD", now - datetime.timedelta(days=1)),
        ]:
            hidden = make_article(
                f"{word} headline", status=status, published_at=published_at, body=f"{word} body."
            )
            hidden.topics.add(cls.topic)
        make_article(
            "DRAFTTRANSLATIONWORD",
            language="km",
            translation_of=cls.story,
            body="DRAFTTRANSLATIONWORD",
        )
        make_quote(
            cls.story,
            speaker=cls.named,
            text="The documents were shredded",
            provenance_note="PROVENANCESECRET call recording 14:05",
            attribution_note="ATTRIBUTIONNOTE two Rithys",
        )
        CommentRequest.objects.create(
            article=cls.story, person=cls.named, outcome="answered", answer="REPLYLOGSECRET"
        )
        cls.named.contact_details = "CONTACTSECRET +855"
        cls.named.notes = "PERSONNOTESSECRET"
        cls.named.save()
        shared = make_photograph(may_redistribute=True, rights_note="RIGHTSNOTESECRET")
        wire = make_photograph(caption="WIREONLYCAPTION", may_redistribute=False)
        withdrawn = make_photograph(caption="WITHDRAWNCAPTION", may_redistribute=True)
        for photograph in (shared, wire, withdrawn):
            place_photo(cls.story, photograph)
        withdraw_photograph(photograph=withdrawn, user=cls.editor)
        make_correction(cls.story, text="An earlier version misnamed the ministry.")
        cls.other = make_published_article(
            "Flood waters recede", language="km", bylines=[make_person()]
        )
        # A live story with a taken-down update and a protected source's quote; two hidden ones.
        cls.live, *_hidden = plant_live_stories(cls.source)
        cls.api_key, cls.key = make_key(rate_limit=100_000)

    def setUp(self):
        cache.clear()

    def seeds(self, description):
        """Every address the OpenAPI description lists, with each filter value there is."""
        seeds = []
        for path in description["paths"]:
            if "{id}" in path:
                # Every story's id, and one on each side that none has. From
                # the first story's, not from 1: on PostgreSQL the ids go on
                # from the tests run before this one, which the crawl's limit
                # would otherwise spend on addresses of no story.
                ids = Article.objects.aggregate(first=Min("pk"), last=Max("pk"))
                around = range(max(ids["first"] - 1, 1), ids["last"] + 2)
                seeds += [path.replace("{id}", str(pk)) for pk in around]
                continue
            seeds += [path, f"{path}?limit=1"]
            seeds += [f"{path}?section={slug}" for slug in ["", "politics"]]
            seeds += [
                f"{path}?topic={self.topic.slug}",
                f"{path}?language=en",
                f"{path}?language=km",
            ]
            seeds.append(f"{path}?modified_since=2000-01-01T00:00:00Z")
        return seeds

    def crawl(self, client, seeds):
        answers, queue = {}, deque(seeds)
        while queue and len(answers) < 500:
            address = queue.popleft()
            if address in answers:
                continue
            response = client.get(address)
            answers[address] = response
            if response.status_code == 200:
                for found in ADDRESS.findall(response.content.decode()):
                    queue.append(found.removeprefix("http://testserver"))
        return answers

    def test_every_api_address_shows_only_what_readers_may_see(self):
        description = json.loads(Client().get("/api/v1/openapi.json").content)
        client = Client(headers=bearer(self.key))
        seeds = self.seeds(description)
        answers = self.crawl(client, seeds)
        items = {}
        for address, response in answers.items():
            with self.subTest(address=address):
                self.assertIn(response.status_code, {200, 404}, address)
                text = response.content.decode()
                self.assertEqual([word for word in HIDDEN if word in text], [])
                self.assertEqual(secrets_in(text), [])
                self.assertNotIn(self.source.slug, text)
                if response.status_code == 200:
                    data = response.json()
                    if "items" in data:
                        assert_page(data)
                    else:
                        assert_ninjs(data)
                        items[data["uri"]] = data
        published = set(Article.objects.published().values_list("pk", flat=True))
        self.assertEqual(set(items), {f"http://testserver/api/v1/items/{pk}" for pk in published})
        self.assertGreaterEqual(len(answers), len(set(seeds)))
        live = items[f"http://testserver/api/v1/items/{self.live.pk}"]
        self.assertIn("A witness speaks", json.dumps(live))

    def test_the_protected_source_is_their_label_only(self):
        client = Client(headers=bearer(self.key))
        item = client.get(f"/api/v1/items/{self.story.pk}").json()
        text = json.dumps(item, ensure_ascii=False)
        self.assertIn("Every contract was signed before the tender opened", text)
        self.assertIn("a government official who asked not to be named", text)
        people = [person["name"] for person in item["people"]]
        self.assertNotIn("a government official who asked not to be named", people)
