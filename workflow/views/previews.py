"""
Seeing a story: the staff preview before readers can, the body's preview on
the story form, the share links editors make for people outside the
newsroom, and the workspace's "view on site".
"""

import datetime

from django.contrib import messages
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from articles import body
from articles.models import (
    Article,
    ArticlePhoto,
)
from quotes.models import Quote
from reader.views.stories import render_article
from workflow import (
    errors,
    roles,
    share_links,
)
from workflow.forms import ShareLinkForm
from workflow.models import ShareLink


def preview(model_admin, request, object_id):
    """The story in the public template, for staff who may see it, whatever its state."""
    if request.method not in {"GET", "HEAD"}:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    article = model_admin.story_or_none(request, object_id)
    if article is None:
        raise Http404
    return render_article(request, article, preview=True)


def body_preview(model_admin, request, object_id):
    """
    The body text posted from the story form, rendered as readers will see it
    (the story form's live preview): for those who may edit the story.
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = model_admin.story_or_none(request, object_id)
    # One answer for a story that is missing, hidden or not theirs to edit.
    if article is None or not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    text = request.POST.get("body", "")[: body.MAX_BODY_LENGTH]
    return TemplateResponse(request, BODY_PREVIEW, body_preview_context(article, text))


BODY_PREVIEW = "admin/articles/article/includes/body_preview.html"


def body_preview_context(article, text):
    """
    ``text`` rendered by the reader's renderer and sanitizer, with the saved
    photos and quotes of ``article`` where their markers are, and the markers
    that name none.
    """
    html = body.render(text)
    if article.pk is None:
        # A story not saved yet has no photos or quotes to place.
        blocks = [(kind, value) for kind, value in body.split_markers(html) if kind == "html"]
    else:
        # Two queries whatever the story holds, not one per photo and speaker.
        prefetch_related_objects(
            [article],
            Prefetch(
                "placed_photos", ArticlePhoto.objects.select_related("photograph__photographer")
            ),
            Prefetch("quotes", Quote.objects.select_related("speaker")),
        )
        blocks = article.body_blocks(html)
    placed = {(kind, value.position) for kind, value in blocks if kind != "html"}
    return {
        "article": article,
        "blocks": blocks,
        "missing": sorted(body.markers(text) - placed),
    }


def body_preview_panel(article, url):
    """
    The story form's preview of the body as saved (or as posted, on a form
    sent back with errors), refreshed from ``url`` while typing.
    """
    inner = render_to_string(BODY_PREVIEW, body_preview_context(article, article.body))
    return format_html(
        '<div class="body-preview" id="body-preview" lang="{}" data-preview-url="{}">{}</div>',
        article.language,
        url,
        inner,
    )


def share(model_admin, request, object_id):
    """Editors make and revoke expiring preview links for people outside the newsroom."""
    article = model_admin.story_or_none(request, object_id)
    if article is None:
        return model_admin.missing(request, object_id)
    if not roles.is_editor(request.user):
        raise PermissionDenied
    form = ShareLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            share_links.create_share_link(
                article=article,
                editor=request.user,
                recipient=form.cleaned_data["recipient"],
                expires_in=datetime.timedelta(days=form.cleaned_data["days"]),
            )
        except errors.WorkflowError as error:
            model_admin.message_user(request, error.message, messages.ERROR)
        else:
            model_admin.message_user(
                request,
                _("The link is ready: copy it below and send it."),
                messages.SUCCESS,
            )
            return redirect(model_admin.url("share", article.pk))
    links = [
        {
            "link": link,
            "active": link.is_active(),
            "url": request.build_absolute_uri(
                reverse("workflow:shared_preview", args=[share_links.share_token(link)])
            ),
        }
        for link in article.share_links.select_related("created_by", "revoked_by")
    ]
    return model_admin.page(
        request,
        "share_links.html",
        _("Share “%(story)s” before publication") % {"story": article},
        article,
        form=form,
        links=links,
        is_live=article.is_live(),
    )


def revoke_share(model_admin, request, object_id, link_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = model_admin.story_or_none(request, object_id)
    if article is None:
        return model_admin.missing(request, object_id)
    if not roles.is_editor(request.user):
        raise PermissionDenied
    link = ShareLink.objects.filter(article=article, pk=link_id).first()
    if link is None:
        raise Http404
    share_links.revoke_share_link(link=link, editor=request.user)
    model_admin.message_user(
        request,
        _("The link for %(recipient)s no longer works.") % {"recipient": link.recipient},
        messages.SUCCESS,
    )
    return redirect(model_admin.url("share", article.pk))


@require_safe
def shared_preview(request, token):
    """
    An unpublished story shown through an editor's share link: read-only,
    marked as a preview, never cached or indexed. A forged, expired, revoked
    or published story's link is a 404 like any other missing page.
    """
    article = share_links.shared_article(token)
    if article is None:
        raise Http404
    return render_article(request, article, preview=True)


def view_on_site(request, content_type_id, object_id):
    """
    The workspace's "view on site" redirect. For a story it answers only those
    who may see the story, and only once readers can; other models go to
    Django's own redirect.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    if content_type is not None and content_type.model_class() is Article:
        # int(), not str.isdigit(): "²" is a digit to Python and no number to the database.
        try:
            pk = int(object_id)
        except ValueError:
            raise Http404 from None
        article = roles.visible_articles(request.user).filter(pk=pk).first()
        if article is None or not article.is_live():
            raise Http404
        return redirect(article.get_absolute_url())
    return contenttype_views.shortcut(request, content_type_id, object_id)
