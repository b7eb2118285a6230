"""
Setting up, changing and resetting second factors from the workspace: each
change mails the user in their language and sends its signal; a change
needs the second factor given in this session, removal a fresh code, and an
administrator's reset the administrator's own.
"""

import re

from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from audit.models import Action, Entry
from tests.support.factories import make_user
from tests.support.staff import authenticator_app, next_code, sign_in
from workflow.models import LanguagePreference, SecondFactorRequirement
from workflow.second_factor import signals

FACTORS = reverse("second_factor:factors")
ADD_APP = reverse("second_factor:add_app")
RECOVERY = reverse("second_factor:recovery_codes")


def heard(signal, test):
    """The keyword arguments of each ``signal`` sent during ``test``."""
    sent = []

    def receiver(**kwargs):
        sent.append(kwargs)

    signal.connect(receiver, weak=False)
    test.addCleanup(signal.disconnect, receiver)
    return sent


class FirstSetupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", email="desk@example.org")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_app_page_shows_a_qr_code_and_the_key_to_type(self):
        page = self.client.get(ADD_APP)
        self.assertContains(page, "<svg")
        device = TOTPDevice.objects.get(user=self.editor)
        self.assertFalse(device.confirmed)
        secret = re.search(r'class="second-factor-secret">([A-Z2-7 ]+)<', page.content.decode())
        self.assertEqual(len(secret[1].replace(" ", "")), 32)
        self.assertEqual(
            page["Cache-Control"], "max-age=0, no-cache, no-store, must-revalidate, private"
        )
        # Reloading keeps the key the app has scanned.
        self.client.get(ADD_APP)
        self.assertEqual(TOTPDevice.objects.get(user=self.editor).key, device.key)

    def test_a_code_from_the_app_adds_it_and_opens_the_workspace(self):
        added = heard(signals.second_factor_added, self)
        self.client.get(ADD_APP)
        device = TOTPDevice.objects.get(user=self.editor)
        response = self.client.post(ADD_APP, {"code": next_code(device)})
        self.assertRedirects(response, FACTORS)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        self.assertEqual(added[0]["user"], self.editor)
        self.assertEqual(added[0]["by"], self.editor)
        self.assertEqual(added[0]["kind"], "app")
        [notice] = mail.outbox
        self.assertEqual(notice.to, ["desk@example.org"])
        self.assertIn("An authenticator app was added as a second factor", notice.body)
        self.assertIn("http://testserver/admin/second-factor/", notice.body)
        # Written to the audit log, by whom and to whose account.
        entry = Entry.objects.get(action=Action.SECOND_FACTOR_ADDED)
        self.assertEqual(
            (entry.actor, entry.target_id, entry.detail), (self.editor, str(self.editor.pk), "app")
        )

    def test_a_wrong_code_adds_nothing(self):
        self.client.get(ADD_APP)
        response = self.client.post(ADD_APP, {"code": "123"})
        self.assertContains(response, "That code is not the one the app shows now.")
        self.assertFalse(TOTPDevice.objects.get(user=self.editor).confirmed)
        self.assertRedirects(self.client.get("/admin/"), f"{FACTORS}?next=%2Fadmin%2F")
        self.assertEqual(mail.outbox, [])

    def test_the_mail_is_in_the_users_language(self):
        LanguagePreference.objects.create(user=self.editor, language="km")
        self.client.get(ADD_APP)
        device = TOTPDevice.objects.get(user=self.editor)
        self.client.post(ADD_APP, {"code": next_code(device)})
        [notice] = mail.outbox
        self.assertEqual(notice.extra_headers["Content-Language"], "km")

    def test_recovery_codes_wait_for_an_app_or_passkey(self):
        self.assertRedirects(self.client.post(RECOVERY), FACTORS)
        self.assertFalse(StaticDevice.objects.exists())


class ChangingFactorsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", email="desk@example.org")
        cls.app = authenticator_app(cls.editor)

    def test_ten_recovery_codes_shown_once_and_new_ones_replace_them(self):
        sign_in(self.client, self.editor)
        first = self.client.post(RECOVERY)
        codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", first.content.decode())
        self.assertEqual(len(codes), 10)
        self.assertEqual(first["Cache-Control"][:9], "max-age=0")
        self.assertNotContains(self.client.get(FACTORS), codes[0])
        self.assertContains(self.client.get(FACTORS), "You have 10 unused recovery codes.")
        second = self.client.post(RECOVERY)
        renewed = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", second.content.decode())
        stored = set(StaticToken.objects.values_list("token", flat=True))
        self.assertEqual(stored, set(renewed))
        self.assertFalse(stored & set(codes))

    def test_a_password_only_session_cannot_change_factors(self):
        """Someone with only the password cannot add their own app or passkey."""
        self.client.force_login(self.editor)
        for path in [FACTORS, ADD_APP, RECOVERY]:
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertTrue(response.url.startswith(reverse("second_factor:verify")))
        self.assertEqual(self.client.post(RECOVERY).status_code, 302)
        self.assertFalse(StaticDevice.objects.exists())
        begin = self.client.post(reverse("otp_webauthn:credential-registration-begin"))
        self.assertEqual(begin.status_code, 403)

    def test_removing_a_factor_needs_a_fresh_code(self):
        removed = heard(signals.second_factor_removed, self)
        second = authenticator_app_named(self.editor, "Tablet")
        sign_in(self.client, self.editor)
        remove = reverse("second_factor:remove", args=["app", second.pk])
        refused = self.client.post(remove, {"code": "000000"})
        self.assertContains(refused, "That code was not accepted.")
        self.assertTrue(TOTPDevice.objects.filter(pk=second.pk).exists())
        response = self.client.post(remove, {"code": next_code(self.app)})
        self.assertRedirects(response, FACTORS)
        self.assertFalse(TOTPDevice.objects.filter(pk=second.pk).exists())
        self.assertEqual(removed[0]["kind"], "app")
        [notice] = mail.outbox
        self.assertIn("An authenticator app was removed", notice.body)

    def test_removing_the_last_factor_takes_the_recovery_codes_and_asks_for_setup(self):
        sign_in(self.client, self.editor)
        self.client.post(RECOVERY)
        remove = reverse("second_factor:remove", args=["app", self.app.pk])
        self.client.post(remove, {"code": next_code(self.app)})
        self.assertFalse(StaticDevice.objects.exists())
        self.assertEqual(len(mail.outbox), 2)
        self.assertRedirects(self.client.get("/admin/"), f"{FACTORS}?next=%2Fadmin%2F")

    def test_nobody_removes_another_users_factor(self):
        other = make_user("reporter", role="Journalists")
        theirs = authenticator_app(other)
        sign_in(self.client, self.editor)
        remove = reverse("second_factor:remove", args=["app", theirs.pk])
        self.client.post(remove, {"code": next_code(self.app)})
        self.assertTrue(TOTPDevice.objects.filter(pk=theirs.pk).exists())


def authenticator_app_named(user, name):
    return TOTPDevice.objects.create(user=user, name=name, confirmed=True)


