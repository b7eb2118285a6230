"""
What the admin, the importers, the commands and the other apps do to
photographs: save and create them (files and rows together), say who may change
one, withdraw one from the public site and put it back, and set credits.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from people.identity import Redactor

from .files import (
    changed_meanwhile,
    copy_files,
    delete_files,
    remove_after_commit,
    store_original,
    store_renditions,
)
from .models import Photograph
from .renditions import listed_key
from .signals import photograph_changed
from .uploads import CleanImageFile, clean_image


def _stored_names(image_name, renditions):
    names = {item["name"] for item in renditions or []}
    if image_name:
        names.add(image_name)
    return names


def _save_row(photograph, written):
    """Save the row; return the names it no longer uses, to remove after commit."""
    unused = set()
    if photograph.pk is not None:
        current = (
            Photograph.objects.select_for_update()
            .filter(pk=photograph.pk)
            .values("image", "renditions")
            .first()
        )
        if current is not None:
            before = _stored_names(current["image"], current["renditions"])
            after = photograph.stored_files()
            if after - before - set(written):
                raise changed_meanwhile()
            unused = before - after
    photograph.save()
    return unused


def save_photographs(*, photographs):
    """
    Save ``photographs`` all together or not at all. Their new cleaned
    originals are written before the rows, outside any lock; if anything
    fails, every file written is removed again and no row is saved. Files a
    row no longer uses (a replaced original, crops around an old focal point)
    are removed once the change is committed. The renditions a photograph
    lacks are made by a task (``media.tasks.make_renditions``) enqueued with
    the rows: until it has run, pages show the cleaned original.
    """
    if not photographs:
        return []
    storage = photographs[0].image.storage
    written = []
    try:
        for photograph in photographs:
            store_original(photograph, written)
        with transaction.atomic():
            unused = set()
            for photograph in photographs:
                unused |= _save_row(photograph, written)
            for photograph in photographs:
                if photograph.renditions_pending:
                    request_renditions(photograph)
    except BaseException:
        delete_files(storage, written)
        raise
    remove_after_commit(storage, unused)
    return photographs


def save_photograph(*, photograph):
    """
    Save ``photograph``; its missing renditions are made in the background. A
    file that reaches the storage is removed again if the row cannot be
    written; a replaced file and its renditions are removed once the new one
    is committed.
    """
    save_photographs(photographs=[photograph])
    return photograph


def request_renditions(photograph):
    """
    Enqueue the task that makes ``photograph``'s missing renditions. On the
    database backend the task is a row written in the caller's transaction:
    it exists exactly when the photograph's change is committed. A backend
    that ran it at once (the tests') leaves ``photograph`` showing them.
    """
    # The task module imports this one.
    from .tasks import make_renditions

    result = make_renditions.enqueue(photograph_id=photograph.pk)
    if result.is_finished:
        photograph.refresh_from_db(fields=["renditions", "fingerprint", "updated_at"])


def make_missing_renditions(*, photograph):
    """
    Make the renditions ``photograph`` lacks (and its fingerprint) from its
    stored original and list them on its row; return whether any were listed.
    The files are written outside any lock. If the row got another picture or
    focal point meanwhile, they are removed again and the row is left as it is
    (its own save asked for new renditions); what another run listed first is
    kept, and this run's copies of it removed.
    """
    if not photograph.renditions_pending:
        return False
    storage = photograph.image.storage
    written = []
    try:
        store_renditions(photograph, written)
        with transaction.atomic():
            current = Photograph.objects.select_for_update().filter(pk=photograph.pk).first()
            if current is None or (current.image.name, current.focal_x, current.focal_y) != (
                photograph.image.name,
                photograph.focal_x,
                photograph.focal_y,
            ):
                delete_files(storage, written)
                return False
            listed = {listed_key(item): item for item in current.renditions}
            for item in photograph.renditions:
                listed.setdefault(listed_key(item), item)
            current.renditions = list(listed.values())
            current.fingerprint = current.fingerprint or photograph.fingerprint
            # Saved, not updated: post_save renews the cached pages showing it.
            current.save(update_fields=["renditions", "fingerprint", "updated_at"])
    except BaseException:
        delete_files(storage, written)
        raise
    used = {item["name"] for item in current.renditions}
    delete_files(storage, [name for name in written if name not in used])
    photograph.renditions, photograph.fingerprint = current.renditions, current.fingerprint
    return True


def build_photograph(*, image, uploaded_by=None, copy_date_taken=False, **fields):
    """
    An unsaved photograph from an uploaded file, its metadata removed. With
    ``copy_date_taken``, the date the camera recorded fills ``date_taken``;
    nothing else is ever read from the file (no place, no GPS).
    """
    photograph = Photograph(uploaded_by=uploaded_by, **fields)
    cleaned = image if isinstance(image, CleanImageFile) else clean_image(image)
    if copy_date_taken and cleaned.camera_date:
        photograph.date_taken = cleaned.camera_date
    photograph.image = cleaned
    photograph.full_clean()
    return photograph


def create_photograph(*, image, uploaded_by=None, copy_date_taken=False, **fields):
    """Save a new photograph from an uploaded file, with its metadata removed."""
    photograph = build_photograph(
        image=image, uploaded_by=uploaded_by, copy_date_taken=copy_date_taken, **fields
    )
    return save_photograph(photograph=photograph)


def remove_files(*, photograph):
    """
    Remove a deleted photograph's original and renditions from the storage
    once the deletion is committed (never if it is rolled back).
    """
    remove_after_commit(photograph.image.storage, photograph.stored_files())


# Apps that show photographs (stories) register here what puts a photograph
# out of its uploader's hands: a function of a Photograph queryset returning
# the locked ones. Media cannot import those apps: they sit above it.
LOCKS = []


def register_lock(locked):
    LOCKS.append(locked)
    return locked


def is_locked(photograph):
    """Whether a registered lock holds ``photograph`` (a story in an editor's hands shows it)."""
    photographs = Photograph.objects.filter(pk=photograph.pk)
    return any(locked(photographs).exists() for locked in LOCKS)


def can_change(user, photograph):
    """
    Whether ``user`` may change ``photograph`` (caption, credit, picture, crop):
    editors (``change_live_photograph``) any photo; anyone else only photos
    they uploaded that no lock holds, so what an editor approved is what
    readers see.
    """
    if not (user.is_active and user.has_perm("media.change_photograph")):
        return False
    if user.has_perm("media.change_live_photograph"):
        return True
    return photograph.uploaded_by_id == user.pk and not is_locked(photograph)


def changed_by(*, photograph, user):
    """Tell the apps that show ``photograph`` that ``user`` changed it (they keep revisions)."""
    photograph_changed.send(sender=Photograph, photograph=photograph, user=user)


def withdraw_photograph(*, photograph, user):
    """
    Take ``photograph`` off the public site at once: no page shows it (see
    ``PhotographQuerySet.public``), and its original and renditions move to
    new random names, so every address a reader, a feed or a search engine
    kept answers 404. The old files are removed once the change is committed.
    """
    if not user.has_perm("media.change_live_photograph"):
        raise PermissionDenied(_("Only editors withdraw photographs."))
    _take_off_site(photograph)
    changed_by(photograph=photograph, user=user)
    return photograph


def withdraw_portrait(*, person, editor, **kwargs):
    """
    ``person`` has become a protected source: their portrait shows who they
    are, so it leaves the public site at once, page and file, whoever is
    allowed to do what (connected to ``people.signals.source_protected``).
    """
    if person.portrait_id is None:
        return
    portrait = Photograph.objects.get(pk=person.portrait_id)
    _take_off_site(portrait)
    changed_by(photograph=portrait, user=editor)


def _take_off_site(photograph):
    storage = photograph.image.storage
    copied = []
    try:
        with transaction.atomic():
            current = Photograph.objects.select_for_update().get(pk=photograph.pk)
            if current.is_withdrawn:
                photograph.withdrawn_at = current.withdrawn_at
                return
            before = current.stored_files()
            current.image.name, current.renditions = copy_files(current, copied)
            current.withdrawn_at = timezone.now()
            current.save(update_fields=["image", "renditions", "withdrawn_at", "updated_at"])
            remove_after_commit(storage, before)
    except BaseException:
        delete_files(storage, copied)
        raise
    for field in ("image", "renditions", "withdrawn_at", "updated_at"):
        setattr(photograph, field, getattr(current, field))


def restore_photograph(*, photograph, user, redactor=None):
    """
    Put a withdrawn photograph back on the public site. Refused with a
    ``ValidationError`` while its caption, alt text, credit or place still
    names a protected source, or while it is a protected source's portrait.
    Putting back many, pass one ``people.identity.Redactor`` for them all.
    """
    if not user.has_perm("media.change_live_photograph"):
        raise PermissionDenied(_("Only editors put withdrawn photographs back."))
    if redactor is None:
        redactor = Redactor()
    texts = [photograph.caption, photograph.alt_text, photograph.credit_agency, photograph.place]
    if any(redactor.found(text) for text in texts) or photograph.portrait_of.filter(
        is_protected_source=True
    ):
        raise ValidationError(
            _(
                "“%(caption)s” still shows or names a protected source: edit its caption, "
                "alt text and credit first."
            )
            % {"caption": str(photograph)[:80]}
        )
    # Saved, not updated: post_save starts a new content version, so cached
    # pages show the photo again at once (``reader.signals``).
    photograph.withdrawn_at = None
    photograph.save(update_fields=["withdrawn_at", "updated_at"])
    changed_by(photograph=photograph, user=user)
    return photograph


def set_credit(*, photographs, credit_agency=None, photographer=None, source=None):
    """
    Give every photograph in the queryset ``photographs`` the same credit. A
    value left ``None`` is not changed; ``photographer=False`` removes the
    photographer. Return how many photographs changed.
    """
    changes = {}
    if credit_agency is not None:
        changes["credit_agency"] = credit_agency
    if photographer is False:
        changes["photographer"] = None
    elif photographer is not None:
        changes["photographer"] = photographer
    if source is not None:
        changes["source"] = source
    if not changes:
        return 0
    # Through the keys: the admin's queryset carries a GROUP BY annotation.
    chosen = Photograph.objects.filter(pk__in=list(photographs.values_list("pk", flat=True)))
    return chosen.update(**changes, updated_at=timezone.now())
