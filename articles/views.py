import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from people.models import Person
from quotes.models import Quote

from . import search as story_search
from . import services, structured_data
from .filters import ArchiveFilter
from .models import Article, Byline, Correction, FormerAddress, Section, story_prefetches
from .pagecache import cache_public_page

logger = logging.getLogger(__name__)

HOME_LATEST = 10
HOME_FEATURED = 3
HOME_PER_SECTION = 4
HOME_MOST_QUOTED = 8
# Listings count and page through at most this many stories: counting every
# story of a section at 100,000 stories took longer than the rest of the page.
# Older ones are found by date in the archive.
COUNT_LIMIT = 1000
RELATED_STORIES = 4
LISTING_PER_PAGE = 20
CORRECTIONS_PER_PAGE = 50


@never_cache
@require_safe
def healthz(request):
    """Liveness: 200 when the database answers and uploads can be written, else 503."""
    checks = {"db": "ok", "storage": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer.")
        checks["db"] = "error"
    try:
        name = default_storage.save("healthz/probe.txt", ContentFile(b"ok"))
        default_storage.delete(name)
    # A file system raises OSError, object storage its client's own errors.
    except Exception:  # noqa: BLE001
        logger.exception("Health check: the upload storage is not writable.")
        checks["storage"] = "error"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)


@require_safe
@cache_public_page
def home(request):
    """Featured and latest stories, a block per section, the most quoted people."""
    published = Article.objects.published()
    featured = list(published.filter(is_featured=True).for_listing()[:HOME_FEATURED])
    latest = list(
        published.exclude(pk__in=[story.pk for story in featured]).for_listing()[:HOME_LATEST]
    )
    # One query for every section's latest stories, however many sections
    # exist. Each section's n-th newest story is looked up in the section's
    # index, so the query reads a few stories per section, not the archive.
    newest = published.filter(section=OuterRef("pk")).order_by("-published_at", "-pk")
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
        .for_listing()
        .order_by("section__position", "section__name", "section", "-published_at", "-pk")
    )
    sections = {}
    for story in by_section:
        sections.setdefault(story.section, []).append(story)
    # The most quoted in the last 30 days' stories: their quotes are found
    # through the stories (an index), not by joining every quote ever given.
    since = timezone.now() - datetime.timedelta(days=30)
    recent_quotes = Quote.objects.filter(
        article__in=published.filter(published_at__gte=since),
        speaker__is_protected_source=False,
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
        .select_related("portrait")
        .order_by("-quote_count", "name")
    )
    return render(
        request,
        "articles/home.html",
        {
            "featured": featured,
            "latest": latest,
            "section_blocks": list(sections.items()),
            "most_quoted": most_quoted,
            "json_ld": structured_data.website(request),
        },
    )


@require_safe
@cache_public_page
def article_detail(request, year, month, slug):
    """One published story; a former address of it answers 301 to the present one."""
    try:
        address_month = datetime.date(year, month, 1)
    except ValueError:
        raise Http404 from None
    published = Article.objects.published()
    article = published.for_story().filter(month=address_month, slug=slug).first()
    if article is None:
        former = FormerAddress.objects.filter(
            month=address_month, slug=slug, article__in=published
        ).select_related("article")
        for address in former:
            return HttpResponsePermanentRedirect(address.article.get_absolute_url())
        raise Http404
    return render_article(request, article)


def story_context(request, article):
    """Everything the story template shows, loaded in a fixed number of queries."""
    prefetch_related_objects(
        [article],
        "section",
        "lead_photo__photographer",
        Prefetch("bylines", Byline.objects.select_related("person").order_by("position", "pk")),
        "translation_of",
        "translation",
        *story_prefetches(),
    )
    published = Article.objects.published()
    topic_ids = [topic.pk for topic in article.topics.all()]
    related = (
        published.exclude(pk=article.pk)
        .filter(
            Q(section=article.section_id)
            | Q(pk__in=Article.topics.through.objects.filter(topic__in=topic_ids).values("article"))
        )
        .for_listing()[:RELATED_STORIES]
        if article.section_id or topic_ids
        else Article.objects.none()
    )
    quotes = list(article.quotes.all())
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
        "reply_statements": services.public_reply_statements(article),
        "related": list(related),
        "alternates": alternates(request, article),
        "language_switch": language_switch(article),
        "canonical_url": canonical_url(request, article),
        "json_ld": structured_data.news_article(request, article, quotes),
        "was_updated": was_updated(article),
    }


