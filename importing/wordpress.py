"""
Importing a WordPress export (WXR) into the newsroom.

Posts become stories with their status and dates, authors become staff
people (with a login that stays inactive until an administrator opens it),
categories sections, tags topics, attachments photographs with caption, alt
text and credit where present, featured images lead photos. Every post,
attachment and author is recorded under its WordPress identifier
(``ImportedItem``), so importing the same export again updates instead of
duplicating. The XML is read with defusedxml: no entity expansion, no DTD,
nothing fetched from the network. The whole export is imported in one
transaction: a malformed export, or any file that cannot be imported,
leaves the database as it was.

Image files come from ``media_dir``, a copy of the site's ``wp-content/uploads``
folder: an attachment's ``_wp_attached_file`` (``2024/05/photo.jpg``) is
looked up there. An attachment whose file is missing becomes a “photo
needed” record on the stories that use it.

A private or password-protected post becomes a draft, whatever its status
(``story_status``), and a story already published from it leaves the site
when the export is imported again. A post's password is never kept.
"""

import dataclasses
import datetime
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, ArticlePhoto, Byline, Language, Section, Topic
from media.services import create_photograph, save_photograph
from people.models import Person
from people.names import is_khmer
from people.services import find_or_create_person, find_people
from people.slugs import slugify
from quotes.services import attribute_quotes
from workflow.revisions import latest_revision, record_revision

from .models import ImportedItem, ImportKind, PhotoNeeded
from .story_files import CREDIT, IMAGE_SUFFIXES, parse_caption, remove_stored_files

CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
WP_NAMESPACE = re.compile(r"^\{(http://wordpress\.org/export/\d+\.\d+/)\}")
CREDIT_META_KEYS = {"_credit", "credit", "_media_credit", "media_credit", "photo_credit"}
UNSORTED = {"uncategorized", "uncategorised"}
STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.IN_REVIEW,
    "private": Article.Status.DRAFT,
}
PRIVATE = "private"
PROTECTED = "password-protected"


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
    categories: list = dataclasses.field(default_factory=list)  # (slug, name)
    tags: list = dataclasses.field(default_factory=list)  # (slug, name)
    meta: dict = dataclasses.field(default_factory=dict)
    # Whether the post had a password: the password itself is never read into the import.
    protected: bool = False


@dataclasses.dataclass
class Export:
    source: str
    authors: list
    categories: list  # (slug, name)
    tags: list  # (slug, name)
    items: list


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
    skipped: list = dataclasses.field(default_factory=list)
    # Private or password-protected posts, imported as drafts.
    withheld: list = dataclasses.field(default_factory=list)


# -- Reading the export ----------------------------------------------------------


def read_export(path):
    """Read a WXR file into an ``Export``; raise ``WordPressExportError`` with a clear reason."""
    try:
        tree = SafeElementTree.parse(path, forbid_dtd=True)
    except OSError as error:
        raise WordPressExportError(
            _("Cannot read %(path)s: %(reason)s.")
            % {"path": path, "reason": error.strerror or error}
        ) from error
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
    return parse_export(tree.getroot(), path)


