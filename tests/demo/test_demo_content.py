import io
import os
from unittest import mock

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import Count, Max
from django.test import Client, TestCase
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import ExifTags, Image

from articles import body
from articles.models import (
    Article,
    ArticlePhoto,
    ArticleStatus,
    Byline,
    Language,
    LiveCoverage,
    Section,
    Topic,
)
from demo.build import DemoNewsroom
from demo.pictures import render_photo
from demo.seeds import DEMO_TOTP_SECRET
from media.models import Photograph
from media.services import create_photograph
from people.models import Affiliation, Organization, Person, PersonAlias
from quotes.models import Quote
from tests.support.factories import make_article, make_user
from tests.support.media import IsolatedMedia, stored_names
from workflow import live

PASSWORD = "test-demo-password"
KHMER = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def demo_content(password=PASSWORD):
    """Run the command with ``password`` in DEMO_PASSWORD; return what it printed."""
    output = io.StringIO()
    with mock.patch.dict(os.environ, {"DEMO_PASSWORD": password}):
        call_command("demo_content", stdout=output)
    return output.getvalue()


def snapshot():
    """Enough of the database to notice any row made, removed or saved again."""
    models = [
        User,
        Person,
        PersonAlias,
        Affiliation,
        Organization,
        Section,
        Topic,
        Photograph,
        Article,
        ArticlePhoto,
        Byline,
        Quote,
    ]
    state = {model.__name__: model.objects.count() for model in models}
    state["passwords"] = sorted(User.objects.values_list("username", "password"))
    for model in (Person, Photograph, Article):
        state[f"{model.__name__} saved"] = model.objects.aggregate(Max("updated_at"))
    return state


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = demo_content()
        cls.stories = list(
            Article.objects.prefetch_related("quotes", "placed_photos").order_by("pk")
        )

    def test_promised_counts(self):
        """The demo holds 6 sections, 12 organizations, 40 people besides staff, 30 stories
        and 60 photos."""
        self.assertEqual(Section.objects.count(), 6)
        self.assertEqual(Organization.objects.count(), 12)
        self.assertEqual(Person.objects.filter(user=None).count(), 40)
        self.assertEqual(len(self.stories), 30)
        self.assertEqual(Photograph.objects.count(), 60)
        self.assertLessEqual(
            {"ngo", "party", "ministry", "court", "company", "media", "union"},
            set(Organization.objects.values_list("kind", flat=True)),
        )

    def test_every_status_present(self):
        """Stories exist in every workflow state."""
        self.assertEqual({story.status for story in self.stories}, set(ArticleStatus.values))

    def test_published_stories_have_past_times_but_one_is_scheduled(self):
        """Published stories have a publish time; one of them is scheduled in the future
        and readers do not see it yet."""
        published = [story for story in self.stories if story.status == ArticleStatus.PUBLISHED]
        scheduled = [story for story in published if story.published_at > timezone.now()]
        self.assertEqual(len(scheduled), 1)
        self.assertNotIn(scheduled[0], Article.objects.published())
        self.assertEqual(Article.objects.published().count(), len(published) - 1)

    def test_khmer_stories_and_translations(self):
        """Some stories are in Khmer; some of those translate an English story."""
        khmer = [story for story in self.stories if story.language == Language.KHMER]
        self.assertGreaterEqual(len(khmer), 5)
        translations = [story for story in khmer if story.translation_of_id]
        self.assertGreaterEqual(len(translations), 2)
        for story in translations:
            self.assertEqual(story.translation_of.language, Language.ENGLISH)
            self.assertEqual(story.quotes.count(), story.translation_of.quotes.count())

    def test_every_story_has_3_to_25_quotes_numbered_in_order(self):
        """Every story quotes 3 to 25 times, numbered 1, 2, 3… in reading order."""
        for story in self.stories:
            positions = [quote.position for quote in story.quotes.all()]
            with self.subTest(story=story.headline):
                self.assertGreaterEqual(len(positions), 3)
                self.assertLessEqual(len(positions), 25)
                self.assertEqual(positions, list(range(1, len(positions) + 1)))
        self.assertIn(25, [story.quotes.count() for story in self.stories])

    def test_quotes_stand_in_the_paragraph_they_name(self):
        """Each quote of a story's text appears, in curly quotes, in the paragraph it names."""
        for story in self.stories:
            paragraphs = body.paragraphs(story.body)
            for quote in story.quotes.all():
                if quote.live_update_id:
                    continue  # Said in a live update: see test_a_live_story_goes_on.
                with self.subTest(story=story.headline, quote=quote.position):
                    self.assertIn(f"“{quote.text}", paragraphs[quote.paragraph - 1])

    def test_a_live_story_goes_on(self):
        """A featured story and its translation are live: key points, 6+ updates, quotes."""
        covered = LiveCoverage.objects.select_related("article")
        self.assertEqual({c.article.language for c in covered}, {"en", "km"})
        for coverage in covered:
            with self.subTest(language=coverage.article.language):
                self.assertTrue(coverage.is_ongoing())
                self.assertGreaterEqual(len(coverage.key_point_list()), 2)
                self.assertTrue(coverage.article.is_live())
                updates = coverage.article.live_updates.shown()
                self.assertGreaterEqual(updates.count(), 6)
                self.assertTrue(all(update.posted_at <= timezone.now() for update in updates))
                self.assertGreaterEqual(
                    Quote.objects.filter(live_update__article=coverage.article).count(), 1
                )
        english = covered.get(article__language="en").article
        page = self.client.get(english.get_absolute_url()).content.decode()
        self.assertIn("live__badge", page)
        self.assertIn("We are not asking for promises", page)
        # The demo journalists who posted may post more from the live desk.
        journalist = User.objects.get(username="journalist")
        self.assertIn(journalist, covered.get(article__language="en").reporters.all())
        self.assertTrue(live.may_use_desk(journalist, english.live_coverage))

    def test_some_quotes_are_anonymous(self):
        """Some sources are described rather than named, and never both."""
        anonymous = Quote.objects.filter(speaker=None)
        self.assertTrue(anonymous.exists())
        self.assertFalse(anonymous.filter(anonymous_description="").exists())
        self.assertFalse(Quote.objects.exclude(speaker=None).exclude(anonymous_description=""))

    def test_speakers_introduced_once_with_name_and_role(self):
        """A named speaker is introduced once, with full name and role as written."""
        for story in self.stories:
            if story.language != Language.ENGLISH:
                continue
            for quote in story.quotes.all():
                if quote.speaker_id:
                    introduction = f"{quote.speaker.name}, {quote.speaker_role}"
                    with self.subTest(story=story.headline, quote=quote.position):
                        self.assertEqual(story.body.count(introduction), 1)

    def test_later_references_use_the_short_name(self):
        """After the first reference, a speaker is named by the short name alone."""
        story = Article.objects.get(
            slug="court-delays-verdict-in-trial-of-youth-activist-prum-seyha"
        )
        self.assertRegex(story.body, r"(said Davy|Davy (said|added))")

    def test_two_people_share_a_short_name(self):
        """Two different people share a short name, and a story quoting both keeps their
        full names apart."""
        shared = (
            Person.objects.values("short_name")
            .annotate(people=Count("pk"))
            .filter(people__gt=1)
            .values_list("short_name", flat=True)
        )
        self.assertIn("Sokha", shared)
        story = Article.objects.get(
            slug="rights-group-records-rise-in-threats-against-land-defenders"
        )
        speakers = {quote.speaker.name for quote in story.quotes.exclude(speaker=None)}
        self.assertLessEqual({"Chea Sokha", "Meas Sokha"}, speakers)
        self.assertNotRegex(story.body, r"said Sokha\b|(?<!Chea )(?<!Meas )\bSokha (said|added)")

    def test_photos_placed_and_pull_quotes_marked(self):
        """Every story has a lead photo and 2 to 4 photos in its body, each placed with a
        [photo N] line; every pull quote has its [quote N] line."""
        for story in self.stories:
            markers = body.markers(story.body)
            placed = [photo.position for photo in story.placed_photos.all()]
            pulls = [quote.position for quote in story.quotes.all() if quote.is_pull_quote]
            expected = {("photo", n) for n in placed} | {("quote", n) for n in pulls}
            with self.subTest(story=story.headline):
                self.assertIsNotNone(story.lead_photo_id)
                self.assertTrue(2 <= len(placed) <= 4)
                self.assertEqual(markers, expected)
        self.assertTrue(Quote.objects.filter(is_pull_quote=True).exists())

    def test_captions_and_credits(self):
        """Captions say when, with the date taken; credits read “Agency/ Photographer”."""
        for photo in Photograph.objects.select_related("photographer"):
            year = str(photo.date_taken.year)
            with self.subTest(photo=photo.pk):
                self.assertTrue(year in photo.caption or year.translate(KHMER) in photo.caption)
                self.assertTrue(photo.place)
                self.assertRegex(photo.credit, r"^[^/]+/ \S")
                self.assertEqual((photo.width, photo.height), tuple(settings.DEMO_PICTURE_SIZE))

    def test_photos_have_renditions_and_show_as_pictures(self):
        """Every photo, however small it was drawn, has renditions, so a story shows its
        photos as <picture> elements."""
        for photo in Photograph.objects.all():
            with self.subTest(photo=photo.pk):
                self.assertTrue(photo.rendition_list(image_format="jpeg"))
                self.assertTrue(photo.rendition_list(image_format="webp"))
        story = Article.objects.published().filter(language=Language.ENGLISH).first()
        response = self.client.get(story.get_absolute_url())
        self.assertContains(response, "<picture>")

    def test_pictures_are_drawn_at_the_size_asked(self):
        """A picture is drawn 1200 × 800 unless another size is asked for."""
        for size in [None, (240, 160), (90, 60)]:
            options = {"size": size} if size else {}
            with (
                self.subTest(size=size),
                Image.open(io.BytesIO(render_photo("crowd", seed=1, **options))) as image,
            ):
                self.assertEqual(image.size, size or (1200, 800))

    def test_stored_photos_have_no_exif(self):
        """The generated pictures carry camera and GPS metadata; none of it is stored."""
        with Image.open(io.BytesIO(render_photo("fields", seed=1))) as generated:
            self.assertIn(ExifTags.IFD.GPSInfo, generated.getexif())
        for photo in Photograph.objects.all():
            with (
                self.subTest(photo=photo.pk),
                photo.image.open("rb") as stored,
                Image.open(stored) as image,
            ):
                self.assertEqual(dict(image.getexif()), {})
                self.assertNotIn("exif", image.info)

    def test_people_have_khmer_names_aliases_and_affiliations(self):
        """People carry Khmer names, aliases, past and current roles, and portraits."""
        self.assertGreaterEqual(
            Person.objects.filter(name_km__regex=r"[\u1780-\u17ff]").count(), 35
        )
        self.assertTrue(PersonAlias.objects.exists())
        self.assertTrue(Affiliation.objects.exclude(end_date=None).exists())
        self.assertTrue(Affiliation.objects.exclude(unit="").exists())
        self.assertTrue(Person.objects.exclude(portrait=None).exists())

    def test_logins_and_their_roles(self):
        """admin is a superuser, editor an Editor, journalist and journalist2 Journalists;
        all staff with the password from DEMO_PASSWORD."""
        roles = {
            "admin": None,
            "editor": "Editors",
            "journalist": "Journalists",
            "journalist2": "Journalists",
        }
        for username, group in roles.items():
            user = User.objects.get(username=username)
            with self.subTest(username=username):
                self.assertTrue(user.is_staff)
                self.assertTrue(user.check_password(PASSWORD))
                if group:
                    self.assertEqual(list(user.groups.values_list("name", flat=True)), [group])
                else:
                    self.assertTrue(user.is_superuser)

    def test_staff_are_people_with_bylines(self):
        """The editor and journalists are people too, and they write the stories."""
        for username in ("editor", "journalist", "journalist2"):
            person = Person.objects.get(user__username=username)
            with self.subTest(username=username):
                self.assertTrue(person.bylines.exists())

    def test_output_lists_the_logins(self):
        """The command prints the counts, then each login with its password."""
        self.assertIn("30 stories", self.output)
        for username in ("admin", "editor", "journalist", "journalist2"):
            self.assertRegex(self.output, rf"\n  {username} +\S+ +{PASSWORD}\n")

    def test_the_editor_and_admin_sign_in_with_the_demo_key(self):
        """The printed key and ``--code`` get a newcomer past the second-factor step."""
        self.assertIn(DEMO_TOTP_SECRET, self.output)
        self.assertFalse(TOTPDevice.objects.filter(user__username__startswith="journalist"))
        for username in ("admin", "editor"):
            with self.subTest(username=username):
                client = Client()
                client.post("/admin/login/", {"username": username, "password": PASSWORD})
                self.assertTrue(client.get("/admin/").url.startswith("/admin/second-factor/"))
                code = io.StringIO()
                call_command("demo_content", "--code", stdout=code)
                response = client.post(
                    "/admin/second-factor/verify/", {"code": code.getvalue().strip()}
                )
                self.assertRedirects(response, "/admin/")

    def test_second_run_changes_nothing(self):
        """Running the command again creates and changes nothing, and prints the logins."""
        before = snapshot()
        output = demo_content()
        self.assertEqual(snapshot(), before)
        self.assertIn("no demo content was added", output)
        self.assertRegex(output, rf"\n  journalist2 +Journalists +{PASSWORD}\n")


class DemoContentBesideExistingDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_article("A story written before the demo")
        cls.editor = make_user("editor", role="Editors", password="chosen by the editor")

    def test_existing_archive_gets_logins_but_no_demo_stories(self):
        """With stories already in the archive, only the missing logins are made."""
        output = demo_content()
        self.assertEqual(list(Article.objects.all()), [self.story])
        self.assertFalse(Photograph.objects.exists())
        self.assertTrue(User.objects.get(username="journalist").check_password(PASSWORD))
        self.assertIn("(existing password kept)", output)

    def test_existing_login_keeps_its_password(self):
        """A login that exists keeps its password; DEMO_PASSWORD does not overwrite it."""
        demo_content()
        self.editor.refresh_from_db()
        self.assertTrue(self.editor.check_password("chosen by the editor"))
        self.assertFalse(self.editor.check_password(PASSWORD))


class FailedDemoTests(IsolatedMedia, TestCase):
    def test_a_failed_build_leaves_no_picture_files(self):
        """The rows are rolled back, and every file the pictures wrote goes: renditions too."""
        with (
            mock.patch("demo.build.create_photograph", wraps=create_photograph) as created,
            mock.patch.object(DemoNewsroom, "make_story", side_effect=RuntimeError("halfway")),
            self.assertRaisesMessage(RuntimeError, "halfway"),
        ):
            demo_content()
        self.assertGreater(created.call_count, 0)
        self.assertFalse(Photograph.objects.exists())
        self.assertEqual(stored_names(), set())
