"""
The editorial workflow: who may do what to a story, its moves from draft to
published, revisions, the approval checklist, corrections, share links and
who has a story open.

Every function that changes something takes keyword arguments only and is
called alike from the admin, commands and tests. The rules are enforced here,
whatever called: a refused move raises ``NotAllowed`` (the admin answers 403)
or ``WorkflowError`` (a message to the user), and changes nothing.
"""

import copy
import datetime
import difflib
import logging
import re
import secrets
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from people.identity import Redactor, sees_protected_identities
from people.models import Person
from quotes.models import Quote
from workflow.models import EditingPresence, Revision, ShareLink, Transition

from . import body as story_body
from .models import (
    Article,
    ArticlePhoto,
    ArticleStatus,
    Byline,
    CommentRequest,
    Correction,
    Language,
)

logger = logging.getLogger(__name__)

Status = ArticleStatus
EDITORS_GROUP = "Editors"
# Told when an English story is first approved (articles/migrations/0009_translations.py).
KHMER_DESK_GROUP = "Khmer desk"
JOURNALISTS_GROUP = "Journalists"
PUBLISH_PERMISSION = "articles.publish_article"
# Someone whose open story page has not been heard from for this long has left it.
PRESENCE_WINDOW = datetime.timedelta(minutes=2)
SHARE_LINK_SALT = "articles.share-link"
SHARE_LINK_LONGEST = datetime.timedelta(days=30)


class WorkflowError(Exception):
    """A move the story's state or content does not allow; ``messages`` say why."""

    def __init__(self, message, *, messages=()):
        super().__init__(message)
        self.message = message
        self.messages = list(messages)


class NotAllowed(WorkflowError):
    """The user's role does not allow this move on this story."""


class StaleVersion(WorkflowError):
    """The story changed after the user opened it."""


# Roles and scope ------------------------------------------------------------


def is_editor(user):
    """Editors (and superusers) see and edit every story and move it through review."""
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def visible_articles(user, queryset=None):
    """
    The stories ``user`` may open in the workspace: every story for an
    editor; for a journalist, the stories they have a byline on.
    """
    queryset = Article.objects.all() if queryset is None else queryset
    if not (user.is_active and user.is_staff):
        return queryset.none()
    if is_editor(user):
        return queryset
    return queryset.filter(pk__in=Byline.objects.filter(person__user=user).values("article"))


def is_author(user, article):
    return Byline.objects.filter(article=article, person__user=user).exists()


def can_view(user, article):
    if not (user.is_active and user.is_staff and user.has_perm("articles.view_article")):
        return False
    return is_editor(user) or is_author(user, article)


def journalist_may_edit(article, *, now=None):
    """
    A journalist edits a draft, or an approved or scheduled story (which sends
    it back to review); never a story in review or one readers have seen.
    """
    return article.status in {Status.DRAFT, Status.APPROVED} or article.is_scheduled(now=now)


def can_edit(user, article, *, now=None):
    if not (user.is_active and user.is_staff and user.has_perm("articles.change_article")):
        return False
    if is_editor(user):
        return True
    return journalist_may_edit(article, now=now) and is_author(user, article)


def can_create(user):
    """Editors create stories; a journalist needs a person to put on the byline."""
    if not (user.is_active and user.has_perm("articles.add_article")):
        return False
    return is_editor(user) or staff_person(user) is not None


def staff_person(user):
    """The person a journalist's login belongs to (their byline), or None."""
    return Person.objects.filter(user=user).first() if user.is_authenticated else None


def editable_articles(user, queryset=None):
    """The stories ``user`` may change now: ``can_edit`` as a queryset."""
    queryset = visible_articles(user, queryset)
    if not user.has_perm("articles.change_article"):
        return queryset.none()
    if is_editor(user):
        return queryset
    return queryset.filter(
        Q(status__in=[Status.DRAFT, Status.APPROVED])
        | Q(status=Status.PUBLISHED, published_at__gt=timezone.now())
    )


def photographs_in_editors_hands(photographs):
    """
    Of ``photographs``, those their uploader may no longer change: shown by a
    story past its draft (in review, approved, scheduled, published or taken
    down: what an editor approved is what readers see), or a profile's
    portrait. Registered with the photo desk (``media.services.register_lock``).
    """
    past_draft = Article.objects.exclude(status=Status.DRAFT)
    return photographs.filter(
        Q(lead_of__in=past_draft)
        | Q(placements__article__in=past_draft)
        | Q(portrait_of__isnull=False)
    )


