"""
A WordPress attachment as a photograph: its file, caption, alt text and credit.

Image files come from ``media_dir``, a copy of the site's
``wp-content/uploads`` folder: an attachment's ``_wp_attached_file``
(``2024/05/photo.jpg``) is looked up there, and nothing outside it is ever
read. The credit comes from the attachment's credit field when it has one,
else from the ``Agency/ Photographer`` at the end of its caption. The
photographer is matched among the people who imports may know by name.
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from people.models import Person
from people.services import find_or_create_person

from ..story_format import IMAGE_SUFFIXES, parse_caption, split_credit
from .body import strip_tags

CREDIT_META_KEYS = {"_credit", "credit", "_media_credit", "media_credit", "photo_credit"}


def image_path(item, *, media_dir):
    """The attachment's file under ``media_dir`` (resolved), never outside it."""
    if media_dir is None:
        return None
    candidates = []
    if item.meta.get("_wp_attached_file"):
        candidates.append(item.meta["_wp_attached_file"])
    path = urlsplit(item.url).path
    if "/uploads/" in path:
        candidates.append(path.split("/uploads/", 1)[1])
    if path:
        candidates.append(Path(path).name)
    for candidate in candidates:
        full = (media_dir / candidate).resolve()
        if (
            full.is_relative_to(media_dir)
            and full.suffix.lower() in IMAGE_SUFFIXES
            and full.is_file()
        ):
            return full
    return None


def photo_fields(item, *, user):
    """
    The photograph's fields from an attachment: caption, alt text, credit,
    date, place. The photographer is found among the people ``user`` knows.
    """
    caption = strip_tags(item.excerpt) or strip_tags(item.content) or item.title
    credit = next((item.meta[key] for key in CREDIT_META_KEYS if item.meta.get(key)), "")
    parsed = parse_caption(caption, number=0)
    agency, photographer_name = parsed.credit_agency, parsed.photographer
    caption = parsed.caption or caption
    if credit:
        # The same forms as a caption's credit: “AFP/ Name”, “(ឈ្មោះ/VOA)”, “រូបថត៖ …”.
        split = split_credit(credit, alone=True)
        if split:
            _caption, agency, photographer_name = split
        else:
            agency = credit
    photographer = None
    if photographer_name:
        photographer, _created = find_or_create_person(
            name=photographer_name, among=Person.objects.known_to(user)
        )
    alt_text = item.meta.get("_wp_attachment_image_alt") or caption
    return {
        "caption": caption or _("(no caption)"),
        "alt_text": alt_text[:300] or caption[:300],
        "credit_agency": agency[:100],
        "photographer": photographer,
        "date_taken": parsed.date_taken,
        "place": parsed.place,
    }
