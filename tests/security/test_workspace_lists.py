"""
Every list in the workspace answers only the questions it offers.

Django's admin accepts a lookup on any of a model's own fields in the
address (``?name__regex=^N``): one character at a time, that recovers a
protected source's name from a list that shows only their label. So every
registered list, whichever app registered it, refuses any parameter its
filters do not consume (400), for every user. And for a journalist, no
search, sort order, filter or autocomplete answer may depend on a hidden
identity: changing a protected source's hidden fields changes none of them.
"""

import re

from django.contrib.admin.views.main import IGNORED_PARAMS
from django.core.cache import cache
from django.db import models
from django.test import TestCase
from django.urls import reverse

from people.models import Affiliation, Person, PersonAlias
from quotes.models import Quote
from tests.support.factories import (
    make_affiliation,
    make_alias,
    make_article,
    make_journalist,
    make_organization,
    make_person,
    make_photo_needed,
    make_photograph,
    make_quote,
    make_section,
    make_topic,
    make_user,
    place_photo,
)
from tests.support.staff import sign_in
from tests.support.workspace import (
    admin_url,
    autocomplete_fields,
    question,
    registered_admins,
)
from workflow.models import StaffSession

LABEL = "a clerk who asked not to be named"
# Two worlds that differ only in what the newsroom hides about her (her
# names, contacts, notes, roles and where she works). The values sort at
# opposite ends, so a sort order that reads them moves her.
HIDDEN = {
    "first": {
        "name": "Aaron Abbas",
        "name_km": "ក ក",
        "short_name": "Abbas",
        "bio": "Aardvark",
        "contact_details": "+855 10 000 000",
        "notes": "Aardvark notes",
        "birth_year": 1901,
        "home_province": "banteay-meanchey",
        "gender": "f",
    },
    "second": {
        "name": "Zyra Zoltan",
        "name_km": "អ អ",
        "short_name": "Zoltan",
        "bio": "Zebra",
        "contact_details": "+855 99 999 999",
        "notes": "Zebra notes",
        "birth_year": 2099,
        "home_province": "tbong-khmum",
        "gender": "m",
    },
}
ALIASES = {"first": "Abbas Aaron", "second": "Zoltan Zyra"}
RESULTS = re.compile(r'<table id="result_list">.*?</table>', re.DOTALL)
ROLES = {"first": "aardvark keeper", "second": "zookeeper"}


class LookupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.superuser = make_user("root", is_superuser=True)
        person = make_person("Ny Sokha")
        make_alias(person)
        make_affiliation(person, make_organization())
        article = make_article(bylines=[person], section=make_section())
        article.topics.add(make_topic())
        make_quote(article, speaker=person)
        place_photo(article, make_photograph(photographer=person))
        make_photo_needed(article)

    def declared(self, model, model_admin):
        """The parameters a list's own filters and date hierarchy take, and those always ignored."""
        response = self.client.get(admin_url(model, "changelist"))
        self.assertEqual(response.status_code, 200)
        changelist = response.context["cl"]
        declared = set(IGNORED_PARAMS) | set(getattr(model_admin, "extra_lookups", ()))
        for spec in changelist.filter_specs:
            declared.update(spec.expected_parameters())
        if model_admin.date_hierarchy:
            declared.update(
                f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")
            )
        return declared

    def undeclared(self, model, declared):
        """Lookups a list does not offer: on each field, and through each relation."""
        for field in model._meta.get_fields():
            if not field.concrete and not field.is_relation:
                continue
            names = [field.name, f"{field.name}__regex", f"{field.name}__startswith"]
            if field.is_relation and field.related_model is not None:
                text = next(
                    (
                        other.name
                        for other in field.related_model._meta.get_fields()
                        if isinstance(other, models.CharField)
                    ),
                    None,
                )
                if text:
                    names.append(f"{field.name}__{text}__regex")
            yield from (name for name in names if name not in declared)

    def test_every_list_refuses_lookups_it_does_not_offer(self):
        """A superuser too: the list's own filters are the only questions it answers."""
        sign_in(self.client, self.superuser)
        tried = 0
        for model, model_admin in registered_admins():
            declared = self.declared(model, model_admin)
            changelist = admin_url(model, "changelist")
            for lookup in self.undeclared(model, declared):
                with self.subTest(model=model._meta.label, lookup=lookup):
                    response = self.client.get(changelist, {lookup: "^A"})
                    self.assertEqual(response.status_code, 400)
                    tried += 1
        self.assertGreater(tried, 300)

    def test_the_upload_page_still_lists_what_it_stored(self):
        """The one extra lookup a list declares (the photos just uploaded) answers."""
        sign_in(self.client, self.superuser)
        url = admin_url(make_photograph()._meta.model, "changelist")
        self.assertEqual(self.client.get(url, {"id__in": "1,2"}).status_code, 200)


