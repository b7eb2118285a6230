"""
Each language's lists show a story once, in that language where its
translation is published (``ArticleQuerySet.one_version``): the Khmer home
leads with the Khmer version of the story the English home leads with, and
no list shows a story beside its own translation. Every list of stories is
checked, in English and in Khmer.
"""

import datetime

import feedparser
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, Language
from tests.support.factories import (
    make_article,
    make_organization,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_topic,
)
from tests.support.reader import ReaderTestMixin

ENGLISH = "Young voters head to the polls in Kampong Cham"
KHMER = "យុវជនទៅបោះឆ្នោតនៅកំពង់ចាម"
# No translation: listed in both languages, in English.
ALONE = "Rubber company fences the forest in Kampong Cham"
# Its Khmer version is a draft: listed in both languages, in English.
DRAFTED = "Fishermen lose their nets in Kampong Cham"
DRAFT_KHMER = "អ្នកនេសាទបាត់បង់អួននៅកំពង់ចាម"


class OneVersionTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Politics")
        cls.topic = make_topic("Elections")
        cls.writer = make_person("Vann Piseth")
        cls.speaker = make_person("Heng Rithy")
        cls.organization = make_organization("Election Watch")
        cls.photo = make_photograph()
        hour = datetime.timedelta(hours=1)
        now = timezone.now()
        shared = {"section": cls.section, "lead_photo": cls.photo, "bylines": [cls.writer]}
        cls.alone = make_published_article(
            ALONE, published_at=now - 4 * hour, body="In Kampong Cham.", **shared
        )
        cls.english = make_published_article(
            ENGLISH,
            is_featured=True,
            published_at=now - 3 * hour,
            body="In Kampong Cham.",
            **shared,
        )
        cls.khmer = make_published_article(
            KHMER,
            language=Language.KHMER,
            translation_of=cls.english,
            published_at=now - 2 * hour,
            body="នៅកំពង់ចាម Kampong Cham.",
            **shared,
        )
        cls.drafted = make_published_article(
            DRAFTED, published_at=now - hour, body="In Kampong Cham.", **shared
        )
        make_article(DRAFT_KHMER, language=Language.KHMER, translation_of=cls.drafted, **shared)
        for story in (cls.alone, cls.english, cls.khmer, cls.drafted):
            story.topics.add(cls.topic)
            story.organizations.add(cls.organization)
            make_quote(story, speaker=cls.speaker)

    def listings(self):
        """Every page listing stories, by name, at its address in the active language."""
        return {
            "home": reverse("reader:home"),
            "archive": reverse("reader:archive"),
            "archive by section": reverse("reader:archive") + f"?section={self.section.slug}",
            "section": reverse("reader:section_detail", args=[self.section.slug]),
            "topic": reverse("reader:topic_detail", args=[self.topic.slug]),
            "search": reverse("reader:search") + "?q=Kampong+Cham",
            "person": reverse("reader:person_detail", args=[self.writer.slug]),
            "person quoted": reverse("reader:person_detail", args=[self.speaker.slug]),
            "organization": reverse("reader:organization_detail", args=[self.organization.slug]),
            "photo": reverse("reader:photo_detail", args=[self.photo.pk]),
            "related stories": self.alone.get_absolute_url(),
        }

    def headlines(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        page = response.content.decode()
        return {
            headline: page.count(f">{headline}</a>")
            for headline in (ENGLISH, KHMER, ALONE, DRAFTED, DRAFT_KHMER)
        }

    def assert_listed(self, language, shown, hidden):
        with translation.override(language):
            pages = self.listings()
        for name, url in pages.items():
            # The home page lists the latest stories and then each section's:
            # a story may be in both lists, never beside its translation.
            once = 2 if name == "home" else 1
            with self.subTest(language=language, page=name):
                counts = self.headlines(url)
                self.assertEqual(counts[shown], once, f"{url}: {counts}")
                self.assertEqual(counts[hidden], 0, f"{url}: {counts}")
                self.assertEqual(counts[DRAFT_KHMER], 0)
                self.assertEqual(counts[DRAFTED], once, f"{url}: {counts}")
                if name != "related stories":
                    self.assertEqual(counts[ALONE], once, f"{url}: {counts}")

    def test_english_lists_show_the_english_version(self):
        self.assert_listed("en", shown=ENGLISH, hidden=KHMER)

    def test_khmer_lists_show_the_khmer_version(self):
        self.assert_listed("km", shown=KHMER, hidden=ENGLISH)

    def test_each_home_leads_with_its_version_of_the_featured_story(self):
        """The English story is featured; the Khmer home leads with its translation."""
        for language, headline in (("en", ENGLISH), ("km", KHMER)):
            with self.subTest(language=language), translation.override(language):
                page = self.client.get(reverse("reader:home")).content.decode()
                self.assertLess(page.index(headline), page.index(DRAFTED))
                self.assertLess(page.index(headline), page.index(ALONE))

    def test_feeds_show_one_version(self):
        for language, shown, hidden in (("en", ENGLISH, KHMER), ("km", KHMER, ENGLISH)):
            with translation.override(language):
                feeds = [
                    reverse("reader:feed_latest"),
                    reverse("reader:feed_section", args=[self.section.slug]),
                    reverse("reader:feed_author", args=[self.writer.slug]),
                ]
            for url in feeds:
                with self.subTest(url=url):
                    titles = [
                        entry.title
                        for entry in feedparser.parse(self.client.get(url).content).entries
                    ]
                    self.assertEqual(titles.count(shown), 1, titles)
                    self.assertNotIn(hidden, titles)
                    self.assertIn(ALONE, titles)
                    self.assertIn(DRAFTED, titles)

    def test_a_feed_asked_for_in_one_language_shows_that_language(self):
        """?language=en on the Khmer feed lists the English stories, translated or not."""
        with translation.override("km"):
            url = reverse("reader:feed_latest") + "?language=en"
        titles = [entry.title for entry in feedparser.parse(self.client.get(url).content).entries]
        self.assertEqual(sorted(titles), sorted([ENGLISH, ALONE, DRAFTED]))

    def test_the_archive_filtered_by_language_shows_that_language(self):
        with translation.override("km"):
            url = reverse("reader:archive") + "?language=en"
        counts = self.headlines(url)
        self.assertEqual((counts[ENGLISH], counts[KHMER], counts[ALONE]), (1, 0, 1))

    def test_a_list_only_one_version_belongs_to_shows_that_version(self):
        """A person quoted only in the English version: the Khmer page lists the English one."""
        only_english = make_person("Chea Vanna")
        make_quote(self.english, speaker=only_english)
        with translation.override("km"):
            url = reverse("reader:person_detail", args=[only_english.slug])
        counts = self.headlines(url)
        self.assertEqual((counts[ENGLISH], counts[KHMER]), (1, 0))

    def test_both_versions_keep_their_own_story_pages(self):
        for story in (self.english, self.khmer):
            for language in ("en", "km"):
                with self.subTest(story=story.language, site=language):
                    with translation.override(language):
                        url = story.get_absolute_url()
                    self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_story_page_never_relates_its_own_translation(self):
        for story, other in ((self.english, KHMER), (self.khmer, ENGLISH)):
            with self.subTest(story=story.headline):
                page = self.client.get(story.get_absolute_url()).content.decode()
                self.assertNotIn(f">{other}</a>", page.split('class="related', 1)[-1])

    def test_the_rule_as_a_queryset(self):
        published = Article.objects.published()
        self.assertEqual(
            set(published.one_version("km").values_list("headline", flat=True)),
            {KHMER, ALONE, DRAFTED},
        )
        self.assertEqual(
            set(published.one_version("en").values_list("headline", flat=True)),
            {ENGLISH, ALONE, DRAFTED},
        )
