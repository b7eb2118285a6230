"""
The photo desk's upload page, an admin view (``PhotographAdmin.get_urls``):
one photo or many at once, each with its own caption and credit.
"""

from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .forms import UploadForm, UploadFormSet
from .models import Photograph
from .services import save_photographs

UPLOAD_ROWS, MAX_UPLOAD_ROWS = 3, 20


def _upload_formset(request, model_admin, rows):
    return forms.modelformset_factory(
        Photograph,
        form=UploadForm,
        formset=UploadFormSet,
        extra=rows,
        max_num=MAX_UPLOAD_ROWS,
        validate_max=True,
        formfield_callback=partial(model_admin.formfield_for_dbfield, request=request),
    )


def upload_photographs(request, *, model_admin):
    """
    Every file is checked and cleaned before any is stored: one bad file
    refuses the whole batch, and nothing is saved.
    """
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    try:
        rows = min(max(int(request.GET.get("rows", UPLOAD_ROWS)), 1), MAX_UPLOAD_ROWS)
    except ValueError:
        rows = UPLOAD_ROWS
    formset_class = _upload_formset(request, model_admin, rows)
    opts = model_admin.opts
    if request.method == "POST":
        formset = formset_class(request.POST, request.FILES, queryset=Photograph.objects.none())
        if formset.is_valid():
            photographs = [form.save(commit=False) for form in formset if form.has_changed()]
            for photograph in photographs:
                photograph.uploaded_by = request.user
            save_photographs(photographs=photographs)
            for photograph in photographs:
                model_admin.log_addition(request, photograph, [{"added": {}}])
            model_admin.message_user(
                request,
                ngettext(
                    "%(count)d photo was uploaded.",
                    "%(count)d photos were uploaded.",
                    len(photographs),
                )
                % {"count": len(photographs)},
                messages.SUCCESS,
            )
            model_admin.point_out_similar(request, photographs)
            changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            pks = ",".join(str(photograph.pk) for photograph in photographs)
            return HttpResponseRedirect(f"{changelist}?id__in={pks}")
        model_admin.message_user(
            request,
            _("Nothing was saved. Fix the problems below, then choose the files again."),
            messages.ERROR,
        )
    else:
        formset = formset_class(queryset=Photograph.objects.none())
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Upload photos"),
        "opts": opts,
        "formset": formset,
        "rows": rows,
        "more_rows": min(rows + 3, MAX_UPLOAD_ROWS),
        "media": model_admin.media + formset.media,
        "has_view_permission": model_admin.has_view_permission(request),
    }
    return TemplateResponse(request, "admin/media/photograph/upload.html", context)
