"""
Editors approve, schedule and unpublish several stories at once from the
story list; each story is moved by the same service as on its own page and
checked alike, and the editor is told what moved and what was refused, and
why. Journalists do not get these actions.
"""

import datetime
import zoneinfo

from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.support.factories import (
    make_article,
    make_journalist,
    make_published_article,
    make_ready_article,
    make_user,
)
from tests.support.staff import sign_in
from workflow.models import Transition

PHNOM_PENH = zoneinfo.ZoneInfo("Asia/Phnom_Penh")
CHANGELIST = reverse("admin:articles_article_changelist")


class BulkTestData:
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.author = make_journalist("reporter", name="Sok Chan")
        signed = [cls.author.person]
        cls.ready = make_ready_article("Ready one", bylines=signed, status="in_review")
        cls.ready_too = make_ready_article("Ready two", bylines=signed, status="in_review")
        cls.no_photo = make_ready_article(
            "No lead photo", bylines=signed, status="in_review", lead_photo=None
        )
        cls.draft = make_ready_article("Still a draft", bylines=signed)
        cls.live = make_published_article("Live story", bylines=signed)

    def rows(self, *stories):
        return list(Article.objects.filter(pk__in=[s.pk for s in stories]).order_by("pk").values())

    def ask(self, action, stories):
        """The confirmation page, as the story list's action button opens it."""
        return self.client.post(
            CHANGELIST,
            {"action": action, "index": 0, "_selected_action": [story.pk for story in stories]},
        )

    def confirm(self, action, stories, **data):
        """Confirm on that page: the stories with the versions it showed."""
        data = {
            "action": action,
            "confirm": "yes",
            "_selected_action": [story.pk for story in stories],
            **{f"version-{story.pk}": story.version for story in stories},
            **data,
        }
        response = self.client.post(CHANGELIST, data)
        return response, [
            (message.level_tag, str(message)) for message in get_messages(response.wsgi_request)
        ]


class BulkApproveTests(BulkTestData, TestCase):
    def setUp(self):
        sign_in(self.client, self.editor)

    def test_page_lists_the_stories_first(self):
        before = self.rows(self.ready, self.draft)
        response = self.ask("approve_selected", [self.ready, self.draft])
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Approve these stories")
        self.assertContains(response, "Ready one")
        self.assertContains(
            response, f'name="version-{self.ready.pk}" value="{self.ready.version}"'
        )
        self.assertEqual(self.rows(self.ready, self.draft), before)

    def test_each_checked_as_if_alone(self):
        """Ready stories are approved; a draft and an incomplete story are refused, saying why."""
        stories = [self.ready, self.ready_too, self.no_photo, self.draft]
        refused_before = self.rows(self.no_photo, self.draft)
        response, shown = self.confirm("approve_selected", stories)
        self.assertRedirects(response, CHANGELIST)
        self.assertEqual(
            shown,
            [
                ("success", "2 of 4 stories approved."),
                ("success", "“Ready one” is now approved."),
                ("success", "“Ready two” is now approved."),
                (
                    "error",
                    "“No lead photo”: The story cannot be approved yet. It still needs: "
                    "Choose a lead photo.",
                ),
                ("error", "“Still a draft”: A story that is draft cannot be approved."),
            ],
        )
        for story in (self.ready, self.ready_too):
            article = Article.objects.get(pk=story.pk)
            self.assertEqual((article.status, article.approved_by), ("approved", self.editor))
        self.assertEqual(self.rows(self.no_photo, self.draft), refused_before)
        self.assertEqual(Transition.objects.count(), 2)

    def test_a_story_changed_since_the_page_is_refused(self):
        """Saved by someone after the page was shown: refused, as on the story's own page."""
        Article.objects.filter(pk=self.ready.pk).update(version=self.ready.version + 1)
        before = self.rows(self.ready)
        _response, shown = self.confirm("approve_selected", [self.ready])
        self.assertIn("after you opened it", shown[-1][1])
        self.assertEqual(shown[0], ("warning", "0 of 1 story approved."))
        self.assertEqual(self.rows(self.ready), before)

    def test_a_page_without_versions_is_refused(self):
        before = self.rows(self.ready)
        response = self.client.post(
            CHANGELIST,
            {
                "action": "approve_selected",
                "confirm": "yes",
                "_selected_action": [self.ready.pk],
                f"version-{self.ready.pk}": "12abc",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.rows(self.ready), before)


class BulkScheduleTests(BulkTestData, TestCase):
    def setUp(self):
        sign_in(self.client, self.editor)

    def test_schedules_in_phnom_penh_time(self):
        when = timezone.localtime(timezone.now() + datetime.timedelta(days=1), PHNOM_PENH)
        when = when.replace(hour=9, minute=0, second=0, microsecond=0)
        _response, shown = self.confirm(
            "schedule_selected",
            [self.ready, self.live],
            publish_at=when.strftime("%Y-%m-%dT%H:%M"),
        )
        article = Article.objects.get(pk=self.ready.pk)
        self.assertTrue(article.is_scheduled())
        self.assertEqual(article.published_at, when)
        self.assertEqual(article.published_at.astimezone(datetime.UTC).hour, 2)
        self.assertIn(("success", "1 of 2 stories scheduled."), shown)
        self.assertIn(("error", "“Live story”: This story is already published."), shown)

    def test_time_is_asked_and_checked_first(self):
        """No time, a past time or nonsense: the page again with the error, nothing moved."""
        before = self.rows(self.ready)
        past = timezone.localtime() - datetime.timedelta(hours=1)
        for value, error in [
            ("", "This field is required."),
            (past.strftime("%Y-%m-%dT%H:%M"), "Choose a publish time in the future"),
            ("tomorrow", "Enter a valid date/time."),
        ]:
            with self.subTest(value=value):
                response, _shown = self.confirm("schedule_selected", [self.ready], publish_at=value)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, error)
        self.assertEqual(self.rows(self.ready), before)


