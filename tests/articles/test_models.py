import datetime
import zoneinfo

import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.forms import modelform_factory
from django.test import TestCase
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article
from media.models import Photograph
from people.slugs import validate_slug
from quotes.models import Quote
from tests.support.factories import (
    make_article,
    make_person,
    make_photograph,
    make_quote,
    make_user,
    place_photo,
)
from tests.support.staff import sign_in

PHNOM_PENH = zoneinfo.ZoneInfo("Asia/Phnom_Penh")


def phnom_penh(*args):
    return datetime.datetime(*args, tzinfo=PHNOM_PENH)


class ArticleSlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.july = phnom_penh(2021, 7, 8, 9, 30)
        cls.first = make_article("Court hears land case", status="published", published_at=cls.july)

    def test_slug_filled_from_headline(self):
        """A story saved without a slug gets one from its headline."""
        self.assertEqual(self.first.slug, "court-hears-land-case")

    def test_blank_slug_made_unique_within_month(self):
        """A second story with the same headline in the same month gets “-2”, a third “-3”."""
        second = make_article("Court hears land case", published_at=self.july)
        third = make_article("Court hears land case", published_at=self.july)
        self.assertEqual(second.slug, "court-hears-land-case-2")
        self.assertEqual(third.slug, "court-hears-land-case-3")

    def test_same_slug_in_another_month_allowed(self):
        """The same slug may be used again in another month."""
        august = make_article("Court hears land case", published_at=phnom_penh(2021, 8, 2, 10, 0))
        self.assertEqual(august.slug, "court-hears-land-case")
        august.full_clean()

    def test_month_follows_phnom_penh_time(self):
        """The address month is the month in Phnom Penh, not in UTC."""
        article = make_article(
            "Late night vote",
            published_at=datetime.datetime(2021, 7, 31, 20, 0, tzinfo=datetime.UTC),
        )
        self.assertEqual(article.month, datetime.date(2021, 8, 1))

    def test_duplicate_slug_refused_by_full_clean(self):
        """Two stories in the same month cannot share a slug: validation says so on the slug."""
        article = Article(
            headline="Another headline", slug="court-hears-land-case", published_at=self.july
        )
        with self.assertRaises(ValidationError) as caught:
            article.full_clean()
        self.assertEqual(list(caught.exception.message_dict), ["slug"])
        self.assertIn("July 2021", caught.exception.message_dict["slug"][0])
        self.assertIn("already uses this slug", caught.exception.message_dict["slug"][0])

    def test_duplicate_slug_refused_by_form(self):
        """An article form with a slug taken that month shows the error on the slug field."""
        form_class = modelform_factory(
            Article, fields=["headline", "slug", "status", "published_at", "language"]
        )
        form = form_class(
            data={
                "headline": "Another headline",
                "slug": "court-hears-land-case",
                "status": "draft",
                "published_at": "2021-07-20 10:00",
                "language": "en",
            }
        )
        self.assertFalse(form.is_valid())
        self.assertEqual(list(form.errors), ["slug"])
        self.assertIn("already uses this slug", form.errors["slug"][0])

    def test_editing_a_story_keeps_its_own_slug_valid(self):
        """A story is never in conflict with itself."""
        self.first.headline = "Court hears land case again"
        self.first.full_clean()

    def test_duplicate_slug_refused_by_database(self):
        """The database refuses two stories with one slug in one month."""
        second = make_article("Another headline", published_at=self.july)
        with transaction.atomic(), self.assertRaises(IntegrityError):
            Article.objects.filter(pk=second.pk).update(slug=self.first.slug)

    def test_khmer_headline_gets_readable_khmer_slug(self):
        """A Khmer headline gives a Khmer slug that keeps vowel signs and subscripts."""
        article = make_article(
            "ក្រុមប្រឹក្សាធម្មនុញ្ញ ប្រកាសលទ្ធផលបោះឆ្នោត។", language="km", published_at=self.july
        )
        self.assertEqual(article.slug, "ក្រុមប្រឹក្សាធម្មនុញ្ញ-ប្រកាសលទ្ធផលបោះឆ្នោត")
        validate_slug(article.slug)
        article.full_clean()

    def test_khmer_slug_made_unique(self):
        """Two Khmer stories with one headline in one month get distinct slugs."""
        first = make_article("សិទ្ធិដីធ្លី", language="km", published_at=self.july)
        second = make_article("សិទ្ធិដីធ្លី", language="km", published_at=self.july)
        self.assertEqual([first.slug, second.slug], ["សិទ្ធិដីធ្លី", "សិទ្ធិដីធ្លី-2"])


