"""
Signing in: password reset by e-mail and its limits, throttling of failed
sign-ins, sessions.

SECURITY-TESTS.md items 8–11. Every case goes through real HTTP requests to
the workspace's own addresses, with Django's locmem mail outbox and the
test settings' locmem cache, which holds the reset counts.
"""

import datetime
import re
import smtplib

import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.support.factories import make_user
from tests.support.staff import sign_in

PASSWORD = "the reporter's long password"  # noqa: S105
NEW_PASSWORD = "a brand new long passphrase"  # noqa: S105


class FailingEmailBackend(BaseEmailBackend):
    """An SMTP server that refuses every message."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("The mail server refused the connection.")


def reset_link(message):
    """The path of the one reset link in ``message``."""
    links = re.findall(r"https?://[^/\s]+(/admin/reset/[^\s]+/)", message.body)
    assert len(links) == 1, message.body
    return links[0]


def normalize(response):
    """A page's HTML without the per-response CSP nonce."""
    return re.sub(r'nonce="[^"]*"', "", response.content.decode())


class PasswordResetRequestTests(TestCase):
    """Asking for a reset link says the same whatever address is typed (item 8)."""

    @classmethod
    def setUpTestData(cls):
        cls.user = make_user(
            "sokha", role="Journalists", password=PASSWORD, email="mike@example.org"
        )

    def setUp(self):
        # Reset requests are counted in the cache, which outlives each test.
        cache.clear()

    def ask(self, email, **extra):
        return self.client.post(reverse("admin_password_reset"), {"email": email}, **extra)

    def test_the_login_page_offers_a_reset(self):
        response = self.client.get(reverse("admin:login"))
        self.assertContains(response, reverse("admin_password_reset"))

    def test_known_and_unknown_addresses_get_the_same_answer(self):
        known = self.ask("mike@example.org")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["mike@example.org"])
        unknown = self.ask("nobody@example.org")
        self.assertEqual(len(mail.outbox), 1)
        done = reverse("password_reset_done")
        self.assertRedirects(known, done, fetch_redirect_response=False)
        self.assertRedirects(unknown, done, fetch_redirect_response=False)
        page = self.client.get(done)
        self.assertContains(page, "if an account exists with the email you entered")

    @override_settings(
        MAILERS={"default": {"BACKEND": "tests.workflow.test_accounts.FailingEmailBackend"}}
    )
    def test_mail_server_failure_is_logged_not_shown(self):
        with self.assertLogs("django.contrib.auth", level="ERROR") as logs:
            response = self.ask("mike@example.org")
        self.assertRedirects(
            response, reverse("password_reset_done"), fetch_redirect_response=False
        )
        self.assertEqual(len(mail.outbox), 0)
        self.assertIn("Failed to send password reset email", logs.output[0])
        # The log names the account by number, never by address.
        self.assertNotIn("mike@example.org", "\n".join(logs.output))

    def test_inactive_and_passwordless_accounts_get_no_mail(self):
        make_user("gone", role="Journalists", email="gone@example.org", is_active=False)
        nopass = make_user("nopass", role="Journalists", email="nopass@example.org")
        nopass.set_unusable_password()
        nopass.save()
        for email in ["gone@example.org", "nopass@example.org"]:
            with self.subTest(email=email):
                response = self.ask(email)
                self.assertEqual(response.status_code, 302)
        self.assertEqual(len(mail.outbox), 0)

    def test_poisoned_host_is_refused_and_sends_nothing(self):
        response = self.ask("mike@example.org", headers={"host": "evil.tld"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(len(mail.outbox), 0)

    def test_link_points_at_this_site(self):
        self.ask("mike@example.org")
        self.assertIn("http://testserver/admin/reset/", mail.outbox[0].body)
        self.assertNotIn("evil", mail.outbox[0].body)

    @override_settings(ALLOWED_HOSTS=["testserver", "127.0.0.1", "newsroom.internal"])
    def test_link_uses_the_site_url_whatever_allowed_host_was_asked(self):
        """Another port or an internal name in Host never reaches the mailed link."""
        for host in ["127.0.0.1:6666", "newsroom.internal"]:
            with self.subTest(host=host):
                mail.outbox.clear()
                response = self.ask("mike@example.org", HTTP_HOST=host, secure=True)
                self.assertEqual(response.status_code, 302)
                message = mail.outbox[0]
                self.assertIn(f"{settings.SITE_URL}/admin/reset/", message.body)
                self.assertNotIn(host, message.body)
                self.assertNotIn(host, message.subject)
                self.assertNotIn("https://", message.body)
                link = reset_link(message)
                form = Client().get(link)
                self.assertEqual(form.status_code, 302)
                self.assertTrue(form["Location"].endswith("/set-password/"))

    @override_settings(SITE_URL="https://news.example.org")
    def test_link_takes_scheme_and_host_from_the_site_url(self):
        self.ask("mike@example.org")
        self.assertIn("https://news.example.org/admin/reset/", mail.outbox[0].body)
        self.assertIn("news.example.org", mail.outbox[0].subject)
        self.assertNotIn("testserver", mail.outbox[0].body)

    def test_lookalike_address_mails_only_the_stored_address(self):
        """``mıke@`` (dotless i) must not pass for ``mike@`` and get its link."""
        self.ask("mıke@example.org")
        for message in mail.outbox:
            self.assertEqual(message.to, ["mike@example.org"])
        self.assertLessEqual(len(mail.outbox), 1)


class PasswordResetLinkTests(TestCase):
    """A reset link works once, for a while, and never stays in the address bar (item 9)."""

    @classmethod
    def setUpTestData(cls):
        cls.user = make_user(
            "sokha", role="Journalists", password=PASSWORD, email="sokha@example.org"
        )

    def setUp(self):
        cache.clear()

    def get_link(self):
        self.client.post(reverse("admin_password_reset"), {"email": "sokha@example.org"})
        return reset_link(mail.outbox[-1])

    def set_password(self, client, link, password=NEW_PASSWORD):
        """Follow ``link`` and set ``password``; the response to the form's POST."""
        response = client.get(link)
        if response.status_code != 302:
            return response
        form_url = response["Location"]
        return client.post(form_url, {"new_password1": password, "new_password2": password})

    def test_link_sets_a_new_password_and_the_token_leaves_the_address(self):
        link = self.get_link()
        client = Client()
        response = client.get(link)
        self.assertEqual(response.status_code, 302)
        form_url = response["Location"]
        token = link.rstrip("/").rsplit("/", 1)[1]
        # The set-password form's own address holds no token, so the Referer
        # of anything it links to cannot leak one.
        self.assertNotIn(token, form_url)
        self.assertTrue(form_url.endswith("/set-password/"))
        form = client.get(form_url)
        self.assertContains(form, "new_password1")
        self.assertNotContains(form, token)
        done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        self.assertRedirects(done, reverse("password_reset_complete"))
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(NEW_PASSWORD))

    def test_link_works_only_once(self):
        link = self.get_link()
        self.set_password(Client(), link)
        again = self.set_password(Client(), link, "yet another long passphrase")
        self.assertEqual(again.status_code, 200)
        self.assertContains(again, "The password reset link was invalid")
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(NEW_PASSWORD))

    def test_link_dies_when_the_user_signs_in(self):
        link = self.get_link()
        Client().post(reverse("admin:login"), {"username": "sokha", "password": PASSWORD})
        response = self.set_password(Client(), link)
        self.assertContains(response, "The password reset link was invalid")
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(PASSWORD))

    def test_link_dies_when_the_password_changes(self):
        link = self.get_link()
        self.user.set_password("changed another way, long")
        self.user.save()
        response = self.set_password(Client(), link)
        self.assertContains(response, "The password reset link was invalid")

    def test_link_expires(self):
        link = self.get_link()
        later = timezone.now() + datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 1)
        with time_machine.travel(timezone.localtime(later)):
            response = self.set_password(Client(), link)
        self.assertContains(response, "The password reset link was invalid")
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(PASSWORD))

    def test_link_still_works_just_before_it_expires(self):
        link = self.get_link()
        later = timezone.now() + datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT - 60)
        with time_machine.travel(timezone.localtime(later)):
            response = self.set_password(Client(), link)
        self.assertRedirects(response, reverse("password_reset_complete"))

    def test_a_reset_ends_the_old_sessions(self):
        """A stolen, signed-in phone is signed out when its owner resets by e-mail."""
        phone = Client()
        sign_in(phone, self.user)
        self.assertEqual(phone.get(reverse("admin:index")).status_code, 200)
        self.set_password(Client(), self.get_link())
        response = phone.get(reverse("admin:index"))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("admin:login")))

    def test_forged_link_is_refused(self):
        link = self.get_link()
        forged = re.sub(r"/[^/]+/$", "/abc-0123456789abcdef0123456789abcdef/", link)
        response = self.set_password(Client(), forged)
        self.assertContains(response, "The password reset link was invalid")
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(PASSWORD))


