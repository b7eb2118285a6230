"""
Who may do what to a story, through real HTTP requests to the workspace.

The matrix: every role × every action × every state, each asserted allowed or
refused; when refused, the response is the agreed refusal and the database is
unchanged (the story's row, its workflow steps, revisions and the admin log).
Then the crafted requests and cross-account probes a journalist might try.
"""

import datetime
import hashlib
import re

from django.contrib.admin.models import LogEntry
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from quotes.models import Quote
from tests.support.factories import (
    make_article,
    make_journalist,
    make_person,
    make_photograph,
    make_quote,
    make_ready_article,
    make_section,
    make_user,
)
from tests.support.staff import sign_in
from workflow import revisions, roles, services
from workflow.models import Revision, Transition

STATES = ["draft", "in_review", "approved", "scheduled", "published", "unpublished"]
ACTIONS = [
    "view", "edit", "submit", "return", "approve", "publish", "schedule", "unpublish",
    "delete", "preview",
]  # fmt: skip
ROLES = ["anonymous", "author", "other_journalist", "editor", "inactive_editor", "superuser"]

# The states each workflow move starts from ("scheduled": published, not yet live).
MOVE_FROM = {
    "submit": {"draft"},
    "return": {"in_review", "approved", "scheduled", "unpublished"},
    "approve": {"in_review"},
    "publish": {"in_review", "approved", "scheduled", "unpublished"},
    "schedule": {"in_review", "approved", "scheduled", "unpublished"},
    "unpublish": {"published", "scheduled"},
}


def expected(role, action, state):
    """
    The agreed truth table: "allowed", or how the request is refused —
    "login" (sent to sign in), "missing" (as for a story that does not
    exist), "forbidden" (403) or "state" (the move does not start from this
    state: back to the story with a message).
    """
    if role in {"anonymous", "inactive_editor"}:
        return "login"
    if role == "other_journalist":
        # Journalists may delete no story at all: 403 before the story is
        # looked up, the same answer as for an id that does not exist.
        return "forbidden" if action == "delete" else "missing"
    editor = role in {"editor", "superuser"}
    if action in {"view", "preview"}:
        return "allowed"
    if action == "edit":
        if editor or state in {"draft", "approved", "scheduled"}:
            return "allowed"
        return "forbidden"
    if action == "delete":
        return "allowed" if editor else "forbidden"
    if action != "submit" and not editor:
        return "forbidden"
    return "allowed" if state in MOVE_FROM[action] else "state"


def database_state(article):
    return {
        "article": Article.objects.filter(pk=article.pk).values().first(),
        "steps": Transition.objects.filter(article_id=article.pk).count(),
        "revisions": Revision.objects.filter(article_id=article.pk).count(),
        "log": LogEntry.objects.count(),
    }


class PermissionMatrixTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.superuser = make_user("root", is_superuser=True)
        cls.users = {
            "author": make_journalist("author", name="Sok Chan"),
            "other_journalist": make_journalist("other", name="Keo Dara"),
            "editor": make_user("editor", role="Editors"),
            "inactive_editor": make_user("gone", role="Editors", is_active=False),
            "superuser": cls.superuser,
        }
        section = make_section("Politics")
        photo = make_photograph()
        now = timezone.now()
        cls.articles = {}
        for state in STATES:
            fields = {"status": state}
            if state == "scheduled":
                fields = {"status": "published", "published_at": now + datetime.timedelta(days=2)}
            elif state == "published":
                fields["published_at"] = now - datetime.timedelta(days=1)
            elif state == "in_review":
                fields["submitted_at"] = now
            cls.articles[state] = make_ready_article(
                f"Secret {state} story about land",
                bylines=[cls.users["author"].person],
                section=section,
                lead_photo=photo,
                **fields,
            )
        cls.forms = {}

    def change_form_data(self, article):
        """The change form as a browser holds it, read as a superuser (every field present)."""
        from tests.support.forms import read_form

        reader = Client()
        sign_in(reader, self.superuser)
        url = reverse("admin:articles_article_change", args=[article.pk])
        data = read_form(reader.get(url), "article_form")
        data["headline"] = ["Edited headline"]
        data["_save"] = ["Save"]
        return data

    def act(self, action, article):
        pk = article.pk
        if action == "view":
            return self.client.get(reverse("admin:articles_article_change", args=[pk]))
        if action == "preview":
            return self.client.get(reverse("admin:articles_article_preview", args=[pk]))
        if action == "edit":
            data = self.change_form_data(article)
            return self.client.post(reverse("admin:articles_article_change", args=[pk]), data)
        if action == "delete":
            return self.client.post(
                reverse("admin:articles_article_delete", args=[pk]), {"post": "yes"}
            )
        data = {"note": "Please name the court.", "publish_at": "2031-01-05T09:00"}
        return self.client.post(reverse("admin:articles_article_move", args=[pk, action]), data)

    def took_effect(self, action, state, article, before, response):
        after = database_state(article)
        if action in {"view", "preview"}:
            return response.status_code == 200
        if action == "delete":
            return after["article"] is None
        if action == "edit":
            return after["article"] and after["article"]["headline"] == "Edited headline"
        to = {
            "submit": "in_review",
            "return": "draft",
            "approve": "approved",
            "publish": "published",
            "schedule": "published",
            "unpublish": "unpublished",
        }[action]
        return after["steps"] == before["steps"] + 1 and after["article"]["status"] == to

    def assertRefusal(self, kind, response, article):
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if kind == "login":
            self.assertEqual(response.status_code, 302)
            self.assertTrue(response["Location"].startswith(reverse("admin:login")))
        elif kind == "missing":
            self.assertIn(response.status_code, {302, 404})
            if response.status_code == 302:
                self.assertEqual(response["Location"], reverse("admin:index"))
        elif kind == "forbidden":
            self.assertEqual(response.status_code, 403)
        else:
            self.assertEqual(response.status_code, 302)
            self.assertEqual(response["Location"], change_url)

    def rule(self, role, action, state):
        """
        What the workflow's rules (``workflow.roles``) answer, composed as the
        workspace composes them: the sign-in, then delete permission, then the
        story's visibility, then the edit or move rule and its starting states.
        """
        user = self.users.get(role)
        article = self.articles[state]
        if user is None or not (user.is_active and user.is_staff):
            return "login"
        if action == "delete":
            return "allowed" if user.has_perm("articles.delete_article") else "forbidden"
        if not roles.can_view(user, article):
            return "missing"
        if action in {"view", "preview"}:
            return "allowed"
        if action == "edit":
            return "allowed" if roles.can_edit(user, article) else "forbidden"
        if not roles.may_move(user, article, action):
            return "forbidden"
        return "allowed" if roles.state_of(article) in roles.MOVES[action]["from"] else "state"

    def test_the_rules_give_the_agreed_table(self):
        """Every role × action × state, straight from the rules: the truth table above."""
        for role in ROLES:
            for state in STATES:
                for action in ACTIONS:
                    with self.subTest(role=role, state=state, action=action):
                        self.assertEqual(
                            self.rule(role, action, state), expected(role, action, state)
                        )

    def check_request(self, role, action, state):
        """One real request: the agreed outcome, and a refusal changes nothing."""
        article = self.articles[state]
        outcome = expected(role, action, state)
        with (
            self.subTest(role=role, state=state, action=action, expected=outcome),
            transaction.atomic(),
        ):
            self.client.logout()
            if role != "anonymous":
                sign_in(self.client, self.users[role])
            before = database_state(article)
            response = self.act(action, article)
            if outcome == "allowed":
                self.assertTrue(
                    self.took_effect(action, state, article, before, response),
                    f"{response.status_code} {response.get('Location', '')}",
                )
            else:
                self.assertRefusal(outcome, response, article)
                self.assertEqual(database_state(article), before)
                if action in {"view", "preview"} or outcome != "login":
                    self.assertNotContains(response, "Secret", status_code=response.status_code)
            transaction.set_rollback(True)

    def test_the_workspace_enforces_every_kind_of_answer(self):
        """
        Through real requests, each action once per answer the table gives it
        (allowed, sign in, missing, 403, wrong state), for every role that gets
        that answer for it: the workspace does what the rules say.
        """
        tried = set()
        for action in ACTIONS:
            for role in ROLES:
                for state in STATES:
                    key = (action, role, expected(role, action, state))
                    if key in tried:
                        continue
                    tried.add(key)
                    self.check_request(role, action, state)
        self.assertGreater(len(tried), 40)


