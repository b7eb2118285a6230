"""
How the admin shows a photograph: a thumbnail, a plain sentence for each place
it is used, and a line for a photograph that looks like another.
"""

from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .usage import usages


def photo_thumbnail(photograph, *, width=96):
    """An <img> of ``photograph`` ``width`` pixels wide, from its smallest fitting rendition."""
    if photograph is None:
        return "—"
    rendition = photograph.rendition(width * 2, image_format="webp")
    height = round(width * rendition["height"] / rendition["width"]) if rendition["width"] else 0
    return render_to_string(
        "media/photograph_thumbnail.html",
        {"photograph": photograph, "src": rendition["url"], "width": width, "height": height},
    )


def shorten(text, length=60):
    """
    ``text`` on one line, cut to ``length`` characters with an ellipsis: at
    the last space when one is near the end, else (Khmer writes no spaces
    between words) at the length.
    """
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    space = cut.rfind(" ")
    if space > length * 3 // 4:
        cut = cut[:space]
    return cut.rstrip() + "…"


def admin_link(obj, text):
    """A link to ``obj``'s admin page, or the plain (escaped) text if it has none."""
    opts = obj._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return format_html("{}", text)
    return format_html('<a href="{}">{}</a>', url, text)


def usage_line(usage):
    """One use of a photograph, said plainly, linked to the story or profile."""
    if usage.role == "lead":
        return format_html(_("the lead photo of {}"), admin_link(usage.target, f"“{usage.target}”"))
    if usage.role == "body":
        text = _("Photo %(number)s in “%(story)s”") % {
            "number": usage.number,
            "story": usage.target,
        }
        return admin_link(usage.target, text)
    return format_html(_("the portrait of {}"), admin_link(usage.target, usage.target))


def similar_line(photograph):
    """A photograph that looks like another: linked, with where it is used."""
    stories = [usage_line(usage) for usage in usages(photograph)]
    link = admin_link(photograph, shorten(str(photograph)))
    if not stories:
        return format_html(_("{} (not used yet)"), link)
    return format_html(
        _("{}, used as: {}"), link, format_html_join("; ", "{}", ([s] for s in stories))
    )
