"""
Who must sign in with a second factor, and what a signed-in request still
needs before it reaches the workspace.

Editors and site administrators see protected sources' identities, so they
need one; anyone an administrator named (``SecondFactorRequirement``) too.
A journalist may add one, and once they have it, it is asked for as for
everyone else.
"""

from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice

from people.identity import sees_protected_identities
from workflow.models import SecondFactorRequirement

VERIFY = "verify"
SETUP = "setup"


def is_required(user):
    """Whether ``user`` may not reach the workspace without a second factor."""
    if not user.is_active:
        return False
    return (
        user.is_superuser
        or sees_protected_identities(user)
        or SecondFactorRequirement.objects.filter(user=user).exists()
    )


def sign_in_devices(user):
    """``user``'s confirmed factors that can stand alone: apps and passkeys, not recovery codes."""
    return [device for device in devices_for_user(user) if not isinstance(device, StaticDevice)]


def has_factor(user):
    return bool(sign_in_devices(user))


def factors_of(request):
    """``sign_in_devices`` of ``request.user``, read once per request."""
    if not hasattr(request, "_second_factors"):
        request._second_factors = sign_in_devices(request.user)
    return request._second_factors


def next_step(request):
    """
    What ``request.user`` must do before the workspace opens: ``VERIFY`` (give
    a code or passkey), ``SETUP`` (add a factor), or None. Asked once per request.
    """
    if not hasattr(request, "_second_factor_step"):
        request._second_factor_step = _next_step(request)
    return request._second_factor_step


def _next_step(request):
    user = request.user
    # ``is_verified`` is installed on workspace requests (``middleware``); elsewhere it is missing.
    if not user.is_authenticated or getattr(user, "is_verified", bool)():
        return None
    if factors_of(request):
        return VERIFY
    if is_required(user):
        return SETUP
    return None