class CraftedRequestTests(TestCase):
    """A journalist cannot publish by posting what the form does not offer."""

    @classmethod
    def setUpTestData(cls):
        cls.journalist = make_journalist("reporter", name="Sok Chan")
        cls.article = make_ready_article("Court hears land case", bylines=[cls.journalist.person])

    def setUp(self):
        sign_in(self.client, self.journalist)

    def test_change_form_ignores_publishing_fields(self):
        """Posted status, published_at, approved_by or _publish change none of them."""
        from tests.support.forms import read_form

        url = reverse("admin:articles_article_change", args=[self.article.pk])
        data = read_form(self.client.get(url), "article_form")
        editor = make_user("desk", role="Editors")
        data.update(
            {
                "status": ["published"],
                "published_at_0": ["2021-07-08"],
                "published_at_1": ["09:30:00"],
                "approved_by": [str(editor.pk)],
                "approved_at": ["2021-07-08 09:30"],
                "is_featured": ["on"],
                "_publish": ["1"],
                "_save": ["Save"],
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, "draft")
        self.assertIsNone(self.article.published_at)
        self.assertIsNone(self.article.approved_by)
        self.assertFalse(self.article.is_featured)
        self.assertFalse(LogEntry.objects.filter(change_message__icontains="publish").exists())

    def test_publish_action_not_offered(self):
        """A bulk "publish_selected" is not an action: "No action selected.", nothing changes."""
        changelist = reverse("admin:articles_article_changelist")
        for action in ["publish_selected", "delete_selected", "approve_selected"]:
            with self.subTest(action=action):
                response = self.client.post(
                    changelist,
                    {"action": action, "_selected_action": [str(self.article.pk)], "index": 0},
                    follow=True,
                )
                self.assertContains(response, "No action selected.")
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, "draft")

    def test_list_editable_status_ignored(self):
        """The changelist edits nothing in place: a posted form-0-status changes nothing."""
        response = self.client.post(
            reverse("admin:articles_article_changelist"),
            {
                "form-TOTAL_FORMS": "1",
                "form-INITIAL_FORMS": "1",
                "form-0-id": str(self.article.pk),
                "form-0-status": "published",
                "_save": "Save",
            },
        )
        self.assertIn(response.status_code, {200, 302})
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, "draft")

    def test_malformed_id_is_a_missing_story(self):
        """An id like "12abc" is answered as a story that does not exist."""
        for path in [
            "/admin/articles/article/12abc/change/",
            "/admin/articles/article/12abc/move/publish/",
            "/admin/articles/article/12abc/revisions/",
        ]:
            with self.subTest(path=path):
                response = self.client.post(path, {"note": "x"})
                self.assertEqual(response.status_code, 302)
                self.assertEqual(response["Location"], reverse("admin:index"))
        self.assertEqual(self.client.get("/admin/articles/article/12abc/preview/").status_code, 404)

    def test_unknown_move_is_404(self):
        response = self.client.post(
            reverse("admin:articles_article_move", args=[self.article.pk, "feature"])
        )
        self.assertEqual(response.status_code, 404)

    def test_quote_page_cannot_change_a_story_in_review(self):
        """The quote's own page follows the story's rules: no edits while it is in review."""
        services.submit_for_review(article=self.article, user=self.journalist)
        quote = make_quote(self.article, speaker=make_person("Ny Sokha"))
        url = reverse("admin:quotes_quote_change", args=[quote.pk])
        response = self.client.post(url, {"article": self.article.pk, "text": "Changed"})
        self.assertEqual(response.status_code, 403)
        quote.refresh_from_db()
        self.assertEqual(quote.text, "We will not give up our land")


