"""
The translation desk's view of the newsroom: stories still waiting for a
version in the other language, and translations gone stale because their
source changed after the translation was last saved.

A translation is "made" at its latest revision (or its last save, if it has
none). The source's text then is the source's latest revision saved at or
before that moment; when the source has changed since, the translation is
stale, and the difference between those two revisions of the source is what
the translator has to carry over. Only the words count: headline, standfirst,
dateline, body and quotes. A new byline or section on the source is not work
for the translator.
"""

import dataclasses

from django.db.models import OuterRef, Subquery

from articles.models import Article, ArticleStatus, Language

from . import diffs
from .models import Revision

# The parts of a story a translator translates (keys of revisions.snapshot()).
TEXT_PARTS = ("headline", "standfirst", "dateline", "body", "quotes")
# Stories worth translating: approved, scheduled or published.
TRANSLATABLE = [ArticleStatus.APPROVED, ArticleStatus.PUBLISHED]
BOARD_LIMIT = 50


def other_language(language):
    return Language.KHMER if language == Language.ENGLISH else Language.ENGLISH


def untranslated(language):
    """
    Approved and published stories in ``language`` with no version in the
    other language: neither translated nor themselves a translation. Newest first.
    """
    return (
        Article.objects.filter(
            language=language,
            status__in=TRANSLATABLE,
            translation__isnull=True,
            translation_of__isnull=True,
        )
        .select_related("section")
        .prefetch_related("bylines__person")
        .order_by("-published_at", "-approved_at", "-pk")
    )


def text_of(content):
    """The translatable part of a revision's content."""
    return {key: content[key] for key in TEXT_PARTS if key in content}


@dataclasses.dataclass
class Staleness:
    translation: Article
    source: Article
    then: Revision
    now: Revision
    changes: list

    @property
    def changed_at(self):
        return self.now.created_at


def staleness(translation):
    """
    How ``translation``'s source changed since the translation was made,
    as a ``Staleness``, or None when it has not (or there is no record).
    """
    source = translation.translation_of
    if source is None:
        return None
    made = (
        Revision.objects.filter(article=translation)
        .order_by("-number")
        .values_list("created_at", flat=True)
        .first()
    ) or translation.updated_at
    revisions = Revision.objects.filter(article=source).order_by("number")
    now = revisions.last()
    if now is None or now.created_at <= made:
        return None
    # Before its first change in the workspace a story gets a baseline
    # revision of its text as it was; with no revision as old as the
    # translation, that first one holds the text the translator saw.
    then = revisions.filter(created_at__lte=made).last() or revisions.first()
    if then.pk == now.pk:
        return None
    changes = diffs.diff_contents(text_of(then.content), text_of(now.content))
    if not changes:
        return None
    return Staleness(translation=translation, source=source, then=then, now=now, changes=changes)


def stale_translations():
    """
    Every translation whose source changed after it was made, the longest
    stale first. Translations whose source has no revision newer than the
    translation's own are ruled out in one query.
    """
    latest = Revision.objects.filter(article=OuterRef("pk")).order_by("-number")
    source_latest = Revision.objects.filter(article=OuterRef("translation_of")).order_by("-number")
    candidates = (
        Article.objects.filter(translation_of__isnull=False)
        .exclude(status=ArticleStatus.UNPUBLISHED)
        .select_related("translation_of", "section")
        .annotate(
            made_at=Subquery(latest.values("created_at")[:1]),
            source_changed_at=Subquery(source_latest.values("created_at")[:1]),
        )
        .filter(source_changed_at__isnull=False)
    )
    found = []
    for translation in candidates:
        made = translation.made_at or translation.updated_at
        if translation.source_changed_at <= made:
            continue
        stale = staleness(translation)
        if stale is not None:
            found.append(stale)
    found.sort(key=lambda stale: stale.then.created_at)
    return found
