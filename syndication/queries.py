"""
Which stories the content API gives: the reader site's ``published()``, in
a key's scope, filtered, newest first, a page at a time after a cursor.
"""

import base64
import binascii
import datetime
import re

from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.dateparse import parse_datetime

from articles.models import Article, ArticlePhoto, Byline, Correction, LiveUpdate
from quotes.models import Quote
from reader.views.stories import story_page

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


class BadQuery(ValueError):
    """A filter or cursor the API cannot read: answered 400, with this message."""


def stories(api_key):
    """The stories ``api_key`` may read, loading what an item shows in a fixed number of queries."""
    takedowns = LiveUpdate.objects.filter(article=OuterRef("pk"), taken_down_at__isnull=False)
    return story_page(api_key.stories(Article.objects.published())).annotate(
        last_takedown=Subquery(takedowns.order_by("-taken_down_at").values("taken_down_at")[:1])
    )


def filtered(stories, params):
    """``stories`` narrowed by the query string ``params``; ``BadQuery`` for an unreadable value."""
    if params.get("section"):
        stories = stories.filter(section__slug=params["section"])
    if params.get("topic"):
        stories = stories.filter(topics__slug=params["topic"])
    language = params.get("language")
    if language:
        if language not in {"en", "km"}:
            raise BadQuery("language is en or km.")
        stories = stories.filter(language=language)
    since = params.get("modified_since")
    if since:
        stories = changed_since(stories, parse_moment(since, "modified_since"))
    return stories


def parse_moment(value, name):
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise BadQuery(f"{name} is a date and time, such as 2026-12-01T08:00:00+07:00.")
    if moment.tzinfo is None:
        raise BadQuery(f"{name} needs a time zone, such as +07:00 or Z.")
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        raise BadQuery(f"{name} is out of range.") from None


def changed_since(stories, moment):
    """
    Stories whose item changed at or after ``moment`` (``ninjs.version_created``):
    the story, a correction, a photograph, a person it shows, its live
    coverage or one of its updates.
    """
    story = OuterRef("pk")
    person_changed = Q(person__updated_at__gte=moment)
    return stories.filter(
        Q(published_at__gte=moment)
        | Q(updated_at__gte=moment)
        | Q(lead_photo__updated_at__gte=moment)
        | Exists(Correction.objects.filter(article=story, published_at__gte=moment))
        | Exists(ArticlePhoto.objects.filter(article=story, photograph__updated_at__gte=moment))
        | Exists(Byline.objects.filter(person_changed, article=story))
        | Exists(Quote.objects.filter(article=story, speaker__updated_at__gte=moment))
        | Exists(Article.people.through.objects.filter(person_changed, article=story))
        | Q(live_coverage__updated_at__gte=moment)
        | Exists(
            LiveUpdate.objects.filter(
                Q(posted_at__gte=moment) | Q(edited_at__gte=moment) | Q(taken_down_at__gte=moment),
                article=story,
            )
        )
    )


def page(stories, *, cursor=None, limit=PAGE_SIZE):
    """
    One page of ``stories``, newest first: ``(stories, next_cursor)``;
    ``next_cursor`` is None on the last page.
    """
    stories = stories.order_by("-published_at", "-pk")
    if cursor:
        published_at, pk = read_cursor(cursor)
        stories = stories.filter(
            Q(published_at__lt=published_at) | Q(published_at=published_at, pk__lt=pk)
        )
    found = list(stories[: limit + 1])
    if len(found) <= limit:
        return found, None
    found = found[:limit]
    return found, make_cursor(found[-1])


def make_cursor(article):
    text = f"{article.published_at.isoformat()}|{article.pk}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def read_cursor(cursor):
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, pk = text.split("|")
        published_at = datetime.datetime.fromisoformat(moment).astimezone(datetime.UTC)
        pk = int(pk)
    except (ValueError, binascii.Error, OverflowError):
        raise BadQuery("cursor is not one this API gave.") from None
    if not 1 <= pk < 2**63:
        raise BadQuery("cursor is not one this API gave.")
    return published_at, pk


def page_size(value):
    if value in (None, ""):
        return PAGE_SIZE
    if not re.fullmatch(r"[0-9]{1,3}", value) or not 1 <= int(value) <= MAX_PAGE_SIZE:
        raise BadQuery(f"limit is a whole number from 1 to {MAX_PAGE_SIZE}.")
    return int(value)
