"""
Every workspace address checks the second factor before its view runs: the
admin's own pages, the pages apps add to it, its previews and its exports
alike, so a page added later cannot forget. A signed-in member of staff who
still owes one is sent to give it (or to set one up) and may open nothing
else; the admin site's ``has_permission`` says the same (``workflow.site``).
"""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse
from django_otp.middleware import OTPMiddleware

from . import policy

# What a member of staff may open while a second factor is still owed: signing
# in and out, resetting a forgotten password, and the second factor's own pages
# but an administrator's reset of someone else's.
OPEN_NAMESPACES = {"second_factor", "otp_webauthn"}
CLOSED_VIEWS = {"reset"}
OPEN_ADMIN_VIEWS = {"login", "logout"}
OPEN_VIEWS = {
    "admin_password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}


def is_workspace(request):
    return request.path_info.startswith(reverse("admin:index"))


def is_open(match):
    if match.namespace in OPEN_NAMESPACES:
        return match.url_name not in CLOSED_VIEWS
    if match.url_name in OPEN_VIEWS:
        return True
    return match.namespace == "admin" and match.url_name in OPEN_ADMIN_VIEWS


class SecondFactorMiddleware(OTPMiddleware):
    """
    django-otp's middleware (``request.user.is_verified()``, the device that
    verified this session), on workspace addresses only: reader pages never
    read it, and cost no query for it.
    """

    async_capable = False

    def __call__(self, request):
        if is_workspace(request):
            self._install_lazy_accessors(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_workspace(request) or is_open(request.resolver_match):
            return None
        step = policy.next_step(request)
        if step is None:
            return None
        target = reverse(f"second_factor:{'verify' if step == policy.VERIFY else 'factors'}")
        return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
