from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from media.admin import photo_thumbnail
from people.admin import SLUG_SCRIPTS

from .models import Article, ArticlePhoto, Byline, Correction, Quote, Section, Topic


def number_new_rows(instances, taken):
    """Give rows saved without a number the next free numbers, in form order."""
    used = set(taken) | {row.position for row in instances if row.position is not None}
    next_number = 1
    for row in instances:
        if row.position is None:
            while next_number in used:
                next_number += 1
            row.position = next_number
            used.add(next_number)


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "position"]


class ArticlePhotoInline(admin.TabularInline):
    model = ArticlePhoto
    extra = 1
    autocomplete_fields = ["photograph"]
    fields = ["position", "photograph", "thumbnail"]
    readonly_fields = ["thumbnail"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("photograph__photographer")

    @admin.display(description=_("preview"))
    def thumbnail(self, placement):
        return photo_thumbnail(placement.photograph if placement.photograph_id else None)


class QuoteInline(admin.StackedInline):
    model = Quote
    extra = 1
    autocomplete_fields = ["speaker"]
    fields = [
        ("position", "paragraph", "date_said"),
        "text",
        ("speaker", "anonymous_description"),
        "speaker_role",
        ("is_pull_quote", "is_confirmed"),
    ]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")


class CorrectionInline(admin.StackedInline):
    model = Correction
    extra = 0
    fields = ["kind", "published_at", "text", "created_by"]
    readonly_fields = ["created_by"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "headline", "section", "status", "language", "byline_names",
        "quote_count", "published_at", "updated_at",
    ]  # fmt: skip
    list_filter = ["status", "language", "section", "is_featured", "topics"]
    search_fields = ["headline", "standfirst", "body", "slug", "bylines__person__name"]
    date_hierarchy = "published_at"
    # The quote count's GROUP BY drops Meta.ordering; autocomplete pages need an order.
    ordering = ["-published_at", "-created_at", "-pk"]
    list_select_related = ["section"]
    autocomplete_fields = [
        "section", "topics", "lead_photo", "translation_of", "people", "organizations",
    ]  # fmt: skip
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = ["lead_photo_preview", "version", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "dateline", "body"]}),
        (_("Lead photo"), {"fields": ["lead_photo", "lead_photo_preview"]}),
        (_("Filing"), {"fields": ["section", "topics", "language", "translation_of"]}),
        (_("People and organizations named"), {"fields": ["people", "organizations"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "is_featured",
                    "version",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]
    inlines = [BylineInline, ArticlePhotoInline, QuoteInline, CorrectionInline]

    class Media:
        js = SLUG_SCRIPTS

    @admin.display(description=_("bylines"))
    def byline_names(self, article):
        return ", ".join(byline.person.name for byline in article.bylines.all())

    @admin.display(description=_("quotes"), ordering="quote_count")
    def quote_count(self, article):
        return article.quote_count

    @admin.display(description=_("preview"))
    def lead_photo_preview(self, article):
        return photo_thumbnail(article.lead_photo, width=240)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quote_count=Count("quotes", distinct=True))
            .prefetch_related("bylines__person")
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("articles.publish_article"):
            # Publishing is an editor's decision, never a form field a
            # journalist can post.
            fields += ["status", "published_at", "is_featured"]
        return fields

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        if formset.model in (Quote, ArticlePhoto):
            taken = formset.model.objects.filter(article=form.instance).exclude(
                pk__in=[row.pk for row in instances if row.pk]
            )
            number_new_rows(instances, taken.values_list("position", flat=True))
        for row in instances:
            if isinstance(row, Correction) and row.created_by_id is None:
                row.created_by = request.user
            row.save()
        for row in formset.deleted_objects:
            row.delete()
        formset.save_m2m()


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "name_km", "slug", "position", "story_count"]
    list_editable = ["position"]
    search_fields = ["name", "name_km", "slug"]
    ordering = ["position", "name"]
    prepopulated_fields = {"slug": ["name"]}

    class Media:
        js = SLUG_SCRIPTS

    @admin.display(description=_("stories"), ordering="story_count")
    def story_count(self, section):
        return section.story_count

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("articles"))


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "name_km", "slug", "story_count"]
    search_fields = ["name", "name_km", "slug"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    class Media:
        js = SLUG_SCRIPTS

    @admin.display(description=_("stories"), ordering="story_count")
    def story_count(self, topic):
        return topic.story_count

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("articles"))


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["short_text", "attribution", "speaker_role", "article", "is_confirmed"]
    list_filter = ["is_confirmed", "is_pull_quote", ("speaker", admin.EmptyFieldListFilter)]
    search_fields = ["text", "speaker__name", "speaker__short_name", "anonymous_description"]
    list_select_related = ["speaker", "article"]
    autocomplete_fields = ["article", "speaker"]

    @admin.display(description=_("quoted words"))
    def short_text(self, quote):
        words = " ".join(quote.text.split())
        return words if len(words) <= 90 else words[:89].rstrip() + "…"

    def save_model(self, request, obj, form, change):
        if obj.position is None:
            taken = Quote.objects.filter(article=obj.article).exclude(pk=obj.pk)
            number_new_rows([obj], taken.values_list("position", flat=True))
        super().save_model(request, obj, form, change)


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["article", "kind", "published_at", "created_by"]
    list_filter = ["kind"]
    search_fields = ["text", "article__headline"]
    date_hierarchy = "published_at"
    list_select_related = ["article", "created_by"]
    autocomplete_fields = ["article"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
