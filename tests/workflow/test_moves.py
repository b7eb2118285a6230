"""
The editorial workflow: a story moves draft → in review → (returned | approved,
published now or scheduled) → unpublished; every move is recorded, the
approval checklist guards approval, an approval covers exactly the approved
text, and the right people are told by e-mail.
"""

import datetime
import zoneinfo

import time_machine
from django.core import mail
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, CommentRequest, Correction
from media.models import Photograph
from tests.support.factories import (
    make_article,
    make_journalist,
    make_organization,
    make_person,
    make_photograph,
    make_quote,
    make_ready_article,
    make_section,
    make_user,
    place_photo,
)
from tests.support.forms import read_form
from tests.support.staff import sign_in
from workflow import checklist, editing, errors, revisions, services
from workflow.models import Transition

PHNOM_PENH = zoneinfo.ZoneInfo("Asia/Phnom_Penh")


def phnom_penh(*args):
    return datetime.datetime(*args, tzinfo=PHNOM_PENH)


class WorkflowTestData:
    """An editor, the story's author, another journalist and a story ready for approval."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", email="desk@example.org")
        cls.other_editor = make_user("night", role="Editors", email="night@example.org")
        cls.author = make_journalist("reporter", name="Sok Chan", email="reporter@example.org")
        cls.other = make_journalist("reporter2", name="Keo Dara", email="reporter2@example.org")
        cls.section = make_section("Human rights")
        cls.article = make_ready_article(
            "Court hears land case", bylines=[cls.author.person], section=cls.section
        )

    def refresh(self):
        self.article.refresh_from_db()
        return self.article

    def submit(self):
        services.submit_for_review(article=self.article, user=self.author)


class TransitionTests(WorkflowTestData, TestCase):
    def test_submit_puts_draft_in_review(self):
        """A journalist submits their draft: it is in review, with the time it was submitted."""
        with time_machine.travel(phnom_penh(2026, 5, 4, 10, 0), tick=False):
            step = services.submit_for_review(article=self.article, user=self.author)
        article = self.refresh()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)
        self.assertEqual(article.submitted_at, phnom_penh(2026, 5, 4, 10, 0))
        self.assertEqual((step.from_status, step.to_status), ("draft", "in_review"))
        self.assertQuerySetEqual(Article.objects.in_review(), [article])

    def test_every_move_recorded_as_timeline(self):
        """Each move keeps who made it, when, from which state to which, and the note."""
        moves = [
            (phnom_penh(2026, 5, 4, 9, 0), lambda: self.submit()),
            (
                phnom_penh(2026, 5, 4, 10, 0),
                lambda: services.return_to_draft(
                    article=self.article, editor=self.editor, note="Name the court."
                ),
            ),
            (phnom_penh(2026, 5, 4, 11, 0), lambda: self.submit()),
            (
                phnom_penh(2026, 5, 4, 12, 0),
                lambda: services.schedule(
                    article=self.article,
                    editor=self.editor,
                    publish_at=phnom_penh(2026, 5, 5, 9, 0),
                ),
            ),
            (
                phnom_penh(2026, 5, 6, 8, 0),
                lambda: services.unpublish(
                    article=self.article, editor=self.other_editor, note="Lawyer's letter."
                ),
            ),
        ]
        for moment, move in moves:
            with time_machine.travel(moment, tick=False):
                move()
        timeline = [
            (step.user, step.created_at, step.from_status, step.to_status, step.note)
            for step in Transition.objects.filter(article=self.article)
        ]
        self.assertEqual(
            timeline,
            [
                (self.author, moves[0][0], "draft", "in_review", ""),
                (self.editor, moves[1][0], "in_review", "draft", "Name the court."),
                (self.author, moves[2][0], "draft", "in_review", ""),
                (self.editor, moves[3][0], "in_review", "published", ""),
                (self.other_editor, moves[4][0], "published", "unpublished", "Lawyer's letter."),
            ],
        )
        scheduling = Transition.objects.get(article=self.article, to_status="published")
        self.assertTrue(scheduling.is_scheduling)
        self.assertEqual(scheduling.publish_at, phnom_penh(2026, 5, 5, 9, 0))

    def test_return_needs_a_note(self):
        """An editor returning a draft must say what to change; without a note nothing moves."""
        self.submit()
        for note in ["", "   \n "]:
            with self.subTest(note=note), self.assertRaises(errors.WorkflowError):
                services.return_to_draft(article=self.article, editor=self.editor, note=note)
        self.assertEqual(self.refresh().status, Article.Status.IN_REVIEW)
        self.assertEqual(Transition.objects.filter(article=self.article).count(), 1)

    def test_approve_holds_story_back_from_readers(self):
        """An approved story without a publish time is not published."""
        self.submit()
        services.approve(article=self.article, editor=self.editor)
        article = self.refresh()
        self.assertEqual(article.status, Article.Status.APPROVED)
        self.assertEqual(article.approved_by, self.editor)
        self.assertFalse(Article.objects.published().exists())

    def test_publish_now(self):
        """Approve and publish now: readers see it at once, approved by that editor."""
        self.submit()
        with time_machine.travel(phnom_penh(2026, 5, 4, 15, 0), tick=False):
            services.publish(article=self.article, editor=self.editor)
            self.assertQuerySetEqual(Article.objects.published(), [self.article])
        article = self.refresh()
        self.assertEqual(article.published_at, phnom_penh(2026, 5, 4, 15, 0))
        self.assertEqual(article.approved_by, self.editor)
        self.assertIsNotNone(article.approved_revision)

    def test_schedule_needs_a_future_time(self):
        """A schedule in the past (or none) is refused: publish now instead."""
        self.submit()
        for when in [None, timezone.now() - datetime.timedelta(minutes=1)]:
            with self.subTest(when=when), self.assertRaises(errors.WorkflowError):
                services.schedule(article=self.article, editor=self.editor, publish_at=when)
        self.assertEqual(self.refresh().status, Article.Status.IN_REVIEW)

    def test_unpublish_hides_at_once_and_needs_a_note(self):
        """Unpublishing takes a live story off the site immediately; it needs a reason."""
        self.submit()
        services.publish(article=self.article, editor=self.editor)
        with self.assertRaises(errors.WorkflowError):
            services.unpublish(article=self.article, editor=self.editor, note="")
        self.assertTrue(Article.objects.published().exists())
        services.unpublish(article=self.article, editor=self.editor, note="Legal threat.")
        self.assertFalse(Article.objects.published().exists())
        self.assertEqual(self.refresh().status, Article.Status.UNPUBLISHED)

    def test_journalist_cannot_make_editor_moves(self):
        """A journalist cannot return, approve, publish, schedule or unpublish, even their own."""
        self.submit()
        later = timezone.now() + datetime.timedelta(days=1)
        calls = {
            "return": lambda: services.return_to_draft(
                article=self.article, editor=self.author, note="x"
            ),
            "approve": lambda: services.approve(article=self.article, editor=self.author),
            "publish": lambda: services.publish(article=self.article, editor=self.author),
            "schedule": lambda: services.schedule(
                article=self.article, editor=self.author, publish_at=later
            ),
            "unpublish": lambda: services.unpublish(
                article=self.article, editor=self.author, note="x"
            ),
        }
        for move, call in calls.items():
            with self.subTest(move=move), self.assertRaises(errors.NotAllowed):
                call()
        self.assertEqual(self.refresh().status, Article.Status.IN_REVIEW)
        self.assertEqual(Transition.objects.filter(article=self.article).count(), 1)

    def test_other_journalist_cannot_submit(self):
        """Only a story's own authors (or an editor) submit it."""
        with self.assertRaises(errors.NotAllowed):
            services.submit_for_review(article=self.article, user=self.other)
        self.assertEqual(self.refresh().status, Article.Status.DRAFT)

    def test_moves_from_the_wrong_state_are_refused_with_a_reason(self):
        """Approving a draft or publishing a published story says why, and changes nothing."""
        with self.assertRaisesMessage(errors.WorkflowError, "draft cannot be approved"):
            services.approve(article=self.article, editor=self.editor)
        self.submit()
        services.publish(article=self.article, editor=self.editor)
        with self.assertRaisesMessage(errors.WorkflowError, "already published"):
            services.publish(article=self.article, editor=self.editor)
        self.assertEqual(Transition.objects.filter(to_status="published").count(), 1)

    def test_approval_of_a_changed_story_refused(self):
        """An editor approving the version they read is refused if it changed since."""
        self.submit()
        seen = self.refresh().version
        services.return_to_draft(article=self.article, editor=self.other_editor, note="Fix.")
        self.submit()
        with self.assertRaises(errors.StaleVersion) as caught:
            services.publish(article=self.article, editor=self.editor, expected_version=seen)
        self.assertIn("Sok Chan", caught.exception.message)
        self.assertEqual(self.refresh().status, Article.Status.IN_REVIEW)


