"""
Signing in to the newsroom's workspace: password reset by e-mail and the
address that failed sign-ins are counted against.

The reset pages are Django's own views, shown in the admin's look; what they
promise (the same answer whether or not the address is known, a link that
works once and expires, no token left in the address bar) is tested in
``tests/test_accounts.py``.
"""

import math

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse_lazy


def client_ip(request):
    """
    The address of whoever is signing in, as far as we can trust it.

    With no trusted proxy it is the socket's address. Behind ``n`` proxies it
    is the address the outermost of ours saw: the ``n``-th entry from the right
    of X-Forwarded-For. Entries further left were written by the client and are
    never used, so changing them does not reset the failed sign-in count.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < proxies:
        return remote
    return hops[-proxies]


def locked_out(request, original_response=None, credentials=None):
    """
    django-axes' answer once an address has failed too often: 429, the same
    page whatever username was tried, saying how long to wait.
    """
    context = {
        **admin.site.each_context(request),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)


class AdminLookMixin:
    """The admin's header and titles on the reset pages."""

    def get_context_data(self, **kwargs):
        return {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}


class PasswordResetView(AdminLookMixin, auth_views.PasswordResetView):
    success_url = reverse_lazy("password_reset_done")


class PasswordResetDoneView(AdminLookMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(AdminLookMixin, auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(AdminLookMixin, auth_views.PasswordResetCompleteView):
    pass
