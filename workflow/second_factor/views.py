"""
The second factor's pages under ``/admin/second-factor/``: the list and
walk-through (setting one up, first of all, for those who need one), adding
an authenticator app, recovery codes, removing a factor, the sign-in step
that asks for it, and an administrator's reset for a user who lost theirs.

They are open to a signed-in member of staff who still owes a second factor
(``middleware.OPEN_NAMESPACES``), so each checks for itself what it needs.
"""

import functools
from urllib.parse import urlencode

import segno
from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model, logout
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import devices, policy, signin


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=32,
        help_text=gettext_lazy(
            "The six-digit code your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


def next_address(request):
    """The workspace address the user was on their way to, if it is this site's."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def staff_page(*, verified):
    """
    For active staff only (others go to the sign-in page). ``verified``: the
    page changes factors, so someone who has one must have given it in this
    session; someone with none may add their first.
    """

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not (user.is_active and user.is_staff):
                return redirect_to_login(request)
            if verified and policy.next_step(request) == policy.VERIFY:
                return redirect_with_next("second_factor:verify", request.get_full_path())
            return view(request, *args, **kwargs)

        return never_cache(require_http_methods(["GET", "HEAD", "POST"])(wrapped))

    return decorate


def redirect_to_login(request):
    return redirect_with_next("admin:login", request.get_full_path())


def redirect_with_next(name, target):
    return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': target})}")


def page(request, template, title, **context):
    context = {**admin.site.each_context(request), "title": title, **context}
    return render(request, f"workflow/second_factor/{template}", context)


@staff_page(verified=True)
def factors(request):
    """The user's factors, and the walk-through that adds them."""
    found = devices.user_devices(request.user)
    return page(
        request,
        "factors.html",
        _("Second factor"),
        apps=found[devices.APP],
        passkeys=found[devices.PASSKEY],
        recovery_left=found[devices.RECOVERY],
        has_factor=bool(found[devices.APP] or found[devices.PASSKEY]),
        must_set_up=policy.next_step(request) == policy.SETUP,
        next=next_address(request),
    )


@staff_page(verified=True)
def add_app(request):
    """Scan (or type) the app's key, then prove it works with a code from it."""
    device = devices.pending_app(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if devices.confirm_app(request=request, device=device, code=form.cleaned_data["code"]):
            messages.success(request, _("The authenticator app was added."))
            return HttpResponseRedirect(reverse("second_factor:factors"))
        form.add_error("code", _("That code is not the one the app shows now. Try the next one."))
    qr = segno.make(device.config_url, error="m")
    return page(
        request,
        "add_app.html",
        _("Add an authenticator app"),
        form=form,
        # segno's drawing of the app's own otpauth address: modules, no text of anyone's.
        qr_svg=mark_safe(qr.svg_inline(scale=5, dark="#000", light="#fff")),  # noqa: S308
        secret=devices.secret_for_typing(device),
    )


@staff_page(verified=True)
def recovery_codes(request):
    """Make a new set of recovery codes, shown this once; the old set stops working."""
    if not policy.has_factor(request.user):
        return HttpResponseRedirect(reverse("second_factor:factors"))
    codes = None
    if request.method == "POST":
        codes = devices.new_recovery_codes(request=request, user=request.user)
    return page(request, "recovery_codes.html", _("Recovery codes"), codes=codes)


@staff_page(verified=True)
def remove(request, kind, pk):
    """Remove one app or passkey: a code given now confirms it is still you."""
    device = devices.device_of(request.user, kind, pk)
    if device is None:
        return HttpResponseRedirect(reverse("second_factor:factors"))
    form = CodeForm(request.POST or None)

    def remove_it():
        devices.remove_factor(request=request, device=device)
        messages.success(request, _("“%(name)s” was removed.") % {"name": device.name})
        return HttpResponseRedirect(reverse("second_factor:factors"))

    return with_fresh_code(request, form, remove_it) or page(
        request, "remove.html", _("Remove a second factor"), form=form, device=device
    )


def with_fresh_code(request, form, act):
    """
    ``act()``'s answer once the form holds a code of the user's own, given
    now; None, with the form saying why, for a wrong one. Too many wrong codes
    sign the session out, as at sign-in.
    """
    if not form.is_valid():
        return None
    proof, locked = signin.check_code(request, form.cleaned_data["code"])
    if locked:
        return signin.shut_out(request)
    if proof is None:
        form.add_error("code", _("That code was not accepted."))
        return None
    return act()


@require_http_methods(["POST"])
def sign_out(request):
    """
    Sign out before giving the second factor: the admin's own sign-out is
    closed to a session that has not (``WorkspaceSite.has_permission``).
    """
    logout(request)
    return HttpResponseRedirect(reverse("admin:login"))


@staff_page(verified=False)
def verify(request):
    """After the password: a code, a recovery code or a passkey."""
    step = policy.next_step(request)
    if step != policy.VERIFY:
        target = reverse("second_factor:factors") if step == policy.SETUP else None
        return HttpResponseRedirect(target or next_address(request))
    if signin.is_locked_out(request):
        return signin.shut_out(request)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device, locked = signin.check_code(request, form.cleaned_data["code"])
        if locked:
            return signin.shut_out(request)
        if device is not None:
            signin.passed(request, device)
            return HttpResponseRedirect(next_address(request))
        form.add_error("code", _("That code was not accepted."))
    kinds = {devices.kind_of(device) for device in policy.factors_of(request)}
    return page(
        request,
        "verify.html",
        _("Confirm it is you"),
        form=form,
        next=next_address(request),
        has_passkey=devices.PASSKEY in kinds,
    )


@staff_page(verified=True)
def reset(request, user_id):
    """
    An administrator removes every factor of a user who lost theirs: with
    their own second factor given in this session, and a fresh code now.
    """
    if not (request.user.has_perm("auth.change_user") and request.user.is_verified()):
        raise PermissionDenied
    user = get_object_or_404(get_user_model(), pk=user_id)
    form = CodeForm(request.POST or None)

    def reset_them():
        devices.reset_factors(request=request, user=user)
        messages.success(
            request,
            _("Every second factor of %(username)s was removed; they were told by e-mail.")
            % {"username": user.get_username()},
        )
        return HttpResponseRedirect(reverse("admin:auth_user_change", args=[user.pk]))

    return with_fresh_code(request, form, reset_them) or page(
        request,
        "reset.html",
        _("Reset a user's second factors"),
        form=form,
        account=user,
        found=devices.user_devices(user),
    )
