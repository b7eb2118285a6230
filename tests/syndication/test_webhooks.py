"""
Webhooks: partners are told of each publication, correction, takedown and
protected source by a signed POST, sent by a background task, tried again
when it fails, each delivery visible to staff.
"""

import datetime
import json
import time

import time_machine
from django.core.exceptions import ValidationError
from django.test import TestCase, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from people.protection import protect
from syndication import webhooks
from syndication.models import Delivery, Webhook
from syndication.tasks import RETRY_AFTER
from tests.support.factories import (
    make_correction,
    make_person,
    make_published_article,
    make_quote,
    make_ready_article,
    make_section,
    make_user,
    restore_roles,
)
from tests.support.receiver import Receiver
from tests.support.staff import sign_in
from tests.support.tasks import DATABASE_TASKS, run_tasks
from workflow.services import publish, schedule, unpublish

SECRET = "partner-secret-0123456789abcdef"


class WebhookTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk-editor", role="Editors")

    def hook(self, receiver):
        return Webhook.objects.create(name="Mekong Daily", url=receiver.url, secret=SECRET)

    def notices(self, receiver):
        return [json.loads(body) for _headers, body, _at in receiver.received]


class DeliveryTests(WebhookTestCase):
    def test_publishing_sends_a_signed_notice(self):
        story = make_ready_article("Vote count begins")
        with Receiver() as receiver:
            self.hook(receiver)
            with self.captureOnCommitCallbacks(execute=True):
                publish(article=story, editor=self.editor)
        [(headers, body, received_at)] = receiver.received
        timestamp = headers["Webhook-Timestamp"]
        self.assertLess(abs(received_at - int(timestamp)), 5)
        self.assertTrue(webhooks.verify(SECRET, timestamp, headers["Webhook-Signature"], body))
        notice = json.loads(body)
        self.assertEqual(notice["event"], "story.published")
        self.assertEqual(notice["uri"], f"http://testserver/api/v1/items/{story.pk}")
        self.assertEqual(headers["Content-Type"], "application/json")
        delivery = Delivery.objects.get()
        self.assertEqual(
            (delivery.status, delivery.response_code, delivery.attempts), ("delivered", 200, 1)
        )

    def test_a_receiver_refuses_a_forged_tampered_or_replayed_notice(self):
        body = webhooks.encode(
            {"event": "story.published", "uri": "http://testserver/api/v1/items/1"}
        )
        now = int(time.time())
        signature = webhooks.sign(SECRET, now, body)
        self.assertTrue(webhooks.verify(SECRET, now, signature, body))
        self.assertFalse(webhooks.verify("another-secret", now, signature, body))
        self.assertFalse(webhooks.verify(SECRET, now, signature, body.replace(b"1", b"2")))
        self.assertFalse(webhooks.verify(SECRET, now + 1, signature, body))
        old = now - 301
        self.assertFalse(webhooks.verify(SECRET, old, webhooks.sign(SECRET, old, body), body))
        self.assertFalse(webhooks.verify(SECRET, "soon", signature, body))

    def test_a_failed_delivery_is_tried_again(self):
        story = make_ready_article("Vote count begins")
        with Receiver(statuses=[500, 200]) as receiver:
            self.hook(receiver)
            with self.captureOnCommitCallbacks(execute=True):
                publish(article=story, editor=self.editor)
        self.assertEqual(len(receiver.received), 2)
        first, second = receiver.received
        self.assertEqual(first[1], second[1])
        delivery = Delivery.objects.get()
        self.assertEqual(
            (delivery.status, delivery.response_code, delivery.attempts), ("delivered", 200, 2)
        )

    def test_after_the_last_try_the_delivery_is_failed(self):
        story = make_ready_article("Vote count begins")
        with Receiver(statuses=[503]) as receiver:
            self.hook(receiver)
            with self.captureOnCommitCallbacks(execute=True):
                publish(article=story, editor=self.editor)
        delivery = Delivery.objects.get()
        self.assertEqual(len(receiver.received), len(RETRY_AFTER) + 1)
        self.assertEqual(
            (delivery.status, delivery.response_code, delivery.attempts),
            ("failed", 503, len(RETRY_AFTER) + 1),
        )
        self.assertEqual(delivery.error, "HTTP 503")

    def test_a_redirect_is_not_followed(self):
        story = make_ready_article("Vote count begins")
        with Receiver(statuses=[302], location="http://127.0.0.1:9/elsewhere") as receiver:
            self.hook(receiver)
            with self.captureOnCommitCallbacks(execute=True):
                publish(article=story, editor=self.editor)
        self.assertEqual(Delivery.objects.get().status, "failed")

    def test_a_takedown_names_the_item_and_carries_none_of_it(self):
        story = make_published_article(
            "Minister's cousin won the contracts",
            body="The contracts were never tendered, documents show.",
            standfirst="Secret standfirst words",
        )
        with Receiver() as receiver:
            self.hook(receiver)
            with self.captureOnCommitCallbacks(execute=True):
                unpublish(article=story, editor=self.editor, note="Legal threat")
        [(headers, body, _at)] = receiver.received
        notice = json.loads(body)
        self.assertEqual(set(notice), {"event", "occurred", "uri"})
        self.assertEqual(notice["event"], "story.unpublished")
        self.assertEqual(notice["uri"], f"http://testserver/api/v1/items/{story.pk}")
        for words in ["Minister", "contracts", "Secret standfirst", "Legal threat"]:
            self.assertNotIn(words.encode(), body)

    def test_a_correction_is_notified(self):
        story = make_published_article("Vote count begins")
        with Receiver() as receiver:
            self.hook(receiver)
            with self.captureOnCommitCallbacks(execute=True):
                make_correction(story, text="An earlier version gave the wrong count.")
        self.assertEqual(
            [(n["event"], n["uri"]) for n in self.notices(receiver)],
            [("story.corrected", f"http://testserver/api/v1/items/{story.pk}")],
        )
        self.assertNotIn(b"wrong count", receiver.received[0][1])

    def test_a_protected_source_sends_the_stories_to_fetch_again_without_the_name(self):
        source = make_person("Chea Bophavy")
        story = make_published_article("Road contracts")
        make_quote(story, speaker=source, text="Every contract was signed early")
        make_published_article("Unrelated story")
        source.is_protected_source = True
        source.public_label = "a government official"
        source.save()
        with Receiver() as receiver:
            self.hook(receiver)
            with self.captureOnCommitCallbacks(execute=True):
                protect(person=source, editor=self.editor)
        [notice] = self.notices(receiver)
        self.assertEqual(notice["event"], "source.protected")
        self.assertEqual(notice["uris"], [f"http://testserver/api/v1/items/{story.pk}"])
        self.assertNotIn(b"Chea", receiver.received[0][1])
        self.assertNotIn(b"Bophavy", receiver.received[0][1])

    def test_drafts_and_inactive_webhooks_tell_nobody(self):
        with Receiver() as receiver:
            self.hook(receiver)
            Webhook.objects.create(name="Paused", url=receiver.url, secret=SECRET, is_active=False)
            with self.captureOnCommitCallbacks(execute=True):
                make_ready_article("A draft")
                publish(article=make_ready_article("Published"), editor=self.editor)
        self.assertEqual(len(receiver.received), 1)


