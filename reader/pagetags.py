"""
What a cached page shows, named by tags, so that a change renews only the
pages that show it.

A tag names a thing a page shows, ``story:12``, ``person:7``, ``photo:3``,
``live:12`` (story 12's live coverage and updates),
or a list a story can join, ``latest`` (home, archive, feeds, sitemaps,
search), ``stories-of:section:2``, ``stories-of:topic:5``,
``stories-of:person:7``, ``nav`` (the sections in the site's navigation).
Every page also carries ``all``. A page collects its tags while it is
rendered (``collect``, ``shows``; every story, person and photograph loaded
for it is tagged by ``reader.signals``) and is stored with each tag's
*token* at that moment (``snapshot``). It is served only while every one of
those tokens is unchanged (``still_valid``). A change replaces the tokens of
its tags (``renew``), so it renews exactly the pages that show it.

Checking a page costs one small cache read, the *generation*: a token
replaced by every renewal. Each process keeps the tag tokens it has read for
as long as the generation it read them under is current, so a hit on a
page whose tags were all checked before needs no other read. A renewal is
seen by every process at its next request: no page outlives a change.

A CDN in front is purged with the same tags: a page's tags are its
``Surrogate-Key`` / ``Cache-Tag`` header, and ``renew``, the one place every
change passes through, has ``reader.cdn`` purge them once it is committed.
"""

import contextlib
import contextvars
import uuid

from django.core.cache import cache
from django.db import transaction

from . import cdn

try:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError
except ImportError:  # Redis is optional: no Redis, no Redis errors.
    RedisConnectionError = RedisTimeoutError = OSError

EVERYTHING = "all"
GENERATION_KEY = "reader:tags:generation"

# What the shared cache raises when it cannot be reached: a socket's error,
# or Redis's own (which are not OSErrors).
CACHE_UNREACHABLE = (OSError, RedisConnectionError, RedisTimeoutError)

# The tags of the page being rendered in this thread, or None when none is.
collecting = contextvars.ContextVar("reader_page_tags", default=None)


class Tokens:
    """The tag tokens one process has read under one generation."""

    def __init__(self, generation):
        self.generation = generation
        self.tokens = {}


_known = Tokens(None)


def new_token():
    return uuid.uuid4().hex


def read_or_start(key):
    """The token stored under ``key``, or a new one stored there now (never None)."""
    token = cache.get(key)
    if token is None:
        cache.add(key, new_token(), timeout=None)
        # Another process may have added its token first: all must use the same.
        token = cache.get(key) or new_token()
    return token


def generation():
    """The current generation, read afresh; this process's known tokens follow it."""
    global _known
    current = read_or_start(GENERATION_KEY)
    if current != _known.generation:
        _known = Tokens(current)
    return current


def tokens(tags):
    """The current token of each tag, as a dict: call ``generation()`` first."""
    known = _known
    missing = [tag for tag in tags if tag not in known.tokens]
    for tag in missing:
        known.tokens[tag] = read_or_start(f"reader:tag:{tag}")
    return {tag: known.tokens[tag] for tag in tags}


def snapshot(tags):
    """The tokens ``tags`` have now, to store a page under; ``all`` is always one of them."""
    return tokens(sorted({EVERYTHING, *tags}))


def still_valid(stored):
    """Whether a page stored with the ``stored`` tokens shows nothing changed since."""
    generation()
    return tokens(stored) == stored


def renew(tags, *, urgent=False):
    """
    Renew every page showing any of ``tags``: now, and again once the change
    is committed, so a page another process rendered from the rows as they
    were before the commit is not kept either; then purge them from the CDN
    (at once from this process when ``urgent``: a takedown).
    """
    tags = set(tags)
    if not tags:
        return

    def replace():
        for tag in tags:
            cache.set(f"reader:tag:{tag}", new_token(), timeout=None)
        # Last: a process seeing the new generation finds the new tokens.
        cache.set(GENERATION_KEY, new_token(), timeout=None)

    replace()
    transaction.on_commit(replace)
    cdn.purge_on_commit(tags, urgent=urgent)


def renew_everything():
    renew({EVERYTHING})


@contextlib.contextmanager
def collect():
    """Collect the tags of what is rendered inside: yields the set, shared with any outer one."""
    outer = collecting.get()
    tags = set()
    reset = collecting.set(tags)
    try:
        yield tags
    finally:
        collecting.reset(reset)
        if outer is not None:
            outer |= tags


def shows(*tags):
    """Note that the page being rendered, if any, shows ``tags``."""
    current = collecting.get()
    if current is not None:
        current.update(tags)
