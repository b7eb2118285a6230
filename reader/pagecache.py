"""
A server-side cache for every reader page.

A page is stored with the tags of what it shows and their tokens at that
moment (``reader.pagetags``), and served while none of them has changed: a
change renews only the pages that show it (``reader.signals``). A page is
also never kept past the moment the next scheduled story goes live, or a
live story's coverage starts or ends, because neither changes a row at that
moment, nor longer than ``PAGE_SECONDS``.

The cache is shared by every server process (``CACHES`` in the settings), so a
change saved by one process is seen by all. Each process also keeps the pages
it served last in memory (``MEMORY_PAGES``): a hit then reads only the tags'
generation from the shared cache, never the page. Keys carry a fingerprint
of the templates, so a release with changed templates starts with fresh
pages. Only pages asked for at the site's own address (``settings.SITE_URL``)
are kept.

A page is stored whole, body and headers, and answered early to anonymous
readers, before Django builds a request or near the top of the middleware,
by ``reader.early`` (``CachedPageMiddleware``, ``newsroom.wsgi``). The
view's decorator, ``cache_public_page``, serves the same stored page to the
requests that go the whole way (a query string, a cookie of the site).

Nothing here counts on the cache keeping what it is given: with Django's
DummyCache every page is simply rendered each time.
"""

import collections
import datetime
import functools
import hashlib
import logging
import re
import time
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, quote_etag, urlencode
from django.utils.translation import get_language, get_language_from_path

from . import cdn, pagetags

logger = logging.getLogger(__name__)

# The longest a page is kept, even when nothing changes: a safety net for
# changes made without model signals (QuerySet.update(), raw SQL, the shell).
PAGE_SECONDS = 300
# How many pages each process keeps in memory, the latest served.
MEMORY_PAGES = 128
# A page number a listing is kept at: 1 to 9999, written plainly.
PAGE_NUMBER = r"[1-9][0-9]{0,3}"


class StoredPage(NamedTuple):
    """A page as the stack below ``CachedPageMiddleware`` gave it, ready to send again."""

    content: bytes
    headers: list
    tags: dict  # tag -> its token when the page was rendered
    expires: float  # time.time() after which the page is not served
    gzipped: bytes | None = None  # the content compressed once, when stored


_in_memory = collections.OrderedDict()


def start_new_version():
    """Renew every cached page and stored story part (after a restore, a bulk load)."""
    from . import stored

    pagetags.renew_everything()
    stored.forget({pagetags.EVERYTHING})


class NextPublication(NamedTuple):
    """What this process knows of the next scheduled story, under one generation."""

    generation: str | None
    known_until: float  # time.time() until which ``at`` holds
    at: float | None  # time.time() it goes live, or None: none before known_until + PAGE_SECONDS


_next_publication = NextPublication(None, 0.0, None)


def seconds_to_keep(now=None, *, request=None):
    """
    How long a page rendered now stays true: ``PAGE_SECONDS``, or less when a
    scheduled story goes live sooner.

    The next scheduled story is looked up once per generation (a story saved
    renews it) and kept in this process: it looks ``PAGE_SECONDS`` further
    ahead than it needs, so the answer holds for ``PAGE_SECONDS`` after.
    """
    global _next_publication
    if now is not None:
        seconds = until_next_publication(now, now + datetime.timedelta(seconds=PAGE_SECONDS))
        return PAGE_SECONDS if seconds is None else int(seconds)
    generation = checked_generation(request)
    known = _next_publication
    clock = time.time()
    if known.generation != generation or clock >= known.known_until:
        now = timezone.now()
        seconds = until_next_publication(now, now + datetime.timedelta(seconds=2 * PAGE_SECONDS))
        at = clock + seconds if seconds is not None else None
        known = NextPublication(generation, at if at is not None else clock + PAGE_SECONDS, at)
        _next_publication = known
    if known.at is None:
        return PAGE_SECONDS
    return max(0, min(PAGE_SECONDS, int(known.at - clock)))


def until_next_publication(now, horizon):
    """
    Seconds from ``now`` until the next scheduled change readers see before
    ``horizon``, or None: a scheduled story going live, or a published
    story's live coverage starting or ending (pages say "Live" or "Coverage
    ended" then, though no row changes). One query.
    """
    from articles.models import Article

    ahead = Q(published_at__gt=now)
    for moment in ("live_coverage__started_at", "live_coverage__ended_at"):
        ahead |= Q(**{f"{moment}__gt": now, f"{moment}__lt": horizon})
    rows = (
        Article.objects.published(now=horizon)
        .filter(ahead)
        .values_list("published_at", "live_coverage__started_at", "live_coverage__ended_at")
    )
    moments = [moment for row in rows for moment in row if moment is not None and moment > now]
    if not moments:
        return None
    return max(0, (min(moments) - now).total_seconds())


