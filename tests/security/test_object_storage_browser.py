"""
Photos on object storage, in headless Chromium: the pages' content security
policy allows the store's origin, taken from the settings that build the
photos' addresses, so every photo loads and nothing is reported.
"""

import pytest
from django.core.cache import cache
from django.test import override_settings

from newsroom.photo_storage import content_security_policy
from tests.security.test_csp_browser import CspBrowserTestCase, directives
from tests.support.browser import load_lazy_images
from tests.support.factories import (
    image_upload,
    make_person,
    make_photograph,
    make_published_article,
    make_user,
)
from tests.support.object_storage import ObjectStorage

IMAGES = "Array.from(document.images).map(image => [image.currentSrc, image.naturalWidth])"


class ObjectStoragePhotoTests(ObjectStorage, CspBrowserTestCase):
    pytestmark = [pytest.mark.browser, pytest.mark.server]

    def setUp(self):
        super().setUp()
        # Pages cached by an earlier test would carry that test's addresses.
        cache.clear()
        editor = make_user("object-storage-editor")
        photograph = make_photograph(
            caption="Rice fields in Kampong Speu, May 2, 2024.",
            image=image_upload(size=(1200, 800), color=(90, 140, 70)),
        )
        person = make_person("Ny Sokha", portrait=make_photograph(image=image_upload()))
        self.story = make_published_article(
            "Families still wait for their land",
            approved_by=editor,
            bylines=[person],
            lead_photo=photograph,
        )
        self.paths = [
            "/",
            self.story.get_absolute_url(),
            f"/photos/{photograph.pk}/",
            "/photos/",
            f"/people/{person.slug}/",
        ]

    def images(self, path):
        """Open ``path``; return its policy and its images as ``[address, width]``."""
        response = self.visit(path)
        load_lazy_images(self.page)
        # Then half a second without requests: a violation reported late is caught too.
        self.page.wait_for_load_state("networkidle")
        policy = directives(response.header_value("content-security-policy"))
        return policy, self.page.evaluate(IMAGES)

    def test_every_photo_loads_from_the_bucket_with_no_violation(self):
        for path in self.paths:
            with self.subTest(path):
                policy, images = self.images(path)
                self.assertIn(self.endpoint, policy["img-src"].split())
                from_bucket = [src for src, _width in images if src.startswith(self.endpoint)]
                self.assertTrue(from_bucket, f"{path} shows no photo from the bucket")
                for src, width in images:
                    self.assertGreater(width, 0, f"{src} did not load on {path}")
                self.assert_no_violations(path)
        self.assertEqual(self.console_errors, [])

    @override_settings(SECURE_CSP=content_security_policy(None))
    def test_without_the_stores_origin_the_browser_blocks_the_photos(self):
        """The control: the policy as it was before the origin was added stops every photo."""
        policy, images = self.images(self.story.get_absolute_url())
        self.assertNotIn(self.endpoint, policy["img-src"])
        self.assertTrue(images)
        for src, width in images:
            self.assertEqual(width, 0, src)
        blocked = {(item["directive"], item["blocked"][: len(self.endpoint)])
                   for item in self.violations()}  # fmt: skip
        self.assertEqual(blocked, {("img-src", self.endpoint)})
