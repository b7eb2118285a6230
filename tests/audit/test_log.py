"""
The audit log: one append-only record of who did what to accounts, protected
sources and backups, read by administrators in the workspace.
"""

import datetime
import io

import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client, RequestFactory, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from audit.log import record
from audit.models import Action, Entry
from tests.support.factories import make_person, make_user
from tests.support.staff import sign_in, sign_in_through_form

PASSWORD = "a long enough password"
LOG = reverse("admin:audit_entry_changelist")


class RecordTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")

    def test_the_actor_is_the_requests_user(self):
        request = RequestFactory().get("/")
        request.user = self.editor
        person = make_person("Ny Sokha", is_protected_source=True, public_label="Source A")
        entry = record(Action.IDENTITY_VIEWED, request=request, target=person, detail="x " * 400)
        entry.refresh_from_db()
        self.assertEqual((entry.actor, entry.actor_name), (self.editor, "desk"))
        # A protected source is written by their label, never their name.
        self.assertEqual(entry.target, "Source A")
        self.assertEqual((entry.target_type.model, entry.target_id), ("person", str(person.pk)))
        self.assertEqual(len(entry.detail), 300)

    def test_outside_a_request_the_actor_is_empty(self):
        entry = record("backup_taken", target="newsroom-20260302")
        self.assertIsNone(entry.actor)
        self.assertEqual(entry.target, "newsroom-20260302")

    def test_an_unknown_action_is_refused(self):
        before = Entry.objects.count()
        with self.assertRaises(ValueError):
            record("deleted_everything")
        self.assertEqual(Entry.objects.count(), before)

    def test_entries_are_never_changed_or_deleted_one_by_one(self):
        entry = record(Action.SIGNED_IN, actor=self.editor)
        entry.detail = "rewritten"
        for change in (entry.save, entry.delete, Entry.objects.all().delete):
            with self.subTest(change.__name__), self.assertRaises(TypeError):
                change()
        with self.assertRaises(TypeError):
            Entry.objects.update(detail="rewritten")
        entry.refresh_from_db()
        self.assertEqual(entry.detail, "")

    def test_an_entry_outlives_its_actors_account(self):
        user = make_user("leaver", role="Journalists")
        entry = record(Action.SIGNED_IN, actor=user)
        user.delete()
        entry.refresh_from_db()
        self.assertEqual((entry.actor, entry.actor_name), (None, "leaver"))


class PruneTests(TestCase):
    def test_only_entries_older_than_the_setting_are_removed(self):
        now = timezone.now()
        for days in (401, 399, 2):
            with time_machine.travel(now - datetime.timedelta(days=days), tick=False):
                record(Action.SIGNED_OUT, detail=f"{days} days ago")
        output = io.StringIO()
        call_command("prune_audit_log", stdout=output)
        self.assertIn("Removed 1 audit log entries older than 400 days", output.getvalue())
        self.assertEqual(
            sorted(Entry.objects.values_list("detail", flat=True)), ["2 days ago", "399 days ago"]
        )
        with override_settings(AUDIT_LOG_DAYS=30):
            call_command("prune_audit_log", stdout=io.StringIO())
        self.assertEqual(list(Entry.objects.values_list("detail", flat=True)), ["2 days ago"])


class AuditAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.chief = make_user("chief", is_superuser=True)
        cls.editor = make_user("desk", role="Editors", password=PASSWORD)
        record(Action.SOURCE_PROTECTED, actor=cls.editor, target="Source A")
        record(Action.BACKUP_TAKEN, target="newsroom-1", detail="run by system user ops")

    def test_administrators_read_the_log_with_filters(self):
        client = sign_in(Client(), self.chief)
        response = client.get(LOG)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "marked a protected source")
        self.assertContains(response, "newsroom-1")
        by_action = client.get(LOG, {"action__exact": "backup_taken"})
        self.assertEqual([e.action for e in by_action.context["cl"].result_list], ["backup_taken"])
        by_user = client.get(LOG, {"actor__id__exact": self.editor.pk})
        self.assertTrue(all(e.actor == self.editor for e in by_user.context["cl"].result_list))
        today = timezone.localdate()
        by_day = client.get(
            LOG, {"when__year": today.year, "when__month": today.month, "when__day": today.day}
        )
        self.assertEqual(by_day.status_code, 200)
        self.assertContains(client.get(reverse("admin:index")), LOG)

    def test_nothing_is_added_changed_or_deleted_through_the_workspace(self):
        client = sign_in(Client(), self.chief)
        entry = Entry.objects.get(action=Action.BACKUP_TAKEN)
        self.assertEqual(client.get(reverse("admin:audit_entry_add")).status_code, 403)
        page = client.get(reverse("admin:audit_entry_change", args=[entry.pk]))
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, 'name="_save"')
        client.post(reverse("admin:audit_entry_change", args=[entry.pk]), {"detail": "changed"})
        delete = client.post(reverse("admin:audit_entry_delete", args=[entry.pk]), {"post": "yes"})
        self.assertEqual(delete.status_code, 403)
        entry.refresh_from_db()
        self.assertEqual(entry.detail, "run by system user ops")
        self.assertNotContains(client.get(LOG), "Delete selected")

    def test_editors_and_journalists_do_not_read_the_log(self):
        for user in (self.editor, make_user("reporter", role="Journalists")):
            client = sign_in(Client(), user)
            with self.subTest(user.username):
                self.assertEqual(client.get(LOG).status_code, 403)
                self.assertNotContains(client.get(reverse("admin:index")), LOG)


class SignInRecordTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_user("desk", role="Editors", password=PASSWORD)

    def test_signing_in_and_out(self):
        client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
        sign_in_through_form(client, "desk", PASSWORD)
        client.post(reverse("admin:logout"))
        signed_in, signed_out = Entry.objects.filter(
            action__in=[Action.SIGNED_IN, Action.SIGNED_OUT]
        ).order_by("pk")
        self.assertEqual((signed_in.action, signed_in.actor), (Action.SIGNED_IN, self.user))
        self.assertIn("Firefox on Linux", signed_in.detail)
        self.assertEqual((signed_out.action, signed_out.actor), (Action.SIGNED_OUT, self.user))

    def test_failed_sign_ins_and_the_lockout(self):
        client = Client(REMOTE_ADDR="198.51.100.23")
        for _ in range(5):
            client.post(reverse("admin:login"), {"username": "desk", "password": "wrong"})
        client.post(reverse("admin:login"), {"username": "nobody", "password": "wrong"})
        failed = Entry.objects.filter(action=Action.SIGN_IN_FAILED)
        self.assertEqual(failed.filter(target="desk").count(), 5)
        self.assertEqual(failed.get(target="nobody").target_id, "")
        self.assertEqual(failed.filter(target="desk").first().target_id, str(self.user.pk))
        self.assertEqual(Entry.objects.get(action=Action.LOCKED_OUT).target, "desk")
        # The address stays with django-axes, which counts failures by it.
        self.assertTrue(AccessAttempt.objects.filter(ip_address="198.51.100.23").exists())
        self.assertNotIn("198.51.100.23", str(list(Entry.objects.values())))


class RoleChangeRecordTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.chief = make_user("chief", is_superuser=True)
        cls.reporter = make_user("reporter", role="Journalists", email="r@example.org")

    def test_an_administrator_changing_a_role_is_recorded(self):
        client = sign_in(Client(), self.chief)
        url = reverse("admin:auth_user_change", args=[self.reporter.pk])
        before = Entry.objects.latest("pk").pk
        response = client.post(
            url,
            {
                "username": "reporter",
                "email": "r@example.org",
                "is_active": "on",
                "is_staff": "on",
                "is_superuser": "on",
                "groups": [Group.objects.get(name="Editors").pk],
                "date_joined_0": "2026-01-01",
                "date_joined_1": "08:00:00",
            },
        )
        self.assertEqual(response.status_code, 302)
        changes = Entry.objects.filter(action=Action.ROLE_CHANGED, pk__gt=before)
        self.assertEqual(
            sorted(changes.values_list("detail", flat=True)),
            ["joined Editors", "left Journalists", "superuser: yes"],
        )
        self.assertTrue(all(e.actor == self.chief and e.target == "reporter" for e in changes))

    def test_from_the_groups_side_too(self):
        Group.objects.get(name="Editors").user_set.add(self.reporter)
        entry = Entry.objects.filter(action=Action.ROLE_CHANGED).latest("pk")
        self.assertEqual((entry.target, entry.detail), ("reporter", "joined Editors"))
        self.reporter.groups.clear()
        details = set(
            Entry.objects.filter(action=Action.ROLE_CHANGED).values_list("detail", flat=True)
        )
        self.assertLessEqual({"left Editors", "left Journalists"}, details)

    def test_saving_a_user_without_a_role_change_writes_nothing(self):
        before = Entry.objects.count()
        self.reporter.first_name = "Sok"
        self.reporter.save()
        self.assertEqual(Entry.objects.count(), before)
