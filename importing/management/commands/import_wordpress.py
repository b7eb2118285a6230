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
        self.stdout.write(
            f"Stories: {report.stories_created} new, {report.stories_updated} updated. "
            f"Photos: {report.photos_created} new, {report.photos_updated} updated, "
            f"{report.photos_needed} still needed (no file). Authors: {report.authors} new. "
            f"Sections: {report.sections} new. Topics: {report.topics} new. "
            f"Quotes found: {report.quotes}."
        )
        for skipped in report.skipped:
            self.stdout.write(f"Skipped {skipped}.")
        if report.withheld:
            self.stdout.write(
                "Imported as drafts, not published (password-protected or private on the old "
                f"site): {len(report.withheld)}."
            )
        for withheld in report.withheld:
            self.stdout.write(f"Draft: {withheld}.")
        if report.kept:
            self.stdout.write(
                f"Kept as the workspace has it (moved there since imported): {len(report.kept)}."
            )
        for kept in report.kept:
            self.stdout.write(f"Kept: {kept}.")
        if report.categories_as_topics:
            self.stdout.write(
                "A story has one section, its post's first category; its other categories "
                f"became topics: {report.categories_as_topics}."
            )
        for post in report.no_byline:
            self.stdout.write(f"No byline: {post}.")
        for post in report.unattributed:
            self.stdout.write(
                f"Quotes without a speaker (the quote finder could not attribute them): {post}."
            )
        if report.left_out:
            self.stdout.write("Not imported, by kind:")
        for kind, count in sorted(report.left_out.items()):
            self.stdout.write(f"  {kind}: {count}")
        for photo in report.photos_kept:
            self.stdout.write(
                f"Photo not changed: {photo} is in an editor's hands; an editor's import "
                "changes it."
            )
