"""The workspace's story import, “Find quotes”, photos needed and sources dashboard."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticlePhoto
from importing.models import PhotoNeeded
from media.models import Photograph
from people.models import Organization
from quotes.models import Quote
from quotes.sources import source_report
from tests.support.factories import (
    image_upload,
    make_affiliation,
    make_article,
    make_organization,
    make_person,
    make_photo_needed,
    make_published_article,
    make_quote,
    make_section,
    make_user,
)
from tests.support.staff import sign_in
from tests.support.stories import story_path

IMPORT_URL = reverse("admin:articles_article_import")
SOURCES_URL = reverse("admin:quotes_quote_sources")


def story_upload(name="01-land-eviction.txt", as_name=None):
    return SimpleUploadedFile(as_name or name, story_path(name).read_bytes(), "text/plain")


class ImportPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk-editor", role="Editors")
        cls.journalist = make_user("field-reporter", role="Journalists")
        cls.reporter = make_person("Phan Nimol", user=cls.journalist)
        cls.stranger = make_user("no-profile", role="Journalists")

    def test_journalist_imports_stories_with_pictures(self):
        """A journalist's upload becomes drafts on their byline, pictures in their slots."""
        sign_in(self.client, self.journalist)
        response = self.client.post(
            IMPORT_URL,
            {
                "files": [
                    story_upload(as_name="eviction.txt"),
                    image_upload("eviction-2.jpg"),
                    image_upload("holiday.jpg"),
                    SimpleUploadedFile("empty.txt", b"", "text/plain"),
                ]
            },
        )
        self.assertEqual(response.status_code, 200)
        article = Article.objects.get()
        self.assertEqual(list(article.bylines.values_list("person", flat=True)), [self.reporter.pk])
        self.assertEqual(ArticlePhoto.objects.get(article=article).position, 2)
        self.assertEqual(PhotoNeeded.objects.get(article=article).position, 1)
        self.assertEqual(Photograph.objects.get().uploaded_by, self.journalist)
        self.assertContains(response, reverse("admin:articles_article_change", args=[article.pk]))
        self.assertContains(response, "empty.txt is empty.")
        self.assertContains(response, "holiday.jpg")
        self.assertTrue(article.quotes.exists())

    def test_login_without_a_byline_cannot_import(self):
        """A journalist login with no staff profile has no byline to import under."""
        sign_in(self.client, self.stranger)
        self.assertEqual(self.client.get(IMPORT_URL).status_code, 403)

    def test_story_list_links_to_the_import_page(self):
        """The story list offers the import page."""
        sign_in(self.client, self.editor)
        response = self.client.get(reverse("admin:articles_article_changelist"))
        self.assertContains(response, IMPORT_URL)
        self.assertEqual(self.client.get(IMPORT_URL).status_code, 200)


class FindQuotesActionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.journalist = make_user("quote-reporter", role="Journalists")
        cls.reporter = make_person("Vann Piseth", user=cls.journalist)
        body = "“We will not leave,” said Ny Sokha, a farmer.\n\n“Never,” she added."
        cls.own = make_article("Own story", bylines=[cls.reporter], body=body)
        cls.other = make_article("Someone else's story", body=body)

    def test_find_quotes_on_own_story_only(self):
        """“Find quotes” records the quotes of the stories the user may change."""
        sign_in(self.client, self.journalist)
        response = self.client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "find_quotes", "_selected_action": [self.own.pk, self.other.pk]},
            follow=True,
        )
        self.assertContains(response, "Quotes found in 1 story: 2.")
        self.assertEqual(
            list(self.own.quotes.values_list("speaker__name", flat=True)), ["Ny Sokha"] * 2
        )
        self.assertFalse(self.other.quotes.exists())


class PhotoNeededAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.journalist = make_user("photo-reporter", role="Journalists")
        cls.reporter = make_person("Long Narin", user=cls.journalist)
        cls.article = make_article("Imported story", bylines=[cls.reporter])
        cls.slot = make_photo_needed(
            cls.article,
            position=2,
            alt_text="Relatives wait at a prison gate.",
            photographer=cls.reporter,
            date_taken=datetime.date(2025, 6, 2),
            place="Phnom Penh",
        )
        cls.lead = make_photo_needed(cls.article, lead=True, alt_text="A prison gate.")
        cls.others = make_photo_needed(make_article("Not theirs"), position=1)

    def change(self, slot):
        return reverse("admin:importing_photoneeded_change", args=[slot.pk])

    def post_picture(self, slot, **data):
        fields = {
            "caption": slot.caption,
            "alt_text": slot.alt_text,
            "credit_agency": slot.credit_agency,
            "photographer": slot.photographer_id or "",
            "date_taken": slot.date_taken or "",
            "place": slot.place,
            "image": image_upload(),
            **data,
        }
        return self.client.post(self.change(slot), fields)

    def test_attaching_the_picture_places_it(self):
        """The picture goes into the library with the slot's caption and credit, in its place."""
        sign_in(self.client, self.journalist)
        response = self.post_picture(self.slot)
        self.assertRedirects(
            response, reverse("admin:articles_article_change", args=[self.article.pk])
        )
        placed = ArticlePhoto.objects.get(article=self.article)
        self.assertEqual(placed.position, 2)
        self.assertEqual(placed.photograph.caption, self.slot.caption)
        self.assertEqual(placed.photograph.credit, "CamboJA/ Long Narin")
        self.assertEqual(placed.photograph.place, "Phnom Penh")
        self.assertFalse(PhotoNeeded.objects.filter(pk=self.slot.pk).exists())

    def test_attaching_the_lead_photo(self):
        """A lead photo slot's picture becomes the story's lead photo."""
        sign_in(self.client, self.journalist)
        self.post_picture(self.lead)
        self.article.refresh_from_db()
        self.assertEqual(self.article.lead_photo.alt_text, "A prison gate.")

    def test_a_picture_needs_alt_text(self):
        """A picture is refused without alt text, and the slot stays."""
        sign_in(self.client, self.journalist)
        response = self.post_picture(self.slot, alt_text="")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Photograph.objects.exists())

    def test_journalists_see_their_own_stories_slots_only(self):
        """The list of photos needed is scoped to the stories the user can see."""
        sign_in(self.client, self.journalist)
        response = self.client.get(reverse("admin:importing_photoneeded_changelist"))
        self.assertContains(response, "Imported story")
        self.assertNotContains(response, "Not theirs")
        self.assertEqual(self.client.get(self.change(self.others)).status_code, 302)


class ProvenanceNoteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("fact-checker", role="Editors")
        cls.article = make_published_article("Minister speaks", body="Words.")
        cls.quote = make_quote(
            cls.article,
            text="We will review the rules",
            provenance_note="Phone call, recording 2025-06-02 at 14:05, notebook 3 p. 12",
        )

    def test_staff_see_the_provenance_note(self):
        """The provenance note is on the quote's workspace page."""
        sign_in(self.client, self.editor)
        response = self.client.get(reverse("admin:quotes_quote_change", args=[self.quote.pk]))
        self.assertContains(response, "recording 2025-06-02 at 14:05")

    def test_readers_never_see_it(self):
        """The story page readers see never carries the provenance note."""
        response = self.client.get(self.article.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "recording 2025-06-02")


class SourcesDashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("sources-editor", role="Editors")
        cls.journalist = make_user("sources-reporter", role="Journalists")
        politics = make_section("Politics")
        ministry = make_organization("Ministry of Justice", kind=Organization.Kind.MINISTRY)
        ngo = make_organization("Rights Centre", kind=Organization.Kind.NGO)
        official = make_person("Kem Vuthy", gender="m", home_province="phnom-penh")
        make_affiliation(official, ministry, title="spokesman")
        advocate = make_person("Chea Sokha", gender="f", home_province="takeo")
        make_affiliation(advocate, ngo, title="director", end_date=datetime.date(2020, 1, 1))
        farmer = make_person("Meas Sokha", gender="m", home_province="kampong-speu")
        june = timezone.make_aware(datetime.datetime(2025, 6, 10, 9, 0))
        story = make_published_article("Rules", section=politics, published_at=june)
        make_quote(story, speaker=official)
        make_quote(story, speaker=official)
        make_quote(story, speaker=advocate)  # Her NGO role ended before the story.
        make_quote(story, speaker=farmer)
        make_quote(story, anonymous_description="a villager who asked not to be named")
        draft = make_article("Draft", section=politics)
        make_quote(draft, speaker=advocate)

    def test_counts_from_the_quotes_of_published_stories(self):
        """Quotes count by gender, kind of voice, province, section and month, and person."""
        report = source_report(quotes=Quote.objects.filter(article__in=Article.objects.published()))
        self.assertEqual(report.total, 5)
        genders = {row.label: row.count for row in report.by_gender}
        self.assertEqual(genders, {"Woman": 1, "Man": 3, "Unnamed sources": 1})
        voices = {row.label: row.count for row in report.by_voice}
        self.assertEqual(voices["Government and courts"], 2)
        self.assertEqual(voices["Ordinary residents (no organization)"], 2)
        self.assertEqual(voices["Unnamed sources"], 1)
        provinces = {row.label: row.count for row in report.by_province}
        self.assertEqual(provinces["Phnom Penh"], 2)
        (month,) = report.by_section_month
        self.assertEqual((month.month, month.section), (datetime.date(2025, 6, 1), "Politics"))
        self.assertEqual((month.quotes, month.women, month.men, month.women_share), (5, 1, 3, 25))
        top = report.most_quoted[0]
        self.assertEqual((top.person.name, top.quotes, top.stories), ("Kem Vuthy", 2, 1))

    def test_editors_open_the_dashboard(self):
        """Editors see the dashboard, linked from the quote list; filters count drafts too."""
        sign_in(self.client, self.editor)
        self.assertContains(self.client.get(reverse("admin:quotes_quote_changelist")), SOURCES_URL)
        response = self.client.get(SOURCES_URL)
        self.assertContains(response, "5 quotes counted.")
        self.assertContains(response, "Kem Vuthy")
        response = self.client.get(SOURCES_URL, {"stories": "all"})
        self.assertContains(response, "6 quotes counted.")
        response = self.client.get(SOURCES_URL, {"start": "2025-07-01"})
        self.assertContains(response, "0 quotes counted.")

    def test_journalists_cannot(self):
        """The dashboard is for editors."""
        sign_in(self.client, self.journalist)
        self.assertEqual(self.client.get(SOURCES_URL).status_code, 403)
