"""
App servers of one release, each on a machine of its own, share what they
keep: a page one cached, or a story's parts one stored in the database, is
served by the other as it is, whatever the paths and file times of each
machine's checkout. A server of a release with another template renders its
own.

Each server is the same settings with the templates of its own checkout
(a copy, written at another time), and its fingerprint of them worked out
afresh, as a new process does.
"""

import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import TestCase, override_settings

from reader import pagecache
from reader.models import StoredStory
from tests.support.factories import make_section
from tests.support.reader import ReaderTestMixin, cold_get, make_full_story

# When machine B's checkout was written: 2001-09-09.
ANOTHER_TIME = 1_000_000_000


class SharedByServersTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_full_story("Families lose their rice fields", section=make_section("Land"))
        cls.url = cls.story.get_absolute_url()

    def setUp(self):
        super().setUp()
        folder = Path(tempfile.mkdtemp(prefix="newsroom-checkouts-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        self.addCleanup(pagecache.deployed_templates.cache_clear)
        self.templates = {}
        for machine in ("a", "b"):
            self.templates[machine] = folder / f"checkout-{machine}" / "templates"
            shutil.copytree(settings.TEMPLATES[0]["DIRS"][0], self.templates[machine])
        for path in self.templates["b"].rglob("*"):
            os.utime(path, (ANOTHER_TIME, ANOTHER_TIME))

    def server(self, machine):
        """The settings of a server running from ``machine``'s checkout, started afresh."""
        pagecache.deployed_templates.cache_clear()
        engine = {**settings.TEMPLATES[0], "DIRS": [self.templates[machine]]}
        return override_settings(TEMPLATES=[engine], PAGE_CACHE_HEADER=True)

    def stored_parts(self):
        return StoredStory.objects.filter(article=self.story).values_list(
            "version", "valid_until", "body"
        )

    def test_a_page_cached_by_one_server_is_served_by_the_other(self):
        with self.server("a"):
            first = self.client.get(self.url)
            self.assertNotIn("X-Page-Cache", first)
        with self.server("b"):
            again = self.client.get(self.url)
        self.assertEqual(again["X-Page-Cache"], "hit")
        self.assertEqual(again.content, first.content)

    def test_story_parts_stored_by_one_server_are_used_by_the_other(self):
        """B finds A's parts: it neither renders nor writes them again."""
        with self.server("a"):
            cold_get(self.client, self.url)
        stored = list(self.stored_parts())
        with self.server("b"):
            response = cold_get(self.client, self.url)
        self.assertContains(response, "Families lose their rice fields")
        self.assertEqual(list(self.stored_parts()), stored)

    def test_a_server_with_a_changed_template_renders_its_own(self):
        with self.server("a"):
            self.client.get(self.url)
        story_template = self.templates["b"] / "reader" / "story" / "article.html"
        story_template.write_text(
            story_template.read_text() + "<p>Corrections are listed at the foot.</p>\n"
        )
        with self.server("b"):
            response = self.client.get(self.url)
        self.assertNotIn("X-Page-Cache", response)
        self.assertContains(response, "Corrections are listed at the foot.")
        self.assertContains(cold_get(self.client, self.url), "Corrections are listed at the foot.")
