"""Live stories for tests: coverage and updates made with the ORM, as the desk would post them."""

import datetime

from django.urls import reverse
from django.utils import timezone

from articles.models import LiveCoverage, LiveUpdate
from tests.support.factories import make_journalist, make_published_article, make_quote


def make_live_story(headline=None, *, updates=3, key_points="", author=None, **fields):
    """
    A published story covered live since two hours ago, with ``updates``
    updates a minute apart (the newest last), each with a title and a text.
    """
    article = make_published_article(headline, **fields)
    started = timezone.now() - datetime.timedelta(hours=2)
    LiveCoverage.objects.create(article=article, started_at=started, key_points=key_points)
    author = author or make_journalist()
    for number in range(1, updates + 1):
        post_update(
            article,
            author=author,
            title=f"Update number {number}",
            body=f"The count goes on at polling station {number}.",
            posted_at=started + datetime.timedelta(minutes=number),
        )
    return article


def post_update(article, *, author=None, quote=None, **fields):
    """An update posted now (unless ``posted_at`` is given), with a quote of ``quote``'s fields."""
    fields.setdefault("body", "Officials opened the ballot boxes.")
    update = LiveUpdate.objects.create(
        article=article, author=author or make_journalist(), **fields
    )
    if quote is not None:
        make_quote(article, live_update=update, **quote)
    return update


def take_down(update, *, editor=None, reason="Wrong figures"):
    """An update taken off the site, as the desk does it."""
    update.taken_down_at = timezone.now()
    update.taken_down_by = editor or update.author
    update.takedown_reason = reason
    update.save()
    return update


def poll_url(article, **query):
    """The address a live story's page polls; ``query`` added as given."""
    url = reverse(
        "reader:live_updates",
        kwargs={"year": article.month.year, "month": article.month.month, "slug": article.slug},
    )
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def feed_url(article):
    """The address of a live story's feed of updates."""
    return reverse(
        "reader:live_updates_feed",
        kwargs={"year": article.month.year, "month": article.month.month, "slug": article.slug},
    )
