"""
Corrections, issued on published stories by editors
(``workflow.editing.add_correction``).
"""

from django.contrib import admin

from articles.models import (
    Correction,
)
from workflow import (
    editing,
    roles,
)
from workflow.forms import CorrectionForm


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    form = CorrectionForm
    list_display = ["article", "kind", "published_at", "created_by"]
    list_filter = ["kind"]
    search_fields = ["text", "article__headline"]
    date_hierarchy = "published_at"
    list_select_related = ["article", "created_by"]
    autocomplete_fields = ["article", "quote", "corrected_speaker"]
    readonly_fields = ["previous_attribution", "created_by"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).filter(article__in=roles.visible_articles(request.user))
        )

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        correction = editing.add_correction(
            article=obj.article,
            editor=request.user,
            kind=obj.kind,
            text=obj.text,
            published_at=obj.published_at,
            quote=obj.quote,
            corrected_speaker=obj.corrected_speaker,
        )
        # The admin's log and redirect need the saved row.
        obj.pk = correction.pk
        obj.created_by = correction.created_by
        obj.previous_attribution = correction.previous_attribution
