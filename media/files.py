"""
A photograph's files on the storage: writing its cleaned original, then (in
the background) the renditions it lacks, copying them to new names, and
removing the ones a row no longer uses once the change is committed.

All file access goes through the Django storage API, so the same code runs on a
file system and on object storage.
"""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from .models import photo_upload_to
from .renditions import decode_for, expected_specs, listed_key, render, rendition_folder
from .similar import fingerprint
from .uploads import CleanImageFile, clean_image


def changed_meanwhile():
    """The error when someone else replaced a photograph's file during an edit."""
    # The form was loaded before the file was replaced; the names it holds may
    # already be removed from the storage.
    return ValidationError(
        _(
            "Someone else changed this photograph while you were editing it. Reload "
            "the page and make your changes again."
        ),
        code="changed_meanwhile",
    )


def _open_stored(photograph, specs):
    try:
        stored = photograph.image.storage.open(photograph.image.name, "rb")
    except FileNotFoundError as error:
        raise changed_meanwhile() from error
    with stored:
        return decode_for(stored, photograph, specs)


def store_original(photograph, written):
    """
    Write ``photograph``'s new original, if it has one (cleaned first if it is
    not already), and take its fingerprint; keep of its listed renditions only
    those it should still have (a new picture has none, a moved focal point
    drops the crops around the old one). The renditions it lacks are made
    later, by ``store_renditions``. Append every name written to ``written``.
    """
    if photograph.image and not photograph.image._committed:
        content = photograph.image.file
        if not isinstance(content, CleanImageFile):
            content = clean_image(content)
        photograph.image.save(content.name, content, save=False)
        written.append(photograph.image.name)
        photograph.renditions = []
        content.seek(0)
        # The fingerprint needs a 9 × 8 thumbnail: decoded at the smallest
        # rendition's size, a large JPEG takes milliseconds.
        with decode_for(content, photograph, expected_specs(photograph)[:1]) as image:
            photograph.fingerprint = fingerprint(image)
    wanted = {spec.key for spec in expected_specs(photograph)}
    photograph.renditions = [item for item in photograph.renditions if listed_key(item) in wanted]


def store_renditions(photograph, written):
    """
    Write the renditions ``photograph`` lacks (and its fingerprint, if it has
    none) from its stored original, and list them on it. Append every name
    written to ``written``.
    """
    storage = photograph.image.storage
    specs = expected_specs(photograph)
    listed = {listed_key(item) for item in photograph.renditions}
    missing = [spec for spec in specs if spec.key not in listed]
    if not missing and photograph.fingerprint:
        return
    with _open_stored(photograph, missing or specs) as image:
        if not photograph.fingerprint:
            photograph.fingerprint = fingerprint(image)
        folder = rendition_folder(photograph.image.name)
        scale = image.width / photograph.width
        renditions = list(photograph.renditions)
        for spec, data in render(image, missing, scale=scale):
            name = storage.save(f"{folder}/{spec.file_name}", ContentFile(data))
            written.append(name)
            renditions.append(spec.listed(name, len(data)))
    photograph.renditions = renditions


def copy_files(photograph, copied):
    """
    Copy every file of ``photograph`` to a new random name; return the
    original's and the renditions' new names. Append each name written to
    ``copied``.
    """
    storage = photograph.image.storage
    original = storage.save(
        photo_upload_to(photograph, photograph.image.name), storage.open(photograph.image.name)
    )
    copied.append(original)
    folder = rendition_folder(original)
    renditions = []
    for item in photograph.renditions:
        name = storage.save(
            f"{folder}/{PurePosixPath(item['name']).name}", storage.open(item["name"])
        )
        copied.append(name)
        renditions.append({**item, "name": name})
    return original, renditions


def remove_after_commit(storage, names):
    """Remove ``names`` from ``storage`` once the transaction commits (never on rollback)."""
    names = sorted(names)
    if names:
        transaction.on_commit(lambda: delete_files(storage, names))


def delete_files(storage, names):
    for name in names:
        storage.delete(name)


def remove_stored_files(*, photographs):
    """
    Remove every file (original and renditions) of ``photographs`` whose rows
    were rolled back: the storage is not part of the transaction.
    """
    for photograph in photographs:
        delete_files(photograph.image.storage, photograph.stored_files())
