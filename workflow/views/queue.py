"""
The review queue: stories in review, the longest-waiting first, for editors.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
)
from workflow import (
    presence,
    roles,
)
from workflow.models import Revision, Transition


def review_queue_rows(stories, *, now, viewer):
    return [
        {
            "article": article,
            "authors": ", ".join(byline.person.public_name for byline in article.bylines.all()),
            "words": article.word_count(),
            "waiting": presence.waiting_label(article.submitted_at, now=now),
            "since": since_last_verdict(article, viewer=viewer),
            "latest_number": article.latest_number,
        }
        for article in stories
    ]


def since_last_verdict(article, *, viewer):
    """
    What the editor compares the story with: the revision an editor last
    returned or approved it at, and which; None for a story no editor has
    judged yet (or judged before revisions were kept).
    """
    if article.verdict_number is None:
        return None
    if article.verdict == Article.Status.DRAFT:
        kind = "returned_by_you" if article.verdict_by == viewer.pk else "returned"
    else:
        kind = "approved"
    return {"kind": kind, "number": article.verdict_number}


def review_queue(model_admin, request):
    """Stories in review, the longest-waiting first."""
    if not roles.is_editor(request.user):
        raise PermissionDenied
    latest = Revision.objects.filter(article=OuterRef("pk")).order_by("-number")
    # An editor's last word on the story: returned to its authors, or approved.
    verdicts = Transition.objects.filter(
        article=OuterRef("pk"),
        to_status__in=[Article.Status.DRAFT, Article.Status.APPROVED, Article.Status.PUBLISHED],
    ).order_by("-created_at", "-pk")
    stories = (
        Article.objects.in_review()
        .select_related("section")
        .defer("body_html")
        .annotate(
            latest_number=Subquery(latest.values("number")[:1]),
            verdict=Subquery(verdicts.values("to_status")[:1]),
            verdict_by=Subquery(verdicts.values("user")[:1]),
            verdict_number=Subquery(verdicts.values("revision__number")[:1]),
        )
        .prefetch_related("bylines__person")
    )
    rows = review_queue_rows(stories, now=timezone.now(), viewer=request.user)
    return model_admin.page(request, "review_queue.html", _("Review queue"), rows=rows)