def record_photograph_change(*, photograph, user, **kwargs):
    """
    ``user`` changed ``photograph`` (its caption, credit, picture, or took it
    off the site): each story showing it keeps the change as a revision, and
    a form opened before cannot overwrite it. Connected to
    ``media.signals.photograph_changed``.
    """
    stories = Article.objects.filter(
        Q(lead_photo=photograph) | Q(placed_photos__photograph=photograph)
    ).distinct()
    for article in stories.order_by("pk"):
        content_changed(article=article, user=user)


# What each move needs: the states it starts from, and whether an editor makes it.
MOVES = {
    "submit": {"from": {Status.DRAFT}, "editor": False},
    "return": {
        "from": {Status.IN_REVIEW, Status.APPROVED, Status.UNPUBLISHED, "scheduled"},
        "editor": True,
    },
    "approve": {"from": {Status.IN_REVIEW}, "editor": True},
    "publish": {
        "from": {Status.IN_REVIEW, Status.APPROVED, Status.UNPUBLISHED, "scheduled"},
        "editor": True,
    },
    "schedule": {
        "from": {Status.IN_REVIEW, Status.APPROVED, Status.UNPUBLISHED, "scheduled"},
        "editor": True,
    },
    "unpublish": {"from": {Status.PUBLISHED, "scheduled"}, "editor": True},
}


def state_of(article, *, now=None):
    """The article's status, with "scheduled" for a published story not yet live."""
    return "scheduled" if article.is_scheduled(now=now) else article.status


def may_move(user, article, move, *, now=None):
    """Whether ``user``'s role allows ``move`` on ``article`` (its state aside)."""
    if not user.is_active:
        return False
    if MOVES[move]["editor"]:
        return is_editor(user)
    return is_editor(user) or (
        user.has_perm("articles.change_article") and is_author(user, article)
    )


def available_moves(user, article, *, now=None):
    """The moves ``user`` can make on ``article`` now, in the order buttons show them."""
    state = state_of(article, now=now)
    return [
        move
        for move, rule in MOVES.items()
        if state in rule["from"] and may_move(user, article, move, now=now)
    ]


# Revisions --------------------------------------------------------------------


def _ref(obj, label=None):
    if obj is None:
        return None
    return {"id": obj.pk, "label": str(obj) if label is None else label}


def _photo_ref(photograph):
    if photograph is None:
        return None
    caption = " ".join(photograph.caption.split())
    return {
        "id": photograph.pk,
        "label": f"{caption} ({photograph.credit})" if photograph.credit else caption,
        "alt_text": photograph.alt_text,
        "credit": photograph.credit,
    }


def snapshot(article):
    """
    The story's whole content as JSON-ready data: text, filing, bylines,
    photos and quotes. References keep the id and, for reading, a label.
    """
    article = Article.objects.select_related(
        "section", "translation_of", "lead_photo__photographer"
    ).get(pk=article.pk)
    bylines = Byline.objects.filter(article=article).select_related("person")
    photos = ArticlePhoto.objects.filter(article=article).select_related("photograph__photographer")
    quotes = Quote.objects.filter(article=article).select_related("speaker")
    return {
        "headline": article.headline,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "dateline": article.dateline,
        "body": article.body,
        "language": article.language,
        "section": _ref(article.section),
        "translation_of": _ref(article.translation_of),
        "lead_photo": _photo_ref(article.lead_photo),
        "topics": [_ref(topic) for topic in article.topics.order_by("pk")],
        "people": [_ref(person) for person in article.people.order_by("pk")],
        "organizations": [_ref(org) for org in article.organizations.order_by("pk")],
        "bylines": [
            {
                "row": byline.pk,
                "person": _ref(byline.person),
                "role": byline.role,
                "position": byline.position,
            }
            for byline in bylines
        ],
        "photos": [
            {
                "row": placed.pk,
                "position": placed.position,
                "photograph": _photo_ref(placed.photograph),
            }
            for placed in photos
        ],
        "quotes": [
            {
                "row": quote.pk,
                "position": quote.position,
                "text": quote.text,
                "speaker": _ref(quote.speaker),
                "anonymous_description": quote.anonymous_description,
                "speaker_role": quote.speaker_role,
                "paragraph": quote.paragraph,
                "date_said": quote.date_said.isoformat() if quote.date_said else None,
                "is_pull_quote": quote.is_pull_quote,
                "is_confirmed": quote.is_confirmed,
            }
            for quote in quotes
        ],
    }


