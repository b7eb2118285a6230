"""
A real S3 API on 127.0.0.1 for the photo desk's object-storage tests: moto's
server, started once per test class and stopped by its own handle. The site
is configured for it as production is from its environment
(``newsroom.settings.photo_storage``), and the tests read every object back
through the S3 API with boto3.
"""

import logging
import urllib.request

import boto3
import pytest
from django.test import override_settings
from moto.server import ThreadedMotoServer

from newsroom.photo_storage import content_security_policy, photo_storage
from tests.support.redis_server import free_port

BUCKET = "newsroom-photos"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "newsroom-test", "AWS_SECRET_ACCESS_KEY": "newsroom-test"}


def start_s3(cleanups):
    """
    Start moto's S3 server on a free port of 127.0.0.1; ``cleanups(function,
    *args)`` is told how to stop it. Return its address.
    """
    # Werkzeug logs one line per request of the server; the tests read the objects.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    cleanups(server.stop)
    endpoint = f"http://127.0.0.1:{port}"
    # moto keeps its buckets in the process, not the server: a server started
    # after another in the same test process would show the other's objects.
    reset = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")  # noqa: S310
    urllib.request.urlopen(reset, timeout=10).close()  # noqa: S310 - our own server
    return endpoint


def storage_environment(endpoint, bucket=BUCKET, **env):
    """The variables production would set for photos in ``bucket`` at ``endpoint``."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        **CREDENTIALS,
        **env,
    }


def object_storage_settings(environment):
    """``override_settings`` for the storage and the policy ``environment`` names."""
    storage, origin = photo_storage(environment)
    return override_settings(
        STORAGES={
            "default": storage,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        SECURE_CSP=content_security_policy(origin),
    )


class ObjectStorage:
    """
    A test-class mixin: photos are stored in a bucket of a real S3 server,
    ``self.s3`` is a boto3 client of it. Started before ``setUpTestData``.
    """

    pytestmark = pytest.mark.server
    storage_env = {}

    @classmethod
    def setUpClass(cls):
        cls.endpoint = start_s3(cls.addClassCleanup)
        cls.environment = storage_environment(cls.endpoint, **cls.storage_env)
        cls.s3 = boto3.client(
            "s3",
            endpoint_url=cls.endpoint,
            region_name="us-east-1",
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )
        cls.s3.create_bucket(Bucket=cls.environment["AWS_STORAGE_BUCKET_NAME"])
        storage_settings = object_storage_settings(cls.environment)
        storage_settings.enable()
        cls.addClassCleanup(storage_settings.disable)
        super().setUpClass()

    def stored_keys(self, bucket=None):
        """Every key in the bucket, listed through the S3 API."""
        bucket = bucket or self.environment["AWS_STORAGE_BUCKET_NAME"]
        pages = self.s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def stored_object(self, key, bucket=None):
        """The object ``key`` read back through the S3 API: its bytes and its headers."""
        bucket = bucket or self.environment["AWS_STORAGE_BUCKET_NAME"]
        response = self.s3.get_object(Bucket=bucket, Key=key)
        return response["Body"].read(), response
