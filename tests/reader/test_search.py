"""Search across stories, people and photos: /search/?q=."""

import datetime
import unicodedata
import unittest

from django.db import connection
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, SearchDocument
from reader import search
from tests.support.dos import cpu_seconds_under
from tests.support.factories import (
    make_alias,
    make_article,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
)
from tests.support.reader import ReaderTestMixin, cold_get

SEARCH = reverse("reader:search")


# What the page lists is tested here; whole pages kept between requests
# (reader.pagecache) in test_page_renewal: each request is rendered afresh.
@override_settings(PAGE_CACHE=False)
class SearchTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.in_headline = make_published_article(
            "Fishermen report smaller catches on the Mekong",
            standfirst="Families in Kratie say the river has changed.",
            body="The fishermen say dams upstream changed the river.",
        )
        cls.in_body = make_published_article(
            "Families wait for compensation",
            standfirst="A decade of complaints.",
            body="Some of them used to be fishermen before the concession.",
        )
        cls.khmer = make_published_article(
            "អ្នកនេសាទរាយការណ៍ថា ត្រីតិចជាងមុន",
            body="អ្នកនេសាទនៅខេត្តក្រចេះ និយាយថា ទន្លេបានផ្លាស់ប្តូរ។",
            language="km",
        )
        cls.draft = make_article(
            "Draft about fishermen and the minister",
            body="Secretword appears only in this draft about fishermen.",
        )
        cls.sokha = make_person("Meas Sokha", name_km="មាស សុខា", short_name="Sokha")
        make_alias(cls.sokha, "Sokha Meas")
        make_quote(cls.in_headline, speaker=cls.sokha)
        cls.hidden_person = make_person("Sokha Hidden")
        make_quote(cls.draft, speaker=cls.hidden_person)
        cls.photographer = make_person("Long Narith")
        cls.photo = make_photograph(
            caption="Fishermen pull in their nets near Kratie, May 2, 2024.",
            credit_agency="CamboJA",
            photographer=cls.photographer,
        )
        cls.in_headline.lead_photo = cls.photo
        cls.in_headline.save()
        cls.draft_photo = make_photograph(caption="Fishermen at a secret meeting place.")
        cls.draft.lead_photo = cls.draft_photo
        cls.draft.save()

    def results(self, query):
        response = self.client.get(SEARCH, {"q": query})
        self.assertEqual(response.status_code, 200)
        return response

    def story_headlines(self, query):
        return [story.headline for story in self.results(query).context["page"]]

    def test_finds_stories_best_match_first(self):
        """A word in the headline ranks above the same word in the body."""
        self.assertEqual(
            self.story_headlines("fishermen"),
            ["Fishermen report smaller catches on the Mekong", "Families wait for compensation"],
        )

    def test_finds_khmer_words_inside_khmer_text(self):
        """Khmer has no spaces between words: a Khmer word is found inside a sentence."""
        self.assertEqual(self.story_headlines("ក្រចេះ"), [self.khmer.headline])

    def test_finds_people_by_name_alias_and_khmer_name(self):
        for query in ("Meas Sokha", "sokha meas", "មាស សុខា", "Sokha"):
            with self.subTest(query):
                self.assertEqual(list(self.results(query).context["results"].people), [self.sokha])

    def test_finds_photos_by_caption_and_credit(self):
        for query in ("nets near Kratie", "CamboJA", "Long Narith"):
            with self.subTest(query):
                photos = self.results(query).context["results"].photographs
                self.assertEqual(photos, [self.photo])

    def test_drafts_and_what_only_drafts_show_are_never_found(self):
        """A word only in a draft finds nothing; a draft's people and photos stay hidden."""
        response = self.results("secretword")
        self.assertEqual(list(response.context["page"]), [])
        self.assertContains(response, "0 stories")
        self.assertNotContains(self.results("fishermen"), "Draft about fishermen")
        self.assertNotIn(self.hidden_person, self.results("Sokha").context["results"].people)
        self.assertNotIn(self.draft_photo, self.results("fishermen").context["results"].photographs)

    def test_empty_long_and_odd_queries_never_fail(self):
        """Whatever is typed, the page answers 200 quickly."""
        for query in (
            "",
            "   ",
            "x" * 10_000,
            "fisher" * 2000,
            "\x00\x01null bytes",
            "' OR 1=1; --",
            '"unclosed',
            "a & | ! ( ) : * <-> \\",
            "%_%",
            "-",
            "<script>alert(1)</script>",
            "🐟 ត្រី",
            " ".join(["word"] * 500),
        ):
            with self.subTest(query=query[:20]):
                with cpu_seconds_under(self, 1):
                    response = self.client.get(SEARCH, {"q": query})
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "<script>alert")

    def test_query_is_cleaned_and_cut(self):
        self.assertEqual(search.clean_query("  a\x00b \n c "), "a b c")
        self.assertEqual(len(search.clean_query("x" * 10_000)), search.MAX_QUERY_LENGTH)

    def test_every_control_character_separates_words_and_nothing_else_does(self):
        """Unicode's control characters (C0, DEL, C1) become spaces; format characters stay."""
        for code in [*range(0x300), 0x200B, 0x200D, 0x2028, 0xFEFF, 0x1780, 0x17D2]:
            character = chr(code)
            if unicodedata.category(character) == "Cc" or character.isspace():
                expected = "a b"
            else:
                expected = f"a{character}b"
            with self.subTest(code=hex(code)):
                self.assertEqual(search.clean_query(f"a{character}b"), expected)

    def test_empty_results_say_what_to_try(self):
        self.assertContains(self.results("zzzz"), "Try fewer or other words")

    def test_search_in_khmer_site_language(self):
        self.assertEqual(self.client.get("/km/search/", {"q": "Sokha"}).status_code, 200)


