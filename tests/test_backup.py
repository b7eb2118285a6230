"""
The backup and restore drill: a backup taken while stories are being written
restores into an empty instance with the same rows and the same files.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import uuid
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.test import TransactionTestCase

from articles.models import Article, Topic
from media.models import Photograph

from .factories import (
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    place_photo,
    restore_roles,
)

BASE_DIR = Path(__file__).resolve().parent.parent


def checksum(data):
    return hashlib.sha256(data).hexdigest()


class BackupRestoreDrillTests(TransactionTestCase):
    def setUp(self):
        restore_roles()
        section = make_section("Land")
        self.photos = [make_photograph(caption=f"Photo {number}") for number in range(3)]
        for number in range(5):
            article = make_published_article(
                f"Court hears land case {number}",
                bylines=[make_person()],
                section=section,
                lead_photo=self.photos[number % 3],
            )
            make_quote(article)
            place_photo(article, self.photos[(number + 1) % 3])
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-backup-test-"))
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)

    def write_loop(self, stop, written):
        """An editor's saves, going on all through the backup."""
        try:
            number = 0
            while not stop.is_set() and number < 2000:
                Topic.objects.create(name=f"Loop topic {number}", slug=f"loop-topic-{number}")
                written.append(number)
                number += 1
        finally:
            close_old_connections()
            connection.close()

    def new_instance(self):
        """Settings of an empty instance: its own database and upload folder."""
        root = self.folder / "restored"
        (root / "uploads").mkdir(parents=True)
        if connection.vendor == "sqlite":
            url = f"sqlite:///{root / 'db.sqlite3'}"
        else:
            name = f"restored_{uuid.uuid4().hex[:8]}"
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{name}"')
            self.addCleanup(self.drop_database, name)
            params = connection.settings_dict
            url = (
                f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}/{name}"
                if not params.get("PASSWORD")
                else f"postgres://{params['USER']}:{params['PASSWORD']}@"
                f"{params['HOST']}:{params['PORT']}/{name}"
            )
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
        }
        environment.update(
            DJANGO_SETTINGS_MODULE="newsroom.settings",
            DATABASE_URL=url,
            VAR_DIR=str(root / "var"),
            MEDIA_ROOT=str(root / "uploads"),
        )
        return root, url, environment

    def drop_database(self, name):
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def manage(self, environment, *args):
        result = subprocess.run(  # noqa: S603 (our own manage.py)
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
        self.assertEqual(result.returncode, 0, f"{args}: {result.stdout}{result.stderr}")
        return result

    def restored_rows(self, url, query):
        if url.startswith("sqlite:///"):
            database = sqlite3.connect(url.removeprefix("sqlite:///"))
            try:
                return database.execute(query).fetchall()
            finally:
                database.close()
        import psycopg

        with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as database:
            return database.execute(query).fetchall()

    def test_backup_during_writes_restores_into_an_empty_instance(self):
        """
        Rows, files and their checksums come back whole; the database is sound
        and every photo's files exist; `check` and `migrate --check` pass.
        """
        stop, written = threading.Event(), []
        writer = threading.Thread(target=self.write_loop, args=(stop, written))
        writer.start()
        try:
            while len(written) < 20:  # The loop is really writing when the backup starts.
                stop.wait(0.01)
            output = io.StringIO()
            call_command("backup", output=str(self.folder / "backups"), stdout=output)
            written_during_backup = len(written)
        finally:
            stop.set()
            writer.join(timeout=60)
        backup = Path(output.getvalue().strip().splitlines()[-1])
        manifest = json.loads((backup / "manifest.json").read_text())

        # The snapshot holds the content as it was, and some of the loop's saves.
        self.assertEqual(manifest["tables"]["articles_article"], Article.objects.count())
        self.assertEqual(manifest["tables"]["media_photograph"], 3)
        self.assertGreaterEqual(manifest["tables"]["articles_topic"], 20)
        self.assertLessEqual(manifest["tables"]["articles_topic"], written_during_backup + 1)
        self.assertEqual(manifest["missing_files"], [])
        source_files = {
            name: checksum(default_storage.open(name).read())
            for photo in Photograph.objects.all()
            for name in photo.stored_files()
        }
        self.assertTrue(source_files)
        for name, digest in source_files.items():
            self.assertEqual(manifest["files"][name], digest, name)

        root, url, environment = self.new_instance()
        self.manage(environment, "migrate", "--noinput")
        self.manage(environment, "restore", str(backup))
        self.manage(environment, "check")
        self.manage(environment, "migrate", "--check")

        for table, count in manifest["tables"].items():
            (row,) = self.restored_rows(url, f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608
            self.assertEqual(row[0], count, table)
        if url.startswith("sqlite:///"):
            self.assertEqual(self.restored_rows(url, "PRAGMA integrity_check"), [("ok",)])
        uploads = root / "uploads"
        for name, digest in manifest["files"].items():
            self.assertEqual(checksum((uploads / name).read_bytes()), digest, name)
        for image, renditions in self.restored_rows(
            url, "SELECT image, renditions FROM media_photograph"
        ):
            renditions = json.loads(renditions) if isinstance(renditions, str) else renditions
            for name in [image, *(item["name"] for item in renditions)]:
                self.assertTrue((uploads / name).is_file(), name)

    def test_restore_refuses_an_instance_with_content(self):
        """Restoring over a newsroom's stories needs --force: nothing is replaced by mistake."""
        output = io.StringIO()
        call_command("backup", output=str(self.folder / "backups"), stdout=output)
        backup = output.getvalue().strip().splitlines()[-1]
        articles_before = Article.objects.count()
        with self.assertRaisesMessage(Exception, "already has content"):
            call_command("restore", backup)
        self.assertEqual(Article.objects.count(), articles_before)
