"""
The languages and translations a multilingual WordPress site wrote into its
export: each post's language, which posts are one story's versions, and
which categories and tags are one term's versions.

Polylang keeps them as terms, which WordPress exports like any other:
a post carries its language (``<category domain="language" nicename="km">``,
the language term's description a serialized array holding its
``locale``) and, when it has translations, a group
(``<category domain="post_translations" nicename="pll_…">``) whose term
description maps each language to a post id. Categories and tags have
their groups too (``term_translations``), by term id; the export does not
say a term's language otherwise. WPML keeps its translations in a table of
its own that no export holds; its “WPML Export and Import” add-on writes
them as post metadata (``_wpml_import_language_code``,
``_wpml_import_translation_group``), read here alike.

What cannot be used is said, in ``problems``: a description that cannot be
read, a group naming two posts for one language.
"""

import dataclasses
from collections import defaultdict

from articles.models import Language

from .body import strip_tags
from .serialized import php_array

POLYLANG = {"language", "post_translations", "term_language", "term_translations"}
WPML_LANGUAGE = "_wpml_import_language_code"
WPML_GROUP = "_wpml_import_translation_group"
WPML_META = {WPML_LANGUAGE, WPML_GROUP, "_wpml_import_source_language_code"}
PUBLISHED = set(Language.values)


def code_of(value):
    """A language as the newsroom names it (``en``, ``km``) from a slug or locale (``km_KH``)."""
    return value.strip().lower().replace("-", "_").partition("_")[0]


@dataclasses.dataclass
class Variant:
    """The one section or topic a category or tag and its translations become."""

    slug: str
    name: str
    name_km: str = ""


@dataclasses.dataclass
class Languages:
    # A post's WordPress id → the language its site gave it (code_of).
    posts: dict = dataclasses.field(default_factory=dict)
    # Translation groups: (name, {code: [post ids]}).
    groups: list = dataclasses.field(default_factory=list)
    # ("category" or "tag", slug) → the Variant it is filed as.
    variants: dict = dataclasses.field(default_factory=dict)
    # What could not be used, each named with why.
    problems: list = dataclasses.field(default_factory=list)
    # Languages the site wrote in that the newsroom does not publish.
    other_languages: set = dataclasses.field(default_factory=set)

    def language_of(self, item):
        return self.posts.get(item.id)


def read_languages(export):
    """The ``Languages`` of ``export``: empty for a site in one language."""
    languages = Languages()
    records = defaultdict(list)
    for term in export.term_records:
        records[term.taxonomy].append(term)
    codes = {}  # A language term's slug → its code, from its locale where it says one.
    for term in records["language"]:
        about = php_array(term.description) or {}
        locale = about.get("locale")
        codes[term.slug] = code_of(locale if isinstance(locale, str) and locale else term.slug)
    members = defaultdict(lambda: defaultdict(set))  # group → code → post ids
    for term in records["post_translations"]:
        for code, post_id in _group(term, codes, languages.problems).items():
            members[term.slug][code].add(post_id)
    for item in export.items:
        slugs = dict(item.terms)
        code = None
        if "language" in slugs:
            code = codes.get(slugs["language"]) or code_of(slugs["language"])
        elif item.meta.get(WPML_LANGUAGE):
            code = code_of(item.meta[WPML_LANGUAGE])
        if not code:
            continue
        if item.post_type == "post":
            languages.posts[item.id] = code
        group = slugs.get("post_translations")
        if group is None and item.meta.get(WPML_GROUP):
            group = f"WPML {item.meta[WPML_GROUP]}"
        if group is not None:
            members[group][code].add(item.id)
    languages.other_languages = {
        code for code in [*codes.values(), *languages.posts.values()] if code not in PUBLISHED
    }
    for name, by_code in members.items():
        languages.groups.append((name, {code: sorted(ids) for code, ids in by_code.items()}))
    languages.variants = _variants(export, records["term_translations"], codes, languages.problems)
    return languages


def _group(term, codes, problems):
    """A translation group's description as {code: id}; its faults noted in ``problems``."""
    about = php_array(term.description)
    if about is None:
        problems.append(
            f"translation group {term.slug[:60]} (its description cannot be read: "
            f"“{term.description[:60]}”; only the posts that name the group are linked)"
        )
        return {}
    group = {}
    for key, value in about.items():
        if isinstance(value, bool) or not isinstance(value, int | str):
            continue  # Other data a plugin keeps there (Polylang Pro's synchronisation).
        if not isinstance(key, str) or not str(value).isdigit() or int(value) < 1:
            continue
        group[codes.get(key) or code_of(key)] = str(int(value))
    return group


def _variants(export, groups, codes, problems):
    """
    Each category and tag that has translations, as the one section or
    topic they all become: the English one's slug and name, the Khmer
    one's name as its Khmer name (else the first one's).
    """
    names = {("category", slug): name for slug, name in export.categories}
    names |= {("tag", slug): name for slug, name in export.tags}
    variants = {}
    for term in groups:
        by_code = {}
        for code, term_id in _group(term, codes, problems).items():
            if (found := export.term_ids.get(term_id)) is not None:
                by_code.setdefault(found[0], {})[code] = found
        for found in by_code.values():
            if len(found) < 2:
                continue
            first = found.get(Language.ENGLISH) or next(iter(found.values()))
            khmer = found.get(Language.KHMER)
            variant = Variant(
                slug=first[1],
                name=strip_tags(names.get(first, "")) or first[1],
                name_km=strip_tags(names.get(khmer, "")) if khmer and khmer != first else "",
            )
            for key in found.values():
                variants[key] = variant
    return variants
