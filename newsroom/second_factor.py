"""Where passkeys are valid: the relying party ID and origins, from the site's address."""

import ipaddress
from urllib.parse import urlsplit


def webauthn_rp_id(site_url):
    """
    The host name of ``site_url``; "localhost" for an IP address, which no
    browser accepts as a relying party ID.
    """
    host = urlsplit(site_url).hostname or "localhost"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host
    return "localhost"


def webauthn_origins(site_url, rp_id):
    """The site's own origin, or, when it is an IP address, the same port on ``rp_id``."""
    parts = urlsplit(site_url)
    if parts.hostname == rp_id:
        return [f"{parts.scheme}://{parts.netloc}"]
    port = f":{parts.port}" if parts.port else ""
    return [f"{parts.scheme}://{rp_id}{port}"]
