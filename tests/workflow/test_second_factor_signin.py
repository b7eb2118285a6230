"""
Signing in with a second factor, end to end through the workspace's own
addresses, with real codes computed as an authenticator app does: the
password alone stops at the second-factor step; a code works once and only
in its time window; a recovery code works once; failed codes count with
failed passwords in django-axes and lock the username out.
"""

import datetime
import time

import time_machine
from django.conf import settings
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from audit.models import Action, Entry
from tests.support.factories import make_user
from tests.support.staff import authenticator_app, code_at, next_code
from workflow.models import SecondFactorRequirement

PASSWORD = "the editor's long password"  # noqa: S105
VERIFY = reverse("second_factor:verify")


class SignInTestCase(TestCase):
    def sign_in(self, username, password=PASSWORD):
        return self.client.post(
            f"{reverse('admin:login')}?next=/admin/",
            {"username": username, "password": password, "next": "/admin/"},
        )

    def give(self, code):
        return self.client.post(VERIFY, {"code": code, "next": "/admin/"})


class TwoStepSignInTests(SignInTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", password=PASSWORD, email="desk@example.org")
        cls.app = authenticator_app(cls.editor)

    def test_the_password_alone_stops_at_the_second_factor_step(self):
        """After the password, the workspace asks for the code before it opens."""
        self.assertRedirects(self.sign_in("desk"), "/admin/", fetch_redirect_response=False)
        response = self.client.get("/admin/")
        self.assertRedirects(response, f"{VERIFY}?next=%2Fadmin%2F")
        page = self.client.get(response.url)
        self.assertContains(page, "Confirm it is you")
        self.assertNotContains(page, "Review queue")

    def test_a_current_code_opens_the_workspace(self):
        self.sign_in("desk")
        response = self.give(next_code(self.app))
        self.assertRedirects(response, "/admin/")
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_a_code_cannot_be_used_twice(self):
        """The code just used is refused in another browser: replay (django-otp's last_t)."""
        code = next_code(self.app)
        self.sign_in("desk")
        self.assertRedirects(self.give(code), "/admin/")
        self.client.logout()
        self.sign_in("desk")
        replay = self.give(code)
        self.assertContains(replay, "That code was not accepted.")
        self.assertRedirects(self.client.get("/admin/"), f"{VERIFY}?next=%2Fadmin%2F")

    def test_a_code_from_outside_its_window_is_refused(self):
        """A code from two minutes ago, or two minutes ahead, is refused."""
        self.sign_in("desk")
        for offset in (-120, 120):
            with self.subTest(offset=offset):
                stale = code_at(self.app, time.time() + offset)
                self.assertContains(self.give(stale), "That code was not accepted.")
        self.assertRedirects(self.give(next_code(self.app)), "/admin/")

    def test_a_code_one_step_late_is_still_accepted(self):
        """A phone's clock a little behind: the code of the step before is accepted."""
        self.sign_in("desk")
        previous = code_at(self.app, time.time() - self.app.step)
        self.app.refresh_from_db()
        self.assertRedirects(self.give(previous), "/admin/")

    def test_the_next_address_is_kept_and_never_off_site(self):
        self.sign_in("desk")
        code = next_code(self.app)
        response = self.client.post(VERIFY, {"code": code, "next": "https://evil.example/"})
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_signing_out_at_the_step_ends_the_session(self):
        self.sign_in("desk")
        page = self.client.get(VERIFY)
        self.assertContains(page, reverse("second_factor:sign_out"))
        self.client.post(reverse("second_factor:sign_out"))
        self.assertRedirects(self.client.get(VERIFY), f"{reverse('admin:login')}?next={VERIFY}")


class RecoveryCodeTests(SignInTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", password=PASSWORD, email="desk@example.org")
        authenticator_app(cls.editor)
        device = StaticDevice.objects.create(user=cls.editor, name="Recovery codes")
        device.token_set.create(token="abcd2345")
        device.token_set.create(token="efgh6789")

    def test_a_recovery_code_works_once(self):
        self.sign_in("desk")
        self.assertRedirects(self.give("ABCD 2345"), "/admin/")
        used = Entry.objects.get(action=Action.RECOVERY_CODE_USED)
        self.assertEqual((used.actor, used.target_id), (self.editor, str(self.editor.pk)))
        self.assertEqual(list(StaticToken.objects.values_list("token", flat=True)), ["efgh6789"])
        [notice] = [sent for sent in mail.outbox if "recovery code" in sent.subject]
        self.assertEqual(notice.to, ["desk@example.org"])
        self.assertIn("A recovery code was used", notice.body)
        self.assertIn("Recovery codes left: 1.", notice.body)

        self.client.logout()
        self.sign_in("desk")
        self.assertContains(self.give("abcd2345"), "That code was not accepted.")


class ThrottlingTests(SignInTestCase):
    """django-axes counts failed codes with failed passwords (SECURITY-TESTS.md item 10)."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", password=PASSWORD)
        cls.app = authenticator_app(cls.editor)

    def test_failed_codes_lock_the_username_out_and_sign_the_session_out(self):
        self.sign_in("desk")
        for attempt in range(1, settings.AXES_FAILURE_LIMIT):
            with self.subTest(attempt=attempt):
                self.assertContains(self.give("000000"), "That code was not accepted.")
        locked = self.give("000000")
        self.assertContains(locked, "Too many failed sign-ins", status_code=429)
        # Signed out: the right code no longer helps, nor does the password.
        self.assertRedirects(self.client.get("/admin/"), "/admin/login/?next=/admin/")
        self.assertEqual(self.sign_in("desk").status_code, 429)

    def test_signing_in_again_does_not_wipe_the_failed_codes(self):
        """A thief with the password cannot get fresh guesses by signing in again."""
        self.sign_in("desk")
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            self.give("000000")
        self.client.logout()
        self.assertRedirects(self.sign_in("desk"), "/admin/", fetch_redirect_response=False)
        self.assertEqual(self.give("000000").status_code, 429)

    def test_a_locked_out_user_is_refused_even_with_the_right_code(self):
        self.sign_in("desk")
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            self.give("000000")
        self.sign_in("desk", "a wrong password")
        response = self.give(next_code(self.app))
        self.assertEqual(response.status_code, 429)

    def test_the_whole_sign_in_wipes_the_failures(self):
        self.sign_in("desk")
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            self.give("000000")
        self.assertRedirects(self.give(next_code(self.app)), "/admin/")
        self.client.logout()
        self.sign_in("desk")
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            self.assertEqual(self.give("000000").status_code, 200)

    def test_sign_ins_open_again_after_the_cool_off(self):
        self.sign_in("desk")
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            self.give("000000")
        later = datetime.datetime.now(datetime.UTC) + settings.AXES_COOLOFF_TIME
        with time_machine.travel(later + datetime.timedelta(minutes=1), tick=True):
            self.sign_in("desk")
            self.assertRedirects(self.give(next_code(self.app)), "/admin/")


class WhoIsAskedTests(SignInTestCase):
    def test_a_journalist_without_a_factor_signs_in_with_the_password(self):
        make_user("reporter", role="Journalists", password=PASSWORD)
        self.sign_in("reporter")
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_a_journalist_who_added_one_is_asked_for_it(self):
        reporter = make_user("reporter", role="Journalists", password=PASSWORD)
        app = authenticator_app(reporter)
        self.sign_in("reporter")
        self.assertRedirects(self.client.get("/admin/"), f"{VERIFY}?next=%2Fadmin%2F")
        self.assertRedirects(self.give(next_code(app)), "/admin/")

    def test_a_journalist_an_administrator_named_must_set_one_up(self):
        reporter = make_user("reporter", role="Journalists", password=PASSWORD)
        SecondFactorRequirement.objects.create(user=reporter)
        self.sign_in("reporter")
        setup = reverse("second_factor:factors")
        self.assertRedirects(self.client.get("/admin/"), f"{setup}?next=%2Fadmin%2F")

    def test_an_editor_first_sign_in_leads_to_setup_and_nowhere_else(self):
        make_user("desk", role="Editors", password=PASSWORD)
        self.sign_in("desk")
        setup = reverse("second_factor:factors")
        for path in ["/admin/", "/admin/articles/article/", "/admin/password_change/"]:
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 302)
                self.assertTrue(response.url.startswith(setup), response.url)
        page = self.client.get(setup)
        self.assertContains(page, "the workspace opens only once your account has a second")
        self.assertNotContains(page, 'id="nav-sidebar"')
        self.assertContains(page, reverse("second_factor:add_app"))

    def test_a_site_administrator_must_set_one_up(self):
        make_user("chief", is_superuser=True, password=PASSWORD)
        self.sign_in("chief")
        setup = reverse("second_factor:factors")
        self.assertRedirects(self.client.get("/admin/"), f"{setup}?next=%2Fadmin%2F")


class QueryCountTests(SignInTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", password=PASSWORD)
        cls.app = authenticator_app(cls.editor)

    def test_the_second_factor_step_in_a_fixed_number_of_queries(self):
        """
        Session, user, its staff session check, whether a second factor is
        owed (the apps, recovery codes and passkeys: 3, read once), whether
        the username is locked out, the editor's permissions (2): 9.
        """
        self.sign_in("desk")
        with self.assertNumQueries(9):
            self.assertEqual(self.client.get(VERIFY).status_code, 200)

    def test_the_second_factor_page_in_a_fixed_number_of_queries(self):
        """
        Session, user, its staff session check, the device that verified the
        session, permissions (2), then the apps, passkeys and recovery codes
        listed (3): 9, however many factors.
        """
        self.sign_in("desk")
        self.give(next_code(self.app))
        authenticator_app_named = self.editor.totpdevice_set.create
        authenticator_app_named(name="Tablet", confirmed=True)
        with self.assertNumQueries(9):
            response = self.client.get(reverse("second_factor:factors"))
        self.assertContains(response, "Tablet")
