"""Helpers for the reader-site tests: stories with everything a public page shows."""

import io
import json
import re

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import translation

from tests.support.factories import (
    make_affiliation,
    make_correction,
    make_organization,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    place_photo,
    unique,
)

STORY_BODY = (
    "The families have waited ten years.\n\n"
    "[photo 1]\n\n"
    "They say the company never asked them.\n\n"
    "[quote 1]\n\n"
    "The ministry did not answer questions."
)


def make_full_story(headline=None, *, quotes=1, people_named=0, organization=None, **fields):
    """
    A published story with a byline, a lead photo with a credit, a photo and a
    pull quote placed in the body, ``quotes`` quotes by as many people (each
    with a role), ``people_named`` more people named, a correction and an
    organization.
    """
    writer = fields.pop("writer", None) or make_person(unique("Vann Piseth"))
    photographer = make_person(unique("Long Narith"))
    organization = organization or make_organization(unique("Land Alliance"))
    fields.setdefault("body", STORY_BODY)
    fields.setdefault("lead_photo", make_photograph(photographer=photographer))
    article = make_published_article(headline, bylines=[writer], **fields)
    place_photo(article, make_photograph(caption="Rice fields in Kampong Speu, May 2, 2024."))
    for number in range(1, quotes + 1):
        speaker = make_person(unique("Heng Rithy"))
        make_affiliation(speaker, organization, title="president")
        make_quote(
            article,
            speaker=speaker,
            text=f"We have documents number {number}",
            speaker_role="president of the Land Alliance",
            is_pull_quote=number == 1,
        )
        article.people.add(speaker)
    for _ in range(people_named):
        person = make_person(unique("Sok Dara"))
        make_affiliation(person, organization, title="spokesman")
        article.people.add(person)
    article.organizations.add(organization)
    make_correction(article)
    return article


class ReaderTestMixin:
    """
    Each test starts with an empty page cache (cached pages are code under
    test) and in English: a request to /km/… leaves Khmer active in the test's
    thread, which would change what ``reverse()`` returns afterwards.
    """

    def setUp(self):
        super().setUp()
        cache.clear()
        translation.activate(settings.LANGUAGE_CODE)
        self.addCleanup(translation.activate, settings.LANGUAGE_CODE)


def cold_get(client, url, data=None, **extra):
    """
    ``url`` asked for with nothing kept in the cache: no whole page, no
    fragment (story cards, menus, choice lists). What a page costs at most;
    a story's parts stored in the database (``reader.stored``) stay.
    """
    cache.clear()
    return client.get(url, data, **extra)


def json_ld(html):
    """Every JSON-LD block in ``html``, parsed."""
    if isinstance(html, bytes):
        html = html.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


def wsgi_environ(path, *, method="GET", host="testserver", query="", **headers):
    """A WSGI environ as a server such as gunicorn hands it to ``newsroom.wsgi``."""
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.encode().decode("latin-1"),
        "SCRIPT_NAME": "",
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        **headers,
    }


def call_wsgi(env):
    """``newsroom.wsgi.application``'s answer to ``env``: status, headers (a dict), body."""
    from newsroom.wsgi import application

    answer = {}

    def start_response(status, response_headers):
        answer["status"], answer["headers"] = status, response_headers

    # As Django's test client does: the test's transaction stays open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(application(env, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], dict(answer["headers"]), body
