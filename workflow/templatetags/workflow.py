"""The workspace's workflow tags."""

from django import template

from articles.models import Article
from workflow import roles

register = template.Library()


@register.inclusion_tag(
    "admin/articles/article/includes/review_queue_summary.html", takes_context=True
)
def review_queue_summary(context):
    """
    For editors, the review queue with the number of stories waiting: one
    COUNT query on the workspace's index page.
    """
    request = context.get("request")
    if request is None or not roles.is_editor(request.user):
        return {"show": False}
    return {"show": True, "count": Article.objects.in_review().count()}
