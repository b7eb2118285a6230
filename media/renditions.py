"""
Renditions: the resized copies of a photograph in WebP and JPEG, and its
focal-point crops.

They are made once, when a file is saved, and kept on the storage beside the
original; the photograph's ``renditions`` field lists them, so pages never look
for files and no reader's request ever makes one.
"""

import io
import math
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath

from PIL import Image

from .models import IMAGE_EXTENSIONS
from .uploads import flatten

# Rendition widths in pixels; a photo narrower than one gets its own width instead
# (never upscaled). Crops keep the focal point in view.
WIDTHS = (320, 640, 960, 1280, 1920)
CROPS = {"square": ((1, 1), (160, 320)), "wide": ((16, 9), (640, 1280))}
RENDITION_FORMATS = {
    "webp": ("WEBP", "webp", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", "jpg", {"quality": 82, "optimize": True, "progressive": True}),
}


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

    @property
    def file_name(self):
        """``w640.webp`` for the whole picture, ``square320.jpg`` for a crop."""
        _pillow_format, extension, _options = RENDITION_FORMATS[self.image_format]
        label = f"{self.crop}{self.width}" if self.crop else f"w{self.width}"
        return f"{label}.{extension}"

    def listed(self, name, size):
        """
        This rendition's entry in the photograph's ``renditions``, stored as
        ``name``, ``size`` bytes long (a feed's enclosure gives its length).
        """
        return {
            "crop": self.crop,
            "format": self.image_format,
            "width": self.width,
            "height": self.height,
            "focal": list(self.focal) if self.focal else None,
            "name": name,
            "bytes": size,
        }


def listed_key(item):
    """The ``RenditionSpec.key`` of an entry of a photograph's ``renditions`` list."""
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
    """The renditions ``photograph`` should have, at its size and focal point."""
    return rendition_specs(
        width=photograph.width,
        height=photograph.height,
        focal_x=photograph.focal_x,
        focal_y=photograph.focal_y,
    )


def renditions_complete(photograph):
    """Whether every rendition the photograph should have is listed as made."""
    made = {listed_key(item) for item in photograph.renditions}
    return all(spec.key in made for spec in expected_specs(photograph))


def rendition_folder(original_name):
    """``photos/2026/07/<id>.jpg`` → ``renditions/2026/07/<id>/<random>``."""
    stem = str(PurePosixPath(original_name).with_suffix("")).removeprefix("photos/")
    # A fresh folder for each run, so two runs never write to the same name,
    # even on storages that overwrite (S3).
    return f"renditions/{stem}/{uuid.uuid4().hex[:8]}"


def decode_for(file, photograph, specs):
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


def _encodable(image, image_format):
    if image_format == "JPEG":
        return image if image.mode in {"RGB", "L"} else flatten(image)
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