class OtherJournalistTests(TestCase):
    """Journalist B gets nothing of journalist A's draft on any workspace page."""

    @classmethod
    def setUpTestData(cls):
        cls.a = make_journalist("alice", name="Sok Chan")
        cls.b = make_journalist("bob", name="Keo Dara")
        cls.draft = make_article(
            "Minister secretly sold the island",
            slug="minister-secretly-sold-island",
            body="The confidential source said the deal was signed in March.",
            bylines=[cls.a.person],
        )
        make_quote(cls.draft, anonymous_description="an official close to the minister")
        revisions.record_revision(article=cls.draft, user=cls.a)

    def setUp(self):
        sign_in(self.client, self.b)
        self.before = database_state(self.draft)

    def assertNothingLeaked(self, response):
        content = response.content.decode(errors="replace")
        for secret in [
            "Minister secretly sold the island",
            "minister-secretly-sold-island",
            "confidential source",
            "close to the minister",
        ]:
            self.assertNotIn(secret, content)

    def missing_message(self, response):
        return (
            [str(message) for message in response.context["messages"]] if response.context else []
        )

    def test_every_surface_answers_as_for_a_missing_story(self):
        pk = self.draft.pk
        content_type = ContentType.objects.get_for_model(Article)
        urls = {
            "change": reverse("admin:articles_article_change", args=[pk]),
            "history": reverse("admin:articles_article_history", args=[pk]),
            "revisions": reverse("admin:articles_article_revisions", args=[pk]),
            "compare": reverse("admin:articles_article_compare", args=[pk]) + "?from=1&to=1",
            "share": reverse("admin:articles_article_share", args=[pk]),
        }
        random_id = reverse("admin:articles_article_change", args=[999999])
        expected = self.client.get(random_id, follow=True)
        expected_messages = self.missing_message(expected)
        for name, url in urls.items():
            for method in ["get", "post"]:
                with self.subTest(surface=name, method=method):
                    response = getattr(self.client, method)(url, follow=True)
                    self.assertEqual(response.redirect_chain[0][0], reverse("admin:index"))
                    self.assertEqual(
                        [
                            message.replace(str(pk), "999999")
                            for message in self.missing_message(response)
                        ],
                        expected_messages,
                    )
                    self.assertNothingLeaked(response)
        # Journalists delete no story: 403 before the story is looked up, as for any id.
        for url in [
            reverse("admin:articles_article_delete", args=[pk]),
            random_id.replace("change", "delete"),
        ]:
            with self.subTest(surface="delete"):
                self.assertEqual(self.client.post(url, {"post": "yes"}).status_code, 403)
        for url in [
            reverse("admin:articles_article_preview", args=[pk]),
            reverse("admin:view_on_site", args=[content_type.pk, pk]),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                self.assertNothingLeaked(response)
        self.assertEqual(database_state(self.draft), self.before)

    def test_save_as_new_copies_nothing(self):
        """_saveasnew on A's story is refused like any missing story; A's story is unchanged."""
        url = reverse("admin:articles_article_change", args=[self.draft.pk])
        response = self.client.post(url, {"_saveasnew": "1", "headline": "Copy"}, follow=True)
        self.assertNothingLeaked(response)
        self.assertEqual(database_state(self.draft), self.before)

    def test_lists_and_pickers_hide_the_story(self):
        """Changelist, raw-id popup, autocomplete, quote and correction lists omit A's story."""
        autocomplete = reverse("admin:autocomplete")
        pages = [
            reverse("admin:articles_article_changelist") + "?q=island",
            reverse("admin:articles_article_changelist") + "?_to_field=id&_popup=1",
            reverse("admin:quotes_quote_changelist"),
            reverse("admin:articles_correction_changelist"),
            autocomplete
            + "?app_label=articles&model_name=article&field_name=translation_of&term=island",
            autocomplete + "?app_label=quotes&model_name=quote&field_name=article&term=island",
        ]
        for url in pages:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNothingLeaked(response)

    def test_cannot_add_a_quote_to_the_story(self):
        """A quote posted onto A's draft from the quote page is refused."""
        response = self.client.post(
            reverse("admin:quotes_quote_add"),
            {"article": self.draft.pk, "text": "Planted words", "speaker": make_person().pk},
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Quote.objects.filter(text="Planted words").exists())


class UserAdminTests(TestCase):
    """Only superusers manage accounts and roles."""

    @classmethod
    def setUpTestData(cls):
        cls.journalist = make_journalist("reporter")
        cls.editor = make_user("desk", role="Editors")

    def test_staff_cannot_grant_themselves_more(self):
        """A journalist or editor posting is_superuser or groups to the user admin gets 403."""
        editors = Group.objects.get(name="Editors")
        for user in [self.journalist, self.editor]:
            sign_in(self.client, user)
            for target in [self.journalist, self.editor]:
                with self.subTest(user=user.username, target=target.username):
                    response = self.client.post(
                        reverse("admin:auth_user_change", args=[target.pk]),
                        {
                            "username": target.username,
                            "is_staff": "on",
                            "is_superuser": "on",
                            "is_active": "on",
                            "groups": [editors.pk],
                        },
                    )
                    self.assertEqual(response.status_code, 403)
        self.journalist.refresh_from_db()
        self.assertFalse(self.journalist.is_superuser)
        self.assertEqual(
            list(self.journalist.groups.values_list("name", flat=True)), ["Journalists"]
        )


class LoginTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_user("desk", role="Editors", password="a long enough password")

    def test_next_never_leads_off_site(self):
        """After signing in, an off-site ``next`` is ignored."""
        for target in [
            "//evil.tld", "///evil.tld", "http:///evil.tld", "https://evil.tld",
            "\\\\evil.tld", "/\\evil.tld", " //evil.tld", "https://user@evil.tld",
            "javascript:alert(1)",
        ]:  # fmt: skip
            with self.subTest(next=target):
                client = Client()
                response = client.post(
                    reverse("admin:login") + "?next=" + target,
                    {"username": "desk", "password": "a long enough password", "next": target},
                )
                self.assertEqual(response.status_code, 302)
                self.assertEqual(response["Location"], reverse("admin:index"))
                self.assertNotIn("evil", response["Location"])
                self.assertNotIn("javascript", response["Location"])
                self.assertTrue(response["Location"].startswith("/"))
                self.assertFalse(response["Location"].startswith("//"))

    def test_signing_in_rotates_the_session(self):
        client = Client()
        client.get(reverse("admin:login"))
        client.cookies["sessionid"] = "attacker-chosen-session-key"
        client.post(
            reverse("admin:login"), {"username": "desk", "password": "a long enough password"}
        )
        self.assertNotEqual(client.cookies["sessionid"].value, "attacker-chosen-session-key")

    def test_password_reset_by_superuser_ends_sessions(self):
        """A superuser resetting a journalist's password (a seized phone) signs them out."""
        journalist = make_journalist("reporter", password="the old password is long")
        phone = Client()
        sign_in(phone, journalist)
        self.assertEqual(phone.get(reverse("admin:index")).status_code, 200)
        admin = Client()
        sign_in(admin, make_user("root", is_superuser=True))
        response = admin.post(
            reverse("admin:auth_user_password_change", args=[journalist.pk]),
            {
                "password1": "a brand new long password",
                "password2": "a brand new long password",
                "usable_password": "true",
            },
        )
        self.assertEqual(response.status_code, 302)
        response = phone.get(reverse("admin:index"))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("admin:login")))


