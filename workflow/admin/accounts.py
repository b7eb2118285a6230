"""
Staff accounts: which language each member of staff reads the newsroom's
e-mails in (``workflow.mail``), and who must sign in with a second factor
beyond those whose role calls for one (``workflow.second_factor.policy``).
"""

from django.contrib import admin

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
