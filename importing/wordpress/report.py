"""
What a WordPress import did, and what of the export it left out: every
item and element of the export is either imported or counted here, by kind.
"""

import dataclasses
from collections import Counter

from .attachments import CREDIT_META_KEYS

# Post metadata the import reads; every other key is counted as left out.
USED_META = {"_thumbnail_id", "_wp_attached_file", "_wp_attachment_image_alt", *CREDIT_META_KEYS}
POST_TYPES = {"page": "pages", "nav_menu_item": "menu items", "revision": "revisions"}


@dataclasses.dataclass
class Report:
    """What an import did, for the command to print."""

    stories_created: int = 0
    stories_updated: int = 0
    photos_created: int = 0
    photos_updated: int = 0
    photos_needed: int = 0
    authors: int = 0
    sections: int = 0
    topics: int = 0
    quotes: int = 0
    # Categories after a post's first: the first is its section, the others topics.
    categories_as_topics: int = 0
    skipped: list = dataclasses.field(default_factory=list)
    # Private or password-protected posts, imported as drafts.
    withheld: list = dataclasses.field(default_factory=list)
    # Stories moved in the workspace since they were imported: their status stays.
    kept: list = dataclasses.field(default_factory=list)
    # Photographs in an editor's hands whose caption or credit only an editor may change.
    photos_kept: list = dataclasses.field(default_factory=list)
    # Posts whose author the export does not list: imported with no byline.
    no_byline: list = dataclasses.field(default_factory=list)
    # Posts whose quotes the finder could not attribute: recorded without a speaker.
    unattributed: list = dataclasses.field(default_factory=list)
    # What of the export was not imported, by kind: how many of each.
    left_out: Counter = dataclasses.field(default_factory=Counter)


def count_left_out(report, export, *, used_attachments, shortcodes):
    """
    Count in ``report`` what of ``export`` has no place in the newsroom:
    comments, pages and other post types, attachments no story shows, the
    sticky flag, post metadata the import does not read, shortcodes it
    dropped, menus and other terms.
    """
    left_out = report.left_out
    for item in export.items:
        left_out["comments"] += item.comments
        if item.post_type == "post":
            left_out["sticky flags (feature the story in the workspace instead)"] += item.sticky
        elif item.post_type == "attachment":
            left_out["attachments no story shows"] += item.id not in used_attachments
        else:
            left_out[POST_TYPES.get(item.post_type, f"items of type “{item.post_type}”")] += 1
            continue
        left_out["post metadata fields"] += sum(1 for key in item.meta if key not in USED_META)
    for name, count in shortcodes.items():
        left_out[f"[{name}] shortcodes"] += count
    for taxonomy, count in export.terms.items():
        left_out[f"terms of “{taxonomy}” (menus, formats and the like)"] += count
    used = {slug for item in export.items for slug, _name in item.categories}
    left_out["categories no post uses"] += sum(
        1 for slug, _name in export.categories if slug not in used
    )
    used = {slug for item in export.items for slug, _name in item.tags}
    left_out["tags no post uses"] += sum(1 for slug, _name in export.tags if slug not in used)
    report.left_out = Counter({kind: count for kind, count in left_out.items() if count})
