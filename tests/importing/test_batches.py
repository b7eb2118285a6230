"""
A batch of plain-text stories holds up: one file's failure costs only that
file, a story the quote finder cannot read still comes in, and a story sent
again is recognised, skipped or updated.
"""

import io
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from importing.services import import_story, import_story_files
from media.models import Photograph
from media.services import create_photograph
from quotes.models import Quote
from tests.support.factories import image_bytes, make_journalist, make_user
from tests.support.media import RECORDING_STORAGES, IsolatedMedia, stored_names, upload
from tests.support.staff import sign_in
from tests.support.storages import RecordingStorage
from workflow.models import Revision
from workflow.transitions import lock_story, record_move

IMPORT_URL = reverse("admin:articles_article_import")

# The first quote comes before anyone is named: the finder has nobody to give it to.
SHE_SAID_FIRST = """Newsroom

Fire leaves forty families homeless in Russey Keo

“I lost everything,” she said, standing in the ashes of her home on Tuesday.

Chhoeun Sreyleak, 47, a vendor, said the fire started in a kitchen at night.

“We ran out with the children and nothing else,” Sreyleak said.
"""

QUIET = """Newsroom

Council approves new market hours

The commune council approved new opening hours for the central market on Monday.
"""

WITH_PHOTOS = """Newsroom

Rice farmers count flood losses

Farmers in Prey Veng say the flood took half of this year's crop.

Keo Dara checks his field in Prey Veng, October 2, 2024. Newsroom/ Vann Dara
Keo Dara checks his field in Prey Veng, October 2, 2024. Newsroom/ Vann Dara

“The water came in one night,” said Keo Dara, a farmer.

A flooded road in Prey Veng, October 2, 2024. Newsroom/ Vann Dara
A flooded road in Prey Veng, October 2, 2024. Newsroom/ Vann Dara
"""

LATER = """Newsroom

Council approves new market hours

The commune council approved new opening hours for the central market on Monday,
after a month of complaints from vendors.
"""


def writes_per_photograph():
    """How many files the storage writes for one photograph: its original and renditions."""
    RecordingStorage.reset()
    photograph = create_photograph(image=upload(image_bytes()), caption="x", alt_text="x")
    count = len(RecordingStorage.writes)
    for name, _data in RecordingStorage.writes:
        photograph.image.storage.delete(name)
    photograph.delete()
    return count


class FolderMixin:
    def setUp(self):
        super().setUp()
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-batch-"))
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)

    def write(self, name, text):
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        return path


@RECORDING_STORAGES
class BatchTests(IsolatedMedia, FolderMixin, TestCase):
    def test_one_failing_file_costs_only_itself(self):
        """
        The middle file of three fails (the storage fails on its second photo):
        the other two are imported, the summary names it, and nothing of it
        stays, neither story nor photograph nor stored file.
        """
        first = self.write("market.txt", QUIET)
        middle = self.write("flood.txt", WITH_PHOTOS)
        (self.folder / "flood-1.jpg").write_bytes(image_bytes())
        (self.folder / "flood-2.jpg").write_bytes(image_bytes())
        last = self.write("fire.txt", SHE_SAID_FIRST)
        RecordingStorage.reset(fail_on_write=writes_per_photograph() + 1)
        output, errors = io.StringIO(), io.StringIO()
        with (
            self.assertLogs("importing.services", "ERROR") as logged,
            self.assertRaisesMessage(CommandError, "1 of 3 files were not imported"),
        ):
            call_command(
                "import_article", str(first), str(middle), str(last), stdout=output, stderr=errors
            )
        self.assertEqual(
            set(Article.objects.values_list("headline", flat=True)),
            {
                "Council approves new market hours",
                "Fire leaves forty families homeless in Russey Keo",
            },
        )
        self.assertIn(
            "flood.txt: could not be imported: disk full. Nothing of it was saved",
            errors.getvalue(),
        )
        self.assertIn("Imported fire.txt as a draft", output.getvalue())
        self.assertFalse(Photograph.objects.exists())
        self.assertEqual(stored_names(), set())
        self.assertIn("Traceback", logged.output[0])
        self.assertIn("flood.txt", logged.output[0])

    def test_a_picture_that_is_no_file_waits_as_a_photo_needed(self):
        """A dangling link or a folder named like a picture is no picture: the slot waits."""
        good = self.write("market.txt", QUIET)
        story = self.write("flood.txt", WITH_PHOTOS)
        # A dangling link: listed beside the story, but nothing can be read from it.
        (self.folder / "flood-1.jpg").symlink_to(self.folder / "gone.jpg")
        (self.folder / "flood-2.jpg").mkdir()
        market, flood = import_story_files(paths=[good, story])
        self.assertTrue(market.ok)
        self.assertTrue(flood.ok, flood.error)
        self.assertEqual(flood.photos_needed, 2)


