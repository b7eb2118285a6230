"""
Production's settings, as a process started with production's environment
loads them: the mail backend, Redis, object storage and its content security
policy, and gunicorn's configuration.
"""

import json
import os
import runpy
from urllib.parse import urlsplit

from django.test import TestCase
from storages.backends.s3 import S3Storage

from newsroom.photo_storage import content_security_policy, photo_storage
from tests.support import ROOT
from tests.support.production import settings_answers

# A bucket on an S3-compatible store of the newsroom's own.
BUCKET = {
    "AWS_STORAGE_BUCKET_NAME": "newsroom-photos",
    "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
    "AWS_ACCESS_KEY_ID": "test-key-id",
    "AWS_SECRET_ACCESS_KEY": "test-secret-key",
    "AWS_S3_REGION_NAME": "ap-southeast-1",
}


MAIL = (
    "from django.core.mail import send_mail; "
    "print(send_mail('Subject', 'Body', 'desk@example.org', ['editor@example.org']))"
)
CACHE = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
STORAGE = (
    "from django.core.files.storage import storages; d = storages['default']; "
    "print(type(d).__name__, d.default_acl, d.querystring_auth); "
    "print(d.url('photos/2024/ny-sokha.jpg'))"
)
POLICY = (
    "import json; from urllib.parse import urlsplit; from django.conf import settings; "
    "from django.core.files.storage import storages; "
    "parts = urlsplit(storages['default'].url('photos/2024/ny-sokha.jpg')); "
    "print(json.dumps([f'{parts.scheme}://{parts.netloc}', "
    "settings.SECURE_CSP['img-src']]))"
)
STORAGE_CLASS = "from django.core.files.storage import storages; print(type(storages['default']))"
IMG_SRC = "from django.conf import settings; print(*settings.SECURE_CSP['img-src'])"
# Each environment production may start in, and what the tests ask its
# settings: one manage.py process per environment answers all of its questions.
ENVIRONMENTS = {
    "console mail": (
        {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
        {"sent": MAIL},
    ),
    "redis": ({"REDIS_URL": "redis://127.0.0.1:6399/1"}, {"cache": CACHE}),
    "no redis": ({"REDIS_URL": ""}, {"cache": CACHE}),
    "bucket": (BUCKET, {"storage": STORAGE, "policy": POLICY}),
    "custom domain": (
        {**BUCKET, "AWS_S3_CUSTOM_DOMAIN": "photos.example.org"},
        {"storage": STORAGE},
    ),
    "no bucket": ({}, {"storage": STORAGE_CLASS, "img-src": IMG_SRC}),
}


class ProductionSettingsTests(TestCase):
    answers = {}

    def settings_in(self, environment, question):
        """What ``question`` printed in production started in ``environment`` (ENVIRONMENTS)."""
        if environment not in self.answers:
            env, questions = ENVIRONMENTS[environment]
            type(self).answers[environment] = settings_answers(questions, **env)
        return self.answers[environment][question]

    def test_a_mail_backend_other_than_smtp_sends_in_production(self):
        """EMAIL_BACKEND=console (or file, locmem) gets no SMTP options it would refuse."""
        sent = self.settings_in("console mail", "sent")
        self.assertTrue(sent.endswith("1"), sent)
        self.assertIn("Subject: Subject", sent)

    def test_redis_url_selects_the_redis_cache(self):
        self.assertEqual(
            self.settings_in("redis", "cache"), "django.core.cache.backends.redis.RedisCache"
        )
        self.assertEqual(
            self.settings_in("no redis", "cache"),
            "django.core.cache.backends.filebased.FileBasedCache",
        )

    def test_a_bucket_selects_private_object_storage_with_signed_addresses(self):
        kind, url = self.settings_in("bucket", "storage").splitlines()
        self.assertEqual(kind, "S3Storage private True")
        self.assertTrue(url.startswith("https://objects.example.org/newsroom-photos/photos/"))
        self.assertIn("Signature=", url)
        kind, url = self.settings_in("custom domain", "storage").splitlines()
        self.assertEqual(kind, "S3Storage private False")
        self.assertEqual(url, "https://photos.example.org/photos/2024/ny-sokha.jpg")

    def test_the_policy_allows_images_from_where_photo_addresses_point(self):
        """
        However the store is named (its own endpoint, AWS, a custom domain), the
        policy's img-src holds the origin of the addresses the storage makes, and
        nothing else beyond the site itself.
        """
        aws = {key: value for key, value in BUCKET.items() if key != "AWS_S3_ENDPOINT_URL"}
        cases = [
            (BUCKET, "https://objects.example.org"),
            ({**BUCKET, "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"}, "http://127.0.0.1:9000"),
            (aws, "https://newsroom-photos.s3.ap-southeast-1.amazonaws.com"),
            ({**aws, "AWS_S3_REGION_NAME": ""}, "https://newsroom-photos.s3.amazonaws.com"),
            ({**aws, "AWS_S3_CUSTOM_DOMAIN": "photos.example.org"}, "https://photos.example.org"),
        ]
        # Settings as production loads them, for one store of one's own.
        origin, img_src = json.loads(self.settings_in("bucket", "policy"))
        self.assertEqual((origin, img_src), (cases[0][1], ["'self'", "data:", cases[0][1]]))
        # Every way of naming the store, through the functions those settings call.
        for env, expected in cases:
            with self.subTest(env=env):
                storage, origin = photo_storage(env)
                address = S3Storage(**storage["OPTIONS"]).url("photos/2024/ny-sokha.jpg")
                parts = urlsplit(address)
                self.assertEqual(f"{parts.scheme}://{parts.netloc}", expected)
                self.assertEqual(origin, expected)
                img_src = content_security_policy(origin)["img-src"]
                self.assertEqual(img_src, ["'self'", "data:", expected])
        self.assertEqual(self.settings_in("no bucket", "img-src"), "'self' data:")

    def test_without_a_bucket_uploads_stay_on_the_file_system(self):
        self.assertIn("FileSystemStorage", self.settings_in("no bucket", "storage"))

    def test_gunicorn_configuration(self):
        """Workers from the cores, capped; bounded timeouts; no address in the access line."""
        config = runpy.run_path(str(ROOT / "newsroom" / "gunicorn.conf.py"))
        self.assertEqual(config["bind"], "127.0.0.1:8000")
        self.assertEqual(config["workers"], min(2 * os.cpu_count() + 1, 9))
        self.assertEqual(config["accesslog"], "-")
        self.assertLessEqual(config["timeout"], 60)
        for address_field in ("%(r)s", "%(U)s", "%(q)s", "%(f)s"):
            self.assertNotIn(address_field, config["access_log_format"])
