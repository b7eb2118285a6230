"""
The task worker (``manage.py run_worker``) as production runs it, in
processes of its own: a worker killed in the middle of a task loses nothing,
the next worker puts the task back and makes the renditions.
"""

import datetime
import io
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.tasks import TaskResultStatus
from django.test import TransactionTestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from PIL import Image

from audit.models import Action, Entry
from media.models import Photograph
from operations.workers import this_host
from tests.support import ROOT
from tests.support.factories import make_photograph
from tests.support.media import IsolatedMedia
from tests.support.production import database_url, production_environment
from tests.support.tasks import DATABASE_TASKS


def big_jpeg():
    """A 24-megapixel photo: its renditions take the worker a few seconds."""
    image = Image.linear_gradient("L").resize((6000, 4000)).convert("RGB")
    output = io.BytesIO()
    image.save(output, "JPEG", quality=90)
    return SimpleUploadedFile("big.jpg", output.getvalue(), content_type="image/jpeg")


def wait_for(condition, seconds, step=0.01):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(step)
    return True


@DATABASE_TASKS
class KilledWorkerTests(IsolatedMedia, TransactionTestCase):
    pytestmark = pytest.mark.server

    def start_worker(self):
        """``manage.py run_worker`` on this test's database and uploads, in a process of its own."""
        environment = production_environment(
            DATABASE_URL=database_url(), MEDIA_ROOT=str(settings.MEDIA_ROOT), LOG_LEVEL="WARNING"
        )
        worker = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", "run_worker", "--no-reload", "--no-startup-delay",
             "--interval", "0.05", "--verbosity", "0"],
            cwd=ROOT,
            env=environment,
        )  # fmt: skip
        self.addCleanup(worker.wait, timeout=30)
        self.addCleanup(worker.kill)
        return worker

    def task(self):
        return DBTaskResult.objects.get(task_path="media.tasks.make_renditions")

    def test_a_task_whose_worker_was_killed_is_run_by_the_next_worker(self):
        photograph = make_photograph(image=big_jpeg())
        self.assertTrue(photograph.renditions_pending)
        first = self.start_worker()
        self.assertTrue(
            wait_for(lambda: self.task().status == TaskResultStatus.RUNNING, 60),
            "the first worker never started the task",
        )
        first.kill()
        first.wait(timeout=30)
        task = self.task()
        self.assertEqual(task.status, TaskResultStatus.RUNNING)
        self.assertEqual(task.worker_ids, [f"{this_host()}:{first.pid}"])
        self.assertTrue(Photograph.objects.get(pk=photograph.pk).renditions_pending)

        second = self.start_worker()
        self.assertTrue(
            wait_for(lambda: self.task().status == TaskResultStatus.SUCCESSFUL, 120, step=0.1),
            "the second worker did not make the renditions",
        )
        second.terminate()
        self.assertEqual(second.wait(timeout=30), 0)
        self.assertEqual(
            self.task().worker_ids, [f"{this_host()}:{first.pid}", f"{this_host()}:{second.pid}"]
        )
        photograph = Photograph.objects.get(pk=photograph.pk)
        self.assertFalse(photograph.renditions_pending)
        for name in photograph.stored_files():
            self.assertTrue(photograph.image.storage.exists(name), name)


@DATABASE_TASKS
class FinishedTaskPruningTests(TransactionTestCase):
    """
    Finished tasks stay listed TASK_RESULTS_DAYS, audit log entries
    AUDIT_LOG_DAYS; then the worker removes them, and expired sessions.
    """

    def test_the_worker_removes_finished_tasks_past_their_days(self):
        from tests.support.tasks import run_tasks
        from workflow.tasks import send_password_reset

        for _ in range(3):
            send_password_reset.enqueue(user_id=0)
        run_tasks()
        old, recent, failed = DBTaskResult.objects.order_by("enqueued_at")
        self.assertEqual(old.status, TaskResultStatus.SUCCESSFUL)
        days = settings.TASK_RESULTS_DAYS
        now = timezone.now()
        DBTaskResult.objects.filter(pk=old.pk).update(
            finished_at=now - datetime.timedelta(days=days, minutes=1)
        )
        DBTaskResult.objects.filter(pk=recent.pk).update(
            finished_at=now - datetime.timedelta(days=days - 1)
        )
        DBTaskResult.objects.filter(pk=failed.pk).update(
            status=TaskResultStatus.FAILED,
            finished_at=now - datetime.timedelta(days=days + 30),
        )
        waiting = send_password_reset.enqueue(user_id=0)
        DBTaskResult.objects.filter(pk=waiting.id).update(
            enqueued_at=now - datetime.timedelta(days=days + 30),
            run_after=now + datetime.timedelta(days=1),
        )

        audit_days = datetime.timedelta(days=settings.AUDIT_LOG_DAYS)
        Entry.objects.create(action=Action.SIGNED_IN, target="old", when=now - audit_days)
        Entry.objects.create(action=Action.SIGNED_IN, target="kept", when=now - audit_days / 2)
        expired, current = SessionStore(), SessionStore()
        expired.set_expiry(-60)
        for session in (expired, current):
            session["reader"] = "x"
            session.save()
        run_tasks()  # A worker's start removes them.
        self.assertEqual(list(Entry.objects.values_list("target", flat=True)), ["kept"])
        self.assertEqual(
            list(Session.objects.values_list("session_key", flat=True)), [current.session_key]
        )
        self.assertEqual(
            {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)},
            {str(recent.pk), waiting.id},
        )
