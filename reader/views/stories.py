"""
One story's page: what it shows, loaded in a fixed number of queries, and the
links between a story and its translation. ``render_article`` also renders a
story for staff previews and share links, marked as a preview.
"""

import datetime

from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from articles.models import Article, ArticlePhoto, Byline, CommentRequest, FormerAddress
from people.models import Affiliation, Person

from .. import live, pagecache, pagetags, stored, structured_data
from ..pagecache import cache_public_page

RELATED_STORIES = 4


def story_parts():
    """What the story page shows besides its card's fields: one query each."""
    return [
        Prefetch("placed_photos", ArticlePhoto.objects.select_related("photograph__photographer")),
        *live.live_parts(),
        "corrections",
        "topics",
        Prefetch(
            "people",
            Person.objects.prefetch_related(
                Prefetch("affiliations", Affiliation.objects.select_related("organization"))
            ),
        ),
        "organizations",
        Prefetch(
            "comment_requests", CommentRequest.objects.select_related("person", "organization")
        ),
    ]


def story_page(stories):
    """``stories`` loading everything the story page shows, in a fixed number of queries."""
    return (
        stories.card_parts()
        .select_related("translation_of", "translation", "live_coverage")
        .prefetch_related(*story_parts())
    )


@require_safe
@cache_public_page
def article_detail(request, year, month, slug):
    """One published story; a former address of it answers 301 to the present one."""
    try:
        address_month = datetime.date(year, month, 1)
    except ValueError:
        raise Http404 from None
    found = stored.find(request, address_month, slug)
    if found is not None:
        article, parts = found
        return render_story_page(request, article, parts)
    published = Article.objects.published()
    with pagetags.collect() as shown:
        article = story_page(published).filter(month=address_month, slug=slug).first()
    if article is None:
        former = FormerAddress.objects.filter(
            month=address_month, slug=slug, article__in=published
        ).select_related("article")
        for address in former:
            return HttpResponsePermanentRedirect(address.article.get_absolute_url())
        raise Http404
    return render_article(request, article, shown=shown)


def parts_context(request, article):
    """Everything the story's parts show of ``article``, loaded by ``story_page``."""
    quotes = list(article.quotes.all())
    coverage = live.coverage(article)
    return {
        "article": article,
        "blocks": article.body_blocks(),
        "bylines": [
            byline for byline in article.bylines.all() if byline.role != Byline.Role.TRANSLATOR
        ],
        "translators": [
            byline for byline in article.bylines.all() if byline.role == Byline.Role.TRANSLATOR
        ],
        "people_in_story": people_in_story(article, quotes),
        "corrections": list(article.corrections.all()),
        "reply_statements": article.reply_statements(),
        "alternates": alternates(request, article),
        "language_switch": language_switch(article),
        "translation": translation_of(article),
        "canonical_url": canonical_url(request, article),
        "json_ld": structured_data.news_article(request, article, quotes, coverage),
        "was_updated": was_updated(article),
        "live": coverage,
    }


def render_article(request, article, *, preview=False, shown=frozenset()):
    """
    Render ``article`` in the public story template.

    ``preview=True`` is for people allowed to see the story before readers do
    (the caller checks that): the page says "Preview — not published", is
    never cached and is not for search engines. The public page is rendered
    with ``preview=False`` by ``article_detail`` only for published stories,
    and the parts of it that change only with the story and what it shows are
    stored (``reader.stored``) for the next time, with the tags of what was
    ``shown`` when the story was loaded.
    """
    if preview:
        # Handed in as the workspace loaded it: load what the page shows.
        article = story_page(Article.objects.filter(pk=article.pk)).get()
    context = parts_context(request, article)
    parts = stored.render_parts(request, article, context, preview=preview, shown=shown)
    response = render_story_page(request, article, parts, preview=preview)
    if preview:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
    return response


def render_story_page(request, article, parts, *, preview=False):
    """The story page around its ``parts``: the site's header, related stories."""
    context = {
        "article": article,
        "parts": parts,
        "language_switch": parts.language_switch,
        "related": related_stories(request, article),
        "preview": preview,
    }
    return render(request, "reader/article_detail.html", context)


def related_stories(request, article):
    """
    The related stories' cards, kept as a fragment: stories of the same section
    or sharing a topic, newest first. A new story joins them when the fragment
    expires, so publishing one renews no other story's page.
    """

    def render():
        # The story's topics, read by the database within the query.
        topics = Article.topics.through.objects.filter(article=article.pk).values("topic")
        related = (
            Article.objects.published()
            # Neither the story nor its translation.
            .exclude(pk__in=[article.pk, article.translation_of_id])
            .exclude(translation_of=article.pk)
            .filter(
                Q(section=article.section_id)
                | Q(
                    pk__in=Article.topics.through.objects.filter(topic__in=topics).values("article")
                )
            )
            .for_listing()[:RELATED_STORIES]
        )
        return render_to_string("reader/story/related.html", {"related": related}, request)

    return pagecache.fragment(request, "related", [article.pk], render, until_next_publication=True)


def people_in_story(article, quotes):
    """
    The people the story makes public (``Article.people_shown``), with the
    role the story gives them: the role given with their words, else their
    present affiliation.
    """
    roles = {}
    for quote in quotes:
        if quote.speaker_id and not roles.get(quote.speaker_id):
            roles[quote.speaker_id] = quote.speaker_role
    named = {person.pk: person for person in article.people.all()}
    entries = []
    for person in article.people_shown():
        affiliations = list(named[person.pk].affiliations.all()) if person.pk in named else []
        current = [affiliation for affiliation in affiliations if affiliation.is_current]
        entries.append(
            {
                "person": person,
                "role": roles.get(person.pk, ""),
                "affiliation": current[0] if current else None,
            }
        )
    return entries


def translation_of(article):
    """The story's counterpart in the other language, if it has one."""
    if article.translation_of_id:
        return article.translation_of
    # A missing reverse one-to-one raises a subclass of AttributeError.
    return getattr(article, "translation", None)


def alternates(request, article):
    """``hreflang`` links: the story and its published translation, each in its language."""
    other = translation_of(article)
    if other is None or not article.is_live() or not other.is_live():
        return []
    return [
        {"language": story.language, "url": canonical_url(request, story)}
        for story in sorted([article, other], key=lambda story: story.language)
    ]


def language_switch(article):
    """
    Where the site's language switch leads from a story, by language: to the
    story itself in its own language, to its published translation in the
    other, and to that language's home page when there is none.
    """
    other = translation_of(article)
    switch = {}
    for language, _name in settings.LANGUAGES:
        if article.language == language and article.is_live():
            target = article
        elif other is not None and other.language == language and other.is_live():
            target = other
        else:
            target = None
        with translation.override(language):
            switch[language] = target.get_absolute_url() if target else reverse("reader:home")
    return switch


def canonical_url(request, article):
    """The story's address in the site language matching the story's own."""
    with translation.override(article.language):
        return request.build_absolute_uri(article.get_absolute_url())


def was_updated(article):
    if not article.published_at or not article.updated_at:
        return False
    return article.updated_at - article.published_at > datetime.timedelta(minutes=5)
