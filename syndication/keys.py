"""
API keys: made with a secret shown once, kept as a prefix to find the key by
and a SHA-256 hash of the secret; checked in constant time; counted per
minute in the shared cache (Redis in production), so every server process
counts the same requests.

A key reads ``nr_<prefix>_<secret>``, sent as ``Authorization: Bearer …``.
"""

import hashlib
import hmac
import re
import secrets
import time

from django.core.cache import cache
from django.utils import timezone

from .models import ApiKey

KEY = re.compile(r"nr_([0-9a-f]{12})_([A-Za-z0-9_-]{20,100})")
BEARER = re.compile(r"Bearer\s+(\S+)\s*", re.IGNORECASE)
WINDOW = 60


def hash_secret(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def create_key(*, name, rate_limit=60, section=None, language=""):
    """
    Make a key; return ``(api_key, key)``, where ``key`` is the only copy of
    the full key: give it to the partner, it cannot be shown again.
    """
    api_key = ApiKey(name=name, rate_limit=rate_limit, section=section, language=language)
    return api_key, issue(api_key)


def issue(api_key):
    """Give ``api_key`` (saved or not) a new secret, save it, return the full key."""
    prefix, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    api_key.prefix = prefix
    api_key.secret_hash = hash_secret(secret)
    api_key.save()
    return f"nr_{prefix}_{secret}"


def revoke(*, api_key):
    """Refuse the key from now on; its deliveries and name stay for the record."""
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])


def authenticate(header):
    """The active key an ``Authorization`` header carries, or None."""
    bearer = BEARER.fullmatch(header or "")
    found = KEY.fullmatch(bearer.group(1)) if bearer else None
    if found is None:
        return None
    prefix, secret = found.groups()
    api_key = ApiKey.objects.active().filter(prefix=prefix).first()
    if api_key is None:
        return None
    if not hmac.compare_digest(api_key.secret_hash, hash_secret(secret)):
        return None
    return api_key


def seconds_over_limit(api_key, *, now=None):
    """
    Count one request of ``api_key`` in this minute; return 0 while within
    its rate limit, else the seconds until the next minute starts.
    """
    now = time.time() if now is None else now
    window = int(now // WINDOW)
    key = f"syndication:rate:{api_key.prefix}:{window}"
    try:
        count = cache.incr(key)
    except ValueError:
        # The minute's first request (one write, not two: each write to the
        # development's file cache lists its folder); another process may
        # have started the count meanwhile.
        count = 1 if cache.add(key, 1, timeout=2 * WINDOW) else cache.incr(key)
    if count <= api_key.rate_limit:
        return 0
    return max(1, int((window + 1) * WINDOW - now + 0.999))
