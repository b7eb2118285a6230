"""
A published story's page parts, rendered once and kept in the database
(``StoredStory``): its ``<article>`` element (body with its photos and pull
quotes, bylines, corrections, right of reply, people, topics), the link
preview tags of its head and its JSON-LD.

A cold story page (a page-cache miss) then loads the story's row and its
stored parts and renders only what lists other stories (related stories,
the navigation): a handful of queries instead of one per kind of thing the
story shows, and no template work for the body. Unlike the page cache, the
parts outlive a cache flush or a restart, so a spike on an empty cache is
served from them.

The parts are rendered the first time the page is asked for after a change
and stored with the tags of everything they show (the page cache's tags,
``reader.pagetags``), so a change renews exactly the parts showing it:
``forget`` runs wherever the page cache is renewed (``reader.signals``).
They are also made again when the renderer or the templates change
(``version``), and after ``FRESH_FOR`` whatever happens, for changes made
without model signals (``QuerySet.update()``, raw SQL).

Only parts rendered at the site's own address (``settings.SITE_URL``) are
kept: they hold absolute addresses (canonical link, og:url, JSON-LD).
"""

import datetime
import logging
import re
from typing import NamedTuple

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles.models import Article

from . import pagecache, pagetags
from .models import StoredStory

logger = logging.getLogger(__name__)

# Raise when what the parts hold changes in a way the templates do not show
# (the view's context, the JSON-LD): every story's parts are made again.
RENDERER_VERSION = "1"
# The longest parts are kept without any change: a safety net.
FRESH_FOR = datetime.timedelta(days=1)
# The tags a change to one row of a story, person or photograph renews, and
# to a story's live coverage or one of its updates (``live:<story>``).
ROW_TAG = re.compile(r"(story|live|person|photo):([0-9]+)")


def version():
    return f"{RENDERER_VERSION}:{pagecache.templates_version()}"


class Parts(NamedTuple):
    """The parts of a story page, ready to put into its template."""

    head: str
    json_ld: str
    body: str
    language_switch: dict


def find(request, month, slug):
    """
    The published story at this address with its stored parts in the site
    language, in one query: ``(article, parts)``, or None when none are stored.
    """
    if not pagecache.at_site_url(request):
        return None
    story = Article.objects.published().filter(month=month, slug=slug)
    row = (
        StoredStory.objects.filter(
            article__in=story,
            language=get_language(),
            version=version(),
            valid_until__gt=timezone.now(),
        )
        .select_related("article")
        .first()
    )
    if row is None:
        return None
    # The page around them shows what they show: its cache follows the same changes.
    pagetags.shows(*row.shows.split())
    # Safe: rendered by our own templates, which escaped what they show.
    parts = Parts(
        mark_safe(row.head),  # noqa: S308
        mark_safe(row.json_ld),  # noqa: S308
        mark_safe(row.body),  # noqa: S308
        row.language_switch,
    )
    return row.article, parts


def render_parts(request, article, context, *, preview=False, shown=frozenset()):
    """
    Render the parts of ``article``'s page from ``context`` (the story view's),
    and keep them when they are a published story's at the site's own
    address and nothing they show changed while they were rendered. ``shown``
    are the tags of what was loaded for them (``pagetags.collect``).
    """
    generation = pagecache.checked_generation(request)
    context = {**context, "preview": preview}
    with pagetags.collect() as tags:
        parts = Parts(
            render_to_string("reader/story/head.html", context, request),
            "" if preview else render_to_string("reader/story/json_ld.html", context, request),
            render_to_string("reader/story/article.html", context, request),
            context["language_switch"],
        )
    # A story's page shows its live coverage, if it has any.
    tags |= {f"story:{article.pk}", f"live:{article.pk}", *shown}
    if not preview and pagecache.at_site_url(request) and pagetags.generation() == generation:
        keep(article, parts, tags, valid_until(article, context["translation"]))
    return parts


def valid_until(article, translation):
    """
    How long parts rendered now stay true: ``FRESH_FOR``, or until something
    they show changes at a set time, though no row does: the story's
    ``translation`` going live, when it is scheduled (the parts link to it
    then), or its live coverage starting or ending.
    """
    now = timezone.now()
    moments = [now + FRESH_FOR]
    scheduled = translation is not None and translation.reaches_readers()
    if scheduled and translation.published_at and translation.published_at > now:
        moments.append(translation.published_at)
    coverage = getattr(article, "live_coverage", None)
    if coverage is not None:
        moments.append(coverage.next_change(now=now))
    return min(moment for moment in moments if moment is not None)


def keep(article, parts, tags, until):
    """Store the parts, replacing any stored before, in one statement."""
    row = StoredStory(
        article=article,
        language=get_language(),
        version=version(),
        head=parts.head,
        json_ld=parts.json_ld,
        body=parts.body,
        language_switch=parts.language_switch,
        shows=" ".join(["", *sorted(tags), ""]),
        valid_until=until,
    )
    try:
        with transaction.atomic():
            StoredStory.objects.bulk_create(
                [row],
                update_conflicts=True,
                unique_fields=["article", "language"],
                update_fields=STORED_FIELDS,
            )
    except DatabaseError:
        # The database is busy or read-only: the reader has the page, and
        # the parts are stored at a later request.
        logger.warning("Could not store story %s's page parts", article.pk, exc_info=True)


STORED_FIELDS = ["version", "head", "json_ld", "body", "language_switch", "shows", "valid_until"]


def forget(tags):
    """
    Remove the stored parts showing any of ``tags``, now and again once the
    change is committed (parts rendered from the rows as they were before it
    are not kept). ``all`` removes every story's.
    """
    tags = set(tags)
    if not tags:
        return

    def remove():
        if pagetags.EVERYTHING in tags:
            StoredStory.objects.all()._raw_delete(StoredStory.objects.db)
            return
        stories, covered, shown = set(), set(), Q()
        for tag in tags:
            match = ROW_TAG.fullmatch(tag)
            if match is None:
                continue  # A list (latest, stories-of:…): no stored part lists stories.
            if match[1] == "story":
                stories.add(int(match[2]))
            elif match[1] == "live":
                covered.add(int(match[2]))
            else:
                shown |= Q(shows__contains=f" {tag} ")
        if stories:
            # A story's parts show its translation too (the link to it).
            shown |= (
                Q(article__in=stories)
                | Q(article__translation_of__in=stories)
                | Q(article__translation__in=stories)
            )
        if covered:
            shown |= Q(article__in=covered)
        if shown:
            StoredStory.objects.filter(shown)._raw_delete(StoredStory.objects.db)

    remove()
    transaction.on_commit(remove)
