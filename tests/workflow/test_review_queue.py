"""
The review queue says what changed since an editor last judged a story:
since they returned it, or since it was approved. Right of reply is part of a
story's revisions, so it is in those changes with the photos and quotes.
"""

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import CommentRequest
from tests.support.factories import (
    make_journalist,
    make_organization,
    make_person,
    make_photograph,
    make_quote,
    make_ready_article,
    make_user,
    place_photo,
)
from tests.support.staff import sign_in
from workflow import diffs, editing, revisions, services
from workflow.models import Revision

QUEUE = reverse("admin:articles_article_review")


def compare_url(article, old, new):
    url = reverse("admin:articles_article_compare", args=[article.pk])
    return f"{url}?from={old}&amp;to={new}"


class QueueTestData:
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.night = make_user("night", role="Editors")
        cls.author = make_journalist("reporter", name="Sok Chan")
        cls.ministry = make_organization("Ministry of Land Management")
        cls.article = make_ready_article("Farmers refuse to leave", bylines=[cls.author.person])

    def submit(self):
        services.submit_for_review(article=self.article, user=self.author)

    def return_it(self, editor=None):
        services.return_to_draft(
            article=self.article, editor=editor or self.editor, note="Ask the ministry."
        )

    def latest_number(self):
        return revisions.latest_revision(self.article).number


class RightOfReplyRevisionTests(QueueTestData, TestCase):
    def test_a_request_and_its_answer_are_kept_and_compared(self):
        """Asking for comment, then recording the answer: each a revision, each in the diff."""
        before = editing.record_edit(article=self.article, user=self.author)
        request = CommentRequest.objects.create(
            article=self.article, organization=self.ministry, requested_at=timezone.now()
        )
        asked = editing.part_saved(article=self.article, user=self.author)
        self.assertGreater(asked.number, before.number)
        request.outcome, request.answer = "answered", "The land belongs to the state."
        request.save()
        answered = editing.part_saved(article=self.article, user=self.author)
        self.assertGreater(answered.number, asked.number)
        self.assertEqual(answered.content["comment_requests"][0]["outcome"], "answered")
        changes = diffs.changes_seen_by(self.editor, asked.content, answered.content)
        self.assertEqual([str(change["title"]) for change in changes], ["Right of reply"])
        [row] = changes[0]["rows"]
        self.assertEqual(row["op"], "changed")
        text = "".join(text for op, text in row["segments"] if op != "removed")
        self.assertIn("Ministry of Land Management, asked on", text)
        self.assertIn("Answered. “The land belongs to the state.”", text)

    def test_a_journalists_answer_after_approval_needs_approval_again(self):
        """What readers are told of the right of reply is part of what an editor approved."""
        request = CommentRequest.objects.create(
            article=self.article, person=make_person("Chea Sophal"), outcome="declined"
        )
        self.submit()
        services.approve(article=self.article, editor=self.editor)
        request.outcome = "no_response"
        request.save()
        editing.part_saved(article=self.article, user=self.author)
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, "in_review")

    def test_restoring_an_older_text_keeps_the_requests(self):
        """What was asked and answered stays recorded when an older text comes back."""
        older = editing.record_edit(article=self.article, user=self.author)
        CommentRequest.objects.create(
            article=self.article, organization=self.ministry, outcome="declined"
        )
        editing.part_saved(article=self.article, user=self.author)
        restored = editing.restore_revision(article=self.article, revision=older, user=self.editor)
        self.assertEqual(self.article.comment_requests.get().outcome, "declined")
        self.assertEqual(len(restored.content["comment_requests"]), 1)

    def test_revision_from_before_is_no_change(self):
        """A revision kept before right of reply was versioned matches the same story now."""
        revision = editing.record_edit(article=self.article, user=self.author)
        old = {key: value for key, value in revision.content.items() if key != "comment_requests"}
        Revision.objects.filter(pk=revision.pk).update(content=old)
        self.assertTrue(revisions.same_content(old, revisions.snapshot(self.article)))


class QueueTests(QueueTestData, TestCase):
    def setUp(self):
        sign_in(self.client, self.editor)

    def test_new_story(self):
        self.submit()
        response = self.client.get(QUEUE)
        self.assertContains(response, "New story: revisions")

    def test_changes_since_you_returned_it(self):
        """Returned, changed (photo, quote, right of reply) and resubmitted: not a new story."""
        self.submit()
        self.return_it()
        returned = self.latest_number()
        place_photo(self.article, make_photograph(caption="The ministry's gate, May 2, 2026."))
        make_quote(self.article, speaker=make_person("Ny Sokha"), text="We will not leave")
        CommentRequest.objects.create(
            article=self.article, organization=self.ministry, outcome="declined"
        )
        editing.part_saved(article=self.article, user=self.author)
        self.submit()
        response = self.client.get(QUEUE)
        self.assertNotContains(response, "New story")
        self.assertContains(response, "Changes since you returned it")
        self.assertContains(response, compare_url(self.article, returned, self.latest_number()))
        compared = self.client.get(
            compare_url(self.article, returned, self.latest_number()).replace("&amp;", "&")
        )
        titles = [str(change["title"]) for change in compared.context["changes"]]
        self.assertEqual(titles, ["Photos in the body", "Quotes", "Right of reply"])
        self.assertContains(compared, "Ministry of Land Management, asked on")

    def test_another_editor_sees_it_was_returned(self):
        self.submit()
        self.return_it(editor=self.night)
        self.article.refresh_from_db()
        self.article.standfirst = "A new standfirst."
        self.article.save()
        editing.record_edit(article=self.article, user=self.author)
        self.submit()
        response = self.client.get(QUEUE)
        self.assertContains(response, "Changes since it was returned")

    def test_nothing_changed_since_the_return(self):
        self.submit()
        self.return_it()
        self.submit()
        response = self.client.get(QUEUE)
        self.assertContains(response, "No change since you returned it")
        self.assertNotContains(response, "New story")

    def test_changes_since_approval(self):
        self.submit()
        services.approve(article=self.article, editor=self.editor)
        approved = self.latest_number()
        self.article.refresh_from_db()
        self.article.headline = "Farmers refuse to leave the land"
        self.article.save()
        editing.record_edit(article=self.article, user=self.author)
        response = self.client.get(QUEUE)
        self.assertContains(response, "Changes since approval")
        self.assertContains(response, compare_url(self.article, approved, self.latest_number()))

    def test_query_count(self):
        """
        Eight queries however many stories wait, each with its last verdict:
        session, its staff session check, user, the second factor that
        verified the session, the editor's permissions (2), the stories with their
        latest revision and last return or approval (subqueries of one
        query), their bylines and their people.
        """
        self.submit()
        self.return_it()
        self.submit()
        for number in range(3):
            story = make_ready_article(f"Waiting {number}", bylines=[self.author.person])
            services.submit_for_review(article=story, user=self.author)
        self.client.get(QUEUE)
        with self.assertNumQueries(9):
            response = self.client.get(QUEUE)
        self.assertEqual(len(response.context["rows"]), 4)


class QueueRefusedTests(QueueTestData, TestCase):
    def test_journalist_gets_403(self):
        sign_in(self.client, self.author)
        self.assertEqual(self.client.get(QUEUE).status_code, 403)
