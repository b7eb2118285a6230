"""
``manage.py import_wordpress EXPORT.xml [--media-dir DIR] [--user EDITOR]``.

Imports a WordPress export (WXR) in one transaction; see ``importing/wordpress/``.
Running it again on the same export updates the stories and photos it made.
Private and password-protected posts become drafts, listed in the output, as
are the stories moved in the workspace since (their status stays) and the
photos in an editor's hands it left as they were. What of the export has no
place in the newsroom (comments, pages, menus, shortcodes…) is counted by kind.
"""

from django.core.management.base import BaseCommand, CommandError

from importing.commands import named_login
from importing.wordpress.export import WordPressExportError
from importing.wordpress.importer import import_wordpress


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts become stories, authors staff people, "
        "categories sections, tags topics, attachments photos. Running it again updates."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", metavar="EXPORT.xml", help="The WordPress export file.")
        parser.add_argument(
            "--media-dir",
            metavar="DIR",
            help="A copy of the site's wp-content/uploads folder, where the images are.",
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="The editor who stands as approver of the published posts, and uploader of "
            "the photos. Needed when the export holds published posts (private and "
            "password-protected ones become drafts and need none).",
        )

    def handle(self, *args, export, media_dir=None, user=None, **options):
        editor = named_login(user)
        try:
            report = import_wordpress(path=export, media_dir=media_dir, user=editor)
        except WordPressExportError as error:
            raise CommandError(str(error)) from error
        for line, details in report.summary():
            self.stdout.write(line)
            for detail in details:
                self.stdout.write(f"  {detail}")
