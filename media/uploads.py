"""
Checking an uploaded file and re-encoding it: the only way a picture reaches
the storage.

A camera or phone writes the GPS position, the camera's serial number and
sometimes the owner's name into a photo. Sources' safety depends on none of it
reaching the storage, so the picture is decoded and its pixels re-encoded into
a new file before anything is saved.
"""

import datetime
import io
import uuid

import pillow_heif
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError

from .models import IMAGE_EXTENSIONS

# HEIC and HEIF, as iPhones and many Android phones save them, are decoded by
# libheif through pillow-heif and stored as JPEG.
pillow_heif.register_heif_opener()

# The only decoders an upload may reach. EPS, PSD, PDF, TIFF, FITS and the rest
# of Pillow's plugins are never tried (and so Ghostscript never runs).
ACCEPTED_FORMATS = [*IMAGE_EXTENSIONS, "HEIF"]
STORED_FORMAT = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "HEIF": "JPEG"}
ORIGINAL_OPTIONS = {"JPEG": {"quality": 90, "optimize": True}, "WEBP": {"quality": 90}}

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
            image = flatten(image)
        elif image.mode not in {"RGB", "RGBA", "L", "LA"}:
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        # Nothing from the original travels with the pixels: no EXIF, XMP,
        # IPTC, comment, thumbnail or colour profile.
        image.info = {}
        output = io.BytesIO()
        image.save(output, format=output_format, **ORIGINAL_OPTIONS.get(output_format, {}))
    name = f"{uuid.uuid4().hex}.{IMAGE_EXTENSIONS[output_format]}"
    return CleanImageFile(output.getvalue(), name, camera_date=camera_date)


def flatten(image):
    """RGB pixels for a JPEG: transparency becomes white."""
    if "A" in image.getbands() or image.mode == "P":
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, image).convert("RGB")
    return image.convert("RGB")
