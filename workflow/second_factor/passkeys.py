"""
Passkeys and security keys (django-otp-webauthn), as a second factor after
the password only, never a sign-in alone (``OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN``
is off). The library's views, with the newsroom's rules: staff only; a new
passkey mails the user and sends ``second_factor_added``; a passkey that
completes the sign-in wipes the failed attempts as a code does, and a
locked-out username cannot use one.
"""

import json

from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as webauthn
from django_otp_webauthn.models import WebAuthnCredential

from . import devices, signin

app_name = "otp_webauthn"


class LockedOut(exceptions.OTPWebAuthnApiError):
    status_code = 429
    default_detail = gettext_lazy("Too many failed sign-ins: try again later.")
    default_code = "locked_out"


class StaffOnly:
    def get_user(self):
        user = self.request.user
        if user.is_authenticated and user.is_active and user.is_staff:
            return user
        return None


class BeginRegistration(StaffOnly, webauthn.BeginCredentialRegistrationView):
    pass


class CompleteRegistration(StaffOnly, webauthn.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if response.status_code == 200:
            device = WebAuthnCredential.objects.get(pk=json.loads(response.content)["id"])
            if not device.name:
                device.name = _("Passkey or security key")
                device.save(update_fields=["name"])
            devices.factor_added(request=self.request, device=device)
        return response


class BeginAuthentication(StaffOnly, webauthn.BeginCredentialAuthenticationView):
    def check_can_authenticate(self):
        if self.get_user() is None:
            raise exceptions.NotAuthenticated()
        if signin.is_locked_out(self.request):
            raise LockedOut()


class CompleteAuthentication(StaffOnly, webauthn.CompleteCredentialAuthenticationView):
    check_can_authenticate = BeginAuthentication.check_can_authenticate

    def complete_auth(self, device):
        signin.passed(self.request, device)


urlpatterns = [
    path("registration/begin/", BeginRegistration.as_view(), name="credential-registration-begin"),
    path(
        "registration/complete/",
        CompleteRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        BeginAuthentication.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
