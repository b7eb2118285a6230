"""System checks of the newsroom's own settings, run by ``manage.py check``."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.checks import Tags, Warning, register
from django.http.request import validate_host

from operations.middleware import FORWARDED_FOR_SEEN_KEY

TRUSTED_PROXY_HINT = (
    "Set TRUSTED_PROXY_COUNT to the number of proxies of yours in front of the app that "
    "append to X-Forwarded-For (1 for a single nginx, load balancer or CDN)."
)


@register(Tags.security, deploy=True)
def check_proxy_is_trusted(app_configs, **kwargs):
    """Behind a TLS proxy (BEHIND_TLS_PROXY=1), TRUSTED_PROXY_COUNT must not be 0."""
    if settings.SECURE_PROXY_SSL_HEADER and settings.TRUSTED_PROXY_COUNT <= 0:
        return [
            Warning(
                "BEHIND_TLS_PROXY is on but TRUSTED_PROXY_COUNT is 0: every client has the "
                "proxy's address, so anyone failing to sign in with a username locks it out "
                "for everyone, and password-reset requests of all clients share one limit.",
                hint=TRUSTED_PROXY_HINT,
                id="newsroom.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_forwarded_for_is_trusted(app_configs, **kwargs):
    """
    Requests carrying X-Forwarded-For (recorded by
    ``operations.middleware.ForwardedForMiddleware``) mean a proxy is likely in
    front, which TRUSTED_PROXY_COUNT must then count.
    """
    if settings.TRUSTED_PROXY_COUNT > 0:
        return []
    seen = cache.get(FORWARDED_FOR_SEEN_KEY)
    if seen is None:
        return []
    return [
        Warning(
            f"Requests carrying X-Forwarded-For have arrived (the first at {seen}) but "
            "TRUSTED_PROXY_COUNT is 0: behind a proxy every client has the proxy's address, "
            "so failed sign-ins and password-reset requests of everyone are counted together.",
            hint=(
                f"{TRUSTED_PROXY_HINT} If no proxy of yours stands in front, clients wrote "
                "the header themselves; clear this warning with: python manage.py shell -c "
                f"\"from django.core.cache import cache; cache.delete('{FORWARDED_FOR_SEEN_KEY}')\""
            ),
            id="newsroom.W002",
        )
    ]


@register(Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    """
    SITE_URL is the address e-mailed links name and the only one whose pages
    are cached: an https address among ALLOWED_HOSTS.
    """
    site = urlsplit(settings.SITE_URL)
    problems = []
    if site.scheme != "https":
        problems.append(
            Warning(
                f"SITE_URL is {settings.SITE_URL}: password-reset and workflow links would "
                "be sent over plain http.",
                hint="Set SITE_URL to the site's https address, e.g. https://news.example.org.",
                id="newsroom.W003",
            )
        )
    if not validate_host(site.hostname or "", settings.ALLOWED_HOSTS):
        problems.append(
            Warning(
                f"SITE_URL's host {site.hostname!r} is not in ALLOWED_HOSTS: no request can "
                "ask for it, so no reader page is ever cached and e-mailed links fail.",
                hint="Add the host to ALLOWED_HOSTS, or correct SITE_URL.",
                id="newsroom.W004",
            )
        )
    return problems
