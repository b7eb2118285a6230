"""The home page: featured and latest stories, a block per section, the most quoted."""

import datetime

from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from articles.models import Article, Section
from people.models import Person
from quotes.models import Quote

from .. import pagetags, structured_data
from ..pagecache import cache_public_page

HOME_LATEST = 10
HOME_FEATURED = 3
HOME_PER_SECTION = 4
HOME_MOST_QUOTED = 8


@require_safe
@cache_public_page
def home(request):
    """Featured and latest stories, a block per section, the most quoted people."""
    pagetags.shows("latest")
    published = Article.objects.published()
    language = get_language()
    # A story featured in one language is featured in both: the Khmer home
    # leads with the Khmer version of the story the English home leads with.
    featured_pair = (
        Q(is_featured=True) | Q(translation_of__is_featured=True) | Q(translation__is_featured=True)
    )
    featured = list(published.filter(featured_pair).for_listing()[:HOME_FEATURED])
    # Each story once on the page: neither a featured story nor its other
    # version is among the latest.
    latest = list(
        published.for_listing().exclude(pk__in=[story.pk for story in featured])[:HOME_LATEST]
    )
    # One query for every section's latest stories, however many sections
    # exist. Each section's n-th newest story is looked up in the section's
    # index, so the query reads a few stories per section, not the archive.
    newest = (
        published.one_version(language)
        .filter(section=OuterRef("pk"))
        .order_by("-published_at", "-pk")
    )
    slots = Section.objects.annotate(
        **{f"story_{n}": Subquery(newest.values("pk")[n : n + 1]) for n in range(HOME_PER_SECTION)}
    )
    in_a_slot = Q()
    for n in range(HOME_PER_SECTION):
        in_a_slot |= Q(pk__in=slots.values(f"story_{n}"))
    # The slots hold published stories only; filtering again would make SQLite
    # scan every published story instead of fetching these few by key.
    by_section = (
        Article.objects.filter(in_a_slot)
        .card_parts()
        .order_by("section__position", "section__name", "section", "-published_at", "-pk")
    )
    sections = {}
    for story in by_section:
        sections.setdefault(story.section, []).append(story)
    # The most quoted in the last 30 days' stories: their quotes are found
    # through the stories (an index), not by joining every quote ever given.
    since = timezone.now() - datetime.timedelta(days=30)
    recent_quotes = Quote.objects.shown().filter(
        article__in=published.filter(published_at__gte=since),
        speaker__in=Person.objects.public(),
    )
    most = (
        recent_quotes.values("speaker")
        .annotate(total=Count("pk"))
        .order_by("-total", "speaker__name")
        .values("speaker")[:HOME_MOST_QUOTED]
    )
    counted = (
        recent_quotes.filter(speaker=OuterRef("pk"))
        .order_by()
        .values("speaker")
        .annotate(total=Count("pk"))
        .values("total")
    )
    most_quoted = (
        Person.objects.filter(pk__in=most)
        .annotate(quote_count=Subquery(counted))
        .order_by("-quote_count", "name")
    )
    return render(
        request,
        "reader/home.html",
        {
            "featured": featured,
            "latest": latest,
            "section_blocks": list(sections.items()),
            "most_quoted": most_quoted,
            "json_ld": structured_data.website(request),
        },
    )
