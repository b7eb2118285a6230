"""
Reading a WordPress export (WXR) into ``Export``, ``Author`` and ``Item``.

The XML is read with defusedxml: no entity expansion, no DTD, nothing
fetched from the network. An export that cannot be read raises
``WordPressExportError`` with the reason, for the command to print. A
post's password is never read: ``Item.protected`` only says it had one.
Slugs are decoded: WordPress writes a Khmer one percent-encoded (``%e1%9e%9f…``).

Every version of the format is read: WordPress writes its namespaces with
http or https (WordPress.com) and versions 1.0 to 1.2, so each namespace is
recognised by its pattern, never by one exact address. What an item holds
that the newsroom has no place for (comments, the sticky flag, terms of
other taxonomies) is read to be counted in the import's summary. Format 1.0
lists no authors and writes tags ``domain="tag"``: its posts' dc:creator
names their authors. Two faults real exports carry are mended before
parsing (``well_formed``): control characters and undeclared prefixes.
"""

import dataclasses
import datetime
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ImportedItem

# How a post's tags are written: "post_tag", or "tag" in format 1.0.
TAG_DOMAINS = {"post_tag", "tag"}
# The namespaces of the format, by what each is called in it, as patterns.
NAMESPACES = {
    "wp": re.compile(r"https?://wordpress\.org/export/\d+\.\d+/"),
    "excerpt": re.compile(r"https?://wordpress\.org/export/\d+\.\d+/excerpt/"),
    "content": re.compile(r"https?://purl\.org/rss/1\.0/modules/content/"),
    "dc": re.compile(r"https?://purl\.org/dc/elements/1\.1/"),
    "wfw": re.compile(r"https?://wellformedweb\.org/CommentAPI/"),
}


# What XML 1.0 forbids anywhere in a document: C0 controls but tab, newline, return.
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Element prefixes used, prefixes declared; a prefix is a name before a colon.
PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*):[A-Za-z_]")
DECLARED = re.compile(rb"xmlns:([A-Za-z_][\w.-]*)\s*=")
ROOT = re.compile(rb"<rss\b")
# The format's own namespaces, for an export that uses one undeclared.
STANDARD = {
    b"wp": b"http://wordpress.org/export/1.2/",
    b"excerpt": b"http://wordpress.org/export/1.2/excerpt/",
    b"content": b"http://purl.org/rss/1.0/modules/content/",
    b"dc": b"http://purl.org/dc/elements/1.1/",
    b"wfw": b"http://wellformedweb.org/CommentAPI/",
}


# How long a site's address may be, as ``ImportedItem.source`` keeps it.
SOURCE_LENGTH = ImportedItem._meta.get_field("source").max_length


class WordPressExportError(ValueError):
    """An export that cannot be imported; the message says why."""


@dataclasses.dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""

    @property
    def name(self):
        full = f"{self.first_name} {self.last_name}".strip()
        return self.display_name or full or self.login


@dataclasses.dataclass
class Item:
    """A post, page or attachment of the export."""

    id: str
    post_type: str
    title: str = ""
    slug: str = ""
    status: str = ""
    date_gmt: datetime.datetime | None = None
    content: str = ""
    excerpt: str = ""
    creator: str = ""
    url: str = ""
    # The post's address on the site (``<link>``) and its permanent identifier
    # (``<guid>``, often ``https://site/?p=<id>``): old links to keep working.
    link: str = ""
    guid: str = ""
    parent: str = ""  # The WordPress id of the post an attachment was uploaded to.
    categories: list = dataclasses.field(default_factory=list)  # (slug, name)
    tags: list = dataclasses.field(default_factory=list)  # (slug, name)
    meta: dict = dataclasses.field(default_factory=dict)
    # Whether the post had a password: the password itself is never read into the import.
    protected: bool = False
    sticky: bool = False
    comments: int = 0
    # Terms of other taxonomies (post formats, series…): (taxonomy, slug).
    terms: set = dataclasses.field(default_factory=set)


@dataclasses.dataclass
class Term:
    """A term of a taxonomy other than categories and tags (``<wp:term>``)."""

    taxonomy: str
    slug: str
    name: str = ""
    description: str = ""
    term_id: str = ""


@dataclasses.dataclass
class Export:
    source: str
    authors: list
    categories: list  # (slug, name)
    tags: list  # (slug, name)
    items: list
    # Other terms (menus, post formats, custom taxonomies): taxonomy → how many.
    terms: dict = dataclasses.field(default_factory=dict)
    # What the site says each category and tag is about: slug → description.
    descriptions: dict = dataclasses.field(default_factory=dict)
    # The other terms as written, descriptions and all (a multilingual
    # plugin's languages and translation groups).
    term_records: list = dataclasses.field(default_factory=list)
    # Each category's and tag's WordPress term id → ("category" or "tag", slug).
    term_ids: dict = dataclasses.field(default_factory=dict)