def comparable(content):
    """
    The part of a snapshot that is the story's own content: references by id
    only (a person renamed elsewhere does not change the story), rows without
    their database ids. A photograph counts with its caption, alt text and
    credit: the story shows them, and what an editor approved is what goes live.
    """
    if isinstance(content, list):
        return [comparable(item) for item in content]
    if isinstance(content, dict):
        if "id" in content and "alt_text" in content:
            return [content["id"], content["label"], content["alt_text"], content["credit"]]
        if "id" in content:
            return content["id"]
        return {key: comparable(value) for key, value in content.items() if key != "row"}
    return content


def same_content(first, second):
    return comparable(first) == comparable(second)


def latest_revision(article):
    return Revision.objects.filter(article=article).order_by("-number").first()


def record_revision(*, article, user, note="", force=False, content=None):
    """
    Keep the story's present content as a new revision and return it. A save
    that changed nothing since the last revision adds none (``force`` adds
    one anyway) and returns the last.
    """
    content = snapshot(article) if content is None else content
    latest = latest_revision(article)
    if latest is not None and not force and same_content(latest.content, content):
        return latest
    return Revision.objects.create(
        article=article,
        number=(latest.number + 1) if latest else 1,
        version=Article.objects.values_list("version", flat=True).get(pk=article.pk),
        content=content,
        note=note[: Revision._meta.get_field("note").max_length],
        created_by=user if user and user.is_authenticated else None,
    )


def ensure_baseline(*, article):
    """
    Before the first change to a story that has no revision yet (made by an
    import, the demo or the shell), keep its present content as revision 1,
    so the change can be compared with what was there.
    """
    if not Revision.objects.filter(article=article).exists():
        current = Article.objects.get(pk=article.pk)
        record_revision(
            article=current,
            user=current.updated_by,
            note=_("As it was before its first change in the workspace"),
        )


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
    if article.status not in {Status.APPROVED, Status.PUBLISHED}:
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
    _move(
        article=article,
        user=user,
        to=Status.IN_REVIEW,
        note=_("Changed after approval: it needs an editor's approval again."),
        changes={"approved_by": None, "approved_at": None, "submitted_at": timezone.now()},
        notify=notify_submitted,
    )
    return revision


def _lines(text):
    return [line for line in text.splitlines() if line.strip()]


def _paragraphs(text):
    return [block.strip() for block in re.split(r"\n\s*\n", text or "") if block.strip()]


def _label(ref):
    return ref["label"] if ref else "—"


def readable_parts(content):
    """A revision's content as titled lists of lines, the way a diff shows them."""
    roles = dict(Byline.Role.choices)
    quotes = []
    for quote in content.get("quotes", []):
        speaker = _label(quote["speaker"]) if quote["speaker"] else quote["anonymous_description"]
        role = f", {quote['speaker_role']}" if quote["speaker_role"] else ""
        pull = _(" (pull quote)") if quote["is_pull_quote"] else ""
        quotes.append(
            _("Quote %(number)s: “%(text)s” — %(speaker)s%(role)s%(pull)s")
            % {
                "number": quote["position"],
                "text": quote["text"],
                "speaker": speaker,
                "role": role,
                "pull": pull,
            }
        )
    return [
        (_("Headline"), [content.get("headline", "")]),
        (_("Slug"), [content.get("slug", "")]),
        (_("Standfirst"), _lines(content.get("standfirst", ""))),
        (_("Dateline"), _lines(content.get("dateline", ""))),
        (_("Body"), _paragraphs(content.get("body", ""))),
        (_("Language"), [content.get("language", "")]),
        (_("Section"), [_label(content.get("section"))]),
        (_("Translation of"), [_label(content.get("translation_of"))]),
        (_("Topics"), [_label(ref) for ref in content.get("topics", [])]),
        (_("People named"), [_label(ref) for ref in content.get("people", [])]),
        (_("Organizations named"), [_label(ref) for ref in content.get("organizations", [])]),
        (_("Lead photo"), [_label(content.get("lead_photo"))]),
        (
            _("Bylines"),
            [
                f"{_label(row['person'])} ({roles.get(row['role'], row['role'])})"
                for row in content.get("bylines", [])
            ],
        ),
        (
            _("Photos in the body"),
            [
                _("Photo %(number)s: %(photo)s")
                % {"number": row["position"], "photo": _label(row["photograph"])}
                for row in content.get("photos", [])
            ],
        ),
        (_("Quotes"), quotes),
    ]


