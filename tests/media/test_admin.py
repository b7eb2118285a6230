"""The photo desk in the admin: upload, changelist, filters, bulk credit, usage and deletion."""

import datetime

from django.contrib.admin.models import LogEntry
from django.test import TestCase

from articles.models import Article
from media.models import Photograph
from media.services import withdraw_photograph
from tests.support import samples
from tests.support.factories import (
    image_bytes,
    make_article,
    make_person,
    make_photograph,
    make_user,
    place_photo,
)
from tests.support.media import DeskTestCase, IsolatedMedia, batch_upload, stored_names, upload
from tests.support.staff import sign_in
from workflow.checklist import approval_checklist

CHANGELIST = "/admin/media/photograph/"
UPLOAD = "/admin/media/photograph/upload/"


class ChangelistTests(DeskTestCase):
    def test_changelist_with_thumbnails_in_a_fixed_number_of_queries(self):
        """
        Thumbnails come from each row's rendition list, the credit through
        list_select_related: 2 or 12 photos cost the same 10 queries (session,
        its staff session check, user, the second factor that verified the
        session, two permission look-ups, the photographer filter's choices,
        one count, the page, and the date hierarchy's range and days).
        """
        photographer = make_person("Kong Meta")
        for _ in range(2):
            make_photograph(photographer=photographer)
        with self.assertNumQueries(11):
            response = self.client.get(CHANGELIST)
        self.assertEqual(response.status_code, 200)
        thumbnails = response.content.decode().count('class="photo-thumbnail"')
        self.assertEqual(thumbnails, 2)
        for _ in range(10):
            make_photograph(photographer=photographer)
        with self.assertNumQueries(11):
            response = self.client.get(CHANGELIST)
        self.assertEqual(response.content.decode().count('class="photo-thumbnail"'), 12)
        self.assertContains(response, ".webp")

    def test_filters_and_caption_search(self):
        """By photographer, date taken, unused, missing credit; search in captions."""
        meta, sophea = make_person("Kong Meta"), make_person("Chan Sophea")
        used = make_photograph(
            photographer=meta,
            caption="Farmers plant rice in Takeo.",
            date_taken=datetime.date.today(),
        )
        make_article(lead_photo=used)
        unused = make_photograph(photographer=sophea, caption="A river at dusk in Kratie.")
        uncredited = make_photograph(credit_agency="", caption="Boats in Kep.")
        cases = {
            f"?photographer__id__exact={meta.pk}": [used],
            "?date_taken__gte=" + datetime.date.today().isoformat(): [used],
            "?use=unused": [uncredited, unused],
            "?use=used": [used],
            "?credit=missing": [uncredited],
            "?q=river": [unused],
        }
        for query, expected in cases.items():
            with self.subTest(query):
                response = self.client.get(CHANGELIST + query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(list(response.context["cl"].result_list), expected)

    def test_change_form_lists_the_stories_using_the_photo(self):
        photograph = make_photograph()
        make_article("Court hears land case", lead_photo=photograph)
        place_photo(make_article("Farmers return home"), photograph, position=2)
        response = self.client.get(f"{CHANGELIST}{photograph.pk}/change/")
        self.assertContains(response, "the lead photo of")
        self.assertContains(response, "Court hears land case")
        self.assertContains(response, "Photo 2 in “Farmers return home”")
        self.assertContains(response, "focal-point.js")
        for url in (CHANGELIST + "add/", UPLOAD):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 200)


