"""
A story's revisions: the list, a readable comparison of two, and restoring
one.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from workflow import (
    diffs,
    editing,
    errors,
    roles,
)
from workflow.forms import CompareForm, MoveForm
from workflow.models import Revision


def revision_list(model_admin, request, object_id):
    article = model_admin.story_or_none(request, object_id)
    if article is None:
        return model_admin.missing(request, object_id)
    revisions = list(
        Revision.objects.filter(article=article)
        .select_related("created_by__person")
        .defer("content")
    )
    for revision in revisions:
        revision.by = roles.display_name(revision.created_by)
    return model_admin.page(
        request,
        "revisions.html",
        _("Revisions of “%(story)s”") % {"story": article},
        article,
        revisions=revisions,
        can_restore=model_admin.has_change_permission(request, article),
        approved_revision_id=article.approved_revision_id,
    )


def compare(model_admin, request, object_id):
    """A readable diff between two revisions (``?from=&to=`` revision numbers)."""
    article = model_admin.story_or_none(request, object_id)
    if article is None:
        return model_admin.missing(request, object_id)
    revisions_url = model_admin.url("revisions", article.pk)
    form = CompareForm(request.GET)
    if not form.is_valid():
        model_admin.message_user(request, _("Choose two revisions to compare."), messages.ERROR)
        return redirect(revisions_url)
    numbers = [form.cleaned_data["from"], form.cleaned_data["to"]]
    found = {
        revision.number: revision
        for revision in Revision.objects.filter(article=article, number__in=numbers).select_related(
            "created_by__person"
        )
    }
    if any(number not in found for number in numbers):
        model_admin.message_user(
            request, _("This story has no revision with that number."), messages.ERROR
        )
        return redirect(revisions_url)
    old, new = (found[number] for number in numbers)
    for revision in (old, new):
        revision.by = roles.display_name(revision.created_by)
    return model_admin.page(
        request,
        "compare.html",
        _("Changes to “%(story)s”") % {"story": article},
        article,
        old=old,
        new=new,
        changes=diffs.changes_seen_by(request.user, old.content, new.content),
        can_restore=model_admin.has_change_permission(request, article),
    )


def restore(model_admin, request, object_id, number):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = model_admin.story_or_none(request, object_id)
    if article is None:
        return model_admin.missing(request, object_id)
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    revision = Revision.objects.filter(article=article, number=number).first()
    if revision is None:
        raise Http404
    form = MoveForm(request.POST)
    expected = form.cleaned_data["expected_version"] if form.is_valid() else None
    try:
        restored = editing.restore_revision(
            article=article, revision=revision, user=request.user, expected_version=expected
        )
    except errors.NotAllowed:
        raise PermissionDenied from None
    except errors.WorkflowError as error:
        model_admin.message_user(request, error.message, messages.ERROR)
        for line in error.messages:
            model_admin.message_user(request, line, messages.ERROR)
        return redirect(model_admin.url("revisions", article.pk))
    model_admin.log_change(request, article, f"Restored revision {number}.")
    model_admin.message_user(
        request,
        _("Revision %(old)s was restored as revision %(new)s.")
        % {"old": number, "new": restored.number},
        messages.SUCCESS,
    )
    return redirect(model_admin.url("change", article.pk))
