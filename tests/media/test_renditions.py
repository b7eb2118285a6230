"""Renditions: sizes, focal-point crops, made once, kept, replaced, and the picture tag."""

from io import StringIO

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.template import Context, Template
from django.test import TestCase
from PIL import Image

from demo.pictures import render_photo
from media.models import Photograph
from media.renditions import CROPS, WIDTHS
from media.services import save_photograph
from media.similar import SIMILAR_BITS, distance, fingerprint, similar_photographs
from tests.support import samples
from tests.support.factories import image_bytes, make_article, make_photograph, place_photo
from tests.support.media import RECORDING_STORAGES, IsolatedMedia, read, stored_names, upload
from tests.support.storages import RecordingStorage


def photo_of(size, **fields):
    return make_photograph(image=upload(image_bytes("JPEG", size=size)), **fields)


def sizes(photograph, crop=""):
    return [
        (item["width"], item["height"])
        for item in photograph.rendition_list(image_format="jpeg", crop=crop)
    ]


class RenditionSizeTests(IsolatedMedia, TestCase):
    def test_large_photo_gets_every_width_in_both_formats(self):
        photograph = photo_of((4000, 2000))
        self.assertEqual(sizes(photograph), [(width, width // 2) for width in WIDTHS])
        for image_format in ("jpeg", "webp"):
            self.assertEqual(len(photograph.rendition_list(image_format=image_format)), 5)

    def test_small_photos_are_never_upscaled(self):
        """An 800-pixel photo stops at 800; a 200-pixel one has only its own size."""
        self.assertEqual(sizes(photo_of((800, 600))), [(320, 240), (640, 480), (800, 600)])
        self.assertEqual(sizes(photo_of((200, 100))), [(200, 100)])
        self.assertEqual(sizes(photo_of((200, 100)), "square"), [(100, 100)])

    def test_stored_files_have_the_listed_sizes_and_formats(self):
        """Read back from the storage: each rendition is what the manifest says."""
        photograph = photo_of((1000, 700))
        for item in photograph.renditions:
            with Image.open(photograph.image.storage.open(item["name"])) as image:
                self.assertEqual(image.size, (item["width"], item["height"]))
                self.assertEqual(image.format, {"jpeg": "JPEG", "webp": "WEBP"}[item["format"]])
                self.assertLessEqual(image.width, photograph.width)
                self.assertLessEqual(image.height, photograph.height)

    def test_only_allowlisted_sizes_exist(self):
        photograph = photo_of((1500, 1000))
        crop_widths = {width for _ratio, widths in CROPS.values() for width in widths}
        for item in photograph.renditions:
            allowed = crop_widths if item["crop"] else set(WIDTHS)
            self.assertIn(item["width"], allowed | {photograph.width})

    def test_crops_keep_the_focal_point_in_view(self):
        """A square crop of a red-left, blue-right picture shows red or blue as the point says."""
        data = samples.encoded(samples.two_halves((900, 300)), "JPEG", quality=95)
        photograph = make_photograph(image=upload(data))
        self.assertEqual((photograph.focal_x, photograph.focal_y), (50, 50))
        for focal_x, colour in [(5, "red"), (95, "blue")]:
            photograph.focal_x = focal_x
            save_photograph(photograph=photograph)
            name = photograph.rendition_list(image_format="jpeg", crop="square")[-1]["name"]
            with Image.open(photograph.image.storage.open(name)) as image:
                red, _green, blue = image.convert("RGB").getpixel((image.width // 2, 10))
                self.assertEqual("red" if red > blue else "blue", colour)


class MadeOnceTests(IsolatedMedia, TestCase):
    @RECORDING_STORAGES
    def test_each_rendition_is_written_once_and_never_for_readers(self):
        """Upload writes the original and each rendition once; pages and saves write nothing."""
        RecordingStorage.reset()
        photograph = photo_of((1400, 1000))
        names = [name for name, _data in RecordingStorage.writes]
        self.assertEqual(len(names), len(set(names)))
        self.assertEqual(set(names), photograph.stored_files())
        RecordingStorage.reset()
        template = Template(
            "{% load photos %}{% picture p %}{% picture p crop='square' sizes='10vw' %}"
        )
        for _ in range(5):
            template.render(Context({"p": Photograph.objects.get()}))
        photograph.caption = "A new caption, Phnom Penh, July 8, 2026."
        save_photograph(photograph=photograph)
        self.assertEqual(RecordingStorage.writes, [])

    @RECORDING_STORAGES
    def test_moving_the_focal_point_remakes_only_the_crops(self):
        photograph = photo_of((1400, 1000))
        before = photograph.stored_files()
        RecordingStorage.reset()
        photograph.focal_x, photograph.focal_y = 20, 30
        with self.captureOnCommitCallbacks(execute=True):
            save_photograph(photograph=photograph)
        written = {name for name, _data in RecordingStorage.writes}
        crops = {item["name"] for item in photograph.renditions if item["crop"]}
        self.assertEqual(written, crops)
        self.assertEqual(stored_names(), photograph.stored_files())
        self.assertTrue(before - photograph.stored_files() <= before)

    def test_make_renditions_fills_in_old_photos_once(self):
        """Photos from before renditions existed get them from the command, once."""
        photograph = photo_of((700, 500))
        Photograph.objects.filter(pk=photograph.pk).update(renditions=[], fingerprint="")
        call_command("make_renditions", stdout=StringIO())
        photograph.refresh_from_db()
        self.assertEqual(len(photograph.renditions), 14)
        self.assertTrue(photograph.fingerprint)
        with RECORDING_STORAGES:
            RecordingStorage.reset()
            output = StringIO()
            call_command("make_renditions", stdout=output)
            self.assertEqual(RecordingStorage.writes, [])
        self.assertIn("for 0 photographs", output.getvalue())


class ReplaceFileTests(IsolatedMedia, TestCase):
    def test_replacing_the_file_keeps_references_and_removes_old_files(self):
        """A new file: same row, stories still use it, new renditions, old files go on commit."""
        photograph = photo_of((900, 600))
        article = make_article(lead_photo=photograph)
        place_photo(article, photograph)
        old_files = photograph.stored_files()
        photograph.image = upload(image_bytes("PNG", size=(1200, 800)), "new.png")
        with self.captureOnCommitCallbacks(execute=True):
            save_photograph(photograph=photograph)
        photograph.refresh_from_db()
        self.assertRegex(photograph.image.name, r"\.png$")
        self.assertEqual((photograph.width, photograph.height), (1200, 800))
        self.assertEqual(sizes(photograph)[-1], (1200, 800))
        self.assertEqual(article.placed_photos.get().photograph, photograph)
        article.refresh_from_db()
        self.assertEqual(article.lead_photo, photograph)
        self.assertEqual(stored_names(), photograph.stored_files())
        self.assertFalse(old_files & stored_names())

    def test_replaced_file_is_cleaned_even_if_assigned_raw(self):
        """A raw upload assigned in code is cleaned before it reaches the storage."""
        photograph = photo_of((300, 200))
        photograph.image = upload(samples.camera_jpeg(size=(300, 200)), "raw.jpg")
        save_photograph(photograph=photograph)
        from tests.support.media import assert_clean

        for name in photograph.stored_files():
            assert_clean(self, read(name), name)

    def test_stale_form_cannot_point_at_removed_files(self):
        """
        Two editors open the same photo; one replaces the file. The other's save
        would point at removed files, so it is refused and its own files removed.
        """
        photograph = photo_of((600, 400))
        stale = Photograph.objects.get(pk=photograph.pk)
        photograph.image = upload(image_bytes("JPEG", size=(640, 480)), "new.jpg")
        with self.captureOnCommitCallbacks(execute=True):
            save_photograph(photograph=photograph)
        stale.focal_x = 10
        with self.assertRaises(ValidationError) as raised:
            save_photograph(photograph=stale)
        self.assertEqual(raised.exception.code, "changed_meanwhile")
        photograph.refresh_from_db()
        self.assertEqual(stored_names(), photograph.stored_files())


class PictureTagTests(IsolatedMedia, TestCase):
    def render(self, source, photograph):
        return Template("{% load photos %}" + source).render(Context({"p": photograph}))

    def test_srcset_sizes_width_and_height(self):
        photograph = photo_of((1600, 900))
        html = self.render(
            '{% picture p sizes="(min-width: 60em) 50vw, 100vw" loading="lazy" css_class="lead" %}',
            photograph,
        )
        self.assertIn('<source type="image/webp" srcset="', html)
        self.assertIn(photograph.srcset(image_format="webp"), html)
        self.assertIn(f'srcset="{photograph.srcset(image_format="jpeg")}"', html)
        self.assertIn('sizes="(min-width: 60em) 50vw, 100vw"', html)
        self.assertIn('width="1600" height="900"', html)
        self.assertIn('class="lead"', html)
        self.assertIn('loading="lazy"', html)
        self.assertIn(" 320w, ", html)
        self.assertNotIn(photograph.image.url, html, "the original is never sent")

    def test_crop_and_eager_loading(self):
        html = self.render('{% picture p crop="square" loading="eager" %}', photo_of((1600, 900)))
        self.assertIn('width="320" height="320"', html)
        self.assertNotIn("loading=", html)

    def test_photo_without_renditions_falls_back_to_the_original(self):
        photograph = photo_of((300, 200))
        Photograph.objects.filter(pk=photograph.pk).update(renditions=[])
        photograph.refresh_from_db()
        html = self.render("{% picture p %}", photograph)
        self.assertIn(f'src="{photograph.image.url}"', html)
        self.assertIn('width="300" height="200"', html)

    def test_no_photograph_renders_nothing(self):
        self.assertEqual(self.render("{% picture p %}", None).strip(), "")

    def test_rendering_makes_no_query(self):
        photograph = photo_of((800, 600))
        with self.assertNumQueries(0):
            self.render("{% picture p %}{% picture p crop='wide' %}", photograph)
            photograph.rendition(1280)


class FingerprintTests(IsolatedMedia, TestCase):
    @staticmethod
    def decoded(data):
        image = Image.open(upload(data))
        image.load()
        return image

    def test_same_picture_resized_and_recompressed_is_close(self):
        original = self.decoded(render_photo("city", 7))
        smaller = original.resize((original.width // 3, original.height // 3))
        recompressed = self.decoded(samples.encoded(smaller, "JPEG", quality=40))
        self.assertLessEqual(
            distance(fingerprint(original), fingerprint(recompressed)), SIMILAR_BITS
        )

    def test_different_pictures_are_far_apart(self):
        scenes = ["city", "crowd", "fields", "river", "portrait", "press"]
        prints = [fingerprint(self.decoded(render_photo(scene, 3))) for scene in scenes]
        for first in range(len(prints)):
            for second in range(first + 1, len(prints)):
                with self.subTest(scenes[first], other=scenes[second]):
                    self.assertGreater(distance(prints[first], prints[second]), SIMILAR_BITS)

    def test_similar_upload_is_found_with_its_stories(self):
        """An agency photo filed twice: the first copy is found, with the story that used it."""
        data = render_photo("press", 11)
        first = make_photograph(image=upload(data))
        make_article("Minister answers questions on land law", lead_photo=first)
        make_photograph(image=upload(render_photo("fields", 4)))
        again = make_photograph(
            image=upload(samples.encoded(self.decoded(data).resize((500, 333)), "JPEG"))
        )
        found = similar_photographs(fingerprint=again.fingerprint, exclude=[again.pk])
        self.assertEqual([photo for photo, _bits in found], [first])
        with self.assertNumQueries(0):
            headlines = [article.headline for article in found[0][0].lead_of.all()]
        self.assertEqual(headlines, ["Minister answers questions on land law"])
