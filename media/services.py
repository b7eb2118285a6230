"""
Turning an uploaded file into a photograph the newsroom can publish safely.

A camera or phone writes the GPS position, the camera's serial number and
sometimes the owner's name into a photo. Sources' safety depends on none of it
reaching the storage, so the picture is decoded and its pixels re-encoded into
a new file before anything is saved.

Renditions (resized copies in WebP and JPEG, and focal-point crops) are made
once, when a file is saved, and kept on the storage beside the original; the
photograph's ``renditions`` field lists them, so pages never look for files and
no reader's request ever makes one. All file access goes through the Django
storage API, so the same code runs on a file system and on object storage.
"""

import datetime
import io
import math
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath

import pillow_heif
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError

from people.identity import Redactor

from .models import IMAGE_EXTENSIONS, Photograph, photo_upload_to
from .signals import photograph_changed

# HEIC and HEIF, as iPhones and many Android phones save them, are decoded by
# libheif through pillow-heif and stored as JPEG.
pillow_heif.register_heif_opener()

# The only decoders an upload may reach. EPS, PSD, PDF, TIFF, FITS and the rest
# of Pillow's plugins are never tried (and so Ghostscript never runs).
ACCEPTED_FORMATS = [*IMAGE_EXTENSIONS, "HEIF"]
STORED_FORMAT = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "HEIF": "JPEG"}
ORIGINAL_OPTIONS = {"JPEG": {"quality": 90, "optimize": True}, "WEBP": {"quality": 90}}