class CountingHasher(MD5PasswordHasher):
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@override_settings(PASSWORD_HASHERS=["tests.workflow.test_permissions.CountingHasher"])
class LoginEnumerationTests(TestCase):
    """A failed sign-in says the same and costs the same, whoever was tried."""

    @classmethod
    def setUpTestData(cls):
        make_user("active", role="Editors", password="the right password 1")
        make_user("inactive", role="Editors", password="the right password 2", is_active=False)
        nopass = make_user("nopass", role="Editors")
        nopass.set_unusable_password()
        nopass.save()

    def attempt(self, username, password):
        CountingHasher.calls = 0
        response = Client().post(
            reverse("admin:login"), {"username": username, "password": password}
        )
        body = response.content.decode()
        # The CSRF token and CSP nonce differ on every page by design.
        body = re.sub(r'value="[^"]{32,}"', 'value=""', body)
        body = re.sub(r'nonce="[^"]*"', 'nonce=""', body)
        # The form shows back the name that was typed, whoever it names.
        body = body.replace(f'value="{username}"', 'value=""')
        return response.status_code, hashlib.sha256(body.encode()).hexdigest(), CountingHasher.calls

    def test_same_answer_and_one_hash_each(self):
        answers = {
            "missing user": self.attempt("nobody", "whatever password"),
            "wrong password": self.attempt("active", "a wrong password"),
            "inactive user": self.attempt("inactive", "the right password 2"),
            "unusable password": self.attempt("nopass", "whatever password"),
        }
        for case, (status, _body, calls) in answers.items():
            with self.subTest(case=case):
                self.assertEqual(status, 200)
                self.assertEqual(calls, 1)
        self.assertEqual(len({body for _status, body, _calls in answers.values()}), 1)


