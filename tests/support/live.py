"""
What the live desk's tests share: a live story with an editor, an assigned
journalist, one not assigned and the photo desk, and what the desk's forms post.
"""

import datetime

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from tests.support.factories import (
    make_journalist,
    make_published_article,
    make_user,
)
from tests.support.staff import sign_in
from workflow import live

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
