"""
``filed_under()`` reads from a story's own rows what ``sections()``,
``topics()`` and ``people()`` find by reading every section, topic and
person: the page cache renews, at every save, the lists these name.
"""

from django.test import TestCase

from articles.models import Article
from reader import signals
from tests.support.factories import (
    make_article,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_topic,
    place_photo,
)
from tests.support.live import post_update, take_down


def listed(stories):
    """What the three querysets list for ``stories``, as ``filed_under()`` gives it."""
    return (
        {("section", pk) for pk in stories.sections().values_list("pk", flat=True)}
        | {("topic", pk) for pk in stories.topics().values_list("pk", flat=True)}
        | {("person", pk) for pk in stories.people().values_list("pk", flat=True)}
    )


class FiledUnderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.writer, cls.speaker, cls.named = (make_person() for _ in range(3))
        cls.photographer, cls.placed_photographer = make_person(), make_person()
        cls.source = make_person(is_protected_source=True, public_label="a clerk")
        cls.live_speaker, cls.gone_speaker = make_person(), make_person()
        cls.story = make_published_article(
            bylines=[cls.writer, cls.source],
            section=make_section(),
            lead_photo=make_photograph(photographer=cls.photographer),
        )
        cls.story.topics.add(make_topic(), make_topic())
        cls.story.people.add(cls.named, cls.source)
        make_quote(cls.story, speaker=cls.speaker)
        make_quote(cls.story, speaker=cls.source)
        make_quote(cls.story, anonymous_description="a farmer")  # No speaker.
        place_photo(cls.story, make_photograph(photographer=cls.placed_photographer))
        place_photo(cls.story, make_photograph(photographer=cls.source))
        post_update(cls.story, quote={"speaker": cls.live_speaker})
        take_down(post_update(cls.story, quote={"speaker": cls.gone_speaker}))
        cls.bare = make_article()

    def test_a_story_with_every_part(self):
        """Protected sources and the speakers of taken-down updates are left out, as there."""
        stories = Article.objects.filter(pk=self.story.pk)
        found = set(stories.filed_under())
        self.assertEqual(found, listed(stories))
        people = {pk for kind, pk in found if kind == "person"}
        self.assertEqual(
            people,
            {
                person.pk
                for person in (
                    self.writer,
                    self.speaker,
                    self.named,
                    self.photographer,
                    self.placed_photographer,
                    self.live_speaker,
                )
            },
        )
        self.assertEqual(len({pk for kind, pk in found if kind == "topic"}), 2)

    def test_a_story_with_none(self):
        """Only its missing section: the page cache then renews no list of a section."""
        stories = Article.objects.filter(pk=self.bare.pk)
        self.assertEqual(list(stories.filed_under()), [("section", None)])
        self.assertEqual(listed(stories), set())

    def test_several_stories_together(self):
        stories = Article.objects.filter(pk__in=[self.story.pk, self.bare.pk])
        found = {(kind, pk) for kind, pk in stories.filed_under() if pk is not None}
        self.assertEqual(found, listed(stories))

    def test_the_page_cache_asks_one_query_for_every_story(self):
        """``reader.signals.filed_under``: one query, each story's own answer."""
        for story in (self.story, self.bare, self.story):
            with self.subTest(story=story.pk), self.assertNumQueries(1):
                found = signals.filed_under(story.pk)
            self.assertEqual(set(found), set(Article.objects.filter(pk=story.pk).filed_under()))
        self.assertEqual(signals.filed_under(self.bare.pk + 1000), [])
