"""
RSS 2.0 and Atom feeds of published stories: latest, per section, per author,
per language; and an Atom feed of each live story's updates. Every story
feed takes ``?language=en`` or ``?language=km`` to keep the stories in one
language. Each is a cached page (``cached``), renewed
by a change to the list of stories it shows (``StoryFeed.lists``).

Headlines, standfirsts and descriptions are plain text, and feed readers show
them as typed.
"""

import dataclasses
import mimetypes

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline, Language

from . import live, pagetags
from .pagecache import cache_public_page

ITEMS = 30
LIVE_ITEMS = 100


def as_html(text):
    """
    Plain ``text`` for a field feed readers take as HTML: an RSS
    ``<description>``, an Atom ``<summary type="html">``.
    """
    # Escaped rather than marked as plain text: RSS 2.0 cannot mark a
    # description as text, so readers render "<b>x</b>" in bold and run
    # "<img onerror=…>". Escaped, the text reads as typed in RSS and Atom
    # alike. Titles need none of this: Atom's are text, and RSS readers take
    # theirs as text, so escaping would show "&lt;" to them.
    return escape(text)


@dataclasses.dataclass
class Subject:
    """What a feed is about (a section, a person, or nothing for the latest), and
    the request, for absolute image addresses: a Feed instance serves every
    request, so nothing request-specific may be kept on it."""

    request: HttpRequest
    item: object = None


class StoryFeed(Feed):
    """
    What every story feed shares: one item per story, with its lead photo.
    Each feed says what it holds, in plain text, with ``summary(subject)``.
    """

    def get_object(self, request, *args, **kwargs):
        return Subject(request)

    def description(self, subject):
        # RSS only: readers take a channel's <description> as HTML too.
        return as_html(self.summary(subject))

    def subtitle(self, subject):
        # Atom only: Django writes <subtitle> as text.
        return self.summary(subject)

    def lists(self, subject):
        """The page tags of the lists of stories the feed shows (``reader.pagetags``)."""
        return ["latest"]

    def stories(self, subject):
        pagetags.shows(*self.lists(subject))
        selected = self.select(subject)
        language = subject.request.GET.get("language")
        if language in Language.values:
            selected = selected.in_language(language)
        stories = list(selected.for_listing().prefetch_related("topics")[:ITEMS])
        for story in stories:
            story.feed_request = subject.request
        return stories

    def items(self, subject):
        return self.stories(subject)

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return as_html(article.standfirst)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return max(article.published_at, article.updated_at)

    def item_author_name(self, article):
        return ", ".join(byline.person.public_name for byline in article.bylines.all()) or None

    def item_categories(self, article):
        categories = [article.section.name] if article.section_id else []
        return categories + [topic.name for topic in article.topics.all()]

    def item_enclosures(self, article):
        """
        The lead photo, as its 1280-pixel rendition: its address, its length in
        bytes and its type. A file whose length cannot be read gets no
        enclosure rather than a wrong length.
        """
        photo = article.shown_lead_photo
        if photo is None or not photo.image:
            return []
        image = photo.rendition(1280)
        length = image["bytes"]
        if length is None:
            try:
                length = photo.image.storage.size(image["name"])
            except OSError:
                return []
        mime_type = mimetypes.guess_type(image["name"])[0] or "application/octet-stream"
        url = article.feed_request.build_absolute_uri(image["url"])
        return [Enclosure(url, str(length), mime_type)]


class LatestStoriesFeed(StoryFeed):
    title = _("Newsroom: latest stories")

    def summary(self, subject):
        return _("The latest stories, in English and Khmer.")

    def link(self):
        return reverse("reader:home")

    def select(self, subject):
        return Article.objects.published()


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = Atom1Feed


class SectionFeed(StoryFeed):
    def get_object(self, request, slug):
        return Subject(
            request, get_object_or_404(Article.objects.published().sections(), slug=slug)
        )

    def title(self, subject):
        return _("Newsroom: %(section)s") % {"section": subject.item.name}

    def summary(self, subject):
        return subject.item.description or self.title(subject)

    def link(self, subject):
        return reverse("reader:section_detail", args=[subject.item.slug])

    def lists(self, subject):
        return [f"stories-of:section:{subject.item.pk}"]

    def select(self, subject):
        return Article.objects.published().filter(section=subject.item)


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed


class AuthorFeed(StoryFeed):
    def get_object(self, request, slug):
        return Subject(request, get_object_or_404(Article.objects.published().authors(), slug=slug))

    def title(self, subject):
        return _("Newsroom: stories by %(name)s") % {"name": subject.item.name}

    def summary(self, subject):
        return self.title(subject)

    def link(self, subject):
        return reverse("reader:person_detail", args=[subject.item.slug])

    def lists(self, subject):
        return [f"stories-of:person:{subject.item.pk}"]

    def select(self, subject):
        written = Byline.objects.filter(person=subject.item).values("article")
        return Article.objects.published().filter(pk__in=written)


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed


class LanguageFeed(StoryFeed):
    """
    The latest stories in one language: ``/feeds/languages/km/`` is the Khmer
    feed, written in Khmer whatever the address's prefix, its links to the
    Khmer site.
    """

    def __call__(self, request, *args, language, **kwargs):
        if language not in Language.values:
            raise Http404
        with translation.override(language):
            return super().__call__(request, *args, language=language, **kwargs)

    def get_object(self, request, language):
        return Subject(request, language)

    def title(self, subject):
        return _("Newsroom: stories in %(language)s") % {"language": Language(subject.item).label}

    def summary(self, subject):
        return self.title(subject)

    def link(self, subject):
        return reverse("reader:home")

    def select(self, subject):
        return Article.objects.published().in_language(subject.item)


class LanguageAtomFeed(LanguageFeed):
    feed_type = Atom1Feed


def cached(feed):
    """A feed served from the page cache, one page per ``?language=``."""
    return cache_public_page(feed, query={"language": "|".join(Language.values)})


class LiveUpdatesFeed(Feed):
    """A live story's updates, newest first, each linking to its place on the story's page."""

    feed_type = Atom1Feed

    def get_object(self, request, year, month, slug):
        story = live.live_story(year, month, slug)
        story.feed_request = request
        return story

    def title(self, article):
        return _("Live: %(headline)s") % {"headline": article.headline}

    def subtitle(self, article):
        return article.standfirst or self.title(article)

    def link(self, article):
        return article.get_absolute_url()

    def items(self, article):
        return live.coverage(article)["updates"][:LIVE_ITEMS]

    def item_title(self, update):
        return update.title or Truncator(strip_tags(update.body_html)).words(12)

    def item_description(self, update):
        # The update's text as the page shows it: sanitized when it was saved.
        return update.body_html

    def item_link(self, update):
        return f"{update.article.get_absolute_url()}#update-{update.pk}"

    def item_pubdate(self, update):
        return update.posted_at

    def item_updateddate(self, update):
        return update.edited_at or update.posted_at

    def item_author_name(self, update):
        return live.author_name(update) or None
