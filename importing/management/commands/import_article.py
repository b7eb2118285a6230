"""
``manage.py import_article FILE…``: plain-text stories become drafts.

Each file is imported whole or not at all, in its own transaction; a batch
imports every good file and names each refused one with the reason. The
pictures travel beside the text file: ``story.txt`` takes ``story-1.jpg``
for its first caption, ``story-2.png`` for its second (see
``importing/services.py``). A story imported before (same publication, same
headline) is skipped, or updated with ``--update``. The command exits with an
error status when any file was refused.
"""

from django.core.management.base import BaseCommand, CommandError

from importing.commands import named_login
from importing.services import import_story_files
from importing.updating import IfImported


class Command(BaseCommand):
    help = (
        "Import plain-text stories as drafts, with their photos, quotes and the people "
        "they name. Pictures named FILE-1.jpg, FILE-2.png… beside FILE.txt fill its "
        "caption slots in order."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="Plain-text story files.")
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="Who imports: recorded as the photos' uploader, and given a writer byline "
            "when the login has a staff profile.",
        )
        found_before = parser.add_mutually_exclusive_group()
        found_before.add_argument(
            "--skip-existing",
            dest="if_imported",
            action="store_const",
            const=IfImported.SKIP,
            default=IfImported.SKIP,
            help="Leave a story imported before (same publication, same headline) as it is "
            "(the default).",
        )
        found_before.add_argument(
            "--update",
            dest="if_imported",
            action="store_const",
            const=IfImported.UPDATE,
            help="Update a story imported before with the file's text. It keeps its status; "
            "an approved or published story needs an editor's --user.",
        )

    def handle(self, *args, files, user=None, if_imported=IfImported.SKIP, **options):
        results = import_story_files(paths=files, user=named_login(user), if_imported=if_imported)
        for result in results:
            counts = (
                (
                    f"story {result.article.pk}; {result.quotes} quotes, {result.photos} "
                    f"photos, {result.photos_needed} photos needed"
                )
                if result.article
                else ""
            )
            if result.skipped:
                self.stdout.write(
                    f"Skipped {result.name}: imported before as “{result.article.headline}” "
                    f"(story {result.article.pk}); --update brings in the new text."
                )
            elif result.ok and result.updated:
                self.stdout.write(
                    f"Updated “{result.article.headline}” from {result.name} ({counts})."
                )
            elif result.ok:
                self.stdout.write(
                    f"Imported {result.name} as a draft: “{result.article.headline}” ({counts})."
                )
            else:
                self.stderr.write(f"Not imported: {result.error}")
            for note in result.notes if result.ok else []:
                self.stdout.write(f"  {note}")
        refused = [result for result in results if not result.ok]
        if refused:
            raise CommandError(f"{len(refused)} of {len(results)} files were not imported.")
