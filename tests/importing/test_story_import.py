"""Importing plain-text stories: the format, the photos, refused files, the command."""

import datetime
import importlib
import io
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.apps import apps as django_apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import SimpleTestCase, TestCase
from django.utils import timezone

from articles.models import Article, ArticlePhoto
from importing.models import PhotoNeeded
from importing.services import import_story, import_story_files
from importing.story_format import escape_markdown, parse_caption, parse_story, photo_number
from media.models import Photograph
from people.models import Person
from tests.support.factories import (
    image_bytes,
    image_upload,
    make_person,
    make_photograph,
    make_user,
)
from tests.support.stories import story_path

STORY = """Newsroom

Court hears land case

Ny Sokha, a farmer, said: “We will not leave.”

Ny Sokha speaks in Phnom Penh, July 7, 2021. CamboJA/ Vann Piseth
Ny Sokha speaks in Phnom Penh, July 7, 2021. CamboJA/ Vann Piseth

“We were here first,” she added.
"""


def uploaded_files():
    """Names of the files in the upload storage."""
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()}


class FormatTests(SimpleTestCase):
    def test_publication_headline_and_blocks(self):
        """The first line is the publication, the next the headline, then blocks."""
        story = parse_story(STORY)
        self.assertEqual(story.publication, "Newsroom")
        self.assertEqual(story.headline, "Court hears land case")
        self.assertEqual(len(story.paragraphs), 2)
        self.assertEqual(len(story.photos), 1)

    def test_doubled_caption_line_is_one_photo(self):
        """The caption line written twice is one photo slot, credit split in two."""
        photo = parse_story(STORY).photos[0]
        self.assertEqual(photo.caption, "Ny Sokha speaks in Phnom Penh, July 7, 2021.")
        self.assertEqual(photo.alt_text, photo.caption)
        self.assertEqual((photo.credit_agency, photo.photographer), ("CamboJA", "Vann Piseth"))
        self.assertEqual(photo.date_taken, datetime.date(2021, 7, 7))
        self.assertEqual(photo.place, "Phnom Penh")

    def test_doubled_caption_across_a_blank_line(self):
        """The repeated caption line may also stand in a block of its own."""
        line = "Monks walk in Siem Reap, 2 January 2024. AFP/ Tang Chhin Sothy"
        story = parse_story(f"Paper\n\nHeadline\n\n{line}\n\n{line}\n\nA paragraph.")
        self.assertEqual(len(story.photos), 1)
        self.assertEqual(story.photos[0].date_taken, datetime.date(2024, 1, 2))
        self.assertEqual(story.photos[0].place, "Siem Reap")
        self.assertEqual(story.lead_photo(), story.photos[0])

    def test_place_with_a_comma(self):
        """“in Oral district, Kampong Speu province, March 3, 2025” is the place."""
        photo = parse_caption(
            "Ny Sokha stands in her rice field in Oral district, Kampong Speu province, "
            "March 3, 2025. Newsroom/ Vann Dara",
            number=1,
        )
        self.assertEqual(photo.place, "Oral district, Kampong Speu province")
        self.assertEqual(photo.date_taken, datetime.date(2025, 3, 3))

    def test_caption_without_date_or_photographer(self):
        """A caption may lack a date; a credit may name only the agency."""
        photo = parse_caption("A protest outside the court. Supplied/", number=1)
        self.assertEqual((photo.credit_agency, photo.photographer), ("Supplied", ""))
        self.assertIsNone(photo.date_taken)

    def test_dateline(self):
        """`PHNOM PENH — ` opening the first paragraph is the dateline."""
        story = parse_story(story_path("09-partial-quotes.txt").read_text(encoding="utf-8"))
        self.assertEqual(story.dateline, "Phnom Penh")
        self.assertTrue(story.paragraphs[0].startswith("The Phnom Penh Municipal Court"))

    def test_photo_number_of_a_picture(self):
        """`court-2.jpg` is photo 2 of `court.txt`, in any case; other names are none of its."""
        cases = [
            ("court.txt", "court-2.jpg", 2),
            ("court.txt", "COURT-12.PNG", 12),
            ("a+b.txt", "a+b-1.webp", 1),
            ("a+b.txt", "aab-1.webp", None),
            ("court.txt", "courtyard-1.jpg", None),
            ("court.txt", "court-x.jpg", None),
            ("court.txt", "court-2.txt", None),
            ("court.txt", "court-2.gif", None),
        ]
        for story, image, number in cases:
            with self.subTest(image=image):
                self.assertEqual(photo_number(story, image), number)

    def test_plain_text_is_not_read_as_markdown(self):
        """Characters Markdown acts on are escaped, so the words come out as written."""
        self.assertEqual(escape_markdown("# 1 *star* [photo 2]"), r"\# 1 \*star\* \[photo 2\]")
        self.assertEqual(escape_markdown("1. first"), r"\1. first")


class ImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.result = import_story(data=STORY.encode(), name="court.txt")
        cls.article = cls.result.article

    def test_one_draft_per_file(self):
        """A story comes in as a draft, its body in Markdown with a photo marker."""
        self.assertEqual(self.article.status, Article.Status.DRAFT)
        self.assertEqual(self.article.headline, "Court hears land case")
        self.assertEqual(
            self.article.body,
            "Ny Sokha, a farmer, said: “We will not leave.”\n\n[photo 1]\n\n"
            "“We were here first,” she added.",
        )

    def test_photo_without_its_file_is_a_photo_needed(self):
        """A caption whose picture did not come waits as a photo needed, never a stand-in."""
        needed = PhotoNeeded.objects.get(article=self.article)
        self.assertEqual(needed.position, 1)
        self.assertEqual(needed.caption, "Ny Sokha speaks in Phnom Penh, July 7, 2021.")
        self.assertEqual(needed.credit_agency, "CamboJA")
        self.assertEqual(needed.photographer.name, "Vann Piseth")
        self.assertEqual(needed.date_taken, datetime.date(2021, 7, 7))
        self.assertEqual(needed.source_file, "court-1.jpg")
        self.assertFalse(Photograph.objects.exists())
        self.assertEqual((self.result.photos, self.result.photos_needed), (0, 1))

    def test_quotes_found_on_import(self):
        """Import finds the story's quotes."""
        self.assertEqual(
            [(quote.text, quote.speaker.name) for quote in self.article.quotes.all()],
            [("We will not leave", "Ny Sokha"), ("We were here first", "Ny Sokha")],
        )

    def test_photographer_matches_a_known_person(self):
        """A photographer already in the database is not made twice."""
        before = Person.objects.filter(name="Vann Piseth").count()
        import_story(data=STORY.encode(), name="again.txt")
        self.assertEqual(Person.objects.filter(name="Vann Piseth").count(), before)


class PhotographerCreditTests(TestCase):
    """A photographer is credited on the photo, never listed among the people a story names."""

    @classmethod
    def setUpTestData(cls):
        images = {1: image_upload("court-1.jpg")}
        cls.article = import_story(data=STORY.encode(), name="court.txt", images=images).article
        cls.article.status = Article.Status.PUBLISHED
        cls.article.published_at = timezone.now() - datetime.timedelta(hours=1)
        cls.article.approved_by = make_user("desk", role="Editors")
        cls.article.approved_at = cls.article.published_at
        cls.article.save()

    def test_the_photographer_is_not_a_person_named(self):
        photograph = self.article.placed_photos.get().photograph
        self.assertEqual(photograph.photographer.name, "Vann Piseth")
        self.assertEqual([person.name for person in self.article.people.all()], ["Ny Sokha"])

    def test_the_story_page_credits_without_naming(self):
        """“People in this story” lists the speaker; the photographer stands in the credit."""
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        people = page.split('class="people-in-story"', 1)[1].split("</section>", 1)[0]
        self.assertIn("Ny Sokha", people)
        self.assertNotIn("Vann Piseth", people)
        self.assertIn("Vann Piseth", page)

    def test_stories_imported_before_lose_the_photographer(self):
        """
        The migration takes a photographer off a story imported before, unless
        the story quotes or names them too.
        """
        photographer = self.article.placed_photos.get().photograph.photographer
        named_photographer = make_person("Keo Dara")
        self.article.body += "\n\nKeo Dara took the pictures."
        self.article.save()
        self.article.placed_photos.create(
            photograph=make_photograph(photographer=named_photographer), position=2
        )
        self.article.people.add(photographer, named_photographer)
        migration = importlib.import_module(
            "importing.migrations.0003_photographers_are_not_people_named"
        )
        migration.unname_photographers(django_apps, None)
        self.assertEqual(
            sorted(person.name for person in self.article.people.all()), ["Keo Dara", "Ny Sokha"]
        )


class RefusedFileTests(TestCase):
    def test_refusals_say_why(self):
        """Empty, binary, non-UTF-8 and headline-less files are refused with a reason."""
        cases = [
            (b"", "empty.txt is empty."),
            (b"  \n\n \n", "blank.txt is empty."),
            (image_bytes("PNG"), "photo.txt is a binary file"),
            ("Newsroom\n\nCafé au lait\n".encode("latin-1"), "latin.txt is not UTF-8 text"),
            (b"Newsroom\n\n\n", "no-headline.txt has no headline"),
            ("Newsroom\n\nHeadline\n".encode("utf-16"), "wide.txt is UTF-16 text, not UTF-8"),
        ]
        names = ["empty.txt", "blank.txt", "photo.txt", "latin.txt", "no-headline.txt", "wide.txt"]
        for (data, message), name in zip(cases, names, strict=True):
            with self.subTest(name=name):
                result = import_story(data=data, name=name)
                self.assertFalse(result.ok)
                self.assertIn(message, result.error)
        self.assertFalse(Article.objects.exists())


class StoryFilesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_user("reporter", role="Journalists")
        cls.person = make_person("Phan Nimol", user=cls.user)

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-stories-"))
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)

    def copy(self, name, as_name=None):
        target = self.folder / (as_name or name)
        shutil.copy(story_path(name), target)
        return target

    def test_images_beside_the_file_fill_its_photo_slots(self):
        """`story-1.jpg` beside `story.txt` is its first caption's photo, metadata and all."""
        path = self.copy("01-land-eviction.txt", "eviction.txt")
        (self.folder / "eviction-1.jpg").write_bytes(image_bytes())
        (result,) = import_story_files(paths=[path], user=self.user)
        self.assertTrue(result.ok, result.error)
        placed = ArticlePhoto.objects.select_related("photograph__photographer").get(
            article=result.article
        )
        self.assertEqual(placed.position, 1)
        photograph = placed.photograph
        self.assertEqual(photograph.photographer.name, "Vann Dara")
        self.assertEqual(photograph.credit, "Newsroom/ Vann Dara")
        self.assertEqual(photograph.place, "Oral district, Kampong Speu province")
        self.assertEqual(photograph.uploaded_by, self.user)
        self.assertEqual(PhotoNeeded.objects.get(article=result.article).position, 2)

    def test_each_folder_is_listed_once(self):
        """Stories in one folder share one listing of it, and each takes its own pictures."""
        paths = [self.copy("01-land-eviction.txt", "first.txt")]
        paths.append(self.copy("04-ministry-response.txt", "second.txt"))
        (self.folder / "first-2.jpg").write_bytes(image_bytes())
        (self.folder / "second-1.jpg").write_bytes(image_bytes())
        with mock.patch.object(Path, "iterdir", autospec=True, side_effect=Path.iterdir) as listed:
            first, second = import_story_files(paths=paths)
        self.assertEqual(listed.call_count, 1)
        self.assertEqual(first.article.placed_photos.get().position, 2)
        self.assertEqual(second.article.placed_photos.get().position, 1)

    def test_caption_before_the_first_paragraph_is_the_lead_photo(self):
        """A photo above the story is its lead photo, not placed in the body."""
        path = self.folder / "lead.txt"
        line = "Monks walk in Siem Reap, January 2, 2024. AFP/ Tang Sothy"
        path.write_text(f"Paper\n\nHeadline\n\n{line}\n{line}\n\nA paragraph.\n", encoding="utf-8")
        (self.folder / "lead-1.png").write_bytes(image_bytes("PNG"))
        (result,) = import_story_files(paths=[path])
        self.assertEqual(
            result.article.lead_photo.caption, "Monks walk in Siem Reap, January 2, 2024."
        )
        self.assertEqual(result.article.body, "A paragraph.")

    def test_batch_imports_the_good_files_and_names_the_bad(self):
        """A batch imports each good file and reports each bad one with its reason."""
        good = [self.copy("02-two-sokhas.txt"), self.copy("06-anonymous-sources.txt")]
        empty = self.folder / "empty.txt"
        empty.write_bytes(b"")
        output, errors = io.StringIO(), io.StringIO()
        with self.assertRaisesMessage(CommandError, "2 of 4 files were not imported"):
            call_command(
                "import_article",
                str(good[0]),
                str(empty),
                str(good[1]),
                str(self.folder / "missing.txt"),
                user="reporter",
                stdout=output,
                stderr=errors,
            )
        self.assertEqual(Article.objects.count(), 2)
        self.assertIn("Imported 02-two-sokhas.txt as a draft", output.getvalue())
        self.assertIn("empty.txt is empty.", errors.getvalue())
        self.assertIn("missing.txt", errors.getvalue())
        self.assertEqual(
            set(Article.objects.values_list("bylines__person", flat=True)), {self.person.pk}
        )

    def test_nothing_half_imported(self):
        """A story whose photo is broken is not imported at all, and leaves no file behind."""
        path = self.copy("01-land-eviction.txt", "broken.txt")
        (self.folder / "broken-1.jpg").write_bytes(image_bytes())
        (self.folder / "broken-2.jpg").write_bytes(b"this is not a JPEG")
        files_before = uploaded_files()
        (result,) = import_story_files(paths=[path])
        self.assertFalse(result.ok)
        self.assertIn("photo 2", result.error)
        self.assertFalse(Article.objects.exists())
        self.assertFalse(Photograph.objects.exists())
        self.assertFalse(Person.objects.exclude(pk=self.person.pk).exists())
        self.assertEqual(uploaded_files(), files_before)

    def test_unknown_user(self):
        """Naming a login that does not exist stops the command before anything is read."""
        with self.assertRaisesMessage(CommandError, "There is no login called 'nobody'"):
            call_command("import_article", "x.txt", user="nobody", stdout=io.StringIO())
