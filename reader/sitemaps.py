"""
``sitemap.xml`` (every public page) and ``news-sitemap.xml`` (Google News:
stories of the last two days).
"""

import datetime

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article

from . import pagetags

NEWS_DAYS = 2


class StorySitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        pagetags.shows("latest")
        return Article.objects.published().order_by("-published_at", "-pk")

    def location(self, article):
        # Each story at the address in the site language that matches its own.
        with translation.override(article.language):
            return article.get_absolute_url()

    def lastmod(self, article):
        return max(article.published_at, article.updated_at)


class TranslatedSitemap(Sitemap):
    """A page in both site languages, each pointing at the other (``hreflang``)."""

    i18n = True
    alternates = True
    x_default = True


class SlugSitemap(TranslatedSitemap):
    """Sections, topics, people and organizations that published stories show."""

    changefreq = "daily"

    def __init__(self, name, route):
        self.name, self.route = name, route

    def items(self):
        return getattr(Article.objects.published(), self.name)().order_by("pk")

    def location(self, item):
        return reverse(self.route, args=[item.slug])


class PhotoSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().photographs().order_by("pk")

    def location(self, photograph):
        return reverse("reader:photo_detail", args=[photograph.pk])


class PageSitemap(TranslatedSitemap):
    changefreq = "hourly"

    def items(self):
        return ["reader:home", "reader:archive", "reader:photo_list"]

    def location(self, route):
        return reverse(route)


class NewsSitemap(StorySitemap):
    """Stories published in the last two days, with Google News' tags."""

    def items(self):
        pagetags.shows("latest")
        since = timezone.now() - datetime.timedelta(days=NEWS_DAYS)
        return (
            Article.objects.published()
            .filter(published_at__gte=since)
            .order_by("-published_at", "-pk")[:1000]
        )


sitemaps = {
    "pages": PageSitemap,
    "stories": StorySitemap,
    "sections": SlugSitemap("sections", "reader:section_detail"),
    "topics": SlugSitemap("topics", "reader:topic_detail"),
    "people": SlugSitemap("people", "reader:person_detail"),
    "organizations": SlugSitemap("organizations", "reader:organization_detail"),
    "photos": PhotoSitemap,
}
