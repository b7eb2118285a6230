"""
Where photos are stored and which origins pages may load them from: the
settings (``STORAGES``, ``SECURE_CSP``) are built here from the environment,
and the tests build them the same way for each way of naming a store.
"""

from urllib.parse import urlsplit

from django.utils.csp import CSP


def photo_storage(environ):
    """
    The photos' storage on S3-compatible object storage (django-storages) when
    ``environ`` names a bucket, and the origin its addresses start with, for
    the content security policy's ``img-src``: ``(None, None)`` without one.

    Files are private: readers get signed, expiring addresses at the store's
    own host, unless a public custom domain (a CDN allowed to read the bucket)
    serves them, whose addresses then need no signature. The addressing style
    is fixed rather than left to boto3's guess, so the origin named here is the
    one every address has: the endpoint's (path style, ``endpoint/bucket/key``)
    for a store of one's own, the bucket's host on AWS.
    """
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return None, None
    custom_domain = environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    endpoint_url = environ.get("AWS_S3_ENDPOINT_URL") or None
    url_protocol = environ.get("AWS_S3_URL_PROTOCOL") or "https:"
    region = environ.get("AWS_S3_REGION_NAME") or None
    if custom_domain:
        origin = f"{url_protocol}//{custom_domain.split('/')[0]}"
    elif endpoint_url:
        parts = urlsplit(endpoint_url)
        origin = f"{parts.scheme}://{parts.netloc}"
    elif region:
        origin = f"https://{bucket}.s3.{region}.amazonaws.com"
    else:
        origin = f"https://{bucket}.s3.amazonaws.com"
    storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "addressing_style": "path" if endpoint_url else "virtual",
            "region_name": region,
            "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": custom_domain,
            "url_protocol": url_protocol,
            "default_acl": "private",
            "querystring_auth": custom_domain is None,
            "querystring_expire": int(environ.get("AWS_QUERYSTRING_EXPIRE", "3600")),
            # Never replace a stored file by one of the same name: names stay unique.
            "file_overwrite": False,
            "location": environ.get("AWS_LOCATION", ""),
        },
    }
    return storage, origin


def content_security_policy(photo_origin):
    """The policy, with images also from ``photo_origin`` (object storage) when given."""
    return {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF, CSP.NONCE],
        "style-src": [CSP.SELF],
        "img-src": [CSP.SELF, "data:", *([photo_origin] if photo_origin else [])],
        "object-src": [CSP.NONE],
        "base-uri": [CSP.NONE],
        "frame-ancestors": [CSP.NONE],
        "form-action": [CSP.SELF],
    }
