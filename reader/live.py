"""
Live stories as readers get them: the coverage's state, its key points and
its updates, newest first, on the story page and in the small JSON answer
the page polls for updates posted after it was loaded.

Readers poll rather than hold a connection open (server-sent events): the
app servers are gunicorn sync workers, where every open stream would hold a
worker for as long as the reader stays. A poll asks for one address per
story and language, answered from the page cache (early, before Django
builds a request) until an update, the coverage or a quote of an update
changes, and kept by a CDN for a few seconds (``LIVE_POLL_MAX_AGE``).

The answer lists every update readers see as ``[id, version]``, newest
first, with the HTML of the ``RECENT_UPDATES`` newest: a page that misses
an edited older one asks once for them all (``?all=1``).
"""

import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse

from articles.models import Article, LiveUpdate
from quotes.models import Quote

from . import pagetags

RECENT_UPDATES = 10


def update_parts():
    """What an update shows: its author as readers know them, and its photo's credit."""
    return LiveUpdate.objects.shown().select_related("author__person", "photo__photographer")


def live_parts():
    """The prefetches ``coverage`` reads from a story, one query each."""
    return [
        Prefetch("live_updates", update_parts()),
        Prefetch("quotes", Quote.objects.shown().select_related("speaker")),
    ]


def live_story(year, month, slug):
    """
    The published story at this address with its live coverage and what the
    updates show, in a fixed number of queries; 404 when there is none
    (a draft, a scheduled story, one not covered live).
    """
    try:
        address_month = datetime.date(year, month, 1)
    except ValueError:
        raise Http404 from None
    article = (
        Article.objects.published()
        .filter(month=address_month, slug=slug, live_coverage__isnull=False)
        .select_related("live_coverage")
        .prefetch_related(*live_parts(), "corrections")
        .first()
    )
    if article is None:
        raise Http404
    return article


def coverage(article):
    """
    What the page shows of ``article``'s live coverage, or None when it has
    none. Reads the story's ``live_coverage`` (``select_related``) and its
    prefetched ``live_updates`` and ``quotes`` (``live_parts``) and
    ``corrections`` (each update's shown with it).
    """
    # Whatever it shows changes with the coverage: one that starts, too.
    pagetags.shows(f"live:{article.pk}")
    # A missing reverse one-to-one raises a subclass of AttributeError.
    live = getattr(article, "live_coverage", None)
    if live is None:
        return None
    said = {}
    for quote in article.quotes.all():
        if quote.live_update_id is not None:
            said.setdefault(quote.live_update_id, []).append(quote)
    corrected = {}
    for correction in article.corrections.all():
        if correction.live_update_id is not None:
            corrected.setdefault(correction.live_update_id, []).append(correction)
    updates = list(article.live_updates.all())
    for update in updates:
        update.shown_quotes = said.get(update.pk, [])
        update.shown_corrections = corrected.get(update.pk, [])
        photo = update.photo
        update.shown_photo = None if photo is None or photo.is_withdrawn else photo
    return {
        "coverage": live,
        "ongoing": live.is_ongoing(),
        "key_points": live.key_point_list(),
        "updates": updates,
        "update_ids": {update.pk for update in updates},
        "poll_url": reverse(
            "reader:live_updates",
            kwargs={"year": article.month.year, "month": article.month.month, "slug": article.slug},
        ),
        "interval": settings.LIVE_POLL_SECONDS,
    }


def author_name(update):
    """The author's name as readers know it: their public profile's, else the account's."""
    person = getattr(update.author, "person", None)
    if person is not None:
        return person.public_name
    return update.author.get_full_name()


def poll_answer(request, article, *, everything=False):
    """The JSON a live story's page polls: the state of the coverage and its newest updates."""
    live = coverage(article)
    updates = live["updates"]
    sent = updates if everything else updates[:RECENT_UPDATES]
    context = {"article": article, "live": live}
    return {
        "ongoing": live["ongoing"],
        "interval": live["interval"],
        "head": render_to_string("reader/story/live.html#live-head", context, request),
        "shown": [[update.pk, update.version] for update in updates],
        "complete": len(sent) == len(updates),
        "updates": [
            {
                "id": update.pk,
                "version": update.version,
                "html": render_to_string(
                    "reader/story/live.html#live-update", {**context, "update": update}, request
                ),
            }
            for update in sent
        ],
    }