@functools.cache
def deployed_templates():
    """A fingerprint of the templates deployed, so a new release never serves old pages."""
    return templates_fingerprint()


def templates_fingerprint():
    """
    A digest of every template file's name (within its folder) and content.
    Every server of one release has the same, wherever its checkout is and
    whenever its files were written, so the servers share their pages in the
    cache and their stored story parts in the database (file times would
    differ from machine to machine, and each server would render and store
    the parts the other had just stored, at every page-cache miss); any
    changed template gives another.
    """
    digest = hashlib.sha256()
    for folder in map(Path, settings.TEMPLATES[0]["DIRS"]):
        for path in sorted(path for path in folder.rglob("*") if path.is_file()):
            stat = path.stat()
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(file_digest(str(path), stat.st_mtime_ns, stat.st_size))
    return digest.hexdigest()[:12]


@functools.lru_cache(maxsize=4096)
def file_digest(path, mtime_ns, size):
    """The digest of a file's content, read once for each time and size it has."""
    return hashlib.sha256(Path(path).read_bytes()).digest()


def templates_version():
    # In development templates change while the server runs.
    return templates_fingerprint() if settings.DEBUG else deployed_templates()


def at_site_url(request):
    """
    Whether the request is for the site's own address (``settings.SITE_URL``):
    the same scheme, host and port.
    """
    return f"{request.scheme}://{request.get_host()}" == settings.SITE_URL


def address_language(request):
    """
    The language the address names: Khmer under /km/, else English. Reader
    pages are in ``i18n_patterns`` without a prefix for the default language,
    so this is the language ``LocaleMiddleware`` gives them, known here
    before it runs.
    """
    return language_of(request.path_info)


def language_of(path_info):
    return get_language_from_path(path_info) or settings.LANGUAGE_CODE


def page_key(request, query=""):
    return key_for(request.path, address_language(request), query)


def key_for(path, language, query=""):
    # Only pages asked for at SITE_URL are stored (see cache_public_page), so
    # the host is not part of the key. Of the query string, only the
    # parameters the view reads are (``canonical_query``): "?utm_source=…"
    # gets the same page, and made-up query strings cannot fill the cache
    # with copies of it. The language is: /km/ and / never share a page.
    digest = hashlib.sha256(f"{path}?{query}".encode()).hexdigest()
    return f"reader:page:v7:{templates_version()}:{language}:{digest}"


def canonical_query(request, query):
    """
    The parameters of ``query`` the request holds, sorted, as ``a=1&b=2``; or
    None when a value is not kept (the request goes uncached). ``query`` maps
    a name to the pattern of the values kept, which bounds how many pages an
    address makes, or to a function giving a value's normal form (None: not
    kept; empty: as if not given), so that words searched for with other
    spaces share one page.
    """
    kept = []
    for name in sorted(query):
        value = request.GET.get(name)
        if value is None:
            continue
        rule = query[name]
        if callable(rule):
            value = rule(value)
            if value is None:
                return None
            if not value:
                continue
        elif not re.fullmatch(rule, value):
            return None
        kept.append(urlencode({name: value}))
    return "&".join(kept)


def served_from_cache(response):
    """A page from the cache, marked so when ``PAGE_CACHE_HEADER`` is on (for the bench)."""
    if settings.PAGE_CACHE_HEADER:
        response["X-Page-Cache"] = "hit"
    return response


def checked_generation(request):
    """The tags' generation, read once per request (every read when there is no request)."""
    if request is None:
        return pagetags.generation()
    if not hasattr(request, "_reader_generation"):
        request._reader_generation = pagetags.generation()
    return request._reader_generation


def fragment(request, name, parts, render, *, until_next_publication=False):
    """
    A piece of a page (``render()`` makes it on a miss), kept until what it
    shows changes, like a page: the tags collected while it is rendered are
    stored with it, and given to the page around it on every hit. A fragment
    that lists what scheduled stories may join is kept
    ``until_next_publication`` at most (one more query on a miss).
    """
    key = ":".join(
        ["reader:fragment:v2", name, templates_version(), get_language(), *map(str, parts)]
    )
    generation = checked_generation(request)
    stored = cache.get(key)
    if stored is not None and pagetags.tokens(stored[1]) == stored[1]:
        pagetags.shows(*stored[1])
        return stored[0]
    with pagetags.collect() as tags:
        value = render()
    if pagetags.generation() == generation:
        timeout = seconds_to_keep(request=request) if until_next_publication else PAGE_SECONDS
        cache.set(key, (value, pagetags.snapshot(tags)), timeout)
    return value