def read_export(path, *, name=None):
    """
    Read a WXR file (a path, or an open binary file called ``name``) into an
    ``Export``; raise ``WordPressExportError`` with a clear reason.
    """
    try:
        if name is not None:
            data = path.read()
        else:
            name = path
            data = Path(path).read_bytes()
    except OSError as error:
        raise WordPressExportError(
            _("Cannot read %(path)s: %(reason)s.")
            % {"path": name, "reason": error.strerror or error}
        ) from error
    path = name
    try:
        root = SafeElementTree.fromstring(well_formed(data), forbid_dtd=True)
    except ParseError as error:
        line, column = error.position
        raise WordPressExportError(
            _(
                "%(path)s is not well-formed XML (line %(line)s, column %(column)s); "
                "nothing was imported."
            )
            % {"path": path, "line": line, "column": column}
        ) from error
    except DefusedXmlException as error:
        raise WordPressExportError(
            _(
                "%(path)s declares a DTD or entities, which a WordPress export never needs; "
                "it was refused and nothing was imported."
            )
            % {"path": path}
        ) from error
    return parse_export(root, path)


def well_formed(data):
    """
    The bytes of an export as an XML parser takes them, mending the two
    faults WordPress itself writes into real exports (its own importer reads
    them with regular expressions when XML fails): control characters a post
    held (pasted from a word processor), which XML forbids even in CDATA;
    and prefixes used without a declaration (WordPress.com's ``<atom:link>``
    in exports of format 1.0 and 1.1), which are declared on the root.
    """
    data = CONTROL.sub(b"", data)
    missing = set(PREFIX.findall(data)) - set(DECLARED.findall(data)) - {b"xml", b"xmlns"}
    root = ROOT.search(data)
    if missing and root is not None:
        declarations = b"".join(
            b' xmlns:%s="%s"' % (prefix, STANDARD.get(prefix, b"urn:undeclared:" + prefix))
            for prefix in sorted(missing)
        )
        data = data[: root.end()] + declarations + data[root.end() :]
    return data


