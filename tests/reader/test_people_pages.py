"""Public profiles of people and organizations."""

import datetime

from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from people.models import PersonFormerSlug
from reader.views.profiles import STORIES_SHOWN
from tests.support.factories import (
    make_affiliation,
    make_alias,
    make_article,
    make_organization,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
)
from tests.support.reader import ReaderTestMixin, cold_get, json_ld


def profile(person):
    return reverse("reader:person_detail", args=[person.slug])


class PersonPageTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organization = make_organization("Cambodian Institute for Democracy", acronym="CID")
        cls.portrait = make_photograph(caption="Pa Chanroeun in Phnom Penh, July 7, 2021.")
        cls.person = make_person(
            "Pa Chanroeun",
            name_km="ប៉ា ច័ន្ទរឿន",
            bio="President of a Phnom Penh think tank.",
            portrait=cls.portrait,
        )
        make_affiliation(cls.person, cls.organization, title="president")
        make_affiliation(
            cls.person,
            make_organization("Old Employer"),
            title="researcher",
            start_date=datetime.date(2001, 1, 1),
            end_date=datetime.date(2005, 1, 1),
        )
        make_alias(cls.person, "Chanroeun Pa")
        cls.older = make_published_article(
            "Older story quoting him", published_at=timezone.now() - datetime.timedelta(days=9)
        )
        cls.newer = make_published_article("Newer story quoting him")
        make_quote(
            cls.older,
            speaker=cls.person,
            text="Councils must listen",
            speaker_role="president of CID",
        )
        make_quote(cls.newer, speaker=cls.person, text="Young people want jobs")
        make_quote(cls.newer, speaker=cls.person, text="They also want to be heard")
        cls.draft = make_article("Draft quoting him")
        make_quote(cls.draft, speaker=cls.person, text="Words from a draft")
        cls.journalist = make_person("Vann Piseth")
        cls.written = make_published_article("A story he wrote", bylines=[cls.journalist])
        make_article("His draft", bylines=[cls.journalist])
        cls.draft_only = make_person("Only In A Draft")
        make_quote(cls.draft, speaker=cls.draft_only)

    def test_profile_shows_portrait_roles_bio_and_names(self):
        response = self.client.get(profile(self.person))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Pa Chanroeun</h1>", html=True)
        self.assertContains(response, "ប៉ា ច័ន្ទរឿន")
        self.assertContains(response, "President, ")
        self.assertContains(
            response, reverse("reader:organization_detail", args=[self.organization.slug])
        )
        self.assertContains(response, "Researcher")
        self.assertContains(response, "Chanroeun Pa")
        self.assertContains(response, "President of a Phnom Penh think tank.")
        self.assertContains(response, self.portrait.image.url)

    def test_stories_quoting_them_show_their_words_newest_first(self):
        """Each story quoting the person, newest first, with that person's quotes."""
        content = self.client.get(profile(self.person)).content.decode()
        self.assertIn("Quoted in 2 stories", content)
        self.assertLess(content.index("Newer story quoting him"), content.index("Older story"))
        self.assertLess(content.index("Young people want jobs"), content.index("Older story"))
        self.assertIn("They also want to be heard", content)
        self.assertNotIn("Words from a draft", content)
        self.assertNotIn("Draft quoting him", content)

    def test_journalists_profile_lists_the_stories_they_wrote(self):
        response = self.client.get(profile(self.journalist))
        self.assertContains(response, "1 story written")
        self.assertContains(response, "A story he wrote")
        self.assertNotContains(response, "His draft")
        self.assertContains(response, reverse("reader:feed_author", args=[self.journalist.slug]))

    def test_json_ld_person_has_job_title_and_affiliation(self):
        [data] = json_ld(self.client.get(profile(self.person)).content)
        self.assertEqual(data["@type"], "Person")
        self.assertEqual(data["jobTitle"], "president")
        self.assertEqual(
            [organization["name"] for organization in data["affiliation"]],
            ["Cambodian Institute for Democracy"],
        )
        self.assertIn("ប៉ា ច័ន្ទរឿន", data["alternateName"])

    def test_someone_only_in_a_draft_has_no_profile(self):
        """A source named only in unpublished work is not revealed: 404 like a stranger."""
        stranger = self.client.get(reverse("reader:person_detail", args=["nobody-at-all"]))
        response = self.client.get(profile(self.draft_only))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.content, stranger.content)

    def test_a_former_profile_address_redirects(self):
        PersonFormerSlug.objects.create(person=self.person, slug="pa-chanroeun-old")
        response = self.client.get(reverse("reader:person_detail", args=["pa-chanroeun-old"]))
        self.assertRedirects(response, profile(self.person), status_code=301)

    def test_profile_in_khmer(self):
        self.assertEqual(self.client.get(f"/km{profile(self.person)}").status_code, 200)


class PhotographerPageTests(ReaderTestMixin, TestCase):
    def test_a_photographer_profile_shows_their_published_photos(self):
        photographer = make_person("Long Narith")
        shown = make_photograph(photographer=photographer, caption="Fishing on the Mekong.")
        hidden = make_photograph(photographer=photographer, caption="Draft picture.")
        make_published_article(lead_photo=shown)
        make_article(lead_photo=hidden)
        response = self.client.get(profile(photographer))
        self.assertContains(response, reverse("reader:photo_detail", args=[shown.pk]))
        self.assertNotContains(response, reverse("reader:photo_detail", args=[hidden.pk]))