class PasswordResetThrottlingTests(TestCase):
    """
    At most 3 reset mails an hour to one address, answered as usual beyond it;
    at most 10 reset requests an hour from one client, then 429.
    """

    @classmethod
    def setUpTestData(cls):
        cls.user = make_user(
            "sokha", role="Journalists", password=PASSWORD, email="sokha@example.org"
        )
        for number in range(settings.PASSWORD_RESET_REQUESTS_PER_CLIENT + 1):
            make_user(f"reporter{number}", role="Journalists", email=f"r{number}@example.org")

    def setUp(self):
        cache.clear()

    def ask(self, email, address="192.0.2.10", **headers):
        return Client(REMOTE_ADDR=address).post(
            reverse("admin_password_reset"), {"email": email}, headers=headers
        )

    def answer(self, response):
        return response.status_code, response.get("Location"), response.content

    def test_one_address_gets_at_most_three_mails_and_the_same_answer(self):
        """Case does not matter, nor which client asks."""
        spellings = ["sokha@example.org", "Sokha@Example.org", "SOKHA@EXAMPLE.ORG"] * 2
        limit = settings.PASSWORD_RESET_MAILS_PER_ADDRESS
        responses = [
            self.ask(email, address=f"192.0.2.{number}")
            for number, email in enumerate(spellings[: limit + 1])
        ]
        self.assertEqual(limit, 3)
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual({tuple(message.to) for message in mail.outbox}, {("sokha@example.org",)})
        self.assertEqual(
            {self.answer(response) for response in responses},
            {(302, reverse("password_reset_done"), b"")},
        )

    def test_an_unknown_address_gets_the_same_answer(self):
        known = [self.ask("sokha@example.org") for _ in range(4)]
        unknown = [self.ask("nobody@example.org") for _ in range(4)]
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual(
            {self.answer(response) for response in known + unknown},
            {(302, reverse("password_reset_done"), b"")},
        )

    def test_one_client_is_refused_after_ten_requests(self):
        limit = settings.PASSWORD_RESET_REQUESTS_PER_CLIENT
        self.assertEqual(limit, 10)
        for number in range(limit):
            self.assertEqual(self.ask(f"r{number}@example.org").status_code, 302)
        self.assertEqual(len(mail.outbox), 10)
        refused = self.ask(f"r{limit}@example.org")
        self.assertContains(refused, "Too many password reset requests", status_code=429)
        self.assertContains(refused, "Try again in 60 minutes.", status_code=429)
        self.assertContains(refused, 'id="site-name"', status_code=429)
        # An hour from the first request, less the moments the ten took.
        self.assertGreater(int(refused["Retry-After"]), 3590)
        self.assertLessEqual(int(refused["Retry-After"]), 3600)
        self.assertEqual(len(mail.outbox), 10)
        # Another client is counted on its own.
        other = self.ask(f"r{limit}@example.org", address="198.51.100.20")
        self.assertEqual(other.status_code, 302)
        self.assertEqual(len(mail.outbox), 11)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_a_forged_forwarded_for_does_not_escape_the_client_limit(self):
        """Behind one proxy, the entry it appended names the client; earlier ones are forged."""
        limit = settings.PASSWORD_RESET_REQUESTS_PER_CLIENT
        for number in range(limit):
            self.ask("nobody@example.org", x_forwarded_for=f"10.0.0.{number}, 203.0.113.7")
        refused = self.ask("sokha@example.org", x_forwarded_for="10.9.9.9, 203.0.113.7")
        self.assertEqual(refused.status_code, 429)
        other = self.ask("sokha@example.org", x_forwarded_for="198.51.100.4")
        self.assertEqual(other.status_code, 302)
        self.assertEqual(len(mail.outbox), 1)

    def test_mails_go_out_again_after_the_window(self):
        for _attempt in range(4):
            self.ask("sokha@example.org")
        self.assertEqual(len(mail.outbox), 3)
        later = timezone.now() + settings.PASSWORD_RESET_WINDOW + datetime.timedelta(seconds=1)
        with time_machine.travel(timezone.localtime(later)):
            self.ask("sokha@example.org")
        self.assertEqual(len(mail.outbox), 4)

    def test_the_client_limit_ends_with_the_window(self):
        for number in range(settings.PASSWORD_RESET_REQUESTS_PER_CLIENT):
            self.ask(f"r{number}@example.org")
        self.assertEqual(self.ask("sokha@example.org").status_code, 429)
        half = timezone.now() + settings.PASSWORD_RESET_WINDOW / 2
        with time_machine.travel(timezone.localtime(half)):
            refused = self.ask("sokha@example.org")
        self.assertContains(refused, "Try again in 30 minutes.", status_code=429)
        later = timezone.now() + settings.PASSWORD_RESET_WINDOW + datetime.timedelta(seconds=1)
        with time_machine.travel(timezone.localtime(later)):
            self.assertEqual(self.ask("sokha@example.org").status_code, 302)
        self.assertEqual(len(mail.outbox), 11)

    def test_loading_the_form_is_not_counted(self):
        for _attempt in range(settings.PASSWORD_RESET_REQUESTS_PER_CLIENT + 1):
            Client(REMOTE_ADDR="192.0.2.10").get(reverse("admin_password_reset"))
        self.assertEqual(self.ask("sokha@example.org").status_code, 302)
        self.assertEqual(len(mail.outbox), 1)

    def test_the_cache_holds_neither_the_address_nor_the_client(self):
        self.ask("sokha@example.org")
        keys = list(cache._cache)
        self.assertGreaterEqual(len(keys), 2)
        for key in keys:
            self.assertNotIn("sokha", key.lower())
            self.assertNotIn("192.0.2.10", key)


