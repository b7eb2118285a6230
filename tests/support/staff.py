"""
Staff signed in as the workspace asks: with their password and their second
factor. ``sign_in`` stores in the session exactly what the second-factor step
stores once a code is accepted (the device that verified it), for a real
authenticator-app device of the user's; ``next_code`` is what the app shows.
``sign_in_through_form`` goes through the sign-in form itself.
"""

import time

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from workflow.second_factor.policy import has_factor, is_required

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
    Sign in through the workspace's forms, as a person does: the password,
    then the code an authenticator app shows, for an account that has a
    second factor or must have one (it is given a new app each time, so a
    code is never one the account used already). Return the last response.
    """
    user = get_user_model().objects.filter(username=username).first()
    device = None
    if user is not None and (is_required(user) or has_factor(user)):
        device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    client.get(reverse("admin:login"), **headers)
    response = client.post(
        reverse("admin:login"), {"username": username, "password": password}, **headers
    )
    if device is None or response.status_code != 302:
        return response
    # The workspace sends the browser on to the second-factor step.
    step = client.get(response["Location"], **headers)
    if step.status_code != 302 or not step["Location"].startswith(reverse("second_factor:verify")):
        return step
    client.get(step["Location"], **headers)
    return client.post(step["Location"], {"code": next_code(device)}, **headers)


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
