"""
The editorial workflow's moves: a story goes draft → in review → returned to
draft (with a note) or approved, published now or scheduled; a published story
can be taken down; editors issue corrections. Every function takes keyword
arguments only, is called alike from the workspace, commands and tests, and
changes nothing when it refuses (``workflow.errors``).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import (
    Article,
)

from .checklist import approval_checklist, protected_names_in
from .errors import NotAllowed, WorkflowError
from .revisions import record_revision
from .roles import may_move, starts_from, state_of
from .share_links import end_share_links
from .transitions import copy_stored_fields, lock_story, record_move


def _check_move(*, article, user, move, now=None):
    if not may_move(user, article, move):
        raise NotAllowed(_("You are not allowed to do this to this story."))
    if starts_from(user, article, move, now=now):
        return
    state = state_of(article, now=now)
    if state == Article.Status.PUBLISHED and move in {"publish", "schedule", "approve"}:
        raise WorkflowError(_("This story is already published."))
    if state == Article.Status.IN_REVIEW and move == "submit":
        raise WorkflowError(_("This story is already in review."))
    raise WorkflowError(
        _("A story that is %(state)s cannot be %(move)s.")
        % {"state": article.workflow_label(now=now).lower(), "move": MOVE_PAST[move]}
    )


MOVE_PAST = {
    "submit": gettext_lazy("submitted for review"),
    "return": gettext_lazy("returned to draft"),
    "approve": gettext_lazy("approved"),
    "publish": gettext_lazy("published"),
    "schedule": gettext_lazy("scheduled"),
    "unpublish": gettext_lazy("unpublished"),
}


ONE_STEP_NOTE = gettext_lazy("Submitted and approved in one step by an editor, without review.")


def submit_for_review(*, article, user):
    """A draft goes to the review queue; the section's editors are told."""
    with transaction.atomic():
        current = lock_story(article)
        _check_move(article=current, user=user, move="submit")
        record_revision(article=current, user=user)
        step = record_move(
            article=current,
            user=user,
            to=Article.Status.IN_REVIEW,
            changes={"submitted_at": timezone.now()},
            notify="submitted",
        )
    copy_stored_fields(article, current)
    return step


def return_to_draft(*, article, editor, note):
    """An editor sends the story back to its authors with a note saying what to fix."""
    note = (note or "").strip()
    with transaction.atomic():
        current = lock_story(article)
        _check_move(article=current, user=editor, move="return")
        if not note:
            raise WorkflowError(_("Write a note telling the authors what to change."))
        step = record_move(
            article=current,
            user=editor,
            to=Article.Status.DRAFT,
            note=note,
            changes={"approved_by": None, "approved_at": None, "submitted_at": None},
            notify="returned",
        )
    copy_stored_fields(article, current)
    return step


def approve(*, article, editor, publish_at=None, expected_version=None, note=""):
    """
    An editor approves the story as it is now, once the checklist is complete.
    Without ``publish_at`` it waits, approved; with one it is published at
    that time (now or later: readers see it from then, no job needed). An
    editor's own draft is submitted and approved in one step, recorded as such.
    """
    with transaction.atomic():
        current = lock_story(article, expected_version)
        # The time is read once the row is locked: a move that waited for
        # another must see that one's publish time as past.
        now = timezone.now()
        move = "approve" if publish_at is None else ("publish" if publish_at <= now else "schedule")
        _check_move(article=current, user=editor, move=move, now=now)
        missing = approval_checklist(current)
        if missing:
            raise WorkflowError(
                _("The story cannot be approved yet. It still needs:"), messages=missing
            )
        named = protected_names_in(current, editor)
        if named:
            raise WorkflowError(
                _("The story cannot go out: it names a protected source."), messages=named
            )
        changes = {"approved_by": editor, "approved_at": now}
        if current.status == Article.Status.DRAFT:
            note = note or str(ONE_STEP_NOTE)
            changes["submitted_at"] = now
        revision = record_revision(article=current, user=editor, note=note)
        changes["approved_revision"] = revision
        if publish_at is None:
            to, notify = Article.Status.APPROVED, "approved"
        else:
            to, notify = Article.Status.PUBLISHED, "published"
            changes["published_at"] = max(publish_at, now) if move == "publish" else publish_at
        step = record_move(
            article=current,
            user=editor,
            to=to,
            note=note,
            publish_at=changes.get("published_at"),
            changes=changes,
            notify=notify,
        )
        if to == Article.Status.PUBLISHED:
            end_share_links(article=current, at=current.published_at, editor=editor)
    copy_stored_fields(article, current)
    return step


def publish(*, article, editor, expected_version=None):
    """Approve and publish now."""
    return approve(
        article=article,
        editor=editor,
        publish_at=timezone.now(),
        expected_version=expected_version,
    )


def check_publish_time(publish_at):
    """Refuse a publish time that has passed: a story is scheduled for a time to come."""
    if publish_at is None or publish_at <= timezone.now():
        raise WorkflowError(_("Choose a publish time in the future, or publish now."))


def schedule(*, article, editor, publish_at, expected_version=None):
    """Approve for a publish time to come; readers see the story from that time."""
    check_publish_time(publish_at)
    return approve(
        article=article, editor=editor, publish_at=publish_at, expected_version=expected_version
    )


def unpublish(*, article, editor, note, expected_version=None):
    """Take a published (or scheduled) story off the site at once, saying why."""
    note = (note or "").strip()
    with transaction.atomic():
        current = lock_story(article, expected_version)
        _check_move(article=current, user=editor, move="unpublish")
        if not note:
            raise WorkflowError(_("Write a note saying why the story is taken down."))
        step = record_move(article=current, user=editor, to=Article.Status.UNPUBLISHED, note=note)
    copy_stored_fields(article, current)
    return step


def make_move(*, move, article, user, note="", publish_at=None, expected_version=None):
    """
    The workflow move named ``move`` (a key of ``roles.MOVES``), made by
    ``user``, with what the move takes: a note to return or unpublish, a
    publish time to schedule, the version the user saw.
    """
    if move == "submit":
        return submit_for_review(article=article, user=user)
    if move == "return":
        return return_to_draft(article=article, editor=user, note=note)
    if move == "approve":
        return approve(article=article, editor=user, expected_version=expected_version)
    if move == "publish":
        return publish(article=article, editor=user, expected_version=expected_version)
    if move == "schedule":
        return schedule(
            article=article, editor=user, publish_at=publish_at, expected_version=expected_version
        )
    return unpublish(article=article, editor=user, note=note, expected_version=expected_version)
