"""
The parts of a story on its form: bylines, photos in the body, quotes, right
of reply, corrections. A part may be changed exactly when the story may.
Each is a folded list whose heading counts its rows (``ArticleAdmin``).
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
    ArticlePhoto,
    Byline,
    CommentRequest,
    Correction,
)
from media.display import photo_thumbnail
from quotes.models import Quote
from workflow import (
    roles,
)
from workflow.forms import CorrectionFormSet, QuoteForm, quote_form_for


class StoryPartInline:
    """
    An inline part of a story (bylines, photos, quotes, right of reply) may be
    changed exactly when the story may: the story's workflow rules apply to it.
    """

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self.story_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.story_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.story_editable(request, obj)

    def story_editable(self, request, obj):
        return obj is None or roles.can_edit(request.user, obj)


class BylineInline(StoryPartInline, admin.TabularInline):
    model = Byline
    classes = ["collapse"]
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "position"]


class ArticlePhotoInline(StoryPartInline, admin.TabularInline):
    model = ArticlePhoto
    classes = ["collapse"]
    extra = 1
    autocomplete_fields = ["photograph"]
    fields = ["position", "photograph", "thumbnail"]
    readonly_fields = ["thumbnail"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("photograph__photographer")

    @admin.display(description=_("preview"))
    def thumbnail(self, placement):
        return photo_thumbnail(placement.photograph if placement.photograph_id else None)


class QuoteInline(StoryPartInline, admin.StackedInline):
    model = Quote
    classes = ["collapse"]
    form = QuoteForm
    extra = 1
    autocomplete_fields = ["speaker"]
    fields = [
        ("position", "paragraph", "date_said"),
        "text",
        ("speaker", "anonymous_description"),
        "speaker_role",
        ("is_pull_quote", "is_confirmed"),
        ("confidence", "attribution_note"),
        "provenance_note",
    ]
    readonly_fields = ["confidence"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, form=quote_form_for(request), **kwargs)


class CommentRequestInline(StoryPartInline, admin.StackedInline):
    model = CommentRequest
    classes = ["collapse"]
    extra = 0
    autocomplete_fields = ["person", "organization"]
    fields = [
        ("person", "organization"),
        ("requested_at", "method"),
        ("outcome", "answered_at"),
        "answer",
    ]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "organization")


class CorrectionInline(admin.StackedInline):
    model = Correction
    classes = ["collapse"]
    formset = CorrectionFormSet
    extra = 0
    autocomplete_fields = ["corrected_speaker"]
    fields = [
        ("kind", "published_at"),
        "text",
        ("quote", "corrected_speaker"),
        "previous_attribution",
        "created_by",
    ]
    readonly_fields = ["previous_attribution", "created_by"]

    def has_add_permission(self, request, obj):
        # Corrections are issued on published stories only.
        published = obj is not None and obj.status == Article.Status.PUBLISHED
        return published and super().has_add_permission(request, obj)
