"""
The live desk of a story covered live: post an update, see the updates
newest first, edit one, see its revisions, correct it, take it down. Every
change goes through ``workflow.live``; a user the desk is not for gets 403.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Correction, LiveCoverage, LiveUpdate
from quotes.models import Quote
from workflow import diffs, errors, live, roles
from workflow.forms import (
    LiveUpdateForm,
    TakedownForm,
    UpdateCorrectionForm,
    update_quote_formset,
)

QUOTES_PREFIX = "quotes"


def _coverage(request, object_id):
    """The coverage asked for if ``request.user`` may use its desk: 404 if none, else 403."""
    if not str(object_id).isdigit():
        raise Http404
    coverage = LiveCoverage.objects.select_related("article").filter(pk=int(object_id)).first()
    if coverage is None:
        raise Http404
    if not live.may_use_desk(request.user, coverage):
        raise PermissionDenied
    return coverage


def _update(coverage, update_id):
    update = (
        LiveUpdate.objects.select_related("article", "author__person", "edited_by__person")
        .filter(pk=update_id, article=coverage.article_id)
        .first()
    )
    if update is None:
        raise Http404
    return update


def _page(model_admin, request, template, title, coverage, **context):
    return TemplateResponse(
        request,
        f"admin/articles/livecoverage/{template}",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": title,
            "original": coverage,
            "article": coverage.article,
            "desk_url": model_admin.url("desk", coverage.pk),
            **context,
        },
    )


def _refused(form, error):
    """Show a refusal on ``form``, the text typed kept."""
    form.add_error(None, error.message)
    for line in error.messages:
        form.add_error(None, line)


def timeline(coverage, user):
    """The story's updates, newest first, each with what ``user`` may do to it."""
    updates = (
        LiveUpdate.objects.filter(article=coverage.article_id)
        .select_related("author__person", "edited_by__person", "taken_down_by__person", "photo")
        .prefetch_related(
            Prefetch("quotes", Quote.objects.select_related("speaker").order_by("position")),
            Prefetch("corrections", Correction.objects.order_by("published_at", "pk")),
        )
        .order_by("-posted_at", "-pk")
    )
    editor = roles.is_editor(user)
    rows = []
    for update in updates:
        update.by = roles.display_name(update.author)
        if update.is_taken_down:
            update.taken_down_name = roles.display_name(update.taken_down_by)
        update.can_revise = not update.is_taken_down and live.may_revise(user, update, coverage)
        update.can_see_history = editor or update.author_id == user.pk
        update.can_take_down = editor and not update.is_taken_down
        rows.append(update)
    return rows


def desk(model_admin, request, object_id):
    coverage = _coverage(request, object_id)
    article = coverage.article
    form = LiveUpdateForm(request.POST or None, prefix="update")
    quotes = update_quote_formset(request.user)(
        request.POST or None, prefix=QUOTES_PREFIX, queryset=Quote.objects.none()
    )
    if request.method == "POST" and form.is_valid() and quotes.is_valid():
        try:
            update = live.post_update(
                article=article,
                user=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                photo=form.cleaned_data["photo"],
                quotes=quotes.save(commit=False),
            )
        except errors.NotAllowed:
            raise PermissionDenied from None
        except errors.WorkflowError as error:
            _refused(form, error)
        else:
            if article.is_live():
                done = _("The update was posted: readers see it now.")
            else:
                done = _("The update was saved: readers see it when the story is published.")
            model_admin.message_user(request, done, messages.SUCCESS)
            return redirect(f"{model_admin.url('desk', coverage.pk)}#update-{update.pk}")
    now = timezone.now()
    return _page(
        model_admin,
        request,
        "desk.html",
        _("Live desk: “%(story)s”") % {"story": article},
        coverage,
        state=live.coverage_state(coverage, now=now),
        is_ongoing=coverage.is_ongoing(now=now),
        story_is_live=article.is_live(now=now),
        story_state=article.workflow_label(now=now),
        is_editor=roles.is_editor(request.user),
        form=form,
        quotes=quotes,
        media=form.media + quotes.media,
        updates=timeline(coverage, request.user),
    )


