"""
The photo desk's background work (``django.tasks``): making a photograph's
renditions after its cleaned original is stored, so an upload returns at once.

A failed try stays in the task list as failed, with its error, for staff to
see (*Background tasks* in the workspace), and the next try is enqueued after
a pause from ``RETRY_AFTER``; after the last, the photo stays "renditions
pending" (pages show its cleaned original) until ``manage.py make_renditions``
or a new save.
"""

import datetime

from django.tasks import task
from django.utils import timezone

from .models import Photograph
from .services import make_missing_renditions

# Seconds to wait before the second, third and fourth try of a failed task.
RETRY_AFTER = (30, 120, 600)


def retry_later(failed_task, *, attempt, delays=RETRY_AFTER, **kwargs):
    """
    Enqueue ``failed_task`` again with ``kwargs`` and ``attempt + 1``, after
    the pause ``delays`` gives (at once on a backend that cannot wait).
    Return whether a try was left.
    """
    if attempt > len(delays):
        return False
    if failed_task.get_backend().supports_defer:
        delay = datetime.timedelta(seconds=delays[attempt - 1])
        failed_task = failed_task.using(run_after=timezone.now() + delay)
    failed_task.enqueue(attempt=attempt + 1, **kwargs)
    return True


@task()
def make_renditions(*, photograph_id, attempt=1):
    """Make the renditions photograph ``photograph_id`` lacks; nothing if it was deleted."""
    photograph = Photograph.objects.filter(pk=photograph_id).first()
    if photograph is None:
        return False
    try:
        return make_missing_renditions(photograph=photograph)
    except BaseException:
        # A worker stopped mid-task (a second Ctrl-C) fails the try too.
        retry_later(make_renditions, attempt=attempt, photograph_id=photograph_id)
        raise
