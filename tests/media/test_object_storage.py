"""
The photo desk on S3-compatible object storage, against a real S3 API (moto's
server on 127.0.0.1): upload, metadata stripping, renditions, signed
addresses, replacement, withdrawal and deletion. Every object is read back
through the S3 API, as the file-system tests read files back.
"""

import io
import re
import urllib.error
import urllib.request

from PIL import Image

from media.models import Photograph
from media.services import save_photograph, withdraw_photograph
from tests.support import samples
from tests.support.factories import (
    image_bytes,
    make_person,
    make_photograph,
    make_published_article,
)
from tests.support.media import DeskTestCase, assert_clean, batch_upload, upload
from tests.support.object_storage import ObjectStorage

UPLOAD = "/admin/media/photograph/upload/"
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def fetch(url):
    """GET ``url`` over HTTP: (status, bytes)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


class ObjectStorageDeskTests(ObjectStorage, DeskTestCase):
    def assert_stored_clean(self, photograph):
        """
        The bucket holds the original and every rendition the row lists, each
        read back through the S3 API: no metadata in the bytes, none in the
        object's own headers, and the content type of the bytes it holds.
        """
        names = photograph.stored_files()
        self.assertGreater(len(photograph.renditions), 0)
        self.assertLessEqual(names, self.stored_keys())
        for name in names:
            data, response = self.stored_object(name)
            assert_clean(self, data, name)
            self.assertEqual(response["Metadata"], {}, name)
            with Image.open(io.BytesIO(data)) as image:
                self.assertEqual(response["ContentType"], CONTENT_TYPES[image.format], name)

    def test_an_upload_through_the_desk_is_stored_clean_with_its_renditions(self):
        """A phone's JPEG, PNG and HEIC: originals and renditions in the bucket, all clean."""
        files = [
            upload(samples.camera_jpeg(size=(900, 600)), "Sokha_safehouse.jpg"),
            upload(samples.camera_png(size=(400, 300)), "b.png", "image/png"),
            upload(samples.camera_heic(size=(400, 300)), "c.heic", "image/heic"),
        ]
        data = batch_upload(
            files,
            lambda number: {
                "caption": f"Caption {number}, Phnom Penh, July 7, 2026.",
                "alt_text": f"Alt {number}",
                "credit_agency": "CamboJA",
            },
        )
        before = self.stored_keys()
        response = self.client.post(UPLOAD, data)
        self.assertEqual(response.status_code, 302)
        photographs = list(Photograph.objects.order_by("caption"))
        self.assertEqual(len(photographs), 3)
        written = set()
        for photograph in photographs:
            self.assertRegex(photograph.image.name, r"^photos/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png)$")
            self.assert_stored_clean(photograph)
            written |= photograph.stored_files()
        self.assertEqual(self.stored_keys() - before, written)
        self.assertFalse(any("safehouse" in key.lower() for key in self.stored_keys()))

    def test_addresses_are_signed_and_expire_and_a_bare_one_is_refused(self):
        """Readers' pages link signed addresses that load; without the signature: 403."""
        photograph = make_photograph(image=upload(image_bytes("JPEG", size=(700, 500))))
        make_published_article("Court hears land case", lead_photo=photograph)
        self.client.logout()
        page = self.client.get(f"/photos/{photograph.pk}/").content.decode()
        addresses = set(re.findall(rf"{re.escape(self.endpoint)}/[^\"' ,]+", page))
        self.assertGreater(len(addresses), 2)
        for address in addresses:
            address = address.replace("&amp;", "&")
            self.assertIn("Signature=", address)
            self.assertIn("Expires=", address)
            status, body = fetch(address)
            self.assertEqual(status, 200, address)
            key = address.split("?")[0].removeprefix(f"{self.endpoint}/newsroom-photos/")
            self.assertEqual(body, self.stored_object(key)[0])
            self.assertEqual(fetch(address.split("?")[0])[0], 403)

    def test_a_replaced_picture_leaves_no_old_object(self):
        """A new file: its objects are stored clean, the old ones are removed on commit."""
        photograph = make_photograph(image=upload(image_bytes("JPEG", size=(900, 600))))
        old = photograph.stored_files()
        photograph.image = upload(samples.camera_png(size=(500, 400)), "new.png", "image/png")
        with self.captureOnCommitCallbacks(execute=True):
            save_photograph(photograph=photograph)
        photograph.refresh_from_db()
        self.assertEqual(old & self.stored_keys(), set())
        self.assert_stored_clean(photograph)

    def test_a_withdrawn_photo_moves_and_its_old_addresses_answer_404(self):
        photograph = make_photograph(image=upload(image_bytes("JPEG", size=(600, 400))))
        old_address = photograph.rendition(640)["url"]
        self.assertEqual(fetch(old_address)[0], 200)
        old = photograph.stored_files()
        with self.captureOnCommitCallbacks(execute=True):
            withdraw_photograph(photograph=photograph, user=self.editor)
        self.assertEqual(old & self.stored_keys(), set())
        self.assertEqual(fetch(old_address)[0], 404)
        self.assert_stored_clean(photograph)

    def test_a_deleted_photo_leaves_nothing_in_the_bucket(self):
        """Hard delete (the photo exposes someone): every object goes after commit."""
        photograph = make_photograph(image=upload(samples.camera_jpeg(size=(600, 400))))
        names = photograph.stored_files()
        address = photograph.rendition(320)["url"]
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/admin/media/photograph/{photograph.pk}/delete/", {"post": "yes"}
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(names & self.stored_keys(), set())
        self.assertEqual(fetch(address)[0], 404)

    def test_profile_portrait_and_story_pages_allow_the_images_they_show(self):
        """
        Every image address in a served page starts with an origin the page's
        own content security policy allows in ``img-src``.
        """
        photograph = make_photograph(image=upload(image_bytes("JPEG", size=(700, 500))))
        person = make_person("Ny Sokha", portrait=photograph)
        article = make_published_article(
            "Court hears land case", lead_photo=photograph, bylines=[person]
        )
        self.client.logout()
        for path in ("/", article.get_absolute_url(), f"/photos/{photograph.pk}/",
                     f"/people/{person.slug}/"):  # fmt: skip
            with self.subTest(path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                policy = dict(
                    directive.strip().split(" ", 1)
                    for directive in response["Content-Security-Policy"].split(";")
                )
                allowed = policy["img-src"].split()
                self.assertIn(self.endpoint, allowed)
                sources = re.findall(r'<img[^>]+src="([^"]+)"', response.content.decode())
                sources += [
                    candidate.split()[0]
                    for srcset in re.findall(r'srcset="([^"]+)"', response.content.decode())
                    for candidate in srcset.split(", ")
                ]
                self.assertTrue(any(self.endpoint in source for source in sources), path)
                for source in sources:
                    origin = re.match(r"^(https?://[^/]+)", source)
                    self.assertIn(origin.group(1) if origin else "'self'", allowed, source)
