"""
The content API fuzzed from its own OpenAPI description with schemathesis:
a few hundred generated requests, valid and not, with a key and without;
no answer is a server error, and each answer matches the description.
"""

import itertools

import schemathesis
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import TestCase
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tests.support.factories import (
    make_correction,
    make_person,
    make_photograph,
    make_published_article,
    make_section,
    make_topic,
)
from tests.support.syndication import bearer, make_key

# Positive and negative cases for each of the two operations: 300 in all.
CASES_EACH = 75


class FuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section, topic = make_section("Politics"), make_topic("Land rights")
        for number in range(3):
            story = make_published_article(
                f"Story {number}",
                bylines=[make_person()],
                section=section,
                lead_photo=make_photograph(may_redistribute=True),
                language="km" if number == 2 else "en",
            )
            story.topics.add(topic)
            make_correction(story)
        cls.api_key, cls.key = make_key(rate_limit=1_000_000)

    def test_no_request_the_description_allows_or_not_is_a_server_error(self):
        cache.clear()
        # As Django's test client does: the test's transaction outlives each request.
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
            self.addCleanup(signal.connect, close_old_connections)
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
        # The WSGI transport hands back bodies as sent: ask for them uncompressed
        # (tests/syndication/test_api.py checks the gzipped ones).
        headers = bearer(self.key) | {"Accept-Encoding": "identity"}
        operations = [result.ok() for result in schema.get_all_operations()]
        for operation, mode in itertools.product(operations, GenerationMode):

            @settings(
                max_examples=CASES_EACH,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(mode))
            def check(case):
                case.call_and_validate(
                    base_url="http://testserver",
                    headers=headers,
                    # A cursor is any string to the description, but only one
                    # the API gave is read: others are a 400 by design. And
                    # unknown query parameters are ignored, not refused.
                    excluded_checks=[positive_data_acceptance, negative_data_rejection],
                )

            with self.subTest(operation=operation.label, mode=mode.value):
                check()
