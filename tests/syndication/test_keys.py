"""
API keys: made and revoked by administrators, shown once and kept hashed,
each with its rate limit and scope.
"""

import hashlib
import unittest

import time_machine
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.test import TestCase, override_settings
from django.urls import reverse

from syndication.keys import revoke
from syndication.models import ApiKey
from tests.support.factories import make_published_article, make_section, make_user
from tests.support.redis_server import REDIS_SERVER, start_redis
from tests.support.staff import sign_in
from tests.support.syndication import bearer, make_key

ITEMS = "/api/v1/items"


class KeyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.politics = make_section("Politics")
        cls.sport = make_section("Sport")
        cls.politics_story = make_published_article("Vote count begins", section=cls.politics)
        cls.sport_story = make_published_article("Angkor marathon", section=cls.sport)
        cls.khmer_story = make_published_article(
            "ការរាប់សន្លឹកឆ្នោត", section=cls.politics, language="km"
        )

    def setUp(self):
        cache.clear()

    def test_no_key_wrong_key_or_revoked_key_is_401(self):
        api_key, key = make_key()
        wrong = key[:-4] + "AAAA"
        revoked_key, revoked = make_key("Old partner")
        revoke(api_key=revoked_key)
        for headers in [
            {},
            bearer(wrong),
            bearer(revoked),
            {"Authorization": key},
            bearer("nr_x_y"),
        ]:
            with self.subTest(headers=headers):
                response = self.client.get(ITEMS, headers=headers)
                self.assertEqual(response.status_code, 401)
                self.assertEqual(response["WWW-Authenticate"], 'Bearer realm="newsroom-api"')
                self.assertEqual(response.json()["error"], "unauthorized")
                self.assertIn("private", response["Cache-Control"])
                self.assertNotIn("Vote count", response.content.decode())
        self.assertEqual(self.client.get(ITEMS, headers=bearer(key)).status_code, 200)

    def test_the_secret_is_kept_hashed(self):
        api_key, key = make_key()
        secret = key.split("_", 2)[2]
        stored = ApiKey.objects.get(pk=api_key.pk)
        self.assertEqual(stored.secret_hash, hashlib.sha256(secret.encode()).hexdigest())
        self.assertNotIn(secret, str(ApiKey.objects.filter(pk=api_key.pk).values().get()))

    def test_over_the_rate_limit_is_429_with_retry_after(self):
        api_key, key = make_key(rate_limit=3)
        with time_machine.travel(1_800_000_010, tick=False):
            for _ in range(3):
                self.assertEqual(self.client.get(ITEMS, headers=bearer(key)).status_code, 200)
            response = self.client.get(ITEMS, headers=bearer(key))
            self.assertEqual(response.status_code, 429)
            self.assertEqual(response["Retry-After"], "50")
            self.assertEqual(response.json()["error"], "rate_limited")
            other_api_key, other = make_key("Another partner", rate_limit=3)
            self.assertEqual(self.client.get(ITEMS, headers=bearer(other)).status_code, 200)
        with time_machine.travel(1_800_000_060, tick=False):
            self.assertEqual(self.client.get(ITEMS, headers=bearer(key)).status_code, 200)

    def test_a_section_scope(self):
        api_key, key = make_key(section=self.politics)
        page = self.client.get(ITEMS, headers=bearer(key)).json()
        self.assertEqual(
            {item["headlines"][0]["value"] for item in page["items"]},
            {"Vote count begins", "ការរាប់សន្លឹកឆ្នោត"},
        )
        outside = reverse("syndication:item", args=[self.sport_story.pk])
        self.assertEqual(self.client.get(outside, headers=bearer(key)).status_code, 404)
        asked = self.client.get(ITEMS, {"section": "sport"}, headers=bearer(key)).json()
        self.assertEqual(asked["items"], [])

    def test_a_language_scope(self):
        api_key, key = make_key(language="km")
        page = self.client.get(ITEMS, headers=bearer(key)).json()
        self.assertEqual([item["language"] for item in page["items"]], ["km"])
        english = reverse("syndication:item", args=[self.politics_story.pk])
        self.assertEqual(self.client.get(english, headers=bearer(key)).status_code, 404)


@unittest.skipUnless(REDIS_SERVER, "redis-server is not installed (scripts/ensure-redis)")
class SharedRateLimitTests(TestCase):
    """In production the count is kept in Redis, where every server process adds to it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.url = start_redis(cls.addClassCleanup)

    def test_every_process_counts_in_the_same_place(self):
        redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": self.url}
        api_key, key = make_key(rate_limit=2)
        another_server = RedisCache(self.url, {})
        with override_settings(CACHES={"default": redis}), time_machine.travel(1_800_000_030):
            statuses = [self.client.get(ITEMS, headers=bearer(key)).status_code for _ in range(3)]
            counted = another_server.get(f"syndication:rate:{api_key.prefix}:30000000")
        self.assertEqual(statuses, [200, 200, 429])
        self.assertEqual(counted, 3)


class KeyAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_user("site-admin", is_superuser=True)
        cls.editor = make_user("desk-editor", role="Editors")
        cls.section = make_section("Politics")

    def test_an_administrator_makes_a_key_and_sees_it_once(self):
        sign_in(self.client, self.admin)
        response = self.client.post(
            reverse("admin:syndication_apikey_add"),
            {
                "name": "Mekong Daily",
                "rate_limit": "120",
                "section": self.section.pk,
                "language": "km",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("no-store", response["Cache-Control"])
        api_key = ApiKey.objects.get()
        key = response.context["secret"]
        self.assertTrue(key.startswith(f"nr_{api_key.prefix}_"))
        self.assertContains(response, key)
        self.assertEqual((api_key.rate_limit, api_key.language), (120, "km"))
        change = self.client.get(reverse("admin:syndication_apikey_change", args=[api_key.pk]))
        self.assertEqual(change.status_code, 200)
        self.assertNotContains(change, key.split("_", 2)[2])
        listing = self.client.get(reverse("admin:syndication_apikey_changelist"))
        self.assertContains(listing, "Mekong Daily")
        self.assertEqual(self.client.get(ITEMS, headers=bearer(key)).status_code, 200)

    def test_an_administrator_revokes_a_key(self):
        api_key, key = make_key()
        sign_in(self.client, self.admin)
        response = self.client.post(
            reverse("admin:syndication_apikey_changelist"),
            {"action": "revoke_selected", "_selected_action": [api_key.pk]},
            follow=True,
        )
        self.assertContains(response, "1 key revoked.")
        api_key.refresh_from_db()
        self.assertIsNotNone(api_key.revoked_at)
        self.client.logout()
        self.assertEqual(self.client.get(ITEMS, headers=bearer(key)).status_code, 401)

    def test_editors_cannot_see_or_make_keys(self):
        make_key()
        sign_in(self.client, self.editor)
        for url in [
            reverse("admin:syndication_apikey_changelist"),
            reverse("admin:syndication_apikey_add"),
            reverse("admin:syndication_webhook_changelist"),
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 403)
        response = self.client.post(
            reverse("admin:syndication_apikey_add"), {"name": "Sneaky", "rate_limit": "5"}
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(ApiKey.objects.count(), 1)