def _word_diff(old, new):
    """Segments ``(op, text)`` of one changed line, op being equal, removed or added."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    segments = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("equal", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("removed", "".join(old_words[i1:i2])))
        if j2 > j1:
            segments.append(("added", "".join(new_words[j1:j2])))
    return segments


def diff_lines(old, new, *, context=1):
    """
    Rows comparing two lists of lines: ``{"op": "equal"|"removed"|"added"|
    "changed"|"skipped", ...}``. A changed line carries word segments; long
    runs of unchanged lines are skipped, ``context`` lines kept either side.
    """
    rows = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            same = old[i1:i2]
            if len(same) > 2 * context + 1:
                head = same[:context] if rows else []
                tail = same[len(same) - context :] if j2 < len(new) or i2 < len(old) else []
                rows += [{"op": "equal", "text": line} for line in head]
                rows.append({"op": "skipped", "count": len(same) - len(head) - len(tail)})
                rows += [{"op": "equal", "text": line} for line in tail]
            else:
                rows += [{"op": "equal", "text": line} for line in same]
        elif op == "replace":
            pairs = min(i2 - i1, j2 - j1)
            for index in range(pairs):
                rows.append(
                    {"op": "changed", "segments": _word_diff(old[i1 + index], new[j1 + index])}
                )
            rows += [{"op": "removed", "text": line} for line in old[i1 + pairs : i2]]
            rows += [{"op": "added", "text": line} for line in new[j1 + pairs : j2]]
        elif op == "delete":
            rows += [{"op": "removed", "text": line} for line in old[i1:i2]]
        else:
            rows += [{"op": "added", "text": line} for line in new[j1:j2]]
    return rows


def diff_contents(old, new):
    """
    What changed from content ``old`` to ``new`` (snapshots), part by part:
    a list of ``{"title", "rows"}`` for the parts that differ. ``old`` may be
    None for a story's first revision.
    """
    old_parts = dict(readable_parts(old or {}))
    changes = []
    for title, new_lines in readable_parts(new):
        old_lines = old_parts.get(title, []) if old else []
        if old_lines != new_lines:
            changes.append({"title": title, "rows": diff_lines(old_lines, new_lines)})
    return changes


def redacted(content, redactor):
    """
    A revision's ``content`` as someone who may not see protected identities
    reads it (``redactor``, a ``people.identity.Redactor``; None: as stored).
    Revisions saved before someone became protected carry their name: each
    reference to them shows the label, their role is left out, and their
    names in any text become the label.
    """
    if redactor is None or content is None:
        return content
    content = copy.deepcopy(content)

    def relabel(ref):
        label = redactor.label_of(ref["id"]) if ref else None
        if label:
            ref["label"] = label
        return bool(label)

    for ref in content.get("people", []):
        relabel(ref)
    for row in content.get("bylines", []):
        relabel(row["person"])
    for quote in content.get("quotes", []):
        if relabel(quote["speaker"]):
            quote["speaker_role"] = ""

    def scrub(value):
        if isinstance(value, dict):
            return {key: scrub(item) for key, item in value.items()}
        if isinstance(value, list):
            return [scrub(item) for item in value]
        return redactor.text(value)

    return scrub(content)


def restore_revision(*, article, revision, user, expected_version=None):
    """
    Make ``revision``'s content the story's content again, as a new revision.
    Refused while anything it refers to (a person, photo, section) no longer
    exists, with the list; nothing is changed then.
    """
    if revision.article_id != article.pk:
        raise NotAllowed(_("That revision belongs to another story."))
    with transaction.atomic():
        article = _locked(article, expected_version)
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
    from media.models import Photograph
    from people.models import Organization, Person

    from .models import Section, Topic

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


# Lost updates -------------------------------------------------------------------


def edit_conflict(*, article, base_version, redactor=None):
    """
    When the story was saved after the user opened it at ``base_version``:
    who saved, when, and what changed since (through ``redactor`` for someone
    who may not see protected identities). None when nothing has.
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
        changes = diff_contents(
            redacted(seen.content, redactor) if seen else None,
            redacted(latest.content, redactor),
        )
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


def content_changed(*, article, user):
    """
    A part of the story (a quote) was changed on its own page: the story gets
    a new version, so a form opened before cannot overwrite it, and a revision.
    """
    with transaction.atomic():
        current = _locked(article)
        current.updated_by = user
        current.save()
        return record_edit(article=current, user=user)


