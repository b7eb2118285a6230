"""
The second step of signing in, and every other place a fresh code is asked
for (removing a factor, an administrator's reset): each failed code counts
with the failed passwords in django-axes, so guessing codes locks the
username out from that address as guessing passwords does, and a locked-out
session is signed out.

django-axes keeps a failed password counted after a right one
(``AXES_RESET_ON_SUCCESS`` is off): the count is wiped only when the whole
sign-in succeeds, here, or at the password for someone with no factor.
Otherwise signing in again with a stolen password would wipe the failed codes.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django_otp import login as otp_login

from workflow.accounts import client_ip, locked_out

from . import devices, policy


def credentials(user):
    return {"username": user.get_username()}


def check_code(request, code):
    """
    The device of ``request.user`` that accepts ``code``, or None. The
    second item tells whether the username is now locked out from here.
    """
    user = request.user
    if not AxesProxyHandler.is_allowed(request, credentials(user)):
        return None, True
    device = devices.matching_device(request, user, code)
    if device is not None:
        return device, False
    user_login_failed.send(sender=__name__, credentials=credentials(user), request=request)
    return None, bool(getattr(request, "axes_locked_out", False))


def is_locked_out(request):
    return not AxesProxyHandler.is_allowed(request, credentials(request.user))


def shut_out(request):
    """Sign the locked-out user out: the 429 page says how long to wait."""
    response = locked_out(request)
    logout(request)
    return response


def passed(request, device):
    """The sign-in is complete: this session is verified by ``device``."""
    otp_login(request, device)
    forget_failures(request, request.user)


def forget_failures(request, user):
    AxesProxyHandler.reset_attempts(ip_address=client_ip(request), username=user.get_username())


@receiver(user_logged_in, dispatch_uid="second_factor_password_only")
def password_was_all(sender, request, user, **kwargs):
    """For someone with no second factor, the right password completes the sign-in."""
    if request is not None and not policy.has_factor(user):
        forget_failures(request, user)
