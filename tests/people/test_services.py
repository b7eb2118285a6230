"""Names, finding people and organizations, and merging two records of one person."""

import datetime

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from articles.models import Byline
from importing.models import PhotoNeeded
from media.models import Photograph
from people.models import Affiliation, Organization, Person, PersonAlias, PersonFormerSlug
from people.names import honorific_gender, short_name_for, split_honorific
from people.services import (
    find_or_create_organization,
    find_or_create_person,
    find_people,
    guess_organization_kind,
    merge_people,
    people_with_short_name,
    record_former_slug,
    record_role,
)
from quotes.models import Quote
from tests.support.factories import (
    make_affiliation,
    make_alias,
    make_article,
    make_organization,
    make_person,
    make_photo_needed,
    make_photograph,
    make_quote,
    make_user,
)
from tests.support.staff import sign_in


class HonorificTests(SimpleTestCase):
    def test_honorifics_are_kept_apart(self):
        """Titles written before a name are not part of it."""
        cases = {
            "H.E. Sar Kimheng": ("H.E.", "Sar Kimheng"),
            "Samdech Chea Sim": ("Samdech", "Chea Sim"),
            "Lok Chumteav Ouk Sreymom": ("Lok Chumteav", "Ouk Sreymom"),
            "Dr Heng Rithy": ("Dr", "Heng Rithy"),
            "Dr. Heng Rithy": ("Dr.", "Heng Rithy"),
            "H.E. Dr Sar Kimheng": ("H.E. Dr", "Sar Kimheng"),
            "ឯកឧត្តម សរ គីមហេង": ("ឯកឧត្តម", "សរ គីមហេង"),
            "Lokta Sambath": ("", "Lokta Sambath"),
            "Ny Sokha": ("", "Ny Sokha"),
        }
        for written, expected in cases.items():
            with self.subTest(written=written):
                self.assertEqual(split_honorific(written), expected)

    def test_an_honorific_alone_is_a_name(self):
        """A single word that could be an honorific is left as the name."""
        self.assertEqual(split_honorific("Lok"), ("", "Lok"))

    def test_gendered_honorifics(self):
        """Lok Chumteav is said of a woman; Samdech says nothing of gender."""
        self.assertEqual(honorific_gender("Lok Chumteav"), "f")
        self.assertEqual(honorific_gender("H.E. Mr"), "m")
        self.assertEqual(honorific_gender("Samdech"), "")

    def test_short_name_is_the_last_word(self):
        """Cambodian given names and Western family names both end the full name."""
        self.assertEqual(short_name_for("Ny Sokha"), "Sokha")
        self.assertEqual(short_name_for("Hannah Lindgren"), "Lindgren")
        self.assertEqual(short_name_for("Dr Heng Rithy"), "Rithy")
        self.assertEqual(short_name_for("Sokha"), "")


class FindingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.bopha = make_person("Nhem Bopha", name_km="ញឹម បុប្ផា", short_name="Bopha")
        make_alias(cls.bopha, "Bopha Nhem")

    def test_found_by_name_khmer_name_alias_and_honorific(self):
        """Khmer script and romanized spellings are the same person."""
        for written in [
            "Nhem Bopha",
            "nhem  bopha",
            "ញឹម បុប្ផា",
            "Bopha Nhem",
            "Lok Srey Nhem Bopha",
        ]:
            with self.subTest(written=written):
                self.assertEqual(list(find_people(written)), [self.bopha])

    def test_found_by_short_name(self):
        """A short name finds the people it may mean."""
        self.assertEqual(list(people_with_short_name("Bopha")), [self.bopha])

    def test_no_duplicate_people(self):
        """Finding or creating a known person finds them."""
        person, created = find_or_create_person(name="Bopha Nhem")
        self.assertEqual((person, created), (self.bopha, False))

    def test_new_person_keeps_the_honorific_apart(self):
        """A new person's honorific, short name and gender come from the name as written."""
        person, created = find_or_create_person(name="Lok Chumteav Ouk Sreymom")
        self.assertTrue(created)
        self.assertEqual(
            (person.name, person.honorific, person.short_name, person.gender),
            ("Ouk Sreymom", "Lok Chumteav", "Sreymom", "f"),
        )

    def test_new_person_named_in_khmer(self):
        """A name written in Khmer script is also the Khmer name."""
        person, _created = find_or_create_person(name="សុខ ចាន់ថូ")
        self.assertEqual(person.name_km, "សុខ ចាន់ថូ")


