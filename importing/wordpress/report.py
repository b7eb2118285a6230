"""
What a WordPress import did, and what of the export it left out: every
item and element of the export is either imported or counted here, by kind.
"""

import dataclasses
import re
from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .attachments import CREDIT_META_KEYS
from .body import ELEMENTS, EMBEDDED
from .languages import POLYLANG, WPML_META

# Post metadata the import reads; every other key is counted as left out.
USED_META = {
    "_thumbnail_id",
    "_wp_attached_file",
    "_wp_attachment_image_alt",
    *CREDIT_META_KEYS,
    *WPML_META,
}
POST_TYPES = {
    "page": gettext_noop("pages"),
    "nav_menu_item": gettext_noop("menu items"),
    "revision": gettext_noop("revisions"),
}
# Kinds of what is left out that name a thing of the export. A report keeps
# every kind in English, the words' msgid, with the name filled in; it is
# shown in the reader's language (``kind_label``), an old report's too.
SHORTCODES = gettext_noop("[%(name)s] shortcodes")
OTHER_TYPE = gettext_noop("items of type “%(name)s”")
OTHER_TERMS = gettext_noop("terms of “%(name)s” (menus, formats and the like)")
OTHER_LANGUAGE = gettext_noop("the language “%(name)s” (the newsroom publishes English and Khmer)")
NAMED_KINDS = [
    (kind, re.compile(re.escape(kind).replace(re.escape("%(name)s"), "(?P<name>.+?)")))
    for kind in (SHORTCODES, OTHER_TYPE, OTHER_TERMS, ELEMENTS, EMBEDDED, OTHER_LANGUAGE)
]


def kind_label(kind):
    """A kind of what an import left out, as a report keeps it, in the active language."""
    for template, pattern in NAMED_KINDS:
        if match := pattern.fullmatch(kind):
            return _(template) % {"name": match["name"]}
    return _(kind)


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
    # Posts not imported, with why: in the trash, an auto-draft, too long for a
    # story (pages and other items are counted by kind).
    skipped: list = dataclasses.field(default_factory=list)
    # Private or password-protected posts, imported as drafts.
    withheld: list = dataclasses.field(default_factory=list)
    # Stories moved in the workspace since they were imported: their status stays.
    kept: list = dataclasses.field(default_factory=list)
    # Photographs in an editor's hands whose caption or credit only an editor may change.
    photos_kept: list = dataclasses.field(default_factory=list)
    # Posts whose author the export does not list: imported with no byline.
    no_byline: list = dataclasses.field(default_factory=list)
    # Posts whose title is longer than a headline may be: cut at a word.
    shortened: list = dataclasses.field(default_factory=list)
    # Posts whose quotes the finder could not attribute: recorded without a speaker.
    unattributed: list = dataclasses.field(default_factory=list)
    # Posts linked as one story's two versions (Polylang's or WPML's translations).
    translations: int = 0
    # Translations the export names that were not linked, each with why.
    unlinked: list = dataclasses.field(default_factory=list)
    # What of the export was not imported, by kind: how many of each.
    left_out: Counter = dataclasses.field(default_factory=Counter)

    def as_data(self):
        """The report as JSON-ready data, kept with an import made from the workspace."""
        return dataclasses.asdict(self) | {"left_out": dict(self.left_out)}

    @classmethod
    def from_data(cls, data):
        """
        A report kept by ``as_data``. A field added since it was kept starts
        empty, and one removed since is dropped: an old import's page still opens.
        """
        known = {field.name for field in dataclasses.fields(cls)}
        kept = {name: value for name, value in data.items() if name in known}
        return cls(**kept | {"left_out": Counter(data.get("left_out", {}))})

    def summary(self):
        """
        What the import did, line by line, in the words the command prints
        and the workspace shows: ``[(line, [details…]), …]``.
        """
        lines = [
            (
                _(
                    "Stories: %(new)s new, %(updated)s updated. Photos: %(photos)s new, "
                    "%(photos_updated)s updated, %(needed)s still needed (no file). "
                    "Authors: %(authors)s new. Sections: %(sections)s new. "
                    "Topics: %(topics)s new. Quotes found: %(quotes)s."
                )
                % {
                    "new": self.stories_created,
                    "updated": self.stories_updated,
                    "photos": self.photos_created,
                    "photos_updated": self.photos_updated,
                    "needed": self.photos_needed,
                    "authors": self.authors,
                    "sections": self.sections,
                    "topics": self.topics,
                    "quotes": self.quotes,
                },
                [],
            )
        ]
        listed = [
            (
                self.skipped,
                _("Posts not imported, each with the reason: %(count)s."),
            ),
            (
                self.withheld,
                _(
                    "Imported as drafts, not published (password-protected or private on "
                    "the old site): %(count)s."
                ),
            ),
            (
                self.kept,
                _("Kept as the workspace has it (moved there since imported): %(count)s."),
            ),
            (
                self.shortened,
                _(
                    "Titles longer than a headline may be (300 characters), shortened at a "
                    "word: %(count)s."
                ),
            ),
            (self.no_byline, _("No byline (the export does not list the author): %(count)s.")),
            (
                self.unattributed,
                _(
                    "Quotes without a speaker (the quote finder could not attribute them), "
                    "in: %(count)s."
                ),
            ),
            (
                self.unlinked,
                _("Translations not linked, each with the reason: %(count)s."),
            ),
            (
                self.photos_kept,
                _(
                    "Photos not changed, in an editor's hands (an editor's import changes "
                    "them): %(count)s."
                ),
            ),
        ]
        lines += [(line % {"count": len(items)}, items) for items, line in listed if items]
        if self.translations:
            lines.append(
                (
                    _(
                        "Linked as translations of each other (the older post is the "
                        "source): %(count)s pairs."
                    )
                    % {"count": self.translations},
                    [],
                )
            )
        if self.categories_as_topics:
            lines.append(
                (
                    _(
                        "A story has one section, its post's first category; its other "
                        "categories became topics: %(count)s."
                    )
                    % {"count": self.categories_as_topics},
                    [],
                )
            )
        if self.left_out:
            lines.append(
                (
                    _("Not imported, by kind:"),
                    [
                        f"{kind_label(kind)}: {count}"
                        for kind, count in sorted(self.left_out.items())
                    ],
                )
            )
        return lines