class UploadViewTests(DeskTestCase):
    def post(self, files, rows=None):
        self.photographer = make_person("Kong Meta")

        def row(number):
            return {
                "caption": f"Caption {number}, Phnom Penh, July 7, 2026.",
                "alt_text": f"Alt {number}",
                "credit_agency": "CamboJA",
                "photographer": str(self.photographer.pk),
                "source": "staff",
                "date_taken": "2026-07-07",
                "place": "Phnom Penh",
            }

        return self.client.post(UPLOAD, batch_upload(files, row, rows))

    def test_several_photos_at_once_each_with_its_own_caption(self):
        files = [
            upload(samples.camera_jpeg(size=(300, 200)), "a.jpg"),
            upload(samples.camera_heic(), "b.heic"),
            upload(image_bytes("PNG"), "c.png", "image/png"),
        ]
        response = self.post(files, rows=4)
        self.assertEqual(response.status_code, 302)
        self.assertIn("?id__in=", response["Location"])
        photographs = Photograph.objects.order_by("caption")
        self.assertEqual(
            [photo.caption[:9] for photo in photographs], ["Caption 0", "Caption 1", "Caption 2"]
        )
        for photograph in photographs:
            self.assertEqual(photograph.credit, "CamboJA/ Kong Meta")
            self.assertEqual(photograph.uploaded_by, self.editor)
            self.assertEqual(photograph.place, "Phnom Penh")
            self.assertTrue(photograph.renditions)
        self.assertEqual(LogEntry.objects.count(), 3)
        self.assertEqual(
            stored_names(), set().union(*(photo.stored_files() for photo in photographs))
        )
        self.assertEqual(self.client.get(response["Location"]).status_code, 200)

    def test_nothing_chosen_is_an_error(self):
        response = self.post([], rows=2)
        self.assertContains(response, "Choose at least one photo.")

    def test_similar_upload_is_pointed_out_with_its_stories(self):
        """The same agency picture uploaded again: a warning names the story that used it."""
        data = samples.encoded(samples.two_halves((400, 300)), "JPEG")
        first = make_photograph(image=upload(data))
        make_article("Minister answers questions on land law", lead_photo=first)
        response = self.post([upload(data, "again.jpg")])
        messages = [str(message) for message in response.wsgi_request._messages]
        warning = next(message for message in messages if "looks like" in message)
        self.assertIn("Minister answers questions on land law", warning)
        self.assertIn(f"/admin/media/photograph/{first.pk}/change/", warning)

    def test_journalist_may_upload_but_not_without_permission(self):
        sign_in(self.client, make_user(role="Journalists"))
        self.assertEqual(self.client.get(UPLOAD).status_code, 200)
        sign_in(self.client, make_user(is_staff=True))
        self.assertEqual(self.client.get(UPLOAD).status_code, 403)


