"""
``{% picture photograph sizes="…" loading="lazy" css_class="…" crop="…" %}``: a
responsive picture for public pages. WebP and JPEG renditions are offered in
``srcset`` (the browser picks the width ``sizes`` asks for), with width and
height set so nothing jumps as it loads. ``crop="square"`` or ``crop="wide"``
shows a thumbnail cut around the photo's focal point.

Everything comes from the photograph's row: no query, no storage look-up, and
nothing is ever generated while a reader waits.
"""

from django import template

register = template.Library()


# The src for browsers that ignore srcset: the rendition at least this wide.
FALLBACK_WIDTH = 960


@register.inclusion_tag("reader/picture.html")
def picture(photograph, sizes="100vw", loading="lazy", css_class="", crop=""):
    context = {
        "photograph": photograph,
        "sizes": sizes,
        "loading": loading,
        "css_class": css_class,
    }
    if photograph is None:
        return context
    jpeg = photograph.rendition_list(image_format="jpeg", crop=crop)
    if not jpeg:
        # Made before renditions existed (``manage.py make_renditions`` fills them
        # in): the cleaned original alone.
        return context
    widest = jpeg[-1]
    context.update(
        jpeg_srcset=photograph.srcset(image_format="jpeg", crop=crop),
        webp_srcset=photograph.srcset(image_format="webp", crop=crop),
        fallback=photograph.rendition(FALLBACK_WIDTH, image_format="jpeg", crop=crop),
        width=widest["width"],
        height=widest["height"],
    )
    return context
