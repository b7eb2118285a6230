"""
Staff sessions: each signed-in browser a ``StaffSession`` row, which its
owner sees (``admin/sessions.py``) and may end, one or all others, and an
administrator may end all of (a lost phone).

The row decides whether the session goes on. ``StaffSessionMiddleware``
asks, on every request that carries a session cookie of a signed-in user,
in one query, whether the row is still there, used within
``STAFF_IDLE_TIMEOUT`` and signed in within ``SESSION_COOKIE_AGE`` (the
absolute limit), and notes the request as activity (``goes_on``). A
session whose row is gone, idle or too old is signed out there and then,
whatever the session engine (database or cache): ending a session from
another browser is removing its row. Requests without a session cookie
(readers) cost nothing.

The row holds a hash of the session key, never the key; the browser and
system in a few words; never the client's address.
"""

import datetime
import hashlib
import logging

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import checks
from django.db import OperationalError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.log import record
from audit.models import Action

from .devices import describe
from .models import StaffSession

# Sent by an open story page saying it is still open (workflow.js): it keeps
# the session going, but is not the person's own activity.
HEARTBEAT_HEADER = "HTTP_X_STILL_OPEN"
# How finely "last active" is kept: the idle limit is kept to within this.
ACTIVITY_STEP = datetime.timedelta(minutes=1)

logger = logging.getLogger(__name__)


def check_session_engine(app_configs=None, **kwargs):
    """Sessions kept in signed cookies cannot be ended from elsewhere: refused (workflow.E001)."""
    if settings.SESSION_ENGINE.endswith("signed_cookies"):
        return [
            checks.Error(
                "Staff sessions must be kept on the server to be ended from another browser.",
                hint="Set SESSION_ENGINE to the database (the default) or the cache backend.",
                id="workflow.E001",
            )
        ]
    return []


def idle_minutes():
    return int(settings.STAFF_IDLE_TIMEOUT.total_seconds() // 60)


def key_hash(session_key):
    return hashlib.sha256(session_key.encode()).hexdigest()


def live(sessions, *, now=None):
    """The ``sessions`` neither idle past ``STAFF_IDLE_TIMEOUT`` nor past the absolute limit."""
    now = now or timezone.now()
    return sessions.filter(
        last_active__gte=now - settings.STAFF_IDLE_TIMEOUT,
        signed_in_at__gte=now - datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE),
    )


def start(request, user):
    """Note the session ``user`` has just signed in with (``user_logged_in``); return its row."""
    if request.session.session_key is None:
        request.session.save()
    now = timezone.now()
    # The user's sessions that have run out are forgotten at each sign-in.
    StaffSession.objects.filter(user=user).exclude(
        pk__in=live(StaffSession.objects.filter(user=user), now=now).values("pk")
    ).delete()
    browser, system = describe(request.META.get("HTTP_USER_AGENT"))
    session, _created = StaffSession.objects.update_or_create(
        key_hash=key_hash(request.session.session_key),
        defaults={
            "user": user,
            "browser": browser,
            "system": system,
            "signed_in_at": now,
            "last_active": now,
        },
    )
    return session


def goes_on(request):
    """
    Whether the signed-in session of ``request`` may go on: one query, which
    only reads. A request of the person's own is noted as activity, at most
    once every ``ACTIVITY_STEP`` (a second query then): a write on every
    page would wait behind any other write (SQLite has one writer at a time).
    """
    now = timezone.now()
    session = (
        live(
            StaffSession.objects.filter(
                key_hash=key_hash(request.session.session_key), user_id=request.user.pk
            ),
            now=now,
        )
        .only("last_active")
        .first()
    )
    if session is None:
        return False
    if not request.META.get(HEARTBEAT_HEADER) and session.last_active <= now - ACTIVITY_STEP:
        try:
            StaffSession.objects.filter(pk=session.pk).update(last_active=now)
        except OperationalError:
            # A database too busy to write: the session goes on, and the next
            # request notes the activity.
            logger.warning("The activity of staff session %s was not noted.", session.pk)
    return True


def sign_out_here(request):
    """
    Sign the browser of ``request`` out, its session ended elsewhere or run
    out: the stored session is deleted and the cookie cleared with the
    response. Not ``logout``: the person did not sign out.
    """
    request.session.flush()
    request.user = AnonymousUser()


def follow_new_key(request, old_key):
    """
    The session of ``request`` was given a new key while it was answered (a
    password changed, or signing in again): its row follows it.
    """
    new_key = request.session.session_key
    if new_key is None or not request.user.is_authenticated:
        return
    old = StaffSession.objects.filter(key_hash=key_hash(old_key))
    if StaffSession.objects.filter(key_hash=key_hash(new_key)).exists():
        old.delete()
    elif not old.filter(user=request.user).update(key_hash=key_hash(new_key)):
        start(request, request.user)


def forget(request):
    """The browser of ``request`` signs out: its row goes with its session."""
    if request is not None and request.session.session_key:
        StaffSession.objects.filter(key_hash=key_hash(request.session.session_key)).delete()


def sessions_of(user, request=None):
    """``user``'s live sessions, most recently used first, the one of ``request`` marked."""
    current = None
    if request is not None and request.session.session_key:
        current = key_hash(request.session.session_key)
    sessions = list(live(StaffSession.objects.filter(user=user)).order_by("-last_active", "-pk"))
    for session in sessions:
        session.is_current = session.key_hash == current
    return sessions


def end(sessions, *, user, request, detail):
    """End ``sessions`` of ``user``; return how many. Written to the audit log."""
    ended, _by_model = sessions.filter(user=user).delete()
    if ended:
        record(Action.SESSION_ENDED, request=request, target=user, detail=detail % ended)
    return ended


def end_one(*, request, pk):
    """The signed-in user ends one of their sessions (this one too, if it is the one)."""
    user = request.user
    return end(
        StaffSession.objects.filter(pk=pk),
        user=user,
        request=request,
        detail="%d session ended by its owner",
    )


def end_others(*, request):
    """The signed-in user ends every session of theirs but this browser's."""
    current = key_hash(request.session.session_key)
    return end(
        StaffSession.objects.filter(~Q(key_hash=current)),
        user=request.user,
        request=request,
        detail="%d other sessions ended by their owner",
    )


def end_all(*, user, request):
    """An administrator ends every session of ``user`` (a lost phone, a seized laptop)."""
    return end(
        StaffSession.objects.all(),
        user=user,
        request=request,
        detail="all %d sessions ended by an administrator",
    )


def roughly_ago(when, *, now=None):
    """How long ago ``when`` was, rounded as a person says it: "about 2 hours ago"."""
    seconds = max(0, ((now or timezone.now()) - when).total_seconds())
    minutes = round(seconds / 60)
    if minutes < 1:
        return _("just now")
    if minutes < 45:
        return ngettext("%(n)d minute ago", "%(n)d minutes ago", minutes) % {"n": minutes}
    hours = round(minutes / 60)
    if hours < 24:
        return ngettext("about %(n)d hour ago", "about %(n)d hours ago", hours) % {"n": hours}
    days = round(hours / 24)
    return ngettext("about %(n)d day ago", "about %(n)d days ago", days) % {"n": days}
