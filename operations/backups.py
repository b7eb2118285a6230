"""
Backing up and restoring a whole newsroom: the database and the uploads.

A backup is a folder holding the database (``db.sqlite3``, copied with
SQLite's online backup API, or ``db.dump`` from ``pg_dump``), ``uploads.tar``
with every file on the upload storage, and ``manifest.json`` with the row
count of every table and the SHA-256 of every file, which ``restore`` checks.

Both are taken while the site runs. The database copy is one consistent
snapshot: SQLite copies it in a single step under one read transaction,
pg_dump reads the snapshot in which the row counts were taken. The uploads are
archived after it, so every file a row of the snapshot names is there (a photo
deleted in between is the one exception, and is reported).

The uploads are read and written through Django's storage API only, so the
same commands work on a file system and on object storage.

A backup holds protected sources' identities and contacts and password hashes,
so it is its owner's alone: the folder is 0700 and every file 0600 from the
moment it is created, whatever the umask. ``restore`` refuses a backup that
group or others may read, write or run: it may have been copied or changed.
"""

import contextlib
import datetime
import hashlib
import io
import json
import os
import shlex
import shutil
import sqlite3
import stat
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, models

from reader import pagecache

FORMAT = 1
MANIFEST = "manifest.json"
UPLOADS = "uploads.tar"
SQLITE_FILE = "db.sqlite3"
PG_FILE = "db.dump"
# Files the health check writes and deletes at once: never worth keeping.
SKIPPED_FOLDERS = ("healthz/",)
# Tables that hold a newsroom's content: a database with rows in any of them
# is not restored over without --force.
CONTENT_TABLES = ("articles_article", "media_photograph", "people_person", "auth_user")
OWNER_ONLY_FOLDER = 0o700
OWNER_ONLY_FILE = 0o600
# Permission bits that let group or others read, write or run a path.
OPEN_BITS = stat.S_IRWXG | stat.S_IRWXO


class BackupError(Exception):
    pass


