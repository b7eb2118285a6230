"""
The test database, migrated once per run and copied to every test process.

Running every migration takes each pytest-xdist worker 10-16 s of CPU. So the
controlling process starts a process of its own that migrates a database once
and keeps a copy of it as the run's template (``start_template_build``), while
the workers start and collect the tests; every worker copies that template,
with everything the migrations made (tables, search triggers, the roles and
their permissions), instead of migrating. Should that process fail, the first
worker to come migrates its own database as usual and keeps the template.
The template lives in a folder the controlling process makes for the run
(``TEMPLATE_DIR``, passed to the workers in the environment) and removes at the
end. On SQLite the template is a file, copied with SQLite's online backup; on
PostgreSQL a database that each worker's database is created from (``CREATE
DATABASE ... TEMPLATE``).

Without workers (``TEST_WORKERS=0``) the one process just migrates.
``tests/newsroom/test_migrations.py`` still runs the real migrations, from an
empty database, in every run.

The drills that start a new instance in a process of its own (a backup
restored into it, gunicorn serving it) start it from the template too
(``migrated_sqlite``, ``create_migrated_database``): they still run
``migrate``, which then finds nothing to do, instead of 7-9 s of CPU each.
"""

import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.test.utils import (
    get_unique_databases_and_mirrors,
    setup_databases,
    teardown_databases,
)

from tests.support import ROOT

TEMPLATE_DIR = "NEWSROOM_TEST_TEMPLATE_DIR"


def make_template_dir():
    """In the controlling process, before the workers start: the run's template folder."""
    folder = tempfile.mkdtemp(prefix="newsroom-test-template-")
    os.environ[TEMPLATE_DIR] = folder
    return Path(folder)


def start_template_build(folder):
    """
    In the controlling process, before the workers start: a process of its own
    that migrates the run's template (``build_template``), holding the lock
    the workers take until the template is ready.
    """
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        # The builder holds the lock on its copy of the file; this one closes.
        return subprocess.Popen(  # noqa: S603 (our own module, fixed arguments)
            [sys.executable, "-m", "tests.support.database", str(folder), str(lock.fileno())],
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE},
            pass_fds=[lock.fileno()],
        )


def stop_template_build(builder):
    """In the controlling process, at the end: the builder has finished, or is stopped."""
    try:
        builder.wait(timeout=1)
    except subprocess.TimeoutExpired:
        builder.kill()
        builder.wait()


def build_template(folder, lock):
    """In the builder: migrate a database of its own, keep it as the template, release ``lock``."""
    try:
        old_config = setup_databases(
            verbosity=0, interactive=False, aliases=set(connections), serialized_aliases=set()
        )
        _write_ready(folder / "ready", _keep_templates(folder, old_config))
        teardown_databases(old_config, verbosity=0)
    finally:
        os.close(lock)
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def remove_template_dir(folder):
    """In the controlling process, after the workers stopped: the template goes too."""
    ready = folder / "ready"
    if ready.exists():
        for alias, name in _read_ready(ready).items():
            connection = connections[alias]
            if connection.vendor == "postgresql":
                with connection._nodb_cursor() as cursor:
                    cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")
    shutil.rmtree(folder, ignore_errors=True)
    os.environ.pop(TEMPLATE_DIR, None)


def setup_test_databases(*, verbosity, aliases, serialized_aliases):
    """Like Django's ``setup_databases``: the databases made, their old names returned."""
    folder = os.environ.get(TEMPLATE_DIR)
    if not folder:
        return setup_databases(
            verbosity=verbosity,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
        )
    folder = Path(folder)
    with _locked(folder / "lock"):
        ready = folder / "ready"
        if ready.exists():
            old_config = _copy_templates(_read_ready(ready), aliases)
        else:
            old_config = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases=aliases,
                serialized_aliases=set(),
            )
            _write_ready(ready, _keep_templates(folder, old_config))
    for connection, _old_name, _destroy in old_config:
        if serialized_aliases is None or connection.alias in serialized_aliases:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    return old_config


@contextmanager
def _locked(path):
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _template_name(folder, connection):
    if connection.vendor == "sqlite":
        return str(folder / f"{connection.alias}.sqlite3")
    # One name per run, within PostgreSQL's 63 characters.
    run = hashlib.sha256(str(folder).encode()).hexdigest()[:12]
    return f"test_template_{connection.alias}_{run}"


def _keep_templates(folder, old_config):
    """Copy each just-migrated database to its template; return {alias: template name}."""
    templates = {}
    for connection, _old_name, destroy in old_config:
        if not destroy:
            continue  # a mirror of another alias
        name = _template_name(folder, connection)
        _copy_database(connection, connection.settings_dict["NAME"], name)
        templates[connection.alias] = name
    return templates


def _copy_templates(templates, aliases):
    """Each alias's test database made from its template, as ``create_test_db`` would name it."""
    test_databases, mirrored_aliases = get_unique_databases_and_mirrors(aliases)
    old_config = []
    for db_name, db_aliases in test_databases.values():
        first = connections[db_aliases[0]]
        old_config.append((first, db_name, True))
        test_name = first.creation._get_test_db_name()
        first.close()
        _copy_database(first, templates[first.alias], test_name)
        settings.DATABASES[first.alias]["NAME"] = test_name
        first.settings_dict["NAME"] = test_name
        first.ensure_connection()
        for alias in db_aliases[1:]:
            old_config.append((connections[alias], db_name, False))
            connections[alias].creation.set_as_test_mirror(first.settings_dict)
    for alias, mirror_alias in mirrored_aliases.items():
        connections[alias].creation.set_as_test_mirror(connections[mirror_alias].settings_dict)
    return old_config


def _copy_database(connection, source, target):
    connection.close()
    if connection.vendor == "sqlite":
        with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
            origin.backup(copy)
        return
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(target)}")
        cursor.execute(f"CREATE DATABASE {quote(target)} WITH TEMPLATE {quote(source)}")


def _write_ready(path, templates):
    path.write_text("".join(f"{alias}\t{name}\n" for alias, name in templates.items()))


def _read_ready(path):
    return dict(line.split("\t") for line in path.read_text().splitlines())


def _template(alias, vendor):
    """The run's template of ``alias``, if there is one on ``vendor``: a file or a database name."""
    folder = os.environ.get(TEMPLATE_DIR)
    ready = Path(folder) / "ready" if folder else None
    if ready is None or not ready.exists() or connections[alias].vendor != vendor:
        return None
    return _read_ready(ready).get(alias)


def migrated_sqlite(path):
    """
    A migrated SQLite database at ``path``, copied from the run's template:
    whether there was one (without workers, or on PostgreSQL, there is none).
    """
    template = _template("default", "sqlite")
    if template is None:
        return False
    with closing(sqlite3.connect(template)) as origin, closing(sqlite3.connect(path)) as copy:
        origin.backup(copy)
    return True


def create_migrated_database(name):
    """
    A new PostgreSQL database ``name`` beside the test database: a copy of the
    run's template when there is one, else empty (to be migrated).
    """
    connection = connections["default"]
    quote = connection.ops.quote_name
    template = _template("default", "postgresql")
    copied = f" WITH TEMPLATE {quote(template)}" if template else ""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {quote(name)}{copied}")


if __name__ == "__main__":
    import django

    django.setup()
    build_template(Path(sys.argv[1]), int(sys.argv[2]))
