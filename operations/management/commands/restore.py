from django.core.management.base import BaseCommand, CommandError

from operations import backups
from operations.backup_files import BackupError


class Command(BaseCommand):
    help = (
        "Restore a backup made by the backup command: the database and the uploads "
        "replace this instance's, then every row count and checksum is checked. A backup "
        "that users other than its owner may open is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A backup folder made by manage.py backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace an instance that already has stories, photos, people or users.",
        )

    def handle(self, *args, folder, force, **options):
        try:
            manifest = backups.restore(folder, force=force)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {sum(manifest['tables'].values())} rows and "
            f"{len(manifest['files'])} files from {folder}"
        )