# A profile: 1 the person, with portrait and photographer, and how many
# stories they wrote and are quoted in; 2 affiliations and organizations;
# 3 aliases; 4 stories written; 5 stories quoting them; 6 their quotes;
# 7 the bylines of both lists' stories; 8 photos they took; 9 the section
# menu; 10 how long the page may be kept (the next scheduled story).
PERSON_QUERIES = 10


class PersonQueryCountTests(ReaderTestMixin, TestCase):
    def test_two_stories_or_more_than_a_page_cost_the_same(self):
        """
        Lists are capped and prefetched: a person with 2 stories and one with
        more than the page shows (written and quoted in) cost the same queries.
        """
        person = make_person("Prolific Writer", portrait=make_photograph())
        make_affiliation(person, make_organization())
        make_alias(person)
        make_published_article(lead_photo=make_photograph(photographer=person))
        for _ in range(2):
            story = make_published_article(bylines=[person])
            make_quote(story, speaker=person)
        with self.assertNumQueries(PERSON_QUERIES):
            cold_get(self.client, profile(person))
        many = STORIES_SHOWN + 5
        for _ in range(many - 2):
            story = make_published_article(bylines=[person, make_person()])
            make_quote(story, speaker=person)
            make_quote(story, speaker=person)
        cache.clear()
        with self.assertNumQueries(PERSON_QUERIES):
            response = cold_get(self.client, profile(person))
        self.assertContains(response, f"{many} stories written")
        self.assertContains(response, f"Quoted in {many} stories")


class PersonPageCacheTests(ReaderTestMixin, TestCase):
    """A profile is kept in the page cache, and follows every change readers may see."""

    def setUp(self):
        super().setUp()
        self.person = make_person("Meas Sokha")
        make_quote(make_published_article("First story"), speaker=self.person, text="First words")

    def test_a_second_reader_costs_no_query(self):
        first = self.client.get(profile(self.person))
        with self.assertNumQueries(0):
            again = self.client.get(profile(self.person))
        self.assertEqual(again.content, first.content)

    def test_a_new_quote_and_a_new_name_show_at_once(self):
        self.assertContains(self.client.get(profile(self.person)), "Quoted in 1 story")
        make_quote(make_published_article("Second story"), speaker=self.person, text="More words")
        self.assertContains(self.client.get(profile(self.person)), "Quoted in 2 stories")
        self.person.name = "Meas Sokha Junior"
        self.person.save()
        self.assertContains(self.client.get(profile(self.person)), "Meas Sokha Junior")

    def test_a_person_made_a_protected_source_disappears_at_once(self):
        self.assertEqual(self.client.get(profile(self.person)).status_code, 200)
        self.person.is_protected_source = True
        self.person.public_label = "a land activist"
        self.person.save()
        response = self.client.get(profile(self.person))
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, "Meas Sokha", status_code=404)

    def test_a_story_taken_down_takes_its_quotes_off_the_page(self):
        story = make_published_article("Withdrawn story")
        make_quote(story, speaker=self.person, text="Withdrawn words")
        self.assertContains(self.client.get(profile(self.person)), "Withdrawn words")
        story.status = "unpublished"
        story.save()
        self.assertNotContains(self.client.get(profile(self.person)), "Withdrawn words")


class OrganizationPageTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organization = make_organization("Land Alliance", acronym="LA")
        cls.public_member = make_person("Heng Rithy")
        cls.hidden_member = make_person("Hidden Member")
        make_affiliation(cls.public_member, cls.organization, title="president")
        make_affiliation(cls.hidden_member, cls.organization, title="treasurer")
        cls.story = make_published_article("Alliance demands new survey")
        cls.story.organizations.add(cls.organization)
        make_quote(cls.story, speaker=cls.public_member)
        draft = make_article("Draft naming the alliance")
        draft.organizations.add(cls.organization)
        make_quote(draft, speaker=cls.hidden_member)
        cls.secret = make_organization("Named Only In A Draft")
        draft.organizations.add(cls.secret)

    def test_organization_lists_its_public_people_and_stories(self):
        response = self.client.get(
            reverse("reader:organization_detail", args=[self.organization.slug])
        )
        self.assertContains(response, "Heng Rithy")
        self.assertContains(response, "Alliance demands new survey")
        self.assertNotContains(response, "Hidden Member")
        self.assertNotContains(response, "Draft naming")
        [data] = json_ld(response.content)
        self.assertEqual(data["@type"], "Organization")

    def test_organization_named_only_in_drafts_answers_404(self):
        response = self.client.get(reverse("reader:organization_detail", args=[self.secret.slug]))
        self.assertEqual(response.status_code, 404)

    def test_organization_page_costs_the_same_for_one_member_or_thirty(self):
        """Members, stories and their bylines are one query each."""
        url = reverse("reader:organization_detail", args=[self.organization.slug])
        with self.assertNumQueries(ORGANIZATION_QUERIES):
            cold_get(self.client, url)
        for _ in range(30):
            member = make_person(portrait=make_photograph())
            make_affiliation(member, self.organization)
            story = make_published_article(bylines=[make_person()])
            story.organizations.add(self.organization)
            make_quote(story, speaker=member)
        with self.assertNumQueries(ORGANIZATION_QUERIES):
            cold_get(self.client, url)


# 1 the organization; 2 its public members; 3 stories naming it; 4 their
# bylines; 5 the section menu; 6 how long the page may be kept (the next
# scheduled story).
ORGANIZATION_QUERIES = 6
