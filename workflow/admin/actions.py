"""What the story list does to the stories selected: submit them, find their quotes."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from quotes.services import record_quotes
from workflow import editing, errors, roles, services


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