class ScheduledStoryTests(WorkflowTestData, TestCase):
    """A scheduled story appears at its time, with no job run: the queryset decides."""

    def setUp(self):
        with time_machine.travel(phnom_penh(2026, 5, 4, 12, 0), tick=False):
            self.submit()
            services.schedule(
                article=self.article, editor=self.editor, publish_at=phnom_penh(2026, 5, 5, 9, 0)
            )

    def test_stored_in_utc(self):
        """09:00 in Phnom Penh is stored as 02:00 UTC."""
        self.assertEqual(
            self.refresh().published_at, datetime.datetime(2026, 5, 5, 2, 0, tzinfo=datetime.UTC)
        )

    def test_hidden_one_second_before_shown_at_its_time(self):
        """At 08:59:59 readers get a 404; from 09:00:00 the story is theirs."""
        url = self.refresh().get_absolute_url()
        with time_machine.travel(phnom_penh(2026, 5, 5, 8, 59, 59), tick=False):
            self.assertFalse(Article.objects.published().exists())
            self.assertTrue(self.article.is_scheduled())
            self.assertEqual(self.client.get(url).status_code, 404)
        with time_machine.travel(phnom_penh(2026, 5, 5, 9, 0, 0), tick=False):
            self.assertQuerySetEqual(Article.objects.published(), [self.article])
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "Court hears land case")
        with time_machine.travel(phnom_penh(2026, 5, 5, 9, 0, 1), tick=False):
            self.assertQuerySetEqual(Article.objects.published(), [self.article])

    def test_scheduled_story_listed_as_scheduled(self):
        """Before its time the story is "Scheduled" in the workspace."""
        with time_machine.travel(phnom_penh(2026, 5, 5, 8, 0), tick=False):
            self.assertQuerySetEqual(Article.objects.scheduled(), [self.article])
            self.assertEqual(self.article.workflow_label(), "Scheduled")