class HiddenIdentityTests(TestCase):
    """A journalist's lists answer the same whatever a protected source's hidden fields hold."""

    @classmethod
    def setUpTestData(cls):
        cls.journalist = make_journalist("reporter", name="Sok Chan")
        cls.others = [make_person(name) for name in ("Mao Bora", "Ny Sokha", "Keo Dara")]
        cls.source = make_person(is_protected_source=True, public_label=LABEL, **HIDDEN["first"])
        cls.alias = make_alias(cls.source, ALIASES["first"])
        office = make_organization("Land Registry Office")
        cls.offices = {"first": office, "second": make_organization("Water Board")}
        cls.affiliation = make_affiliation(cls.source, office, title=ROLES["first"])
        for person in cls.others:
            make_affiliation(person, office, title="clerk")
        story = make_article(bylines=[cls.journalist.person], section=make_section())
        for number, person in enumerate([*cls.others, cls.source], start=1):
            role = ROLES["first"] if person == cls.source else f"role {number}"
            make_quote(story, speaker=person, text=f"Words {number}", speaker_role=role)
            story.people.add(person)
        for person in [*cls.others, cls.source]:
            place_photo(story, make_photograph(caption="A registry queue.", photographer=person))

    def setUp(self):
        cache.clear()
        sign_in(self.client, self.journalist)

    def become(self, world):
        """Give the protected source the hidden values of ``world``."""
        Person.objects.filter(pk=self.source.pk).update(**HIDDEN[world])
        PersonAlias.objects.filter(pk=self.alias.pk).update(name=ALIASES[world])
        Affiliation.objects.filter(pk=self.affiliation.pk).update(
            title=ROLES[world], organization=self.offices[world]
        )
        Quote.objects.filter(speaker=self.source).update(
            speaker_role=ROLES[world], provenance_note=f"{ROLES[world]} notes"
        )

    def questions(self):
        """
        Every question a journalist can put to a list or an autocomplete, as
        (address, parameters, the answer if it was already fetched).
        """
        request = self.client.get(reverse("admin:index")).wsgi_request
        terms = [
            HIDDEN["first"]["name"],
            HIDDEN["first"]["short_name"],
            HIDDEN["first"]["name_km"],
            ALIASES["first"],
            ROLES["first"],
            "Aardvark",
            "+855 10",
        ]
        for model, model_admin in registered_admins():
            if not model_admin.has_view_permission(request) or model is StaffSession:
                # The list of one's own sessions shows no one's identity, and
                # its times in words move on between the two runs.
                continue
            url = admin_url(model, "changelist")
            # The plain list is asked once: its answer also gives its filters.
            response = self.client.get(url)
            yield url, {}, response
            for term in terms:
                yield url, {"q": term}, None
            for index in range(len(model_admin.get_list_display(request)) + 1):
                yield url, {"o": str(index)}, None
                yield url, {"o": f"-{index}"}, None
            for spec in response.context["cl"].filter_specs:
                for choice in spec.choices(response.context["cl"]):
                    yield url + choice["query_string"], {}, None
        for model, field_name in autocomplete_fields():
            for term in ["", *terms]:
                yield (
                    reverse("admin:autocomplete"),
                    {
                        "app_label": model._meta.app_label,
                        "model_name": model._meta.model_name,
                        "field_name": field_name,
                        "term": term,
                    },
                    None,
                )

    def distinct_questions(self):
        """``questions``, each asked once: the same one would get the same answer twice."""
        asked = set()
        for url, params, answered in self.questions():
            if question(url, params) not in asked:
                asked.add(question(url, params))
                yield url, params, answered

    def answers(self):
        found = {}
        for url, params, answered in self.distinct_questions():
            response = answered if answered is not None else self.client.get(url, params)
            key = (url, tuple(sorted(params.items())))
            if response.status_code != 200:
                found[key] = response.status_code
            elif response.get("Content-Type") == "application/json":
                found[key] = [result["id"] for result in response.json()["results"]]
            else:
                # What the list shows: its count, its rows in order, every cell.
                changelist = response.context["cl"]
                table = RESULTS.search(response.content.decode())
                found[key] = (
                    changelist.result_count,
                    [obj.pk for obj in changelist.result_list],
                    table[0] if table else "",
                )
        return found

    def test_no_answer_depends_on_what_is_hidden(self):
        first = self.answers()
        self.become("second")
        second = self.answers()
        self.assertEqual(first.keys(), second.keys())
        self.assertGreater(len(first), 150)
        differing = {key: (first[key], second[key]) for key in first if first[key] != second[key]}
        self.assertEqual(differing, {})

    def test_the_questions_can_tell(self):
        """The same questions, asked by an editor, do see the hidden fields."""
        sign_in(self.client, make_user("desk", role="Editors"))
        url = admin_url(Person, "changelist")
        found = self.client.get(url, {"q": HIDDEN["first"]["name"]}).context["cl"].result_list
        self.assertIn(self.source, found)
        self.become("second")
        found = self.client.get(url, {"q": HIDDEN["first"]["name"]}).context["cl"].result_list
        self.assertNotIn(self.source, found)
