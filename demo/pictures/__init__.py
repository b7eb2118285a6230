"""
Demo photographs drawn with Pillow alone: skies, hills, paddies, rivers,
streets and people, then film grain and a vignette so they read as
photographs at a glance. Each scene is laid out on the same frame at any
size (``drawing.Pen``), so one seed draws the same picture large or small.
"""

import functools
import io
import random

from PIL import ExifTags, Image, ImageChops

from .drawing import FRAME
from .figures import crowd, portrait, press_conference
from .landscapes import city, landscape

SCENES = {
    "fields": functools.partial(landscape, kind="fields"),
    "river": functools.partial(landscape, kind="river"),
    "forest": functools.partial(landscape, kind="forest"),
    "road": functools.partial(landscape, kind="road"),
    "city": city,
    "crowd": crowd,
    "portrait": portrait,
    "press": press_conference,
}


@functools.cache
def _grain(size):
    """Film grain: one noise texture, shared by every picture of a run."""
    return Image.effect_noise(size, 16).convert("RGB")


@functools.cache
def _vignette(size):
    mask = Image.radial_gradient("L").resize(size)
    mask = mask.point(lambda v: 255 - max(0, v - 110) // 2)
    return Image.merge("RGB", [mask] * 3)


def render_photo(scene, seed, *, size=FRAME, **options):
    """
    A JPEG of ``scene``, ``size`` pixels wide and high, as bytes. Like a
    phone's picture, it carries a camera make and a GPS position, which the
    newsroom must strip on upload.
    """
    rng = random.Random(seed)
    image = SCENES[scene](rng, size=tuple(size), **options)
    image = ImageChops.overlay(image, _grain(image.size))
    image = ImageChops.multiply(image, _vignette(image.size))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Demo Camera Co."
    exif[ExifTags.Base.Model] = "DC-1"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (11.0, 33.0, 24.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (104.0, 55.0, 12.0),
    }
    output = io.BytesIO()
    image.save(output, "JPEG", quality=85, exif=exif)
    return output.getvalue()
