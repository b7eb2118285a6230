import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.forms import modelform_factory
from django.test import TestCase
from django.urls import reverse
from django.utils.html import escape

from people.models import Affiliation, Person
from people.slugs import slugify, validate_slug
from tests.support.factories import (
    make_affiliation,
    make_article,
    make_organization,
    make_person,
    make_photograph,
    make_quote,
    make_user,
)
from tests.support.staff import sign_in


class SlugifyTests(TestCase):
    def test_latin_text_becomes_ascii(self):
        """Latin names and headlines give plain ASCII slugs."""
        self.assertEqual(slugify("Phnom Penh—Kandal court"), "phnom-penh-kandal-court")
        self.assertEqual(slugify("Pa Chanroeun / CID"), "pa-chanroeun-cid")

    def test_khmer_keeps_vowel_signs_and_subscripts(self):
        """A Khmer slug keeps its vowel signs and subscript consonants, so it stays readable."""
        slug = slugify("ក្រុមប្រឹក្សា ធម្មនុញ្ញ។")
        self.assertEqual(slug, "ក្រុមប្រឹក្សា-ធម្មនុញ្ញ")
        self.assertIn("\u17d2", slug)  # the coeng sign that builds subscripts
        self.assertIn("\u17bb", slug)  # the vowel sign u
        validate_slug(slug)

    def test_khmer_drops_punctuation_and_invisible_characters(self):
        """The Khmer full stop and zero-width spaces never reach a slug."""
        slug = slugify("តុលាការ\u200bស្ដាប់\u200bសំណុំរឿង។")
        self.assertEqual(slug, "តុលាការស្ដាប់សំណុំរឿង")
        validate_slug(slug)

    def test_max_length(self):
        """A slug is cut to its maximum length without a trailing hyphen."""
        self.assertEqual(slugify("land rights activists", max_length=12), "land-rights")

    def test_validator_refuses_spaces_and_punctuation(self):
        """The slug validator refuses spaces and punctuation in any script."""
        for value in ["land rights", "land/rights", "សិទ្ធិ ដី", "សិទ្ធិ/ដី"]:
            with self.subTest(value=value), self.assertRaises(ValidationError):
                validate_slug(value)


class PersonTests(TestCase):
    def test_slug_filled_from_name(self):
        """A person saved without a slug gets one from their name."""
        person = make_person("Pa Chanroeun")
        self.assertEqual(person.slug, "pa-chanroeun")

    def test_slug_made_unique(self):
        """Two people with the same name get different profile addresses."""
        first = make_person("Ny Sokha")
        second = make_person("Ny Sokha")
        third = make_person("Ny Sokha")
        self.assertEqual(
            [first.slug, second.slug, third.slug], ["ny-sokha", "ny-sokha-2", "ny-sokha-3"]
        )

    def test_khmer_name_slug(self):
        """A person known only by a Khmer name gets a readable Khmer slug."""
        person = make_person("នី សុខា", short_name="សុខា")
        self.assertEqual(person.slug, "នី-សុខា")
        person.full_clean()

    def test_khmer_slug_accepted_by_forms(self):
        """A Khmer slug typed in a form passes both form and model validation."""
        form_class = modelform_factory(Person, fields=["name", "slug"])
        form = form_class(data={"name": "នី សុខា", "slug": "នី-សុខា"})
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.save().slug, "នី-សុខា")

    def test_slug_kept_on_later_saves(self):
        """Renaming a person keeps their profile address."""
        person = make_person("Ny Sokha")
        person.name = "Ny Sokha (Senator)"
        person.save()
        person.refresh_from_db()
        self.assertEqual(person.slug, "ny-sokha")

    def test_duplicate_slug_refused_by_form_validation(self):
        """A slug typed by hand cannot repeat another person's."""
        make_person("Ny Sokha")
        person = Person(name="Someone Else", slug="ny-sokha")
        with self.assertRaises(ValidationError) as caught:
            person.full_clean()
        self.assertIn("slug", caught.exception.message_dict)

    def test_birth_year_must_be_plausible(self):
        """A birth year outside 1900–2100 is refused by validation and by the database."""
        person = make_person()
        person.birth_year = 1850
        with self.assertRaises(ValidationError) as caught:
            person.full_clean()
        self.assertIn("birth_year", caught.exception.message_dict)
        with transaction.atomic(), self.assertRaises(IntegrityError):
            Person.objects.filter(pk=person.pk).update(birth_year=1850)


