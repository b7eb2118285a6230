"""
The task worker's care for tasks whose worker died mid-task (killed, out of
memory, its machine restarted): django-tasks-db leaves them "running" for
ever, so they are put back in the queue, and none is lost.

A worker is named ``host:pid``. A task left running by a worker of this
machine whose process is gone is put back at once; one of another machine's
worker, once it has run for ``TASK_LOST_AFTER`` seconds (it cannot be asked).
A task may therefore run twice: every task is written to be safe to run again.

Finished tasks are kept ``TASK_RESULTS_DAYS`` for staff to look at, then
removed by the worker, so the task list does not grow for ever; so are audit
log entries older than ``AUDIT_LOG_DAYS``.
"""

import datetime
import os
import socket
from importlib import import_module

from django.conf import settings
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from audit.models import Entry


def this_host():
    return socket.gethostname()[:40]


def worker_name():
    """``host:pid`` of this process, the id it claims tasks with."""
    return f"{this_host()}:{os.getpid()}"


def process_exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # Someone else's process: alive.
    return True


def is_lost(result, *, now):
    """Whether the running task ``result``'s worker is gone."""
    host, _colon, pid = (result.worker_ids[-1] if result.worker_ids else "").rpartition(":")
    if host == this_host() and pid.isdigit():
        return not process_exists(int(pid))
    started = result.started_at or result.enqueued_at
    return started < now - datetime.timedelta(seconds=settings.TASK_LOST_AFTER)


def requeue_lost_tasks():
    """Put every running task whose worker is gone back in the queue; return how many."""
    now = timezone.now()
    requeued = 0
    for result in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING):
        if is_lost(result, now=now):
            # Only if no worker claimed it again meanwhile (a claim sets started_at).
            requeued += DBTaskResult.objects.filter(
                pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
            ).update(status=TaskResultStatus.READY, started_at=None)
    return requeued


def prune_expired():
    """
    Remove the tasks finished more than ``TASK_RESULTS_DAYS`` ago, the
    audit log's entries older than ``AUDIT_LOG_DAYS`` and the sessions that
    have expired (``clearsessions``, so no cron job is needed); return how
    many tasks and entries.
    """
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    before = timezone.now() - datetime.timedelta(days=settings.TASK_RESULTS_DAYS)
    finished = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED], finished_at__lt=before
    )
    return finished.delete()[0] + Entry.objects.prune(settings.AUDIT_LOG_DAYS)
