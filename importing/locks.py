"""
One import of a thing at a time. Two imports of the same WordPress export
(two editors uploading it, or two workers picking up its jobs), or of the
same story file, would each find no record of the other's work and make
every story twice, or the later would stop on the records' unique
constraint. ``hold`` makes the later wait until the earlier's transaction
ends, then find what it made and update it.

On PostgreSQL this is a transaction-level advisory lock on a number drawn
from the key. SQLite needs none: its transactions here begin IMMEDIATE
(``newsroom/settings.py``), so a second writer waits for the first to end.
"""

import hashlib

from django.db import connection


def hold(*keys):
    """
    Wait for, and hold to the end of the current transaction, the lock of
    ``keys`` (strings naming what is imported). Call inside ``atomic``.
    """
    if connection.vendor != "postgresql":
        return
    digest = hashlib.sha256("\x00".join(keys).encode()).digest()
    number = int.from_bytes(digest[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])
