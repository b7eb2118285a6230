"""Background tasks in tests: the database backend, and its worker run in this process."""

from django.core.management import call_command
from django.test import override_settings

# The tests' settings run tasks as they are enqueued; these keep them in the
# database for a worker, as production does.
DATABASE_TASKS = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


def run_tasks():
    """The worker, in this process, until no task is ready."""
    call_command("run_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