def display_name(user):
    if user is None:
        return _("someone")
    person = getattr(user, "person", None)
    return person.name if person else (user.get_full_name() or user.get_username())


# The approval checklist -----------------------------------------------------------


def approval_checklist(article):
    """
    What the story still needs before an editor may approve it: a list of
    sentences, empty when it is complete.
    """
    missing = []
    if not article.headline.strip():
        missing.append(_("Write a headline."))
    if not article.standfirst.strip():
        missing.append(_("Write a standfirst."))
    if not Byline.objects.filter(article=article).exists():
        missing.append(_("Add a byline."))
    if not article.section_id:
        missing.append(_("Choose a section."))
    if not story_body.paragraphs(article.body):
        missing.append(_("Write the body."))
    if article.lead_photo_id is None:
        missing.append(_("Choose a lead photo."))
    else:
        missing += _photo_gaps(article.lead_photo, _("the lead photo"))
    placed = ArticlePhoto.objects.filter(article=article).select_related("photograph__photographer")
    for photo in placed:
        name = _("photo %(number)s in the body") % {"number": photo.position}
        missing += _photo_gaps(photo.photograph, name)
    quotes = list(Quote.objects.filter(article=article))
    for quote in quotes:
        if not quote.speaker_id and not quote.anonymous_description.strip():
            missing.append(
                _("Say who said quote %(number)s, or describe the anonymous source.")
                % {"number": quote.position}
            )
    numbers = {
        "photo": {photo.position for photo in placed},
        "quote": {quote.position for quote in quotes},
    }
    for kind, number in sorted(story_body.markers(article.body)):
        if number not in numbers[kind]:
            message = _(
                "The body places [%(kind)s %(number)s], but the story has no %(kind)s %(number)s."
            )
            missing.append(message % {"kind": kind, "number": number})
    for request in CommentRequest.objects.filter(
        article=article, outcome=CommentRequest.Outcome.PENDING
    ).select_related("person", "organization"):
        missing.append(
            _(
                "Right of reply: %(party)s was asked for comment on %(date)s (%(method)s). "
                "Record their answer, or that they declined or did not respond."
            )
            % {
                "party": request.party,
                "date": date_format(timezone.localtime(request.requested_at), "DATE_FORMAT"),
                "method": request.get_method_display().lower(),
            }
        )
    return missing


def protected_names_in(article, user):
    """
    Where ``article``'s public text names a protected source by name, Khmer
    name or alias (a story imported or written before they were protected,
    or by someone who does not know): sentences for the editor approving it,
    who sees the name only if allowed to. Not part of the approval checklist:
    that is shown to journalists, and would tell them whose name it is.
    """
    redactor = Redactor()
    shows_names = sees_protected_identities(user)
    texts = article.public_texts()
    photos = [article.lead_photo] if article.lead_photo_id else []
    photos += [
        placed.photograph
        for placed in ArticlePhoto.objects.filter(article=article).select_related("photograph")
    ]
    for photograph in photos:
        texts += [(_("photo caption"), photograph.caption), (_("alt text"), photograph.alt_text)]
    found = []
    for where, text in texts:
        for written, label in redactor.found(text):
            if shows_names:
                sentence = _(
                    "The %(where)s names “%(name)s”, the protected source shown as "
                    "“%(label)s”: remove the name, or quote them by the label."
                ) % {"where": where, "name": written, "label": label}
            else:
                sentence = _(
                    "The %(where)s names the protected source shown as “%(label)s”: ask an "
                    "editor who may see who they are."
                ) % {"where": where, "label": label}
            found.append(sentence)
    return list(dict.fromkeys(found))


def _photo_gaps(photograph, name):
    gaps = []
    if photograph.is_withdrawn:
        gaps.append(
            _("Choose another picture for %(photo)s: it was withdrawn from the site.")
            % {"photo": name}
        )
    if not photograph.alt_text.strip():
        gaps.append(_("Write alt text for %(photo)s.") % {"photo": name})
    if not photograph.credit:
        gaps.append(_("Give a credit for %(photo)s.") % {"photo": name})
    return gaps


# Moves ------------------------------------------------------------------------------


