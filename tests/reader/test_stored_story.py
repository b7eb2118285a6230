"""
A story's page parts are rendered once and stored (``reader.stored``), and
every change a reader could see on them renders them again: tested by what
a reader gets, with nothing else kept (``cold_get``) and through the page cache.
"""

import datetime
from unittest import mock

import time_machine
from django.test import TestCase
from django.utils import timezone

from articles.models import Article, CommentRequest
from reader import stored
from reader.models import StoredStory
from tests.support.factories import (
    make_article,
    make_correction,
    make_person,
    make_published_article,
    make_quote,
    make_section,
    make_topic,
)
from tests.support.reader import ReaderTestMixin, cold_get, make_full_story


class StoredPartsTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Land")
        cls.story = make_full_story("Families lose their rice fields", section=cls.section)
        cls.other = make_full_story("Clinic opens in Kratie", section=cls.section)
        cls.url = cls.story.get_absolute_url()

    def setUp(self):
        super().setUp()
        # Both stories' parts stored, as readers asking for them leave them.
        for story in (self.story, self.other):
            self.client.get(story.get_absolute_url())

    def rows(self, story=None):
        return StoredStory.objects.filter(article=story or self.story)

    def assertShownAfterChange(self, text):
        """``text`` is on the page, through the page cache and from stored parts alone."""
        self.assertContains(self.client.get(self.url), text)
        self.assertContains(cold_get(self.client, self.url), text)

    def test_the_parts_are_stored_and_give_the_same_page(self):
        first = cold_get(self.client, self.url)
        self.assertEqual(self.rows().count(), 1)
        again = cold_get(self.client, self.url)
        self.assertEqual(first.content, again.content)
        self.assertContains(again, "We have documents number 1")

    def test_a_renamed_speaker_is_shown_at_once(self):
        speaker = self.story.quotes.first().speaker
        speaker.name = "Heng Rithy Renamed"
        speaker.save()
        self.assertShownAfterChange("Heng Rithy Renamed")

    def test_a_protected_source_leaves_the_stored_parts_at_once(self):
        speaker = self.story.quotes.first().speaker
        name = speaker.name
        speaker.is_protected_source = True
        speaker.public_label = "an official who asked not to be named"
        speaker.save()
        for response in (self.client.get(self.url), cold_get(self.client, self.url)):
            self.assertNotContains(response, name)
            self.assertContains(response, "an official who asked not to be named")

    def test_a_photo_caption_changed_is_shown(self):
        photo = self.story.placed_photos.first().photograph
        photo.caption = "Rice fields after the flood."
        photo.save()
        self.assertShownAfterChange("Rice fields after the flood.")

    def test_a_quote_corrected_is_shown(self):
        quote = self.story.quotes.first()
        quote.text = "We have the land titles"
        quote.save()
        self.assertShownAfterChange("We have the land titles")

    def test_a_new_correction_and_right_of_reply_are_shown(self):
        make_correction(self.story, text="An earlier version misspelt the village.")
        CommentRequest.objects.create(
            article=self.story,
            organization=self.story.organizations.first(),
            requested_at=self.story.published_at - datetime.timedelta(days=1),
            method=CommentRequest.Method.PHONE,
            outcome=CommentRequest.Outcome.NO_RESPONSE,
        )
        self.assertShownAfterChange("An earlier version misspelt the village.")
        self.assertShownAfterChange("did not respond to a request for comment")

    def test_a_byline_added_and_a_topic_renamed_are_shown(self):
        self.story.bylines.create(person=make_person("Chan Dara"), position=2)
        topic = make_topic("Land rights")
        self.story.topics.add(topic)
        self.assertShownAfterChange("Chan Dara")
        topic.name = "Land and housing rights"
        topic.save()
        self.assertShownAfterChange("Land and housing rights")

    def test_a_change_renders_only_the_story_it_concerns(self):
        quote = self.story.quotes.first()
        quote.text = "We have the land titles"
        quote.save()
        self.assertFalse(self.rows().exists())
        self.assertTrue(self.rows(self.other).exists())

    def test_editing_a_draft_keeps_every_stored_part(self):
        draft = make_article("Draft about land", section=self.section)
        make_quote(draft, speaker=self.story.quotes.first().speaker, text="Not yet out")
        draft.headline = "Draft about land, edited"
        draft.save()
        self.assertEqual(StoredStory.objects.count(), 2)

    def test_an_unpublished_story_is_gone_even_with_parts_stored(self):
        # Changed without signals (no parts forgotten): the story is looked up
        # among published stories with its parts, never by the parts alone.
        Article.objects.filter(pk=self.story.pk).update(status=Article.Status.DRAFT)
        self.assertTrue(self.rows().exists())
        self.assertEqual(cold_get(self.client, self.url).status_code, 404)

    def test_a_change_without_signals_is_shown_within_a_day(self):
        Article.objects.filter(pk=self.story.pk).update(dateline="Kampot")
        self.assertNotContains(cold_get(self.client, self.url), "Kampot")
        with time_machine.travel(timezone.now() + stored.FRESH_FOR + datetime.timedelta(minutes=1)):
            self.assertContains(cold_get(self.client, self.url), "Kampot")

    def test_a_new_renderer_renders_the_parts_again(self):
        with mock.patch.object(stored, "RENDERER_VERSION", "next"):
            cold_get(self.client, self.url)
            self.assertEqual(self.rows().get().version, stored.version())

    def test_each_site_language_has_its_own_parts(self):
        khmer = cold_get(self.client, f"/km{self.url}")
        self.assertEqual(khmer.status_code, 200)
        self.assertEqual(sorted(self.rows().values_list("language", flat=True)), ["en", "km"])
        self.assertContains(khmer, 'lang="km"')

    def test_only_parts_made_at_the_site_address_are_stored(self):
        StoredStory.objects.all().delete()
        response = cold_get(self.client, self.url, HTTP_HOST="localhost")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "http://localhost/articles/")
        self.assertFalse(StoredStory.objects.exists())
        # And parts stored at the site's address are never served at another.
        self.client.get(self.url)
        self.assertNotContains(cold_get(self.client, self.url, HTTP_HOST="localhost"), "testserver")


class TranslationLinkTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.english = make_published_article("Young voters feel unheard")
        cls.url = cls.english.get_absolute_url()

    def test_a_translation_published_later_is_linked_at_once(self):
        self.assertNotContains(cold_get(self.client, self.url), "អានជាភាសាខ្មែរ")
        make_published_article("យុវជនមិនត្រូវបានគេស្តាប់", language="km", translation_of=self.english)
        self.assertContains(self.client.get(self.url), "អានជាភាសាខ្មែរ")
        self.assertContains(cold_get(self.client, self.url), "អានជាភាសាខ្មែរ")

    def test_a_scheduled_translation_is_linked_when_it_goes_live(self):
        publish_at = timezone.now() + datetime.timedelta(hours=2)
        make_published_article(
            "យុវជនមិនត្រូវបានគេស្តាប់",
            language="km",
            translation_of=self.english,
            published_at=publish_at,
        )
        self.assertNotContains(cold_get(self.client, self.url), "អានជាភាសាខ្មែរ")
        stored_row = StoredStory.objects.get(article=self.english)
        self.assertEqual(stored_row.valid_until, publish_at)
        with time_machine.travel(publish_at + datetime.timedelta(seconds=1)):
            self.assertContains(cold_get(self.client, self.url), "អានជាភាសាខ្មែរ")
