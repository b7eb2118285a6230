"""
Adding, using and removing second factors. Each change e-mails the user, in
their language, and sends its signal (``signals``): someone who stole a
password and then changed the factors is noticed.
"""

import base64

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from workflow import account_events

from . import signals

RECOVERY_CODES = 10
APP = "app"
PASSKEY = "passkey"
RECOVERY = "recovery"
# The sentence subject each kind of factor is named by in the mails.
KIND_NAMES = {
    APP: gettext_lazy("An authenticator app"),
    PASSKEY: gettext_lazy("A passkey or security key"),
    RECOVERY: gettext_lazy("A set of recovery codes"),
}


def kind_of(device):
    if isinstance(device, TOTPDevice):
        return APP
    if isinstance(device, WebAuthnCredential):
        return PASSKEY
    return RECOVERY


def pending_app(user):
    """The authenticator app ``user`` is adding: a key shown until a code from it confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, confirmed=False, name=_("Authenticator app"))
    return device


def secret_for_typing(device):
    """The app's key in base32, in groups of four, as an app asks for it when typed."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def confirm_app(*, request, device, code):
    """
    Keep the app ``device`` if ``code`` is its current code: it counts as the
    factor this session was verified with. Return whether it was kept.
    """
    if not device.verify_token(code):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    factor_added(request=request, device=device)
    return True


def factor_added(*, request, device):
    """Mark this session verified by the new ``device`` unless it already is, and tell the user."""
    if not request.user.is_verified():
        otp_login(request, device)
    kind = kind_of(device)
    signals.second_factor_added.send(
        sender=type(device), user=device.user, request=request, by=request.user, kind=kind
    )
    account_events.tell(device.user, "factor_added", factor=kind)


def matching_device(request, user, code):
    """
    The device of ``user`` that accepts ``code`` now: an app's code (each
    used once, and only within its time window) or a recovery code (used up).
    """
    code = "".join(str(code).split()).lower()
    if not code:
        return None
    with transaction.atomic():
        for device in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(code):
                return device
        for device in StaticDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(code):
                recovery_code_used(request=request, device=device)
                return device
    return None


def recovery_code_used(*, request, device):
    left = device.token_set.count()
    signals.recovery_code_used.send(
        sender=StaticDevice, user=device.user, request=request, by=device.user, kind=RECOVERY
    )
    account_events.tell(device.user, "recovery_code_used", left=left)


def new_recovery_codes(*, request, user):
    """``RECOVERY_CODES`` new recovery codes for ``user``; those made before stop working."""
    with transaction.atomic():
        device, created = StaticDevice.objects.get_or_create(
            user=user, defaults={"name": _("Recovery codes")}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _number in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    if created:
        signals.second_factor_added.send(
            sender=StaticDevice, user=user, request=request, by=request.user, kind=RECOVERY
        )
    return codes


def remove_factor(*, request, device):
    """
    Remove ``device``. Recovery codes go with the last app or passkey: they
    are a way back to a factor, never one alone.
    """
    from .policy import sign_in_devices

    user = device.user
    removed = [device]
    with transaction.atomic():
        device.delete()
        if not sign_in_devices(user):
            removed += list(StaticDevice.objects.filter(user=user))
            StaticDevice.objects.filter(user=user).delete()
    for gone in removed:
        kind = kind_of(gone)
        signals.second_factor_removed.send(
            sender=type(gone), user=user, request=request, by=request.user, kind=kind
        )
        account_events.tell(user, "factor_removed", factor=kind)


def reset_factors(*, request, user):
    """An administrator removes every factor of ``user``, who lost theirs, and tells them."""
    with transaction.atomic():
        for model in (TOTPDevice, StaticDevice, WebAuthnCredential):
            model.objects.filter(user=user).delete()
    signals.second_factor_reset.send(
        sender=type(user), user=user, request=request, by=request.user, kind="all"
    )
    account_events.tell(user, "factors_reset", admin=request.user.get_username())


def user_devices(user):
    """Every factor of ``user``, by kind, for the page that lists them."""
    return {
        APP: list(TOTPDevice.objects.filter(user=user, confirmed=True)),
        PASSKEY: list(WebAuthnCredential.objects.filter(user=user, confirmed=True)),
        RECOVERY: StaticToken.objects.filter(device__user=user).count(),
    }


def device_of(user, kind, pk):
    """``user``'s own device of ``kind`` numbered ``pk``, or None."""
    model = {APP: TOTPDevice, PASSKEY: WebAuthnCredential}.get(kind)
    if model is None:
        return None
    return model.objects.filter(user=user, pk=pk, confirmed=True).first()
