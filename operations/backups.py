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
import getpass
import hashlib
import io
import json
import sqlite3
import tarfile
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, models

from audit import log as audit_log
from audit.log import record
from audit.models import Action
from reader import pagecache

from .backup_files import (
    BackupError,
    check_owner_only,
    create_owner_only,
    make_owner_only_folder,
)
from .database_copies import (
    backup_postgresql,
    backup_sqlite,
    current_counts,
    restore_postgresql,
    restore_sqlite,
)

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
        referenced = referenced_files(folder / SQLITE_FILE)
    elif connection.vendor == "postgresql":
        database, tables, referenced = backup_postgresql(
            folder / PG_FILE, read_snapshot=referenced_names
        )
    else:
        raise BackupError(f"Backing up {connection.vendor} is not supported.")
    files = archive_uploads(folder / UPLOADS)
    missing = sorted(referenced - set(files))
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
    # Written after the snapshot: the backup does not hold its own entry.
    record(Action.BACKUP_TAKEN, target=folder.name, detail=run_by())
    return folder


def run_by():
    """Who ran a backup or a restore, as the system knows them (a command has no signed-in user)."""
    try:
        return f"run by system user {getpass.getuser()}"
    except (KeyError, OSError):
        return "run by an unnamed system user"


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
    database = sqlite3.connect(database_file)
    try:
        return referenced_names(database.execute)
    finally:
        database.close()


def referenced_names(execute):
    """The names of the files rows point at, read with ``execute(sql)`` (a snapshot's)."""
    names = set()
    for table, column in file_fields():
        query = f'SELECT "{column}" FROM "{table}" WHERE "{column}" != \'\''  # noqa: S608
        names.update(row[0] for row in execute(query))
    for (renditions,) in execute("SELECT renditions FROM media_photograph"):
        # Text in SQLite, already a list from PostgreSQL's jsonb.
        listed = json.loads(renditions or "[]") if isinstance(renditions, str) else renditions
        names.update(item["name"] for item in listed or [])
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
    # The audit log written since the backup was taken outlives the restore.
    later = audit_log.entries_since(datetime.datetime.fromisoformat(manifest["created"]))
    with tarfile.open(folder / UPLOADS) as archive:
        uploads = check_archive(archive, manifest["files"])
        if connection.vendor == "sqlite":
            restore_sqlite(folder / manifest["database"])
        else:
            restore_postgresql(folder / manifest["database"])
        # Counted as the backup holds it, then the later log is put back at
        # once: whatever fails after (a file, a count), the log is kept.
        counts = current_counts()
        audit_log.put_back(later)
        for name, data in uploads(archive):
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(data))
            if saved != name:
                raise BackupError(f"The storage renamed {name} to {saved}.")
    # Counted first: the stored story parts are made again, at this site's address.
    pagecache.start_new_version()
    wrong = {
        table: (count, counts.get(table))
        for table, count in manifest["tables"].items()
        if counts.get(table) != count
    }
    if wrong:
        raise BackupError(f"Row counts differ after restoring (expected, found): {wrong}")
    record(
        Action.BACKUP_RESTORED,
        target=folder.name,
        detail=f"backup made {manifest['created']}; {len(later)} later log entries kept; "
        f"{run_by()}",
    )
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