class OrganizationTests(TestCase):
    def test_slug_filled_and_unique(self):
        """Organizations get unique slugs from their names."""
        first = make_organization("Cambodian Institute for Democracy")
        second = make_organization("Cambodian Institute for Democracy")
        self.assertEqual(first.slug, "cambodian-institute-for-democracy")
        self.assertEqual(second.slug, "cambodian-institute-for-democracy-2")

    def test_khmer_slug(self):
        """An organization with a Khmer name gets a readable Khmer slug."""
        organization = make_organization("ក្រសួងព័ត៌មាន")
        self.assertEqual(organization.slug, "ក្រសួងព័ត៌មាន")
        organization.full_clean()

    def test_str_shows_acronym(self):
        """An organization reads with its acronym when it has one."""
        organization = make_organization("Cambodian Institute for Democracy", acronym="CID")
        self.assertEqual(str(organization), "Cambodian Institute for Democracy (CID)")

    def test_kind_must_be_known(self):
        """The database refuses an organization kind that is not one of the choices."""
        organization = make_organization()
        with transaction.atomic(), self.assertRaises(IntegrityError):
            type(organization).objects.filter(pk=organization.pk).update(kind="cult")


class AffiliationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.person = make_person("Pa Chanroeun")
        cls.organization = make_organization("Cambodian Institute for Democracy")

    def test_role_cannot_end_before_it_starts(self):
        """A role cannot end before it starts."""
        affiliation = Affiliation(
            person=self.person,
            organization=self.organization,
            title="president",
            start_date=datetime.date(2020, 1, 1),
            end_date=datetime.date(2019, 12, 31),
        )
        with self.assertRaises(ValidationError) as caught:
            affiliation.full_clean()
        self.assertIn("A role cannot end before it starts.", caught.exception.messages)
        with transaction.atomic(), self.assertRaises(IntegrityError):
            affiliation.save()

    def test_open_and_same_day_roles_allowed(self):
        """A role may be open-ended, or start and end on the same day."""
        for start, end in [
            (datetime.date(2020, 1, 1), None),
            (None, datetime.date(2020, 1, 1)),
            (datetime.date(2020, 1, 1), datetime.date(2020, 1, 1)),
        ]:
            with self.subTest(start=start, end=end):
                affiliation = make_affiliation(
                    self.person, self.organization, start_date=start, end_date=end
                )
                affiliation.full_clean()
                self.assertEqual(affiliation.is_current, end is None)


class PersonDeleteProtectionTests(TestCase):
    """A person the archive relies on cannot be deleted, in code or in the workspace."""

    @classmethod
    def setUpTestData(cls):
        cls.superuser = make_user("chief", is_superuser=True)
        cls.quoted = make_person("Pa Chanroeun")
        cls.writer = make_person("Sok Chan")
        cls.photographer = make_person("Keo Dara")
        cls.article = make_article("Court hears land case", bylines=[cls.writer])
        cls.quote = make_quote(cls.article, speaker=cls.quoted)
        cls.photograph = make_photograph(photographer=cls.photographer)
        cls.byline = cls.article.bylines.get()
        cls.cases = [
            (cls.quoted, cls.quote),
            (cls.writer, cls.byline),
            (cls.photographer, cls.photograph),
        ]

    def test_delete_refused(self):
        """Deleting a quoted person, a byline or a photographer raises ProtectedError."""
        for person, protector in self.cases:
            with self.subTest(person=person.name):
                with transaction.atomic(), self.assertRaises(ProtectedError) as caught:
                    person.delete()
                self.assertIn(protector, caught.exception.protected_objects)
                self.assertTrue(Person.objects.filter(pk=person.pk).exists())

    def test_admin_delete_view_refuses(self):
        """The workspace's delete page says it cannot delete and names what protects the person."""
        sign_in(self.client, self.superuser)
        for person, protector in self.cases:
            with self.subTest(person=person.name):
                response = self.client.post(
                    reverse("admin:people_person_delete", args=[person.pk]), {"post": "yes"}
                )
                self.assertContains(response, "Cannot delete")
                self.assertContains(response, escape(str(protector)))
                self.assertTrue(Person.objects.filter(pk=person.pk).exists())

    def test_admin_delete_selected_action_refuses(self):
        """The “delete selected” action refuses too, and names what protects each person."""
        sign_in(self.client, self.superuser)
        response = self.client.post(
            reverse("admin:people_person_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": [person.pk for person, _protector in self.cases],
                "post": "yes",
            },
        )
        self.assertContains(response, "Cannot delete")
        for person, protector in self.cases:
            self.assertContains(response, escape(str(protector)))
            self.assertTrue(Person.objects.filter(pk=person.pk).exists())

    def test_unused_person_can_be_deleted(self):
        """A person nothing depends on can be deleted, with their affiliations."""
        person = make_person("Chea Vanna")
        make_affiliation(person, make_organization())
        person.delete()
        self.assertFalse(Person.objects.filter(pk=person.pk).exists())
        self.assertFalse(Affiliation.objects.filter(person_id=person.pk).exists())
