"""
WSGI entry point: ``gunicorn newsroom.wsgi``.

A cached reader page asked for by an anonymous reader is answered here,
before Django builds a request (``reader.early.early_page``): the page as
the whole stack gave it the first time, with a request id of its own and
the one log line every request gets. Everything else, and every request the
rule leaves out (a cookie of the site's, a query string, validators to
answer with a 304), goes to Django, whose ``CachedPageMiddleware`` serves
and stores the same pages.
"""

import logging
import os
import time
import uuid

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (after setup)

from operations.middleware import REQUEST_ID, current_request_id, request_logger  # noqa: E402
from reader import early  # noqa: E402


def application(environ, start_response):
    started = time.perf_counter()
    stored = early.early_page(environ)
    if stored is None:
        return django_application(environ, start_response)
    incoming = environ.get("HTTP_X_REQUEST_ID", "")
    request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
    content, headers = early.variant(stored, environ.get("HTTP_ACCEPT_ENCODING"))
    headers = [*headers, ("X-Request-ID", request_id)]
    if settings.PAGE_CACHE_HEADER:
        headers.append(("X-Page-Cache", "hit"))
    start_response("200 OK", headers)
    if request_logger.isEnabledFor(logging.INFO):
        token = current_request_id.set(request_id)
        request_logger.info(
            "request",
            extra={
                "http": {
                    "method": environ["REQUEST_METHOD"],
                    "path": environ.get("PATH_INFO", ""),
                    "status": 200,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            },
        )
        current_request_id.reset(token)
    return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [content]
