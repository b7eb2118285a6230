"""Uploads and images: the attacks and faults of SECURITY-TESTS.md items 29–37."""

import io
import subprocess
from unittest import mock

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import TestCase, override_settings
from PIL import Image

from media.models import Photograph
from media.services import create_photograph
from media.uploads import clean_image
from tests.support import samples
from tests.support.factories import image_bytes
from tests.support.media import (
    RECORDING_STORAGES,
    IsolatedMedia,
    batch_upload,
    read,
    stored_names,
    upload,
)
from tests.support.staff import sign_in
from tests.support.storages import RecordingStorage

CAPTION = "Monks walk past the National Assembly in Phnom Penh, May 1, 2026."
ALT = "Monks in orange robes walk along a wide street."


class AdminUploadTestCase(IsolatedMedia, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_superuser("desk", password="unused-password")

    def setUp(self):
        super().setUp()
        sign_in(self.client, self.user)

    def post_single(self, file):
        return self.client.post(
            "/admin/media/photograph/add/",
            {"image": file, "caption": CAPTION, "alt_text": ALT, "credit_agency": "CamboJA"},
        )

    def post_batch(self, files, **extra):
        def row(number):
            return {
                "caption": f"{CAPTION} ({number})",
                "alt_text": ALT,
                "credit_agency": "CamboJA",
                "focal_x": "50",
                "focal_y": "50",
            }

        data = batch_upload(files, row) | extra
        return self.client.post("/admin/media/photograph/upload/", data)

    def assert_refused(self, response, message):
        """Refused in the form (200, never a 500): no row and no file stored."""
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)
        self.assertFalse(Photograph.objects.exists())
        self.assertEqual(stored_names(), set())


class BombTests(AdminUploadTestCase):
    def test_huge_declared_dimensions_are_refused(self):
        """A PNG of a few hundred bytes declaring 30000 × 30000 pixels: "too many pixels"."""
        bomb = samples.png_declaring(30000, 30000)
        self.assertLess(len(bomb), 200)
        self.assert_refused(self.post_single(upload(bomb, "x.png")), "too many pixels")

    def test_between_one_and_two_pillow_limits_is_refused(self):
        """
        10000 × 9000 is between 1× and 2× Pillow's MAX_IMAGE_PIXELS, where Pillow
        only warns: our own limit refuses it before any decoding.
        """
        bomb = samples.png_declaring(10000, 9000)
        self.assertGreater(10000 * 9000, Image.MAX_IMAGE_PIXELS)
        with (
            mock.patch.object(Image.Image, "load", side_effect=AssertionError("decoded")),
            self.assertWarns(Image.DecompressionBombWarning),
        ):
            response = self.post_single(upload(bomb, "x.png"))
        self.assert_refused(response, "10000 × 9000 pixels, which has too many pixels")

    @override_settings(PHOTO_MAX_PIXELS=1000)
    def test_animation_whose_frames_exceed_the_limit_is_refused(self):
        """30 frames of 20 × 20 are 12,000 pixels: over a 1,000-pixel limit, "too many pixels"."""
        data = samples.animated_webp(size=(20, 20), frames=30)
        with self.assertRaises(ValidationError) as raised:
            clean_image(upload(data, "x.webp"))
        self.assertEqual(raised.exception.code, "too_many_pixels")
        self.assertIn("in 30 frames, which has too many pixels", raised.exception.messages[0])

    def test_animated_image_is_refused(self):
        self.assert_refused(
            self.post_single(upload(samples.animated_webp(), "x.webp")),
            "Animated images are not accepted",
        )


