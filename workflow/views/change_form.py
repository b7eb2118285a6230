"""
What a story's form shows of the workflow: state, checklist, moves, timeline,
who else has it open.
"""

import datetime

from django.urls import reverse
from django.utils import timezone

from articles.models import Article, LiveCoverage
from workflow import (
    checklist,
    live,
    presence,
    revisions,
    roles,
)
from workflow.models import Revision


def workflow_context(model_admin, request, article, context):
    user = request.user
    now = timezone.now()
    moves = roles.available_moves(user, article, now=now)
    state = roles.state_of(article, now=now)
    show_checklist = state in {"draft", "in_review", "approved", "unpublished"}
    others = presence.others_present(article=article, user=user, now=now)
    form = context["adminform"].form
    default_time = timezone.localtime(now + datetime.timedelta(hours=1)).replace(
        minute=0, second=0, microsecond=0
    )
    timeline = [
        (step, roles.display_name(step.user))
        for step in article.transitions.select_related("user__person")
    ]
    return {
        "workflow": {
            "state": state,
            "label": article.workflow_label(now=now),
            "moves": moves,
            "checklist": checklist.approval_checklist(article) if show_checklist else [],
            "show_checklist": show_checklist,
            "timeline": timeline,
            "return_note": return_note(timeline),
            "others": presence.presence_names(others),
            "conflict": getattr(form, "conflict", None),
            "version": article.version,
            "default_publish_at": default_time.strftime("%Y-%m-%dT%H:%M"),
            "approved_revision": article.approved_revision_id
            and Revision.objects.filter(pk=article.approved_revision_id)
            .values_list("number", flat=True)
            .first(),
            "latest_revision": revisions.latest_revision(article),
            "is_editor": roles.is_editor(user),
            "can_confirm": model_admin.has_change_permission(request, article),
            "can_submit_on_save": "submit" in moves
            and model_admin.has_change_permission(request, article),
            "presence_url": model_admin.url("presence", article.pk),
            "presence_seconds": presence.HEARTBEAT_SECONDS,
            "live": live_state(article, user, now=now),
        }
    }


def live_state(article, user, *, now):
    """The story's live coverage as its form shows it, with the desk for those who may post."""
    coverage = LiveCoverage.objects.filter(article=article).first()
    if coverage is None:
        return None
    desk_url = None
    if live.may_use_desk(user, coverage):
        desk_url = reverse("admin:articles_livecoverage_desk", args=[coverage.pk])
    return {"state": live.coverage_state(coverage, now=now), "desk_url": desk_url}


def return_note(timeline):
    """
    The editor's note and name if the story's latest move returned it to
    draft: the first thing its authors read, until they submit it again.
    """
    if not timeline:
        return None
    step, by = timeline[-1]
    returned = (step.from_status, step.to_status) == (
        Article.Status.IN_REVIEW,
        Article.Status.DRAFT,
    )
    return {"step": step, "by": by} if returned and step.note else None