def backup(output):
    """Back up the database and the uploads into a new folder under ``output``; return it."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    # A backup directory the user made keeps the permissions they gave it.
    with contextlib.suppress(FileExistsError):
        make_owner_only_folder(output)
    folder = output / f"newsroom-{stamp}"
    make_owner_only_folder(folder)
    if connection.vendor == "sqlite":
        database, tables = backup_sqlite(folder / SQLITE_FILE)
    elif connection.vendor == "postgresql":
        database, tables = backup_postgresql(folder / PG_FILE)
    else:
        raise BackupError(f"Backing up {connection.vendor} is not supported.")
    files = archive_uploads(folder / UPLOADS)
    missing = sorted(referenced_files(folder / SQLITE_FILE) - set(files))
    manifest = {
        "format": FORMAT,
        "created": datetime.datetime.now(datetime.UTC).isoformat(),
        "vendor": connection.vendor,
        "database": database,
        "tables": tables,
        "files": files,
        "missing_files": missing,
    }
    with create_owner_only(folder / MANIFEST) as handle:
        handle.write(json.dumps(manifest, indent=2, sort_keys=True).encode())
    return folder


def make_owner_only_folder(path):
    """Create the folder ``path`` (not its parents), 0700 whatever the umask."""
    path.mkdir(mode=OWNER_ONLY_FOLDER)
    # The umask only ever removes bits; this gives back any of the owner's it took.
    path.chmod(OWNER_ONLY_FOLDER)


def owner_only_opener(path, flags):
    descriptor = os.open(path, flags, OWNER_ONLY_FILE)
    # As for folders: gives back any of the owner's bits the umask took.
    os.fchmod(descriptor, OWNER_ONLY_FILE)
    return descriptor


def create_owner_only(path):
    """
    Create the new file ``path`` for writing in binary, 0600 from the start
    (never readable by others, even for an instant); fail if it exists.
    """
    return open(path, "xb", opener=owner_only_opener)


def opened_paths(folder):
    """The folder and the paths in it that group or others may read, write or run."""
    folder = Path(folder)
    return [path for path in [folder, *sorted(folder.rglob("*"))] if is_open(path)]


def is_open(path):
    return bool(path.stat().st_mode & OPEN_BITS)


def check_owner_only(folder):
    """Refuse a backup that anyone but its owner may open: it may have been copied or changed."""
    opened = opened_paths(folder)
    if opened:
        listed = ", ".join(f"{path} ({stat.filemode(path.stat().st_mode)})" for path in opened)
        raise BackupError(
            f"Not restoring: users other than its owner may read, write or run {listed}. "
            "A backup holds sources' identities and password hashes. Check that no one "
            "copied or changed it, make it owner-only with "
            f"`chmod -R go-rwx {shlex.quote(str(folder))}`, then restore again."
        )


def backup_sqlite(target):
    """Copy the live SQLite database to ``target`` in one step; return its name and row counts."""
    # SQLite gives its journal files the database file's mode: 0600 as well.
    create_owner_only(target).close()
    source = sqlite3.connect(connection.settings_dict["NAME"], timeout=60)
    copy = sqlite3.connect(target)
    try:
        # pages=-1: the whole database in one step, so one consistent snapshot.
        source.backup(copy, pages=-1)
        copy.execute("PRAGMA journal_mode=DELETE")
        (result,) = copy.execute("PRAGMA integrity_check").fetchone()
        if result != "ok":
            raise BackupError(f"The copy of the database is damaged: {result}")
        return target.name, sqlite_counts(copy)
    finally:
        copy.close()
        source.close()


def sqlite_counts(database):
    names = [
        row[0]
        for row in database.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        name: database.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]  # noqa: S608
        for name in names
    }


def postgres_params(settings_dict):
    params = {"dbname": settings_dict["NAME"]}
    keys = {"host": "HOST", "port": "PORT", "user": "USER", "password": "PASSWORD"}
    for param, key in keys.items():
        if settings_dict.get(key):
            params[param] = str(settings_dict[key])
    return params


def postgres_command(program, settings_dict):
    """``program``'s arguments and environment to reach the configured PostgreSQL database."""
    executable = shutil.which(program)
    if not executable:
        raise BackupError(f"{program} is not installed (Debian: apt install postgresql-client).")
    arguments = [executable, "--no-password"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments += [option, str(settings_dict[key])]
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    return arguments, environment


def backup_postgresql(target):
    """
    ``pg_dump`` the database to ``target`` from the same snapshot its row
    counts are taken in; return the file's name and the counts.
    """
    import psycopg

    settings_dict = connection.settings_dict
    with psycopg.connect(**postgres_params(settings_dict)) as snapshot:
        snapshot.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        (snapshot_id,) = snapshot.execute("SELECT pg_export_snapshot()").fetchone()
        names = [
            row[0]
            for row in snapshot.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        tables = {
            name: snapshot.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]  # noqa: S608
            for name in names
        }
        arguments, environment = postgres_command("pg_dump", settings_dict)
        # pg_dump truncates and writes this file, keeping its mode.
        create_owner_only(target).close()
        arguments += [
            f"--snapshot={snapshot_id}",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
            settings_dict["NAME"],
        ]
        run(arguments, environment)
        snapshot.rollback()
    return target.name, tables


def run(arguments, environment):
    result = subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
        arguments,
        env=environment,
        capture_output=True,
        text=True,
        timeout=3600,
        # Anything the program itself creates is owner-only too.
        umask=0o077,
    )
    if result.returncode != 0:
        raise BackupError(f"{arguments[0]} failed: {result.stderr.strip()}")


def storage_files(storage=None, folder=""):
    """Every file's name on ``storage``, walked through the storage API."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        path = f"{folder}{name}"
        if not path.startswith(SKIPPED_FOLDERS):
            yield path
    for name in sorted(folders):
        path = f"{folder}{name}/"
        if not path.startswith(SKIPPED_FOLDERS):
            yield from storage_files(storage, path)


def archive_uploads(target):
    """Write every upload into the tar archive ``target``; return name → SHA-256."""
    checksums = {}
    with create_owner_only(target) as tar_file, tarfile.open(fileobj=tar_file, mode="w") as archive:
        for name in storage_files():
            try:
                with default_storage.open(name, "rb") as handle:
                    data = handle.read()
            except FileNotFoundError:
                continue  # Deleted since it was listed.
            checksums[name] = hashlib.sha256(data).hexdigest()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o640
            archive.addfile(info, io.BytesIO(data))
    return checksums


def file_fields():
    """``(table, column)`` of every file field, and of the photo renditions list."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                yield model._meta.db_table, field.column


