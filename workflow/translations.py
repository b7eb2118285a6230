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

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce

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


def staleness(translation, *, viewer):
    """
    How ``translation``'s source changed since the translation was made, as
    ``viewer`` may read it: a ``Staleness``, or None when it has not (or
    there is no record).
    """
    if translation.translation_of_id is None:
        return None
    found = _stale(Article.objects.filter(pk=translation.pk), viewer=viewer)
    return found[0] if found else None


def stale_translations(*, viewer):
    """
    Every translation whose source changed after it was made, the longest
    stale first, with what changed as ``viewer`` may read it.
    """
    candidates = Article.objects.filter(translation_of__isnull=False).exclude(
        status=ArticleStatus.UNPUBLISHED
    )
    found = _stale(candidates, viewer=viewer)
    found.sort(key=lambda stale: stale.then.created_at)
    return found


def _stale(translations, *, viewer):
    """
    The ``Staleness`` of those of ``translations`` whose source changed since
    they were made, in two queries however many: the translations, each with
    the two revisions of its source to compare, then those revisions.
    """
    own = Revision.objects.filter(article=OuterRef("pk")).order_by("-number")
    source = Revision.objects.filter(article=OuterRef("translation_of")).order_by("-number")
    candidates = list(
        translations.select_related("translation_of")
        .annotate(
            made_at=Coalesce(Subquery(own.values("created_at")[:1]), "updated_at"),
            now_id=Subquery(source.values("pk")[:1]),
            source_changed_at=Subquery(source.values("created_at")[:1]),
            # Before its first change in the workspace a story gets a baseline
            # revision of its text as it was; with no revision as old as the
            # translation, that first one holds the text the translator saw.
            then_id=Coalesce(
                Subquery(source.filter(created_at__lte=OuterRef("made_at")).values("pk")[:1]),
                Subquery(source.order_by("number").values("pk")[:1]),
            ),
        )
        .filter(source_changed_at__gt=F("made_at"))
        .exclude(then_id=F("now_id"))
    )
    revisions = Revision.objects.in_bulk(
        {pk for translation in candidates for pk in (translation.then_id, translation.now_id)}
    )
    found = []
    for translation in candidates:
        then, now = revisions[translation.then_id], revisions[translation.now_id]
        changes = diffs.changes_seen_by(viewer, text_of(then.content), text_of(now.content))
        if changes:
            found.append(
                Staleness(
                    translation=translation,
                    source=translation.translation_of,
                    then=then,
                    now=now,
                    changes=changes,
                )
            )
    return found
