"""
One rule for finding a protected source's name in a text (``people.identity.name_pattern``).

Protecting "Ny Sok" must not touch "Ny Sokha", someone else: every path that
looks for the name (redacting old revisions, the approval warning, putting a
withdrawn photo back, the public places list, rewriting the workspace
history) finds "Ny Sok said" and leaves "Ny Sokha said" alone.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.test import TestCase

from media.models import Photograph
from media.services import restore_photograph, withdraw_photograph
from people import protection
from people.identity import Redactor, name_pattern
from tests.support.factories import (
    make_article,
    make_person,
    make_photograph,
    make_published_article,
    make_user,
)
from workflow.checklist import protected_names_in

LABEL = "a clerk who asked not to be named"
PROTECTED = "Ny Sok"
PROTECTED_KM = "នី សុខ"
OTHER = "Ny Sokha"
NAMING = f"{PROTECTED} said the tenders were decided in advance."
NOT_NAMING = f"{OTHER} said the tenders were decided in advance."


class NameMatchingTests(TestCase):
    def setUp(self):
        super().setUp()
        self.editor = make_user(role="Editors")
        self.other = make_person(OTHER, short_name="Sokha")
        self.source = make_person(PROTECTED, name_km=PROTECTED_KM, short_name="Sok")

    def protect(self):
        self.source.is_protected_source = True
        self.source.public_label = LABEL
        self.source.save()
        protection.protect(person=self.source, editor=self.editor)

    def test_the_pattern_finds_whole_words_in_latin_script_anywhere_in_khmer(self):
        pattern = name_pattern([PROTECTED, PROTECTED_KM])
        self.assertIsNotNone(pattern.search(NAMING))
        self.assertIsNotNone(pattern.search("ny  sok, a clerk"))
        self.assertIsNone(pattern.search(NOT_NAMING))
        self.assertIsNone(pattern.search("Tony Sok"))
        self.assertIsNotNone(pattern.search(f"{PROTECTED_KM}បាននិយាយ"))
        self.assertIsNone(name_pattern([" ", ""]))

    def test_redacting_old_revisions(self):
        self.protect()
        redactor = Redactor()
        self.assertEqual(redactor.text(NOT_NAMING), NOT_NAMING)
        self.assertEqual(redactor.found(NOT_NAMING), [])
        self.assertEqual(redactor.text(NAMING), NAMING.replace(PROTECTED, LABEL))
        self.assertEqual(redactor.found(NAMING), [(PROTECTED, LABEL)])
        self.assertEqual(redactor.text(f"{PROTECTED_KM}និយាយ"), f"{LABEL}និយាយ")

    def test_the_approval_warning(self):
        self.protect()
        other = make_article(body=NOT_NAMING, lead_photo=make_photograph(caption=NOT_NAMING))
        self.assertEqual(protected_names_in(other, self.editor), [])
        naming = make_article(body=NAMING)
        [sentence] = protected_names_in(naming, self.editor)
        self.assertIn(f"“{PROTECTED}”", sentence)
        self.assertIn(LABEL, sentence)

    def test_putting_a_withdrawn_photo_back(self):
        other = make_photograph(caption=NOT_NAMING)
        naming = make_photograph(caption=NAMING)
        for photograph in (other, naming):
            withdraw_photograph(photograph=photograph, user=self.editor)
        self.protect()
        restore_photograph(photograph=other, user=self.editor)
        self.assertFalse(Photograph.objects.get(pk=other.pk).is_withdrawn)
        with self.assertRaises(ValidationError):
            restore_photograph(photograph=naming, user=self.editor)
        self.assertTrue(Photograph.objects.get(pk=naming.pk).is_withdrawn)

    def test_the_public_places_list(self):
        other = make_published_article("Tenders decided in advance", body=NOT_NAMING)
        naming = make_published_article("Tenders were decided", body=NAMING)
        self.protect()
        keys = {place.key for place in protection.places_naming(self.source)}
        self.assertIn(f"story:{naming.pk}", keys)
        self.assertNotIn(f"story:{other.pk}", keys)
        self.assertEqual(protection.names_in(NOT_NAMING, [PROTECTED]), [])
        self.assertEqual(protection.names_in(NAMING, [PROTECTED]), [PROTECTED])

    def test_the_workspace_history_of_other_people_is_left_alone(self):
        for person in (self.other, self.source):
            LogEntry.objects.log_actions(
                user_id=self.editor.pk,
                queryset=[person],
                action_flag=CHANGE,
                change_message=[{"added": {"name": "alias", "object": f"{person.name} said"}}],
            )
        LogEntry.objects.log_actions(
            user_id=self.editor.pk,
            queryset=[self.other],
            action_flag=CHANGE,
            change_message=f"Checked with {PROTECTED_KM} and {OTHER}.",
        )
        self.protect()
        other_entries = LogEntry.objects.filter(object_id=str(self.other.pk)).order_by("pk")
        self.assertEqual({entry.object_repr for entry in other_entries}, {OTHER})
        self.assertIn(f"{OTHER} said", other_entries[0].get_change_message())
        self.assertNotIn(LABEL, other_entries[0].get_change_message())
        # The protected name is replaced in another person's history too.
        self.assertEqual(other_entries[1].change_message, f"Checked with {LABEL} and {OTHER}.")
        source_entry = LogEntry.objects.get(object_id=str(self.source.pk))
        self.assertEqual(source_entry.object_repr, LABEL)
        self.assertIn(f"{LABEL} said", source_entry.get_change_message())
        self.assertNotIn(PROTECTED, source_entry.get_change_message())
