"""
A parsed plain-text story written into the newsroom: a new draft, or the
story imported before from the same source, updated.

The same story is the one imported before from the same publication (the
file's first line) under the same headline, however the file is named and
whatever its text says now: a story re-sent after edits is the same story.
Each import is recorded as an ``ImportedItem`` under that identity.

On an update the story keeps its status, bylines and the pictures the
newsroom placed since: a caption slot whose picture is already in the story
keeps it, and only the slots still empty take the new pictures, or wait as
photos needed.
"""

import dataclasses
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from articles.models import Article, ArticlePhoto, Byline, Language
from media.services import create_photograph
from people.models import Person
from people.names import is_khmer, normalize
from people.services import find_or_create_person
from quotes.services import record_quotes
from workflow.revisions import record_revision
from workflow.roles import staff_person

from .models import ImportedItem, ImportKind, PhotoNeeded
from .story_format import story_body
from .updating import record_update

IDENTITY_LENGTH = ImportedItem._meta.get_field("external_id").max_length


@dataclasses.dataclass
class ImportResult:
    """What became of one file."""

    name: str
    article: Article | None = None
    error: str = ""
    quotes: int = 0
    photos: int = 0
    photos_needed: int = 0
    # Imported before: left as it was (skipped), or changed (updated).
    skipped: bool = False
    updated: bool = False
    notes: list = dataclasses.field(default_factory=list)

    @property
    def ok(self):
        return self.article is not None and not self.error


def story_identity(story):
    """The ``(source, identifier)`` a parsed story is recorded under: publication and headline."""
    source = normalize(story.publication)[:300]
    return source, normalize(story.headline).casefold()[:IDENTITY_LENGTH]


def imported_before(story):
    """The story imported before from the same source under the same headline, or None."""
    source, external_id = story_identity(story)
    record = (
        ImportedItem.objects.filter(source=source, kind=ImportKind.POST, external_id=external_id)
        .select_related("article")
        .first()
    )
    return record.article if record else None


def create_story(story, *, name, images, user, stored):
    """A new draft from ``story``, with its photos, quotes and people."""
    article = Article(
        headline=story.headline,
        body=story_body(story),
        dateline=story.dateline[:100],
        language=Language.KHMER if is_khmer(story.headline) else Language.ENGLISH,
        status=Article.Status.DRAFT,
    )
    article.full_clean(exclude=["slug", "month"])
    article.save()
    byline = staff_person(user) if user is not None else None
    if byline is not None:
        Byline.objects.create(article=article, person=byline, role=Byline.Role.WRITER)
    result = ImportResult(name=name, article=article)
    fill_in(story, result, images=images, user=user, stored=stored)
    record_revision(article=article, user=user, note=_("Imported from %(name)s.") % {"name": name})
    return result


def update_story(story, article, *, name, images, user, stored):
    """
    ``article``, imported before, with the text of ``story``: its status,
    bylines and placed pictures stay; the change is an edit of the story.
    """
    article.headline = story.headline
    article.body = story_body(story)
    article.dateline = story.dateline[:100]
    article.updated_by = user if user is not None and user.is_authenticated else None
    article.full_clean(exclude=["slug", "month"])
    article.save()
    result = ImportResult(name=name, article=article, updated=True)
    fill_in(story, result, images=images, user=user, stored=stored)
    record_update(article=article, user=user, note=_("Updated from %(name)s.") % {"name": name})
    return result


def fill_in(story, result, *, images, user, stored):
    """What a story file brings besides its text: its photos, its identity, its quotes."""
    article = result.article
    place_photos(story, article, result, images=images, user=user, stored=stored)
    remember(story, article)
    quotes, note = record_quotes(article=article, user=user)
    result.quotes = len(quotes)
    result.notes += [note] if note else []


def remember(story, article):
    source, external_id = story_identity(story)
    ImportedItem.objects.update_or_create(
        source=source,
        kind=ImportKind.POST,
        external_id=external_id,
        defaults={"article": article},
    )


def place_photos(story, article, result, *, images, user, stored):
    """
    Fill the story's caption slots: a slot with its picture becomes a
    photograph placed in the story (or its lead photo), one without waits as
    a photo needed. A slot the story already fills keeps its picture.
    """
    article.photos_needed.all().delete()
    filled = set(article.placed_photos.values_list("position", flat=True))
    lead = story.lead_photo()
    for block in story.photos:
        if (block.number in filled) if block is not lead else article.lead_photo_id:
            continue
        # The photographer is credited on the photo, never one of the people
        # the story names: a credit is not a mention.
        photographer = None
        if block.photographer:
            photographer, _created = find_or_create_person(
                name=block.photographer, among=Person.objects.known_to(user)
            )
        image = images.get(block.number)
        if image is None:
            PhotoNeeded.objects.create(
                article=article,
                position=None if block is lead else block.number,
                caption=block.caption,
                alt_text=block.alt_text,
                credit_agency=block.credit_agency,
                photographer=photographer,
                date_taken=block.date_taken,
                place=block.place,
                source_file=f"{Path(result.name).stem}-{block.number}.jpg",
            )
            result.photos_needed += 1
            continue
        try:
            photograph = create_photograph(
                image=image,
                uploaded_by=user,
                caption=block.caption,
                alt_text=block.alt_text or block.caption[:300],
                credit_agency=block.credit_agency,
                photographer=photographer,
                date_taken=block.date_taken,
                place=block.place,
            )
        except ValidationError as error:
            raise ValidationError(
                _("photo %(number)s: %(problem)s")
                % {"number": block.number, "problem": " ".join(error.messages)}
            ) from error
        stored.append(photograph)
        result.photos += 1
        if block is lead:
            article.lead_photo = photograph
            Article.objects.filter(pk=article.pk).update(lead_photo=photograph)
        else:
            ArticlePhoto.objects.create(
                article=article, photograph=photograph, position=block.number
            )