def render_article(request, article, *, preview=False):
    """
    Render ``article`` in the public story template.

    ``preview=True`` is for people allowed to see the story before readers do
    (the caller checks that): the page says "Preview — not published", is
    never cached and is not for search engines. The public page is rendered
    with ``preview=False`` by ``article_detail`` only for published stories.
    """
    context = story_context(request, article)
    context["preview"] = preview
    response = render(request, "articles/article_detail.html", context)
    if preview:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
    return response


def people_in_story(article, quotes):
    """
    The people a story names and quotes, each once, with the role the story
    gives them: the role given with their words, else their present affiliation.
    Quoted people come first, in the order they speak.
    """
    entries = {}
    for quote in quotes:
        if quote.speaker_id and quote.speaker_id not in entries:
            entries[quote.speaker_id] = {"person": quote.speaker, "role": quote.speaker_role}
        elif quote.speaker_id and not entries[quote.speaker_id]["role"]:
            entries[quote.speaker_id]["role"] = quote.speaker_role
    for person in article.people.all():
        entries.setdefault(person.pk, {"person": person, "role": ""})
    named = {person.pk: person for person in article.people.all()}
    for entry in entries.values():
        person = named.get(entry["person"].pk)
        affiliations = list(person.affiliations.all()) if person else []
        current = [affiliation for affiliation in affiliations if affiliation.is_current]
        entry["affiliation"] = current[0] if current else None
    # A protected source's quotes carry their public label; they are not listed.
    return [entry for entry in entries.values() if not entry["person"].is_protected_source]


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
            switch[language] = target.get_absolute_url() if target else reverse("articles:home")
    return switch


def canonical_url(request, article):
    """The story's address in the site language matching the story's own."""
    with translation.override(article.language):
        return request.build_absolute_uri(article.get_absolute_url())


def was_updated(article):
    if not article.published_at or not article.updated_at:
        return False
    return article.updated_at - article.published_at > datetime.timedelta(minutes=5)


@require_safe
def archive(request):
    """Every published story, filtered by the ``ArchiveFilter`` choices and ``q``."""
    filterset = ArchiveFilter(
        request.GET or None,
        queryset=Article.objects.published().for_listing(),
        request=request,
    )
    status = 200
    if filterset.is_bound and not filterset.is_valid():
        stories, status = Article.objects.none(), 400
    else:
        stories = filterset.qs
    page = page_of(request, stories, LISTING_PER_PAGE, limit=COUNT_LIMIT)
    return render(
        request,
        "articles/article_archive.html",
        {"filter": filterset, "page": page, "is_filtered": filterset.is_bound},
        status=status,
    )


@require_safe
def section_detail(request, slug):
    published = Article.objects.published()
    section = get_object_or_404(published.sections(), slug=slug)
    stories = published.filter(section=section).for_listing()
    return render_listing(
        request, "articles/section_detail.html", stories, {"section": slug}, section=section
    )


@require_safe
def topic_detail(request, slug):
    published = Article.objects.published()
    topic = get_object_or_404(published.topics(), slug=slug)
    stories = published.filter(topics=topic).for_listing()
    return render_listing(
        request, "articles/topic_detail.html", stories, {"topic": slug}, topic=topic
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
            "older_stories_url": f"{reverse('articles:archive')}?{urlencode(archive_filter)}",
        },
    )


@require_safe
def search(request):
    """Stories, people and photos matching ``q``, best matches first."""
    query = story_search.clean_query(request.GET.get("q", ""))
    if not query:
        return render(request, "articles/search.html", {"query": query})
    results = story_search.search(query)
    return render_listing(
        request, "articles/search.html", results.stories, {"q": query}, query=query, results=results
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
    return paginator.get_page(request.GET.get("page"))


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
def correction_list(request):
    """Every correction, clarification and retraction on a published story, newest first."""
    corrections = (
        Correction.objects.public().select_related("article").order_by("-published_at", "-pk")
    )
    page = page_of(request, corrections, CORRECTIONS_PER_PAGE)
    return render(request, "articles/correction_list.html", {"page": page})


@require_safe
def shared_preview(request, token):
    """
    An unpublished story shown through an editor's share link: read-only,
    marked as a preview, never cached or indexed. A forged, expired, revoked
    or published story's link is a 404 like any other missing page.
    """
    article = services.shared_article(token)
    if article is None:
        raise Http404
    return render_article(request, article, preview=True)