# 1 people; 2 photos; 3 count of stories; 4 the section menu; 5 how long the
# page may be kept (the next scheduled story); 6 the page of stories; 7 their
# bylines.
SEARCH_QUERIES = 7


class SearchQueryCountTests(ReaderTestMixin, TestCase):
    def test_search_costs_the_same_for_few_or_many_results(self):
        photographer = make_person("Fisher Photographer")
        make_published_article(
            "Fisher story",
            bylines=[make_person("Fisher Writer")],
            lead_photo=make_photograph(caption="Fisher at work", photographer=photographer),
        )
        with self.assertNumQueries(SEARCH_QUERIES):
            cold_get(self.client, SEARCH, {"q": "fisher"})
        for number in range(40):
            make_published_article(
                f"Fisher story {number}",
                bylines=[make_person(f"Fisher Writer {number}")],
                lead_photo=make_photograph(caption=f"Fisher {number}"),
            )
        with self.assertNumQueries(SEARCH_QUERIES):
            cold_get(self.client, SEARCH, {"q": "fisher"})


@unittest.skipUnless(connection.vendor == "postgresql", "full-text indexes exist on PostgreSQL")
class FullTextIndexTests(TestCase):
    def test_story_and_photo_searches_use_their_gin_indexes(self):
        """The query's search vector is the indexed expression, so PostgreSQL can use it."""
        make_published_article("Fishermen on the Mekong")
        stories = search.stories(Article.objects.all(), "fishermen")
        from media.models import Photograph

        photos = search.photographs(Photograph.objects.all(), "fishermen")
        # On a table this small a full or primary-key scan is cheaper: forbid
        # both, so the plan shows whether the search can use its index at all.
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            cursor.execute("SET enable_indexscan = off")
            try:
                self.assertIn("article_document_search", stories.explain())
                self.assertIn("photograph_search", photos.explain())
            finally:
                cursor.execute("SET enable_seqscan = on")
                cursor.execute("SET enable_indexscan = on")

    def test_the_stored_document_follows_every_edit(self):
        """
        A story's search document is kept by the database: new words are found
        at once, old ones no longer, whichever way the story was saved, and it
        goes with the story.
        """
        story = make_published_article("Fishermen on the Mekong", body="Nets are empty.")
        self.assertEqual(list(search.stories(Article.objects.all(), "nets")), [story])
        Article.objects.filter(pk=story.pk).update(body="Boats stay in port.")
        self.assertEqual(list(search.stories(Article.objects.all(), "nets")), [])
        self.assertEqual(list(search.stories(Article.objects.all(), "boats")), [story])
        story.refresh_from_db()
        story.headline = "Dry season on the Tonle Sap"
        story.save()
        self.assertEqual(list(search.stories(Article.objects.all(), "tonle")), [story])
        self.assertEqual(list(search.stories(Article.objects.all(), "mekong")), [])
        story.delete()
        self.assertFalse(SearchDocument.objects.exists())

    def test_the_headline_ranks_above_the_body(self):
        in_body = make_published_article("Court news", body="Fishermen wait for a ruling.")
        in_headline = make_published_article(
            "Fishermen go to court",
            body="A ruling is due.",
            published_at=timezone.now() - datetime.timedelta(days=30),
        )
        self.assertEqual(
            list(search.stories(Article.objects.all(), "fishermen")), [in_headline, in_body]
        )

    def test_english_words_match_their_other_forms(self):
        """English words are stemmed on PostgreSQL: "fished" finds a story about "fishing"."""
        story = make_published_article("Fishing families wait")
        self.assertIn(story, search.stories(Article.objects.all(), "fished"))
