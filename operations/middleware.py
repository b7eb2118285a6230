"""
Middleware for running the site in production: a log line and an
``X-Request-ID`` per request, a 503 instead of a traceback when the database is
overwhelmed, ``Cache-Control`` for a CDN in front of the readers' site, and a
warning when a proxy's X-Forwarded-For arrives but no proxy is trusted.
"""

import contextvars
import json
import logging
import re
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import MiddlewareNotUsed
from django.db import OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import timezone
from django.utils.cache import patch_cache_control

request_logger = logging.getLogger("newsroom.requests")
logger = logging.getLogger(__name__)

# The request being served by this thread, for every log line written meanwhile.
current_request_id = contextvars.ContextVar("request_id", default="-")

# A proxy's request id is kept when it looks like one; anything else is replaced.
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# Address parts that open something to whoever holds them: preview share
# links and password-reset links. They never reach a log.
SECRET_URL_ARGUMENTS = {"token", "uidb64", "key"}
SECRET_PATHS = re.compile(r"(/(?:preview|reset)/)[^?#]*")
REDACTED = "[redacted]"

# Set, in the cache every process shares, the first time a request carries
# X-Forwarded-For while TRUSTED_PROXY_COUNT is 0; `check --deploy` reads it
# (newsroom.W002).
FORWARDED_FOR_SEEN_KEY = "newsroom:forwarded-for-without-trusted-proxy"

# SQLite's "database is locked" and PostgreSQL's states for a server that is
# busy rather than broken: a lock not obtained in time, a statement cancelled
# by its timeout, too many connections, a server starting or stopping.
BUSY_MESSAGES = ("database is locked", "database table is locked", "database is busy")
BUSY_SQLSTATES = {"55P03", "57014", "53300", "53400", "57P01", "57P03", "08001", "08006"}


def redact_path(path, resolver_match=None):
    """``path`` without the secret parts of share and reset links."""
    if resolver_match is not None:
        for name, value in resolver_match.kwargs.items():
            if name in SECRET_URL_ARGUMENTS and value:
                path = path.replace(str(value), REDACTED)
    return SECRET_PATHS.sub(rf"\g<1>{REDACTED}/", path)


class RequestLogMiddleware:
    """
    One log line per request: method, path (never the query string, which may
    hold a search or a token), status, duration and a request id, which is
    also sent back as ``X-Request-ID`` so a reader's report can be found.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            duration = (time.perf_counter() - started) * 1000
            response["X-Request-ID"] = request_id
            request_logger.info(
                "request",
                extra={
                    "http": {
                        "method": request.method,
                        "path": redact_path(request.path, request.resolver_match),
                        "status": response.status_code,
                        "duration_ms": round(duration, 1),
                    }
                },
            )
            return response
        finally:
            current_request_id.reset(token)


class ForwardedForMiddleware:
    """
    With TRUSTED_PROXY_COUNT at 0, note the first request that carries
    X-Forwarded-For: a proxy in front is likely, and then every client has the
    proxy's address, so failed sign-ins and reset requests of everyone are
    counted together. Logged once per process and recorded once in the cache
    for ``check --deploy``; with a trusted proxy the middleware is not used at all.
    """

    def __init__(self, get_response):
        if settings.TRUSTED_PROXY_COUNT > 0:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.unseen = True

    def __call__(self, request):
        # Every request pays one attribute and at most one dict lookup.
        if self.unseen and "HTTP_X_FORWARDED_FOR" in request.META:
            self.unseen = False
            cache.add(FORWARDED_FOR_SEEN_KEY, timezone.now().isoformat(), timeout=None)
            logger.warning(
                "A request carried X-Forwarded-For but TRUSTED_PROXY_COUNT is 0: behind a "
                "proxy, every client has the proxy's address. Set TRUSTED_PROXY_COUNT to the "
                "number of proxies of yours that append to X-Forwarded-For."
            )
        return self.get_response(request)


class DatabaseBusyMiddleware:
    """
    A database too busy to answer in time gives the reader a 503 page with
    ``Retry-After``, not a traceback or a 500: the request can simply be tried again.
    """

    retry_after = 10

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_busy(exception):
            return None
        logger.error("The database is busy: %s", exception, exc_info=exception)
        content = loader.render_to_string("503.html", request=request)
        response = HttpResponse(content, status=503)
        response["Retry-After"] = str(self.retry_after)
        patch_cache_control(response, no_store=True)
        return response


def is_database_busy(exception):
    if not isinstance(exception, OperationalError):
        return False
    if any(message in str(exception).lower() for message in BUSY_MESSAGES):
        return True
    return getattr(exception.__cause__, "sqlstate", None) in BUSY_SQLSTATES


class RequestIdFilter(logging.Filter):
    """Give every log record the id of the request it was written during."""

    def filter(self, record):
        record.request_id = current_request_id.get()
        return True


class RedactFilter(logging.Filter):
    """Remove share and reset tokens from Django's own lines ("Not Found: /preview/…")."""

    def filter(self, record):
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(
                SECRET_PATHS.sub(rf"\g<1>{REDACTED}/", arg) if isinstance(arg, str) else arg
                for arg in args
            )
        elif isinstance(record.msg, str):
            record.msg = SECRET_PATHS.sub(rf"\g<1>{REDACTED}/", record.msg)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: easy to search, impossible to split across lines."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", current_request_id.get()),
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "http", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