# Rendition widths in pixels; a photo narrower than one gets its own width instead
# (never upscaled). Crops keep the focal point in view.
WIDTHS = (320, 640, 960, 1280, 1920)
CROPS = {"square": ((1, 1), (160, 320)), "wide": ((16, 9), (640, 1280))}
RENDITION_FORMATS = {
    "webp": ("WEBP", "webp", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", "jpg", {"quality": 82, "optimize": True, "progressive": True}),
}
# Two fingerprints this many bits apart (of 64) or fewer are the same picture,
# resized, re-compressed or lightly cropped (measured: 0–3 bits for a resized,
# re-compressed copy; 8 or more between different scenes of the same layout).
SIMILAR_BITS = 6

# First bytes of files people upload by mistake, to name the problem.
KNOWN_OTHER_FILES = [
    (b"%PDF-", gettext_noop("a PDF document")),
    (b"%!PS", gettext_noop("a PostScript (EPS) file")),
    (b"\xc5\xd0\xd3\xc6", gettext_noop("a PostScript (EPS) file")),
    (b"GIF8", gettext_noop("a GIF image")),
    (b"II*\x00", gettext_noop("a TIFF image")),
    (b"MM\x00*", gettext_noop("a TIFF image")),
    (b"8BPS", gettext_noop("a Photoshop (PSD) file")),
    (b"\x00\x00\x00\x0cjP  ", gettext_noop("a JPEG 2000 image")),
    (b"\xff\x4f\xff\x51", gettext_noop("a JPEG 2000 image")),
    (b"SIMPLE  =", gettext_noop("a FITS image")),
]


class CleanImageFile(ContentFile):
    """
    A photograph re-encoded from its pixels alone, named ``<random>.<format>``.
    ``camera_date`` is the date the camera recorded, kept in memory only so the
    uploader may choose to copy it into the record.
    """

    def __init__(self, content, name, *, camera_date=None):
        super().__init__(content, name=name)
        self.camera_date = camera_date


def _megabytes(size):
    return f"{size / (1024 * 1024):.0f} MB"


def _to_srgb(image):
    """Bake an embedded colour profile into sRGB pixels, then drop it."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in {"RGB", "RGBA", "CMYK"}:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=output_mode
        )
    except (ImageCms.PyCMSError, OSError):
        return image


def _unsupported(upload):
    upload.seek(0)
    head = upload.read(1024)
    what = next((kind for magic, kind in KNOWN_OTHER_FILES if head.startswith(magic)), None)
    lowered = head.lower()
    if what is None and b"<svg" in lowered:
        what = gettext_noop("an SVG drawing")
    elif what is None and (b"<html" in lowered or b"<!doctype html" in lowered):
        what = gettext_noop("a web page (HTML)")
    advice = _(
        "Upload a valid image: a JPEG, PNG or WebP photograph, or HEIC from a phone "
        "(SVG, PDF, TIFF, GIF and other formats are refused)."
    )
    if not head:
        problem = _("This file is empty.")
    elif what:
        problem = _("This file is %(what)s, not a photograph.") % {"what": _(what)}
    else:
        problem = _("This file is not a photograph we can use.")
    return ValidationError(f"{problem} {advice}", code="unsupported_image")


def _camera_date(image):
    """The day the camera says the picture was taken, or None. Nothing else is read."""
    exif = image.getexif()
    value = exif.get_ifd(ExifTags.IFD.Exif).get(ExifTags.Base.DateTimeOriginal) or exif.get(
        ExifTags.Base.DateTime
    )
    try:
        return datetime.datetime.strptime(str(value).strip()[:10], "%Y:%m:%d").date()
    except ValueError:
        return None


def clean_image(upload):
    """
    Check an uploaded image and return its pixels re-encoded, free of every
    piece of metadata, as a ``CleanImageFile`` named ``<random>.<format>``.
    HEIC and HEIF become JPEG; the file's own name and extension are ignored.

    Raise ``ValidationError`` with a message that names the problem and the
    limit for anything else: not an image, a format other than JPEG, PNG,
    WebP or HEIC, a damaged file, too big a file, too many pixels, an animation.
    """
    max_bytes = settings.PHOTO_MAX_UPLOAD_BYTES
    max_pixels = settings.PHOTO_MAX_PIXELS
    if upload.size > max_bytes:
        raise ValidationError(
            _("This file is %(size)s; the largest photo accepted is %(limit)s.")
            % {"size": _megabytes(upload.size), "limit": _megabytes(max_bytes)},
            code="file_too_big",
        )
    upload.seek(0)
    try:
        image = Image.open(upload, formats=ACCEPTED_FORMATS)
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _(
                "This image has far too many pixels; the limit is %(limit)s "
                "megapixels. Resize it and upload it again."
            )
            % {"limit": f"{max_pixels / 1_000_000:g}"},
            code="too_many_pixels",
        ) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise _unsupported(upload) from error
    with image:
        width, height = image.size
        if width < 1 or height < 1:
            raise ValidationError(
                _("This image has no pixels. Upload a valid image."),
                code="invalid_image",
            )
        image_format = image.format
        # A JPEG with several pictures (MPO: depth maps, HDR gain maps) is
        # stored as its first, main picture.
        frames = 1 if image_format == "MPO" else getattr(image, "n_frames", 1)
        if frames > 1 and width * height * frames > max_pixels:
            raise ValidationError(
                _(
                    "This animation is %(width)s × %(height)s pixels in %(frames)s "
                    "frames, which has too many pixels; the limit is %(limit)s "
                    "megapixels, and animated images are not accepted."
                )
                % {
                    "width": width,
                    "height": height,
                    "frames": frames,
                    "limit": f"{max_pixels / 1_000_000:g}",
                },
                code="too_many_pixels",
            )
        if width * height > max_pixels:
            raise ValidationError(
                _(
                    "This image is %(width)s × %(height)s pixels, which has too many "
                    "pixels; the limit is %(limit)s megapixels. Resize it and upload "
                    "it again."
                )
                % {
                    "width": width,
                    "height": height,
                    "limit": f"{max_pixels / 1_000_000:g}",
                },
                code="too_many_pixels",
            )
        if frames > 1:
            raise ValidationError(
                _("Animated images are not accepted. Upload a still photograph."),
                code="animated_image",
            )
        output_format = STORED_FORMAT[image_format]
        try:
            camera_date = _camera_date(image)
            image.load()
            image = ImageOps.exif_transpose(image)
            image = _to_srgb(image)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise ValidationError(
                _("This image file is damaged or incomplete. Upload a valid image."),
                code="invalid_image",
            ) from error
        if output_format == "JPEG" and image.mode not in {"RGB", "L"}:
            image = _flatten(image)
        elif image.mode not in {"RGB", "RGBA", "L", "LA"}:
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        # Nothing from the original travels with the pixels: no EXIF, XMP,
        # IPTC, comment, thumbnail or colour profile.
        image.info = {}
        output = io.BytesIO()
        image.save(output, format=output_format, **ORIGINAL_OPTIONS.get(output_format, {}))
    name = f"{uuid.uuid4().hex}.{IMAGE_EXTENSIONS[output_format]}"
    return CleanImageFile(output.getvalue(), name, camera_date=camera_date)


def _flatten(image):
    """RGB pixels for a JPEG: transparency becomes white."""
    if "A" in image.getbands() or image.mode == "P":
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, image).convert("RGB")
    return image.convert("RGB")


# Renditions --------------------------------------------------------------------


@dataclass(frozen=True)
class RenditionSpec:
    """One rendition: a crop ("" for the whole picture), a format and a size."""

    crop: str
    image_format: str
    width: int
    height: int
    box: tuple  # the part of the original it shows: (left, top, right, bottom)
    focal: tuple | None  # the focal point a crop was made around

    @property
    def key(self):
        return (self.crop, self.image_format, self.width, self.height, self.focal)


def _key(item):
    focal = tuple(item["focal"]) if item.get("focal") else None
    return (item["crop"], item["format"], item["width"], item["height"], focal)


def _crop_box(width, height, ratio, focal_x, focal_y):
    """The largest box of ``ratio`` inside the picture, centred on the focal point."""
    across, down = ratio
    if width * down > height * across:
        box_width, box_height = round(height * across / down), height
    else:
        box_width, box_height = width, round(width * down / across)
    left = round(width * focal_x / 100 - box_width / 2)
    top = round(height * focal_y / 100 - box_height / 2)
    left = min(max(left, 0), width - box_width)
    top = min(max(top, 0), height - box_height)
    return (left, top, left + box_width, top + box_height)


def rendition_specs(*, width, height, focal_x=50, focal_y=50):
    """
    Every rendition a ``width`` × ``height`` photograph has: each width of
    ``WIDTHS`` in each format, and each crop of ``CROPS``. None is wider than
    the part of the original it shows.
    """
    specs = []
    whole = (0, 0, width, height)
    for target in sorted({min(target, width) for target in WIDTHS}):
        target_height = max(1, round(height * target / width))
        for image_format in RENDITION_FORMATS:
            specs.append(RenditionSpec("", image_format, target, target_height, whole, None))
    for crop, (ratio, widths) in CROPS.items():
        box = _crop_box(width, height, ratio, focal_x, focal_y)
        box_width = box[2] - box[0]
        for target in sorted({min(target, box_width) for target in widths}):
            target_height = max(1, round(target * ratio[1] / ratio[0]))
            for image_format in RENDITION_FORMATS:
                specs.append(
                    RenditionSpec(
                        crop, image_format, target, target_height, box, (focal_x, focal_y)
                    )
                )
    return specs


def expected_specs(photograph):
    return rendition_specs(
        width=photograph.width,
        height=photograph.height,
        focal_x=photograph.focal_x,
        focal_y=photograph.focal_y,
    )


def renditions_complete(photograph):
    """Whether every rendition the photograph should have is listed as made."""
    made = {_key(item) for item in photograph.renditions}
    return all(spec.key in made for spec in expected_specs(photograph))


def _encodable(image, image_format):
    if image_format == "JPEG":
        return image if image.mode in {"RGB", "L"} else _flatten(image)
    if image.mode not in {"RGB", "RGBA"}:
        return image.convert("RGBA" if "A" in image.getbands() else "RGB")
    return image


def render(image, specs, *, scale=1.0):
    """
    Yield ``(spec, bytes)`` for each spec, resized from ``image``, which is the
    original scaled by ``scale``. Each size is resized from the next larger one
    of the same crop, which is much faster than from the original and looks
    the same.
    """
    groups = {}
    for spec in specs:
        groups.setdefault((spec.crop, spec.box), []).append(spec)
    for (_crop, box), group in groups.items():
        larger, larger_box = image, tuple(edge * scale for edge in box)
        for size in sorted({(spec.width, spec.height) for spec in group}, reverse=True):
            resized = larger.resize(
                size, Image.Resampling.LANCZOS, box=larger_box, reducing_gap=3.0
            )
            resized.info = {}
            for spec in group:
                if (spec.width, spec.height) != size:
                    continue
                pillow_format, _extension, options = RENDITION_FORMATS[spec.image_format]
                output = io.BytesIO()
                _encodable(resized, pillow_format).save(output, pillow_format, **options)
                yield spec, output.getvalue()
            larger, larger_box = resized, None


def fingerprint(image):
    """
    A 64-bit difference hash (dHash) of the picture, as 16 hex digits: each bit
    says whether a pixel of a 9 × 8 grey thumbnail is brighter than its right
    neighbour. Resizing, re-compression and colour shifts barely change it.
    """
    small = image.convert("L").resize((9, 8), Image.Resampling.LANCZOS, reducing_gap=2.0)
    pixels = small.tobytes()
    bits = 0
    for row in range(8):
        for column in range(8):
            left, right = pixels[row * 9 + column], pixels[row * 9 + column + 1]
            bits = (bits << 1) | (left > right)
    return f"{bits:016x}"


def _rendition_folder(original_name):
    """``photos/2026/07/<id>.jpg`` → ``renditions/2026/07/<id>/<random>``."""
    stem = str(PurePosixPath(original_name).with_suffix("")).removeprefix("photos/")
    # A fresh folder for each run, so two runs never write to the same name,
    # even on storages that overwrite (S3).
    return f"renditions/{stem}/{uuid.uuid4().hex[:8]}"


def _changed_meanwhile():
    # The form was loaded before someone else replaced the file; its names may
    # already be removed from the storage.
    return ValidationError(
        _(
            "Someone else changed this photograph while you were editing it. Reload "
            "the page and make your changes again."
        ),
        code="changed_meanwhile",
    )


def _decode_for(file, photograph, specs):
    """
    Decode the cleaned original only as large as ``specs`` need: a JPEG is
    scaled down while it is decoded (a 24-megapixel photo decodes at a quarter
    of its pixels), so renditions are quicker to make and look the same.
    """
    image = Image.open(file, formats=list(IMAGE_EXTENSIONS))
    needed = max(spec.width / (spec.box[2] - spec.box[0]) for spec in specs)
    image.draft(
        image.mode,
        (math.ceil(photograph.width * needed), math.ceil(photograph.height * needed)),
    )
    image.load()
    return image


def _open_stored(photograph, specs):
    try:
        stored = photograph.image.storage.open(photograph.image.name, "rb")
    except FileNotFoundError as error:
        raise _changed_meanwhile() from error
    with stored:
        return _decode_for(stored, photograph, specs)


def _store_files(photograph, written):
    """
    Write what ``photograph`` needs on the storage and is not there yet: a new
    original (cleaned first if it is not already), then missing renditions.
    Append every name written to ``written``.
    """
    storage = photograph.image.storage
    content = None
    if photograph.image and not photograph.image._committed:
        content = photograph.image.file
        if not isinstance(content, CleanImageFile):
            content = clean_image(content)
        photograph.image.save(content.name, content, save=False)
        written.append(photograph.image.name)
        photograph.renditions, photograph.fingerprint = [], ""
    specs = expected_specs(photograph)
    wanted = {spec.key for spec in specs}
    kept = [item for item in photograph.renditions if _key(item) in wanted]
    missing = [spec for spec in specs if spec.key not in {_key(item) for item in kept}]
    if not missing and photograph.fingerprint:
        photograph.renditions = kept
        return
    if content is not None:
        content.seek(0)
        image = _decode_for(content, photograph, missing or specs)
    else:
        image = _open_stored(photograph, missing or specs)
    with image:
        if not photograph.fingerprint:
            photograph.fingerprint = fingerprint(image)
        folder = _rendition_folder(photograph.image.name)
        scale = image.width / photograph.width
        for spec, data in render(image, missing, scale=scale):
            _pillow_format, extension, _options = RENDITION_FORMATS[spec.image_format]
            label = f"{spec.crop}{spec.width}" if spec.crop else f"w{spec.width}"
            name = storage.save(f"{folder}/{label}.{extension}", ContentFile(data))
            written.append(name)
            kept.append(
                {
                    "crop": spec.crop,
                    "format": spec.image_format,
                    "width": spec.width,
                    "height": spec.height,
                    "focal": list(spec.focal) if spec.focal else None,
                    "name": name,
                }
            )
    photograph.renditions = kept


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
                raise _changed_meanwhile()
            unused = before - after
    photograph.save()
    return unused


def _remove_after_commit(storage, names):
    names = sorted(names)
    if names:
        transaction.on_commit(lambda: _delete(storage, names))


def _delete(storage, names):
    for name in names:
        storage.delete(name)


def save_photographs(*, photographs):
    """
    Save ``photographs`` all together or not at all. Their files (cleaned
    originals, then renditions) are written before the rows, outside any
    lock; if anything fails, every file written is removed again and no row
    is saved. Files a row no longer uses (a replaced original, crops around an
    old focal point) are removed once the change is committed.
    """
    if not photographs:
        return []
    storage = photographs[0].image.storage
    written = []
    try:
        for photograph in photographs:
            _store_files(photograph, written)
        with transaction.atomic():
            unused = set()
            for photograph in photographs:
                unused |= _save_row(photograph, written)
    except BaseException:
        _delete(storage, written)
        raise
    _remove_after_commit(storage, unused)
    return photographs


def save_photograph(*, photograph):
    """
    Save ``photograph``, making the renditions it lacks. A file that reaches
    the storage is removed again if the row cannot be written; a replaced file
    and its renditions are removed once the new one is committed.
    """
    save_photographs(photographs=[photograph])
    return photograph


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
    _remove_after_commit(photograph.image.storage, photograph.stored_files())


# Who may change a photograph, and taking one off the site ---------------------

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


def _copy_files(photograph, copied):
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
    folder = _rendition_folder(original)
    renditions = []
    for item in photograph.renditions:
        name = storage.save(
            f"{folder}/{PurePosixPath(item['name']).name}", storage.open(item["name"])
        )
        copied.append(name)
        renditions.append({**item, "name": name})
    return original, renditions


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
            current.image.name, current.renditions = _copy_files(current, copied)
            current.withdrawn_at = timezone.now()
            current.save(update_fields=["image", "renditions", "withdrawn_at", "updated_at"])
            _remove_after_commit(storage, before)
    except BaseException:
        _delete(storage, copied)
        raise
    for field in ("image", "renditions", "withdrawn_at", "updated_at"):
        setattr(photograph, field, getattr(current, field))


def restore_photograph(*, photograph, user):
    """
    Put a withdrawn photograph back on the public site. Refused with a
    ``ValidationError`` while its caption, alt text, credit or place still
    names a protected source, or while it is a protected source's portrait.
    """
    if not user.has_perm("media.change_live_photograph"):
        raise PermissionDenied(_("Only editors put withdrawn photographs back."))
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
    Photograph.objects.filter(pk=photograph.pk).update(withdrawn_at=None, updated_at=timezone.now())
    photograph.withdrawn_at = None
    changed_by(photograph=photograph, user=user)
    return photograph


# Credits, usage and look-alikes ------------------------------------------------


def missing_credits(photographs):
    """
    The photographs among ``photographs`` (any iterable; ``None`` is skipped)
    that name neither an agency nor a photographer. A story may be approved
    only when this is empty::

        missing_credits([article.lead_photo, *(p.photograph for p in placements)])
    """
    return [photo for photo in photographs if photo is not None and not photo.has_credit]


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


@dataclass(frozen=True)
class Usage:
    """Where a photograph appears: ``role`` is "lead", "body" or "portrait"."""

    role: str
    target: object  # an article, or a person for a portrait
    number: int | None = None  # the photo's number in the body


def usages(photograph):
    """Every story (lead or body) and profile that uses ``photograph``."""
    found = [Usage("lead", article) for article in photograph.lead_of.all()]
    found += [
        Usage("body", placement.article, placement.position)
        for placement in photograph.placements.select_related("article")
    ]
    found += [Usage("portrait", person) for person in photograph.portrait_of.all()]
    return found


def distance(first, second):
    """How many of the 64 fingerprint bits differ."""
    return (int(first, 16) ^ int(second, 16)).bit_count()


def similar_photographs(*, fingerprint, exclude=(), limit=5):
    """
    Photographs in the library that look like the picture with ``fingerprint``
    (within ``SIMILAR_BITS``), closest first, as ``(photograph, distance)``,
    with their stories prefetched. One pass over the stored fingerprints: 64-bit
    comparisons are fast enough for a library of hundreds of thousands.
    """
    if not fingerprint:
        return []
    candidates = (
        Photograph.objects.exclude(fingerprint="")
        # A protected source's portrait is shown to nobody as a look-alike:
        # its caption beside their label would say who they are.
        .exclude(portrait_of__is_protected_source=True)
        .exclude(pk__in=[pk for pk in exclude if pk is not None])
        .values_list("pk", "fingerprint")
    )
    close = sorted(
        (bits, pk)
        for pk, other in candidates.iterator()
        if (bits := distance(fingerprint, other)) <= SIMILAR_BITS
    )[:limit]
    photographs = Photograph.objects.filter(pk__in=[pk for _bits, pk in close]).select_related(
        "photographer"
    )
    photographs = photographs.prefetch_related("lead_of", "placements__article")
    by_pk = {photograph.pk: photograph for photograph in photographs}
    return [(by_pk[pk], bits) for bits, pk in close if pk in by_pk]
