"""
Webhook notices to partners: what they say, how they are signed and sent.

A notice is a small JSON object naming the event and the item's uri, never
the story's text: a partner fetches the item with its API key (so its scope
applies), and a takedown (``story.unpublished``) carries nothing of the
story but the uri of the item to remove.

Signature, for partners: the POST has the headers ``Webhook-Timestamp``
(Unix seconds) and ``Webhook-Signature: sha256=<hex>``, the HMAC-SHA256,
keyed with the webhook's secret, of ``<timestamp>.<body>`` (the timestamp's
digits, a full stop, the raw body bytes). Compute it, compare in constant
time, and refuse a timestamp more than ``TOLERANCE`` seconds away from now:
a notice caught and sent again later is then refused (``verify``).

Only http and https addresses are sent to, never following a redirect; in
production settings an address that is, or resolves to, a loopback,
private, link-local or otherwise non-public one is refused
(``WEBHOOK_ALLOW_PRIVATE_ADDRESSES``), and the connection is made to the
very address that was checked, so a name re-resolving elsewhere cannot
slip past (SSRF).
"""

import hashlib
import hmac
import http.client
import ipaddress
import json
import socket
import ssl
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _

TOLERANCE = 300
TIMEOUT = 10
USER_AGENT = "newsroom-webhooks/1"


def sign(secret, timestamp, body):
    message = str(timestamp).encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(secret, timestamp, signature, body, *, now=None):
    """What a partner's receiver does: whether the notice is ours and fresh."""
    try:
        age = abs((time.time() if now is None else now) - int(timestamp))
    except (TypeError, ValueError):
        return False
    return age <= TOLERANCE and hmac.compare_digest(sign(secret, timestamp, body), signature or "")


def encode(payload):
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True).encode()


def check_url(url):
    """Refuse an address notices may not go to (``ValidationError``); return its parts."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValidationError(_("Give an http:// or https:// address."), code="scheme")
    if parts.username or parts.password:
        raise ValidationError(
            _("The address may not hold a user name or password."), code="userinfo"
        )
    return parts


def public_address(host, port):
    """
    An address ``host`` resolves to that notices may go to; ``ValidationError``
    when it has none that is public (unless private ones are allowed).
    """
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise ValidationError(_("This address's host cannot be found."), code="dns") from None
    addresses = [ipaddress.ip_address(entry[4][0].split("%")[0]) for entry in found]
    if settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES:
        return str(addresses[0])
    if not addresses or any(not address.is_global for address in addresses):
        raise ValidationError(
            _("Notices go to public addresses only, not to this machine or a private network."),
            code="private",
        )
    return str(addresses[0])


def check_host_now(url):
    """For the admin form: refuse a private address, by its literal or its resolution."""
    parts = check_url(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    public_address(parts.hostname, port)


class PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, **kwargs):
        super().__init__(host, port, **kwargs)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, **kwargs):
        super().__init__(host, port, context=ssl.create_default_context(), **kwargs)
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post(url, secret, payload, *, timestamp=None):
    """
    POST the signed ``payload`` to ``url``; return the response's status code.
    Raise ``OSError`` (or ``ValidationError`` for an address refused) when
    no answer came.
    """
    parts = check_url(url)
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    address = public_address(parts.hostname, port)
    body = encode(payload)
    timestamp = int(time.time()) if timestamp is None else timestamp
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Webhook-Timestamp": str(timestamp),
        "Webhook-Signature": sign(secret, timestamp, body),
        "Webhook-Event": payload["event"],
    }
    connection_class = PinnedHTTPSConnection if https else PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address, timeout=TIMEOUT)
    try:
        path = parts.path or "/"
        connection.request("POST", f"{path}?{parts.query}" if parts.query else path, body, headers)
        response = connection.getresponse()
        response.read(64 * 1024)
        return response.status
    except http.client.HTTPException as failure:
        raise OSError(str(failure)) from failure
    finally:
        connection.close()
