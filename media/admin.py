from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from people.identity import sees_protected_identities
from people.models import Person

from .models import Photograph, Source
from .services import (
    CleanImageFile,
    can_change,
    changed_by,
    clean_image,
    restore_photograph,
    save_photograph,
    save_photographs,
    set_credit,
    similar_photographs,
    usages,
    withdraw_photograph,
)

UPLOAD_ROWS, MAX_UPLOAD_ROWS = 3, 20
ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"


def photo_thumbnail(photograph, *, width=96):
    """An <img> of ``photograph`` ``width`` pixels wide, from its smallest fitting rendition."""
    if photograph is None:
        return "—"
    rendition = photograph.rendition(width * 2, image_format="webp")
    height = round(width * rendition["height"] / rendition["width"]) if rendition["width"] else 0
    return render_to_string(
        "media/photograph_thumbnail.html",
        {"photograph": photograph, "src": rendition["url"], "width": width, "height": height},
    )


def _short(text, length=60):
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _admin_link(obj, text):
    """A link to ``obj``'s admin page, or the plain (escaped) text if it has none."""
    opts = obj._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return format_html("{}", text)
    return format_html('<a href="{}">{}</a>', url, text)


def usage_line(usage):
    """One use of a photograph, said plainly, linked to the story or profile."""
    if usage.role == "lead":
        return format_html(
            _("the lead photo of {}"), _admin_link(usage.target, f"“{usage.target}”")
        )
    if usage.role == "body":
        text = _("Photo %(number)s in “%(story)s”") % {
            "number": usage.number,
            "story": usage.target,
        }
        return _admin_link(usage.target, text)
    return format_html(_("the portrait of {}"), _admin_link(usage.target, usage.target))


class PhotoFileField(forms.FileField):
    """
    An uploaded file that must be a photograph. It cleans to the photograph's
    metadata-free copy; only the allowlisted decoders ever read the upload
    (Django's own ImageField would try every Pillow plugin).
    """

    default_error_messages = {
        "empty": _(
            "This file is empty. Upload a valid image: a JPEG, PNG or WebP photograph, "
            "or HEIC from a phone."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        return None if upload is None else clean_image(upload)


class PhotographForm(forms.ModelForm):
    image = PhotoFileField(
        label=_("image"), help_text=Photograph._meta.get_field("image").help_text
    )
    copy_date_taken = forms.BooleanField(
        label=_("copy the date taken from the camera"),
        required=False,
        help_text=_(
            "Only the date is copied from the file. The place is never read from it: "
            "type it yourself."
        ),
    )

    class Meta:
        model = Photograph
        fields = [
            "image", "caption", "alt_text", "credit_agency", "photographer",
            "source", "rights_note", "may_redistribute", "date_taken", "place",
            "focal_x", "focal_y",
        ]  # fmt: skip
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 3}),
            "rights_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("focal_x", "focal_y"):
            if name in self.fields:
                # Left empty, the centre.
                self.fields[name].required = False

    def clean(self):
        cleaned_data = super().clean()
        for name in ("focal_x", "focal_y"):
            if name in self.fields and cleaned_data.get(name) is None:
                cleaned_data[name] = 50
        image = cleaned_data.get("image")
        if cleaned_data.get("copy_date_taken") and "image" not in self.errors:
            if not isinstance(image, CleanImageFile):
                self.add_error(
                    "copy_date_taken",
                    _("Only a newly chosen file has a camera date; type the date taken."),
                )
            elif image.camera_date is None:
                self.add_error(
                    "copy_date_taken",
                    _("The camera recorded no date in this file; type the date taken."),
                )
            else:
                cleaned_data["date_taken"] = image.camera_date
        return cleaned_data


class UploadForm(PhotographForm):
    class Meta(PhotographForm.Meta):
        fields = [
            "image", "caption", "alt_text", "credit_agency", "photographer",
            "source", "rights_note", "may_redistribute", "date_taken", "place",
        ]  # fmt: skip


class UploadFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        if not any(form.has_changed() for form in self.forms):
            raise forms.ValidationError(_("Choose at least one photo."))


