"""What the site tells search engines' crawlers: ``/robots.txt``."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from ..pagecache import cache_public_page


@require_safe
@cache_public_page
def robots_txt(request):
    """
    Readers' pages are open to crawlers; the workspace and share links
    (an unpublished story shown to someone outside the newsroom) are not.
    The sitemaps are named by the site's own address (``SITE_URL``).
    """
    closed = [reverse("admin:index")]
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            # Every share link's address starts here, before its token.
            closed.append(reverse("workflow:shared_preview", args=["-"]).removesuffix("-/"))
    sitemaps = [
        settings.SITE_URL + reverse(name)
        for name in ("django.contrib.sitemaps.views.sitemap", "news_sitemap")
    ]
    return render(
        request,
        "reader/robots.txt",
        {"closed": closed, "sitemaps": sitemaps},
        content_type="text/plain; charset=utf-8",
    )
