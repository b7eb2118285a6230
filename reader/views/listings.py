"""
Lists of stories: the archive with its filters, sections, topics, search and
corrections. Listings count and page through at most ``COUNT_LIMIT`` stories.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from articles.models import Article, Correction
from people.slugs import SLUG_PATTERN

from .. import pagetags
from .. import search as story_search
from ..filters import ArchiveFilter
from ..pagecache import PAGE_NUMBER, cache_public_page

# Listings count and page through at most this many stories: counting every
# story of a section at 100,000 stories took longer than the rest of the page.
# Older ones are found by date in the archive.
COUNT_LIMIT = 1000
LISTING_PER_PAGE = 20
CORRECTIONS_PER_PAGE = 50


def searched_words(value):
    """The words searched for, in the normal form a page is kept under (``clean_query``)."""
    return story_search.clean_query(value)


# The archive's parameters, each with the values a page is kept for: a slug,
# a language, a date, the words (in their normal form), a page number.
ARCHIVE_QUERY = {
    "q": searched_words,
    "section": SLUG_PATTERN,
    "topic": SLUG_PATTERN,
    "author": SLUG_PATTERN,
    "quoted": SLUG_PATTERN,
    "language": "|".join(code for code, _name in settings.LANGUAGES),
    "published_after": r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
    "published_before": r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
    "page": PAGE_NUMBER,
}


@require_safe
@cache_public_page(query=ARCHIVE_QUERY)
def archive(request):
    """
    Every published story, filtered by the ``ArchiveFilter`` choices and ``q``.
    A page is kept for each combination of filters, renewed when a story is
    published, changed or taken down (``latest``): made-up values outside
    ``ARCHIVE_QUERY``'s patterns are answered, not kept.
    """
    data = None
    if request.GET:
        data = request.GET.copy()
        if "q" in data:
            data["q"] = searched_words(data["q"])
    filterset = ArchiveFilter(data, queryset=Article.objects.published(), request=request)
    pagetags.shows("latest")
    status = 200
    if filterset.is_bound and not filterset.is_valid():
        stories, status = Article.objects.none(), 400
    else:
        stories = filterset.qs.for_listing()
    page = page_of(request, stories, LISTING_PER_PAGE, limit=COUNT_LIMIT)
    return render(
        request,
        "reader/article_archive.html",
        {"filter": filterset, "page": page, "is_filtered": filterset.is_bound},
        status=status,
    )


@require_safe
@cache_public_page(query={"page": PAGE_NUMBER})
def section_detail(request, slug):
    published = Article.objects.published()
    section = get_object_or_404(published.sections(), slug=slug)
    pagetags.shows(f"stories-of:section:{section.pk}")
    stories = published.filter(section=section).for_listing()
    return render_listing(
        request, "reader/section_detail.html", stories, {"section": slug}, section=section
    )


@require_safe
@cache_public_page(query={"page": PAGE_NUMBER})
def topic_detail(request, slug):
    published = Article.objects.published()
    topic = get_object_or_404(published.topics(), slug=slug)
    pagetags.shows(f"stories-of:topic:{topic.pk}")
    stories = published.filter(topics=topic).for_listing()
    return render_listing(
        request, "reader/topic_detail.html", stories, {"topic": slug}, topic=topic
    )


def render_listing(request, template, stories, archive_filter, **context):
    """
    A page of ``stories``, counted up to ``COUNT_LIMIT``; past it, readers are
    sent to the archive filtered by ``archive_filter`` to find older ones.
    """
    return render(
        request,
        template,
        {
            **context,
            "page": page_of(request, stories, LISTING_PER_PAGE, limit=COUNT_LIMIT),
            "older_stories_url": f"{reverse('reader:archive')}?{urlencode(archive_filter)}",
        },
    )


@require_safe
@cache_public_page(query={"q": searched_words, "page": PAGE_NUMBER})
def search(request):
    """
    Stories, people and photos matching ``q``, best matches first. A page is
    kept for each normalized query, renewed when a story is published,
    changed or taken down (``latest``), or what it shows changes.
    """
    query = searched_words(request.GET.get("q", ""))
    pagetags.shows("latest")
    if not query:
        return render(request, "reader/search.html", {"query": query})
    results = story_search.search(query)
    return render_listing(
        request, "reader/search.html", results.stories, {"q": query}, query=query, results=results
    )


def page_of(request, items, per_page, *, limit=None):
    """
    The requested page of ``items``; a page number out of range gives the
    nearest page. With ``limit``, only the first ``limit`` items are counted
    and paged through.
    """
    if limit is None:
        paginator = Paginator(items, per_page)
    else:
        paginator = CappedPaginator(items, per_page, limit)
    asked = request.GET.get("page")
    page = paginator.get_page(asked)
    # Not kept by the page cache under the number asked (``cache_public_page``).
    request.page_moved = asked is not None and asked != str(page.number)
    return page


class CappedPaginator(Paginator):
    """
    Pages through at most the first ``limit`` items, and counts no further:
    a search for a common word matches most of the archive, and counting
    every match would read every story. ``count_text`` is the count to show:
    "1000+" when there are more.
    """

    def __init__(self, object_list, per_page, limit):
        super().__init__(object_list, per_page)
        self.limit = limit

    @cached_property
    def found(self):
        # Unordered, so the count stops at the limit instead of sorting every match.
        return self.object_list.order_by()[: self.limit + 1].count()

    @cached_property
    def count(self):
        return min(self.found, self.limit)

    @property
    def is_capped(self):
        return self.found > self.limit

    @property
    def count_text(self):
        return f"{self.limit}+" if self.found > self.limit else str(self.count)


@require_safe
@cache_public_page(query={"page": PAGE_NUMBER})
def correction_list(request):
    """Every correction, clarification and retraction on a published story, newest first."""
    # A correction is a part of its story: saving one renews "latest".
    pagetags.shows("latest")
    corrections = (
        Correction.objects.public().select_related("article").order_by("-published_at", "-pk")
    )
    page = page_of(request, corrections, CORRECTIONS_PER_PAGE)
    return render(request, "reader/correction_list.html", {"page": page})