def edit_update(model_admin, request, object_id, update_id):
    coverage = _coverage(request, object_id)
    update = _update(coverage, update_id)
    if not live.may_revise(request.user, update, coverage):
        raise PermissionDenied
    form = LiveUpdateForm(request.POST or None, instance=update, prefix="update")
    quotes = update_quote_formset(request.user)(
        request.POST or None, prefix=QUOTES_PREFIX, queryset=update.quotes.order_by("position")
    )
    if request.method == "POST" and form.is_valid() and quotes.is_valid():
        base_version = form.cleaned_data["base_version"]
        try:
            if base_version is None:
                raise errors.StaleVersion(
                    _(
                        "This form does not say which version of the update it was opened at: "
                        "open the update again and make your changes there."
                    )  # fmt: skip
                )
            live.revise_update(
                update=form.instance,
                user=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                photo=form.cleaned_data["photo"],
                quotes=quotes.save(commit=False),
                deleted_quotes=quotes.deleted_objects,
                expected_version=base_version,
            )
        except errors.NotAllowed:
            raise PermissionDenied from None
        except errors.WorkflowError as error:
            _refused(form, error)
        else:
            model_admin.message_user(request, _("The update was saved."), messages.SUCCESS)
            return redirect(f"{model_admin.url('desk', coverage.pk)}#update-{update.pk}")
    return _page(
        model_admin,
        request,
        "update_form.html",
        _("Edit an update of “%(story)s”") % {"story": coverage.article},
        coverage,
        update=update,
        form=form,
        quotes=quotes,
        media=form.media + quotes.media,
    )


def _editors_action(model_admin, request, object_id, update_id, *, form_class, act, texts):
    """
    An editor's form about one update (take it down, correct it): ``act(update,
    user, cleaned_data)`` calls the service; ``texts`` are the page's title,
    its button and the message once done.
    """
    coverage = _coverage(request, object_id)
    update = _update(coverage, update_id)
    if not roles.is_editor(request.user):
        raise PermissionDenied
    title, button, done = texts
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            act(update, request.user, form.cleaned_data)
        except errors.NotAllowed:
            raise PermissionDenied from None
        except errors.WorkflowError as error:
            _refused(form, error)
        else:
            model_admin.message_user(request, done, messages.SUCCESS)
            return redirect(f"{model_admin.url('desk', coverage.pk)}#update-{update.pk}")
    return _page(
        model_admin,
        request,
        "update_action.html",
        title,
        coverage,
        update=update,
        form=form,
        button=button,
    )


def take_down(model_admin, request, object_id, update_id):
    def act(update, user, data):
        live.take_down_update(update=update, editor=user, reason=data["reason"])

    texts = (
        _("Take an update down"),
        _("Take it down"),
        _("The update was taken down: readers no longer see it."),
    )
    return _editors_action(
        model_admin, request, object_id, update_id, form_class=TakedownForm, act=act, texts=texts
    )


def correct(model_admin, request, object_id, update_id):
    def act(update, user, data):
        live.correct_update(update=update, editor=user, kind=data["kind"], text=data["text"])

    texts = (
        _("Correct an update"),
        _("Issue the correction"),
        _("The correction was issued with the update."),
    )
    return _editors_action(
        model_admin,
        request,
        object_id,
        update_id,
        form_class=UpdateCorrectionForm,
        act=act,
        texts=texts,
    )


def history(model_admin, request, object_id, update_id):
    """Each saved text of an update, with what changed from the one before."""
    coverage = _coverage(request, object_id)
    update = _update(coverage, update_id)
    if not (roles.is_editor(request.user) or update.author_id == request.user.pk):
        raise PermissionDenied
    revisions = list(update.revisions.select_related("created_by__person").order_by("number"))
    previous = None
    for revision in revisions:
        revision.by = roles.display_name(revision.created_by)
        revision.changes = diffs.changes_seen_by(
            request.user, previous.content if previous else live.EMPTY_UPDATE, revision.content
        )
        previous = revision
    revisions.reverse()
    return _page(
        model_admin,
        request,
        "update_history.html",
        _("Revisions of an update"),
        coverage,
        update=update,
        revisions=revisions,
    )
