"""
A large archive: the indexes substring search uses on each database, and the
load-test archive ``generate_load_data`` builds.
"""

import io
import unittest
import unittest.mock

from django.core.management import call_command
from django.db import connection
from django.test import TestCase

from articles.models import Article
from media.models import Photograph
from people.models import Person
from quotes.models import Quote
from reader import search
from tests.support.factories import make_published_article


class SubstringIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_published_article(
            "ប្រជាពលរដ្ឋទាមទារសំណង", body="កសិករប្រឈមនឹងគ្រោះរាំងស្ងួត", language="km"
        )
        make_published_article("Garment workers demand wages", body="Factories in Phnom Penh.")

    def found(self, query):
        return list(search.stories(Article.objects.published(), query))

    def test_khmer_words_inside_khmer_text_are_found(self):
        self.assertEqual(self.found("ទាមទារ"), [self.story])
        self.assertEqual(self.found("គ្រោះរាំងស្ងួត ទាមទារ"), [self.story])
        self.assertEqual(self.found("ទាមទារ ស្ងួតx"), [])

    def test_the_index_follows_edits_and_deletions(self):
        """A story's new words are found at once, its old ones no longer, a deleted story never."""
        story = Article.objects.get(pk=self.story.pk)
        story.headline = "តុលាការពិចារណាករណីដីធ្លី"
        story.save()
        self.assertEqual(self.found("ពិចារណា"), [story])
        self.assertEqual(self.found("ទាមទារ"), [])
        story.delete()
        self.assertEqual(self.found("ពិចារណា"), [])

    def test_short_terms_still_match_as_substrings(self):
        """Terms under three characters are below the trigram index: LIKE alone finds them."""
        self.assertEqual(self.found("កស"), [self.story])

    @unittest.skipUnless(connection.vendor == "sqlite", "the FTS5 table exists on SQLite")
    def test_sqlite_searches_through_the_fts5_trigram_table(self):
        if not search.sqlite_has_fts5_trigram():
            self.skipTest("this SQLite has no FTS5 trigram tokenizer")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                "'articles_article' AND name LIKE 'articles_article_fts_%'"
            )
            triggers = sorted(row[0] for row in cursor.fetchall())
        # A later migration that rebuilds the stories table on SQLite drops
        # these triggers: it must create them again, or new stories go unfound.
        self.assertEqual(
            triggers,
            [
                "articles_article_fts_delete",
                "articles_article_fts_insert",
                "articles_article_fts_update",
            ],
        )
        plan = search.stories(Article.objects.published(), "ទាមទារ").explain()
        self.assertIn("articles_article_fts", plan)

    @unittest.skipUnless(connection.vendor == "postgresql", "trigram indexes exist on PostgreSQL")
    def test_postgresql_khmer_search_uses_the_trigram_indexes(self):
        """Each field's substring test can be answered by its trigram index, so none reads all."""
        stories = search.stories(Article.objects.all(), "ទាមទារ")
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            try:
                plan = stories.explain()
            finally:
                cursor.execute("SET enable_seqscan = on")
        for field in ("headline", "standfirst", "body"):
            self.assertIn(f"article_{field}_trgm", plan)


class LoadDataTests(TestCase):
    def test_generate_load_data_builds_a_realistic_archive(self):
        """Stories in every state, bylines, quotes, real photos; published ones readable."""
        output = io.StringIO()
        call_command("generate_load_data", stories=300, photos=3, stdout=output)
        self.assertIn("Added 300 stories", output.getvalue())
        self.assertEqual(Article.objects.count(), 300)
        published = Article.objects.published()
        self.assertGreater(published.count(), 200)
        self.assertTrue(Article.objects.filter(status=Article.Status.IN_REVIEW).exists())
        self.assertTrue(Article.objects.scheduled().exists())
        self.assertTrue(published.filter(language="km").exists())
        # Some Khmer stories are translations of English ones, as in a real desk.
        translations = Article.objects.filter(translation_of__isnull=False)
        self.assertTrue(translations.exists())
        self.assertFalse(translations.exclude(language="km").exists())
        self.assertFalse(translations.filter(translation_of__language="km").exists())
        self.assertFalse(published.filter(bylines__isnull=True).exists())
        self.assertGreaterEqual(Quote.objects.count(), 3 * 300)
        most_quoted = max(Person.objects.all(), key=lambda person: person.quotes.count())
        self.assertGreater(most_quoted.quotes.count(), 20)
        for photo in Photograph.objects.all():
            with photo.image.open() as image:
                self.assertTrue(image.read(3).startswith(b"\xff\xd8"))
        story = published.order_by("-published_at").first()
        response = self.client.get(story.get_absolute_url())
        self.assertContains(response, story.headline)
        self.assertEqual(self.client.get(f"/people/{most_quoted.slug}/").status_code, 200)
        self.assertEqual(self.client.get("/articles/?language=km").status_code, 200)
        # The story page search finds generated stories through the index too.
        self.assertTrue(search.stories(published, "Families").exists())


class PlannerStatisticsTests(TestCase):
    """``update_statistics``: ANALYZE, without SQLite's blind spot for unique columns."""

    def story_list_plan(self):
        # The admin's story list joins each story to its translation.
        stories = Article.objects.select_related("translation").order_by("-published_at")[:100]
        return stories.explain()

    def test_statistics_are_refreshed_and_the_story_list_still_uses_its_indexes(self):
        """
        Most stories have no translation. SQLite's ANALYZE counts their empty
        ``translation_of`` as one value, and the planner then read the whole
        table for every story in the list. After ``update_statistics`` it
        looks each translation up in the unique index.
        """
        for number in range(30):
            make_published_article(f"Story {number}")
        output = io.StringIO()
        call_command("update_statistics", stdout=output)
        self.assertIn("Planner statistics updated", output.getvalue())
        plan = self.story_list_plan()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'articles_article'")
                stats = dict(cursor.fetchall())
            self.assertIn("articles_article_published_at_b692f2ff", stats)
            self.assertNotRegex(plan, r"SCAN T\d")
            self.assertRegex(plan, r"SEARCH T\d USING INDEX sqlite_autoindex_articles_article_\d")
        else:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL "
                    "FROM pg_stat_user_tables WHERE relname = 'articles_article'"
                )
                self.assertTrue(cursor.fetchone()[0])


class SearchWindowTests(TestCase):
    """The site search looks at the stories written last that hold the words."""

    def test_only_the_latest_matches_are_ranked_and_the_count_says_more(self):
        for number in range(5):
            make_published_article(f"Court hears case {number}")
        make_published_article("Garment workers demand wages")
        with unittest.mock.patch.object(search, "SEARCH_WINDOW", 3):
            found = list(search.search("court").stories)
        self.assertEqual(
            sorted(story.headline for story in found),
            ["Court hears case 2", "Court hears case 3", "Court hears case 4"],
        )
        # The archive's word filter looks at every story.
        self.assertEqual(len(search.stories(Article.objects.published(), "court")), 5)
