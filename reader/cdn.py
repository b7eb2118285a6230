"""
Purging a CDN in front of the readers' site with the page cache's own tags
(``reader.pagetags``).

Every page for anonymous readers names its tags in ``Surrogate-Key`` (space
separated, as Fastly reads them) and ``Cache-Tag`` (comma separated, as
Cloudflare reads them). Every change renews its tags through
``pagetags.renew``, which hands them here: once the change is committed, one
purge request names all the tags of the transaction. It is sent by a task
(``reader.tasks.purge_cdn``, retried when the CDN fails), except for a
takedown (a story leaving the site, a photo withdrawn, a source newly
protected), which is sent from the request at once, and by the task only if
that fails.
"""

import json
import urllib.request

from django.conf import settings
from django.db import transaction

TIMEOUT = 10


def surrogate_headers(tags):
    """
    The headers naming a page's ``tags`` for a CDN, when one is purged
    (``CDN_PURGE_URL``): without one they would only lengthen every answer
    (a home page's run to 1 KB) and show readers internal ids.
    """
    if not settings.CDN_PURGE_URL:
        return {}
    tags = sorted(tags)
    return {"Surrogate-Key": " ".join(tags), "Cache-Tag": ",".join(tags)}


def purge(tags):
    """Ask the CDN to drop every page carrying any of ``tags``; raise on failure."""
    tags = sorted(tags)
    headers = {"User-Agent": "newsroom-purge"}
    if settings.CDN_PURGE_STYLE == "cache-tag":
        body = json.dumps({"tags": tags}).encode()
        headers |= {"Content-Type": "application/json"}
        if settings.CDN_PURGE_TOKEN:
            headers["Authorization"] = f"Bearer {settings.CDN_PURGE_TOKEN}"
    else:
        body = b""
        headers["Surrogate-Key"] = " ".join(tags)
        if settings.CDN_PURGE_TOKEN:
            headers["Fastly-Key"] = settings.CDN_PURGE_TOKEN
    request = urllib.request.Request(  # noqa: S310 - the configured purge address
        settings.CDN_PURGE_URL, data=body, headers=headers, method="POST"
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
        response.read()


class PendingPurge:
    """The tags a transaction renewed, purged once it is committed."""

    def __init__(self):
        self.tags = set()
        self.urgent = False

    def __call__(self):
        from .tasks import purge_cdn  # The task module imports this one.

        if self.urgent:
            try:
                purge(self.tags)
                return
            except OSError:
                pass  # The task tries again, and again later.
        purge_cdn.using(priority=100).enqueue(tags=sorted(self.tags))


def purge_on_commit(tags, *, urgent=False):
    """
    Purge ``tags`` once the current transaction is committed (at once outside
    one), in the one request the transaction's changes share.
    """
    if not settings.CDN_PURGE_URL or not tags:
        return
    connection = transaction.get_connection()
    pending = next(
        (entry[1] for entry in connection.run_on_commit if isinstance(entry[1], PendingPurge)),
        None,
    )
    if pending is None:
        pending = PendingPurge()
        pending.tags |= set(tags)
        pending.urgent = urgent
        transaction.on_commit(pending)
        return
    pending.tags |= set(tags)
    pending.urgent |= urgent
