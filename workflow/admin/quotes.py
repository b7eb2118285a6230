"""
The quote list: every quote of the stories a user may see, the story's
workflow rules applied to each.
"""

import functools

from django.contrib import admin
from django.db.models import Case, F, Value, When
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
)
from people.identity import sees_protected_identities
from quotes.attribution.confidence import CONFIRM_THRESHOLD
from quotes.models import Quote
from workflow import (
    editing,
    revisions,
    roles,
)
from workflow.forms import QuoteForm, quote_form_for
from workflow.views import sources as sources_views


class ConfidenceFilter(admin.SimpleListFilter):
    """Quotes a journalist may confirm at a glance, and those whose note to read first."""

    title = _("attribution confidence")
    parameter_name = "sure"

    def lookups(self, request, model_admin):
        threshold = {"threshold": CONFIRM_THRESHOLD}
        return [
            ("no", gettext("Below %(threshold)s: read the note before confirming") % threshold),
            ("yes", gettext("%(threshold)s or above: right at least 97 times in 100") % threshold),
        ]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(confidence__lt=CONFIRM_THRESHOLD)
        if self.value() == "yes":
            return queryset.filter(confidence__gte=CONFIRM_THRESHOLD)
        return queryset


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    form = QuoteForm
    list_display = [
        "short_text", "attribution", "listed_role", "article", "is_confirmed", "confidence",
    ]  # fmt: skip
    list_filter = [
        "is_confirmed", ConfidenceFilter, "is_pull_quote", ("speaker", admin.EmptyFieldListFilter),
        ("attribution_note", admin.EmptyFieldListFilter),
    ]  # fmt: skip
    search_fields = ["text", "speaker__name", "speaker__short_name", "anonymous_description"]
    list_select_related = ["speaker", "article"]
    autocomplete_fields = ["article", "speaker"]
    readonly_fields = ["confidence"]

    @admin.display(description=_("quoted words"))
    def short_text(self, quote):
        return quote.excerpt(90)

    @admin.display(description=_("speaker's role"), ordering="listed_role")
    def listed_role(self, quote):
        return quote.listed_role

    def get_form(self, request, obj=None, **kwargs):
        return super().get_form(request, obj, form=quote_form_for(request), **kwargs)

    def get_urls(self):
        view = self.admin_site.admin_view(functools.partial(sources_views.sources, self))
        return [path("sources/", view, name="quotes_quote_sources"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {"show_sources_dashboard": roles.is_editor(request.user)}
        return super().changelist_view(request, extra_context)

    # A quote is part of its story: the story's scope and workflow rules apply.

    def get_queryset(self, request):
        quotes = (
            super().get_queryset(request).filter(article__in=roles.visible_articles(request.user))
        )
        role = F("speaker_role")
        if not sees_protected_identities(request.user):
            # Shown, and sorted, blank: sorting by a hidden role would place
            # it among the roles that start like it.
            role = Case(When(speaker__is_protected_source=True, then=Value("")), default=role)
        return quotes.annotate(listed_role=role)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or roles.can_edit(request.user, obj.article))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or roles.can_edit(request.user, obj.article))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = roles.editable_articles(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        form.keep_who_confirmed(request.user)
        revisions.ensure_baseline(article=obj.article)
        editing.number_new_parts(article=obj.article, rows=[obj])
        super().save_model(request, obj, form, change)
        editing.part_saved(article=obj.article, user=request.user)

    def delete_model(self, request, obj):
        article = obj.article
        super().delete_model(request, obj)
        editing.part_saved(article=article, user=request.user)

    def delete_queryset(self, request, queryset):
        articles = list(Article.objects.filter(pk__in=queryset.values("article")).order_by("pk"))
        super().delete_queryset(request, queryset)
        for article in articles:
            editing.part_saved(article=article, user=request.user)
