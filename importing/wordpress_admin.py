"""
*WordPress imports* in the workspace: whoever may create stories uploads a
WordPress export (WXR, from *Tools → Export* on WordPress or WordPress.com);
it is checked at once and imported in the background, and its page shows the
report, the same the ``import_wordpress`` command prints, when it has run.
Photos come as *Photos needed* (the export holds only their addresses);
``import_wordpress --media-dir`` brings the files of a copied uploads folder.

Also *Former permalinks*: the old site's addresses that lead to stories here.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from workflow import roles

from .models import FormerPermalink, WordPressImport
from .permalinks import MAX_LENGTH, path_key, url_key
from .wordpress.export import WordPressExportError
from .wordpress.jobs import check_export, start_import
from .wordpress.report import Report


class WordPressImportForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("WordPress export"),
        help_text=_(
            "The .xml file from Tools → Export on WordPress or WordPress.com (“All content”). "
            "Posts become stories, categories sections, tags topics, authors people. "
            "Uploading the same export again updates what the first import made."
        ),
    )

    class Meta:
        model = WordPressImport
        fields = ()

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        limit = settings.WORDPRESS_IMPORT_MAX_MB * 1024 * 1024
        if upload.size > limit:
            raise forms.ValidationError(
                _(
                    "%(name)s is %(size)s; the workspace takes exports up to %(limit)s. "
                    "Export one year at a time (Tools → Export lets you choose dates), or "
                    "ask an administrator to run manage.py import_wordpress."
                )
                % {
                    "name": upload.name,
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(limit),
                }
            )
        try:
            check_export(upload, self.user)
        except WordPressExportError as error:
            raise forms.ValidationError(str(error)) from error
        return upload


@admin.register(WordPressImport)
class WordPressImportAdmin(admin.ModelAdmin):
    form = WordPressImportForm
    list_display = ["file_name", "status", "uploaded_by", "created_at", "finished_at"]
    list_filter = ["status"]
    fields = ["file_name", "file_size", "uploaded_by", "created_at", "status", "finished_at"]
    readonly_fields = fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)

        class FormForUser(form):
            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, user=request.user, **form_kwargs)

        return FormForUser

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["upload"]
        if obj.status == WordPressImport.Status.FAILED:
            return [*self.fields, "error"]
        return [*self.fields, "what_happened"]

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else [*self.readonly_fields, "error", "what_happened"]

    @admin.display(description=_("size"))
    def file_size(self, job):
        return filesizeformat(job.size)

    @admin.display(description=_("what the import did"))
    def what_happened(self, job):
        if job.report is None:
            return _("The import has not run yet: reload this page in a moment.")
        items = (
            (line, format_html_join("", "<li>{}</li>", ((detail,) for detail in details)))
            for line, details in Report.from_data(job.report).summary()
        )
        report = format_html_join("", "<li>{}<ul>{}</ul></li>", items)
        return format_html("<ul class='import-report'>{}</ul>", report)

    def get_queryset(self, request):
        imports = super().get_queryset(request).select_related("uploaded_by").defer("export")
        if roles.is_editor(request.user):
            return imports
        return imports.filter(uploaded_by=request.user)

    def has_module_permission(self, request):
        return roles.can_create(request.user)

    def has_view_permission(self, request, obj=None):
        return roles.can_create(request.user)

    def has_add_permission(self, request):
        return roles.can_create(request.user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied
        start_import(obj, upload=form.cleaned_data["upload"], user=request.user)

    def log_addition(self, request, obj, message):
        return super().log_addition(request, obj, "Uploaded a WordPress export.")

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            _(
                "The export %(name)s is being imported. This page shows what the import "
                "did when it has run; photos come as Photos needed."
            )
            % {"name": obj.file_name},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:importing_wordpressimport_change", args=[obj.pk])
        )


class FormerPermalinkForm(forms.ModelForm):
    class Meta:
        model = FormerPermalink
        fields = ["path", "article"]
        labels = {"path": _("Old address")}
        help_texts = {
            "path": _(
                "The story's address on the old site, whole (https://old.example/2024/05/flood/) "
                "or its path (/2024/05/flood/): a reader following it is sent to the story "
                "here once it is published."
            )
        }

    def clean_path(self):
        given = self.cleaned_data["path"].strip()
        key = url_key(given) if "://" in given else path_key(given.split("?")[0])
        if not key or key == "/" or len(key) > MAX_LENGTH:
            raise forms.ValidationError(
                _("Give an address of a page on the old site, such as /2024/05/flood/.")
            )
        if FormerPermalink.objects.exclude(pk=self.instance.pk).filter(path=key).exists():
            raise forms.ValidationError(
                _("%(path)s already leads to a story; change that one instead.") % {"path": key}
            )
        return key


@admin.register(FormerPermalink)
class FormerPermalinkAdmin(admin.ModelAdmin):
    """Old addresses that lead to stories here: editors check, add and remove them."""

    form = FormerPermalinkForm
    list_display = ["path", "article"]
    search_fields = ["path", "article__headline"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]

    def has_module_permission(self, request):
        return roles.is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return roles.is_editor(request.user)

    def has_add_permission(self, request):
        return roles.is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return roles.is_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return roles.is_editor(request.user)