class ChecklistTests(WorkflowTestData, TestCase):
    def test_ready_story_passes(self):
        """A story with everything needed has nothing on its checklist."""
        self.assertEqual(checklist.approval_checklist(self.article), [])

    def test_missing_items_listed_and_approval_refused(self):
        """Every missing item is named; approval is refused with the list and nothing changes."""
        bare = make_article("Bare story", standfirst="", body="", bylines=[])
        services.submit_for_review(article=bare, user=self.editor)
        missing = checklist.approval_checklist(bare)
        self.assertEqual(
            missing,
            [
                "Write a standfirst.",
                "Add a byline.",
                "Choose a section.",
                "Write the body.",
                "Choose a lead photo.",
            ],
        )
        with self.assertRaises(errors.WorkflowError) as caught:
            services.publish(article=bare, editor=self.editor)
        self.assertEqual(caught.exception.messages, missing)
        bare.refresh_from_db()
        self.assertEqual(bare.status, Article.Status.IN_REVIEW)
        self.assertIsNone(bare.approved_by)

    def test_photos_need_alt_text_and_credit(self):
        """The lead photo and every photo in the body need alt text and a credit."""
        uncredited = make_photograph()
        # The photo desk requires both; an imported or older photo may lack them.
        Photograph.objects.filter(pk=uncredited.pk).update(alt_text="", credit_agency="")
        uncredited.refresh_from_db()
        self.article.lead_photo = uncredited
        self.article.save()
        place_photo(self.article, uncredited)
        self.assertEqual(
            checklist.approval_checklist(self.article),
            [
                "Write alt text for the lead photo.",
                "Give a credit for the lead photo.",
                "Write alt text for photo 1 in the body.",
                "Give a credit for photo 1 in the body.",
            ],
        )

    def test_body_markers_need_their_photo_and_quote(self):
        """A [photo N] or [quote N] the story does not have is named."""
        self.article.body = "First paragraph.\n\n[photo 2]\n\n[quote 1]\n\nLast."
        self.article.save()
        self.assertEqual(
            checklist.approval_checklist(self.article),
            [
                "The body places [photo 2], but the story has no photo 2.",
                "The body places [quote 1], but the story has no quote 1.",
            ],
        )
        make_quote(self.article, speaker=make_person("Ny Sokha"))
        self.assertEqual(len(checklist.approval_checklist(self.article)), 1)

    def test_open_request_for_comment_blocks_approval(self):
        """Right of reply: a request still waiting for an answer is on the checklist."""
        ministry = make_organization("Ministry of Land Management")
        request = CommentRequest.objects.create(
            article=self.article,
            organization=ministry,
            requested_at=phnom_penh(2026, 5, 3, 14, 0),
            method=CommentRequest.Method.PHONE,
        )
        self.submit()
        [item] = checklist.approval_checklist(self.article)
        self.assertIn("Ministry of Land Management was asked for comment", item)
        self.assertIn("phone call", item)
        with self.assertRaises(errors.WorkflowError):
            services.publish(article=self.article, editor=self.editor)
        request.outcome = CommentRequest.Outcome.NO_RESPONSE
        request.save()
        services.publish(article=self.article, editor=self.editor)
        self.assertEqual(
            self.article.reply_statements(),
            [
                "Ministry of Land Management did not respond to a request for comment "
                "by the time of publication."
            ],
        )


