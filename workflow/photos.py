"""
The workflow's part in the photo desk: a photograph a story past its draft
shows is the editors' to change (``media.services.register_lock``), and each
change to it is kept in the revisions of the stories showing it
(``media.signals.photograph_changed``).
"""

from django.db.models import Q

from articles.models import (
    Article,
)

from .editing import part_saved


def photographs_in_editors_hands(photographs):
    """
    Of ``photographs``, those their uploader may no longer change: shown by a
    story past its draft (in review, approved, scheduled, published or taken
    down: what an editor approved is what readers see), or a profile's
    portrait. Registered with the photo desk (``media.services.register_lock``).
    """
    past_draft = Article.objects.exclude(status=Article.Status.DRAFT)
    return photographs.filter(
        Q(lead_of__in=past_draft)
        | Q(placements__article__in=past_draft)
        | Q(portrait_of__isnull=False)
    )


def record_photograph_change(*, photograph, user, **kwargs):
    """
    ``user`` changed ``photograph`` (its caption, credit, picture, or took it
    off the site): each story showing it keeps the change as a revision, and
    a form opened before cannot overwrite it. Connected to
    ``media.signals.photograph_changed``.
    """
    stories = Article.objects.filter(
        Q(lead_photo=photograph) | Q(placed_photos__photograph=photograph)
    ).distinct()
    for article in stories.order_by("pk"):
        part_saved(article=article, user=user)