class ScopeTests(WebhookTestCase):
    """A partner told of a section or a language hears of the stories in it only."""

    def test_each_webhook_is_told_of_the_stories_in_its_scope(self):
        politics, sport = make_section("Politics"), make_section("Sport")
        with Receiver() as everything, Receiver() as khmer, Receiver() as sport_desk:
            self.hook(everything)
            Webhook.objects.create(name="Khmer app", url=khmer.url, secret=SECRET, language="km")
            Webhook.objects.create(name="Sport", url=sport_desk.url, secret=SECRET, section=sport)
            stories = {
                "en politics": make_ready_article("Vote count", section=politics),
                "km sport": make_ready_article("Boxing final", section=sport, language="km"),
            }
            with self.captureOnCommitCallbacks(execute=True):
                for story in stories.values():
                    publish(article=story, editor=self.editor)
            with self.captureOnCommitCallbacks(execute=True):
                unpublish(article=stories["en politics"], editor=self.editor, note="A name.")

        def told(receiver):
            return [(n["event"], n["uri"].rsplit("/", 1)[1]) for n in self.notices(receiver)]

        politics_id, sport_id = (str(story.pk) for story in stories.values())
        self.assertEqual(
            told(everything),
            [
                ("story.published", politics_id),
                ("story.published", sport_id),
                ("story.unpublished", politics_id),
            ],
        )
        self.assertEqual(told(khmer), [("story.published", sport_id)])
        self.assertEqual(told(sport_desk), [("story.published", sport_id)])

    def test_a_protected_source_lists_each_partner_the_stories_of_its_scope(self):
        source = make_person("Chea Bophavy")
        english = make_published_article("Road contracts")
        khmer = make_published_article("កិច្ចសន្យាផ្លូវ", language="km")
        for story in (english, khmer):
            make_quote(story, speaker=source, text="Every contract was signed early")
        with Receiver() as everything, Receiver() as khmer_app:
            self.hook(everything)
            Webhook.objects.create(name="Khmer", url=khmer_app.url, secret=SECRET, language="km")
            with self.captureOnCommitCallbacks(execute=True):
                protect(person=source, editor=self.editor)
        [all_notice] = self.notices(everything)
        [khmer_notice] = self.notices(khmer_app)
        self.assertEqual(len(all_notice["uris"]), 2)
        self.assertEqual(khmer_notice["uris"], [f"http://testserver/api/v1/items/{khmer.pk}"])


