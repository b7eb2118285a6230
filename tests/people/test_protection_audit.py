"""
Marking and unmarking a protected source, and opening their identity, are
written to the audit log; editors see on the person's page who opened it.
"""

from django.test import Client, TestCase
from django.urls import reverse

from audit.models import Action, Entry
from people.models import Person
from tests.support.factories import make_journalist, make_person, make_user
from tests.support.forms import read_form
from tests.support.staff import sign_in
from tests.support.workspace import admin_url

LABEL = "Source in Koh Kong"


class ProtectionAuditTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.other_editor = make_user("night-desk", role="Editors")
        cls.journalist = make_journalist("reporter")
        cls.person = make_person("Chhim Sophal", short_name="Sophal")

    def set_protected(self, client, protected):
        url = admin_url(Person, "change", self.person.pk)
        data = read_form(client.get(url), "person_form")
        if protected:
            data["is_protected_source"] = ["on"]
            data["public_label"] = [LABEL]
        else:
            data.pop("is_protected_source", None)
        data["_save"] = ["Save"]
        with self.captureOnCommitCallbacks(execute=True):
            response = client.post(url, data)
        self.assertEqual(response.status_code, 302)
        self.person.refresh_from_db()
        self.assertEqual(self.person.is_protected_source, protected)

    def test_marking_and_unmarking_are_recorded_by_label(self):
        client = sign_in(Client(), self.editor)
        self.set_protected(client, True)
        self.set_protected(client, False)
        marked, unmarked = Entry.objects.filter(
            action__in=[Action.SOURCE_PROTECTED, Action.SOURCE_UNPROTECTED]
        ).order_by("pk")
        self.assertEqual(
            [(e.action, e.actor, e.target) for e in (marked, unmarked)],
            [
                (Action.SOURCE_PROTECTED, self.editor, LABEL),
                (Action.SOURCE_UNPROTECTED, self.editor, LABEL),
            ],
        )
        self.assertNotIn("Chhim", str(list(Entry.objects.values())))

    def test_editors_see_who_opened_a_protected_identity(self):
        self.person.is_protected_source = True
        self.person.public_label = LABEL
        self.person.save()
        url = admin_url(Person, "change", self.person.pk)
        sign_in(Client(), self.other_editor).get(url)
        page = sign_in(Client(), self.editor).get(url)
        self.assertContains(page, "Who opened this protected identity")
        looked = page.context["who_looked"]
        self.assertEqual([e.actor_name for e in looked], ["desk", "night-desk"])
        self.assertContains(page, "night-desk")
        self.assertEqual(
            Entry.objects.filter(action=Action.IDENTITY_VIEWED, target_id=str(self.person.pk))
            .values_list("actor_name", flat=True)
            .count(),
            2,
        )

    def test_the_places_still_naming_them_are_an_identity_view_too(self):
        """That page lists the forms of their name found on the site."""
        self.person.is_protected_source = True
        self.person.public_label = LABEL
        self.person.save()
        url = reverse("admin:people_person_public_places", args=[self.person.pk])
        self.assertEqual(sign_in(Client(), self.editor).get(url).status_code, 200)
        entry = Entry.objects.get(action=Action.IDENTITY_VIEWED)
        self.assertEqual((entry.actor, entry.target), (self.editor, LABEL))

    def test_a_journalist_neither_sees_the_identity_nor_the_list(self):
        self.person.is_protected_source = True
        self.person.public_label = LABEL
        self.person.save()
        sign_in(Client(), self.editor).get(admin_url(Person, "change", self.person.pk))
        page = sign_in(Client(), self.journalist).get(admin_url(Person, "change", self.person.pk))
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, "Who opened this protected identity")
        self.assertNotContains(page, "desk")
        self.assertEqual(Entry.objects.filter(action=Action.IDENTITY_VIEWED).count(), 1)

    def test_opening_a_public_persons_record_is_not_recorded(self):
        page = sign_in(Client(), self.editor).get(admin_url(Person, "change", self.person.pk))
        self.assertNotContains(page, "Who opened this protected identity")
        self.assertFalse(Entry.objects.filter(action=Action.IDENTITY_VIEWED).exists())
