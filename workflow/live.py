"""
The live desk: who covers a story live, and the one way its updates are
posted, revised, corrected and taken down. Editors start and end coverage
and assign journalists to it; an editor or an assigned journalist posts
updates, each checked as a story is before it goes out
(``checklist.update_problems``), each save kept as a revision of the update.
An update reaches readers as soon as it is saved on a story they can read;
on a story that is not published it waits with the story.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from articles.models import LiveCoverage, LiveUpdate
from audit.log import record
from audit.models import Action
from quotes.models import Quote

from . import checklist, editing
from .errors import NotAllowed, StaleVersion, WorkflowError
from .models import LiveUpdateRevision
from .revisions import photo_ref, quote_content
from .roles import display_name, is_editor
from .transitions import lock_story


def is_assigned(user, coverage):
    """Whether an editor assigned ``user`` to ``coverage`` (remembered on it per user)."""
    known = coverage.__dict__.setdefault("_assigned_known", {})
    if user.pk not in known:
        known[user.pk] = coverage.reporters.filter(pk=user.pk).exists()
    return known[user.pk]


def may_use_desk(user, coverage):
    """Editors, and the journalists assigned to this story's coverage."""
    if not (user.is_active and user.is_staff):
        return False
    return is_editor(user) or is_assigned(user, coverage)


def may_revise(user, update, coverage):
    """Editors revise any update; a journalist their own, while assigned to the story."""
    if is_editor(user):
        return True
    return update.author_id == user.pk and may_use_desk(user, coverage)


def _validation_messages(error):
    return [message for messages in error.message_dict.values() for message in messages]


def start_coverage(*, article, editor, started_at=None, reporters=(), key_points=""):
    """Mark ``article`` as covered live from ``started_at`` (now), with who may post."""
    if not is_editor(editor):
        raise NotAllowed(_("Only editors start live coverage."))
    if LiveCoverage.objects.filter(article=article).exists():
        raise WorkflowError(_("This story is covered live already."))
    coverage = LiveCoverage(
        article=article, started_at=started_at or timezone.now(), key_points=key_points.strip()
    )
    return _save_coverage(coverage, reporters)


def update_coverage(*, coverage, editor, started_at, ended_at, reporters, key_points):
    """Change when ``coverage`` runs, who may post and its key points."""
    if not is_editor(editor):
        raise NotAllowed(_("Only editors change live coverage."))
    coverage.started_at, coverage.ended_at = started_at, ended_at
    coverage.key_points = key_points.strip()
    return _save_coverage(coverage, reporters)


def end_coverage(*, coverage, editor, ended_at=None):
    """End the coverage now (or at ``ended_at``): no more updates are posted."""
    if not is_editor(editor):
        raise NotAllowed(_("Only editors end live coverage."))
    if coverage.ended_at is not None and coverage.ended_at <= timezone.now():
        raise WorkflowError(
            _("The live coverage of “%(story)s” has ended already.") % {"story": coverage.article}
        )
    coverage.ended_at = max(ended_at or timezone.now(), coverage.started_at)
    coverage.save()
    return coverage


def _save_coverage(coverage, reporters):
    try:
        coverage.full_clean(exclude=["article"])
    except ValidationError as error:
        raise WorkflowError(
            _("The live coverage was not saved."), messages=_validation_messages(error)
        ) from None
    with transaction.atomic():
        coverage.save()
        coverage.reporters.set(reporters)
    return coverage


def coverage_state(coverage, *, now=None):
    """The coverage as the desk says it: on since, to start at, or ended."""
    now = now or timezone.now()

    def when(moment):
        return date_format(timezone.localtime(moment), "DATETIME_FORMAT")

    if coverage.ended_at is not None and coverage.ended_at <= now:
        return _("Ended %(when)s") % {"when": when(coverage.ended_at)}
    if coverage.started_at > now:
        return _("Starts %(when)s") % {"when": when(coverage.started_at)}
    return _("Live since %(when)s") % {"when": when(coverage.started_at)}


def coverage_of(article):
    coverage = LiveCoverage.objects.filter(article=article).first()
    if coverage is None:
        raise WorkflowError(_("This story is not covered live."))
    return coverage


def post_update(*, article, user, body, title="", photo=None, quotes=()):
    """
    Post an update to ``article``'s live coverage, with ``quotes`` (unsaved
    Quote rows of its words). Refused, with what to fix, when a check fails.
    """
    coverage = coverage_of(article)
    if not may_use_desk(user, coverage):
        raise NotAllowed(_("Only editors and the journalists assigned to this story post to it."))
    now = timezone.now()
    if not coverage.is_ongoing(now=now):
        raise WorkflowError(_("The live coverage of this story is not on now: nothing was posted."))
    update = LiveUpdate(article=article, author=user, posted_at=now, title=title, body=body)
    update.photo = photo
    _check(update, quotes, user, _("The update was not posted."))
    with transaction.atomic():
        update.save()
        _save_quotes(update, quotes)
        record_update_revision(update=update, user=user, note=_("Posted"))
    return update