def count_left_out(
    report, export, *, used_attachments, shortcodes, elements=(), other_languages=()
):
    """
    Count in ``report`` what of ``export`` has no place in the newsroom:
    comments, pages and other post types, attachments no story shows, the
    sticky flag, post metadata the import does not read, shortcodes and
    ``elements`` (scripts, embeds, tables) it dropped or changed, menus and
    other terms.
    """
    left_out = report.left_out
    for item in export.items:
        left_out[gettext_noop("comments")] += item.comments
        if item.post_type == "post":
            left_out[gettext_noop("sticky flags (feature the story in the workspace instead)")] += (
                item.sticky
            )
        elif item.post_type == "attachment":
            left_out[gettext_noop("attachments no story shows")] += item.id not in used_attachments
        else:
            left_out[POST_TYPES.get(item.post_type, OTHER_TYPE % {"name": item.post_type})] += 1
            continue
        left_out[gettext_noop("post metadata fields")] += sum(
            1 for key in item.meta if key not in USED_META
        )
    for name, count in shortcodes.items():
        left_out[SHORTCODES % {"name": name}] += count
    left_out.update(elements)
    for code in other_languages:
        left_out[OTHER_LANGUAGE % {"name": code}] += 1
    for taxonomy, count in export.terms.items():
        if taxonomy not in POLYLANG:
            left_out[OTHER_TERMS % {"name": taxonomy}] += count
    used = {slug for item in export.items for slug, _name in item.categories}
    left_out[gettext_noop("categories no post uses")] += sum(
        1 for slug, _name in export.categories if slug not in used
    )
    used = {slug for item in export.items for slug, _name in item.tags}
    left_out[gettext_noop("tags no post uses")] += sum(
        1 for slug, _name in export.tags if slug not in used
    )
    report.left_out = Counter({kind: count for kind, count in left_out.items() if count})