def _locked(article, expected_version=None):
    """The story's row, locked until the transaction ends, checked against a stale page."""
    current = (
        Article.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .get(pk=article.pk)
    )
    if expected_version is not None and current.version != expected_version:
        raise StaleVersion(
            _(
                "%(who)s changed this story at %(when)s, after you opened it. "
                "Look at it again before you do this."
            )
            % {
                "who": display_name(current.updated_by),
                "when": date_format(timezone.localtime(current.updated_at), "DATETIME_FORMAT"),
            }
        )
    return current


def _check_move(*, article, user, move, now=None):
    if not may_move(user, article, move, now=now):
        raise NotAllowed(_("You are not allowed to do this to this story."))
    state = state_of(article, now=now)
    if state in MOVES[move]["from"]:
        return
    if state == Status.PUBLISHED and move in {"publish", "schedule", "approve"}:
        raise WorkflowError(_("This story is already published."))
    if state == Status.IN_REVIEW and move == "submit":
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


def _move(*, article, user, to, note="", publish_at=None, changes=None, notify=None):
    """Change the status of the locked ``article``, record the step and notify after commit."""
    from_status = article.status
    article.status = to
    for field, value in (changes or {}).items():
        setattr(article, field, value)
    article.updated_by = user
    article.save()
    step = Transition.objects.create(
        article=article,
        from_status=from_status,
        to_status=to,
        user=user,
        note=note,
        publish_at=publish_at,
        revision=latest_revision(article),
    )
    if notify is not None:
        transaction.on_commit(lambda: notify(article, step))
    return step


def _finish(article, fresh):
    """Copy the saved state onto the caller's instance."""
    for field in Article._meta.concrete_fields:
        setattr(article, field.attname, getattr(fresh, field.attname))


def submit_for_review(*, article, user):
    """A draft goes to the review queue; the section's editors are told."""
    with transaction.atomic():
        current = _locked(article)
        _check_move(article=current, user=user, move="submit")
        record_revision(article=current, user=user)
        step = _move(
            article=current,
            user=user,
            to=Status.IN_REVIEW,
            changes={"submitted_at": timezone.now()},
            notify=notify_submitted,
        )
    _finish(article, current)
    return step


def return_to_draft(*, article, editor, note):
    """An editor sends the story back to its authors with a note saying what to fix."""
    note = (note or "").strip()
    with transaction.atomic():
        current = _locked(article)
        _check_move(article=current, user=editor, move="return")
        if not note:
            raise WorkflowError(_("Write a note telling the authors what to change."))
        step = _move(
            article=current,
            user=editor,
            to=Status.DRAFT,
            note=note,
            changes={"approved_by": None, "approved_at": None, "submitted_at": None},
            notify=notify_returned,
        )
    _finish(article, current)
    return step


def approve(*, article, editor, publish_at=None, expected_version=None, note=""):
    """
    An editor approves the story as it is now, once the checklist is complete.
    Without ``publish_at`` it waits, approved; with one it is published at
    that time (now or later: readers see it from then, no job needed).
    """
    with transaction.atomic():
        current = _locked(article, expected_version)
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
        revision = record_revision(article=current, user=editor)
        changes = {"approved_by": editor, "approved_at": now, "approved_revision": revision}
        if publish_at is None:
            to, notify = Status.APPROVED, notify_approved
        else:
            to, notify = Status.PUBLISHED, notify_published
            changes["published_at"] = max(publish_at, now) if move == "publish" else publish_at
        step = _move(
            article=current,
            user=editor,
            to=to,
            note=note,
            publish_at=changes.get("published_at"),
            changes=changes,
            notify=notify,
        )
        if to == Status.PUBLISHED:
            end_share_links(article=current, at=current.published_at, editor=editor)
    _finish(article, current)
    return step


def publish(*, article, editor, expected_version=None):
    """Approve and publish now."""
    return approve(
        article=article,
        editor=editor,
        publish_at=timezone.now(),
        expected_version=expected_version,
    )


def schedule(*, article, editor, publish_at, expected_version=None):
    """Approve for a publish time to come; readers see the story from that time."""
    if publish_at is None or publish_at <= timezone.now():
        raise WorkflowError(_("Choose a publish time in the future, or publish now."))
    return approve(
        article=article, editor=editor, publish_at=publish_at, expected_version=expected_version
    )


def unpublish(*, article, editor, note):
    """Take a published (or scheduled) story off the site at once, saying why."""
    note = (note or "").strip()
    with transaction.atomic():
        current = _locked(article)
        _check_move(article=current, user=editor, move="unpublish")
        if not note:
            raise WorkflowError(_("Write a note saying why the story is taken down."))
        step = _move(article=current, user=editor, to=Status.UNPUBLISHED, note=note)
    _finish(article, current)
    return step


