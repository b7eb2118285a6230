"""
The review queue: stories in review, the longest-waiting first, for editors.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
)
from workflow import (
    presence,
    roles,
)
from workflow.models import Revision


def review_queue_rows(stories, *, now):
    return [
        {
            "article": article,
            "authors": ", ".join(byline.person.public_name for byline in article.bylines.all()),
            "words": article.word_count(),
            "waiting": presence.waiting_label(article.submitted_at, now=now),
            "approved_number": article.approved_number,
            "latest_number": article.latest_number,
        }
        for article in stories
    ]


def review_queue(model_admin, request):
    """Stories in review, the longest-waiting first."""
    if not roles.is_editor(request.user):
        raise PermissionDenied
    latest = Revision.objects.filter(article=OuterRef("pk")).order_by("-number")
    stories = (
        Article.objects.in_review()
        .select_related("section")
        .defer("body_html")
        .annotate(
            approved_number=F("approved_revision__number"),
            latest_number=Subquery(latest.values("number")[:1]),
        )
        .prefetch_related("bylines__person")
    )
    rows = review_queue_rows(stories, now=timezone.now())
    return model_admin.page(request, "review_queue.html", _("Review queue"), rows=rows)
