"""Test settings: the real settings with test-only speedups."""

import tempfile
from pathlib import Path

from newsroom.settings import *  # noqa: F403

# Hashing passwords slowly protects real accounts, not test fixtures.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="newsroom-test-uploads-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run as they are enqueued, in the test's own transaction; the worker
# tests (tests/operations/test_worker.py) use the database backend and real
# worker processes.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not SQLite's shared in-memory database: threads in concurrency
    # tests then lock and wait as production does, instead of "table is locked".
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="newsroom-test-db-")) / "test.sqlite3")
    }
# Each test process keeps its own page cache in memory.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}

# The demo newsroom draws its pictures small: big ones spend most of a demo
# test's setup on renditions. Each still gets one rendition per format and crop.
DEMO_PICTURE_SIZE = (240, 160)

# Serve static files from the apps' folders, so no collectstatic is needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The test client's host: pages asked for here are the site's own.
SITE_URL = "http://testserver"

# The webhook tests' receivers listen on 127.0.0.1.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