class BulkUnpublishTests(BulkTestData, TestCase):
    def setUp(self):
        sign_in(self.client, self.editor)

    def test_unpublishes_with_the_note(self):
        _response, shown = self.confirm(
            "unpublish_selected", [self.live, self.draft], note="A legal complaint."
        )
        self.assertEqual(Article.objects.get(pk=self.live.pk).status, "unpublished")
        step = Transition.objects.get(article=self.live)
        self.assertEqual((step.note, step.user), ("A legal complaint.", self.editor))
        self.assertIn(("success", "1 of 2 stories unpublished."), shown)
        self.assertEqual(Article.objects.get(pk=self.draft.pk).status, "draft")

    def test_note_is_required(self):
        response, _shown = self.confirm("unpublish_selected", [self.live], note="  ")
        self.assertContains(response, "This field is required.")
        self.assertEqual(Article.objects.get(pk=self.live.pk).status, "published")


class JournalistRefusedTests(BulkTestData, TestCase):
    """A journalist gets none of the actions; posting one changes nothing."""

    def setUp(self):
        sign_in(self.client, self.author)

    def test_actions_not_offered(self):
        response = self.client.get(CHANGELIST)
        choices = [
            value for value, _label in response.context["action_form"].fields["action"].choices
        ]
        for action in ["approve_selected", "schedule_selected", "unpublish_selected"]:
            self.assertNotIn(action, choices)

    def test_crafted_posts_refused(self):
        own_draft = make_article("Her own", bylines=[self.author.person])
        stories = [self.ready, self.live, own_draft]
        before = self.rows(*stories)
        later = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
        for action in ["approve_selected", "schedule_selected", "unpublish_selected"]:
            with self.subTest(action=action):
                response, shown = self.confirm(action, stories, publish_at=later, note="x")
                self.assertEqual(response.status_code, 302)
                self.assertEqual(set(shown), {("warning", "No action selected.")})
                response = self.ask(action, stories)
                self.assertEqual(response.status_code, 302)
        self.assertEqual(self.rows(*stories), before)
        self.assertFalse(Transition.objects.exists())
