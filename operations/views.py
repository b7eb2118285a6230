"""
The checks load balancers and monitors ask: ``/healthz`` (is the process
alive and the database answering) and ``/readyz`` (may it take traffic: the
database, the shared cache, and uploads can be written).
"""

import logging

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from reader.pagetags import CACHE_UNREACHABLE

logger = logging.getLogger(__name__)

# Uploads are written to at most once a minute, whoever asks and however
# often: the result is kept in the cache every process shares.
STORAGE_PROBE_SECONDS = 60
STORAGE_PROBE_KEY = "operations:readyz:storage-probe"
STORAGE_RESULT_KEY = "operations:readyz:storage"


@never_cache
@require_safe
def healthz(request):
    """Liveness: 200 when the database answers, else 503. It writes nothing."""
    return checks_response({"db": database_status()})


@never_cache
@require_safe
def readyz(request):
    """
    Readiness: 200 when the database and the shared cache answer and uploads
    can be written, else 503. Every reader page reads the shared cache; with
    it unreachable uploads are not tried ("unknown"): their once-a-minute
    rule is kept in it.
    """
    checks = {"db": database_status(), "cache": cache_status()}
    checks["storage"] = storage_status() if checks["cache"] == "ok" else "unknown"
    return checks_response(checks)


def checks_response(checks):
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer.")
        return "error"
    return "ok"


def cache_status():
    try:
        cache.get(STORAGE_RESULT_KEY)
    except CACHE_UNREACHABLE:
        logger.exception("Readiness check: the shared cache did not answer.")
        return "error"
    return "ok"


def storage_status():
    """
    Whether uploads could be written when last tried: a probe file is written
    and deleted by the first request of each minute (the process that adds the
    probe's key to the shared cache); the others read its result. With no
    result kept (a cache that keeps nothing, or one just cleared), the probe
    is made again.
    """
    if not cache.add(STORAGE_PROBE_KEY, True, timeout=STORAGE_PROBE_SECONDS):
        result = cache.get(STORAGE_RESULT_KEY)
        if result is not None:
            return result
    result = probe_storage()
    cache.set(STORAGE_RESULT_KEY, result, timeout=None)
    return result


def probe_storage():
    try:
        name = default_storage.save("healthz/probe.txt", ContentFile(b"ok"))
        default_storage.delete(name)
    # A file system raises OSError, object storage its client's own errors.
    except Exception:  # noqa: BLE001
        logger.exception("Readiness check: the upload storage is not writable.")
        return "error"
    return "ok"
