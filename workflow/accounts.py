"""
Signing in to the newsroom's workspace: password reset by e-mail, its limits,
and the address that failed sign-ins and reset requests are counted against.

The reset pages are Django's own views, shown in the admin's look; what they
promise (the same answer whether or not the address is known, a link to the
site's own address that works once and expires, no token left in the address
bar, a limit on mails per address and on requests per client) is tested in
``tests/test_accounts.py``.
"""

import math
import time
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from .mail import language_of, message, site_url


def client_ip(request):
    """
    The address of whoever is signing in, as far as it can be trusted.

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
    django-axes' answer once a username has failed too often from one address:
    429, the same page whether or not the username exists, saying how long to wait.
    """
    context = {
        **admin.site.each_context(request),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)


def throttle(scope, identity, *, limit, window):
    """
    Count one request by ``identity`` against ``limit`` requests per ``window``
    (a timedelta), in the cache that every server process shares.

    Return 0 when the request is within the limit, otherwise the seconds until
    the oldest counted request leaves the window. A refused request is not
    counted, so waiting is always enough.
    """
    # A keyed hash: the cache never holds an e-mail or client address, and one
    # read from it cannot be checked against a guessed address without SECRET_KEY.
    digest = salted_hmac(f"workflow.accounts.{scope}", identity, algorithm="sha256").hexdigest()
    keys = [f"newsroom:{scope}:{digest}:{slot}" for slot in range(limit)]
    seconds = int(window.total_seconds())
    now = time.time()
    # Each request takes one of ``limit`` slots, held for the window. add()
    # takes a slot only if it is free (atomic on Redis and memcached), and the
    # slot frees itself by expiring: any stretch of one window holds at most
    # ``limit`` requests, with no counter whose expiry incr() could reset.
    taken = cache.get_many(keys)
    for key in keys:
        if key not in taken and cache.add(key, now, timeout=seconds):
            return 0
    oldest = min(taken.values(), default=now)
    return max(1, math.ceil(oldest + seconds - now))


def normalize_email(email):
    """``email`` as Django's reset form compares addresses: NFKC, case-folded."""
    return unicodedata.normalize("NFKC", email).casefold()


class AdminLookMixin:
    """The admin's header and titles on the reset pages."""

    def get_context_data(self, **kwargs):
        return {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}


def password_reset_mail(user, *, uid, token):
    """The mail with ``user``'s link to choose a new password, in their language."""
    language = language_of(user)
    with translation.override(language):
        link = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
        return message(
            to=user.email,
            subject=_("Reset your password on %(site)s")
            % {"site": urlsplit(settings.SITE_URL).netloc},
            lead=_(
                "Someone asked to reset the password of your newsroom account, "
                "%(username)s. If it was you, choose a new password: the link works "
                "once, within an hour. If it was not, ignore this mail; your password "
                "stays as it is."
            )
            % {"username": user.get_username()},
            links=[(_("Choose a new password"), site_url(link))],
            language=language,
        )


class PasswordResetForm(auth_forms.PasswordResetForm):
    """
    Django's reset form, its mail written as every newsroom mail is
    (``mail.py``): in the account's language, with a text and an HTML part
    and a link to ``settings.SITE_URL``. The mail is sent by a task
    (``tasks.send_password_reset``), which makes the link when it sends it:
    the answer takes as long whether or not the address has an account.
    """

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from .tasks import send_password_reset  # The task module imports this one.

        send_password_reset.enqueue(user_id=context["user"].pk)


class PasswordResetView(AdminLookMixin, auth_views.PasswordResetView):
    """
    Django's reset form, with links to ``settings.SITE_URL`` and two limits per
    ``PASSWORD_RESET_WINDOW``: ``PASSWORD_RESET_REQUESTS_PER_CLIENT`` requests
    from one client address (then 429, and nothing is sent), and
    ``PASSWORD_RESET_MAILS_PER_ADDRESS`` mails to one e-mail address (then the
    usual answer, with no mail, so the answer never tells whether an account exists).
    """

    form_class = PasswordResetForm
    success_url = reverse_lazy("password_reset_done")

    def post(self, request, *args, **kwargs):
        wait = throttle(
            "password-reset-client",
            client_ip(request),
            limit=settings.PASSWORD_RESET_REQUESTS_PER_CLIENT,
            window=settings.PASSWORD_RESET_WINDOW,
        )
        if wait:
            context = {**admin.site.each_context(request), "wait_minutes": math.ceil(wait / 60)}
            response = render(
                request, "registration/password_reset_throttled.html", context, status=429
            )
            response["Retry-After"] = str(wait)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        wait = throttle(
            "password-reset-address",
            normalize_email(form.cleaned_data["email"]),
            limit=settings.PASSWORD_RESET_MAILS_PER_ADDRESS,
            window=settings.PASSWORD_RESET_WINDOW,
        )
        if wait:
            # Exactly what a request that sends mail gets (FormView.form_valid):
            # a refusal must not tell that the address belongs to an account.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetDoneView(AdminLookMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(AdminLookMixin, auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(AdminLookMixin, auth_views.PasswordResetCompleteView):
    pass
