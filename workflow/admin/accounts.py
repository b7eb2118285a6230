"""
Staff accounts: which language each member of staff reads the newsroom's
e-mails in (``workflow.mail``), and who must sign in with a second factor
beyond those whose role calls for one (``workflow.second_factor.policy``).
"""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from workflow.models import LanguagePreference, SecondFactorRequirement


@admin.register(LanguagePreference)
class LanguagePreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "language"]
    list_filter = ["language"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]


@admin.register(SecondFactorRequirement)
class SecondFactorRequirementAdmin(admin.ModelAdmin):
    list_display = ["user", "required_at"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    readonly_fields = ["required_at"]


# django-otp registers its devices in the admin: there an administrator would
# read anyone's authenticator-app key and copy their factor. Each user manages
# their own (``/admin/second-factor/``); an administrator only resets them.
for device_model in (TOTPDevice, StaticDevice, WebAuthnCredential):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)
