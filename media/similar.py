"""
Look-alikes: a perceptual fingerprint of each picture, and the photographs in
the library whose fingerprints are close, to point out near-duplicates.
"""

from PIL import Image

from .models import Photograph

# Two fingerprints this many bits apart (of 64) or fewer are the same picture,
# resized, re-compressed or lightly cropped (measured: 0–3 bits for a resized,
# re-compressed copy; 8 or more between different scenes of the same layout).
SIMILAR_BITS = 6


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