class FormatAllowlistTests(AdminUploadTestCase):
    def test_other_formats_are_refused_without_running_ghostscript(self):
        """EPS, PS, PSD, TIFF, PDF, FITS, JPEG 2000, SVG, HTML named .jpg: refused, named."""
        cases = {
            "EPS": (samples.EPS, "PostScript"),
            "PSD": (samples.PSD, "Photoshop"),
            "TIFF": (image_bytes("TIFF"), "TIFF"),
            "PDF": (image_bytes("PDF"), "PDF"),
            "FITS": (samples.FITS, "FITS"),
            "JPEG 2000": (image_bytes("JPEG2000"), "JPEG 2000"),
            "SVG": (samples.SVG, "SVG"),
            "HTML": (samples.HTML, "web page"),
            "GIF": (image_bytes("GIF"), "GIF"),
        }
        for label, (data, named) in cases.items():
            with self.subTest(label), mock.patch.object(subprocess, "Popen") as popen:
                response = self.post_single(upload(data, "IMG_0001.jpg", "image/jpeg"))
                self.assert_refused(response, named)
                self.assertContains(response, "Upload a valid image")
                popen.assert_not_called()

    def test_png_named_jpg_is_stored_as_png(self):
        """The stored extension follows the bytes, never the name."""
        self.assertEqual(self.post_single(upload(image_bytes("PNG"), "x.jpg")).status_code, 302)
        self.assertRegex(Photograph.objects.get().image.name, r"\.png$")

    def test_jpeg_named_png_is_stored_as_jpg(self):
        self.post_single(upload(image_bytes("JPEG"), "x.png", "image/png"))
        self.assertRegex(Photograph.objects.get().image.name, r"\.jpg$")


@override_settings(ROOT_URLCONF="tests.support.media_urls")
class ServedFileTests(IsolatedMedia, TestCase):
    def test_polyglot_is_re_encoded_and_served_as_png(self):
        """A PNG with an HTML tail keeps only pixels, and is served as image/png, nosniff."""
        photograph = create_photograph(
            image=upload(samples.polyglot_png(), "x.html.png", "image/png"),
            caption=CAPTION,
            alt_text=ALT,
        )
        data = read(photograph.image.name)
        self.assertNotIn(b"<html", data.lower())
        self.assertNotIn(b"<script", data.lower())
        response = self.client.get(photograph.image.url)
        self.assertEqual(response["Content-Type"], "image/png")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")

    def test_served_content_type_matches_the_bytes(self):
        """Originals and renditions are served with the type of their bytes."""
        photograph = create_photograph(
            image=upload(image_bytes("PNG", size=(400, 300)), "x.jpg"),
            caption=CAPTION,
            alt_text=ALT,
        )
        urls = {photograph.image.url: "image/png"}
        for item in photograph.renditions:
            urls[photograph.image.storage.url(item["name"])] = {
                "webp": "image/webp",
                "jpeg": "image/jpeg",
            }[item["format"]]
        for url, content_type in urls.items():
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Content-Type"], content_type)
                with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
                    self.assertEqual(Image.MIME[image.format], content_type)


class SizeAndCountTests(AdminUploadTestCase):
    @override_settings(PHOTO_MAX_UPLOAD_BYTES=20 * 1024 * 1024)
    def test_file_over_the_limit_gets_a_clean_error(self):
        """A 25 MB file: "too big", naming the size and the limit."""
        data = b"\xff\xd8\xff" + b"\x00" * (25 * 1024 * 1024)
        self.assert_refused(
            self.post_single(upload(data)),
            "This file is 25 MB; the largest photo accepted is 20 MB.",
        )

    @override_settings(DATA_UPLOAD_MAX_NUMBER_FILES=2)
    def test_more_files_than_allowed_is_a_bad_request(self):
        files = [upload(image_bytes("JPEG"), f"{n}.jpg") for n in range(3)]
        response = self.post_batch(files)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Photograph.objects.exists())
        self.assertEqual(stored_names(), set())

    def test_one_bad_file_refuses_the_whole_batch(self):
        """Two good photos and a text file named .jpg: nothing is stored, the captions stay."""
        files = [
            upload(image_bytes("JPEG"), "a.jpg"),
            upload(b"just some notes", "b.jpg"),
            upload(image_bytes("PNG"), "c.png", "image/png"),
        ]
        with RECORDING_STORAGES:
            RecordingStorage.reset()
            response = self.post_batch(files)
            self.assertEqual(RecordingStorage.writes, [])
        self.assert_refused(response, "not a photograph we can use")
        self.assertContains(response, "Nothing was saved")
        self.assertContains(response, f"{CAPTION} (0)")


