"""Run the background tasks (django-tasks-db's worker), losing none whose worker died."""

import logging
import threading

from django.db import connection
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from operations.workers import prune_expired, requeue_lost_tasks, worker_name

logger = logging.getLogger(__name__)

# Seconds between two looks for tasks that another machine's dead worker left.
LOOK_EVERY = 60
# Looks between two removals of old finished tasks (hourly).
PRUNE_EVERY = 60


def keep_requeueing(stop):
    looks = 0
    while not stop.wait(LOOK_EVERY):
        looks += 1
        try:
            requeue_lost_tasks()
            if looks % PRUNE_EVERY == 0:
                prune_expired()
        except Exception:
            logger.exception("Could not look for lost tasks.")
        finally:
            connection.close()


class Command(DatabaseWorkerCommand):
    help = (
        "Run background tasks (photo renditions, e-mails, CDN purges) as they are "
        "enqueued. Tasks a dead worker left running are put back in the queue "
        "first, and every minute after; finished tasks older than TASK_RESULTS_DAYS "
        "and audit log entries older than AUDIT_LOG_DAYS are removed at start "
        "and hourly. Ctrl-C or SIGTERM stops it once the task under way is done; "
        "a second one stops it at once, and that task is tried again."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # host:pid, so that another worker can tell when this one has died.
        parser.set_defaults(worker_id=None)

    def handle(self, *args, worker_id=None, **options):
        prune_expired()
        requeued = requeue_lost_tasks()
        if requeued:
            logger.warning("Put back %d task(s) whose worker had died.", requeued)
        if not options["batch"]:
            connection.close()
            thread = threading.Thread(target=keep_requeueing, args=(threading.Event(),))
            thread.daemon = True
            thread.start()
        super().handle(*args, worker_id=worker_id or worker_name(), **options)
