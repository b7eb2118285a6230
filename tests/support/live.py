"""
Live stories for tests: coverage and updates made with the ORM, as the desk
would post them (the reader's tests); and what the live desk's tests share:
a live story with an editor, an assigned journalist, one not assigned and the
photo desk, and what the desk's forms post.
"""

import datetime

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from articles.models import LiveCoverage, LiveUpdate
from tests.support.factories import make_journalist, make_published_article, make_quote, make_user
from tests.support.staff import sign_in
from workflow import live


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


NAME = "Chhim Sokhorn"
LABEL = "A court clerk"


def desk_url(coverage, view="desk", *args):
    return reverse(f"admin:articles_livecoverage_{view}", args=[coverage.pk, *args])


def update_data(body="Polls closed at 3 p.m. in Phnom Penh.", title="Polls close", **more):
    data = {
        "update-title": title,
        "update-body": body,
        "update-photo": "",
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
        "quotes-MIN_NUM_FORMS": "0",
        "quotes-MAX_NUM_FORMS": "1000",
    }
    data.update(more)
    return data


def with_quote(data, index=0, **fields):
    data["quotes-TOTAL_FORMS"] = str(index + 1)
    for name in ("id", "text", "speaker", "anonymous_description", "speaker_role"):
        data[f"quotes-{index}-{name}"] = fields.get(name, "")
    return data


class LiveDeskTestData:
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_user("live-chief", is_superuser=True)
        cls.editor = make_user("live-editor", role="Editors")
        cls.assigned = make_journalist("live-assigned", name="Sok Chan")
        cls.unassigned = make_journalist("live-unassigned", name="Meas Vanna")
        cls.photo_desk = make_user("live-photo-desk", is_staff=True)
        cls.photo_desk.user_permissions.add(
            *Permission.objects.filter(content_type__app_label="media")
        )
        cls.article = make_published_article(
            "Election count", bylines=[cls.assigned.person], body="The count began."
        )
        cls.coverage = live.start_coverage(
            article=cls.article,
            editor=cls.editor,
            started_at=timezone.now() - datetime.timedelta(hours=1),
            reporters=[cls.assigned],
            key_points="Polls closed at 3 p.m.\nCounting goes on overnight.",
        )
        cls.other_article = make_published_article("Flood in Kratie")
        cls.other_coverage = live.start_coverage(
            article=cls.other_article, editor=cls.editor, reporters=[cls.unassigned]
        )
        cls.editors_update = live.post_update(
            article=cls.article, user=cls.editor, body="Turnout was high in Kandal."
        )
        cls.own_update = live.post_update(
            article=cls.article, user=cls.assigned, body="Queues outside a school in Takhmao."
        )

    def signed_in(self, user):
        sign_in(self.client, user)
        return self.client
