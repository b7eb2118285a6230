"""
Who has a story open in the workspace, and how long stories have waited in
review.
"""

import datetime

from django.utils import timezone
from django.utils.translation import ngettext

from .models import EditingPresence
from .roles import display_name

# Someone whose open story page has not been heard from for this long has left it.
PRESENCE_WINDOW = datetime.timedelta(minutes=2)
# How often an open story page says it is still open (workflow/js/workflow.js).
HEARTBEAT_SECONDS = 45


def mark_presence(*, article, user):
    """Note that ``user`` has the story open now."""
    now = timezone.now()
    # An update, not a save: being seen is not a change readers' pages care about.
    if not EditingPresence.objects.filter(article=article, user=user).update(last_seen=now):
        EditingPresence.objects.get_or_create(
            article=article, user=user, defaults={"last_seen": now}
        )


def mark_absence(*, article, user):
    """Note that ``user`` closed the story's page."""
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
