"""
Staff sessions: each member of staff sees the browsers signed in to their
account and ends any of them; an administrator ends all of a user's; a
session ended or run out signs its browser out on its next request.
"""

import datetime

import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import Action, Entry
from tests.support.factories import make_article, make_journalist, make_user
from tests.support.staff import (
    CHROME_ON_ANDROID,
    FIREFOX_ON_WINDOWS,
    sign_in,
    sign_in_through_form,
)
from workflow import sessions
from workflow.models import StaffSession

PASSWORD = "a long enough password"
SESSIONS = reverse("admin:workflow_staffsession_changelist")
WORKSPACE = reverse("admin:index")
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def browser(user_agent):
    return Client(HTTP_USER_AGENT=user_agent)


class SessionTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_user("desk", role="Editors", password=PASSWORD, email="desk@example.org")

    def signed_in(self, user_agent=FIREFOX_ON_WINDOWS, user=None):
        client = browser(user_agent)
        response = sign_in_through_form(client, (user or self.user).username, PASSWORD)
        self.assertEqual(response.status_code, 302)
        return client

    def assertSignedIn(self, client):
        self.assertEqual(client.get(WORKSPACE).status_code, 200)

    def assertSignedOut(self, client):
        response = client.get(WORKSPACE)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("admin:login")))


class SessionListTests(SessionTestCase):
    def test_each_browser_is_listed_with_this_one_marked(self):
        """The sessions page lists every signed-in browser in words, this one marked."""
        laptop = self.signed_in(FIREFOX_ON_WINDOWS)
        self.signed_in(CHROME_ON_ANDROID)
        response = laptop.get(SESSIONS)
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "Firefox on Windows <strong>(this browser)</strong>", html=True
        )
        self.assertContains(response, "Chrome on Android")
        self.assertContains(response, "just now", count=4)
        self.assertContains(response, "End every session but this one")

    def test_times_are_rounded(self):
        now = START
        self.assertEqual(
            sessions.roughly_ago(now - datetime.timedelta(seconds=20), now=now), "just now"
        )
        cases = {
            datetime.timedelta(minutes=7, seconds=40): "8 minutes ago",
            datetime.timedelta(hours=2, minutes=10): "about 2 hours ago",
            datetime.timedelta(minutes=50): "about 1 hour ago",
            datetime.timedelta(days=3, hours=1): "about 3 days ago",
        }
        for delta, words in cases.items():
            with self.subTest(words):
                self.assertEqual(sessions.roughly_ago(now - delta, now=now), words)

    def test_the_list_shows_later_times_in_words(self):
        with time_machine.travel(START, tick=False):
            client = self.signed_in()
        with time_machine.travel(START + datetime.timedelta(minutes=20), tick=False):
            response = client.get(SESSIONS)
        self.assertContains(response, "20 minutes ago")

    def test_a_journalist_sees_their_own_sessions_only(self):
        """Any member of staff has the page, whatever their role, and sees no one else's."""
        journalist = make_journalist("reporter", password=PASSWORD)
        self.signed_in(CHROME_ON_ANDROID)
        client = self.signed_in(FIREFOX_ON_WINDOWS, user=journalist)
        response = client.get(SESSIONS)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Firefox on Windows")
        self.assertNotContains(response, "Android")
        self.assertContains(client.get(WORKSPACE), SESSIONS)

    def test_no_address_is_kept(self):
        """Neither the session nor the audit log keeps the client's address."""
        client = Client(HTTP_USER_AGENT=FIREFOX_ON_WINDOWS, REMOTE_ADDR="203.0.113.77")
        sign_in_through_form(client, "desk", PASSWORD)
        client.get(WORKSPACE)
        for model in (StaffSession, Entry):
            for row in model.objects.values():
                with self.subTest(model=model.__name__):
                    self.assertNotIn("203.0.113.77", str(row))
        self.assertNotIn(
            client.cookies[settings.SESSION_COOKIE_NAME].value,
            str(list(StaffSession.objects.values())),
        )


