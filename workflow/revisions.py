"""
Revisions: a story's whole content (text, filing, bylines, photos, quotes,
right of reply) kept as JSON at every save, compared by content, and
restored as a new revision.
"""

from django.utils.translation import gettext as _

from articles.models import (
    Article,
    ArticlePhoto,
    Byline,
    CommentRequest,
)
from quotes.models import Quote

from .models import Revision


def _ref(obj, label=None):
    if obj is None:
        return None
    return {"id": obj.pk, "label": str(obj) if label is None else label}


def photo_ref(photograph):
    if photograph is None:
        return None
    caption = " ".join(photograph.caption.split())
    return {
        "id": photograph.pk,
        "label": f"{caption} ({photograph.credit})" if photograph.credit else caption,
        "alt_text": photograph.alt_text,
        "credit": photograph.credit,
    }


def quote_content(quote):
    """A quote as a revision keeps it (a story's, or a live update's)."""
    return {
        "row": quote.pk,
        "position": quote.position,
        "text": quote.text,
        "speaker": _ref(quote.speaker),
        "anonymous_description": quote.anonymous_description,
        "speaker_role": quote.speaker_role,
        "paragraph": quote.paragraph,
        "date_said": quote.date_said.isoformat() if quote.date_said else None,
        "is_pull_quote": quote.is_pull_quote,
        "is_confirmed": quote.is_confirmed,
    }


def snapshot(article):
    """
    The story's whole content as JSON-ready data: text, filing, bylines,
    photos, quotes and right of reply. References keep the id and, for
    reading, a label.
    """
    article = Article.objects.select_related(
        "section", "translation_of", "lead_photo__photographer"
    ).get(pk=article.pk)
    bylines = Byline.objects.filter(article=article).select_related("person")
    photos = ArticlePhoto.objects.filter(article=article).select_related("photograph__photographer")
    quotes = Quote.objects.filter(article=article).select_related("speaker")
    requests = CommentRequest.objects.filter(article=article).select_related(
        "person", "organization"
    )
    return {
        "headline": article.headline,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "dateline": article.dateline,
        "body": article.body,
        "language": article.language,
        "section": _ref(article.section),
        "translation_of": _ref(article.translation_of),
        "lead_photo": photo_ref(article.lead_photo),
        "topics": [_ref(topic) for topic in article.topics.order_by("pk")],
        "people": [_ref(person) for person in article.people.order_by("pk")],
        "organizations": [_ref(org) for org in article.organizations.order_by("pk")],
        "bylines": [
            {
                "row": byline.pk,
                "person": _ref(byline.person),
                "role": byline.role,
                "position": byline.position,
            }
            for byline in bylines
        ],
        "photos": [
            {
                "row": placed.pk,
                "position": placed.position,
                "photograph": photo_ref(placed.photograph),
            }
            for placed in photos
        ],
        "quotes": [quote_content(quote) for quote in quotes],
        "comment_requests": [
            {
                "row": request.pk,
                "person": _ref(request.person),
                "organization": _ref(request.organization),
                "requested_at": request.requested_at.isoformat(),
                "method": request.method,
                "outcome": request.outcome,
                "answer": request.answer,
                "answered_at": request.answered_at.isoformat() if request.answered_at else None,
            }
            for request in requests
        ],
    }


def comparable(content):
    """
    The part of a snapshot that is the story's own content: references by id
    only (a person renamed elsewhere does not change the story), rows without
    their database ids. A photograph counts with its caption, alt text and
    credit: the story shows them, and what an editor approved is what goes live.
    """
    if isinstance(content, list):
        return [comparable(item) for item in content]
    if isinstance(content, dict):
        if "id" in content and "alt_text" in content:
            return [content["id"], content["label"], content["alt_text"], content["credit"]]
        if "id" in content:
            return content["id"]
        return {key: comparable(value) for key, value in content.items() if key != "row"}
    return content


def same_content(first, second):
    """
    Whether two snapshots hold the same story. A revision kept before right of
    reply was part of a story's revisions is compared without it: its absence
    there is no change.
    """
    first, second = comparable(first), comparable(second)
    if "comment_requests" not in first or "comment_requests" not in second:
        first.pop("comment_requests", None)
        second.pop("comment_requests", None)
    return first == second


def latest_revision(article):
    return Revision.objects.filter(article=article).order_by("-number").first()


def record_revision(*, article, user, note="", force=False, content=None):
    """
    Keep the story's present content as a new revision and return it. A save
    that changed nothing since the last revision adds none (``force`` adds
    one anyway) and returns the last.
    """
    content = snapshot(article) if content is None else content
    latest = latest_revision(article)
    if latest is not None and not force and same_content(latest.content, content):
        return latest
    return Revision.objects.create(
        article=article,
        number=(latest.number + 1) if latest else 1,
        version=Article.objects.values_list("version", flat=True).get(pk=article.pk),
        content=content,
        note=note[: Revision._meta.get_field("note").max_length],
        created_by=user if user and user.is_authenticated else None,
    )


def ensure_baseline(*, article):
    """
    Before the first change to a story that has no revision yet (made by an
    import, the demo or the shell), keep its present content as revision 1,
    so the change can be compared with what was there.
    """
    if not Revision.objects.filter(article=article).exists():
        current = Article.objects.get(pk=article.pk)
        record_revision(
            article=current,
            user=current.updated_by,
            note=_("As it was before its first change in the workspace"),
        )