class CreditForm(forms.Form):
    credit_agency = forms.CharField(
        label=_("agency"),
        max_length=100,
        required=False,
        help_text=_("Leave empty to keep each photo's agency."),
    )
    photographer = forms.ModelChoiceField(
        label=_("photographer"),
        queryset=Person.objects.all(),
        required=False,
        help_text=_("Leave empty to keep each photo's photographer."),
    )
    remove_photographer = forms.BooleanField(label=_("remove the photographer"), required=False)
    source = forms.ChoiceField(
        label=_("source"),
        choices=[("", _("(keep each photo's source)")), *Source.choices],
        required=False,
    )

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        photographer = self.fields["photographer"]
        photographer.widget = AutocompleteSelect(
            Photograph._meta.get_field("photographer"), admin_site
        )
        photographer.widget.choices = photographer.choices

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("photographer") and cleaned_data.get("remove_photographer"):
            raise forms.ValidationError(_("Choose a photographer or remove it, not both."))
        return cleaned_data


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
        "preview", "dimensions", "used_in", "similar", "uploaded_by", "created_at", "withdrawn_at",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["image", "copy_date_taken", "preview", "dimensions"]}),
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

    @admin.display(description=_("caption"))
    def short_caption(self, photograph):
        return _short(photograph.caption, 90)

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
            format_html_join(
                "", "<li>{}</li>", ([self.similar_line(other)] for other, _bits in found)
            ),
        )

    @staticmethod
    def similar_line(photograph):
        stories = [usage_line(usage) for usage in usages(photograph)]
        link = _admin_link(photograph, _short(str(photograph)))
        if not stories:
            return format_html(_("{} (not used yet)"), link)
        return format_html(
            _("{}, used as: {}"), link, format_html_join("; ", "{}", ([s] for s in stories))
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
        for photograph in queryset.filter(withdrawn_at__isnull=False):
            try:
                restore_photograph(photograph=photograph, user=request.user)
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
            self.admin_site.admin_view(self.upload_view),
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
                format_html("“{}”: {}", _short(photograph.caption), usage_line(usage))
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
                        _short(photograph.caption),
                        format_html_join(
                            " | ", "{}", ([self.similar_line(other)] for other, _bits in found)
                        ),
                    ),
                    messages.WARNING,
                )

    def get_upload_formset(self, request, rows):
        return forms.modelformset_factory(
            Photograph,
            form=UploadForm,
            formset=UploadFormSet,
            extra=rows,
            max_num=MAX_UPLOAD_ROWS,
            validate_max=True,
            formfield_callback=partial(self.formfield_for_dbfield, request=request),
        )

    def upload_view(self, request):
        """
        One photo or many at once, each with its own caption and credit. Every
        file is checked and cleaned before any is stored: one bad file refuses
        the whole batch, and nothing is saved.
        """
        if not self.has_add_permission(request):
            raise PermissionDenied
        try:
            rows = min(max(int(request.GET.get("rows", UPLOAD_ROWS)), 1), MAX_UPLOAD_ROWS)
        except ValueError:
            rows = UPLOAD_ROWS
        formset_class = self.get_upload_formset(request, rows)
        if request.method == "POST":
            formset = formset_class(request.POST, request.FILES, queryset=Photograph.objects.none())
            if formset.is_valid():
                photographs = [form.save(commit=False) for form in formset if form.has_changed()]
                for photograph in photographs:
                    photograph.uploaded_by = request.user
                save_photographs(photographs=photographs)
                for photograph in photographs:
                    self.log_addition(request, photograph, [{"added": {}}])
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d photo was uploaded.",
                        "%(count)d photos were uploaded.",
                        len(photographs),
                    )
                    % {"count": len(photographs)},
                    messages.SUCCESS,
                )
                self.point_out_similar(request, photographs)
                changelist = reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
                )
                pks = ",".join(str(photograph.pk) for photograph in photographs)
                return HttpResponseRedirect(f"{changelist}?id__in={pks}")
            self.message_user(
                request,
                _("Nothing was saved. Fix the problems below, then choose the files again."),
                messages.ERROR,
            )
        else:
            formset = formset_class(queryset=Photograph.objects.none())
        context = {
            **self.admin_site.each_context(request),
            "title": _("Upload photos"),
            "opts": self.opts,
            "formset": formset,
            "rows": rows,
            "more_rows": min(rows + 3, MAX_UPLOAD_ROWS),
            "media": self.media + formset.media,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/media/photograph/upload.html", context)