class LoginThrottlingTests(TestCase):
    """
    After too many failures with one username from one address, that username
    gets 429 from that address; other usernames and other addresses sign in (item 10).
    """

    @classmethod
    def setUpTestData(cls):
        cls.user = make_user("desk", role="Editors", password=PASSWORD)
        cls.other = make_user("copy", role="Editors", password=PASSWORD)

    def sign_in(self, username, password, address="127.0.0.1", **headers):
        return Client(REMOTE_ADDR=address).post(
            reverse("admin:login"),
            {"username": username, "password": password},
            headers=headers,
        )

    def fail_sign_ins(self, times, username="desk", **kwargs):
        for _attempt in range(times):
            self.sign_in(username, "not the password", **kwargs)

    def test_a_username_is_locked_from_that_address_after_the_limit(self):
        self.fail_sign_ins(settings.AXES_FAILURE_LIMIT - 1)
        # One short of the limit, the right password still works.
        self.assertEqual(self.sign_in("desk", PASSWORD).status_code, 302)
        self.fail_sign_ins(settings.AXES_FAILURE_LIMIT)
        for password in [PASSWORD, "not the password"]:
            with self.subTest(password=password):
                response = self.sign_in("desk", password)
                self.assertContains(response, "Too many failed sign-ins", status_code=429)
                self.assertNotIn("sessionid", response.cookies)

    def test_other_usernames_still_sign_in_from_that_address(self):
        """One reporter's failures do not lock the office out."""
        self.fail_sign_ins(settings.AXES_FAILURE_LIMIT)
        self.assertEqual(self.sign_in("desk", PASSWORD).status_code, 429)
        response = self.sign_in("copy", PASSWORD)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], reverse("admin:index"))

    def test_the_locked_username_still_signs_in_from_another_address(self):
        """Nobody can lock a reporter out of their account from afar."""
        self.fail_sign_ins(settings.AXES_FAILURE_LIMIT, address="203.0.113.66")
        self.assertEqual(self.sign_in("desk", PASSWORD, address="203.0.113.66").status_code, 429)
        self.assertEqual(self.sign_in("desk", PASSWORD).status_code, 302)

    def test_failures_with_other_usernames_do_not_add_up(self):
        for number in range(settings.AXES_FAILURE_LIMIT):
            self.sign_in(f"guess{number}", "whatever")
        self.assertEqual(self.sign_in("desk", PASSWORD).status_code, 302)

    def test_an_unknown_username_is_locked_with_the_same_page(self):
        """The 429 page does not tell whether the username exists."""
        self.fail_sign_ins(settings.AXES_FAILURE_LIMIT)
        self.fail_sign_ins(settings.AXES_FAILURE_LIMIT, username="nobody-by-that-name")
        real = self.sign_in("desk", PASSWORD)
        unknown = self.sign_in("nobody-by-that-name", "whatever")
        self.assertEqual(real.status_code, 429)
        self.assertEqual(unknown.status_code, 429)
        self.assertEqual(normalize(real), normalize(unknown))

    def test_the_admin_sign_in_page_is_guarded(self):
        """The workspace's sign-in is the admin's, whatever address it sends you on to."""
        login = reverse("admin:login") + "?next=" + reverse("admin:index")
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            self.client.post(login, {"username": "desk", "password": "not the password"})
        response = self.client.post(login, {"username": "desk", "password": PASSWORD})
        self.assertContains(response, "Too many failed sign-ins", status_code=429)
        self.assertEqual(self.client.get(reverse("admin:index")).status_code, 302)

    def test_forged_forwarded_for_does_not_reset_the_count(self):
        for number in range(settings.AXES_FAILURE_LIMIT):
            self.sign_in("desk", "not the password", x_forwarded_for=f"10.0.0.{number}")
        response = self.sign_in("desk", PASSWORD, x_forwarded_for="10.9.9.9")
        self.assertEqual(response.status_code, 429)
        self.assertEqual(AccessAttempt.objects.get().ip_address, "127.0.0.1")

    def test_another_browser_does_not_reset_the_count(self):
        """django-axes keeps a row per user agent and adds them up for the username and address."""
        for number in range(settings.AXES_FAILURE_LIMIT):
            self.sign_in("desk", "not the password", user_agent=f"Browser/{number}")
        response = self.sign_in("desk", PASSWORD, user_agent="Another/1.0")
        self.assertEqual(response.status_code, 429)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_a_proxy_only_the_proxys_entry_counts(self):
        """Behind one proxy, the entry it appended names the client; earlier ones are forged."""
        for number in range(settings.AXES_FAILURE_LIMIT):
            self.sign_in(
                "desk", "not the password", x_forwarded_for=f"10.0.0.{number}, 203.0.113.7"
            )
        response = self.sign_in("desk", PASSWORD, x_forwarded_for="10.9.9.9, 203.0.113.7")
        self.assertEqual(response.status_code, 429)
        self.assertEqual(AccessAttempt.objects.get().ip_address, "203.0.113.7")
        # The same account from another client behind the same proxy is not locked out,
        # nor another account from the locked client.
        other_client = self.sign_in("desk", PASSWORD, x_forwarded_for="198.51.100.4")
        self.assertEqual(other_client.status_code, 302)
        other_account = self.sign_in("copy", PASSWORD, x_forwarded_for="10.1.1.1, 203.0.113.7")
        self.assertEqual(other_account.status_code, 302)

    def test_sign_in_works_again_after_the_cool_off(self):
        self.fail_sign_ins(settings.AXES_FAILURE_LIMIT)
        self.assertEqual(self.sign_in("desk", PASSWORD).status_code, 429)
        later = timezone.now() + settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=1)
        with time_machine.travel(timezone.localtime(later)):
            response = self.sign_in("desk", PASSWORD)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], reverse("admin:index"))

    def test_a_success_clears_earlier_failures(self):
        self.fail_sign_ins(settings.AXES_FAILURE_LIMIT - 1)
        self.assertEqual(self.sign_in("desk", PASSWORD).status_code, 302)
        self.fail_sign_ins(settings.AXES_FAILURE_LIMIT - 1)
        self.assertEqual(self.sign_in("desk", PASSWORD).status_code, 302)


class SessionCookieTests(TestCase):
    """The session cookie's flags (item 11); Secure is tested with production settings."""

    def test_session_cookie_flags(self):
        make_user("desk", role="Editors", password=PASSWORD)
        client = Client()
        response = client.post(reverse("admin:login"), {"username": "desk", "password": PASSWORD})
        cookie = response.cookies[settings.SESSION_COOKIE_NAME]
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")
        self.assertEqual(int(cookie["max-age"]), settings.SESSION_COOKIE_AGE)
        self.assertLessEqual(settings.SESSION_COOKIE_AGE, 12 * 60 * 60)
        self.assertFalse(settings.SESSION_SAVE_EVERY_REQUEST)

    def test_deactivating_a_user_ends_their_session(self):
        user = make_user("reporter", role="Journalists", password=PASSWORD)
        phone = Client()
        sign_in(phone, user)
        get_user_model().objects.filter(pk=user.pk).update(is_active=False)
        response = phone.get(reverse("admin:index"))
        self.assertEqual(response.status_code, 302)
