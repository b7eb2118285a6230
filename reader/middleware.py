"""
The reader pages' middleware: cached pages answered early, and
``Cache-Control`` for a CDN in front of the readers' site.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from . import early, pagecache
from .pagecache import signed_in


class CachedPageMiddleware:
    """
    Answer an anonymous reader's request for a cached page before the work it
    does not need: sessions, authentication, CSRF, messages, locale
    negotiation, URL resolution and the view. Placed just below the request
    log, the security headers and WhiteNoise, which run for every request.

    The page is replayed as the middleware below this one gave it the first
    time (``Cache-Control``, the CSP, ``Content-Language``, ``Vary``,
    ``X-Frame-Options``…), so the early answer is the one the whole stack
    would give an anonymous reader. Which requests are answered here is
    ``early.early_key``'s rule; which responses are kept, ``early.storable``'s.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = early.early_key(request)
        if key is not None:
            stored = pagecache.lookup(request, key)
            if stored is not None:
                return early.replay(request, stored)
        return early.keep(request, self.get_response(request))


class ReaderCacheControlMiddleware:
    """
    Tell a CDN or browser how long a reader page may be kept.

    Pages for anonymous readers are public (``READER_MAX_AGE`` for browsers,
    ``READER_SHARED_MAX_AGE`` for shared caches); anyone signed in, and any
    response setting a cookie, gets a private one that is checked again each
    time, so newsroom staff never see a stale page nor fill a shared cache.
    Views that set their own ``Cache-Control`` (the admin, previews,
    ``/healthz``) keep it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method not in {"GET", "HEAD"}
            or response.has_header("Cache-Control")
            or request.path.startswith("/admin/")
        ):
            return response
        if signed_in(request) or response.cookies:
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code in {200, 301}:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.READER_MAX_AGE,
                s_maxage=settings.READER_SHARED_MAX_AGE,
            )
        return response