class ScheduledStoryTests(TransactionTestCase):
    """Committed for real, with the database's task list and its worker, as in production."""

    def setUp(self):
        restore_roles()
        self.editor = make_user("desk-editor", role="Editors")

    def test_a_scheduled_story_is_announced_at_its_publish_time(self):
        """The worker holds the notice until the story goes live, when no row changes."""
        story = make_ready_article("Embargoed report")
        publish_at = timezone.now() + datetime.timedelta(hours=2)
        with Receiver() as receiver, DATABASE_TASKS:
            Webhook.objects.create(name="Mekong Daily", url=receiver.url, secret=SECRET)
            schedule(article=story, editor=self.editor, publish_at=publish_at)
            run_tasks()
            self.assertEqual(receiver.received, [])
            with time_machine.travel(publish_at + datetime.timedelta(seconds=1)):
                run_tasks()
        notices = [json.loads(body) for _headers, body, _at in receiver.received]
        self.assertEqual([notice["event"] for notice in notices], ["story.published"])


class AddressTests(WebhookTestCase):
    REFUSED = [
        "ftp://example.org/hook",
        "file:///etc/passwd",
        "http://user:pass@example.org/hook",
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://10.1.2.3/hook",
        "http://192.168.1.1/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://0.0.0.0/hook",
    ]

    @override_settings(WEBHOOK_ALLOW_PRIVATE_ADDRESSES=False)
    def test_private_and_non_http_addresses_are_refused_in_production(self):
        for url in self.REFUSED:
            with self.subTest(url=url), self.assertRaises(ValidationError):
                webhooks.check_host_now(url)

    @override_settings(WEBHOOK_ALLOW_PRIVATE_ADDRESSES=False)
    def test_a_notice_is_never_sent_to_a_private_address(self):
        story = make_ready_article("Vote count begins")
        with Receiver() as receiver:
            self.hook(receiver)
            with self.captureOnCommitCallbacks(execute=True):
                publish(article=story, editor=self.editor)
        self.assertEqual(receiver.received, [])
        delivery = Delivery.objects.get()
        self.assertEqual(delivery.status, "failed")
        self.assertIn("public addresses only", delivery.error)

    def test_tests_may_send_to_this_machine(self):
        webhooks.check_host_now("http://127.0.0.1:8000/hook")


class WebhookAdminTests(WebhookTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = make_user("site-admin", is_superuser=True)

    def test_an_administrator_registers_a_webhook_and_sees_its_secret_once(self):
        sign_in(self.client, self.admin)
        response = self.client.post(
            reverse("admin:syndication_webhook_add"),
            {"name": "Mekong Daily", "url": "http://127.0.0.1:9/hooks", "is_active": "on"},
        )
        self.assertEqual(response.status_code, 200)
        webhook = Webhook.objects.get()
        self.assertContains(response, webhook.secret)
        self.assertIn("no-store", response["Cache-Control"])
        change = self.client.get(reverse("admin:syndication_webhook_change", args=[webhook.pk]))
        self.assertNotContains(change, webhook.secret)

    @override_settings(WEBHOOK_ALLOW_PRIVATE_ADDRESSES=False)
    def test_the_form_refuses_a_private_address(self):
        sign_in(self.client, self.admin)
        response = self.client.post(
            reverse("admin:syndication_webhook_add"),
            {"name": "Probe", "url": "http://169.254.169.254/latest/", "is_active": "on"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "public addresses only")
        self.assertFalse(Webhook.objects.exists())

    def test_editors_follow_each_delivery(self):
        story = make_ready_article("Vote count begins")
        with Receiver(statuses=[500, 200]) as receiver:
            self.hook(receiver)
            with self.captureOnCommitCallbacks(execute=True):
                publish(article=story, editor=self.editor)
        sign_in(self.client, self.editor)
        listing = self.client.get(reverse("admin:syndication_delivery_changelist"))
        self.assertContains(listing, "story.published")
        self.assertContains(listing, "Delivered")
        delivery = Delivery.objects.get()
        detail = self.client.get(reverse("admin:syndication_delivery_change", args=[delivery.pk]))
        self.assertEqual(detail.status_code, 200)
        self.assertContains(detail, "200")
