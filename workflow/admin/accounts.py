"""Which language each member of staff reads the newsroom's e-mails in (``workflow.mail``)."""

from django.contrib import admin

from workflow.models import LanguagePreference


@admin.register(LanguagePreference)
class LanguagePreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "language"]
    list_filter = ["language"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