class OrganizationTests(TestCase):
    def test_kind_guessed_from_the_name(self):
        """An organization's kind is guessed from its name."""
        cases = {
            "Justice Ministry": "ministry",
            "Phnom Penh Municipal Court": "court",
            "Green Rice Party": "party",
            "Independent Garment Workers' Union": "union",
            "Institute for Mekong Studies": "academic",
            "Tonle Radio": "media",
            "Golden Field Rubber Company": "company",
            "Cambodian Centre for Civic Rights": "ngo",
            "Kbal Romeas": "other",
        }
        for name, kind in cases.items():
            with self.subTest(name=name):
                self.assertEqual(guess_organization_kind(name), kind)

    def test_matched_by_acronym_and_word_order(self):
        """“CCCR” and “the Interior Ministry” find what is already known."""
        cccr = make_organization("Cambodian Centre for Civic Rights", acronym="CCCR")
        interior = make_organization("Ministry of Interior")
        self.assertEqual(find_or_create_organization(name="CCCR"), (cccr, False))
        self.assertEqual(
            find_or_create_organization(name="the Interior Ministry"), (interior, False)
        )

    def test_acronym_in_brackets(self):
        """“Cambodian Journalists Network (CJN)” gives the name and its acronym."""
        organization, created = find_or_create_organization(
            name="Cambodian Journalists Network (CJN)"
        )
        self.assertTrue(created)
        self.assertEqual(
            (organization.name, organization.acronym), ("Cambodian Journalists Network", "CJN")
        )


class MergeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.keep = make_person("Ny Sokha", short_name="Sokha", gender="f")
        cls.remove = make_person(
            "Sokha Ny", name_km="នី សុខា", birth_year=1980, home_province="takeo"
        )
        make_alias(cls.remove, "Ta Sokha")
        make_alias(cls.keep, "ta sokha")
        organization = make_organization("Rights Centre")
        make_affiliation(cls.remove, organization, title="director")
        cls.article = make_article(bylines=[cls.keep])
        Byline.objects.create(article=cls.article, person=cls.remove, position=1)
        cls.other_article = make_article(bylines=[cls.remove])
        cls.quote = make_quote(cls.article, speaker=cls.remove)
        cls.photograph = make_photograph(photographer=cls.remove)
        cls.slot = make_photo_needed(cls.article, photographer=cls.remove)
        cls.article.people.add(cls.keep, cls.remove)
        record_former_slug(person=cls.remove, slug="sokha-ny-old")

    def test_everything_moves_to_the_kept_record(self):
        """Quotes, bylines, roles, photographs and the rest move; the merged record goes."""
        old_slug = self.remove.slug
        kept = merge_people(keep=self.keep, remove=self.remove)
        self.assertFalse(Person.objects.filter(pk=self.remove.pk).exists())
        self.assertEqual(Quote.objects.get(pk=self.quote.pk).speaker, kept)
        self.assertEqual(Affiliation.objects.get().person, kept)
        self.assertEqual(Photograph.objects.get().photographer, kept)
        self.assertEqual(PhotoNeeded.objects.get(pk=self.slot.pk).photographer, kept)
        # The byline both records had on one story is kept once.
        self.assertEqual(Byline.objects.filter(article=self.article).count(), 1)
        self.assertEqual(self.other_article.bylines.get().person, kept)
        self.assertEqual(list(self.article.people.all()), [kept])
        # Missing details are filled from the merged record.
        self.assertEqual(
            (kept.name_km, kept.birth_year, kept.home_province), ("នី សុខា", 1980, "takeo")
        )
        self.assertEqual(kept.gender, "f")
        # The old name stays as an alias (and the repeated alias once).
        aliases = sorted(PersonAlias.objects.filter(person=kept).values_list("name", flat=True))
        self.assertEqual(aliases, ["Sokha Ny", "ta sokha"])
        self.assertEqual(list(find_people("Sokha Ny")), [kept])
        # The old addresses lead to the kept profile.
        former = set(PersonFormerSlug.objects.filter(person=kept).values_list("slug", flat=True))
        self.assertEqual(former, {old_slug, "sokha-ny-old"})

    def test_two_logins_cannot_merge(self):
        """Two staff records with their own logins are refused."""
        first = make_person("Vann Piseth", user=make_user("piseth"))
        second = make_person("Piseth Vann", user=make_user("piseth2"))
        with self.assertRaisesMessage(ValidationError, "both have a login"):
            merge_people(keep=first, remove=second)
        self.assertTrue(Person.objects.filter(pk=second.pk).exists())

    def test_a_login_moves(self):
        """The merged record's login moves to the kept one."""
        user = make_user("nimol")
        staff = make_person("Phan Nimol", user=user)
        kept = merge_people(keep=make_person("Nimol Phan"), remove=staff)
        self.assertEqual(kept.user, user)

    def test_a_person_cannot_merge_with_themselves(self):
        """Merging a record into itself is refused."""
        with self.assertRaises(ValidationError):
            merge_people(keep=self.keep, remove=self.keep)


