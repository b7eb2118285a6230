"""Privacy of sources: SECURITY-TESTS.md items 38–40 and 43."""

import datetime

from django.test import TestCase, override_settings
from PIL import Image

from media.forms import PhotographForm, UploadForm
from media.models import Photograph
from media.services import create_photograph
from tests.support import samples
from tests.support.factories import make_user
from tests.support.media import (
    RECORDING_STORAGES,
    IsolatedMedia,
    assert_clean,
    read,
    stored_names,
    upload,
)
from tests.support.staff import sign_in
from tests.support.storages import RecordingStorage

CAPTION = "Villagers gather at the commune hall in Kampong Speu, July 7, 2026."
ALT = "A crowd stands outside a low building."


def create(data, name="IMG_0001.jpg", **fields):
    return create_photograph(image=upload(data, name), caption=CAPTION, alt_text=ALT, **fields)


class MetadataTests(IsolatedMedia, TestCase):
    def assert_every_file_clean(self, photograph):
        names = photograph.stored_files()
        self.assertEqual(len(names), 1 + len(photograph.renditions))
        self.assertGreater(len(photograph.renditions), 0)
        for name in names:
            assert_clean(self, read(name), name)

    def test_camera_jpeg_is_clean_in_the_original_and_every_rendition(self):
        """GPS, serial, make, dates, maker note, XMP, IPTC and comment: none stored, anywhere."""
        self.assert_every_file_clean(create(samples.camera_jpeg(size=(700, 500))))

    def test_png_webp_and_heic_are_clean(self):
        """The same for PNG (eXIf, tEXt, iTXt, zTXt), WebP (EXIF, XMP) and HEIC (as JPEG)."""
        cases = {
            "png": (samples.camera_png(size=(400, 300)), r"\.png$"),
            "webp": (samples.camera_webp(size=(400, 300)), r"\.webp$"),
            "heic": (samples.camera_heic(size=(400, 300)), r"\.jpg$"),
        }
        for label, (data, extension) in cases.items():
            with self.subTest(label):
                photograph = create(data, f"IMG_0001.{label}")
                self.assertRegex(photograph.image.name, extension)
                self.assert_every_file_clean(photograph)

    def test_heic_is_converted_to_jpeg_with_its_orientation(self):
        """A phone's HEIC becomes an upright JPEG of the same picture."""
        photograph = create(samples.camera_heic(size=(64, 48)), "IMG_0001.HEIC")
        with Image.open(photograph.image.open("rb")) as image:
            self.assertEqual(image.format, "JPEG")
            self.assertEqual(image.size, (64, 48))
            red, _green, blue = image.convert("RGB").getpixel((5, 24))
            self.assertGreater(red, 200)
            self.assertLess(blue, 60)

    def test_orientation_is_baked_into_every_file(self):
        """Shot sideways (orientation 6): the original and renditions are stored upright."""
        photograph = create(samples.camera_jpeg(orientation=6, size=(600, 400)))
        self.assertEqual((photograph.width, photograph.height), (400, 600))
        for item in photograph.rendition_list(image_format="jpeg"):
            with Image.open(photograph.image.storage.open(item["name"])) as image:
                self.assertGreater(image.height, image.width)
                red, _green, blue = image.convert("RGB").getpixel((image.width // 2, 5))
                self.assertGreater(red, 200, "the left (red) half is on top")
                self.assertLess(blue, 60)

    @RECORDING_STORAGES
    def test_storage_receives_only_clean_bytes(self):
        """Stripping happens before bytes first reach storage: backups never hold originals."""
        RecordingStorage.reset()
        for data, name in [
            (samples.camera_jpeg(size=(500, 400)), "a.jpg"),
            (samples.camera_png(), "b.png"),
            (samples.camera_webp(), "c.webp"),
            (samples.camera_heic(), "d.heic"),
        ]:
            create(data, name)
        self.assertGreater(len(RecordingStorage.writes), 4)
        for name, data in RecordingStorage.writes:
            assert_clean(self, data, name)


class NoLocationImportTests(IsolatedMedia, TestCase):
    def test_date_taken_is_copied_only_when_asked(self):
        """Without the box ticked, nothing comes from the camera; with it, only the date."""
        left_alone = create(samples.camera_jpeg())
        self.assertIsNone(left_alone.date_taken)
        copied = create(samples.camera_jpeg(), copy_date_taken=True)
        self.assertEqual(copied.date_taken, datetime.date(2026, 7, 7))
        for photograph in (left_alone, copied):
            self.assertEqual(photograph.place, "")
            self.assertEqual(photograph.caption, CAPTION)
            self.assertEqual(photograph.credit, "")

    def test_no_field_holds_anything_from_the_file(self):
        """GPS position, city, serial and owner appear in no column of the row."""
        photograph = create(samples.camera_jpeg(), copy_date_taken=True)
        row = Photograph.objects.filter(pk=photograph.pk).values().get()
        secrets = ("Safehouse", "SN-0042", "Owner Name", "PhoneMaker", "11.56", "104.91", "GPS")
        for column, value in row.items():
            for secret in secrets:
                self.assertNotIn(secret, str(value), column)
        self.assertEqual(row["place"], "")

    def test_admin_forms_have_no_location_field(self):
        """No GPS, latitude or map field exists to fill: the place is typed."""
        for form in (PhotographForm, UploadForm):
            for name in form.base_fields:
                self.assertNotRegex(name, "gps|lat|lon|map|location|coordinates")

    def test_admin_copies_the_camera_date_when_the_box_is_ticked(self):
        user = make_user(is_superuser=True)
        sign_in(self.client, user)
        response = self.client.post(
            "/admin/media/photograph/add/",
            {
                "image": upload(samples.camera_jpeg()),
                "caption": CAPTION,
                "alt_text": ALT,
                "copy_date_taken": "on",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Photograph.objects.get().date_taken, datetime.date(2026, 7, 7))


@override_settings(ROOT_URLCONF="tests.support.media_urls")
class HardDeleteTests(IsolatedMedia, TestCase):
    def test_original_and_renditions_are_removed_after_commit(self):
        """Deleting a photo that exposes someone removes every file, once committed."""
        photograph = create(samples.camera_jpeg(size=(700, 500)))
        names = photograph.stored_files()
        self.assertEqual(stored_names(), names)
        url = photograph.image.url
        self.assertEqual(self.client.get(url).status_code, 200)
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            photograph.delete()
        self.assertEqual(stored_names(), names, "nothing is removed before the commit")
        for callback in callbacks:
            callback()
        self.assertEqual(stored_names(), set())
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_rolled_back_delete_keeps_the_files(self):
        photograph = create(samples.camera_jpeg())
        with self.captureOnCommitCallbacks(execute=False):
            photograph.delete()
        # The callbacks were never run: as on a rollback, the files stay.
        self.assertEqual(stored_names(), photograph.stored_files())


class DeletePermissionTests(IsolatedMedia, TestCase):
    def test_journalist_cannot_delete_photos(self):
        """Deleting files is an editor's decision: a journalist gets 403 and nothing changes."""
        photograph = create(samples.camera_jpeg())
        journalist = make_user(role="Journalists")
        sign_in(self.client, journalist)
        response = self.client.post(
            f"/admin/media/photograph/{photograph.pk}/delete/", {"post": "yes"}
        )
        self.assertEqual(response.status_code, 403)
        self.assertTrue(Photograph.objects.filter(pk=photograph.pk).exists())
        self.assertEqual(stored_names(), photograph.stored_files())
