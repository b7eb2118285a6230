"""
What the story list does to the stories selected: submit them, find their
quotes, and for editors approve, schedule or unpublish them, each move made
and checked as if on the story alone.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from quotes.services import record_quotes
from workflow import editing, errors, roles, services
from workflow.forms import BulkMoveForm
from workflow.views.moves import state_after_move


@admin.action(description=_("Submit selected stories for review"), permissions=["change"])
def submit_selected(model_admin, request, queryset):
    submitted, refused = 0, []
    for article in queryset:
        try:
            services.submit_for_review(article=article, user=request.user)
        except errors.WorkflowError as error:
            refused.append(f"“{article}”: {error.message}")
        else:
            submitted += 1
            model_admin.log_change(request, article, "Submitted for review.")
    if submitted:
        model_admin.message_user(
            request,
            _("%(count)s stories submitted for review.") % {"count": submitted},
            messages.SUCCESS,
        )
    for line in refused:
        model_admin.message_user(request, line, messages.ERROR)


@admin.action(description=_("Find quotes and their speakers"), permissions=["change"])
def find_quotes(model_admin, request, queryset):
    """Record every direct quote of the selected stories, unconfirmed, for checking."""
    editable = list(roles.editable_articles(request.user, queryset))
    stories, refused = len(editable), queryset.count() - len(editable)
    found = 0
    for article in editable:
        with transaction.atomic():
            quotes, note = record_quotes(article=article, user=request.user)
            found += len(quotes)
            editing.part_saved(article=article, user=request.user)
        if note:
            model_admin.message_user(request, f"{article}: {note}", messages.WARNING)
    model_admin.message_user(
        request,
        ngettext(
            "Quotes found in %(stories)s story: %(quotes)s. Check each speaker and confirm.",
            "Quotes found in %(stories)s stories: %(quotes)s. Check each speaker and confirm.",
            stories,
        )
        % {"quotes": found, "stories": stories},
        messages.SUCCESS,
    )
    if refused:
        model_admin.message_user(
            request,
            ngettext(
                "%(count)s story was left alone: you cannot change it now.",
                "%(count)s stories were left alone: you cannot change them now.",
                refused,
            )
            % {"count": refused},
            messages.WARNING,
        )


BULK_TITLES = {
    "approve": _("Approve these stories"),
    "schedule": _("Schedule these stories"),
    "unpublish": _("Unpublish these stories"),
}


def move_selected(model_admin, request, queryset, move):
    """
    First a page listing the stories and asking what the move needs (a
    publish time, a note); then each story moved by the same service as on
    its own page, checked alike (role, state, checklist, a change made since
    the page was shown), and a summary of what moved and what was refused.
    """
    if not roles.is_editor(request.user):
        raise PermissionDenied
    stories = list(queryset.order_by("pk"))
    form = BulkMoveForm(request.POST if "confirm" in request.POST else None, move=move)
    if not form.is_valid():
        return model_admin.page(
            request,
            "bulk_move.html",
            BULK_TITLES[move],
            stories=[(story, story.workflow_label()) for story in stories],
            form=form,
            move=move,
            action=request.POST["action"],
            selected_field=helpers.ACTION_CHECKBOX_NAME,
        )
    moved, refused = [], []
    for story in stories:
        try:
            services.make_move(
                move=move,
                article=story,
                user=request.user,
                expected_version=seen_version(request, story),
                **form.cleaned_data,
            )
        except errors.WorkflowError as error:
            refused.append(" ".join([f"“{story}”:", str(error.message), *map(str, error.messages)]))
        else:
            model_admin.log_change(request, story, f"{services.MOVE_PAST[move].capitalize()}.")
            moved.append(state_after_move(story))
    done = {"count": len(moved), "total": len(stories), "move": services.MOVE_PAST[move]}
    model_admin.message_user(
        request,
        ngettext(
            "%(count)s of %(total)s story %(move)s.",
            "%(count)s of %(total)s stories %(move)s.",
            len(stories),
        )
        % done,
        messages.SUCCESS if moved else messages.WARNING,
    )
    for line in moved:
        model_admin.message_user(request, line, messages.SUCCESS)
    for line in refused:
        model_admin.message_user(request, line, messages.ERROR)
    return None


def seen_version(request, story):
    """
    The version of ``story`` the page asking to move it showed (0, which no
    story has, when the page did not say: the move is refused as stale).
    """
    try:
        return max(int(request.POST.get(f"version-{story.pk}", "")), 0)
    except ValueError:
        return 0


@admin.action(description=_("Approve selected stories (publish later)"), permissions=["publish"])
def approve_selected(model_admin, request, queryset):
    return move_selected(model_admin, request, queryset, "approve")


@admin.action(description=_("Schedule selected stories"), permissions=["publish"])
def schedule_selected(model_admin, request, queryset):
    return move_selected(model_admin, request, queryset, "schedule")


@admin.action(description=_("Unpublish selected stories"), permissions=["publish"])
def unpublish_selected(model_admin, request, queryset):
    return move_selected(model_admin, request, queryset, "unpublish")
