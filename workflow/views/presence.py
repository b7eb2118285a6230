"""
The open story page says it is still open (or, leaving, that it is not).
"""

from django.http import Http404, HttpResponseNotAllowed, JsonResponse

from workflow import (
    presence,
)


def still_open(model_admin, request, object_id):
    """The open story page says it is still open (or, leaving, that it is not)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = model_admin.story_or_none(request, object_id)
    if article is None:
        raise Http404
    if request.POST.get("leave"):
        presence.mark_absence(article=article, user=request.user)
        return JsonResponse({"others": []})
    presence.mark_presence(article=article, user=request.user)
    others = presence.others_present(article=article, user=request.user)
    return JsonResponse({"others": presence.presence_names(others)})
