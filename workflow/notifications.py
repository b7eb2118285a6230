"""
Who is told by e-mail when a story moves: the section's editors when it is
submitted, its authors when it is returned, approved or published, the Khmer
desk when an English story is first approved. Never the person who made the
move. One message per recipient, in their language (``mail.py``).

The mails are written and sent by a background task (``tasks.py``) enqueued
with the move: a slow or unreachable mail server never holds up the desk.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from articles.models import (
    Article,
    Language,
)

from .mail import language_of, message, site_url
from .models import Transition
from .roles import EDITORS_GROUP, display_name

# Told when an English story is first approved (articles/migrations/0009_translations.py).
KHMER_DESK_GROUP = "Khmer desk"


def _staff_with_address():
    return get_user_model().objects.filter(is_active=True).exclude(email="")


def editors_to_notify(article, actor=None):
    """
    The editors of the story's section, or every editor when it names none
    (or none but ``actor``, who made the move and is never told of it).
    """
    users = _staff_with_address().filter(groups__name=EDITORS_GROUP)
    if actor is not None:
        users = users.exclude(pk=actor.pk)
    if article.section_id:
        section_editors = users.filter(edited_sections=article.section_id)
        if section_editors.exists():
            users = section_editors
    return list(users.distinct().order_by("pk"))


def authors_to_notify(article, actor=None):
    """
    The people with a byline who sign in: their own accounts, nobody else's,
    and not ``actor``, who made the move.
    """
    users = _staff_with_address().filter(person__bylines__article=article)
    if actor is not None:
        users = users.exclude(pk=actor.pk)
    return list(users.distinct().order_by("pk"))


def _notice(kind, article, step):
    """What a ``kind`` of notice says, in the active language: (subject, lead, note, links)."""
    by, story = display_name(step.user), article.headline
    workspace = site_url(reverse("admin:articles_article_change", args=[article.pk]))
    open_story = (_("Open the story in the workspace"), workspace)
    if kind == "submitted":
        section = article.section.name if article.section_id else _("no section")
        return (
            _("For review: %(story)s") % {"story": story},
            _("%(by)s submitted “%(story)s” (%(section)s) for review.")
            % {"by": by, "story": story, "section": section},
            step.note,
            [open_story],
        )
    if kind == "returned":
        return (
            _("Returned to you: %(story)s") % {"story": story},
            _("%(by)s returned “%(story)s” to draft with this note:") % {"by": by, "story": story},
            step.note,
            [(_("Make the changes, then submit it again"), workspace)],
        )
    if kind == "approved":
        return (
            _("Approved: %(story)s") % {"story": story},
            _("%(by)s approved “%(story)s”. It is not published yet.") % {"by": by, "story": story},
            "",
            [open_story],
        )
    if kind == "published" and step.is_scheduling:
        when = formats.date_format(timezone.localtime(step.publish_at), "DATETIME_FORMAT")
        return (
            _("Scheduled: %(story)s") % {"story": story},
            _("%(by)s approved “%(story)s”. Readers will see it from %(when)s (Phnom Penh time).")
            % {"by": by, "story": story, "when": when},
            "",
            [open_story],
        )
    if kind == "published":
        with translation.override(article.language):
            public = site_url(article.get_absolute_url())
        return (
            _("Published: %(story)s") % {"story": story},
            _("%(by)s approved and published “%(story)s”. Readers can see it now.")
            % {"by": by, "story": story},
            "",
            [(_("Read it on the site"), public), open_story],
        )
    return (
        _("To translate into Khmer: %(story)s") % {"story": story},
        _(
            "%(by)s approved “%(story)s” in English. It has no Khmer version yet: start "
            "one from the translation board, or link a Khmer story to it as its translation."
        )
        % {"by": by, "story": story},
        "",
        [
            (
                _("Open the translation board"),
                site_url(reverse("admin:articles_article_translations")),
            ),
            open_story,
        ],
    )


def notice_mail(kind, step, user):
    """The ``kind`` of notice about ``step``'s move, to ``user``, in their language."""
    language = language_of(user)
    with translation.override(language):
        subject, lead, note, links = _notice(kind, step.article, step)
        return message(
            to=user.email, subject=subject, lead=lead, note=note, links=links, language=language
        )


def recipients(kind, step):
    """
    Who is told of ``step``'s move, and what: pairs of (notice kind, user).
    ``kind`` is "submitted", "returned", "approved" or "published"; an
    approval also tells the Khmer desk that a story waits for translation.
    """
    article = step.article
    if kind == "submitted":
        return [(kind, user) for user in editors_to_notify(article, step.user)]
    told = [(kind, user) for user in authors_to_notify(article, step.user)]
    if kind in ("approved", "published"):
        told += [("translation_wanted", user) for user in khmer_desk_to_notify(article, step)]
    return told


def notify(kind, step):
    """
    Enqueue the task telling ``recipients(kind, step)`` of the move. On the
    database backend it is a row of the move's own transaction: the mails go
    exactly when the move is committed.
    """
    from .tasks import send_notices  # The task module imports this one.

    send_notices.enqueue(kind=kind, step_id=step.pk)


def khmer_desk_to_notify(article, step):
    """
    The Khmer desk (active members of the "Khmer desk" group with an e-mail
    address), when ``step`` is the first approval of an English story that
    has no Khmer version yet: approved to wait, scheduled or published at once.
    Not the editor who approved it.
    """
    if (
        article.language != Language.ENGLISH
        or Article.objects.filter(translation_of=article).exists()
    ):
        return []
    approved_before = (
        Transition.objects.filter(
            article=article, to_status__in=[Article.Status.APPROVED, Article.Status.PUBLISHED]
        )
        .exclude(pk=step.pk)
        .exists()
    )
    if approved_before:
        return []
    users = _staff_with_address().filter(groups__name=KHMER_DESK_GROUP)
    if step.user is not None:
        users = users.exclude(pk=step.user.pk)
    return list(users.distinct().order_by("pk"))
