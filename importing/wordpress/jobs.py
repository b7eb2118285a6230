"""
A WordPress export uploaded in the workspace: checked while the editor waits
(a file that is not an export, or needs an editor, is refused at once), then
imported by a background task, so a large archive never holds a web server's
worker for minutes. The task forgets the export when it has run, whatever the
outcome: it holds private posts and authors' addresses.
"""

import io
import logging

from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import WordPressImport
from .export import WordPressExportError, read_export
from .importer import import_wordpress
from .rights import check_user

logger = logging.getLogger(__name__)


def check_export(upload, user):
    """
    Read the uploaded export once, as the import will; raise
    ``WordPressExportError`` saying what is wrong with it for ``user``.
    """
    upload.seek(0)
    export = read_export(upload, name=upload.name)
    upload.seek(0)
    if not any(item.post_type == "post" for item in export.items):
        raise WordPressExportError(
            _("%(name)s holds no posts; there is nothing to import.") % {"name": upload.name}
        )
    try:
        check_user(export, user)
    except WordPressExportError as error:
        raise WordPressExportError(
            _(
                "This export publishes stories, or changes stories an editor approved or "
                "published, so only an editor may import it: ask an editor to upload it."
            )
        ) from error


def start_import(job, *, upload, user):
    """Keep ``upload`` in ``job`` and import it in the background once the job is saved."""
    upload.seek(0)
    job.export = upload.read()
    job.file_name, job.size, job.uploaded_by = upload.name, len(job.export), user
    job.save()
    transaction.on_commit(lambda: run_import.enqueue(import_id=job.pk))


@task()
def run_import(*, import_id):
    """
    Import the kept export of ``import_id`` and record the report or the
    reason it was refused. A job that finished is not run again; one a dead
    worker left running is (its transaction never committed).
    """
    job = WordPressImport.objects.select_related("uploaded_by").filter(pk=import_id).first()
    if job is None or job.status in (WordPressImport.Status.DONE, WordPressImport.Status.FAILED):
        return None
    WordPressImport.objects.filter(pk=job.pk).update(status=WordPressImport.Status.RUNNING)
    outcome = {"report": None, "error": ""}
    try:
        report = import_wordpress(
            path=io.BytesIO(bytes(job.export)), name=job.file_name, user=job.uploaded_by
        )
    except WordPressExportError as error:
        outcome["error"] = str(error)
    except Exception:
        logger.exception("WordPress import %s stopped", job.pk)
        outcome["error"] = _(
            "The import stopped on an error of ours, and nothing was imported. The "
            "administrators can see the error in the server log; the export can be "
            "uploaded again once it is fixed."
        )
    else:
        outcome["report"] = report.as_data()
    status = WordPressImport.Status.FAILED if outcome["error"] else WordPressImport.Status.DONE
    WordPressImport.objects.filter(pk=job.pk).update(
        status=status, finished_at=timezone.now(), export=b"", **outcome
    )
    return status
