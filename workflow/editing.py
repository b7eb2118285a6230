"""
What a save of a story means, whoever saves it (the story form, a quote's own
page, a photo change, an import): a new version, a revision, and an honest
approval; and a save over someone else's newer one is refused with who, when
and what they changed.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from articles.models import Article, ArticlePhoto, Byline, Correction, Section, Topic
from media.models import Photograph
from people.models import Organization, Person
from quotes.models import Quote
from quotes.services import UNIDENTIFIED, note_confirmation

from .diffs import changes_seen_by
from .errors import NotAllowed, WorkflowError
from .models import Revision
from .revisions import ensure_baseline, latest_revision, record_revision, same_content
from .roles import can_edit, display_name, is_editor, staff_person
from .transitions import copy_stored_fields, lock_story, record_move


def record_edit(*, article, user, note=""):
    """
    After ``user`` saved ``article``'s content: keep a revision, and keep the
    approval honest. An editor's edit of an approved, scheduled or published
    story is approved by that editor; a journalist's edit of an approved or
    scheduled story sends it back to review, so what goes live is exactly
    what an editor approved.
    """
    revision = record_revision(article=article, user=user, note=note)
    article.refresh_from_db()
    if article.status not in {Article.Status.APPROVED, Article.Status.PUBLISHED}:
        return revision
    approved = article.approved_revision
    if approved is not None and same_content(approved.content, revision.content):
        return revision
    if is_editor(user):
        now = timezone.now()
        Article.objects.filter(pk=article.pk).update(
            approved_revision=revision, approved_by=user, approved_at=now
        )
        article.approved_revision, article.approved_by, article.approved_at = revision, user, now
        return revision
    record_move(
        article=article,
        user=user,
        to=Article.Status.IN_REVIEW,
        note=_("Changed after approval: it needs an editor's approval again."),
        changes={"approved_by": None, "approved_at": None, "submitted_at": timezone.now()},
        notify="submitted",
    )
    return revision


def edit_conflict(*, article, base_version, viewer=None):
    """
    When the story was saved after the user opened it at ``base_version``:
    who saved, when, and what changed since, as ``viewer`` (the user saving)
    may read it. None when nothing has.
    Call inside the save's transaction: the row is locked until it ends.
    """
    current = (
        Article.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .filter(pk=article.pk)
        .first()
    )
    if current is None or current.version == base_version:
        return None
    seen = (
        Revision.objects.filter(article=article, version__lte=base_version)
        .order_by("-number")
        .first()
    )
    latest = latest_revision(article)
    changes = []
    if latest is not None and (seen is None or latest.pk != seen.pk):
        changes = changes_seen_by(viewer, seen.content if seen else None, latest.content)
    return {
        "user": current.updated_by,
        "at": current.updated_at,
        "version": current.version,
        "changes": changes,
    }


def describe_conflict(conflict):
    who = display_name(conflict["user"]) if conflict["user"] else _("Someone")
    when = date_format(timezone.localtime(conflict["at"]), "DATETIME_FORMAT")
    parts = ", ".join(str(change["title"]).lower() for change in conflict["changes"])
    changed = (
        _(" They changed: %(parts)s (shown above the form).") % {"parts": parts} if parts else ""
    )
    return _(
        "Not saved: %(who)s saved this story at %(when)s, after you opened it.%(changed)s "
        "Your text is still in the form below and nothing of it was saved. Copy what you "
        "need, open the story again to see their version, and make your changes there."
    ) % {"who": who, "when": when, "changed": changed}


def part_saved(*, article, user):
    """
    A part of the story (a quote, a photograph it shows) was changed on its own
    page: the story gets a new version, so a form opened before cannot
    overwrite it, and a revision.
    """
    with transaction.atomic():
        current = lock_story(article)
        current.updated_by = user
        current.save()
        return record_edit(article=current, user=user)


def confirm_quote(*, quote, user):
    """
    ``user`` has checked who said ``quote``, as the quote finder attributed
    it: it is confirmed, with who confirmed it and when, and the story gets a
    new version and revision. A quote the finder could not attribute needs a
    speaker first. Confirming a confirmed quote changes nothing.
    """
    with transaction.atomic():
        article = lock_story(quote.article)
        if not can_edit(user, article):
            raise NotAllowed(_("You cannot change this story now."))
        quote = Quote.objects.select_for_update().get(pk=quote.pk)
        if quote.is_confirmed:
            return quote
        if not quote.speaker_id and quote.anonymous_description == UNIDENTIFIED:
            raise WorkflowError(
                _("Say who said quote %(number)s before confirming it.")
                % {"number": quote.position}
            )
        ensure_baseline(article=article)
        note_confirmation(quote, user=user)
        quote.save()
        part_saved(article=article, user=user)
    return quote


def prepare_story_save(*, article, base_version, viewer=None):
    """
    Before the story's form is saved over ``article``: lock its row, and return
    the conflict (``edit_conflict``, read as ``viewer`` may) when someone saved
    it after the form was opened at ``base_version``; else keep the story's
    present content as a first revision if it has none, to compare the change
    with.
    """
    conflict = edit_conflict(article=article, base_version=base_version, viewer=viewer)
    if conflict is None:
        ensure_baseline(article=article)
    return conflict


def number_new_parts(*, article, rows):
    """
    Give the photos or quotes in ``rows`` (new or changed, of one model) that
    have no number the next free numbers of ``article``, in the order given.
    """
    if not rows:
        return
    model = type(rows[0])
    others = model.objects.filter(article=article).exclude(
        pk__in=[row.pk for row in rows if row.pk]
    )
    used = set(others.values_list("position", flat=True))
    used |= {row.position for row in rows if row.position is not None}
    number = 1
    for row in rows:
        if row.position is None:
            while number in used:
                number += 1
            row.position = number
            used.add(number)


def save_parts(*, article, user, rows, deleted=()):
    """
    Save the parts of ``article`` its form changed: ``rows`` new or changed
    (bylines, photos, quotes, right of reply, corrections), ``deleted``
    removed. Photos and quotes given no number take the next free ones; a new
    correction is issued (``add_correction``).
    """
    for row in deleted:
        row.delete()
    for model in (ArticlePhoto, Quote):
        number_new_parts(article=article, rows=[row for row in rows if isinstance(row, model)])
    for row in rows:
        if isinstance(row, Correction) and row.pk is None:
            add_correction(
                article=article,
                editor=user,
                kind=row.kind,
                text=row.text,
                published_at=row.published_at,
                quote=row.quote,
                corrected_speaker=row.corrected_speaker,
            )
        else:
            row.save()


def story_saved(*, article, user, created):
    """
    After ``user`` saved ``article`` and its parts from its form: a journalist's
    new story carries their byline, and the save is kept (``record_edit``).
    """
    if created and not is_editor(user):
        person = staff_person(user)
        if person and not article.bylines.filter(person=person).exists():
            Byline.objects.create(article=article, person=person, position=0)
    return record_edit(article=article, user=user)


def restore_revision(*, article, revision, user, expected_version=None):
    """
    Make ``revision``'s content the story's content again, as a new revision.
    Requests for comment stay as they are: they record what was asked and
    answered, which an older text does not undo. Refused while anything it
    refers to (a person, photo, section) no longer exists, with the list;
    nothing is changed then.
    """
    if revision.article_id != article.pk:
        raise NotAllowed(_("That revision belongs to another story."))
    with transaction.atomic():
        article = lock_story(article, expected_version)
        if not can_edit(user, article):
            raise NotAllowed(_("You cannot change this story now."))
        content = revision.content
        _check_references(content)
        for field in ["headline", "slug", "standfirst", "dateline", "body", "language"]:
            setattr(article, field, content[field])
        for field in ["section", "translation_of", "lead_photo"]:
            setattr(article, f"{field}_id", content[field]["id"] if content[field] else None)
        same_slug = Article.objects.filter(month=article.address_month(), slug=article.slug)
        if same_slug.exclude(pk=article.pk).exists():
            article.slug = ""
        article.updated_by = user
        article.save()
        article.topics.set([ref["id"] for ref in content["topics"]])
        article.people.set([ref["id"] for ref in content["people"]])
        article.organizations.set([ref["id"] for ref in content["organizations"]])
        Byline.objects.filter(article=article).delete()
        Byline.objects.bulk_create(
            Byline(
                article=article,
                person_id=row["person"]["id"],
                role=row["role"],
                position=row["position"],
            )
            for row in content["bylines"]
        )
        ArticlePhoto.objects.filter(article=article).delete()
        ArticlePhoto.objects.bulk_create(
            ArticlePhoto(
                article=article,
                photograph_id=row["photograph"]["id"],
                position=row["position"],
            )
            for row in content["photos"]
        )
        _restore_quotes(article, content["quotes"])
        restored = record_revision(
            article=article,
            user=user,
            note=_("Restored from revision %(number)s") % {"number": revision.number},
            force=True,
        )
        record_edit(article=article, user=user)
    return restored


def _check_references(content):
    wanted = {
        Section: [content["section"]],
        Article: [content["translation_of"]],
        Photograph: [content["lead_photo"]] + [row["photograph"] for row in content["photos"]],
        Topic: content["topics"],
        Person: content["people"]
        + [row["person"] for row in content["bylines"]]
        + [row["speaker"] for row in content["quotes"]],
        Organization: content["organizations"],
    }
    missing = []
    for model, refs in wanted.items():
        refs = {ref["id"]: ref["label"] for ref in refs if ref}
        found = set(model._default_manager.filter(pk__in=refs).values_list("pk", flat=True))
        missing += [
            f"{model._meta.verbose_name}: {label}" for pk, label in refs.items() if pk not in found
        ]
    if missing:
        raise WorkflowError(
            _("This revision cannot be restored: it refers to things deleted since."),
            messages=missing,
        )


def _restore_quotes(article, rows):
    """Put the quotes back, keeping the rows that still exist (corrections point at them)."""
    kept = {row["row"] for row in rows}
    Quote.objects.filter(article=article).exclude(pk__in=kept).delete()
    existing = {quote.pk: quote for quote in Quote.objects.filter(article=article)}
    # Numbers are unique per story: move the kept quotes out of the way first.
    for offset, quote in enumerate(existing.values(), start=20000):
        Quote.objects.filter(pk=quote.pk).update(position=offset)
    for row in rows:
        quote = existing.get(row["row"]) or Quote(article=article)
        quote.position = row["position"]
        quote.text = row["text"]
        quote.speaker_id = row["speaker"]["id"] if row["speaker"] else None
        quote.anonymous_description = row["anonymous_description"]
        quote.speaker_role = row["speaker_role"]
        quote.paragraph = row["paragraph"]
        quote.date_said = (
            datetime.date.fromisoformat(row["date_said"]) if row["date_said"] else None
        )
        quote.is_pull_quote = row["is_pull_quote"]
        quote.is_confirmed = row["is_confirmed"]
        quote.save()


def add_correction(
    *,
    article,
    editor,
    kind,
    text,
    published_at=None,
    quote=None,
    corrected_speaker=None,
    live_update=None,
):
    """
    Issue a correction on a published story. It is dated, shown to readers,
    and the story's updated time changes. With ``quote`` and
    ``corrected_speaker`` the misattributed quote moves to the right person;
    with ``live_update`` it corrects that one update of a live story.
    """
    if not is_editor(editor):
        raise NotAllowed(_("Only editors issue corrections."))
    with transaction.atomic():
        current = lock_story(article)
        if quote is not None:
            quote = Quote.objects.select_for_update().get(pk=quote.pk)
        correction = Correction(
            article=current,
            kind=kind,
            text=(text or "").strip(),
            published_at=published_at or timezone.now(),
            quote=quote,
            corrected_speaker=corrected_speaker,
            live_update=live_update,
            previous_attribution=quote.attribution if quote is not None else "",
            created_by=editor,
        )
        try:
            correction.full_clean()
        except ValidationError as error:
            raise WorkflowError(
                _("The correction was not issued."), messages=error.messages
            ) from None
        if quote is not None:
            quote.speaker = corrected_speaker
            quote.anonymous_description = ""
            quote.save()
        correction.save()
        current.updated_by = editor
        current.save()
        record_edit(article=current, user=editor)
    copy_stored_fields(article, Article.objects.get(pk=article.pk))
    return correction