# Corrections ------------------------------------------------------------------------


def add_correction(
    *, article, editor, kind, text, published_at=None, quote=None, corrected_speaker=None
):
    """
    Issue a correction on a published story. It is dated, shown to readers,
    and the story's updated time changes. With ``quote`` and
    ``corrected_speaker`` the misattributed quote moves to the right person.
    """
    if not is_editor(editor):
        raise NotAllowed(_("Only editors issue corrections."))
    text = (text or "").strip()
    if not text:
        raise WorkflowError(_("Write what was wrong and what is right."))
    if (quote is None) != (corrected_speaker is None):
        raise WorkflowError(_("To move a quote, give both the quote and who really said it."))
    with transaction.atomic():
        current = _locked(article)
        if current.status != Status.PUBLISHED:
            raise WorkflowError(_("Corrections are for published stories."))
        correction = Correction(
            article=current,
            kind=kind,
            text=text,
            published_at=published_at or timezone.now(),
            created_by=editor,
        )
        if quote is not None:
            quote = Quote.objects.select_for_update().get(pk=quote.pk)
            if quote.article_id != current.pk:
                raise WorkflowError(_("That quote is in another story."))
            correction.quote = quote
            correction.corrected_speaker = corrected_speaker
            correction.previous_attribution = quote.attribution
            quote.speaker = corrected_speaker
            quote.anonymous_description = ""
            quote.save()
        correction.full_clean()
        correction.save()
        current.updated_by = editor
        current.save()
        record_edit(article=current, user=editor)
    _finish(article, Article.objects.get(pk=article.pk))
    return correction


# Right of reply --------------------------------------------------------------------


def public_reply_statements(article):
    """
    The right-of-reply sentences the story page shows, the same words on every
    story ("… did not respond to a request for comment by the time of
    publication."). Uses prefetched ``comment_requests`` when present.
    """
    return [
        statement
        for request in article.comment_requests.all()
        if (statement := request.public_statement())
    ]


# Notifications ---------------------------------------------------------------------


def editors_to_notify(article):
    """The editors of the story's section, or every editor when it names none."""
    users = get_user_model().objects.filter(is_active=True, groups__name=EDITORS_GROUP)
    if article.section_id:
        section_editors = users.filter(edited_sections=article.section_id)
        if section_editors.exists():
            users = section_editors
    return list(users.exclude(email="").distinct().order_by("pk"))


