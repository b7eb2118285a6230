"""
A CDN in front of the readers' site, purged with the page cache's tags: a
real HTTP server on 127.0.0.1 stands for the CDN's purge address and records
every request it receives.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.cache import cache
from django.db import transaction
from django.test import TransactionTestCase, override_settings
from django_tasks_db.models import DBTaskResult

from tests.support.factories import (
    make_person,
    make_published_article,
    make_user,
    restore_roles,
)
from tests.support.staff import sign_in
from tests.support.tasks import DATABASE_TASKS, run_tasks
from workflow.services import unpublish


class PurgeRecorder(BaseHTTPRequestHandler):
    """Answers every POST with 200 and keeps it as ``(path, headers, body)``."""

    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).received.append((self.path, dict(self.headers), body))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


class CdnPurgeTests(TransactionTestCase):
    """
    Changes are committed for real: the purge goes out once the transaction
    of a change is committed, as one request for all of it.
    """

    @classmethod
    def setUpClass(cls):
        server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        cls.addClassCleanup(thread.join, 10)
        cls.addClassCleanup(server.server_close)
        cls.addClassCleanup(server.shutdown)
        cls.purge_url = f"http://127.0.0.1:{server.server_address[1]}/service/newsroom/purge"
        purging = override_settings(CDN_PURGE_URL=cls.purge_url, CDN_PURGE_TOKEN="cdn-token")
        purging.enable()
        cls.addClassCleanup(purging.disable)
        super().setUpClass()

    def setUp(self):
        super().setUp()
        restore_roles()
        cache.clear()
        self.editor = make_user("cdn-editor", role="Editors")
        self.writer = make_person("Vann Piseth")
        self.story = make_published_article(
            "Court hears land case", bylines=[self.writer], approved_by=self.editor
        )
        PurgeRecorder.received = []

    def purged_keys(self):
        """The tags of each purge received, one set per request."""
        return [set(headers["Surrogate-Key"].split()) for _path, headers, _body in self.received()]

    def received(self):
        return list(PurgeRecorder.received)

    def test_reader_pages_name_their_tags_for_the_cdn(self):
        for attempt in ("rendered", "from the cache"):
            with self.subTest(attempt):
                response = self.client.get(self.story.get_absolute_url())
                keys = set(response["Surrogate-Key"].split())
                self.assertLessEqual({f"story:{self.story.pk}", "all"}, keys)
                self.assertEqual(set(response["Cache-Tag"].split(",")), keys)
        response = self.client.get(f"/people/{self.writer.slug}/")
        self.assertIn(f"person:{self.writer.pk}", response["Surrogate-Key"].split())

    def test_without_a_cdn_to_purge_pages_name_no_tags(self):
        with override_settings(CDN_PURGE_URL=""):
            for attempt in ("rendered", "from the cache"):
                with self.subTest(attempt):
                    response = self.client.get(f"/people/{self.writer.slug}/")
                    self.assertEqual(response.status_code, 200)
                    self.assertNotIn("Surrogate-Key", response)
                    self.assertNotIn("Cache-Tag", response)

    def test_signed_in_staff_get_no_tags(self):
        sign_in(self.client, self.editor)
        response = self.client.get(self.story.get_absolute_url())
        self.assertNotIn("Surrogate-Key", response)

    def test_a_change_sends_one_purge_for_the_pages_showing_it(self):
        """A story's save (story, bylines…) is one request naming what its page carries."""
        page_keys = set(self.client.get(self.story.get_absolute_url())["Surrogate-Key"].split())
        with transaction.atomic():
            self.story.standfirst = "A new standfirst."
            self.story.save()
            self.writer.save()
        self.assertEqual(len(self.received()), 1)
        path, headers, _body = self.received()[0]
        self.assertEqual(path, "/service/newsroom/purge")
        self.assertEqual(headers["Fastly-Key"], "cdn-token")
        (purged,) = self.purged_keys()
        self.assertIn(f"story:{self.story.pk}", purged)
        self.assertIn(f"person:{self.writer.pk}", purged)
        self.assertLessEqual({f"story:{self.story.pk}", f"person:{self.writer.pk}"}, page_keys)

    @DATABASE_TASKS
    def test_a_change_is_purged_by_a_task_and_a_takedown_at_once(self):
        self.writer.save()
        self.assertEqual(self.received(), [])
        task = DBTaskResult.objects.get(task_path="reader.tasks.purge_cdn")
        self.assertEqual(task.priority, 100)
        unpublish(article=self.story, editor=self.editor, note="A legal threat.")
        # The takedown reached the CDN before any worker ran.
        self.assertEqual(len(self.received()), 1)
        self.assertIn(f"story:{self.story.pk}", self.purged_keys()[0])
        self.assertEqual(DBTaskResult.objects.filter(task_path="reader.tasks.purge_cdn").count(), 1)
        run_tasks()
        self.assertEqual(len(self.received()), 2)
        self.assertEqual(self.purged_keys()[1], {f"person:{self.writer.pk}"})

    @override_settings(CDN_PURGE_STYLE="cache-tag")
    def test_cloudflare_style_purges_name_the_tags_in_json(self):
        self.writer.save()
        ((_path, headers, body),) = self.received()
        self.assertEqual(headers["Authorization"], "Bearer cdn-token")
        self.assertEqual(json.loads(body), {"tags": [f"person:{self.writer.pk}"]})

    @override_settings(CDN_PURGE_URL="")
    def test_without_a_purge_address_nothing_is_sent(self):
        self.writer.save()
        self.assertEqual(self.received(), [])


class LiveUpdatePurgeTests(CdnPurgeTests):
    """A live story's updates purge its pages only, and a takedown of one at once."""

    @DATABASE_TASKS
    def test_an_update_purges_its_story_and_a_takedown_at_once(self):
        from tests.support.live import make_live_story, post_update, take_down

        story = make_live_story(updates=1, approved_by=self.editor, author=self.editor)
        run_tasks()
        PurgeRecorder.received = []
        update = post_update(story, author=self.editor, title="Polls close")
        self.assertEqual(self.received(), [])
        run_tasks()
        self.assertEqual(self.purged_keys(), [{f"live:{story.pk}"}])
        self.assertIn(
            f"live:{story.pk}", self.client.get(story.get_absolute_url())["Surrogate-Key"]
        )
        take_down(update)
        # Before any worker ran.
        self.assertEqual(self.purged_keys()[1:], [{f"live:{story.pk}"}])