class ResetTests(TestCase):
    """An administrator resets the factors of someone who lost them."""

    @classmethod
    def setUpTestData(cls):
        cls.chief = make_user("chief", is_superuser=True)
        cls.chief_app = authenticator_app(cls.chief)
        cls.editor = make_user("desk", role="Editors", email="desk@example.org")
        authenticator_app(cls.editor)
        StaticDevice.objects.create(user=cls.editor, name="Recovery").token_set.create(
            token="abcd2345"
        )
        cls.reset = reverse("second_factor:reset", args=[cls.editor.pk])

    def test_the_reset_needs_the_administrators_own_fresh_code(self):
        reset = heard(signals.second_factor_reset, self)
        sign_in(self.client, self.chief)
        page = self.client.get(self.reset)
        self.assertContains(page, "1 authenticator app")
        self.assertContains(self.client.post(self.reset, {"code": "000000"}), "not accepted")
        self.assertTrue(TOTPDevice.objects.filter(user=self.editor).exists())
        response = self.client.post(self.reset, {"code": next_code(self.chief_app)})
        self.assertRedirects(response, reverse("admin:auth_user_change", args=[self.editor.pk]))
        self.assertFalse(TOTPDevice.objects.filter(user=self.editor).exists())
        self.assertFalse(StaticDevice.objects.filter(user=self.editor).exists())
        self.assertEqual(reset[0]["by"], self.chief)
        self.assertEqual(reset[0]["user"], self.editor)
        [notice] = mail.outbox
        self.assertEqual(notice.to, ["desk@example.org"])
        self.assertIn("An administrator, chief, removed every second factor", notice.body)
        entry = Entry.objects.get(action=Action.SECOND_FACTOR_RESET)
        self.assertEqual((entry.actor, entry.target_id), (self.chief, str(self.editor.pk)))

    def test_an_administrator_without_a_verified_session_cannot_reset(self):
        self.client.force_login(self.chief)
        response = self.client.post(self.reset, {"code": next_code(self.chief_app)})
        self.assertTrue(response.url.startswith(reverse("second_factor:verify")))
        self.assertTrue(TOTPDevice.objects.filter(user=self.editor).exists())

    def test_an_editor_cannot_reset(self):
        other = make_user("other-desk", role="Editors")
        other_app = authenticator_app(other)
        sign_in(self.client, other)
        response = self.client.post(self.reset, {"code": next_code(other_app)})
        self.assertEqual(response.status_code, 403)
        self.assertTrue(TOTPDevice.objects.filter(user=self.editor).exists())

    def test_the_user_page_links_to_the_reset(self):
        sign_in(self.client, self.chief)
        page = self.client.get(reverse("admin:auth_user_change", args=[self.editor.pk]))
        self.assertContains(page, self.reset)


class RequirementAdminTests(TestCase):
    """A site administrator requires a second factor of a journalist from the workspace."""

    @classmethod
    def setUpTestData(cls):
        cls.chief = make_user("chief", is_superuser=True)
        cls.reporter = make_user("reporter", role="Journalists")
        cls.add = reverse("admin:workflow_secondfactorrequirement_add")

    def test_the_administrator_requires_it_and_the_journalist_is_led_to_setup(self):
        sign_in(self.client, self.chief)
        response = self.client.post(self.add, {"user": self.reporter.pk})
        self.assertRedirects(response, reverse("admin:workflow_secondfactorrequirement_changelist"))
        reporter = Client()
        reporter.force_login(self.reporter)
        self.assertRedirects(reporter.get("/admin/"), f"{FACTORS}?next=%2Fadmin%2F")

    def test_an_editor_cannot_require_it_of_anyone(self):
        editor = make_user("desk", role="Editors")
        sign_in(self.client, editor)
        self.assertEqual(self.client.post(self.add, {"user": self.reporter.pk}).status_code, 403)
        self.assertFalse(SecondFactorRequirement.objects.exists())


class LinkTests(TestCase):
    def test_every_workspace_page_links_to_the_second_factor_page(self):
        """A journalist who wants one finds the page from the header of any workspace page."""
        reporter = make_user("reporter", role="Journalists")
        self.client.force_login(reporter)
        self.assertContains(self.client.get("/admin/"), f'<a href="{FACTORS}">Second factor</a>')


class ContentSecurityPolicyTests(TestCase):
    """The pages' scripts are static files the strict policy allows: no inline script."""

    def test_no_inline_script_on_the_second_factor_pages(self):
        editor = make_user("desk", role="Editors")
        WebAuthnCredential.objects.create(
            user=editor, name="Key", confirmed=True, credential_id=b"k", public_key=b"p"
        )
        self.client.force_login(editor)
        self.assert_no_inline_script(reverse("second_factor:verify"))
        sign_in(self.client, editor)
        self.assert_no_inline_script(FACTORS)
        self.assert_no_inline_script(ADD_APP)

    def assert_no_inline_script(self, path):
        page = self.client.get(path)
        self.assertEqual(page.status_code, 200)
        scripts = re.findall(r"<script\b([^>]*)>", page.content.decode())
        for attributes in scripts:
            with self.subTest(path=path, script=attributes):
                self.assertTrue("src=" in attributes or 'type="application/json"' in attributes)