class FileNameTests(AdminUploadTestCase):
    NAMES = [
        "../../x.jpg",
        "..\\..\\x.jpg",
        "x.php.jpg",
        "x\x00.php.jpg",
        "x\n.jpg",
        "photo\u202egpj.exe.jpg",
        "a" * 300 + ".jpg",
        "Sokha_PhnomPenh_safehouse.jpg",
    ]

    def test_names_are_random_with_the_detected_extension(self):
        """The uploaded name is neither stored nor displayed; the file is <random>.<ext>."""
        for name in self.NAMES:
            with self.subTest(name=name[:40]):
                photograph = create_photograph(
                    image=upload(image_bytes("JPEG"), name), caption=CAPTION, alt_text=ALT
                )
                self.assertRegex(photograph.image.name, r"^photos/\d{4}/\d{2}/[0-9a-f]{32}\.jpg$")
                for item in photograph.renditions:
                    self.assertRegex(
                        item["name"], r"^renditions/\d{4}/\d{2}/[0-9a-f/]+/\w+\.(jpg|webp)$"
                    )

    def test_original_name_is_not_shown_in_the_admin(self):
        self.post_single(upload(image_bytes("JPEG"), "Sokha_PhnomPenh_safehouse.jpg"))
        photograph = Photograph.objects.get()
        response = self.client.get(f"/admin/media/photograph/{photograph.pk}/change/")
        self.assertNotContains(response, "Sokha_PhnomPenh")
        self.assertNotContains(response, "safehouse")


class CorruptFileTests(AdminUploadTestCase):
    def test_corrupt_files_get_upload_a_valid_image(self):
        """Truncated JPEG, zero-byte file and a 0 × 65535 PNG: a form error, no 500."""
        jpeg = image_bytes("JPEG", size=(400, 300))
        cases = {
            "truncated": jpeg[: len(jpeg) // 2],
            "empty": b"",
            "zero width": samples.png_declaring(0, 65535),
        }
        for label, data in cases.items():
            with self.subTest(label):
                self.assert_refused(self.post_single(upload(data, "x.jpg")), "Upload a valid image")


class AtomicityTests(AdminUploadTestCase):
    def test_storage_error_mid_batch_leaves_nothing(self):
        """The disk fills while the second photo's original is written: no row, no file."""
        files = [upload(image_bytes("JPEG", size=(700, 500)), f"{n}.jpg") for n in range(2)]
        with RECORDING_STORAGES:
            RecordingStorage.reset(fail_on_write=2)
            with self.assertRaises(OSError):
                self.post_batch(files)
            RecordingStorage.reset()
        self.assertFalse(Photograph.objects.exists())
        self.assertEqual(stored_names(), set())

    def test_storage_error_while_renditions_are_made_keeps_the_photo_pending(self):
        """
        The disk fills while renditions are written, in the background: the
        upload stands with its original, no rendition file is left behind, and
        the photo stays "renditions pending" after every try.
        """
        with RECORDING_STORAGES:
            RecordingStorage.reset(fail_on_write=5)
            response = self.post_batch([upload(image_bytes("JPEG", size=(700, 500)), "a.jpg")])
            RecordingStorage.reset()
        self.assertEqual(response.status_code, 302)
        photograph = Photograph.objects.get()
        self.assertTrue(photograph.renditions_pending)
        self.assertEqual(stored_names(), {photograph.image.name})

    def test_database_error_mid_batch_leaves_nothing(self):
        """The second row cannot be written: the first is rolled back, every file removed."""
        files = [upload(image_bytes("JPEG"), f"{n}.jpg") for n in range(2)]
        save = Photograph.save
        calls = []

        def failing_save(photograph, *args, **kwargs):
            calls.append(photograph)
            if len(calls) == 2:
                raise RuntimeError("database went away")
            return save(photograph, *args, **kwargs)

        with mock.patch.object(Photograph, "save", failing_save), self.assertRaises(RuntimeError):
            self.post_batch(files)
        self.assertFalse(Photograph.objects.exists())
        self.assertEqual(stored_names(), set())

    def test_refused_single_upload_leaves_nothing(self):
        self.assert_refused(self.post_single(upload(samples.SVG, "x.svg")), "SVG")
