"""
The content API for partners, ``/api/v1/``: published stories as ninjs
items (``syndication.ninjs``), read with an API key (``syndication.keys``).

Every answer is JSON, private to the key that asked (keys differ in scope),
never sets a cookie, and is checked again each time with its ETag: a
partner asking ``If-None-Match`` gets 304 while nothing it was given changed.

An answer is kept in the shared cache as the reader's fragments are
(``reader.pagecache.fragment``), per scope and address, with the tags of
every story, person and photograph it shows and the ``latest`` list: any
change renews it, a takedown or a protected source at once, and a
scheduled story going live ends it. Keys are checked and counted first.
"""

import functools
import hashlib
import json
from typing import NamedTuple

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, urlencode
from django.views.decorators.http import require_safe

from reader import early, pagecache, pagetags

from . import keys, ninjs, openapi, queries

FILTERS = ("section", "topic", "language", "modified_since")


def error(status, code, message, **headers):
    response = JsonResponse({"error": code, "message": message}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def with_key(view):
    """
    Answer only requests carrying an active key within its rate limit: 401
    without one, 429 with ``Retry-After`` over the limit. Every answer,
    errors too, is private and revalidated.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = answer(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Authorization"])
        return response

    def answer(request, *args, **kwargs):
        api_key = keys.authenticate(request.headers.get("Authorization"))
        if api_key is None:
            return error(
                401,
                "unauthorized",
                "Send an active API key: Authorization: Bearer <key>.",
                WWW_Authenticate='Bearer realm="newsroom-api"',
            )
        wait = keys.seconds_over_limit(api_key)
        if wait:
            return error(
                429,
                "rate_limited",
                f"More than {api_key.rate_limit} requests this minute; try again in {wait} s.",
                Retry_After=str(wait),
            )
        if any("\x00" in value for value in request.GET.values()):
            return error(400, "bad_request", "A query parameter holds a NUL character.")
        try:
            return view(request, api_key, *args, **kwargs)
        except queries.BadQuery as bad:
            return error(400, "bad_request", str(bad))

    return wrapped


def kept(request, api_key, build):
    """
    ``build()``'s ``(data, last_modified)`` as ``(answer, etag, last_modified)``,
    kept until what it shows changes. Any story published, changed or taken
    down renews the ``latest`` tag, so a kept list, or a kept 404, goes too.
    """

    def render():
        pagetags.shows("latest")
        data, last_modified = build()
        if data is None:
            return None, None, None
        content = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
        etag = f'"{hashlib.sha256(content).hexdigest()[:32]}"'
        # Kept compressed too: a page of 50 stories is about a sixth of its size gzipped.
        return Answer(content, early.compressed(content)), etag, last_modified

    scope = [api_key.section_id or "", api_key.language, asked(request)]
    # "api-2": kept answers hold an Answer since gzip, no longer bare bytes.
    return pagecache.fragment(request, "api-2", scope, render, until_next_publication=True)


def asked(request):
    """
    What an answer depends on, as a short fixed-length text: the path and the
    parameters the API reads, in one order. Parameters it ignores do not make
    another answer to keep, and no address, however long, makes a cache key
    longer than a cache takes (memcached refuses keys over 250 characters).
    """
    read = sorted(
        (name, request.GET[name]) for name in (*FILTERS, "limit", "cursor") if name in request.GET
    )
    return hashlib.sha256(f"{request.path}?{urlencode(read)}".encode()).hexdigest()


class Answer(NamedTuple):
    """A kept answer's JSON, and the same gzipped (None when too small to gain)."""

    content: bytes
    gzipped: bytes | None


def json_answer(request, answer, etag, *, last_modified=None):
    """
    ``answer`` with its strong ``etag``, gzipped for a partner that accepts it
    (then with the weak ETag, as for reader pages); 304 when the partner has it.
    """
    gzipped = answer.gzipped and early.ACCEPTS_GZIP.search(
        request.headers.get("Accept-Encoding", "")
    )
    etag = f"W/{etag}" if gzipped else etag
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        response = not_modified
    else:
        response = HttpResponse(
            answer.gzipped if gzipped else answer.content, content_type="application/json"
        )
        if gzipped:
            response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    return response


@require_safe
@with_key
def item_list(request, api_key):
    """
    A page of published stories, newest first, filtered; ``next`` leads to
    the next page. No ``Last-Modified``: a story leaving the list changes no
    date the list could show, only its ETag.
    """

    def build():
        stories = queries.filtered(queries.stories(api_key), request.GET)
        limit = queries.page_size(request.GET.get("limit"))
        found, cursor = queries.page(stories, cursor=request.GET.get("cursor"), limit=limit)
        next_url = None
        if cursor:
            params = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
            if "limit" in request.GET:
                params["limit"] = limit
            params["cursor"] = cursor
            next_url = ninjs.absolute(f"{reverse('syndication:items')}?{urlencode(params)}")
        return {"items": [ninjs.item(story) for story in found], "next": next_url}, None

    answer, etag, _last_modified = kept(request, api_key, build)
    return json_answer(request, answer, etag)


@require_safe
@with_key
def item_detail(request, api_key, pk):
    """One published story by its uri; 404, the same as for no story at all, for any other."""

    def build():
        # A number past the database's integers names no story.
        story = None if pk >= 2**63 else queries.stories(api_key).filter(pk=pk).first()
        if story is None:
            return None, None
        return ninjs.item(story), int(ninjs.version_created(story).timestamp())

    answer, etag, last_modified = kept(request, api_key, build)
    if answer is None:
        return error(404, "not_found", "No published story has this uri.")
    return json_answer(request, answer, etag, last_modified=last_modified)


def not_found(request):
    return error(404, "not_found", "The API has no such address; see /api/v1/openapi.json.")


@require_safe
def openapi_description(request):
    """The API's OpenAPI 3 description: public, as it holds no content."""
    response = JsonResponse(openapi.description(), json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=3600)
    return response
