"""
A sign-in from a browser the account has not used before, and a password
changed, are told to the account's owner by e-mail, in their language.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.support.factories import make_user
from tests.support.staff import CHROME_ON_ANDROID, FIREFOX_ON_WINDOWS, sign_in, sign_in_through_form
from workflow.account_events import BROWSER_COOKIE
from workflow.models import KnownBrowser, LanguagePreference

PASSWORD = "a long enough password"


class NewBrowserNoticeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_user("desk", role="Editors", password=PASSWORD, email="desk@example.org")

    def sign_in(self, client):
        response = sign_in_through_form(client, "desk", PASSWORD)
        self.assertEqual(response.status_code, 302)
        return response

    def test_a_new_browser_is_told_by_mail(self):
        self.sign_in(Client(HTTP_USER_AGENT=FIREFOX_ON_WINDOWS))
        self.assertEqual(len(mail.outbox), 1)
        notice = mail.outbox[0]
        self.assertEqual(notice.to, ["desk@example.org"])
        self.assertEqual(notice.subject, "New sign-in to your newsroom account")
        self.assertIn("Firefox on Windows", notice.body)
        self.assertIn("(Phnom Penh time)", notice.body)
        self.assertIn(
            settings.SITE_URL + reverse("admin:workflow_staffsession_changelist"), notice.body
        )

    def test_the_same_browser_again_is_not_told(self):
        laptop = Client(HTTP_USER_AGENT=FIREFOX_ON_WINDOWS)
        self.sign_in(laptop)
        laptop.post(reverse("admin:logout"))
        self.sign_in(laptop)
        self.assertEqual(len(mail.outbox), 1)
        self.sign_in(Client(HTTP_USER_AGENT=CHROME_ON_ANDROID))
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("Chrome on Android", mail.outbox[1].body)

    def test_a_browser_known_to_another_account_is_new_to_this_one(self):
        make_user("other", role="Editors", password=PASSWORD, email="other@example.org")
        shared = Client(HTTP_USER_AGENT=FIREFOX_ON_WINDOWS)
        sign_in_through_form(shared, "other", PASSWORD)
        shared.post(reverse("admin:logout"))
        self.sign_in(shared)
        self.assertEqual(
            [notice.to for notice in mail.outbox], [["other@example.org"], ["desk@example.org"]]
        )

    def test_a_forged_browser_cookie_is_a_new_browser(self):
        laptop = Client()
        self.sign_in(laptop)
        laptop.post(reverse("admin:logout"))
        laptop.cookies[BROWSER_COOKIE] = "my-own-id"
        self.sign_in(laptop)
        self.assertEqual(len(mail.outbox), 2)

    def test_the_browser_cookie_is_long_lived_and_kept_from_scripts(self):
        laptop = Client()
        self.sign_in(laptop)
        cookie = laptop.cookies[BROWSER_COOKIE]
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")
        self.assertEqual(cookie["max-age"], 400 * 24 * 60 * 60)
        # The account keeps a keyed hash, not the browser's id.
        browser_id = cookie.value.split(":")[0]
        stored = KnownBrowser.objects.get(user=self.user).browser_hash
        self.assertNotIn(browser_id, stored)

    def test_the_notice_is_in_the_accounts_language(self):
        LanguagePreference.objects.create(user=self.user, language="km")
        self.sign_in(Client())
        self.assertEqual(mail.outbox[0].extra_headers["Content-Language"], "km")

    def test_a_failed_sign_in_sends_nothing(self):
        Client().post(reverse("admin:login"), {"username": "desk", "password": "wrong"})
        self.assertEqual(mail.outbox, [])

    def test_an_account_without_an_address_is_signed_in_all_the_same(self):
        make_user("noaddress", role="Editors", password=PASSWORD)
        response = sign_in_through_form(Client(), "noaddress", PASSWORD)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(mail.outbox, [])


class PasswordChangeNoticeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_user("desk", role="Editors", password=PASSWORD, email="desk@example.org")

    def assertToldOfPasswordChange(self):
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].subject, "Your newsroom password was changed")
        self.assertEqual(mail.outbox[0].to, ["desk@example.org"])

    def test_changing_ones_own_password(self):
        client = sign_in(Client(), self.user)
        with self.captureOnCommitCallbacks(execute=True):
            client.post(
                reverse("admin:password_change"),
                {
                    "old_password": PASSWORD,
                    "new_password1": "another long password",
                    "new_password2": "another long password",
                },
            )
        self.assertToldOfPasswordChange()

    def test_an_administrator_setting_it(self):
        admin = sign_in(Client(), make_user("chief", is_superuser=True))
        with self.captureOnCommitCallbacks(execute=True):
            admin.post(
                reverse("admin:auth_user_password_change", args=[self.user.pk]),
                {
                    "password1": "a brand new long password",
                    "password2": "a brand new long password",
                    "usable_password": "true",
                },
            )
        self.assertToldOfPasswordChange()

    def test_a_reset_by_mail(self):
        uid = urlsafe_base64_encode(force_bytes(self.user.pk))
        token = default_token_generator.make_token(self.user)
        client = Client()
        response = client.get(reverse("password_reset_confirm", args=[uid, token]))
        with self.captureOnCommitCallbacks(execute=True):
            client.post(
                response["Location"],
                {
                    "new_password1": "a brand new long password",
                    "new_password2": "a brand new long password",
                },
            )
        self.assertToldOfPasswordChange()

    def test_a_sign_in_that_upgrades_the_stored_hash_is_no_change(self):
        """Django rehashes a password at sign-in when the hasher changes: not a new password."""
        with (
            self.settings(
                PASSWORD_HASHERS=[
                    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
                    "django.contrib.auth.hashers.MD5PasswordHasher",
                ]
            ),
            self.captureOnCommitCallbacks(execute=True),
        ):
            sign_in_through_form(Client(), "desk", PASSWORD)
        self.user.refresh_from_db()
        self.assertTrue(self.user.password.startswith("pbkdf2_sha1$"))
        self.assertEqual(
            [notice.subject for notice in mail.outbox], ["New sign-in to your newsroom account"]
        )