class ArticleRulesTests(TestCase):
    def test_published_story_needs_publish_time(self):
        """A published story without a publish time is refused."""
        article = Article(headline="Court hears land case", status="published")
        with self.assertRaises(ValidationError) as caught:
            article.full_clean()
        self.assertIn("published_at", caught.exception.message_dict)
        draft = make_article()
        with transaction.atomic(), self.assertRaises(IntegrityError):
            Article.objects.filter(pk=draft.pk).update(status="published", published_at=None)

    def test_unknown_status_refused_by_database(self):
        """The database refuses a status that is not one of the choices."""
        article = make_article()
        with transaction.atomic(), self.assertRaises(IntegrityError):
            Article.objects.filter(pk=article.pk).update(status="killed")

    def test_translation_must_be_in_other_language(self):
        """A translation must be in the other language than its source."""
        source = make_article("Court hears land case", language="en")
        same_language = Article(headline="Court hears case", language="en", translation_of=source)
        with self.assertRaises(ValidationError) as caught:
            same_language.full_clean()
        self.assertIn("translation_of", caught.exception.message_dict)
        khmer = Article(headline="តុលាការស្ដាប់សំណុំរឿងដីធ្លី", language="km", translation_of=source)
        khmer.full_clean()

    def test_story_cannot_translate_itself(self):
        """A story cannot be its own translation."""
        article = make_article(language="en")
        article.translation_of = article
        with self.assertRaises(ValidationError) as caught:
            article.full_clean()
        self.assertIn("translation_of", caught.exception.message_dict)

    def test_version_increments_on_each_save(self):
        """Every save of a story raises its version by one."""
        article = make_article()
        self.assertEqual(article.version, 1)
        article.save()
        article.save()
        article.refresh_from_db()
        self.assertEqual(article.version, 3)


class PublishedQuerySetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.now = phnom_penh(2021, 7, 8, 12, 0)
        past = cls.now - datetime.timedelta(hours=1)
        cls.live = make_article("Live story", status="published", published_at=past)
        cls.on_the_minute = make_article("On the minute", status="published", published_at=cls.now)
        cls.scheduled = make_article(
            "Scheduled story",
            status="published",
            published_at=cls.now + datetime.timedelta(hours=1),
        )
        cls.hidden = [
            make_article("Draft story", status="draft"),
            make_article("Draft with a time", status="draft", published_at=past),
            make_article("Story in review", status="in_review", published_at=past),
            make_article("Approved story", status="approved", published_at=past),
            make_article("Unpublished story", status="unpublished", published_at=past),
            cls.scheduled,
        ]

    def test_only_published_stories_whose_time_has_come(self):
        """Readers see only published stories whose publish time has passed."""
        self.assertQuerySetEqual(
            Article.objects.published(now=self.now),
            [self.on_the_minute, self.live],
        )

    def test_clock_moves_scheduled_story_in(self):
        """A scheduled story appears once its publish time passes."""
        with time_machine.travel(self.now, tick=False):
            self.assertNotIn(self.scheduled, Article.objects.published())
            self.assertFalse(self.scheduled.is_live())
        with time_machine.travel(self.now + datetime.timedelta(hours=2), tick=False):
            self.assertIn(self.scheduled, Article.objects.published())
            self.assertTrue(self.scheduled.is_live())

    def test_is_live_agrees_with_published(self):
        """``is_live`` agrees with ``published()`` for every story."""
        published = set(Article.objects.published(now=self.now))
        for article in Article.objects.all():
            with self.subTest(article=article.headline):
                self.assertEqual(article.is_live(now=self.now), article in published)


class QuoteRulesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article()
        cls.speaker = make_person("Pa Chanroeun")

    def test_speaker_or_anonymous_description(self):
        """A quote needs a speaker or an anonymous description, not both and not neither."""
        for speaker, description in [(None, ""), (self.speaker, "a senior official")]:
            quote = Quote(
                article=self.article,
                text="We will not give up our land",
                speaker=speaker,
                anonymous_description=description,
                position=1,
            )
            with self.subTest(speaker=speaker, description=description):
                with self.assertRaises(ValidationError) as caught:
                    quote.full_clean()
                self.assertIn(
                    "Give the speaker, or describe the anonymous source, but not both.",
                    caught.exception.messages,
                )
                with transaction.atomic(), self.assertRaises(IntegrityError):
                    quote.save()

    def test_named_and_anonymous_quotes_accepted(self):
        """A quote with only a speaker, or only an anonymous description, is valid."""
        named = make_quote(self.article, speaker=self.speaker)
        anonymous = make_quote(
            self.article, anonymous_description="a government official who asked not to be named"
        )
        named.full_clean()
        anonymous.full_clean()
        self.assertEqual(named.attribution, "Pa Chanroeun")
        self.assertEqual(anonymous.attribution, "a government official who asked not to be named")

    def test_numbers_unique_per_story(self):
        """Two quotes in one story cannot share a number."""
        make_quote(self.article, speaker=self.speaker, position=1)
        duplicate = Quote(article=self.article, text="Again", speaker=self.speaker, position=1)
        with self.assertRaises(ValidationError):
            duplicate.full_clean()
        with transaction.atomic(), self.assertRaises(IntegrityError):
            duplicate.save()


class BodyRenderingTests(TestCase):
    def test_body_html_is_sanitized(self):
        """Scripts, event handlers and javascript: links in a body never reach the page."""
        article = make_article(
            body=(
                "Opening paragraph.\n\n"
                "<script>alert('x')</script>\n\n"
                '<img src="x" onerror="alert(1)">\n\n'
                '<p onclick="alert(2)">Clicked</p>\n\n'
                "[a trap](javascript:alert(3)) and [another](JaVaScRiPt:alert(4))\n\n"
                '<a href="javascript:alert(5)">raw</a>\n\n'
                "<iframe src='https://example.org'></iframe><style>p{}</style>"
            )
        )
        html = article.body_html.lower()
        for forbidden in ["<script", "alert(", "onerror", "onclick", "<img", "javascript:"]:
            with self.subTest(forbidden=forbidden):
                self.assertNotIn(forbidden, html)
        self.assertNotIn("<iframe", html)
        self.assertNotIn("<style", html)
        self.assertIn("<p>Opening paragraph.</p>", article.body_html)

    def test_markdown_rendered(self):
        """“## ” makes a subheading, asterisks emphasis, and “# ” never a second page title."""
        article = make_article(body="## Sub\n\n# Top\n\nSome *emphasis* here.\n\n> Said once.")
        self.assertIn("<h2>Sub</h2>", article.body_html)
        self.assertIn("<h2>Top</h2>", article.body_html)
        self.assertNotIn("<h1", article.body_html)
        self.assertIn("<em>emphasis</em>", article.body_html)
        self.assertIn("<blockquote>", article.body_html)

    def test_links_get_rel_noopener(self):
        """Every link in a body carries rel="noopener noreferrer"."""
        article = make_article(
            body='See [the report](https://example.org/report "Report").\n\n'
            '<a href="https://example.org" rel="opener" target="_blank">raw link</a>'
        )
        self.assertIn(
            '<a href="https://example.org/report" title="Report" rel="noopener noreferrer">'
            "the report</a>",
            article.body_html,
        )
        self.assertEqual(article.body_html.count('rel="noopener noreferrer"'), 2)
        self.assertNotIn("target=", article.body_html)
        self.assertNotIn('rel="opener"', article.body_html)

    def test_body_html_follows_body(self):
        """Editing the body re-renders it on save."""
        article = make_article(body="Old words.")
        article.body = "New words."
        article.save()
        article.refresh_from_db()
        self.assertEqual(article.body_html, "<p>New words.</p>")

    def test_body_blocks_place_photos_and_quotes(self):
        """Photos and quotes stand at their markers; markers naming nothing are left out."""
        article = make_article(
            body=(
                "First paragraph.\n\n[photo 1]\n\nSecond paragraph.\n\n[quote 2]\n\n"
                "[photo 7]\n\n[Quote 9]\n\nLast paragraph with [photo 1] in the text."
            )
        )
        photo = place_photo(article, make_photograph(), position=1)
        make_quote(article, position=1)
        quote = make_quote(article, position=2)
        self.assertEqual(
            article.body_blocks(),
            [
                ("html", "<p>First paragraph.</p>\n"),
                ("photo", photo),
                ("html", "\n<p>Second paragraph.</p>\n"),
                ("quote", quote),
                ("html", "\n<p>Last paragraph with [photo 1] in the text.</p>"),
            ],
        )

    def test_body_blocks_without_markers(self):
        """A body without markers is one block of HTML."""
        article = make_article(body="Only words.")
        self.assertEqual(article.body_blocks(), [("html", "<p>Only words.</p>")])


