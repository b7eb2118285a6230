"""
What happens to a staff account, written to the audit log and, where its
owner should know at once, told to them by e-mail: signing in (from a browser
the account has not used before: a mail), failing to, being locked out,
signing out, a password changed (a mail; every session of the account ends),
a role given or taken (group membership, staff or superuser status).

A browser is known by a long-lived signed cookie holding a random id, which
``StaffSessionMiddleware`` sets when its owner signs in; the account keeps a
keyed hash of the id (``KnownBrowser``). Never the client's address.

Connected in ``WorkflowConfig.ready``.
"""

import datetime
import secrets

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.log import record
from audit.models import Action

from . import sessions
from .mail import language_of, message, site_url
from .models import KnownBrowser, StaffSession
from .second_factor import signals as factor_signals

BROWSER_COOKIE = "newsroom_browser"
BROWSER_COOKIE_SALT = "workflow.account_events.browser"
# Browsers keep a cookie for 400 days at most; each sign-in renews it.
BROWSER_COOKIE_AGE = datetime.timedelta(days=400)
ROLE_FLAGS = {"is_staff": "staff access", "is_superuser": "superuser"}
LONGEST_USERNAME = 150


def connect():
    user_model = get_user_model()
    user_logged_in.connect(signed_in, dispatch_uid="workflow-signed-in")
    user_logged_out.connect(signed_out, dispatch_uid="workflow-signed-out")
    user_login_failed.connect(sign_in_failed, dispatch_uid="workflow-sign-in-failed")
    user_locked_out.connect(locked_out, dispatch_uid="workflow-locked-out")
    pre_save.connect(note_roles, sender=user_model, dispatch_uid="workflow-roles-before")
    post_save.connect(account_saved, sender=user_model, dispatch_uid="workflow-account-saved")
    m2m_changed.connect(
        groups_changed, sender=user_model.groups.through, dispatch_uid="workflow-groups"
    )
    for signal, action in (
        (factor_signals.second_factor_added, Action.SECOND_FACTOR_ADDED),
        (factor_signals.second_factor_removed, Action.SECOND_FACTOR_REMOVED),
        (factor_signals.recovery_code_used, Action.RECOVERY_CODE_USED),
        (factor_signals.second_factor_reset, Action.SECOND_FACTOR_RESET),
    ):
        signal.connect(factor_changed(action), weak=False, dispatch_uid=f"workflow-{action}")


def factor_changed(action):
    """A receiver writing ``action`` to the audit log: who did it, to whose account, which kind."""

    def receiver(sender, user, request=None, by=None, kind="", **kwargs):
        record(action, actor=by, target=user, detail=str(kind))

    return receiver


def signed_in(sender, request, user, **kwargs):
    session = sessions.start(request, user)
    detail = str(session.device)
    # A sign-in through a form (a POST), not a test's or a command's login().
    if request.method == "POST" and is_new_browser(request, user):
        detail += " (a browser not used before)"
        tell_new_sign_in(user, session)
    record(Action.SIGNED_IN, actor=user, target=user, detail=detail)


def signed_out(sender, request, user, **kwargs):
    sessions.forget(request)
    if user is not None:
        record(Action.SIGNED_OUT, actor=user, target=user)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:LONGEST_USERNAME]
    account = get_user_model()._default_manager.filter(username=username).first()
    record(Action.SIGN_IN_FAILED, target=account or username)


def locked_out(sender, request, username, **kwargs):
    # The client's address stays in django-axes' own records, and only there.
    record(Action.LOCKED_OUT, target=str(username)[:LONGEST_USERNAME])


def browser_hash(user, browser_id):
    """The account's keyed hash of a browser's id: the same browser hashes apart per account."""
    digest = salted_hmac(BROWSER_COOKIE_SALT, f"{user.pk}:{browser_id}", algorithm="sha256")
    return digest.hexdigest()


def is_new_browser(request, user):
    """
    Whether ``user`` signs in from a browser the account has not used
    before; it is known from now on. The browser's cookie is (re)set with
    the response (``StaffSessionMiddleware``).
    """
    browser_id = request.get_signed_cookie(BROWSER_COOKIE, default=None, salt=BROWSER_COOKIE_SALT)
    if not browser_id:
        browser_id = secrets.token_urlsafe(24)
    request.browser_cookie = browser_id
    _known, created = KnownBrowser.objects.get_or_create(
        user=user, browser_hash=browser_hash(user, browser_id)
    )
    return created


def set_browser_cookie(request, response):
    """Give the browser its id (or renew it) on the response to a sign-in."""
    browser_id = getattr(request, "browser_cookie", None)
    if browser_id:
        response.set_signed_cookie(
            BROWSER_COOKIE,
            browser_id,
            salt=BROWSER_COOKIE_SALT,
            max_age=BROWSER_COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )


def account_saved(sender, instance, created, **kwargs):
    # ``_password`` is Django's note of a password set by set_password() and
    # not saved yet; it is cleared before a hash upgraded at sign-in is saved,
    # which changes no password.
    if not created and getattr(instance, "_password", None) is not None:
        password_changed(instance)
    roles_before = instance.__dict__.pop("_roles_before", None)
    if roles_before is None and not created:
        return
    changes = [
        f"{label}: {'yes' if getattr(instance, flag) else 'no'}"
        for flag, label in ROLE_FLAGS.items()
        if (roles_before or {}).get(flag, False) != getattr(instance, flag)
    ]
    if changes:
        record(Action.ROLE_CHANGED, target=instance, detail="; ".join(changes))