def authors_to_notify(article):
    """The people with a byline who sign in: their own accounts, nobody else's."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, person__bylines__article=article)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _send(recipients, template, article, step):
    """One message per recipient, so no one sees who else was told; failures are logged."""
    context = {
        "article": article,
        "step": step,
        "by": display_name(step.user),
        "path": reverse("admin:articles_article_change", args=[article.pk]),
    }
    subject = render_to_string(f"articles/email/{template}_subject.txt", context).strip()
    text = render_to_string(f"articles/email/{template}.txt", context)
    messages = [
        EmailMessage(" ".join(subject.split()), text, settings.DEFAULT_FROM_EMAIL, [user.email])
        for user in recipients
    ]
    if not messages:
        return 0
    try:
        return mailers.default.send_messages(messages)
    except (smtplib.SMTPException, OSError):
        logger.exception("Workflow e-mail about story %s could not be sent.", article.pk)
        return 0


def notify_submitted(article, step):
    return _send(editors_to_notify(article), "submitted", article, step)


def notify_returned(article, step):
    return _send(authors_to_notify(article), "returned", article, step)


def notify_approved(article, step):
    sent = _send(authors_to_notify(article), "approved", article, step)
    return sent + notify_khmer_desk(article, step)


def notify_published(article, step):
    sent = _send(authors_to_notify(article), "published", article, step)
    return sent + notify_khmer_desk(article, step)


def khmer_desk_to_notify(article, step):
    """
    The Khmer desk (active members of the "Khmer desk" group with an e-mail
    address), when ``step`` is the first approval of an English story that
    has no Khmer version yet: approved to wait, scheduled or published at once.
    """
    if (
        article.language != Language.ENGLISH
        or Article.objects.filter(translation_of=article).exists()
    ):
        return []
    approved_before = (
        Transition.objects.filter(
            article=article, to_status__in=[Status.APPROVED, Status.PUBLISHED]
        )
        .exclude(pk=step.pk)
        .exists()
    )
    if approved_before:
        return []
    users = get_user_model().objects.filter(is_active=True, groups__name=KHMER_DESK_GROUP)
    return list(users.exclude(email="").distinct().order_by("pk"))


def notify_khmer_desk(article, step):
    return _send(khmer_desk_to_notify(article, step), "translation_wanted", article, step)


# Share links --------------------------------------------------------------------------


class _ShareSigner(signing.TimestampSigner):
    """Signs with the link's creation time, so a link's token never changes."""

    def __init__(self, *, at=None):
        super().__init__(salt=SHARE_LINK_SALT)
        self.at = at

    def timestamp(self):
        if self.at is None:
            return super().timestamp()
        return signing.b62_encode(int(self.at.timestamp()))


def share_token(link):
    return _ShareSigner(at=link.created_at).sign(link.key)


def create_share_link(*, article, editor, recipient, expires_in):
    """
    A link showing the unpublished story, read-only, until ``expires_in``
    (a timedelta, at most 30 days) has passed or it is revoked.
    """
    if not is_editor(editor):
        raise NotAllowed(_("Only editors share stories outside the newsroom."))
    recipient = (recipient or "").strip()
    if not recipient:
        raise WorkflowError(_("Say who the link is for."))
    if not datetime.timedelta(0) < expires_in <= SHARE_LINK_LONGEST:
        raise WorkflowError(_("A link lasts at most 30 days."))
    if article.is_live():
        raise WorkflowError(_("The story is published: share its public address instead."))
    now = timezone.now().replace(microsecond=0)
    expires_at = now + expires_in
    if article.is_scheduled(now=now):
        # A link dies when its story goes live.
        expires_at = min(expires_at, article.published_at)
    return ShareLink.objects.create(
        article=article,
        key=secrets.token_urlsafe(24),
        recipient=recipient,
        created_by=editor,
        created_at=now,
        expires_at=expires_at,
    )


def end_share_links(*, article, at, editor):
    """
    The story goes live at ``at``: its share links die then, for good. Taken
    down again later, the story is not shown through an old link: a link is
    for a story nobody outside has seen, and this one has been public.
    """
    links = ShareLink.objects.filter(article=article, revoked_at__isnull=True)
    if at <= timezone.now():
        links.update(revoked_at=at, revoked_by=editor)
    else:
        links.filter(expires_at__gt=at).update(expires_at=at)


def revoke_share_link(*, link, editor):
    if not is_editor(editor):
        raise NotAllowed(_("Only editors revoke share links."))
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = editor
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link


def shared_article(token):
    """
    The story a share token shows, or None for a forged, expired, revoked or
    published one. The signature is checked (in constant time) before the
    database is asked anything.
    """
    signer = _ShareSigner()
    try:
        key = signer.unsign(token, max_age=SHARE_LINK_LONGEST)
    except signing.BadSignature:
        return None
    link = ShareLink.objects.filter(key=key).select_related("article").first()
    if link is None or not link.is_active():
        return None
    try:
        signer.unsign(token, max_age=link.expires_at - link.created_at)
    except signing.BadSignature:
        return None
    if link.article.is_live():
        return None
    return link.article


# Who has a story open ---------------------------------------------------------------


def mark_presence(*, article, user):
    """Note that ``user`` has the story open now."""
    now = timezone.now()
    # An update, not a save: being seen is not a change readers' pages care about.
    if not EditingPresence.objects.filter(article=article, user=user).update(last_seen=now):
        EditingPresence.objects.get_or_create(
            article=article, user=user, defaults={"last_seen": now}
        )


def leave(*, article, user):
    EditingPresence.objects.filter(article=article, user=user).delete()


def others_present(*, article, user, now=None):
    """The other people who have the story open right now."""
    since = (now or timezone.now()) - PRESENCE_WINDOW
    return list(
        EditingPresence.objects.filter(article=article, last_seen__gte=since)
        .exclude(user=user)
        .select_related("user__person")
        .order_by("last_seen")
    )


def presence_names(presences):
    return [display_name(presence.user) for presence in presences]


def waiting_label(since, *, now=None):
    """How long a story has waited in review, in plain words."""
    if since is None:
        return "—"
    minutes = int(((now or timezone.now()) - since).total_seconds() // 60)
    if minutes < 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = minutes // 60
    if hours < 48:
        return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
    days = hours // 24
    return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
