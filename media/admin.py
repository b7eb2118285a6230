"""
The photo desk in the admin: the photo library's list filters, and the
PhotographAdmin with its bulk actions (credit, withdraw, put back).
"""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from people.identity import Redactor, sees_protected_identities

from .display import photo_thumbnail, shorten, similar_line, usage_line
from .forms import CreditForm, PhotographForm
from .models import Photograph
from .services import (
    can_change,
    changed_by,
    restore_photograph,
    save_photograph,
    set_credit,
    withdraw_photograph,
)
from .similar import similar_photographs
from .usage import usages
from .views import upload_photographs


class UsageFilter(admin.SimpleListFilter):
    title = _("use")
    parameter_name = "use"

    def lookups(self, request, model_admin):
        return [("unused", _("Not used anywhere")), ("used", _("Used"))]

    def queryset(self, request, queryset):
        unused = Photograph.objects.unused().values("pk")
        if self.value() == "unused":
            return queryset.filter(pk__in=unused)
        if self.value() == "used":
            return queryset.exclude(pk__in=unused)
        return queryset


class CreditFilter(admin.SimpleListFilter):
    title = _("credit")
    parameter_name = "credit"

    def lookups(self, request, model_admin):
        return [("missing", _("No credit"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.missing_credit()
        return queryset


@admin.register(Photograph)
class PhotographAdmin(admin.ModelAdmin):
    form = PhotographForm
    list_display = [
        "thumbnail", "short_caption", "credit", "source", "date_taken", "place", "usage_count",
        "renditions_state",
    ]  # fmt: skip
    list_display_links = ["thumbnail", "short_caption"]
    list_filter = [
        ("photographer", admin.RelatedOnlyFieldListFilter),
        "date_taken",
        UsageFilter,
        CreditFilter,
        "source",
        "may_redistribute",
        ("withdrawn_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["caption", "alt_text", "credit_agency", "photographer__name", "place"]
    date_hierarchy = "created_at"
    # The usage count's GROUP BY drops Meta.ordering; autocomplete pages need an order.
    ordering = ["-created_at", "-pk"]
    # One count per page, not two: the library grows large.
    show_full_result_count = False
    list_select_related = ["photographer"]
    autocomplete_fields = ["photographer"]
    readonly_fields = [
        "preview", "dimensions", "renditions_state", "used_in", "similar", "uploaded_by",
        "created_at", "withdrawn_at",
    ]  # fmt: skip
    fieldsets = [
        (
            None,
            {"fields": ["image", "copy_date_taken", "preview", "dimensions", "renditions_state"]},
        ),
        (
            _("Caption and credit"),
            {"fields": ["caption", "alt_text", "credit_agency", "photographer"]},
        ),
        (_("Rights"), {"fields": ["source", "rights_note", "may_redistribute"]}),
        (_("When and where"), {"fields": ["date_taken", "place"]}),
        (
            _("Thumbnails"),
            {
                "fields": [("focal_x", "focal_y")],
                "description": _(
                    "Cropped thumbnails are cut around this point. Click the subject "
                    "in the preview to set it."
                ),
            },
        ),
        (_("Where it is used"), {"fields": ["used_in", "similar"]}),
        (_("Record"), {"fields": ["uploaded_by", "created_at", "withdrawn_at"]}),
    ]
    actions = ["edit_credit", "withdraw_selected", "restore_selected"]
    # The upload page lists the photos it has just stored.
    extra_lookups = ("id__in",)

    class Media:
        css = {"all": ["media/focal-point.css"]}
        js = ["media/focal-point.js"]

    @admin.display(description=_("photo"))
    def thumbnail(self, photograph):
        return photo_thumbnail(photograph, width=96)

    @admin.display(description=_("preview"))
    def preview(self, photograph):
        if not photograph.pk:
            return "—"
        rendition = photograph.rendition(960, image_format="webp")
        return render_to_string(
            "media/photograph_focal_point.html", {"photograph": photograph, "src": rendition}
        )

    @admin.display(description=_("size in pixels"))
    def dimensions(self, photograph):
        return f"{photograph.width} × {photograph.height}" if photograph.pk else "—"

    @admin.display(description=_("renditions"))
    def renditions_state(self, photograph):
        if not photograph.pk:
            return "—"
        if photograph.renditions_pending:
            return _("Renditions pending: pages show the full-size picture until they are made.")
        return _("Made")

    @admin.display(description=_("caption"))
    def short_caption(self, photograph):
        return shorten(photograph.caption, 90)

    @admin.display(description=_("stories"), ordering="usage_count")
    def usage_count(self, photograph):
        return photograph.usage_count

    @admin.display(description=_("used in"))
    def used_in(self, photograph):
        lines = [usage_line(usage) for usage in usages(photograph)] if photograph.pk else []
        if not lines:
            return _("Not used anywhere yet.")
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ([line] for line in lines))
        )

    @admin.display(description=_("looks like"))
    def similar(self, photograph):
        found = similar_photographs(fingerprint=photograph.fingerprint, exclude=[photograph.pk])
        if not found:
            return _("No similar photo in the library.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ([similar_line(other)] for other, _bits in found)),
        )

    @admin.action(description=_("Edit the credit of the selected photos"), permissions=["change"])
    def edit_credit(self, request, queryset):
        if not self.may_change_all(request, queryset):
            return None
        if "apply" in request.POST:
            form = CreditForm(request.POST, admin_site=self.admin_site)
            if form.is_valid():
                data = form.cleaned_data
                changed = set_credit(
                    photographs=queryset,
                    credit_agency=data["credit_agency"] or None,
                    photographer=False if data["remove_photographer"] else data["photographer"],
                    source=data["source"] or None,
                )
                fields = [
                    name for name in ("credit_agency", "photographer", "source") if data.get(name)
                ]
                if data["remove_photographer"]:
                    fields.append("photographer")
                for photograph in queryset:
                    self.log_change(request, photograph, [{"changed": {"fields": fields}}])
                    changed_by(photograph=photograph, user=request.user)
                self.message_user(
                    request,
                    ngettext(
                        "The credit of %(count)d photo was changed.",
                        "The credit of %(count)d photos was changed.",
                        changed,
                    )
                    % {"count": changed},
                    messages.SUCCESS,
                )
                return None
        else:
            form = CreditForm(admin_site=self.admin_site)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Edit the credit of %(count)d photos") % {"count": queryset.count()},
            "opts": self.opts,
            "form": form,
            "photographs": queryset.select_related("photographer"),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "select_across": request.POST.get("select_across", "0"),
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/media/photograph/edit_credit.html", context)

    @admin.action(
        description=_("Withdraw the selected photos from the public site"),
        permissions=["change_live"],
    )
    def withdraw_selected(self, request, queryset):
        photographs = list(queryset.filter(withdrawn_at__isnull=True))
        for photograph in photographs:
            withdraw_photograph(photograph=photograph, user=request.user)
            self.log_change(request, photograph, "Withdrawn from the public site.")
        self.message_user(
            request,
            ngettext(
                "%(count)d photo was withdrawn: no page shows it, and its old addresses "
                "no longer answer.",
                "%(count)d photos were withdrawn: no page shows them, and their old "
                "addresses no longer answer.",
                len(photographs),
            )
            % {"count": len(photographs)},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Put the selected withdrawn photos back on the public site"),
        permissions=["change_live"],
    )
    def restore_selected(self, request, queryset):
        restored = 0
        redactor = Redactor()
        for photograph in queryset.filter(withdrawn_at__isnull=False):
            try:
                restore_photograph(photograph=photograph, user=request.user, redactor=redactor)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                continue
            self.log_change(request, photograph, "Put back on the public site.")
            restored += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d photo is back on the public site.",
                "%(count)d photos are back on the public site.",
                restored,
            )
            % {"count": restored},
            messages.SUCCESS if restored else messages.WARNING,
        )

    def may_change_all(self, request, photographs):
        """Whether ``request.user`` may change every one of ``photographs``; else say why."""
        refused = [
            photograph for photograph in photographs if not can_change(request.user, photograph)
        ]
        if refused:
            self.message_user(
                request,
                ngettext(
                    "Nothing was changed: %(count)d of the selected photos is shown by a "
                    "story in an editor's hands, or was filed by someone else. Ask an editor.",
                    "Nothing was changed: %(count)d of the selected photos are shown by "
                    "stories in an editor's hands, or were filed by someone else. Ask an editor.",
                    len(refused),
                )
                % {"count": len(refused)},
                messages.ERROR,
            )
            return False
        return True

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_change(request.user, obj))

    def has_change_live_permission(self, request):
        return request.user.has_perm("media.change_live_photograph")

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            # Preview, focal point and usage come once the photo is stored.
            return [
                (None, {"fields": ["image", "copy_date_taken"]}),
                *((title, options) for title, options in self.fieldsets[1:4]),
            ]
        return self.fieldsets

    def get_urls(self):
        upload = path(
            "upload/",
            self.admin_site.admin_view(partial(upload_photographs, model_admin=self)),
            name=f"{self.opts.app_label}_{self.opts.model_name}_upload",
        )
        return [upload, *super().get_urls()]

    def get_queryset(self, request):
        photographs = super().get_queryset(request).with_usage_count()
        if not sees_protected_identities(request.user):
            # A protected source's portrait shows who they are, beside the label.
            photographs = photographs.exclude(portrait_of__is_protected_source=True)
        return photographs

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            # Name the stories and profiles that use each photo, not the rows in between.
            protected = [
                format_html("“{}”: {}", shorten(photograph.caption), usage_line(usage))
                for photograph in objs
                for usage in usages(photograph)
            ] or protected
        return deleted, model_count, perms_needed, protected

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        save_photograph(photograph=obj)
        if change:
            changed_by(photograph=obj, user=request.user)
        if "image" in form.changed_data:
            self.point_out_similar(request, [obj])

    def point_out_similar(self, request, photographs):
        """Warn about each new picture that looks like one already in the library."""
        batch = [photograph.pk for photograph in photographs]
        for photograph in photographs:
            found = similar_photographs(fingerprint=photograph.fingerprint, exclude=batch)
            if found:
                self.message_user(
                    request,
                    format_html(
                        _("“{}” looks like a photo already in the library: {}"),
                        shorten(photograph.caption),
                        format_html_join(
                            " | ", "{}", ([similar_line(other)] for other, _bits in found)
                        ),
                    ),
                    messages.WARNING,
                )
