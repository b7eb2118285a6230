"""
A kept page answered early: which requests may be answered before the rest
of the stack runs (``early_key`` for a Django request, ``early_page`` for a
WSGI environ, ``newsroom.wsgi``), the page replayed as the whole stack gave
it, compressed for clients that accept it, and a page ``cache_public_page``
rendered stored (``keep``). ``reader.pagecache`` keeps the pages; this
module is what ``CachedPageMiddleware`` and the WSGI entry do with them.
"""

import gzip
import re
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.http import HttpResponse
from django.http.cookie import parse_cookie
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from . import pagetags
from .pagecache import (
    StoredPage,
    at_site_url,
    key_for,
    language_of,
    lookup,
    page_key,
    remember,
    served_from_cache,
)

# A page is compressed once, when it is stored, and sent compressed to every
# client that accepts it (every browser): a phone on a slow network gets a
# story in a quarter of the bytes, and no request pays for compressing.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
SMALLEST_COMPRESSED = 200


def compressed(content):
    if len(content) < SMALLEST_COMPRESSED:
        return None
    return gzip.compress(content, compresslevel=6, mtime=0)


def variant(stored, accept_encoding):
    """The stored page's body and headers for a client that accepts ``accept_encoding``."""
    if stored.gzipped is None or not ACCEPTS_GZIP.search(accept_encoding or ""):
        return stored.content, stored.headers
    headers = [
        (name, value)
        for name, value in stored.headers
        if name.lower() not in {"content-length", "etag"}
    ]
    headers += [("Content-Encoding", "gzip"), ("Content-Length", str(len(stored.gzipped)))]
    etag = next((value for name, value in stored.headers if name.lower() == "etag"), None)
    if etag:
        # Another body, the same page: a weak validator, as Django's GZipMiddleware gives.
        headers.append(("ETag", etag if etag.startswith("W/") else f"W/{etag}"))
    return stored.gzipped, headers


# The site's own cookies: whoever holds one may be signed in, or holds
# something of their own (sessions, CSRF, messages).
def personal_cookies():
    return (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, CookieStorage.cookie_name)


def never_a_page(path):
    """Static files and uploads: no page is kept at their addresses."""
    return path.startswith((settings.STATIC_URL, settings.MEDIA_URL))


def early_key(request):
    """
    The key of the cached page an anonymous reader may be answered with before
    the rest of the middleware runs, or None when the request must go the whole
    way: anything but GET and HEAD, a query string (no cached page is kept by
    one), any of the site's own cookies (decided from the cookie names alone,
    never by reading the session store), or an address other than
    ``SITE_URL``. A share or preview link is never stored, so it always goes
    the whole way. ``early_page`` applies the same rule to a WSGI environ.
    """
    if request.method not in {"GET", "HEAD"} or request.META.get("QUERY_STRING"):
        return None
    if never_a_page(request.path) or any(name in request.COOKIES for name in personal_cookies()):
        return None
    try:
        if not at_site_url(request):
            return None
    except DisallowedHost:
        # The whole stack answers it, with the headers every response gets.
        return None
    return page_key(request)


def early_page(environ):
    """
    The stored page a WSGI request may be answered with before Django builds
    a request at all (``newsroom.wsgi``), or None: ``early_key``'s rule, read
    from the environ as Django reads it (the scheme behind a proxy, the host,
    the path). A request that holds validators (If-None-Match…) goes on, to
    be answered its 304 by ``CachedPageMiddleware``.
    """
    if environ.get("REQUEST_METHOD") not in {"GET", "HEAD"} or environ.get("QUERY_STRING"):
        return None
    if "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
        return None
    cookies = environ.get("HTTP_COOKIE")
    if cookies and any(name in parse_cookie(cookies) for name in personal_cookies()):
        return None
    if f"{environ_scheme(environ)}://{environ_host(environ)}" != settings.SITE_URL:
        return None
    path_info = get_path_info(environ)
    path = "{}/{}".format(get_script_name(environ).rstrip("/"), path_info.replace("/", "", 1))
    if never_a_page(path):
        return None
    return lookup(None, key_for(path, language_of(path_info)))


def environ_scheme(environ):
    """``HttpRequest.scheme`` for a WSGI environ."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def environ_host(environ):
    """``HttpRequest.get_host()``'s host for a WSGI environ (SITE_URL's host is an allowed one)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    return environ.get("HTTP_HOST", "")


def replay(request, stored):
    """A stored page as the whole stack gave it, or its 304 when the request holds it already."""
    content, headers = variant(stored, request.META.get("HTTP_ACCEPT_ENCODING"))
    response = served_from_cache(HttpResponse(content, headers=headers))
    return conditional(request, response)


def storable(response):
    """
    Whether a response marked by ``cache_public_page`` may be kept and replayed
    to anonymous readers as it is: a 200 that sets no cookie, does not vary
    by cookie (nothing read the session), is public, and whose policy holds no
    CSP nonce. A nonce must be new in every response, so a page whose template
    asks for one is rendered each time; reader pages use none (no inline script).
    """
    cache_control = response.get("Cache-Control", "")
    policies = response.get("Content-Security-Policy", "") + response.get(
        "Content-Security-Policy-Report-Only", ""
    )
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "cookie" not in response.get("Vary", "").lower()
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and "'nonce-" not in policies
    )


def keep(request, response):
    """
    Store a page ``cache_public_page`` rendered, with its headers, and answer
    its 304 where the request holds it already. Any other response is left as it is.
    """
    page = getattr(response, "public_page", None)
    if page is None:
        return response
    if (
        settings.PAGE_CACHE
        and page.timeout
        and storable(response)
        and pagetags.generation() == page.generation
    ):
        stored = StoredPage(
            content=response.content,
            headers=list(response.items()),
            tags=pagetags.snapshot(page.tags),
            expires=time.time() + page.timeout,
            gzipped=compressed(response.content),
        )
        cache.set(page.key, stored, page.timeout)
        remember(page.key, stored, page.generation)
    return conditional(request, response)


def conditional(request, response):
    meta = request.META
    if "HTTP_IF_NONE_MATCH" not in meta and "HTTP_IF_MODIFIED_SINCE" not in meta:
        return response  # Nothing to compare: the common case, answered without parsing dates.
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(response["Last-Modified"]),
        response=response,
    )