class ApprovalCoversApprovedTextTests(WorkflowTestData, TestCase):
    """An edit after approval goes back to review: what goes live is what an editor approved."""

    def setUp(self):
        self.submit()
        services.approve(article=self.article, editor=self.editor)

    def post_edit(self, user, **changes):
        sign_in(self.client, user)
        url = reverse("admin:articles_article_change", args=[self.article.pk])
        data = read_form(self.client.get(url), "article_form")
        data.update({name: [value] for name, value in changes.items()})
        data["_save"] = ["Save"]
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, data)

    def test_journalist_edit_sends_story_back_to_review(self):
        """The author's edit of an approved story revokes the approval and tells the editors."""
        mail.outbox.clear()
        response = self.post_edit(self.author, headline="Court hears land case, day two")
        self.assertEqual(response.status_code, 302)
        article = self.refresh()
        self.assertEqual(article.headline, "Court hears land case, day two")
        self.assertEqual(article.status, Article.Status.IN_REVIEW)
        self.assertIsNone(article.approved_by)
        step = Transition.objects.filter(article=article).last()
        self.assertEqual(
            (step.from_status, step.to_status, step.user), ("approved", "in_review", self.author)
        )
        self.assertEqual(
            sorted(message.to[0] for message in mail.outbox),
            ["desk@example.org", "night@example.org"],
        )

    def test_journalist_edit_unschedules(self):
        """Edited before its time, a scheduled story goes back to review and never goes live."""
        later = timezone.now() + datetime.timedelta(hours=2)
        services.schedule(article=self.article, editor=self.editor, publish_at=later)
        self.post_edit(self.author, body="A different body.")
        self.assertEqual(self.refresh().status, Article.Status.IN_REVIEW)
        with time_machine.travel(later + datetime.timedelta(minutes=1)):
            self.assertFalse(Article.objects.published().exists())

    def test_untouched_save_keeps_approval(self):
        """Saving without changing anything keeps the approval."""
        self.post_edit(self.author)
        article = self.refresh()
        self.assertEqual(article.status, Article.Status.APPROVED)
        self.assertEqual(article.approved_by, self.editor)

    def test_editor_edit_is_approved_by_that_editor(self):
        """An editor's own edit of an approved story keeps it approved, now by them."""
        self.post_edit(self.other_editor, standfirst="A sharper standfirst.")
        article = self.refresh()
        self.assertEqual(article.status, Article.Status.APPROVED)
        self.assertEqual(article.approved_by, self.other_editor)
        self.assertEqual(article.approved_revision.content["standfirst"], "A sharper standfirst.")

    def test_published_text_is_the_approved_text(self):
        """The live story's content is exactly its approved revision."""
        services.publish(article=self.article, editor=self.editor)
        article = self.refresh()
        self.assertTrue(
            revisions.same_content(article.approved_revision.content, revisions.snapshot(article))
        )


