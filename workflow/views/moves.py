"""
One workflow move (submit, return, approve, publish, schedule, unpublish),
and the confirmation of a quote's speaker the approval checklist asks for,
posted from a story's form.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quotes.models import Quote
from workflow import (
    editing,
    errors,
    roles,
    services,
)
from workflow.forms import MoveForm


def make_move(model_admin, request, object_id, move):
    """One workflow move (submit, return, approve, publish, schedule, unpublish), by POST."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if move not in roles.MOVES:
        raise Http404
    article = model_admin.story_or_none(request, object_id)
    if article is None:
        return model_admin.missing(request, object_id)
    if not roles.may_move(request.user, article, move):
        raise PermissionDenied
    change_url = model_admin.url("change", article.pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        for field_errors in form.errors.values():
            for error in field_errors:
                model_admin.message_user(request, error, messages.ERROR)
        return redirect(change_url)
    try:
        services.make_move(move=move, article=article, user=request.user, **form.cleaned_data)
    except errors.NotAllowed:
        raise PermissionDenied from None
    except errors.WorkflowError as error:
        model_admin.message_user(request, error.message, messages.ERROR)
        for line in error.messages:
            model_admin.message_user(request, line, messages.ERROR)
        return redirect(change_url)
    model_admin.log_change(request, article, f"{services.MOVE_PAST[move].capitalize()}.")
    model_admin.message_user(request, state_after_move(article), messages.SUCCESS)
    return redirect(change_url)


def state_after_move(article):
    """What a person who just moved ``article`` is told of it: its state now."""
    done = article.workflow_label()
    if article.is_scheduled():
        when = timezone.localtime(article.published_at)
        done = _("scheduled for %(when)s") % {"when": f"{when:%Y-%m-%d %H:%M}"}
    return _("“%(story)s” is now %(state)s.") % {"story": article, "state": str(done).lower()}


def confirm_quote(model_admin, request, object_id, quote_id):
    """Confirm who said one of the story's quotes, from its approval checklist, by POST."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = model_admin.story_or_none(request, object_id)
    if article is None:
        return model_admin.missing(request, object_id)
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    quote = Quote.objects.filter(article=article, pk=quote_id).select_related("speaker").first()
    if quote is None:
        raise Http404
    try:
        quote = editing.confirm_quote(quote=quote, user=request.user)
    except errors.NotAllowed:
        raise PermissionDenied from None
    except errors.WorkflowError as error:
        model_admin.message_user(request, error.message, messages.ERROR)
    else:
        model_admin.log_change(request, article, f"Confirmed who said quote {quote.position}.")
        model_admin.message_user(
            request,
            _("Quote %(number)s is confirmed: %(speaker)s said “%(text)s”.")
            % {"number": quote.position, "speaker": quote.attribution, "text": quote.excerpt()},
            messages.SUCCESS,
        )
    return redirect(model_admin.url("change", article.pk) + "#workflow")
