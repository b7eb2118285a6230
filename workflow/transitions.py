"""
The two steps every change of a story's state is made of: its row locked for
the rest of the transaction (and checked against a stale page), and a move
from one status to another recorded as a workflow step, with whoever is to be
told told once it is committed (by a background task).
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from articles.models import Article

from . import notifications
from .errors import StaleVersion
from .models import Transition
from .revisions import latest_revision
from .roles import display_name


def lock_story(article, expected_version=None):
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


def record_move(*, article, user, to, note="", publish_at=None, changes=None, notify=None):
    """
    Change the status of the locked ``article`` and record the step; ``notify``
    names the notice whoever is to be told gets once it is committed
    (``notifications.recipients``).
    """
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
        notifications.notify(notify, step)
    return step


def copy_stored_fields(article, fresh):
    """Copy what the database now holds of the story onto the caller's instance."""
    for field in Article._meta.concrete_fields:
        setattr(article, field.attname, getattr(fresh, field.attname))