def parse_export(root, path="export"):
    channel = root.find("channel")
    wp = _wp_namespace(root)
    if root.tag != "rss" or channel is None or wp is None:
        raise WordPressExportError(
            _(
                "%(path)s is XML but not a WordPress export (WXR): no channel with wp: elements; "
                "nothing was imported."
            )
            % {"path": path}
        )
    excerpt = "{" + wp + "excerpt/}"
    wp = "{" + wp + "}"
    source = (_text(channel, f"{wp}base_blog_url") or _text(channel, "link") or "").rstrip("/")
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
        (_text(element, f"{wp}category_nicename"), _text(element, f"{wp}cat_name"))
        for element in channel.findall(f"{wp}category")
    ]
    tags = [
        (_text(element, f"{wp}tag_slug"), _text(element, f"{wp}tag_name"))
        for element in channel.findall(f"{wp}tag")
    ]
    items = []
    for element in channel.findall("item"):
        item = Item(
            id=_text(element, f"{wp}post_id"),
            post_type=_text(element, f"{wp}post_type"),
            title=_text(element, "title"),
            slug=_text(element, f"{wp}post_name"),
            status=_text(element, f"{wp}status"),
            date_gmt=_date(element, wp),
            content=_text(element, f"{CONTENT}encoded"),
            excerpt=_text(element, f"{excerpt}encoded"),
            creator=_text(element, f"{DC}creator"),
            url=_text(element, f"{wp}attachment_url"),
            protected=_has_text(element, f"{wp}post_password"),
        )
        if not item.id:
            raise WordPressExportError(
                _("%(path)s has an item without a wp:post_id (“%(title)s”); nothing was imported.")
                % {"path": path, "title": item.title}
            )
        for category in element.findall("category"):
            pair = (category.get("nicename", ""), (category.text or "").strip())
            if category.get("domain") == "category":
                item.categories.append(pair)
            elif category.get("domain") == "post_tag":
                item.tags.append(pair)
        for meta in element.findall(f"{wp}postmeta"):
            item.meta[_text(meta, f"{wp}meta_key")] = _text(meta, f"{wp}meta_value")
        items.append(item)
    return Export(source=source, authors=authors, categories=categories, tags=tags, items=items)


def _wp_namespace(root):
    for element in root.iter():
        match = WP_NAMESPACE.match(element.tag)
        if match:
            return match[1]
    return None


def _text(element, path):
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


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


def withheld_reason(item):
    """
    Why readers of the old site could not read the post freely:
    ``PRIVATE``, ``PROTECTED``, or None when they could.
    """
    if item.status == "private":
        return PRIVATE
    if item.protected:
        return PROTECTED
    return None


def story_status(item):
    """
    The status of the story a post becomes, or None for a post that is not
    imported (trashed, auto-draft). A private or password-protected post is
    a draft whatever its status there: it was never public, and a draft is
    shown to no reader until an editor decides.
    """
    status = STATUSES.get(item.status)
    if status is not None and withheld_reason(item) is not None:
        return Article.Status.DRAFT
    return status


# -- Turning post HTML into the Markdown body --------------------------------------


@dataclasses.dataclass
class PlacedImage:
    attachment_id: str
    src: str
    caption: str


