"""
Importing stories, and the photos they still need.

A plain-text story (``story_format``) becomes a draft with its photos,
quotes and the people it names. The picture for each caption block travels
beside the text file, named after it: ``land-dispute.txt`` takes
``land-dispute-1.jpg`` for its first caption, ``land-dispute-2.png`` for the
second. A slot whose picture did not come becomes a “photo needed” record
with its caption and credit, for the journalist to attach the picture in the
workspace (``attach_photo``); no stand-in image is made.
"""

import dataclasses
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article, ArticlePhoto, Byline, Language
from media.files import remove_stored_files
from media.services import create_photograph
from people.models import Person
from people.names import is_khmer
from people.services import find_or_create_person
from quotes.services import attribute_quotes
from workflow.revisions import record_revision
from workflow.roles import staff_person

from .models import PhotoNeeded
from .story_format import StoryFileError, decode_story, parse_story, photo_number, story_body


@dataclasses.dataclass
class ImportResult:
    """What became of one file."""

    name: str
    article: Article | None = None
    error: str = ""
    quotes: int = 0
    photos: int = 0
    photos_needed: int = 0

    @property
    def ok(self):
        return self.article is not None


def images_beside(path, files):
    """
    The pictures for the story file at ``path`` among ``files`` (its folder's),
    by photo number: ``story-1.jpg`` for the first caption of ``story.txt``,
    ``story-2.png`` for the second.
    """
    found = {}
    for candidate in files:
        number = photo_number(path.name, candidate.name)
        if number is not None and candidate.is_file():
            found[number] = candidate
    return found


def import_story(*, data, name, images=None, user=None):
    """
    Import one plain-text story as a draft, with its photos, quotes and the
    people it names, in one transaction: a file is imported whole or not at
    all. ``images`` maps photo numbers to image files; ``user``, who imports,
    uploads the photos and, when the login has a staff profile, is the
    writer on the byline, as on a story they start in the workspace. Return an
    ``ImportResult``; a file that cannot be imported gives one with ``error``.
    """
    images = images or {}
    stored = []
    try:
        story = parse_story(decode_story(data, name), name)
        with transaction.atomic():
            return _import_parsed(story, name=name, images=images, user=user, stored=stored)
    except StoryFileError as error:
        return ImportResult(name=name, error=str(error))
    except ValidationError as error:
        remove_stored_files(photographs=stored)
        return ImportResult(name=name, error=f"{name}: {' '.join(error.messages)}")
    except Exception:
        remove_stored_files(photographs=stored)
        raise


def _import_parsed(story, *, name, images, user, stored):
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
    lead = story.lead_photo()
    for block in story.photos:
        photographer = None
        if block.photographer:
            photographer, _created = find_or_create_person(
                name=block.photographer, among=Person.objects.known_to(user)
            )
            article.people.add(photographer)
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
                source_file=f"{Path(name).stem}-{block.number}.jpg",
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
    result.quotes = len(attribute_quotes(article=article, user=user))
    record_revision(article=article, user=user, note=_("Imported from %(name)s.") % {"name": name})
    return result


def import_story_files(*, paths, user=None):
    """Import each story file in ``paths`` with the pictures beside it; a result per file."""
    results = []
    folders = {}  # Each folder is listed once, however many stories it holds.
    for path in paths:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            results.append(ImportResult(name=str(path), error=f"{path}: {error.strerror}."))
            continue
        if path.parent not in folders:
            folders[path.parent] = list(path.parent.iterdir())
        images = {}
        opened = []
        try:
            for number, image_path in images_beside(path, folders[path.parent]).items():
                handle = image_path.open("rb")
                opened.append(handle)
                images[number] = File(handle, name=image_path.name)
            results.append(import_story(data=data, name=path.name, images=images, user=user))
        finally:
            for handle in opened:
                handle.close()
    return results


@transaction.atomic
def attach_photo(*, slot, image, uploaded_by=None):
    """
    Give a photo needed its picture: a new photograph with the slot's caption
    and credit, placed where the slot was (or made the lead photo). The slot
    is then done. Return the photograph.
    """
    article = Article.objects.select_for_update().get(pk=slot.article_id)
    if slot.position is not None and article.placed_photos.filter(position=slot.position).exists():
        raise ValidationError(
            _("Photo %(number)s is already placed in this story; remove it first.")
            % {"number": slot.position}
        )
    photograph = create_photograph(
        image=image,
        uploaded_by=uploaded_by,
        caption=slot.caption,
        alt_text=slot.alt_text or slot.caption[:300],
        credit_agency=slot.credit_agency,
        photographer=slot.photographer,
        date_taken=slot.date_taken,
        place=slot.place,
    )
    try:
        with transaction.atomic():
            if slot.position is None:
                article.lead_photo = photograph
                article.save()
            else:
                ArticlePhoto.objects.create(
                    article=article, photograph=photograph, position=slot.position
                )
            slot.delete()
    except Exception:
        remove_stored_files(photographs=[photograph])
        raise
    return photograph