class FormerSlugTests(TestCase):
    def test_renamed_slug_is_recorded_and_never_shadows_the_present_one(self):
        """An old address leads to the person; their present address never redirects."""
        person = make_person("Chea Sokha")
        record_former_slug(person=person, slug="sokha-chea")
        self.assertEqual(PersonFormerSlug.objects.get(slug="sokha-chea").person, person)
        person.slug = "sokha-chea"
        person.save()
        record_former_slug(person=person, slug="chea-sokha")
        self.assertEqual(
            list(PersonFormerSlug.objects.values_list("slug", flat=True)), ["chea-sokha"]
        )


class PersonAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("people-editor", role="Editors")
        cls.journalist = make_user("people-reporter", role="Journalists")
        cls.first = make_person("Kem Vuthy", short_name="Vuthy")
        cls.second = make_person("Vuthy Kem")
        make_quote(make_article(), speaker=cls.second)

    def changelist(self):
        return reverse("admin:people_person_changelist")

    def test_merge_asks_which_record_to_keep_then_merges(self):
        """The merge action shows both records and what they hold, then merges."""
        sign_in(self.client, self.editor)
        selected = {"action": "merge_selected", "_selected_action": [self.first.pk, self.second.pk]}
        response = self.client.post(self.changelist(), selected)
        self.assertContains(response, "Merge records of one person")
        self.assertContains(response, "Vuthy Kem")
        response = self.client.post(
            self.changelist(), {**selected, "keep": self.first.pk, "merge": "yes"}, follow=True
        )
        self.assertContains(response, "1 records merged into Kem Vuthy.")
        self.assertEqual(list(Person.objects.all()), [self.first])
        self.assertEqual(self.first.quotes.count(), 1)

    def test_journalists_cannot_merge(self):
        """Merging deletes a record, so it is for editors."""
        sign_in(self.client, self.journalist)
        response = self.client.get(self.changelist())
        self.assertNotContains(response, "merge_selected")

    def test_slug_change_keeps_the_old_address(self):
        """Changing a profile's slug in the workspace records the old one."""
        sign_in(self.client, self.editor)
        url = reverse("admin:people_person_change", args=[self.first.pk])
        data = {
            "honorific": "", "name": "Kem Vuthy", "name_km": "", "short_name": "Vuthy",
            "slug": "kem-vuthy-spokesman", "bio": "", "gender": "m", "birth_year": "",
            "home_province": "", "portrait": "", "user": "",
        }  # fmt: skip
        for prefix in ["aliases", "affiliations", "former_slugs"]:
            data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        self.assertEqual(PersonFormerSlug.objects.get().slug, "kem-vuthy")


class OrganizationKindChoicesTests(TestCase):
    def test_new_organizations_are_valid(self):
        """Every guessed kind is a valid choice."""
        organization, _created = find_or_create_organization(name="Mekong Forest Watch")
        organization.full_clean()
        self.assertEqual(organization.kind, Organization.Kind.NGO)


class AffiliationDatesTests(TestCase):
    def test_role_recorded_once(self):
        """A role already held is not recorded twice."""
        person = make_person("Chan Dalis")
        organization = make_organization("Institute for Mekong Studies")
        first = record_role(person=person, title="researcher", organization=organization)
        again = record_role(person=person, title="Researcher", organization=organization)
        self.assertEqual(first, again)
        first.end_date = datetime.date(2020, 1, 1)
        first.save()
        self.assertNotEqual(
            record_role(person=person, title="researcher", organization=organization), first
        )
