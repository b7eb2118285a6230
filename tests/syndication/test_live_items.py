"""
Live stories in the content API and the webhooks: a story's updates readers
see travel as ``text`` associations of its ninjs item; a new update changes
the item's ``versioncreated`` and ETag; an update taken down leaves the item
and tells partners to fetch the story again.
"""

import datetime
import json

import time_machine
from django.utils import timezone

from syndication.models import Webhook
from tests.support.factories import make_person, make_photograph
from tests.support.live import make_live_story, post_update, take_down
from tests.support.receiver import Receiver
from tests.support.syndication import assert_ninjs
from tests.syndication.test_api import ApiTestCase


def updates_of(item):
    return [a for a in item.get("associations", []) if a["name"].startswith("update-")]


class LiveItemTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story = make_live_story("Counting continues in Takeo", updates=2)
        cls.source = make_person("Keo Vanna", is_protected_source=True, public_label="an official")
        cls.speaker = make_person("Chhim Sovann")
        cls.quoted = post_update(
            cls.story,
            title="Observers speak",
            body="Observers said the count was *orderly*.",
            photo=make_photograph(may_redistribute=True, caption="Ballots in Takeo"),
            quote={"speaker": cls.speaker, "text": "Every ballot was shown"},
        )
        post_update(
            cls.story, body="Staff rested.", quote={"speaker": cls.source, "text": "No fraud"}
        )

    def item(self, **headers):
        response = self.get(f"/api/v1/items/{self.story.pk}", **headers)
        self.assertEqual(response.status_code, 200)
        assert_ninjs(response.json())
        return response

    def test_updates_are_text_associations_newest_first(self):
        item = self.item().json()
        updates = updates_of(item)
        shown = list(self.story.live_updates.shown())
        self.assertEqual([u["name"] for u in updates], [f"update-{u.pk}" for u in shown])
        quoted = next(u for u in updates if u["name"] == f"update-{self.quoted.pk}")
        self.assertEqual(quoted["type"], "text")
        self.assertEqual(
            quoted["uri"],
            f"http://testserver{self.story.get_absolute_url()}#update-{self.quoted.pk}",
        )
        self.assertEqual(quoted["headlines"], [{"role": "main", "value": "Observers speak"}])
        self.assertIn("<em>orderly</em>", quoted["bodies"][0]["value"])
        self.assertEqual(quoted["by"], self.quoted.author.person.name)
        self.assertEqual(quoted["associations"][0]["type"], "picture")
        self.assertIn("Every ballot was shown", quoted["descriptions"][0]["value"])
        text = json.dumps(item, ensure_ascii=False)
        self.assertIn("an official", text)
        self.assertNotIn("Keo Vanna", text)

    def test_a_new_update_changes_versioncreated_and_the_etag(self):
        first = self.item()
        later = timezone.now() + datetime.timedelta(minutes=5)
        with time_machine.travel(later, tick=False):
            post_update(self.story, title="Results announced")
            second = self.item(HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertNotEqual(first["ETag"], second["ETag"])
        self.assertGreater(second.json()["versioncreated"], first.json()["versioncreated"])
        modified = self.get(
            "/api/v1/items", {"modified_since": (later - datetime.timedelta(seconds=1)).isoformat()}
        ).json()
        self.assertEqual([i["uri"] for i in modified["items"]], [second.json()["uri"]])

    def test_a_taken_down_update_leaves_the_item_and_tells_partners(self):
        first = self.item().json()
        later = timezone.now() + datetime.timedelta(minutes=5)
        with Receiver() as receiver:
            Webhook.objects.create(name="Mekong Daily", url=receiver.url, secret="s" * 32)
            with time_machine.travel(later, tick=False):
                with self.captureOnCommitCallbacks(execute=True):
                    take_down(self.quoted)
                item = self.item().json()
        self.assertNotIn(f"update-{self.quoted.pk}", [u["name"] for u in updates_of(item)])
        self.assertNotIn("Every ballot", json.dumps(item))
        self.assertNotIn("Chhim Sovann", json.dumps(item))
        self.assertGreater(item["versioncreated"], first["versioncreated"])
        notices = [json.loads(body) for _headers, body, _at in receiver.received]
        self.assertEqual(
            [(n["event"], n["uri"]) for n in notices],
            [("story.corrected", f"http://testserver/api/v1/items/{self.story.pk}")],
        )
        self.assertNotIn(b"Every ballot", receiver.received[0][1])

    def test_editing_or_posting_an_update_tells_no_partner(self):
        with Receiver() as receiver:
            Webhook.objects.create(name="Mekong Daily", url=receiver.url, secret="s" * 32)
            with self.captureOnCommitCallbacks(execute=True):
                update = post_update(self.story, title="More counting")
                update.body = "More counting in Takeo."
                update.save()
        self.assertEqual(receiver.received, [])
