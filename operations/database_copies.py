"""
The database part of a backup: SQLite copied with its online backup API,
PostgreSQL dumped with pg_dump from one snapshot, each table's rows counted,
and restoring either into the instance's own database.
"""

import os
import shutil
import sqlite3
import subprocess

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from .backup_files import BackupError, create_owner_only


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


def backup_postgresql(target, *, read_snapshot):
    """
    ``pg_dump`` the database to ``target`` from the same snapshot its row
    counts are taken in, and ``read_snapshot(execute)`` reads; return the
    file's name, the counts and what ``read_snapshot`` returned.
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
        read = read_snapshot(snapshot.execute)
        snapshot.rollback()
    return target.name, tables, read


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
