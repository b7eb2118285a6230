"""Shared checks for the photo desk tests."""

import io
import shutil
import tempfile

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from PIL import Image

from tests.support.factories import make_user
from tests.support.samples import SECRETS
from tests.support.staff import sign_in

RECORDING_STORAGES = override_settings(
    STORAGES={
        **settings.STORAGES,
        "default": {"BACKEND": "tests.support.storages.RecordingStorage"},
    }
)


def upload(data, name="IMG_0001.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def batch_upload(files, row, rows=None):
    """
    The POST data of the desk's batch upload: a row per file, its fields from
    ``row(number)`` (caption, alt text…), and ``rows`` rows in all.
    """
    data = {
        "form-TOTAL_FORMS": str(rows or len(files)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "20",
    }
    for number, file in enumerate(files):
        data[f"form-{number}-image"] = file
        data |= {f"form-{number}-{name}": value for name, value in row(number).items()}
    return data


def stored_names(folder=""):
    """Every file under ``folder`` of the default storage, walked through the storage API."""
    if folder and not default_storage.exists(folder):
        return set()
    folders, files = default_storage.listdir(folder)
    names = {f"{folder}/{name}" if folder else name for name in files}
    for child in folders:
        names |= stored_names(f"{folder}/{child}" if folder else child)
    return names


def read(name):
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def assert_clean(testcase, data, label=""):
    """No EXIF, XMP, IPTC, comment or colour profile in ``data``, by bytes and by Pillow."""
    for marker in SECRETS:
        testcase.assertNotIn(marker, data, f"{marker!r} left in {label}")
    with Image.open(io.BytesIO(data)) as image:
        testcase.assertEqual(dict(image.getexif()), {}, label)
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "icc_profile"):
            testcase.assertNotIn(key, image.info, label)


class IsolatedMedia:
    """A test mixin: a fresh, empty MEDIA_ROOT for each test, so file checks see only its files."""

    def setUp(self):
        super().setUp()
        folder = tempfile.mkdtemp(prefix="newsroom-test-media-", dir=settings.MEDIA_ROOT)
        media_root = override_settings(MEDIA_ROOT=folder)
        media_root.enable()
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        self.addCleanup(media_root.disable)


class DeskTestCase(IsolatedMedia, TestCase):
    """An editor signed in at the photo desk."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user(role="Editors")

    def setUp(self):
        super().setUp()
        sign_in(self.client, self.editor)
