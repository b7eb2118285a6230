"""
The shared cache (Redis, with several app servers) down must not take the
readers' site down with it. The cache only spares work: a reader's page can
always be made from the database. So while the cache cannot be reached:

* a reader's GET or HEAD is answered afresh from the database, the cache set
  aside for that request (a cache that keeps nothing), and for the next
  ``RETRY_SECONDS`` every reader's request goes straight there, so none waits
  on a dead server;
* anything else — a change, the workspace, the content API — gets a 503 with
  ``Retry-After``, and nothing is saved. A change must renew the pages that
  show it: saved without that, readers would be served what it removed (a
  takedown, a protected name) as soon as the cache is back.
"""

import contextlib
import logging
import sys
import time

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.signals import got_request_exception
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from reader.pagetags import CACHE_UNREACHABLE

logger = logging.getLogger(__name__)

RETRY_SECONDS = 10
NOT_FOR_READERS = ("/admin/", "/api/")


@contextlib.contextmanager
def cache_set_aside():
    """For this thread, a default cache that keeps nothing and cannot fail."""
    real = caches["default"]
    caches["default"] = DummyCache("", {})
    try:
        yield
    finally:
        caches["default"] = real


def note_unreachable(sender, request=None, **kwargs):
    """
    ``got_request_exception``, sent while Django turns an exception into a
    500: mark the request whose failure was the cache's.
    """
    if request is not None and isinstance(sys.exc_info()[1], CACHE_UNREACHABLE):
        request.shared_cache_down = True


got_request_exception.connect(note_unreachable, dispatch_uid="operations.shared_cache")


class SharedCacheDownMiddleware:
    """See the module's docstring. Placed first after the request log."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.down_until = 0.0

    def __call__(self, request):
        for_readers = request.method in {"GET", "HEAD"} and not request.path.startswith(
            NOT_FOR_READERS
        )
        if for_readers and time.monotonic() < self.down_until:
            with cache_set_aside():
                return self.get_response(request)
        response = self.get_response(request)
        if not getattr(request, "shared_cache_down", False):
            return response
        self.down_until = time.monotonic() + RETRY_SECONDS
        logger.error(
            "The shared cache cannot be reached: reader pages are made without it for %s s, "
            "changes are refused with 503.",
            RETRY_SECONDS,
        )
        if for_readers:
            request.shared_cache_down = False
            with cache_set_aside():
                return self.get_response(request)
        return unavailable(request)


def unavailable(request):
    message = _(
        "The newsroom's shared cache cannot be reached, so this request was not completed "
        "and nothing was saved. Please try again in a minute."
    )
    if request.path.startswith("/api/"):
        response = JsonResponse({"error": "unavailable", "message": message}, status=503)
    else:
        content = loader.render_to_string("503.html", {"reason": message}, request=request)
        response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_SECONDS * 3)
    patch_cache_control(response, no_store=True)
    return response