def parse_export(root, path="export"):
    channel = root.find("channel")
    ns = namespaces(root)
    if root.tag != "rss" or channel is None or "wp" not in ns:
        raise WordPressExportError(
            _(
                "%(path)s is XML but not a WordPress export (WXR): no channel with wp: elements; "
                "nothing was imported."
            )
            % {"path": path}
        )
    wp, content, dc = ns["wp"], ns.get("content", "{content}"), ns.get("dc", "{dc}")
    excerpt = ns.get("excerpt", "{excerpt}")
    source = (_text(channel, f"{wp}base_blog_url") or _text(channel, "link") or "").rstrip("/")
    # What the import records every item under: a site's address, as long as one can be.
    source = source[:SOURCE_LENGTH]
    if not source:
        raise WordPressExportError(
            _("%(path)s does not say which site it comes from (no link); nothing was imported.")
            % {"path": path}
        )
    authors = [
        Author(
            login=_text(element, f"{wp}author_login"),
            email=_text(element, f"{wp}author_email"),
            display_name=_text(element, f"{wp}author_display_name"),
            first_name=_text(element, f"{wp}author_first_name"),
            last_name=_text(element, f"{wp}author_last_name"),
        )
        for element in channel.findall(f"{wp}author")
    ]
    categories = [
        (_slug(_text(element, f"{wp}category_nicename")), _text(element, f"{wp}cat_name"))
        for element in channel.findall(f"{wp}category")
    ]
    tags = [
        (_slug(_text(element, f"{wp}tag_slug")), _text(element, f"{wp}tag_name"))
        for element in channel.findall(f"{wp}tag")
    ]
    descriptions = {}  # slug (else name) → description; a category's wins over a tag's.
    term_ids = {}  # WordPress term id → ("category" or "tag", slug)
    for kind, slug_tag, name_tag in (
        ("category", "category_nicename", "cat_name"),
        ("tag", "tag_slug", "tag_name"),
    ):
        for element in channel.findall(f"{wp}{kind}"):
            slug = _slug(_text(element, f"{wp}{slug_tag}"))
            if description := _text(element, f"{wp}{kind}_description"):
                descriptions.setdefault(slug or _text(element, f"{wp}{name_tag}"), description)
            if term_id := _text(element, f"{wp}term_id"):
                term_ids[term_id] = (kind, slug)
    term_records = [
        Term(
            taxonomy=_text(element, f"{wp}term_taxonomy") or "term",
            slug=_slug(_text(element, f"{wp}term_slug")),
            name=_text(element, f"{wp}term_name"),
            description=_text(element, f"{wp}term_description"),
            term_id=_text(element, f"{wp}term_id"),
        )
        for element in channel.findall(f"{wp}term")
    ]
    terms = {(term.taxonomy, term.slug) for term in term_records}
    items = []
    for element in channel.findall("item"):
        item = Item(
            id=_text(element, f"{wp}post_id"),
            post_type=_text(element, f"{wp}post_type"),
            title=_text(element, "title"),
            slug=_slug(_text(element, f"{wp}post_name")),
            status=_text(element, f"{wp}status"),
            date_gmt=_date(element, wp),
            content=_text(element, f"{content}encoded"),
            excerpt=_text(element, f"{excerpt}encoded"),
            creator=_text(element, f"{dc}creator"),
            url=_text(element, f"{wp}attachment_url"),
            link=_text(element, "link"),
            guid=_text(element, "guid"),
            parent=_text(element, f"{wp}post_parent"),
            protected=_has_text(element, f"{wp}post_password"),
            sticky=_text(element, f"{wp}is_sticky") not in {"", "0"},
            comments=len(element.findall(f"{wp}comment")),
        )
        if not item.id:
            raise WordPressExportError(
                _("%(path)s has an item without a wp:post_id (“%(title)s”); nothing was imported.")
                % {"path": path, "title": item.title}
            )
        for category in element.findall("category"):
            pair = (_slug(category.get("nicename", "")), (category.text or "").strip())
            domain = category.get("domain")
            # Before tags (WordPress 2.3) a post's categories had no domain.
            if domain in {"category", None}:
                _add_term(item.categories, pair)
            elif domain in TAG_DOMAINS:
                _add_term(item.tags, pair)
            elif domain:
                item.terms.add((domain, pair[0] or pair[1]))
        for meta in element.findall(f"{wp}postmeta"):
            item.meta[_text(meta, f"{wp}meta_key")] = _text(meta, f"{wp}meta_value")
        items.append(item)
        terms |= item.terms
    if not authors:
        # Format 1.0 lists no authors: a post's dc:creator is its author's name.
        creators = dict.fromkeys(item.creator for item in items if item.creator)
        authors = [Author(login=creator, display_name=creator) for creator in creators]
    counted = Counter(taxonomy for taxonomy, _term in terms)
    return Export(
        source=source,
        authors=authors,
        categories=categories,
        tags=tags,
        items=items,
        terms=dict(counted),
        descriptions=descriptions,
        term_records=term_records,
        term_ids=term_ids,
    )


def _add_term(terms, pair):
    """
    Add a post's (slug, name) to ``terms`` once: format 1.0 names each of a
    post's categories and tags twice, once without its slug.
    """
    for index, (slug, name) in enumerate(terms):
        if name == pair[1] and (not slug or not pair[0] or slug == pair[0]):
            terms[index] = (slug or pair[0], name)
            return
    terms.append(pair)


def namespaces(root):
    """
    The export's namespaces by their names in the format (``wp``, ``excerpt``,
    ``content``, ``dc``, ``wfw``), each as ``{uri}`` ready to prefix a tag:
    whatever scheme and version the export was written with.
    """
    uris = {element.tag[1:].partition("}")[0] for element in root.iter() if element.tag[:1] == "{"}
    found = {}
    for name, pattern in NAMESPACES.items():
        match = next((uri for uri in sorted(uris) if pattern.fullmatch(uri)), None)
        if match is not None:
            found[name] = "{" + match + "}"
    return found


def _text(element, path):
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def _slug(value):
    """A slug as written before WordPress percent-encoded its non-ASCII letters."""
    return unquote(value)


def _has_text(element, path):
    """Whether ``path`` holds any text at all: a password of spaces is still a password."""
    found = element.find(path)
    return found is not None and bool(found.text)


def _date(element, wp):
    """The post's time: GMT when WordPress wrote it, else the site's local time."""
    for tag, zone in ((f"{wp}post_date_gmt", datetime.UTC), (f"{wp}post_date", None)):
        value = _text(element, tag)
        if not value or value.startswith("0000"):
            continue
        try:
            moment = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            continue
        if zone is None:
            return timezone.make_aware(moment)
        return moment.replace(tzinfo=zone)
    return None
