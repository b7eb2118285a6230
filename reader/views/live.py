"""What a live story's page polls for updates posted after it was loaded (``reader.live``)."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .. import live
from ..pagecache import cache_public_page


@require_safe
@cache_public_page(query={"all": r"1"})
def live_updates(request, year, month, slug):
    """
    The state of a live story's coverage and its newest updates as JSON
    (``reader.live.poll_answer``); ``?all=1`` sends every update's HTML. Kept
    in the page cache until an update, the coverage or a quote changes, and
    a few seconds by a CDN or browser.
    """
    article = live.live_story(year, month, slug)
    answer = live.poll_answer(request, article, everything=request.GET.get("all") == "1")
    response = JsonResponse(answer, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(
        response,
        public=True,
        max_age=settings.LIVE_POLL_MAX_AGE,
        s_maxage=settings.LIVE_POLL_MAX_AGE,
    )
    return response