class CsrfTests(TestCase):
    """Workflow moves need the CSRF token and a POST."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.article = make_ready_article("Court hears land case", status="in_review")

    def test_post_without_token_refused(self):
        client = Client(enforce_csrf_checks=True)
        sign_in(client, self.editor)
        for move in ["publish", "approve", "return", "unpublish"]:
            with self.subTest(move=move):
                response = client.post(
                    reverse("admin:articles_article_move", args=[self.article.pk, move]),
                    {"note": "x"},
                )
                self.assertEqual(response.status_code, 403)
        response = client.post(
            reverse("admin:articles_article_delete", args=[self.article.pk]), {"post": "yes"}
        )
        self.assertEqual(response.status_code, 403)
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, "in_review")

    def test_foreign_origin_refused(self):
        client = Client(enforce_csrf_checks=True)
        sign_in(client, self.editor)
        page = client.get(reverse("admin:articles_article_change", args=[self.article.pk]))
        token = page.cookies["csrftoken"].value
        response = client.post(
            reverse("admin:articles_article_move", args=[self.article.pk, "publish"]),
            {"csrfmiddlewaretoken": token},
            headers={"Origin": "https://evil.tld"},
        )
        self.assertEqual(response.status_code, 403)
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, "in_review")

    def test_get_on_state_changing_urls_is_405(self):
        sign_in(self.client, self.editor)
        urls = [
            reverse("admin:articles_article_move", args=[self.article.pk, move])
            for move in MOVE_FROM
        ] + [
            reverse("admin:articles_article_restore", args=[self.article.pk, 1]),
            reverse("admin:articles_article_presence", args=[self.article.pk]),
            reverse("admin:articles_article_revoke_share", args=[self.article.pk, 1]),
        ]
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 405)
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, "in_review")
        self.assertFalse(Transition.objects.exists())
        self.assertFalse(User.objects.filter(is_superuser=True).exists())
