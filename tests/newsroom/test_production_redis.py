"""
The page cache on Redis, shared by several processes: a page one server
process stores is served by another, and a change saved through one makes
every process's pages stale. Runs a throwaway redis-server on 127.0.0.1.
"""

import unittest

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import TestCase, override_settings

from reader import pagetags
from tests.support.factories import make_person, make_published_article
from tests.support.redis_server import REDIS_SERVER, start_redis


@unittest.skipUnless(REDIS_SERVER, "redis-server is not installed (scripts/ensure-redis)")
@pytest.mark.server
class RedisPageCacheTests(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.url = start_redis(cls.addClassCleanup)

    @classmethod
    def setUpTestData(cls):
        cls.writer = make_person("Vann Piseth")
        cls.story = make_published_article("Court hears land case", bylines=[cls.writer])

    def setUp(self):
        redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": self.url}
        overridden = override_settings(CACHES={"default": redis})
        overridden.enable()
        self.addCleanup(overridden.disable)
        caches["default"].clear()
        # Another server process: its own client of the same Redis.
        self.other_process = RedisCache(self.url, {})

    def test_a_page_stored_by_one_process_is_served_to_another(self):
        url = self.story.get_absolute_url()
        self.client.get(url)
        version = pagetags.generation()
        self.assertEqual(self.other_process.get(pagetags.GENERATION_KEY), version)
        stored = [key for key in self.redis_keys() if ":reader:page:" in key]
        self.assertEqual(len(stored), 1)
        with self.assertNumQueries(0):
            self.assertContains(self.client.get(url), "Vann Piseth")

    def test_a_change_saved_in_one_process_reaches_every_process(self):
        url = self.story.get_absolute_url()
        self.client.get(url)
        before = self.other_process.get(pagetags.GENERATION_KEY)
        self.writer.name = "Vann Piseth Junior"
        self.writer.save()
        self.assertNotEqual(self.other_process.get(pagetags.GENERATION_KEY), before)
        self.assertContains(self.client.get(url), "Vann Piseth Junior")

    def redis_keys(self):
        client = self.other_process._cache.get_client()
        return [key.decode() for key in client.keys("*")]
