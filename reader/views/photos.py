"""
The photo archive. A photograph is public once a published story shows it
(as its lead photo or in its body); any other photo answers 404, with or
without conditional-request headers.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from articles.models import Article, ArticlePhoto

from .. import pagetags
from ..pagecache import PAGE_NUMBER, cache_public_page
from .listings import page_of

PHOTOS_PER_PAGE = 24


def public_photographs():
    return Article.objects.published().photographs().for_listing()


@require_safe
@cache_public_page(query={"page": PAGE_NUMBER})
def photo_list(request):
    # A story published or taken down brings or takes its photos.
    pagetags.shows("latest")
    photographs = public_photographs().order_by("-created_at", "-pk")
    page = page_of(request, photographs, PHOTOS_PER_PAGE)
    return render(request, "reader/photograph_list.html", {"page": page})


@require_safe
@cache_public_page
def photo_detail(request, pk):
    """One photo, its caption and credit, and the published stories using it."""
    # Any story published may be one more using it.
    pagetags.shows("latest")
    photograph = get_object_or_404(public_photographs(), pk=pk)
    published = Article.objects.published()
    placed = ArticlePhoto.objects.filter(photograph=photograph).values("article")
    stories = published.filter(Q(lead_photo=photograph) | Q(pk__in=placed)).for_listing()
    return render(
        request,
        "reader/photograph_detail.html",
        {"photograph": photograph, "stories": list(stories[:20])},
    )
