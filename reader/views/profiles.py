"""
Public profiles of people and organizations.

Only people and organizations that published stories make public have a
page: someone who appears only in a draft is not revealed, not even by a 404
that differs from an unknown address. Stories are read through
``Article.objects.published()``.
"""

from django.db.models import Exists, F, Func, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles.models import Article, Byline
from articles.models.querysets import card_bylines
from people.models import Affiliation
from quotes.models import Quote

from .. import pagetags, structured_data
from ..pagecache import cache_public_page

STORIES_SHOWN = 20
PHOTOS_SHOWN = 24
PEOPLE_SHOWN = 50


@require_safe
@cache_public_page
def person_detail(request, slug):
    """
    A profile: portrait, roles, bio; the latest stories they wrote and the
    latest stories quoting them, with their words; the photos they took.
    Each list is capped, with a link to the whole filtered archive. Kept in
    the page cache like a story: a much-quoted minister's page reads
    thousands of quotes to count and order them.
    """
    published = Article.objects.published()
    written = published.filter(
        Exists(Byline.objects.filter(article=OuterRef("pk"), person=OuterRef(OuterRef("pk"))))
    )
    quoting = published.filter(
        Exists(
            Quote.objects.shown().filter(article=OuterRef("pk"), speaker=OuterRef(OuterRef("pk")))
        )
    )
    person = (
        published.people()
        .select_related("portrait__photographer")
        .prefetch_related(
            Prefetch(
                "affiliations",
                queryset=Affiliation.objects.select_related("organization"),
            ),
            "aliases",
        )
        # Counted with the person, in the same query.
        .annotate(written_count=count_of(written), quoting_count=count_of(quoting))
        .filter(slug=slug)
        .first()
    )
    if person is None:
        # An address the person had before (a changed or merged record).
        moved = published.people().filter(former_slugs__slug=slug).first()
        if moved is None:
            raise Http404
        return HttpResponsePermanentRedirect(reverse("reader:person_detail", args=[moved.slug]))
    pagetags.shows(f"stories-of:person:{person.pk}")
    # Their latest stories of each kind; the cards' bylines of both in one query.
    written = list(
        published.filter(pk__in=Byline.objects.filter(person=person).values("article"))
        .for_listing()
        .prefetch_related(None)[: STORIES_SHOWN if person.written_count else 0]
    )
    quoting = list(
        published.filter(pk__in=Quote.objects.shown().filter(speaker=person).values("article"))
        .for_listing()
        .prefetch_related(None)
        .prefetch_related(
            Prefetch(
                "quotes",
                queryset=Quote.objects.shown().filter(speaker=person),
                to_attr="their_quotes",
            )
        )[: STORIES_SHOWN if person.quoting_count else 0]
    )
    prefetch_related_objects([*written, *quoting], card_bylines())
    photos = published.photographs().filter(photographer=person).for_listing()
    affiliations = list(person.affiliations.all())
    return render(
        request,
        "reader/person_detail.html",
        {
            "person": person,
            "affiliations": affiliations,
            "written": written,
            "written_count": person.written_count,
            "quoting": quoting,
            "quoting_count": person.quoting_count,
            "photos": list(photos[:PHOTOS_SHOWN]),
            "json_ld": structured_data.person(request, person, affiliations),
        },
    )


def count_of(stories):
    """How many of ``stories`` there are, as a subquery of the outer row."""
    return Subquery(
        stories.order_by().annotate(count=Func(F("pk"), function="COUNT")).values("count")
    )


@require_safe
@cache_public_page
def organization_detail(request, slug):
    """An organization: the public people who hold roles in it and the stories naming it."""
    # Any story published may name it.
    pagetags.shows("latest")
    published = Article.objects.published()
    organization = get_object_or_404(published.organizations(), slug=slug)
    members = (
        Affiliation.objects.filter(
            organization=organization, person__in=published.people().values("pk")
        )
        .select_related("person")
        .order_by("end_date", "position", "person__name")
    )
    stories = published.filter(organizations=organization).for_listing()
    return render(
        request,
        "reader/organization_detail.html",
        {
            "organization": organization,
            "members": list(members[:PEOPLE_SHOWN]),
            "stories": list(stories[:STORIES_SHOWN]),
            "json_ld": structured_data.organization(request, organization),
        },
    )
