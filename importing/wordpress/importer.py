"""
Importing a WordPress export (WXR) into the newsroom, in one transaction.

Posts become stories with their status and dates, authors staff people,
categories and tags sections and topics (``filing``), attachments
photographs with caption, alt text and credit, featured images lead photos,
galleries photos in the body. What has no place in the newsroom is counted
in the report by kind (``report``): nothing is left out unsaid.
Every post, attachment and author is recorded under its WordPress identifier
(``ImportedItem``), so importing the same export again updates instead of
duplicating. A malformed export, or any file that cannot be imported, leaves
the database as it was, and the files it stored are removed. An attachment
whose file is missing becomes a “photo needed” record on the stories that
use it. A post's password is never kept.

Importing again never undoes what the newsroom did since: a story someone
moved in the workspace (took down, sent for review, published) keeps its
status, unless its post became private or password-protected while the story
is on the site; a picture attached in the workspace stays where it was put,
and its slot is not made again; a photograph whose caption or credit the
export changes is changed as the photo desk would change it (each story
showing it keeps a revision), and one a story in an editor's hands shows is
left as it is unless an editor imports.
"""

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext as _

from articles.body import MAX_BODY_LENGTH
from articles.models import Article, ArticlePhoto, Byline, Language
from media.display import shorten
from media.files import remove_stored_files
from media.models import Photograph
from media.services import changed_by, create_photograph, is_locked, save_photograph
from people.names import is_khmer
from people.slugs import slugify
from quotes.services import record_quotes
from workflow.revisions import latest_revision, record_revision

from ..locks import hold
from ..models import ImportedItem, ImportKind, PhotoNeeded
from ..permalinks import remember_permalinks
from ..story_format import parse_caption
from ..updating import ON_THE_SITE, record_update, workspace_keeps_status
from .attachments import image_path, photo_fields
from .authors import match_author
from .body import convert_body, join_blocks, strip_tags
from .export import WordPressExportError, read_export
from .filing import Filing
from .identifiers import identifier
from .languages import PUBLISHED, read_languages
from .report import Report, count_left_out
from .rights import check_user
from .statuses import revision_note, story_status, withheld_reason
from .translations import link_translations

LIVE_PHOTOS = "media.change_live_photograph"
HEADLINE_LENGTH = Article._meta.get_field("headline").max_length
# What an export may write around an author's login by mistake (">themereviewteam").
STRAY = " \t\r\n<>\"'“”‘’@"


