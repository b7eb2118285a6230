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

import logging
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article, ArticlePhoto
from media.files import remove_stored_files
from media.services import create_photograph

from .locks import hold
from .stories import ImportResult, create_story, imported_before, story_identity, update_story
from .story_format import StoryFileError, decode_story, parse_story, photo_number
from .updating import IfImported, may_update

logger = logging.getLogger(__name__)

__all__ = ["ImportResult", "attach_photo", "images_beside", "import_story", "import_story_files"]


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


def import_story(*, data, name, images=None, user=None, if_imported=IfImported.SKIP):
    """
    Import one plain-text story as a draft, with its photos, quotes and the
    people it names, in one transaction: a file is imported whole or not at
    all, and whatever goes wrong with one file is reported for that file.
    ``images`` maps photo numbers to image files; ``user``, who imports,
    uploads the photos and, when the login has a staff profile, is the
    writer on the byline, as on a story they start in the workspace. A story
    imported before is skipped, or updated (``if_imported``). Return an
    ``ImportResult``; a file that cannot be imported gives one with ``error``.
    """
    images = images or {}
    stored = []
    try:
        story = parse_story(decode_story(data, name), name)
        with transaction.atomic():
            hold("story", *story_identity(story))
            existing = imported_before(story)
            if existing is None:
                return create_story(story, name=name, images=images, user=user, stored=stored)
            if if_imported != IfImported.UPDATE:
                return ImportResult(name=name, article=existing, skipped=True)
            if not may_update(existing, user):
                return ImportResult(name=name, article=existing, error=not_yours(name, existing))
            return update_story(story, existing, name=name, images=images, user=user, stored=stored)
    except StoryFileError as error:
        return ImportResult(name=name, error=str(error))
    except ValidationError as error:
        remove_stored_files(photographs=stored)
        return ImportResult(name=name, error=f"{name}: {' '.join(error.messages)}")
    except Exception as error:
        remove_stored_files(photographs=stored)
        # One file's failure, whatever it is, must not cost the rest of the
        # batch: the journalist reads what failed, the site's log has the why.
        logger.exception("Could not import the story file %s.", name)
        return ImportResult(name=name, error=could_not_import(name, error))


def not_yours(name, article):
    if article.status in {Article.Status.APPROVED, Article.Status.PUBLISHED}:
        return _(
            "%(name)s: “%(story)s” was imported before and is approved or published; only "
            "an editor's import may change it. It was left as it is."
        ) % {"name": name, "story": article.headline}
    return _(
        "%(name)s: “%(story)s” was imported before, and you may not change it. It was "
        "left as it is."
    ) % {"name": name, "story": article.headline}


def could_not_import(name, error):
    """What a journalist reads about a file an unexpected error stopped."""
    problem = str(error) if isinstance(error, OSError) and str(error) else _("an unexpected error")
    return _(
        "%(name)s: could not be imported: %(problem)s. Nothing of it was saved; the details "
        "are in the site's error log."
    ) % {"name": name, "problem": problem}


def import_story_files(*, paths, user=None, if_imported=IfImported.SKIP):
    """
    Import each story file in ``paths`` with the pictures beside it; a result
    per file. A file or picture that cannot be read is reported for its story.
    """
    results = []
    folders = {}  # Each folder is listed once, however many stories it holds.
    for path in paths:
        path = Path(path)
        try:
            data = path.read_bytes()
            if path.parent not in folders:
                folders[path.parent] = list(path.parent.iterdir())
        except OSError as error:
            results.append(ImportResult(name=str(path), error=f"{path}: {error.strerror}."))
            continue
        images = {}
        opened = []
        try:
            for number, image_path in images_beside(path, folders[path.parent]).items():
                handle = image_path.open("rb")
                opened.append(handle)
                images[number] = File(handle, name=image_path.name)
        except OSError as error:
            results.append(
                ImportResult(
                    name=path.name,
                    error=_("%(name)s: a picture beside it cannot be read (%(problem)s).")
                    % {"name": path.name, "problem": error.strerror or error},
                )
            )
        else:
            results.append(
                import_story(
                    data=data,
                    name=path.name,
                    images=images,
                    user=user,
                    if_imported=if_imported,
                )
            )
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