class NotificationTests(WorkflowTestData, TestCase):
    """E-mails go to the section's editors on submission and to the authors after; nobody else."""

    def run_move(self, move):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            move()
        return sorted(address for message in mail.outbox for address in message.to)

    def test_submission_tells_the_section_editors(self):
        """With section editors set, only they hear of a submission."""
        self.section.editors.add(self.other_editor)
        self.assertEqual(self.run_move(self.submit), ["night@example.org"])
        self.assertIn("For review: Court hears land case", mail.outbox[0].subject)
        self.assertIn(
            reverse("admin:articles_article_change", args=[self.article.pk]), mail.outbox[0].body
        )

    def test_submission_without_section_editors_tells_every_editor(self):
        """With none set, every active editor with an address hears of it, each alone."""
        make_user("retired", role="Editors", email="retired@example.org", is_active=False)
        self.assertEqual(self.run_move(self.submit), ["desk@example.org", "night@example.org"])
        self.assertTrue(all(len(message.to) == 1 for message in mail.outbox))

    def test_authors_hear_of_return_approval_and_publication(self):
        """Returned, approved and published: the byline's authors are told, nobody else."""
        co_author = make_journalist("coauthor", email="co@example.org")
        self.article.bylines.create(person=co_author.person, position=1)
        self.submit()
        expected = ["co@example.org", "reporter@example.org"]
        returned = self.run_move(
            lambda: services.return_to_draft(
                article=self.article, editor=self.editor, note="Add the date of the hearing."
            )
        )
        self.assertEqual(returned, expected)
        self.assertIn("Add the date of the hearing.", mail.outbox[0].body)
        self.submit()
        approved = self.run_move(lambda: services.approve(article=self.article, editor=self.editor))
        self.assertEqual(approved, expected)
        published = self.run_move(
            lambda: services.publish(article=self.article, editor=self.editor)
        )
        self.assertEqual(published, expected)
        self.assertIn("Published: Court hears land case", mail.outbox[0].subject)

    def test_unpublishing_tells_nobody(self):
        self.submit()
        services.publish(article=self.article, editor=self.editor)
        moved = self.run_move(
            lambda: services.unpublish(article=self.article, editor=self.editor, note="Legal.")
        )
        self.assertEqual(moved, [])

    def test_no_mail_when_the_move_is_rolled_back(self):
        """Mail goes after the move is saved: a move that fails sends nothing."""
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True), self.assertRaises(errors.NotAllowed):
            services.submit_for_review(article=self.article, user=self.other)
        self.assertEqual(mail.outbox, [])

    @override_settings(
        MAILERS={
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
            }
        }
    )
    def test_mail_server_down_does_not_undo_the_move(self):
        """With the mail server unreachable the move stands and the failure is logged."""
        with (
            self.assertLogs("workflow.tasks", "ERROR") as logs,
            self.captureOnCommitCallbacks(execute=True),
        ):
            self.submit()
        self.assertIn("could not be sent", logs.output[0])
        self.assertEqual(self.refresh().status, Article.Status.IN_REVIEW)