class PhotographDeleteProtectionTests(TestCase):
    """A photograph in use cannot be deleted, in code or in the workspace."""

    @classmethod
    def setUpTestData(cls):
        cls.superuser = make_user("chief", is_superuser=True)
        cls.lead = make_photograph(caption="A lead photo of the court in Phnom Penh.")
        cls.placed = make_photograph(caption="Villagers wait outside the court in Phnom Penh.")
        cls.portrait = make_photograph(caption="Pa Chanroeun in Phnom Penh, July 7, 2021.")
        cls.article = make_article("Court hears land case", lead_photo=cls.lead)
        cls.placement = place_photo(cls.article, cls.placed)
        cls.person = make_person("Pa Chanroeun", portrait=cls.portrait)
        cls.cases = [
            (cls.lead, cls.article),
            (cls.placed, cls.placement),
            (cls.portrait, cls.person),
        ]

    def test_delete_refused(self):
        """Deleting a lead photo, a photo in a body or a portrait raises ProtectedError."""
        for photograph, protector in self.cases:
            with self.subTest(photograph=photograph.caption):
                with transaction.atomic(), self.assertRaises(ProtectedError) as caught:
                    photograph.delete()
                self.assertIn(protector, caught.exception.protected_objects)
                self.assertTrue(Photograph.objects.filter(pk=photograph.pk).exists())
                self.assertTrue(photograph.image.storage.exists(photograph.image.name))

    def test_admin_delete_view_refuses(self):
        """The workspace's delete page says it cannot delete and names what uses the photo."""
        sign_in(self.client, self.superuser)
        for photograph, protector in self.cases:
            with self.subTest(photograph=photograph.caption):
                response = self.client.post(
                    reverse("admin:media_photograph_delete", args=[photograph.pk]),
                    {"post": "yes"},
                )
                self.assertContains(response, "Cannot delete")
                self.assertContains(response, escape(str(protector)))
                self.assertTrue(Photograph.objects.filter(pk=photograph.pk).exists())

    def test_admin_delete_selected_action_refuses(self):
        """The “delete selected” action refuses too, and names what uses each photo."""
        sign_in(self.client, self.superuser)
        response = self.client.post(
            reverse("admin:media_photograph_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": [photograph.pk for photograph, _protector in self.cases],
                "post": "yes",
            },
        )
        self.assertContains(response, "Cannot delete")
        for photograph, protector in self.cases:
            self.assertContains(response, escape(str(protector)))
            self.assertTrue(Photograph.objects.filter(pk=photograph.pk).exists())

    def test_unused_photo_can_be_deleted(self):
        """A photograph nothing uses can be deleted."""
        photograph = make_photograph()
        photograph.delete()
        self.assertFalse(Photograph.objects.filter(pk=photograph.pk).exists())