class Importer:
    """
    One run over an export, keeping what it has made by WordPress identifier
    and what it counts in ``report``.
    """

    def __init__(self, export, *, media_dir, user, report):
        self.export = export
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.user = user
        self.report = report
        self.authors = {}
        self.languages = read_languages(export)
        report.unlinked += self.languages.problems
        self.filing = Filing(report, export.descriptions, self.languages.variants)
        self.stories = {}  # WordPress id → the story this run made or updated from the post.
        self.attachments = {}  # WordPress id → Item
        self.photographs = {}  # WordPress id → Photograph, for attachments with a file
        self.stored = []  # Photographs whose files were written during this import.
        self.used_attachments = set()  # WordPress ids of the attachments stories show.
        self.shortcodes = Counter()  # Shortcodes dropped from bodies, by name.
        self.elements = Counter()  # What else bodies lost or changed, by kind.
        self.children = {}  # A post's WordPress id → the ids of its own attachments.

    def record(self, kind, external_id):
        return (
            ImportedItem.objects.filter(
                source=self.export.source, kind=kind, external_id=identifier(external_id)
            )
            .select_related("article", "photograph", "person")
            .first()
        )

    def remember(self, kind, external_id, **target):
        ImportedItem.objects.update_or_create(
            source=self.export.source,
            kind=kind,
            external_id=identifier(external_id),
            defaults=target,
        )

    def run(self):
        for author in self.export.authors:
            self.author(author)
        for item in self.export.items:
            if item.post_type == "attachment":
                self.attachments[item.id] = item
                self.children.setdefault(item.parent, []).append(item.id)
        for item in self.attachments.values():
            self.attachment(item)
        for item in self.export.items:
            if item.post_type == "post":
                self.post(item)
        link_translations(
            languages=self.languages, export=self.export, stories=self.stories, report=self.report
        )
        count_left_out(
            self.report,
            self.export,
            used_attachments=self.used_attachments,
            shortcodes=self.shortcodes,
            elements=self.elements,
            other_languages=self.languages.other_languages,
        )

    # Authors.

    def author(self, author):
        if not author.login:
            return None
        if author.login in self.authors:
            return self.authors[author.login]
        record = self.record(ImportKind.AUTHOR, author.login)
        if record is not None:
            person = record.person
        else:
            person = match_author(author, user=self.user)
            self.remember(ImportKind.AUTHOR, author.login, person=person)
            self.report.authors += 1
        self.authors[author.login] = person
        return person

    def byline(self, item):
        """The post's author: its login as written, or trimmed of stray characters."""
        author = self.authors.get(item.creator) or self.authors.get(item.creator.strip(STRAY))
        if author is None:
            self.report.no_byline.append(
                f"post {item.id} “{strip_tags(item.title)}” (author “{item.creator}” is not "
                "among the export's authors)"
            )
        return author

    # Attachments.

    def attachment(self, item):
        fields = photo_fields(item, user=self.user)
        record = self.record(ImportKind.ATTACHMENT, item.id)
        if record is not None:
            photograph = record.photograph
            self.photographs[item.id] = photograph
            self.report.photos_updated += 1
            changed = {
                name: value for name, value in fields.items() if getattr(photograph, name) != value
            }
            if not changed:
                return
            if is_locked(photograph) and not (self.user and self.user.has_perm(LIVE_PHOTOS)):
                self.report.photos_kept.append(f"attachment {item.id} “{photograph}”")
                return
            for name, value in changed.items():
                setattr(photograph, name, value)
            photograph.full_clean()
            save_photograph(photograph=photograph)
            changed_by(photograph=photograph, user=self.user)
            return
        path = image_path(item, media_dir=self.media_dir)
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
        title = strip_tags(item.title) or f"WordPress post {item.id}"
        if status is None:
            self.report.skipped.append(f"post {item.id} “{title}” ({item.status})")
            return
        language = self.languages.language_of(item)
        if language is not None and language not in PUBLISHED:
            self.report.skipped.append(
                f"post {item.id} “{title}” (in “{language}”, a language the newsroom "
                "does not publish)"
            )
            return
        shortcodes, elements = Counter(), Counter()
        blocks = convert_body(
            item.content,
            removed=shortcodes,
            children=self.children.get(item.id, ()),
            dropped=elements,
        )
        body, placed = join_blocks(blocks)
        if len(body) > MAX_BODY_LENGTH:
            # Saved, it would be a story no one could save again; the post is
            # named so that it can be split into parts and imported again.
            self.report.skipped.append(
                f"post {item.id} “{title}” (its text is {len(body):,} characters; "
                f"a story holds at most {MAX_BODY_LENGTH:,}: split the post)"
            )
            return
        self.shortcodes.update(shortcodes)
        self.elements.update(elements)
        record = self.record(ImportKind.POST, item.id)
        article = record.article if record else Article()
        kept = record is not None and workspace_keeps_status(
            article, withheld=withheld_reason(item) is not None
        )
        article.headline = shorten(title, HEADLINE_LENGTH)
        if article.headline != title:
            self.report.shortened.append(f"post {item.id} “{article.headline}”")
        if language is not None:
            # The language the site gave the post, whatever its headline's letters.
            article.language = language
        elif record is None and is_khmer(article.headline):
            article.language = Language.KHMER
        article.standfirst = strip_tags(item.excerpt)
        if kept:
            self.report.kept.append(
                f"post {item.id} “{article.headline}” ({article.get_status_display().lower()})"
            )
        elif status == Article.Status.PUBLISHED:
            article.status = status
            article.published_at = item.date_gmt
            article.approved_by = article.approved_by or self.user
            article.approved_at = article.approved_at or item.date_gmt
        else:
            article.status = status
            article.published_at = None
            # A story the archive does not publish (a draft, or one readers
            # could not read there) carries no approval: one left from an
            # earlier import, when the post was public, would mark that old
            # text as what goes live and let the story look ready to publish
            # again. The revisions keep what was public then; an editor who
            # publishes the story approves a text afresh.
            article.approved_by = article.approved_at = article.approved_revision = None
        article.section = self.filing.section(item.categories)
        if record is None and item.slug:
            article.slug = slugify(item.slug, max_length=200)
            article.month = article.address_month()
            taken = Article.objects.filter(month=article.month, slug=article.slug).exists()
            if taken:
                article.slug = ""
        article.body = body
        article.save()
        if item.date_gmt:
            Article.objects.filter(pk=article.pk).update(created_at=item.date_gmt)
        article.topics.set(self.filing.topics_of(item, article.section))
        author = self.byline(item)
        if author is not None:
            Byline.objects.get_or_create(article=article, person=author, role=Byline.Role.WRITER)
        self.place_photos(article, item, placed)
        self.stories[item.id] = article
        if record is None:
            self.remember(ImportKind.POST, item.id, article=article)
            self.report.stories_created += 1
        else:
            self.report.stories_updated += 1
        remember_permalinks(article=article, item=item)
        quotes, note = record_quotes(article=article, user=self.user)
        self.report.quotes += len(quotes)
        if note:
            self.report.unattributed.append(f"post {item.id} “{article.headline}”")
        reason = withheld_reason(item)
        if reason is not None:
            self.report.withheld.append(f"post {item.id} “{item.title}” ({reason})")
        note = revision_note(reason, source=self.export.source)
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
        if kept and article.status in ON_THE_SITE:
            # The workspace approved this story: the importing editor approves
            # the changed text, as an editor's own edit would be.
            record_update(article=article, user=self.user, note=note)
        elif not kept and article.status == Article.Status.PUBLISHED:
            # What readers saw on the old site is what the archive approved.
            Article.objects.filter(pk=article.pk).update(approved_revision=revision)

    def place_photos(self, article, item, placed):
        """
        Place the post's images and its lead photo afresh, in place of the
        attachments placed before. A picture placed in the workspace (a photo
        needed filled, or one put there by hand) stays, and its slot is not
        made again.
        """
        if item.meta.get("_thumbnail_id"):
            self.used_attachments.add(item.meta["_thumbnail_id"])
        imported = Photograph.objects.filter(
            import_records__source=self.export.source, import_records__kind=ImportKind.ATTACHMENT
        )
        article.placed_photos.filter(photograph__in=imported).delete()
        article.photos_needed.all().delete()
        filled = set(article.placed_photos.values_list("position", flat=True))
        for number, image in enumerate(placed, start=1):
            if number in filled:
                continue
            attachment = self.attachment_for(image)
            if attachment is not None:
                self.used_attachments.add(attachment.id)
            photograph = self.photographs.get(attachment.id) if attachment else None
            if photograph is not None:
                ArticlePhoto.objects.create(article=article, photograph=photograph, position=number)
            else:
                self.photo_needed(article, attachment, number, image)
        lead_id = article.lead_photo_id
        if lead_id is not None and not imported.filter(pk=lead_id).exists():
            return
        thumbnail = item.meta.get("_thumbnail_id")
        lead = self.photographs.get(thumbnail) if thumbnail else None
        Article.objects.filter(pk=article.pk).update(lead_photo=lead)
        if thumbnail and lead is None:
            self.photo_needed(article, self.attachments.get(thumbnail), None, None)

    def photo_needed(self, article, attachment, number, image):
        if attachment is not None:
            fields = photo_fields(attachment, user=self.user)
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


def import_wordpress(*, path, media_dir=None, user=None, name=None):
    """
    Import the WordPress export at ``path`` (or the open file ``path`` called
    ``name``) in one transaction; return a ``Report``. Raise
    ``WordPressExportError`` (and import nothing) for an export that cannot be
    read or imported.
    """
    export = read_export(path, name=name)
    check_user(export, user)
    if media_dir is not None and not Path(media_dir).is_dir():
        raise WordPressExportError(
            _("%(dir)s is not a folder; nothing was imported.") % {"dir": media_dir}
        )
    report = Report()
    importer = Importer(export, media_dir=media_dir, user=user, report=report)
    try:
        with transaction.atomic():
            hold("wordpress", export.source)
            importer.run()
    except Exception:
        remove_stored_files(photographs=importer.stored)
        raise
    return report