def referenced_files(database_file):
    """
    Names of the files the rows of a SQLite database file point at. Read from
    the copy, not the live database, so it matches the snapshot.
    """
    if not database_file.exists():
        return set()
    names = set()
    database = sqlite3.connect(database_file)
    try:
        for table, column in file_fields():
            query = f'SELECT "{column}" FROM "{table}" WHERE "{column}" != \'\''  # noqa: S608
            names.update(row[0] for row in database.execute(query))
        for (renditions,) in database.execute("SELECT renditions FROM media_photograph"):
            names.update(item["name"] for item in json.loads(renditions or "[]"))
    finally:
        database.close()
    return names


def restore(folder, *, force=False):
    """
    Put the backup in ``folder`` back: the database replaces this instance's,
    the uploads are written to its storage, and every count and checksum is
    checked against the manifest. A backup others may open is refused before
    anything is read. Return the manifest.
    """
    folder = Path(folder)
    check_owner_only(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError("This backup was made by another version of the backup command.")
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest['vendor']} database; this instance uses "
            f"{connection.vendor}."
        )
    if not force and has_content():
        raise BackupError(
            "This instance already has content. Restore into an empty one, or use --force "
            "to replace it."
        )
    with tarfile.open(folder / UPLOADS) as archive:
        uploads = check_archive(archive, manifest["files"])
        if connection.vendor == "sqlite":
            restore_sqlite(folder / manifest["database"])
        else:
            restore_postgresql(folder / manifest["database"])
        for name, data in uploads(archive):
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(data))
            if saved != name:
                raise BackupError(f"The storage renamed {name} to {saved}.")
    pagecache.start_new_version()
    counts = current_counts()
    wrong = {
        table: (count, counts.get(table))
        for table, count in manifest["tables"].items()
        if counts.get(table) != count
    }
    if wrong:
        raise BackupError(f"Row counts differ after restoring (expected, found): {wrong}")
    return manifest


def check_archive(archive, checksums):
    """Check every file in the archive against the manifest before anything is replaced."""
    members = {member.name: member for member in archive.getmembers() if member.isfile()}
    if set(members) != set(checksums):
        raise BackupError("The uploads archive does not hold the files the manifest lists.")

    def uploads(archive):
        for name, member in members.items():
            data = archive.extractfile(member).read()
            if hashlib.sha256(data).hexdigest() != checksums[name]:
                raise BackupError(f"{name} in the uploads archive is damaged.")
            yield name, data

    for _ in uploads(archive):
        pass
    return uploads


def has_content():
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in CONTENT_TABLES:
            if table in existing:
                cursor.execute(f'SELECT 1 FROM "{table}" LIMIT 1')  # noqa: S608
                if cursor.fetchone():
                    return True
    return False


def restore_sqlite(source_file):
    target = connection.settings_dict["NAME"]
    if not target or str(target).startswith(":memory:") or "mode=memory" in str(target):
        raise ImproperlyConfigured("Restoring needs a SQLite database file.")
    connection.close()
    source = sqlite3.connect(source_file)
    destination = sqlite3.connect(target, timeout=60)
    try:
        source.backup(destination, pages=-1)
    finally:
        destination.close()
        source.close()


def restore_postgresql(dump_file):
    settings_dict = connection.settings_dict
    connection.close()
    arguments, environment = postgres_command("pg_restore", settings_dict)
    arguments += [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        f"--dbname={settings_dict['NAME']}",
        str(dump_file),
    ]
    run(arguments, environment)


def current_counts():
    with connection.cursor() as cursor:
        return {
            table: count_rows(cursor, table) for table in connection.introspection.table_names()
        }


def count_rows(cursor, table):
    cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
    return cursor.fetchone()[0]
