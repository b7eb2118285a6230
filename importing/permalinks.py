"""
Old links keep working: the addresses stories had on the WordPress site they
were imported from (``FormerPermalink``) answer with a permanent redirect to
the story's address here, once it is published. A draft's old address stays
a 404, the same as any unknown address.
"""

import re
from urllib.parse import parse_qs, unquote, urlsplit

from django.http import HttpResponsePermanentRedirect
from django.utils import translation

from articles.models import Article

from .models import FormerPermalink

# WordPress's address of a post by its id, whatever the permalink settings: /?p=201.
POST_ID = re.compile(r"[1-9][0-9]{0,19}")
MAX_LENGTH = FormerPermalink._meta.get_field("path").max_length


def path_key(path, post_id=""):
    """
    ``path`` (decoded or percent-encoded) as kept and looked up: decoded,
    without its trailing slash, with ``?p=<post_id>`` when one is given.
    """
    key = "/" + unquote(path).strip("/")
    return f"{key}?p={post_id}" if post_id else key


def url_key(url):
    """The key of an absolute address on the old site, or None when it names no page."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return None
    post_id = parse_qs(parts.query).get("p", [""])[0]
    if post_id and not POST_ID.fullmatch(post_id):
        return None
    key = path_key(parts.path, post_id)
    return key if key != "/" else None


def keys_of(item):
    """
    The old addresses of the post ``item``: its permalink (``<link>``), its
    guid (``?p=<id>``), its id on the site, and ``/<slug>/``, WordPress's
    "post name" permalinks.
    """
    keys = {url_key(item.link), url_key(item.guid), url_key(f"http://old/?p={item.id}")}
    if item.slug:
        keys.add(path_key(item.slug))
    return {key for key in keys if key and len(key) <= MAX_LENGTH}


def remember_permalinks(*, article, item):
    """
    Keep the old addresses of ``item`` for ``article``. An address already kept
    for another story stays with it: a link that worked goes on leading where it did.
    """
    for key in keys_of(item):
        FormerPermalink.objects.get_or_create(path=key, defaults={"article": article})


def story_at(request):
    """The published story the request's old address names, or None."""
    post_id = request.GET.get("p", "")
    if post_id and not POST_ID.fullmatch(post_id):
        return None
    key = path_key(request.path, post_id)
    if len(key) > MAX_LENGTH or "\x00" in key:
        # No old address is kept so (and PostgreSQL refuses a NUL in a query).
        return None
    return Article.objects.published().filter(former_permalinks__path=key).first()


class FormerPermalinkMiddleware:
    """
    Answers an old address with a permanent redirect to its story: any address
    nothing else answers (a 404), and ``…/?p=<id>``, which would otherwise be
    answered by the page at its path (the home page, for ``/?p=201``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        if request.path.endswith("/") and POST_ID.fullmatch(request.GET.get("p", "")):
            redirect = self.redirect(request)
            if redirect is not None:
                return redirect
        response = self.get_response(request)
        if response.status_code == 404:
            return self.redirect(request) or response
        return response

    def redirect(self, request):
        article = story_at(request)
        if article is None:
            return None
        # The address in the story's own language: /km/… for a Khmer story.
        with translation.override(article.language):
            return HttpResponsePermanentRedirect(article.get_absolute_url())