class BodyConverter(HTMLParser):
    """
    WordPress post HTML (classic or block editor, with ``[caption]``
    shortcodes and ``wpautop`` paragraphs) as Markdown blocks; each image is
    a ``PlacedImage`` in the list of blocks.
    """

    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figure",
              "ul", "ol", "section", "article", "pre", "table", "tr"}  # fmt: skip
    SKIPPED = {"script", "style", "iframe", "object", "noscript", "form"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.text = []
        self.prefix = ""
        self.links = []
        self.skipping = 0
        self.figure_image = None
        self.in_caption = False
        self.caption = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIPPED:
            self.skipping += 1
        if self.skipping:
            return
        if tag in self.BLOCKS:
            self.flush()
        if tag in {"h1", "h2"}:
            self.prefix = "## "
        elif tag in {"h3", "h4", "h5", "h6"}:
            self.prefix = "### "
        elif tag == "blockquote":
            self.prefix = "> "
        elif tag == "li":
            self.prefix = "- "
        elif tag in {"em", "i"}:
            self.text.append("*")
        elif tag in {"strong", "b"}:
            self.text.append("**")
        elif tag == "br":
            self.text.append("\n")
        elif tag == "a":
            href = attrs.get("href") or ""
            safe = urlsplit(href).scheme in {"http", "https", "mailto"}
            self.links.append(href if safe else None)
            if safe:
                self.text.append("[")
        elif tag == "figcaption" or (
            tag == "span" and "wp-caption-text" in (attrs.get("class") or "")
        ):
            self.in_caption = True
        elif tag == "img":
            match = re.search(r"wp-image-(\d+)", attrs.get("class") or "")
            image = PlacedImage(match[1] if match else "", attrs.get("src") or "", "")
            if attrs.get("data-caption"):
                image.caption = attrs["data-caption"]
            self.flush()
            self.blocks.append(image)
            self.figure_image = image

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping:
            return
        if tag in {"em", "i"}:
            self.text.append("*")
        elif tag in {"strong", "b"}:
            self.text.append("**")
        elif tag == "a":
            href = self.links.pop() if self.links else None
            if href:
                self.text.append(f"]({href})")
        elif tag in {"figcaption", "span"} and self.in_caption:
            self.in_caption = False
            if self.figure_image is not None:
                self.figure_image.caption = " ".join("".join(self.caption).split())
            self.caption = []
        elif tag in self.BLOCKS:
            self.flush()
            if tag == "figure":
                self.figure_image = None

    def handle_data(self, data):
        if self.skipping:
            return
        if self.in_caption:
            self.caption.append(data)
            return
        # wpautop: a blank line in the HTML separates paragraphs.
        pieces = re.split(r"\n\s*\n", data)
        for index, piece in enumerate(pieces):
            if index:
                self.flush()
            self.text.append(re.sub(r"([\\`*_\[\]])", r"\\\1", piece).replace("<", "&lt;"))

    def flush(self):
        text = "".join(self.text).strip()
        text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
        text = re.sub(r"[ \t]+", " ", text)
        if text and text not in {"*", "**"}:
            if not self.prefix and re.match(r"^(#|>|[-+]\s|\d+[.)]\s)", text):
                text = "\\" + text
            if self.prefix == "> ":
                text = "\n".join(f"> {line}" for line in text.split("\n"))
            else:
                text = self.prefix + text
            self.blocks.append(text)
        self.text = []
        self.prefix = ""

    def close(self):
        super().close()
        self.flush()


def convert_body(content):
    """Post HTML as a list of Markdown paragraphs and ``PlacedImage`` items, in order."""
    # Linear time on hostile input: a shortcode's attributes hold no "[", so
    # each "[" reads only to the next one; and past the last "[/caption]" no
    # caption can close, so the caption pattern never runs there (otherwise
    # each "[caption" would read to the end of the text: time in the square of
    # its length).
    end = content.lower().rfind("[/caption]")
    if end >= 0:
        end += len("[/caption]")
        content = (
            re.sub(
                r"\[caption([^\][]*)\](.*?)\[/caption\]",
                _caption_shortcode,
                content[:end],
                flags=re.DOTALL | re.IGNORECASE,
            )
            + content[end:]
        )
    content = re.sub(r"\[/?[a-z_][\w-]*(?:\s[^\][]*)?\]", "", content)
    # A "<" that does not open a whole tag before the next "<" is text: the
    # HTML parser would otherwise rescan a run of them (time in the square of
    # its length).
    content = re.sub(r"<(?![a-zA-Z/!?][^<>]*>)", "&lt;", content)
    converter = BodyConverter()
    converter.feed(content)
    converter.close()
    return converter.blocks


def _caption_shortcode(match):
    inner = match[2]
    # "[^<>]": each "<" reads only to the next one, so a run of "<img" with
    # no ">" costs linear time.
    image = re.search(r"<img\b[^<>]*>", inner)
    if image is None:
        return inner
    caption = html.escape(re.sub(r"<[^<>]+>", "", inner.replace(image[0], "")).strip())
    tag = image[0][:-1].rstrip("/") + f' data-caption="{caption}">'
    return f"<figure>{tag}</figure>"


def strip_tags(text):
    """
    Return ``text`` as plain text: tags become spaces, entities characters,
    runs of whitespace one space.
    """
    # A tag ends at a ">", so past the last ">" nothing is a tag; the regex
    # runs only up to it. Otherwise each "<" with no ">" after it scans to the
    # end of the text: 2 MB of '<a href="' took minutes (time in the square
    # of the length). Before the last ">", every "<" reads only to the next ">".
    end = text.rfind(">") + 1
    text = re.sub(r"<[^>]+>", " ", text[:end]) + text[end:]
    return " ".join(html.unescape(text).split())


# -- Importing ---------------------------------------------------------------------


class Importer:
    def __init__(self, export, *, media_dir, user, report):
        self.export = export
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.user = user
        self.report = report
        self.authors = {}
        self.sections = {}
        self.topics = {}
        self.attachments = {}  # WordPress id → Item
        self.photographs = {}  # WordPress id → Photograph, for attachments with a file
        self.stored = []  # Photographs whose files were written during this import.

    def record(self, kind, external_id):
        return (
            ImportedItem.objects.filter(
                source=self.export.source, kind=kind, external_id=external_id
            )
            .select_related("article", "photograph", "person")
            .first()
        )

    def remember(self, kind, external_id, **target):
        ImportedItem.objects.update_or_create(
            source=self.export.source, kind=kind, external_id=external_id, defaults=target
        )

    def run(self):
        for author in self.export.authors:
            self.author(author)
        for item in self.export.items:
            if item.post_type == "attachment":
                self.attachments[item.id] = item
        for item in self.attachments.values():
            self.attachment(item)
        for item in self.export.items:
            if item.post_type == "post":
                self.post(item)
            elif item.post_type != "attachment":
                self.report.skipped.append(f"{item.post_type or 'item'} {item.id} “{item.title}”")

    # Authors, sections and topics.

    def author(self, author):
        if not author.login:
            return None
        if author.login in self.authors:
            return self.authors[author.login]
        record = self.record(ImportKind.AUTHOR, author.login)
        if record is not None:
            person = record.person
        else:
            person = self._match_author(author)
            self.remember(ImportKind.AUTHOR, author.login, person=person)
            self.report.authors += 1
        self.authors[author.login] = person
        return person

    def _match_author(self, author):
        User = get_user_model()
        user = User.objects.filter(email__iexact=author.email).first() if author.email else None
        if user is not None and hasattr(user, "person"):
            return user.person
        person = find_people(author.name).filter(user__isnull=True).first()
        if person is None:
            person, _created = find_or_create_person(name=author.name)
        if user is None:
            username = author.login[:140]
            number = 1
            while User.objects.filter(username=username).exists():
                number += 1
                username = f"{author.login[:130]}-wp{number}"
            # An archive author's login stays closed until an administrator opens it.
            user = User(
                username=username,
                email=author.email,
                first_name=author.first_name[:150],
                last_name=author.last_name[:150],
                is_active=False,
            )
            user.set_unusable_password()
            user.save()
        if person.user_id is None and not Person.objects.filter(user=user).exists():
            person.user = user
            person.save(update_fields=["user", "updated_at"])
        return person

    def section(self, categories):
        for slug, name in categories:
            slug = slug or slugify(name, max_length=100)
            if not slug or slug in UNSORTED:
                continue
            if slug not in self.sections:
                section, created = Section.objects.get_or_create(
                    slug=slug, defaults={"name": (name or slug)[:100]}
                )
                self.report.sections += created
                self.sections[slug] = section
            return self.sections[slug]
        return None

    def topic(self, slug, name):
        slug = slug or slugify(name, max_length=100)
        if not slug:
            return None
        if slug not in self.topics:
            topic = (
                Topic.objects.filter(slug=slug).first()
                or Topic.objects.filter(name__iexact=name).first()
            )
            if topic is None:
                topic = Topic.objects.create(slug=slug, name=(name or slug)[:100])
                self.report.topics += 1
            self.topics[slug] = topic
        return self.topics[slug]

    # Attachments.

    def image_path(self, item):
        """The attachment's file under ``media_dir``, never outside it."""
        if self.media_dir is None:
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
            full = (self.media_dir / candidate).resolve()
            if (
                full.is_relative_to(self.media_dir)
                and full.suffix.lower() in IMAGE_SUFFIXES
                and full.is_file()
            ):
                return full
        return None

    def photo_fields(self, item):
        caption = strip_tags(item.excerpt) or strip_tags(item.content) or item.title
        credit = next((item.meta[key] for key in CREDIT_META_KEYS if item.meta.get(key)), "")
        parsed = parse_caption(caption, number=0)
        agency, photographer_name = parsed.credit_agency, parsed.photographer
        caption = parsed.caption or caption
        if credit:
            match = CREDIT.search(" " + credit)
            if match:
                agency, photographer_name = match["agency"], match["photographer"] or ""
            else:
                agency = credit
        photographer = None
        if photographer_name:
            photographer, _created = find_or_create_person(name=photographer_name)
        alt_text = item.meta.get("_wp_attachment_image_alt") or caption
        return {
            "caption": caption or _("(no caption)"),
            "alt_text": alt_text[:300] or caption[:300],
            "credit_agency": agency[:100],
            "photographer": photographer,
            "date_taken": parsed.date_taken,
            "place": parsed.place,
        }

    def attachment(self, item):
        fields = self.photo_fields(item)
        record = self.record(ImportKind.ATTACHMENT, item.id)
        if record is not None:
            photograph = record.photograph
            for name, value in fields.items():
                setattr(photograph, name, value)
            photograph.full_clean()
            save_photograph(photograph=photograph)
            self.photographs[item.id] = photograph
            self.report.photos_updated += 1
            return
        path = self.image_path(item)
        if path is None:
            return
        with path.open("rb") as handle:
            try:
                photograph = create_photograph(
                    image=File(handle, name=path.name), uploaded_by=self.user, **fields
                )
            except ValidationError as error:
                raise WordPressExportError(
                    _("Attachment %(id)s (%(file)s): %(problem)s Nothing was imported.")
                    % {"id": item.id, "file": path.name, "problem": " ".join(error.messages)}
                ) from error
        self.stored.append(photograph)
        self.photographs[item.id] = photograph
        self.remember(ImportKind.ATTACHMENT, item.id, photograph=photograph)
        self.report.photos_created += 1

    def attachment_for(self, image):
        """The attachment an image in a post shows, by its id or its address."""
        if image.attachment_id in self.attachments:
            return self.attachments[image.attachment_id]
        source = re.sub(r"-\d+x\d+(?=\.\w+$)", "", urlsplit(image.src).path)
        for item in self.attachments.values():
            if urlsplit(item.url).path == source:
                return item
        return None

    # Posts.

    def post(self, item):
        status = story_status(item)
        if status is None:
            self.report.skipped.append(f"post {item.id} “{item.title}” ({item.status})")
            return
        record = self.record(ImportKind.POST, item.id)
        article = record.article if record else Article()
        blocks = convert_body(item.content)
        article.headline = (strip_tags(item.title) or f"WordPress post {item.id}")[:300]
        if record is None and is_khmer(article.headline):
            article.language = Language.KHMER
        article.standfirst = strip_tags(item.excerpt)
        article.status = status
        article.published_at = item.date_gmt if status == Article.Status.PUBLISHED else None
        if status == Article.Status.PUBLISHED:
            article.approved_by = article.approved_by or self.user
            article.approved_at = article.approved_at or item.date_gmt
        else:
            # A story the archive does not publish (a draft, or one readers
            # could not read there) carries no approval: one left from an
            # earlier import, when the post was public, would mark that old
            # text as what goes live and let the story look ready to publish
            # again. The revisions keep what was public then; an editor who
            # publishes the story approves a text afresh.
            article.approved_by = article.approved_at = article.approved_revision = None
        article.section = self.section(item.categories)
        if record is None and item.slug:
            article.slug = slugify(item.slug, max_length=200)
            article.month = article.address_month()
            taken = Article.objects.filter(month=article.month, slug=article.slug).exists()
            if taken:
                article.slug = ""
        article.body, placed = self.body(blocks)
        article.save()
        if item.date_gmt:
            Article.objects.filter(pk=article.pk).update(created_at=item.date_gmt)
        article.topics.set([topic for slug, name in item.tags if (topic := self.topic(slug, name))])
        author = self.authors.get(item.creator)
        if author is not None:
            Byline.objects.get_or_create(article=article, person=author, role=Byline.Role.WRITER)
        self.place_photos(article, item, placed)
        if record is None:
            self.remember(ImportKind.POST, item.id, article=article)
            self.report.stories_created += 1
        else:
            self.report.stories_updated += 1
        self.report.quotes += len(attribute_quotes(article=article))
        reason = withheld_reason(item)
        if reason is not None:
            self.report.withheld.append(f"post {item.id} “{item.title}” ({reason})")
        note = self.revision_note(reason)
        latest = latest_revision(article)
        # A post that only became (or stopped being) private or protected
        # changes no content, yet the revisions must say why the story is,
        # or no longer is, a draft: a note other than the last one is kept
        # even when the content is the same.
        revision = record_revision(
            article=article,
            user=self.user,
            note=note,
            force=latest is not None and latest.note != note,
        )
        if article.status == Article.Status.PUBLISHED:
            # What readers saw on the old site is what the archive approved.
            Article.objects.filter(pk=article.pk).update(approved_revision=revision)

    def revision_note(self, reason):
        source = {"source": self.export.source}
        if reason == PRIVATE:
            return _("Imported from %(source)s as a draft: the post was private there.") % source
        if reason == PROTECTED:
            return (
                _("Imported from %(source)s as a draft: the post was password-protected there.")
                % source
            )
        return _("Imported from %(source)s.") % source

    def body(self, blocks):
        parts, placed = [], []
        for block in blocks:
            if isinstance(block, PlacedImage):
                placed.append(block)
                parts.append(f"[photo {len(placed)}]")
            else:
                parts.append(block)
        return "\n\n".join(parts), placed

    def place_photos(self, article, item, placed):
        article.placed_photos.all().delete()
        article.photos_needed.all().delete()
        for number, image in enumerate(placed, start=1):
            attachment = self.attachment_for(image)
            photograph = self.photographs.get(attachment.id) if attachment else None
            if photograph is not None:
                ArticlePhoto.objects.create(article=article, photograph=photograph, position=number)
            else:
                self.photo_needed(article, attachment, number, image)
        thumbnail = item.meta.get("_thumbnail_id")
        lead = self.photographs.get(thumbnail) if thumbnail else None
        Article.objects.filter(pk=article.pk).update(lead_photo=lead)
        if thumbnail and lead is None:
            self.photo_needed(article, self.attachments.get(thumbnail), None, None)

    def photo_needed(self, article, attachment, number, image):
        if attachment is not None:
            fields = self.photo_fields(attachment)
            source = attachment.meta.get("_wp_attached_file") or attachment.url
        else:
            fields = {"caption": image.caption if image else "", "alt_text": ""}
            source = image.src if image else ""
        if image is not None and image.caption:
            # The caption written in the post wins over the attachment's own.
            written = parse_caption(image.caption, number=0)
            fields["caption"] = written.caption
            fields["date_taken"] = written.date_taken or fields.get("date_taken")
            fields["place"] = written.place or fields.get("place", "")
            if written.credit_agency and not fields.get("credit_agency"):
                fields["credit_agency"] = written.credit_agency
        PhotoNeeded.objects.create(
            article=article,
            position=number,
            caption=fields["caption"],
            alt_text=fields.get("alt_text", ""),
            credit_agency=fields.get("credit_agency", ""),
            photographer=fields.get("photographer"),
            date_taken=fields.get("date_taken"),
            place=fields.get("place", ""),
            source_file=source[:500],
        )
        self.report.photos_needed += 1


def import_wordpress(*, path, media_dir=None, user=None):
    """
    Import the WordPress export at ``path`` in one transaction; return a
    ``Report``. Raise ``WordPressExportError`` (and import nothing) for an
    export that cannot be read or imported.
    """
    export = read_export(path)
    needs_editor = any(
        item.post_type == "post" and story_status(item) == Article.Status.PUBLISHED
        for item in export.items
    )
    if needs_editor and (user is None or not user.has_perm("articles.publish_article")):
        raise WordPressExportError(
            _(
                "The export holds published posts, and a published story needs the editor "
                "who approved it: name an editor's login to stand for the archive. Nothing "
                "was imported."
            )
        )
    if media_dir is not None and not Path(media_dir).is_dir():
        raise WordPressExportError(
            _("%(dir)s is not a folder; nothing was imported.") % {"dir": media_dir}
        )
    report = Report()
    importer = Importer(export, media_dir=media_dir, user=user, report=report)
    try:
        with transaction.atomic():
            importer.run()
    except Exception:
        remove_stored_files(importer.stored)
        raise
    return report
