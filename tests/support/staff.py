"""
Staff signed in as the workspace asks: with their password and their second
factor. ``sign_in`` stores in the session exactly what the second-factor step
stores once a code is accepted (the device that verified it), for a real
authenticator-app device of the user's; ``next_code`` is what the app shows.
``sign_in_through_form`` goes through the sign-in form itself.
"""

import time

from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

FIREFOX_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
)
CHROME_ON_ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)


def authenticator_app(user):
    """The user's authenticator app (made, confirmed, on first use)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def sign_in(client, user):
    """Sign ``user`` in on ``client`` with their password and their authenticator app."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator_app(user).persistent_id
    session.save()
    return client


def sign_in_through_form(client, username, password, **headers):
    """
    The password step of the workspace's sign-in form, as a person takes it;
    return the response (a second factor, if the account has one, comes next).
    """
    client.get(reverse("admin:login"), **headers)
    return client.post(
        reverse("admin:login"), {"username": username, "password": password}, **headers
    )


def app_clock(device, when):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = when
    return totp


def code_at(device, when):
    """The code ``device``'s app shows at the Unix time ``when``."""
    return f"{app_clock(device, when).token():0{device.digits}d}"


def next_code(device):
    """
    A code ``device`` accepts now: the current one, or, when that one was
    used already, the next (accepted a step early), waiting for it if need be.
    """
    device.refresh_from_db()
    while True:
        now = time.time()
        step = app_clock(device, now).t()
        for ahead in range(device.tolerance + 1):
            if step + ahead > device.last_t:
                return code_at(device, now + ahead * device.step)
        time.sleep(device.step - (now - device.t0) % device.step + 0.05)