def lookup(request, key):
    """
    The page stored under ``key``, from this process's memory or the shared
    cache, or None when none is stored, or it has expired or shows something
    changed since, or the shared cache cannot be reached. A page this
    process checked under the current generation is not checked again: no
    tag's token changes without a new generation.
    """
    if not settings.PAGE_CACHE:
        return None
    try:
        generation = checked_generation(request)
    except pagetags.CACHE_UNREACHABLE:
        # No page can be checked, so none is served: the request goes on to
        # its view (``/healthz`` still answers from the database).
        logger.warning("The shared cache cannot be reached: no cached page is served.")
        return None
    now = time.time()
    page, checked_under = _in_memory.get(key, (None, None))
    if page is not None and page.expires > now and checked_under == generation:
        return page
    if page is None or page.expires <= now or pagetags.tokens(page.tags) != page.tags:
        page = cache.get(key)
        if page is None or page.expires <= now or pagetags.tokens(page.tags) != page.tags:
            return None
    remember(key, page, generation)
    return page


def remember(key, page, generation):
    _in_memory[key] = (page, generation)
    _in_memory.move_to_end(key)
    while len(_in_memory) > MEMORY_PAGES:
        _in_memory.popitem(last=False)


def signed_in(request):
    """Whether a signed-in user asks (no query at all without a session cookie)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def cache_public_page(view=None, *, query=None):
    """
    Serve a public page from the cache, rendering it on a miss and marking it
    for ``CachedPageMiddleware`` to store. ``query`` names the query
    parameters the view reads, each with the pattern of the values kept
    (``canonical_query``): ``{"page": PAGE_NUMBER}``. The view must read no other.

    Only successful GET and HEAD responses are stored, with the headers the
    middleware below ``CachedPageMiddleware`` gave them (see ``storable``). The
    pages cached here must not vary with the user: they show the same to
    everyone. Signed-in staff neither read nor fill the cache.

    Only requests for the site's own address (``settings.SITE_URL``) read or
    fill the cache. A page holds absolute addresses built from the request
    (its canonical link, og:url, JSON-LD), so a page made for another host
    must never be served at the site's own; and any other allowed host or
    port is rendered afresh, so varying the Host header cannot fill the cache.

    A page carries an ``ETag`` (a digest of its body) and a ``Last-Modified``
    (when it was made), so a browser or CDN asking again gets a 304 while the
    page is unchanged (``CachedPageMiddleware`` answers it). Only a 200 is
    ever answered with a 304: a draft's or an unknown address stays a 404
    whatever validators the request carries.
    """

    if view is None:
        return functools.partial(cache_public_page, query=query)
    query = query or {}

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        canonical = canonical_query(request, query)
        if (
            request.method not in {"GET", "HEAD"}
            or canonical is None
            or signed_in(request)
            or not at_site_url(request)
            # The key names the address's language: a page in any other is not kept.
            or getattr(request, "LANGUAGE_CODE", None) != address_language(request)
        ):
            return view(request, *args, **kwargs)
        # The page must show no query parameter but ``query`` (see page_key).
        request.is_cached_page = True
        key = page_key(request, canonical)
        stored = lookup(request, key)
        if stored is not None:
            headers = dict(stored.headers)
            response = HttpResponse(stored.content, content_type=headers["Content-Type"])
            response["ETag"] = headers["ETag"]
            response["Last-Modified"] = headers["Last-Modified"]
            patch_vary_headers(response, ("Accept-Encoding",))
            response.public_page = PublicPage(key, timeout=0)
            for header, value in cdn.surrogate_headers(stored.tags).items():
                response[header] = value
            return served_from_cache(response)
        generation = checked_generation(request)
        with pagetags.collect() as tags:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if hasattr(response, "render") and callable(response.render):
                response.render()
        for header, value in cdn.surrogate_headers({pagetags.EVERYTHING, *tags}).items():
            response[header] = value
        response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        # A kept page is sent compressed to those who accept it (``variant``).
        patch_vary_headers(response, ("Accept-Encoding",))
        response["Last-Modified"] = http_date(time.time())
        # A page number the paginator moved ("?page=9999" shows the last page)
        # is answered, not kept: made-up numbers must not fill the cache.
        keep_for = 0 if getattr(request, "page_moved", False) else seconds_to_keep(request=request)
        response.public_page = PublicPage(key, timeout=keep_for, tags=tags, generation=generation)
        return response

    return wrapper


class PublicPage(NamedTuple):
    """
    What ``cache_public_page`` tells the middleware: the page's key, how long
    to keep it, the tags of what it shows and the generation it was rendered
    under (a page rendered while something changed is not kept).
    """

    key: str
    timeout: int
    tags: set = frozenset()
    generation: str | None = None