class EndingSessionsTests(SessionTestCase):
    def test_ending_a_session_signs_that_browser_out(self):
        laptop = self.signed_in(FIREFOX_ON_WINDOWS)
        phone = self.signed_in(CHROME_ON_ANDROID)
        self.assertSignedIn(phone)
        other = StaffSession.objects.get(browser="Chrome")
        response = laptop.post(reverse("admin:workflow_staffsession_end", args=[other.pk]))
        self.assertRedirects(response, SESSIONS)
        self.assertSignedOut(phone)
        self.assertSignedIn(laptop)
        # Signed out, not merely turned away once: the cookie is cleared.
        self.assertEqual(phone.cookies[settings.SESSION_COOKIE_NAME].value, "")
        entry = Entry.objects.get(action=Action.SESSION_ENDED)
        self.assertEqual((entry.actor, entry.target), (self.user, "desk"))

    def test_ending_this_browsers_session_signs_out_here(self):
        laptop = self.signed_in()
        own = StaffSession.objects.get()
        laptop.post(reverse("admin:workflow_staffsession_end", args=[own.pk]))
        self.assertSignedOut(laptop)

    def test_ending_every_other_session(self):
        laptop = self.signed_in(FIREFOX_ON_WINDOWS)
        phone = self.signed_in(CHROME_ON_ANDROID)
        tablet = self.signed_in("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Safari/604.1")
        response = laptop.post(reverse("admin:workflow_staffsession_end_others"), follow=True)
        self.assertContains(response, "2 other sessions were ended.")
        self.assertSignedOut(phone)
        self.assertSignedOut(tablet)
        self.assertSignedIn(laptop)
        self.assertEqual(StaffSession.objects.count(), 1)

    def test_nobody_ends_someone_elses_session(self):
        victim = self.signed_in(CHROME_ON_ANDROID)
        theirs = StaffSession.objects.get()
        other = self.signed_in(user=make_journalist("reporter", password=PASSWORD))
        other.post(reverse("admin:workflow_staffsession_end", args=[theirs.pk]))
        self.assertSignedIn(victim)
        self.assertFalse(Entry.objects.filter(action=Action.SESSION_ENDED).exists())

    def test_ending_takes_a_post(self):
        client = self.signed_in()
        own = StaffSession.objects.get()
        response = client.get(reverse("admin:workflow_staffsession_end", args=[own.pk]))
        self.assertEqual(response.status_code, 405)
        self.assertSignedIn(client)

    def test_an_administrator_ends_all_of_a_users_sessions(self):
        """A lost phone: from the user's page, every session of theirs ends."""
        phone = self.signed_in(CHROME_ON_ANDROID)
        laptop = self.signed_in(FIREFOX_ON_WINDOWS)
        chief = make_user("chief", is_superuser=True)
        admin = sign_in(Client(), chief)
        user_page = reverse("admin:auth_user_change", args=[self.user.pk])
        page = admin.get(user_page)
        self.assertContains(page, "Chrome on Android")
        self.assertContains(page, "End all their sessions")
        response = admin.post(reverse("admin:auth_user_end_sessions", args=[self.user.pk]))
        self.assertRedirects(response, user_page)
        self.assertSignedOut(phone)
        self.assertSignedOut(laptop)
        self.assertSignedIn(admin)
        entry = Entry.objects.get(action=Action.SESSION_ENDED)
        self.assertEqual((entry.actor, entry.target), (chief, "desk"))
        self.assertIn("administrator", entry.detail)

    def test_only_an_administrator_ends_another_users_sessions(self):
        phone = self.signed_in(CHROME_ON_ANDROID)
        editor = sign_in(Client(), make_user("other-editor", role="Editors"))
        editor.post(reverse("admin:auth_user_end_sessions", args=[self.user.pk]))
        self.assertSignedIn(phone)

    def test_signing_out_removes_the_session(self):
        client = self.signed_in()
        client.post(reverse("admin:logout"))
        self.assertFalse(StaffSession.objects.exists())
        self.assertTrue(Entry.objects.filter(action=Action.SIGNED_OUT, actor=self.user).exists())

    @override_settings(SESSION_ENGINE="django.contrib.sessions.backends.cache")
    def test_ending_works_with_sessions_in_the_cache(self):
        laptop = self.signed_in(FIREFOX_ON_WINDOWS)
        phone = self.signed_in(CHROME_ON_ANDROID)
        laptop.post(reverse("admin:workflow_staffsession_end_others"))
        self.assertSignedOut(phone)
        self.assertSignedIn(laptop)


class PasswordChangeTests(SessionTestCase):
    def test_changing_the_password_ends_the_other_sessions_only(self):
        laptop = self.signed_in(FIREFOX_ON_WINDOWS)
        phone = self.signed_in(CHROME_ON_ANDROID)
        with self.captureOnCommitCallbacks(execute=True):
            response = laptop.post(
                reverse("admin:password_change"),
                {
                    "old_password": PASSWORD,
                    "new_password1": "another long password",
                    "new_password2": "another long password",
                },
            )
        self.assertEqual(response.status_code, 302)
        self.assertSignedIn(laptop)
        self.assertSignedOut(phone)
        self.assertEqual(list(StaffSession.objects.values_list("browser", flat=True)), ["Firefox"])
        self.assertTrue(Entry.objects.filter(action=Action.PASSWORD_CHANGED).exists())