def revise_update(*, update, user, body, title="", photo=None, quotes=(), deleted_quotes=(),
                  expected_version=None):  # fmt: skip
    """
    Save a new text of ``update``. A form opened at ``expected_version``
    cannot save over someone else's later save (``StaleVersion``).
    """
    coverage = coverage_of(update.article)
    if not may_revise(user, update, coverage):
        raise NotAllowed(_("Editors change any update; journalists their own."))
    if update.is_taken_down:
        raise WorkflowError(_("This update was taken down: it can no longer be changed."))
    update.title, update.body, update.photo = title, body, photo
    _check(update, quotes, user, _("The update was not saved."))
    with transaction.atomic():
        current = (
            LiveUpdate.objects.select_for_update(of=("self",))
            .select_related("edited_by__person", "author__person")
            .get(pk=update.pk)
        )
        if expected_version is not None and current.version != expected_version:
            raise StaleVersion(describe_stale(current))
        update.version = current.version
        update.edited_at, update.edited_by = timezone.now(), user
        update.save()
        for quote in deleted_quotes:
            quote.delete()
        _save_quotes(update, quotes)
        record_update_revision(update=update, user=user)
    return update


def describe_stale(current):
    who = display_name(current.edited_by or current.author)
    when = date_format(
        timezone.localtime(current.edited_at or current.posted_at), "DATETIME_FORMAT"
    )
    return _(
        "Not saved: %(who)s saved this update at %(when)s, after you opened it. Your text "
        "is still in the form below and nothing of it was saved: copy what you need, then "
        "open the update again to see their version."
    ) % {"who": who, "when": when}


def _check(update, quotes, user, refused):
    try:
        update.full_clean(exclude=["article", "author", "photo"])
    except ValidationError as error:
        raise WorkflowError(refused, messages=_validation_messages(error)) from None
    problems = checklist.update_problems(update=update, quotes=quotes, user=user)
    if problems:
        raise WorkflowError(refused, messages=problems)


def _save_quotes(update, quotes):
    """Save ``quotes`` as the update's, numbered in the story's one sequence of quotes."""
    if not quotes:
        return
    lock_story(update.article)
    for quote in quotes:
        quote.article, quote.live_update = update.article, update
    editing.number_new_parts(article=update.article, rows=list(quotes))
    for quote in quotes:
        quote.save()


def take_down_update(*, update, editor, reason):
    """Take one update off the site, with why; kept in the audit log."""
    if not is_editor(editor):
        raise NotAllowed(_("Only editors take an update down."))
    reason = " ".join((reason or "").split())
    if not reason:
        raise WorkflowError(_("Say why the update is taken down."))
    with transaction.atomic():
        current = LiveUpdate.objects.select_for_update(of=("self",)).get(pk=update.pk)
        if current.is_taken_down:
            raise WorkflowError(_("This update was taken down already."))
        max_length = LiveUpdate._meta.get_field("takedown_reason").max_length
        current.taken_down_at, current.taken_down_by = timezone.now(), editor
        current.takedown_reason = reason[:max_length]
        current.save()
        record(
            Action.LIVE_UPDATE_TAKEN_DOWN,
            actor=editor,
            target=current,
            # The update's own words may be what it was taken down for.
            target_name=_("update %(id)s of “%(story)s”")
            % {"id": current.pk, "story": current.article},
            detail=reason,
        )
    return current


def correct_update(*, update, editor, kind, text):
    """Issue a correction of one update, shown with it (``editing.add_correction``)."""
    if update.is_taken_down:
        raise WorkflowError(_("This update was taken down: it is corrected no more."))
    correction = editing.add_correction(
        article=update.article, editor=editor, kind=kind, text=text, live_update=update
    )
    # The update as readers see it changed: pages open on the story redraw it
    # at their next poll, which compares versions (reader/static/reader/live.js).
    LiveUpdate.objects.filter(pk=update.pk).update(version=F("version") + 1)
    update.refresh_from_db(fields=["version"])
    return correction


# What an update's first revision is compared with.
EMPTY_UPDATE = {"title": "", "body": "", "photo": None, "quotes": []}


def update_snapshot(update):
    """An update's content, in the shape ``workflow.diffs`` reads."""
    quotes = Quote.objects.filter(live_update=update).select_related("speaker")
    return {
        "title": update.title,
        "body": update.body,
        "photo": photo_ref(update.photo),
        "quotes": [quote_content(quote) for quote in quotes.order_by("position")],
    }


def record_update_revision(*, update, user, note=""):
    latest = update.revisions.order_by("-number").first()
    return LiveUpdateRevision.objects.create(
        update=update,
        number=latest.number + 1 if latest else 1,
        version=update.version,
        content=update_snapshot(update),
        note=note,
        created_by=user,
    )
