"""
An editor approves (or publishes, or schedules) a draft of their own in one
step, recorded as such; a journalist cannot, and a journalist whose edit sent
an approved or scheduled story back to review is told so plainly.
"""

import datetime

from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.support.factories import (
    make_journalist,
    make_person,
    make_ready_article,
    make_user,
)
from tests.support.forms import read_form
from tests.support.staff import sign_in
from workflow import errors, roles, services
from workflow.models import Transition


def move_url(article, move):
    return reverse("admin:articles_article_move", args=[article.pk, move])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


class OneStepTestData:
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.author = make_journalist("reporter", name="Sok Chan")
        # The editor's own draft: signed by a freelancer who does not sign in.
        cls.own = make_ready_article("Desk's own story", bylines=[make_person("Chhay Sopheap")])
        cls.journalists = make_ready_article("Reporter's draft", bylines=[cls.author.person])

    def row(self, article):
        return Article.objects.filter(pk=article.pk).values().get()


class OneStepApprovalTests(OneStepTestData, TestCase):
    def test_editor_approves_own_draft_in_one_step(self):
        """One click from draft to approved: one step in the timeline, saying what it was."""
        sign_in(self.client, self.editor)
        response = self.client.post(move_url(self.own, "approve"))
        self.assertRedirects(response, change_url(self.own))
        article = Article.objects.get(pk=self.own.pk)
        self.assertEqual(article.status, Article.Status.APPROVED)
        self.assertEqual(article.approved_by, self.editor)
        self.assertIsNotNone(article.submitted_at)
        step = Transition.objects.get(article=article)
        self.assertEqual((step.from_status, step.to_status), ("draft", "approved"))
        self.assertEqual(
            step.note, "Submitted and approved in one step by an editor, without review."
        )
        self.assertEqual(article.approved_revision.note, step.note)
        page = self.client.get(change_url(article))
        self.assertContains(page, "Submitted and approved in one step by an editor")

    def test_editor_publishes_and_schedules_own_draft(self):
        services.publish(article=self.own, editor=self.editor)
        self.assertTrue(Article.objects.get(pk=self.own.pk).is_live())
        signed = make_person("Desk Editor", user=self.editor)
        other = make_ready_article("Another of the desk's", bylines=[signed])
        later = timezone.now() + datetime.timedelta(hours=3)
        services.schedule(article=other, editor=self.editor, publish_at=later)
        self.assertTrue(Article.objects.get(pk=other.pk).is_scheduled())

    def test_form_offers_it(self):
        sign_in(self.client, self.editor)
        response = self.client.get(change_url(self.own))
        self.assertEqual(
            response.context["workflow"]["moves"], ["submit", "approve", "publish", "schedule"]
        )
        self.assertContains(response, 'id="move-approve"')

    def test_checklist_still_applies(self):
        Article.objects.filter(pk=self.own.pk).update(lead_photo=None)
        before = self.row(self.own)
        with self.assertRaises(errors.WorkflowError) as refused:
            services.approve(article=self.own, editor=self.editor)
        self.assertIn("Choose a lead photo.", refused.exception.messages)
        self.assertEqual(self.row(self.own), before)
        self.assertFalse(Transition.objects.exists())

    def test_not_a_journalists_draft(self):
        """A journalist's draft waits for them to submit it: the editor is refused."""
        before = self.row(self.journalists)
        self.assertEqual(roles.available_moves(self.editor, self.journalists), ["submit"])
        sign_in(self.client, self.editor)
        response = self.client.post(move_url(self.journalists, "approve"), follow=True)
        self.assertContains(response, "A story that is draft cannot be approved.")
        self.assertEqual(self.row(self.journalists), before)

    def test_journalist_cannot(self):
        """A journalist posting approve, publish or schedule on her own draft gets 403."""
        before = self.row(self.journalists)
        sign_in(self.client, self.author)
        for move in ["approve", "publish", "schedule"]:
            with self.subTest(move=move):
                self.assertEqual(
                    self.client.post(move_url(self.journalists, move)).status_code, 403
                )
        self.assertEqual(self.row(self.journalists), before)
        self.assertFalse(Transition.objects.exists())


class BackToReviewWarningTests(OneStepTestData, TestCase):
    """A journalist whose save sent the story back to review is told so, and why."""

    def setUp(self):
        services.submit_for_review(article=self.journalists, user=self.author)

    def post_edit(self, user, **changes):
        sign_in(self.client, user)
        data = read_form(self.client.get(change_url(self.journalists)), "article_form")
        data.update({name: [value] for name, value in changes.items()})
        data["_save"] = ["Save"]
        response = self.client.post(change_url(self.journalists), data)
        return [
            (message.level_tag, str(message)) for message in get_messages(response.wsgi_request)
        ]

    def test_after_approval(self):
        services.approve(article=self.journalists, editor=self.editor)
        shown = self.post_edit(self.author, headline="Reporter's draft, updated")
        self.assertIn(
            (
                "warning",
                "“Reporter's draft, updated” went back to review: it was approved, and a change "
                "after approval needs an editor's approval again. The editors have been told.",
            ),
            shown,
        )
        self.assertEqual(Article.objects.get(pk=self.journalists.pk).status, "in_review")

    def test_after_scheduling(self):
        later = timezone.now() + datetime.timedelta(hours=2)
        services.schedule(article=self.journalists, editor=self.editor, publish_at=later)
        shown = self.post_edit(self.author, standfirst="A new standfirst.")
        self.assertTrue(
            any(
                level == "warning" and "will not go live at its scheduled time" in text
                for level, text in shown
            ),
            shown,
        )

    def test_no_warning_when_nothing_changed_or_an_editor_edits(self):
        services.approve(article=self.journalists, editor=self.editor)
        for user, changes in [(self.author, {}), (self.editor, {"standfirst": "Sharper."})]:
            with self.subTest(user=user.username):
                shown = self.post_edit(user, **changes)
                self.assertEqual([level for level, _text in shown], ["success"])
        self.assertEqual(Article.objects.get(pk=self.journalists.pk).status, "approved")
