"""
Turning an uploaded file into a photograph the newsroom can publish safely.

A camera or phone writes the GPS position, the camera's serial number and
sometimes the owner's name into a photo. Sources' safety depends on none of it
reaching the storage, so the picture is decoded and its pixels re-encoded into
a new file before anything is saved.
"""

import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .models import IMAGE_EXTENSIONS, Photograph

ACCEPTED_FORMATS = list(IMAGE_EXTENSIONS)


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


def clean_image(upload):
    """
    Check an uploaded image and return its pixels re-encoded, free of every
    piece of metadata, as a ``ContentFile`` named ``<random>.<format>``.

    Raise ``ValidationError`` with a message that names the problem and the
    limit for anything else: not an image, a format other than JPEG, PNG or
    WebP, a damaged file, too big a file, too many pixels, an animation.
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
        # Only these decoders may run: EPS, PSD, PDF and the rest never reach
        # Pillow's other plugins (and so never Ghostscript).
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
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise ValidationError(
            _(
                "This file is not a photograph we can use. Upload a JPEG, PNG or "
                "WebP image (SVG, PDF, TIFF, HEIC and other formats are refused)."
            ),
            code="unsupported_image",
        ) from error
    with image:
        width, height = image.size
        if width < 1 or height < 1:
            raise ValidationError(
                _("This image has no pixels; upload a valid image."),
                code="invalid_image",
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
        if getattr(image, "n_frames", 1) > 1:
            raise ValidationError(
                _("Animated images are not accepted; upload a still photograph."),
                code="animated_image",
            )
        image_format = image.format
        try:
            image.load()
            image = ImageOps.exif_transpose(image)
            image = _to_srgb(image)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise ValidationError(
                _("This image file is damaged or incomplete; upload a valid image."),
                code="invalid_image",
            ) from error
        if image_format == "JPEG" and image.mode not in {"RGB", "L"}:
            image = image.convert("RGB")
        elif image.mode not in {"RGB", "RGBA", "L", "LA"}:
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        # Nothing from the original travels with the pixels: no EXIF, XMP,
        # IPTC, comment, thumbnail or colour profile.
        image.info = {}
        output = io.BytesIO()
        options = {"JPEG": {"quality": 90, "optimize": True}, "WEBP": {"quality": 90}}
        image.save(output, format=image_format, **options.get(image_format, {}))
    name = f"{uuid.uuid4().hex}.{IMAGE_EXTENSIONS[image_format]}"
    return ContentFile(output.getvalue(), name=name)


def save_photograph(*, photograph):
    """
    Save ``photograph``. A file that reaches the storage is removed again if
    the row cannot be written; a replaced file is removed once the new one is
    committed.
    """
    previous = None
    if photograph.pk is not None:
        previous = (
            Photograph.objects.filter(pk=photograph.pk).values_list("image", flat=True).first()
        )
    storage = photograph.image.storage
    try:
        with transaction.atomic():
            photograph.save()
    except Exception:
        if photograph.image.name and photograph.image.name != previous:
            storage.delete(photograph.image.name)
        raise
    if previous and previous != photograph.image.name:
        transaction.on_commit(lambda: storage.delete(previous))
    return photograph


def create_photograph(*, image, uploaded_by=None, **fields):
    """Save a new photograph from an uploaded file, with its metadata removed."""
    photograph = Photograph(uploaded_by=uploaded_by, **fields)
    photograph.image = clean_image(image)
    photograph.full_clean()
    return save_photograph(photograph=photograph)


def remove_files(*, photograph):
    """Remove a deleted photograph's file from the storage once the deletion is committed."""
    name, storage = photograph.image.name, photograph.image.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
