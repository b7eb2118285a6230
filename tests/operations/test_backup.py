"""
The backup and restore drill: a backup taken while stories are being written
restores into an empty instance with the same rows and the same files. A
backup is its owner's alone, and one that others could have opened is not
restored.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import uuid
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import close_old_connections, connection
from django.test import TransactionTestCase

from articles.models import Article, Topic
from audit.log import record
from audit.models import Action, Entry
from media.models import Photograph
from tests.support import ROOT, samples
from tests.support.database import create_migrated_database, migrated_sqlite
from tests.support.factories import (
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_user,
    place_photo,
    restore_roles,
)
from tests.support.media import assert_clean, upload
from tests.support.object_storage import ObjectStorage, storage_environment
from tests.support.production import database_url, production_environment


def checksum(data):
    return hashlib.sha256(data).hexdigest()


class NewInstance:
    """A test mixin: an empty instance to restore into, and its ``manage.py``."""

    def new_instance(self, **env):
        """Settings of an empty instance: its own database and upload folder, and ``env``."""
        root = self.folder / "restored"
        (root / "uploads").mkdir(parents=True)
        # Migrated already when the run has a template (tests.support.database):
        # the drill's own migrate then finds nothing to do.
        if connection.vendor == "sqlite":
            url = f"sqlite:///{root / 'db.sqlite3'}"
            migrated_sqlite(root / "db.sqlite3")
        else:
            name = f"restored_{uuid.uuid4().hex[:8]}"
            create_migrated_database(name)
            self.addCleanup(self.drop_database, name)
            url = database_url(name)
        environment = production_environment(
            DATABASE_URL=url, VAR_DIR=str(root / "var"), MEDIA_ROOT=str(root / "uploads"), **env
        )
        return root, url, environment

    def drop_database(self, name):
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def manage(self, environment, *args):
        result = subprocess.run(  # noqa: S603 (our own manage.py)
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
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


class BackupRestoreDrillTests(NewInstance, TransactionTestCase):
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
        taken = Entry.objects.get(action=Action.BACKUP_TAKEN)
        self.assertEqual(taken.target, backup.name)
        self.assertIn("run by", taken.detail)

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

        # The restore is written to the audit log of the restored database.
        expected = {**manifest["tables"], "audit_entry": manifest["tables"]["audit_entry"] + 1}
        for table, count in expected.items():
            (row,) = self.restored_rows(url, f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608
            self.assertEqual(row[0], count, table)
        (restored,) = self.restored_rows(
            url, "SELECT detail FROM audit_entry WHERE action = 'backup_restored'"
        )
        self.assertIn("backup made", restored[0])
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


class OwnerOnlyBackupTests(TransactionTestCase):
    """
    A backup holds protected sources' identities and contacts and password
    hashes: only its owner may open it, and restore refuses one that others
    could have read or changed. A transaction test, as a restore replaces the
    whole database.
    """

    def setUp(self):
        # The common default umask, under which new files are readable by all.
        old_umask = os.umask(0o022)
        self.addCleanup(os.umask, old_umask)
        restore_roles()
        self.photo = make_photograph()
        make_published_article(
            "Court hears land case", bylines=[make_person()], lead_photo=self.photo
        )
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-backup-test-"))
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)

    def back_up(self, output):
        """Run the backup command; return the new backup folder and what it wrote to stderr."""
        stdout, stderr = io.StringIO(), io.StringIO()
        call_command("backup", output=str(output), stdout=stdout, stderr=stderr)
        return Path(stdout.getvalue().strip().splitlines()[-1]), stderr.getvalue()

    def change_after_backup(self):
        """Add a topic and replace the photo's file; return the file's name."""
        Topic.objects.create(name="After the backup", slug="after-the-backup")
        name = self.photo.image.name
        default_storage.delete(name)
        self.assertEqual(default_storage.save(name, ContentFile(b"changed since")), name)
        return name

    def read_upload(self, name):
        with default_storage.open(name, "rb") as handle:
            return handle.read()

    def assert_restore_refused(self, backup, opened):
        name = self.change_after_backup()
        with self.assertRaises(CommandError) as refusal:
            call_command("restore", str(backup), force=True)
        message = str(refusal.exception)
        self.assertIn(str(opened), message)
        self.assertIn(f"chmod -R go-rwx {backup}", message)
        self.assertTrue(Topic.objects.filter(slug="after-the-backup").exists())
        self.assertEqual(self.read_upload(name), b"changed since")

    def test_a_photo_file_lost_from_storage_is_named(self):
        """A row pointing at a file the storage no longer has is reported, on either database."""
        lost = self.photo.image.name
        default_storage.delete(lost)
        backup, errors = self.back_up(self.folder / "backups")
        manifest = json.loads((backup / "manifest.json").read_text())
        self.assertEqual(manifest["missing_files"], [lost])
        self.assertIn(f"Not in the backup (deleted while it ran?): {lost}", errors)

    def test_backup_and_the_folder_it_creates_are_owner_only(self):
        """
        Whatever the umask, the backup folder and a backup directory the command
        creates are 0700 and every file in the backup is 0600; no warning is given.
        """
        output = self.folder / "var" / "backups"
        backup, warnings = self.back_up(output)
        self.assertEqual(stat.S_IMODE(output.stat().st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(backup.stat().st_mode), 0o700)
        database = json.loads((backup / "manifest.json").read_text())["database"]
        files = sorted(backup.iterdir())
        self.assertEqual(
            [path.name for path in files], sorted([database, "manifest.json", "uploads.tar"])
        )
        for path in files:
            self.assertEqual(stat.S_IMODE(path.stat().st_mode), 0o600, path)
        self.assertEqual(warnings, "")

    def test_an_open_backup_directory_is_kept_with_a_warning(self):
        """
        A backup directory the user made is not changed, but one that others may
        enter is named on stderr with the command that closes it.
        """
        output = self.folder / "shared"
        output.mkdir()
        output.chmod(0o755)
        backup, warnings = self.back_up(output)
        self.assertEqual(stat.S_IMODE(output.stat().st_mode), 0o755)
        self.assertEqual(stat.S_IMODE(backup.stat().st_mode), 0o700)
        self.assertIn(str(output), warnings)
        self.assertIn(f"chmod go-rwx {output}", warnings)

    def test_restore_refuses_a_file_others_may_read(self):
        """A backup file opened to others is refused by name, and nothing is restored."""
        backup, _ = self.back_up(self.folder / "backups")
        opened = backup / json.loads((backup / "manifest.json").read_text())["database"]
        opened.chmod(opened.stat().st_mode | stat.S_IROTH)
        self.assert_restore_refused(backup, opened)

    def test_restore_refuses_a_folder_others_may_read(self):
        """A backup folder opened to others is refused by name, and nothing is restored."""
        backup, _ = self.back_up(self.folder / "backups")
        backup.chmod(backup.stat().st_mode | stat.S_IROTH)
        self.assert_restore_refused(backup, backup)

    def test_an_owner_only_backup_restores(self):
        """Restoring an untouched backup puts back the rows and the files it holds."""
        original = self.read_upload(self.photo.image.name)
        backup, _ = self.back_up(self.folder / "backups")
        name = self.change_after_backup()
        call_command("restore", str(backup), force=True, stdout=io.StringIO())
        self.assertFalse(Topic.objects.filter(slug="after-the-backup").exists())
        self.assertEqual(self.read_upload(name), original)

    def test_the_audit_log_written_since_the_backup_outlives_the_restore(self):
        """
        Restoring over a running newsroom keeps who did what since the backup
        (a restore must not be a way to erase the log): the entries come back
        with their actor where that account exists in the backup, by name
        where it does not.
        """
        editor = make_user("vanna", role="Editors")
        source = make_person("Keo Dara")
        backup, _ = self.back_up(self.folder / "backups")
        record(Action.SOURCE_PROTECTED, actor=editor, target=source, detail="since the backup")
        newcomer = make_user("newcomer", role="Editors")
        record(Action.ROLE_CHANGED, actor=newcomer, target=editor, detail="made an editor")
        taken = json.loads((backup / "manifest.json").read_text())["created"]
        since = Entry.objects.filter(when__gt=taken).count()
        call_command("restore", str(backup), force=True, stdout=io.StringIO())
        protected = Entry.objects.get(action=Action.SOURCE_PROTECTED, detail="since the backup")
        self.assertEqual(protected.actor, User.objects.get(username="vanna"))
        self.assertEqual(protected.target_type.model, "person")
        self.assertEqual(protected.target_id, str(source.pk))
        role = Entry.objects.get(action=Action.ROLE_CHANGED, detail="made an editor")
        self.assertIsNone(role.actor)
        self.assertEqual(role.actor_name, "newcomer")
        self.assertFalse(User.objects.filter(username="newcomer").exists())
        restored = Entry.objects.get(action=Action.BACKUP_RESTORED)
        self.assertIn(f"{since} later log entries kept", restored.detail)
        self.assertEqual(Entry.objects.filter(when__gt=taken).count(), since + 1)

    def test_a_restore_that_fails_its_checks_still_keeps_the_later_log(self):
        """The log written since the backup is back before any check can stop the restore."""
        editor = make_user("sreymom", role="Editors")
        backup, _ = self.back_up(self.folder / "backups")
        record(Action.ROLE_CHANGED, actor=editor, target=editor, detail="after the backup")
        manifest_file = backup / "manifest.json"
        manifest = json.loads(manifest_file.read_text())
        manifest["tables"]["articles_topic"] += 1
        manifest_file.write_text(json.dumps(manifest))
        with self.assertRaisesMessage(CommandError, "Row counts differ"):
            call_command("restore", str(backup), force=True, stdout=io.StringIO())
        self.assertTrue(Entry.objects.filter(detail="after the backup").exists())


class ObjectStorageBackupTests(ObjectStorage, NewInstance, TransactionTestCase):
    """
    The drill with the photos in a bucket of a real S3 server: the backup reads
    every object through the S3 API, and the restore writes them into the empty
    instance's own bucket, byte for byte and still clean.
    """

    def setUp(self):
        restore_roles()
        self.photos = [
            make_photograph(
                caption=f"Photo {number}", image=upload(samples.camera_jpeg(size=(500, 400)))
            )
            for number in range(2)
        ]
        make_published_article("Court hears land case", lead_photo=self.photos[0])
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-backup-test-"))
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)

    def test_a_bucket_is_backed_up_and_restored_into_an_empty_bucket(self):
        output = io.StringIO()
        call_command("backup", output=str(self.folder / "backups"), stdout=output)
        backup = Path(output.getvalue().strip().splitlines()[-1])
        manifest = json.loads((backup / "manifest.json").read_text())
        self.assertEqual(manifest["missing_files"], [])
        stored = {photo_file for photo in self.photos for photo_file in photo.stored_files()}
        self.assertEqual(set(manifest["files"]), stored)
        for name in stored:
            self.assertEqual(manifest["files"][name], checksum(self.stored_object(name)[0]))

        self.s3.create_bucket(Bucket="newsroom-restored")
        root, url, environment = self.new_instance(
            **storage_environment(self.endpoint, "newsroom-restored")
        )
        self.manage(environment, "migrate", "--noinput")
        self.manage(environment, "restore", str(backup))

        self.assertEqual(self.stored_keys("newsroom-restored"), stored)
        for name, digest in manifest["files"].items():
            data, _response = self.stored_object(name, "newsroom-restored")
            self.assertEqual(checksum(data), digest, name)
            assert_clean(self, data, name)
        for image, renditions in self.restored_rows(
            url, "SELECT image, renditions FROM media_photograph"
        ):
            renditions = json.loads(renditions) if isinstance(renditions, str) else renditions
            names = {image, *(item["name"] for item in renditions)}
            self.assertLessEqual(names, stored)