class FinderFailureTests(TestCase):
    def test_a_story_whose_first_quote_has_no_speaker_yet(self):
        """A quote before anyone is named neither stops the import nor loses a quote."""
        result = import_story(data=SHE_SAID_FIRST.encode(), name="fire.txt")
        self.assertTrue(result.ok, result.error)
        self.assertEqual(
            list(result.article.quotes.values_list("text", flat=True)),
            ["I lost everything", "We ran out with the children and nothing else"],
        )

    def test_a_finder_failure_leaves_the_quotes_unattributed_with_a_note(self):
        """
        Whatever the finder trips on, the story is imported, its quotes
        recorded without a speaker and a note saying so. The finder is made
        to fail here: the real input that crashed it is fixed, and this pins
        what happens with the next one nobody has found yet.
        """
        with (
            mock.patch("quotes.attribution.analyze", side_effect=AttributeError("label")),
            self.assertLogs("quotes.services", "ERROR"),
        ):
            result = import_story(data=SHE_SAID_FIRST.encode(), name="fire.txt")
        self.assertTrue(result.ok, result.error)
        quotes = list(Quote.objects.filter(article=result.article))
        self.assertEqual(len(quotes), 2)
        for quote in quotes:
            self.assertIsNone(quote.speaker)
            self.assertFalse(quote.is_confirmed)
            self.assertIn("could not attribute", quote.attribution_note)
        self.assertIn("could not attribute", result.notes[0])
        self.assertEqual(Revision.objects.filter(article=result.article).count(), 1)


class SentAgainTests(FolderMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk-editor", role="Editors")
        cls.journalist = make_journalist("field-reporter", name="Phan Nimol")

    def upload(self, text, name="market.txt", **data):
        sign_in(self.client, self.journalist)
        files = [SimpleUploadedFile(name, text.encode(), "text/plain")]
        return self.client.post(IMPORT_URL, {"files": files, **data})

    def test_the_same_file_again_is_skipped_and_named(self):
        """A story imported before is skipped by default, with a link to the one there is."""
        self.upload(QUIET)
        article = Article.objects.get()
        response = self.upload(QUIET, name="market-copy.txt")
        self.assertEqual(Article.objects.count(), 1)
        self.assertContains(response, "market-copy.txt was imported before, as")
        self.assertContains(response, reverse("admin:articles_article_change", args=[article.pk]))
        self.assertContains(response, "If a story was imported before")

    def test_a_story_sent_again_after_edits_updates_it(self):
        """Choosing “update it” brings in the new text: the same story, a new revision."""
        self.upload(QUIET)
        article = Article.objects.get()
        response = self.upload(LATER, if_imported="update")
        self.assertContains(response, "imported before, now updated")
        article.refresh_from_db()
        self.assertEqual(Article.objects.count(), 1)
        self.assertIn("complaints from vendors", article.body)
        self.assertEqual(article.status, Article.Status.DRAFT)
        self.assertEqual(article.bylines.count(), 1)
        self.assertEqual(
            article.revisions.order_by("-number").first().note, "Updated from market.txt."
        )

    def test_a_published_story_changes_only_by_an_editors_import(self):
        """What readers see changes only by an editor's import, which approves the new text."""
        self.upload(QUIET)
        article = Article.objects.get()
        now = timezone.now()
        record_move(
            article=lock_story(article),
            user=self.editor,
            to=Article.Status.PUBLISHED,
            changes={"published_at": now, "approved_by": self.editor, "approved_at": now},
        )
        path = self.write("market.txt", LATER)
        (refused,) = import_story_files(paths=[path], user=self.journalist, if_imported="update")
        self.assertFalse(refused.ok)
        self.assertIn("only an editor's import may change it", refused.error)
        article.refresh_from_db()
        self.assertNotIn("complaints", article.body)
        output = io.StringIO()
        call_command("import_article", str(path), "--update", user="desk-editor", stdout=output)
        self.assertIn("Updated “Council approves new market hours”", output.getvalue())
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.PUBLISHED)
        self.assertEqual(article.approved_by, self.editor)
        self.assertIn("complaints from vendors", article.approved_revision.content["body"])

    def test_the_command_skips_by_default_and_says_how_to_update(self):
        """The command leaves a story imported before as it is, and says so."""
        path = self.write("market.txt", QUIET)
        call_command("import_article", str(path), stdout=io.StringIO())
        output = io.StringIO()
        call_command("import_article", str(path), stdout=output)
        self.assertIn("Skipped market.txt: imported before as", output.getvalue())
        self.assertIn("--update", output.getvalue())
        self.assertEqual(Article.objects.count(), 1)
