import json
import shlex
import stat

from django.core.management.base import BaseCommand, CommandError

from operations import backups
from operations.backup_files import BackupError, is_open


class Command(BaseCommand):
    help = (
        "Back up the database and the uploads, while the site runs, into a new folder "
        "under --output: the database (SQLite online backup or pg_dump), uploads.tar "
        "and manifest.json with row counts and checksums, all readable by their owner only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default="var/backups", help="Folder to make the backup in.")

    def handle(self, *args, output, **options):
        try:
            folder = backups.backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = json.loads((folder / backups.MANIFEST).read_text())
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Backed up {rows} rows in {len(manifest['tables'])} tables and "
            f"{len(manifest['files'])} files to {folder}"
        )
        for name in manifest["missing_files"]:
            self.stderr.write(f"Not in the backup (deleted while it ran?): {name}")
        if is_open(folder.parent):
            # The backup itself is owner-only, but others can see when backups are
            # taken and, where they may write, remove or swap them.
            mode = stat.filemode(folder.parent.stat().st_mode)
            self.stderr.write(
                f"Warning: users other than its owner may open {folder.parent} ({mode}). "
                f"Make it owner-only with `chmod go-rwx {shlex.quote(str(folder.parent))}`."
            )
        # The folder alone on the last line, for scripts.
        self.stdout.write(str(folder))
