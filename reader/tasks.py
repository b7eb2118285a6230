"""The readers' site's background work: purging the CDN (``reader.cdn``)."""

from django.tasks import task

from media.tasks import retry_later

from .cdn import purge


@task()
def purge_cdn(*, tags, attempt=1):
    """Ask the CDN to drop the pages carrying any of ``tags``; tried again when it fails."""
    try:
        purge(tags)
    except Exception:
        retry_later(purge_cdn, attempt=attempt, tags=tags)
        raise