class BulkCreditTests(DeskTestCase):
    def test_edit_the_credit_of_many_photos_at_once(self):
        """The action asks for the credit on an intermediate page, then changes every photo."""
        photographs = [make_photograph(credit_agency="") for _ in range(3)]
        other = make_photograph(credit_agency="AFP")
        person = make_person("Kong Meta")
        selected = [str(photograph.pk) for photograph in photographs]
        response = self.client.post(
            CHANGELIST, {"action": "edit_credit", "_selected_action": selected, "index": 0}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Edit the credit of 3 photos")
        response = self.client.post(
            CHANGELIST,
            {
                "action": "edit_credit",
                "_selected_action": selected,
                "apply": "1",
                "credit_agency": "Reuters",
                "photographer": str(person.pk),
                "source": "wire",
            },
        )
        self.assertEqual(response.status_code, 302)
        for photograph in photographs:
            photograph.refresh_from_db()
            self.assertEqual(photograph.credit, "Reuters/ Kong Meta")
            self.assertEqual(photograph.source, "wire")
        other.refresh_from_db()
        self.assertEqual(other.credit, "AFP")
        self.assertEqual(LogEntry.objects.count(), 3)

    def test_empty_fields_keep_each_photos_values(self):
        first = make_photograph(credit_agency="AFP")
        second = make_photograph(credit_agency="Reuters")
        self.client.post(
            CHANGELIST,
            {
                "action": "edit_credit",
                "_selected_action": [first.pk, second.pk],
                "apply": "1",
                "source": "wire",
            },
        )
        self.assertEqual(
            list(Photograph.objects.order_by("pk").values_list("credit_agency", "source")),
            [("AFP", "wire"), ("Reuters", "wire")],
        )


class DeletionTests(DeskTestCase):
    def test_used_photo_cannot_be_deleted_and_the_stories_are_named(self):
        """Lead or body: the page names each story, nothing is deleted, no file removed."""
        photograph = make_photograph()
        make_article("Court hears land case", lead_photo=photograph)
        place_photo(make_article("Farmers return home"), photograph)
        files = photograph.stored_files()
        url = f"{CHANGELIST}{photograph.pk}/delete/"
        for response in (self.client.get(url), self.client.post(url, {"post": "yes"})):
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "is protected: it cannot be deleted while stories")
            self.assertContains(response, "the lead photo of")
            self.assertContains(response, "Court hears land case")
            self.assertContains(response, "Farmers return home")
        self.assertTrue(Photograph.objects.filter(pk=photograph.pk).exists())
        self.assertEqual(stored_names(), files)

    def test_delete_selected_refuses_used_photos(self):
        used = make_photograph()
        make_article("Court hears land case", lead_photo=used)
        unused = make_photograph()
        response = self.client.post(
            CHANGELIST,
            {"action": "delete_selected", "_selected_action": [used.pk, unused.pk], "post": "yes"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "they cannot be deleted while stories or profiles use them")
        self.assertContains(response, "Court hears land case")
        self.assertEqual(Photograph.objects.count(), 2)

    def test_unused_photo_is_deleted_with_its_files(self):
        photograph = make_photograph()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"{CHANGELIST}{photograph.pk}/delete/", {"post": "yes"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Photograph.objects.exists())
        self.assertEqual(stored_names(), set())

    def test_payload_in_a_caption_is_escaped_on_the_delete_page(self):
        photograph = make_photograph(caption='"><svg onload=alert(1)>')
        make_article('"><script>alert(2)</script>', lead_photo=photograph)
        response = self.client.get(f"{CHANGELIST}{photograph.pk}/delete/")
        self.assertNotContains(response, "<svg onload")
        self.assertNotContains(response, "<script>alert(2)")


class CreditsAndPhotographerTests(IsolatedMedia, TestCase):
    def test_a_photo_without_credit_holds_its_story_back(self):
        """The approval checklist: a photo needs an agency or a photographer."""
        credited = make_photograph(credit_agency="AFP")
        by_person = make_photograph(credit_agency="", photographer=make_person("Kong Meta"))
        uncredited = make_photograph(credit_agency="  ")
        for photograph in (credited, by_person):
            self.assertEqual(photograph.missing_for_publication(name="the photo"), [])
        self.assertEqual(
            uncredited.missing_for_publication(name="the photo"), ["Give a credit for the photo."]
        )
        self.assertFalse(uncredited.has_credit)
        self.assertEqual(list(Photograph.objects.missing_credit()), [])
        article = make_article(lead_photo=credited, body="[photo 1]\n\nThe court rose.")
        place_photo(article, uncredited)
        needs = [line for line in approval_checklist(article) if "credit" in line]
        self.assertEqual(needs, ["Give a credit for photo 1 in the body."])

    def test_photographer_pages_list_only_published_photos(self):
        """``Article.objects.published().photographs()``: a photo filed for a draft stays hidden."""
        person = make_person("Kong Meta")
        published_photo = make_photograph(photographer=person)
        draft_photo = make_photograph(photographer=person)
        make_article(
            lead_photo=published_photo,
            status=Article.Status.PUBLISHED,
            published_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        )
        make_article(lead_photo=draft_photo)
        shown = Article.objects.published().photographs().filter(photographer=person)
        self.assertEqual(list(shown.for_listing()), [published_photo])
        self.assertEqual(set(person.photographs.all()), {published_photo, draft_photo})
        # Nor does a photo an editor withdrew.
        withdraw_photograph(photograph=published_photo, user=make_user(role="Editors"))
        self.assertEqual(list(shown.for_listing()), [])