class CorrectionTests(WorkflowTestData, TestCase):
    def setUp(self):
        self.submit()
        with time_machine.travel(phnom_penh(2026, 5, 4, 9, 0), tick=False):
            services.publish(article=self.article, editor=self.editor)

    def test_correction_is_dated_and_updates_the_story(self):
        """A correction is dated, kept with its issuer, and the story's updated time changes."""
        with time_machine.travel(phnom_penh(2026, 5, 6, 14, 30), tick=False):
            correction = editing.add_correction(
                article=self.article,
                editor=self.editor,
                kind=Correction.Kind.CLARIFICATION,
                text="The hearing was adjourned, not cancelled.",
            )
        article = self.refresh()
        self.assertEqual(correction.published_at, phnom_penh(2026, 5, 6, 14, 30))
        self.assertEqual(correction.created_by, self.editor)
        self.assertEqual(article.updated_at, phnom_penh(2026, 5, 6, 14, 30))
        self.assertEqual(article.status, Article.Status.PUBLISHED)

    def test_misattributed_quote_moves_to_the_right_person(self):
        """Fixing a misattribution moves the quote and records who it was given to."""
        wrong, right = make_person("Ny Sokha"), make_person("Ny Malin")
        quote = make_quote(self.article, speaker=wrong, text="We will not give up our land")
        correction = editing.add_correction(
            article=self.article,
            editor=self.editor,
            kind=Correction.Kind.CORRECTION,
            text="An earlier version attributed a quote to Ny Sokha; Ny Malin said it.",
            quote=quote,
            corrected_speaker=right,
        )
        quote.refresh_from_db()
        self.assertEqual(quote.speaker, right)
        self.assertEqual(correction.previous_attribution, "Ny Sokha")
        self.assertEqual(
            self.refresh().approved_revision.content["quotes"][0]["speaker"]["label"], "Ny Malin"
        )

    def test_correction_refused_on_unpublished_story(self):
        services.unpublish(article=self.article, editor=self.editor, note="Legal.")
        with self.assertRaises(errors.WorkflowError):
            editing.add_correction(
                article=self.article, editor=self.editor, kind="correction", text="Fix."
            )
        self.assertFalse(Correction.objects.exists())

    def test_journalist_cannot_issue_corrections(self):
        with self.assertRaises(errors.NotAllowed):
            editing.add_correction(
                article=self.article, editor=self.author, kind="correction", text="Fix."
            )
        self.assertFalse(Correction.objects.exists())

    def test_quote_from_another_story_refused(self):
        other_story = make_article("Another story")
        quote = make_quote(other_story)
        with self.assertRaises(errors.WorkflowError):
            editing.add_correction(
                article=self.article,
                editor=self.editor,
                kind="correction",
                text="Fix.",
                quote=quote,
                corrected_speaker=make_person(),
            )
        self.assertFalse(Correction.objects.exists())


class CorrectionPageTests(WorkflowTestData, TestCase):
    """Readers find every correction on the story and on the corrections page."""

    def setUp(self):
        cache.clear()
        self.submit()
        services.publish(article=self.article, editor=self.editor)
        self.correction = editing.add_correction(
            article=self.article,
            editor=self.editor,
            kind=Correction.Kind.RETRACTION,
            text="We withdraw the claim that the company forged the land titles.",
        )

    def test_story_and_corrections_page_show_it(self):
        story = self.client.get(self.refresh().get_absolute_url())
        self.assertContains(story, "We withdraw the claim")
        self.assertContains(story, "Retraction")
        page = self.client.get(reverse("reader:correction_list"))
        self.assertContains(page, "We withdraw the claim")
        self.assertContains(page, self.article.get_absolute_url())

    def test_corrections_of_unpublished_stories_are_not_shown(self):
        services.unpublish(article=self.article, editor=self.editor, note="Legal.")
        Correction.objects.create(
            article=make_article("A draft"), text="A draft's correction, made in the shell."
        )
        page = self.client.get(reverse("reader:correction_list"))
        self.assertNotContains(page, "We withdraw the claim")
        self.assertNotContains(page, "made in the shell")
        self.assertEqual(Correction.objects.public().count(), 0)

    def test_corrections_page_query_count(self):
        """
        Four queries however many corrections: their count, the page of them
        with their stories, the site's section menu, and how long the page
        may be kept (the next scheduled story).
        """
        for index in range(3):
            editing.add_correction(
                article=self.article, editor=self.editor, kind="correction", text=f"Fix {index}."
            )
        with self.assertNumQueries(4):
            self.client.get(reverse("reader:correction_list"))
