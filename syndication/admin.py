"""
Partners in the workspace: API keys and webhooks, made and revoked by
administrators (superusers); each webhook delivery, for staff to follow.

A new key's or webhook's secret is shown once, on the page that answers
its creation, and never again: neither kept in the page history nor in a
message cookie.
"""

import secrets

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import keys, webhooks
from .models import ApiKey, Delivery, Webhook


class AdministratorsOnly:
    """Only superusers see, make, change or revoke these."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)


def shown_once(request, *, title, obj, secret, explanation):
    response = TemplateResponse(
        request,
        "syndication/secret_shown_once.html",
        {
            "title": title,
            "object": obj,
            "secret": secret,
            "explanation": explanation,
            "opts": obj._meta,
            "site_header": admin.site.site_header,
            "site_title": admin.site.site_title,
            "has_permission": True,
        },
    )
    add_never_cache_headers(response)
    return response


@admin.register(ApiKey)
class ApiKeyAdmin(AdministratorsOnly, admin.ModelAdmin):
    list_display = [
        "name",
        "prefix",
        "rate_limit",
        "section",
        "language",
        "created_at",
        "revoked_at",
    ]
    list_filter = ["language", "section"]
    search_fields = ["name", "prefix"]
    fields = ["name", "rate_limit", "section", "language", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["prefix", "created_at", "revoked_at"]
    actions = ["revoke_selected"]

    @admin.action(description=_("Revoke the selected keys"))
    def revoke_selected(self, request, queryset):
        chosen = list(queryset.filter(revoked_at__isnull=True))
        for api_key in chosen:
            keys.revoke(api_key=api_key)
        self.message_user(
            request,
            ngettext("%(count)d key revoked.", "%(count)d keys revoked.", len(chosen))
            % {"count": len(chosen)},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            request.new_api_key = keys.issue(obj)

    def response_add(self, request, obj, post_url_continue=None):
        return shown_once(
            request,
            title=_("The new API key"),
            obj=obj,
            secret=request.new_api_key,
            explanation=_(
                "Give this key to the partner now: it is shown only this once. The "
                "partner sends it as “Authorization: Bearer <key>”."
            ),
        )


class WebhookForm(forms.ModelForm):
    class Meta:
        model = Webhook
        fields = ["name", "url", "section", "language", "is_active"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        webhooks.check_host_now(url)
        return url


@admin.register(Webhook)
class WebhookAdmin(AdministratorsOnly, admin.ModelAdmin):
    form = WebhookForm
    list_display = ["name", "url", "section", "language", "is_active", "created_at"]
    list_filter = ["is_active", "language"]
    search_fields = ["name", "url"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.secret = secrets.token_urlsafe(32)
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        return shown_once(
            request,
            title=_("The new webhook's signing secret"),
            obj=obj,
            secret=obj.secret,
            explanation=_(
                "Give this secret to the partner now: it is shown only this once. Each "
                "notice is signed with it (HMAC-SHA256 of the timestamp, a full stop "
                "and the body)."
            ),
        )


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "event",
        "webhook",
        "status",
        "attempts",
        "response_code",
        "created_at",
        "last_attempt_at",
        "delivered_at",
    ]
    list_filter = ["status", "event", "webhook"]
    list_select_related = ["webhook"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "webhook",
        "event",
        "payload",
        "status",
        "attempts",
        "response_code",
        "error",
        "created_at",
        "last_attempt_at",
        "delivered_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
