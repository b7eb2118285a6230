import io

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.test import TestCase, override_settings
from PIL import ExifTags, Image, PngImagePlugin

from media.models import Photograph
from media.services import create_photograph
from media.uploads import clean_image
from tests.support.factories import image_bytes, make_person
from tests.support.media import assert_clean, upload
from tests.support.samples import camera_jpeg, png_declaring
from tests.support.staff import sign_in


class CleanImageTests(TestCase):
    def test_camera_metadata_is_removed(self):
        """GPS, camera serial, owner, XMP and comments never reach the stored file."""
        cleaned = clean_image(upload(camera_jpeg()))
        assert_clean(self, cleaned.read())

    def test_orientation_is_applied_to_the_pixels(self):
        """A photo shot sideways is stored upright, so nothing appears rotated."""
        cleaned = clean_image(upload(camera_jpeg(orientation=6, size=(60, 40))))
        with Image.open(cleaned) as image:
            self.assertEqual(image.size, (40, 60))
            # Rotated 90° clockwise: the left (red) half is now on top.
            red, green, blue = image.convert("RGB").getpixel((20, 5))
            self.assertGreater(red, 200)
            self.assertLess(blue, 60)

    def test_png_text_chunks_are_removed(self):
        """PNG text and EXIF chunks (where XMP hides) are dropped."""
        info = PngImagePlugin.PngInfo()
        info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPSLatitude 11,33</x:xmpmeta>")
        info.add_text("Comment", "taken at the safe house")
        image = Image.new("RGBA", (30, 20), (10, 200, 30, 255))
        output = io.BytesIO()
        image.save(output, "PNG", pnginfo=info)
        cleaned = clean_image(upload(output.getvalue(), "x.png", "image/png"))
        self.assertTrue(cleaned.name.endswith(".png"))
        assert_clean(self, cleaned.read())

    def test_webp_exif_is_removed(self):
        """WebP EXIF and XMP chunks are dropped."""
        exif = Image.Exif()
        exif[ExifTags.Base.Make] = "PhoneMaker"
        output = io.BytesIO()
        Image.new("RGB", (30, 20), "white").save(output, "WEBP", exif=exif)
        self.assertIn(b"PhoneMaker", output.getvalue())
        cleaned = clean_image(upload(output.getvalue(), "x.webp", "image/webp"))
        self.assertTrue(cleaned.name.endswith(".webp"))
        assert_clean(self, cleaned.read())

    def test_file_name_is_random_and_extension_follows_content(self):
        """A PNG uploaded as "Sokha_PhnomPenh_safehouse.jpg" is stored as <random>.png."""
        cleaned = clean_image(upload(image_bytes("PNG"), "../../Sokha_PhnomPenh_safehouse.jpg"))
        self.assertRegex(cleaned.name, r"^[0-9a-f]{32}\.png$")

    def assert_refused(self, data, name, message, code):
        with self.assertRaises(ValidationError) as raised:
            clean_image(upload(data, name))
        self.assertEqual(raised.exception.code, code)
        self.assertIn(message, raised.exception.messages[0])

    def test_text_named_jpg_is_refused(self):
        """A text file named .jpg is not a photograph."""
        self.assert_refused(
            b"just some notes", "notes.jpg", "JPEG, PNG or WebP", "unsupported_image"
        )

    def test_svg_is_refused(self):
        """An SVG (which can carry script) is refused."""
        svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'
        self.assert_refused(svg, "x.jpg", "SVG", "unsupported_image")

    def test_other_image_formats_are_refused(self):
        """Formats outside the allowlist (GIF, TIFF, BMP) are refused, not decoded."""
        for image_format in ("GIF", "TIFF", "BMP"):
            with self.subTest(image_format):
                data = image_bytes(image_format)
                self.assert_refused(data, "x.jpg", "JPEG, PNG or WebP", "unsupported_image")

    def test_truncated_jpeg_is_refused(self):
        """A JPEG cut off mid-file is reported as damaged."""
        data = image_bytes("JPEG", size=(400, 300))
        self.assert_refused(data[: len(data) // 2], "x.jpg", "damaged", "invalid_image")

    def test_empty_file_is_refused(self):
        self.assert_refused(b"", "x.jpg", "JPEG, PNG or WebP", "unsupported_image")

    @override_settings(PHOTO_MAX_UPLOAD_BYTES=1024 * 1024)
    def test_file_over_the_size_limit_is_refused(self):
        """The message names the file's size and the limit."""
        data = b"\xff\xd8" + b"0" * (2 * 1024 * 1024)
        self.assert_refused(data, "x.jpg", "the largest photo accepted is 1 MB", "file_too_big")

    def test_decompression_bomb_is_refused_before_decoding(self):
        """A tiny PNG declaring 30000 × 30000 pixels is refused from its header."""
        bomb = png_declaring(30000, 30000)
        self.assertLess(len(bomb), 200)
        self.assert_refused(
            bomb, "x.png", "too many pixels; the limit is 60 megapixels", "too_many_pixels"
        )

    @override_settings(PHOTO_MAX_PIXELS=2_000_000)
    def test_pixel_limit_is_a_setting(self):
        """A picture over the configured limit is refused, naming its size and the limit."""
        self.assert_refused(
            image_bytes("JPEG", size=(2000, 1001)),
            "x.jpg",
            "2000 × 1001 pixels, which has too many pixels; the limit is 2 megapixels",
            "too_many_pixels",
        )

    def test_animated_webp_is_refused(self):
        frames = [Image.new("RGB", (20, 20), color) for color in ("red", "blue")]
        output = io.BytesIO()
        frames[0].save(output, "WEBP", save_all=True, append_images=frames[1:])
        self.assert_refused(output.getvalue(), "x.webp", "Animated", "animated_image")


class CreatePhotographTests(TestCase):
    def test_creates_a_clean_photograph_with_its_size(self):
        """The record keeps caption, credit and pixel size; the file keeps no metadata."""
        photographer = make_person("Kong Meta")
        photograph = create_photograph(
            image=upload(camera_jpeg()),
            caption="Farmers gather outside the court in Phnom Penh, July 7, 2026.",
            alt_text="A crowd stands outside a building.",
            credit_agency="CamboJA",
            photographer=photographer,
        )
        self.assertEqual((photograph.width, photograph.height), (60, 40))
        self.assertEqual(photograph.credit, "CamboJA/ Kong Meta")
        with default_storage.open(photograph.image.name) as stored:
            assert_clean(self, stored.read())
        self.assertNotIn("IMG_0001", photograph.image.name)

    def test_refused_upload_leaves_nothing_behind(self):
        """A refused file creates no row and no stored file."""
        before = (
            set(default_storage.listdir("photos")[0]) if default_storage.exists("photos") else set()
        )
        with self.assertRaises(ValidationError):
            create_photograph(image=upload(b"not an image"), caption="x", alt_text="x")
        self.assertFalse(Photograph.objects.exists())
        after = (
            set(default_storage.listdir("photos")[0]) if default_storage.exists("photos") else set()
        )
        self.assertEqual(before, after)


class PhotographAdminUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_superuser("desk", password="unused-password")

    def setUp(self):
        sign_in(self.client, self.user)

    def post(self, file):
        return self.client.post(
            "/admin/media/photograph/add/",
            {
                "image": file,
                "caption": "Monks walk past the National Assembly in Phnom Penh, May 1, 2026.",
                "alt_text": "Monks in orange robes walk along a wide street.",
                "credit_agency": "CamboJA",
            },
        )

    def test_upload_through_the_admin_strips_metadata(self):
        """A photo filed in the admin is stored clean, under a random name, with its uploader."""
        response = self.post(upload(camera_jpeg(), "Sokha_safehouse.jpg"))
        self.assertEqual(response.status_code, 302)
        photograph = Photograph.objects.get()
        self.assertEqual(photograph.uploaded_by, self.user)
        self.assertNotIn("Sokha", photograph.image.name)
        with default_storage.open(photograph.image.name) as stored:
            assert_clean(self, stored.read())

    def test_bad_upload_shows_the_problem_and_keeps_the_typed_text(self):
        """A text file posted as a photo: a form error, the caption kept, nothing saved."""
        response = self.post(upload(b"<html><script>alert(1)</script></html>", "x.jpg"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Upload a valid image")
        self.assertContains(response, "Monks walk past the National Assembly")
        self.assertFalse(Photograph.objects.exists())
