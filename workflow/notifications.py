"""
Who is told by e-mail when a story moves: the section's editors when it is
submitted, its authors when it is returned, approved or published, the Khmer
desk when an English story is first approved. One message per recipient; a
failure is logged, never raised.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, mailers
from django.template.loader import render_to_string
from django.urls import reverse

from articles.models import (
    Article,
    Language,
)

from .models import Transition
from .roles import EDITORS_GROUP, display_name

logger = logging.getLogger(__name__)

# Told when an English story is first approved (articles/migrations/0009_translations.py).
KHMER_DESK_GROUP = "Khmer desk"


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
    subject = render_to_string(f"workflow/email/{template}_subject.txt", context).strip()
    text = render_to_string(f"workflow/email/{template}.txt", context)
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
            article=article, to_status__in=[Article.Status.APPROVED, Article.Status.PUBLISHED]
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