def note_roles(sender, instance, update_fields=None, **kwargs):
    """Before a user is saved: their staff and superuser status as stored."""
    if instance._state.adding:
        return
    if update_fields is not None and not set(update_fields) & set(ROLE_FLAGS):
        return  # last_login at each sign-in, a password: no role read.
    stored = sender._default_manager.filter(pk=instance.pk).values(*ROLE_FLAGS).first()
    if stored is not None:
        instance._roles_before = stored


def groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A user joined or left a group (from either side of the relation)."""
    if action == "pre_clear":
        # Named before they go: post_clear no longer knows them.
        members = instance.groups.all() if not reverse else instance.user_set.all()
        instance._cleared = list(members)
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if action == "post_clear":
        related = instance.__dict__.pop("_cleared", [])
    else:
        related = list(model._default_manager.filter(pk__in=pk_set))
    verb = "joined" if action == "post_add" else "left"
    for other in related:
        user, group = (other, instance) if reverse else (instance, other)
        record(Action.ROLE_CHANGED, target=user, detail=f"{verb} {group.name}")


def password_changed(user):
    """
    Every session of the account ends (the browser that changed it is signed
    in again by ``sessions.follow_new_key``), and its owner is told.
    """
    StaffSession.objects.filter(user=user).delete()
    record(Action.PASSWORD_CHANGED, target=user)
    tell_password_changed(user)


def when_text(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def tell(user, kind, **details):
    """
    Mail ``user`` the account notice ``kind`` (see ``NOTICES``), by a task
    enqueued with the change that asks for it; ``details`` are plain text.
    """
    if not user.email:
        return
    from .tasks import send_account_notice  # The task module imports this one.

    send_account_notice.enqueue(user_id=user.pk, kind=kind, details=details)


def tell_new_sign_in(user, session):
    tell(user, "new_sign_in", device=str(session.device), when=session.signed_in_at.isoformat())


def tell_password_changed(user):
    tell(user, "password_changed", when=timezone.now().isoformat())


def new_sign_in(user, details):
    lead = _(
        "Your newsroom account, %(username)s, was signed in to from a browser it had "
        "not used before: %(device)s, on %(when)s (Phnom Penh time). If it was you, "
        "there is nothing to do. If it was not, change your password now and end that "
        "session."
    ) % {"username": user.get_username(), "device": details["device"], "when": details["when"]}
    sessions_page = site_url(reverse("admin:workflow_staffsession_changelist"))
    return (
        _("New sign-in to your newsroom account"),
        lead,
        [(_("See your signed-in sessions"), sessions_page)],
    )


def password_was_changed(user, details):
    lead = _(
        "The password of your newsroom account, %(username)s, was changed on %(when)s "
        "(Phnom Penh time), and its other signed-in sessions were ended. If it was not "
        "you, ask a site administrator to reset it at once."
    ) % {"username": user.get_username(), "when": details["when"]}
    return (
        _("Your newsroom password was changed"),
        lead,
        [(_("Open the workspace"), site_url(reverse("admin:index")))],
    )


SECOND_FACTOR_NOTICES = {
    "factor_added": (
        gettext_lazy("A second factor was added to your newsroom account"),
        gettext_lazy(
            "%(factor)s was added as a second factor to your newsroom account, %(username)s. "
            "If it was not you, tell the newsroom's administrator at once: someone knows "
            "your password."
        ),
    ),
    "factor_removed": (
        gettext_lazy("A second factor was removed from your newsroom account"),
        gettext_lazy(
            "%(factor)s was removed from the second factors of your newsroom account, "
            "%(username)s. If it was not you, tell the newsroom's administrator at once."
        ),
    ),
    "recovery_code_used": (
        gettext_lazy("A recovery code was used on your newsroom account"),
        gettext_lazy(
            "A recovery code was used to sign in to your newsroom account, %(username)s. "
            "Recovery codes left: %(left)s. If it was not you, tell the newsroom's "
            "administrator at once."
        ),
    ),
    "factors_reset": (
        gettext_lazy("The second factors of your newsroom account were removed"),
        gettext_lazy(
            "An administrator, %(admin)s, removed every second factor of your newsroom "
            "account, %(username)s. Sign in with your password and set up a new one. If you "
            "did not ask for this, tell the newsroom's administrator at once."
        ),
    ),
}


def second_factor_notice(kind):
    """The composer of a second-factor notice: its factor named in the reader's language."""
    from .second_factor.devices import KIND_NAMES  # It imports this module.

    subject, lead = SECOND_FACTOR_NOTICES[kind]

    def compose(user, details):
        values = {**details, "username": user.get_username()}
        if "factor" in values:
            values["factor"] = KIND_NAMES[values["factor"]]
        links = [(_("Your second factors"), site_url(reverse("second_factor:factors")))]
        return str(subject), str(lead) % values, links

    return compose


# What each kind of account notice says: (subject, lead, links) for a user and its details.
NOTICES = {
    "new_sign_in": new_sign_in,
    "password_changed": password_was_changed,
    **{kind: second_factor_notice(kind) for kind in SECOND_FACTOR_NOTICES},
}


def account_notice(user, kind, details):
    """The notice ``kind`` to ``user``, in their language; its times read in Phnom Penh."""
    language = language_of(user)
    with translation.override(language):
        details = {
            name: when_text(datetime.datetime.fromisoformat(value)) if name == "when" else value
            for name, value in details.items()
        }
        subject, lead, links = NOTICES[kind](user, details)
        return message(to=user.email, subject=subject, lead=lead, links=links, language=language)