class InactivityTests(SessionTestCase):
    """A staff session ends after 30 minutes unused, and 12 hours after signing in."""

    def test_settings(self):
        self.assertEqual(settings.STAFF_IDLE_TIMEOUT, datetime.timedelta(minutes=30))
        self.assertEqual(settings.SESSION_COOKIE_AGE, 12 * 60 * 60)

    def test_a_session_unused_for_30_minutes_ends(self):
        with time_machine.travel(START, tick=False):
            client = self.signed_in()
        with time_machine.travel(START + datetime.timedelta(minutes=29), tick=False):
            self.assertSignedIn(client)
        # 29 + 29 minutes after signing in, 29 after the last request: still on.
        with time_machine.travel(START + datetime.timedelta(minutes=58), tick=False):
            self.assertSignedIn(client)
        with time_machine.travel(START + datetime.timedelta(minutes=88, seconds=1), tick=False):
            response = client.get(WORKSPACE, follow=True)
        self.assertContains(response, "went unused for 30 minutes")
        self.assertFalse(response.context["user"].is_authenticated)

    def test_a_busy_session_ends_12_hours_after_signing_in(self):
        with time_machine.travel(START, tick=False):
            client = self.signed_in()
        for minutes in range(20, 12 * 60, 20):
            with time_machine.travel(START + datetime.timedelta(minutes=minutes), tick=False):
                self.assertSignedIn(client)
        with time_machine.travel(START + datetime.timedelta(hours=12, seconds=1), tick=False):
            self.assertSignedOut(client)

    def journalist_at_a_story(self, page):
        """A journalist signed in at START, and the address of ``page`` of her story."""
        journalist = make_journalist("reporter", password=PASSWORD)
        story = make_article("Rice prices", bylines=[journalist.person])
        with time_machine.travel(START, tick=False):
            client = self.signed_in(user=journalist)
        return client, reverse(f"admin:articles_article_{page}", args=[story.pk])

    def test_an_open_story_page_alone_does_not_keep_a_session(self):
        """The page's 'still open' signal keeps no one signed in who has walked away."""
        client, presence = self.journalist_at_a_story("presence")
        for minutes in (10, 20, 29):
            with time_machine.travel(START + datetime.timedelta(minutes=minutes), tick=False):
                response = client.post(presence, HTTP_X_STILL_OPEN="1")
                self.assertEqual(response.status_code, 200)
        with time_machine.travel(START + datetime.timedelta(minutes=31), tick=False):
            self.assertSignedOut(client)

    def test_typing_in_a_story_keeps_the_session(self):
        """The body preview, sent as the person types, is their own activity."""
        client, preview = self.journalist_at_a_story("body_preview")
        with time_machine.travel(START + datetime.timedelta(minutes=25), tick=False):
            self.assertEqual(client.post(preview, {"body": "Typing"}).status_code, 200)
        with time_machine.travel(START + datetime.timedelta(minutes=50), tick=False):
            self.assertSignedIn(client)


class QueryCostTests(SessionTestCase):
    def test_the_session_check_costs_one_query(self):
        """
        A signed-in workspace page costs exactly one query more than without
        the session check: it reads the session's row.
        """
        client = sign_in(Client(), self.user)
        client.get(WORKSPACE)
        without = [
            m for m in settings.MIDDLEWARE if m != "workflow.middleware.StaffSessionMiddleware"
        ]
        with override_settings(MIDDLEWARE=without), CaptureQueriesContext(connection) as base:
            # A client of its own: a client loads the middleware at its first request.
            unchecked = Client()
            unchecked.cookies = client.cookies
            self.assertEqual(unchecked.get(WORKSPACE).status_code, 200)
        with self.assertNumQueries(len(base.captured_queries) + 1):
            self.assertEqual(client.get(WORKSPACE).status_code, 200)

    def test_activity_is_written_once_a_minute(self):
        """The first request a minute or more after the last one noted writes: two queries."""
        with time_machine.travel(START, tick=False):
            client = sign_in(Client(), self.user)
            client.get(WORKSPACE)
            with CaptureQueriesContext(connection) as quiet:
                client.get(WORKSPACE)
        with time_machine.travel(START + sessions.ACTIVITY_STEP, tick=False):
            with self.assertNumQueries(len(quiet.captured_queries) + 1):
                client.get(WORKSPACE)
            self.assertEqual(StaffSession.objects.get().last_active, timezone.now())

    def test_a_request_without_a_session_cookie_costs_none(self):
        with self.assertNumQueries(0):
            self.assertEqual(Client().get(reverse("admin:login")).status_code, 200)

    def test_a_session_started_before_the_check_existed_is_signed_out(self):
        client = sign_in(Client(), self.user)
        StaffSession.objects.all().delete()
        self.assertSignedOut(client)


class SessionEngineCheckTests(TestCase):
    def test_sessions_in_signed_cookies_are_refused(self):
        with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"):
            self.assertEqual([e.id for e in sessions.check_session_engine()], ["workflow.E001"])
        self.assertEqual(sessions.check_session_engine(), [])
