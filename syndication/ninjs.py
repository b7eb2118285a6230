"""
A published story as an IPTC ninjs 2.1 news item (https://iptc.org/std/ninjs/):
what the story page shows readers, in the same words, and nothing else.

The item is built from a story loaded by ``queries.stories`` (the reader's
``story_page``: its parts prefetched), so a page of items costs a fixed
number of queries. Its body is the story page's own body partial, rendered
with the reader's renderer and sanitizer. Photographs the newsroom may not
pass on (``Photograph.may_redistribute`` unticked) are left out, from the
body and from the associations alike.

Associations name related objects: ``lead-photo`` and ``photo-N`` (a
``picture`` with its renditions and credit) and ``translation`` (the
published story in the other language, by its uri); a live story's updates
readers see, newest first, each an ``update-<id>`` association of type
``text`` (a ninjs item of its own: its time, author, text, photo and quotes),
addressed by its anchor on the story page.
"""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Byline
from reader import live
from reader.structured_data import iso

STANDARD = {
    "name": "ninjs",
    "version": "2.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#",
}
CONTENT_TYPES = {"jpeg": "image/jpeg", "webp": "image/webp", "png": "image/png"}
# Addresses in the rendered body that start at the site's root: made absolute,
# so a partner's copy still leads to the right pages and pictures.
ROOT_ADDRESS = re.compile(r'((?:href|src)=")(/[^"]*")')
SRCSET = re.compile(r'(srcset=")([^"]*)(")')


def absolute(url):
    return f"{settings.SITE_URL}{url}" if url.startswith("/") else url


def item_uri(pk):
    return absolute(reverse("syndication:item", args=[pk]))


def shared_photo(photograph):
    """The photograph, if readers see it and the newsroom may pass it on; else None."""
    if photograph is None or photograph.is_withdrawn or not photograph.may_redistribute:
        return None
    return photograph


def item(article):
    """``article`` (loaded by ``queries.stories``) as a ninjs item."""
    with translation.override(article.language):
        return _item(article)


def _item(article):
    data = {
        "uri": item_uri(article.pk),
        "standard": STANDARD,
        "type": "text",
        "representationtype": "full",
        "profile": "newsroom-story",
        "version": str(article.version),
        "language": article.language,
        "pubstatus": "usable",
        "firstcreated": iso(article.published_at),
        "versioncreated": iso(version_created(article)),
        "headlines": [{"role": "main", "value": article.headline}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": body_html(article),
                "wordcount": article.word_count(),
            }
        ],
        "altids": [{"role": "web", "value": absolute(article.get_absolute_url())}],
    }
    descriptions = []
    if article.standfirst:
        descriptions.append(
            {"role": "summary", "contenttype": "text/plain", "value": article.standfirst}
        )
    for correction in article.corrections.all():
        when = timezone.localtime(correction.published_at).date().isoformat()
        text = f"{correction.get_kind_display()} ({when}): {correction.text}"
        descriptions.append({"role": "correction", "contenttype": "text/plain", "value": text})
    for statement in article.reply_statements():
        descriptions.append({"role": "reply", "contenttype": "text/plain", "value": str(statement)})
    if descriptions:
        data["descriptions"] = descriptions
    bylines = list(article.bylines.all())
    if bylines:
        data["by"] = ", ".join(byline.person.public_name for byline in bylines)
    people = [person_entry(byline.person, byline_rel(byline)) for byline in bylines]
    people += [person_entry(person, "mentioned") for person in article.people_shown()]
    if people:
        data["people"] = people
    subjects = []
    if article.section_id:
        url = reverse("reader:section_detail", args=[article.section.slug])
        subjects.append({"name": local(article.section), "rel": "section", "uri": absolute(url)})
    for topic in article.topics.all():
        url = reverse("reader:topic_detail", args=[topic.slug])
        subjects.append({"name": local(topic), "rel": "topic", "uri": absolute(url)})
    if subjects:
        data["subjects"] = subjects
    organisations = [
        {
            "name": local(organization),
            "rel": "mentioned",
            "uri": absolute(reverse("reader:organization_detail", args=[organization.slug])),
        }
        for organization in article.organizations.all()
    ]
    if organisations:
        data["organisations"] = organisations
    if article.dateline:
        data["located"] = article.dateline
    associations = photo_associations(article) + update_associations(article)
    other = published_translation(article)
    if other is not None:
        associations.append(
            {
                "name": "translation",
                "uri": item_uri(other.pk),
                "type": "text",
                "language": other.language,
            }
        )
    if associations:
        data["associations"] = associations
    return data


def local(thing):
    """A section, topic or organization's name in the story's language."""
    if translation.get_language() == "km" and getattr(thing, "name_km", ""):
        return thing.name_km
    return thing.name


def byline_rel(byline):
    return "translator" if byline.role == Byline.Role.TRANSLATOR else f"author:{byline.role}"


def person_entry(person, rel):
    """A person as readers know them: a protected source by label only, with no address."""
    if person.is_protected_source:
        return {"name": person.public_name, "rel": rel}
    return {
        "name": local(person),
        "rel": rel,
        "uri": absolute(reverse("reader:person_detail", args=[person.slug])),
    }


def published_translation(article):
    """The story's translation, when readers see it (the reader's ``translation_of``)."""
    other = article.translation_of if article.translation_of_id else None
    if other is None:
        other = getattr(article, "translation", None)
    return other if other is not None and other.is_live() else None


def body_html(article):
    """The body as the story page renders it, without the photos that may not be passed on."""
    blocks = [
        (kind, value)
        for kind, value in article.body_blocks()
        if kind != "photo" or shared_photo(value.photograph) is not None
    ]
    return absolute_html(
        render_to_string("reader/story/article.html#story-body", {"blocks": blocks})
    )


def absolute_html(html):
    """``html`` with the addresses it holds made absolute."""
    html = ROOT_ADDRESS.sub(lambda found: found.group(1) + absolute(found.group(2)), html)
    return SRCSET.sub(
        lambda found: (
            found.group(1)
            + ", ".join(absolute(part.strip()) for part in found.group(2).split(","))
            + found.group(3)
        ),
        html,
    )


def update_associations(article):
    """A live story's updates readers see, newest first; none for any other story."""
    coverage = live.coverage(article)
    if coverage is None:
        return []
    return [update_item(article, update) for update in coverage["updates"]]


def update_item(article, update):
    """One live update as a ninjs item, associated with its story."""
    address = f"{absolute(article.get_absolute_url())}#update-{update.pk}"
    data = {
        "name": f"update-{update.pk}",
        "uri": address,
        "type": "text",
        "representationtype": "full",
        "version": str(update.version),
        "firstcreated": iso(update.posted_at),
        "versioncreated": iso(update.edited_at or update.posted_at),
        "language": article.language,
        "pubstatus": "usable",
        "bodies": [
            {"role": "main", "contenttype": "text/html", "value": absolute_html(update.body_html)}
        ],
        "altids": [{"role": "web", "value": address}],
    }
    if update.title:
        data["headlines"] = [{"role": "main", "value": update.title}]
    author = live.author_name(update)
    if author:
        data["by"] = author
    quotes = update.shown_quotes
    if quotes:
        data["descriptions"] = [
            {
                "role": "quote",
                "contenttype": "text/plain",
                "value": f"“{quote.text}” — {quote.attribution}",
            }
            for quote in quotes
        ]
        people = [person_entry(quote.speaker, "quoted") for quote in quotes if quote.speaker_id]
        if people:
            data["people"] = people
    photo = shared_photo(update.shown_photo)
    if photo is not None:
        data["associations"] = [picture("photo", photo)]
    return data


def photo_associations(article):
    photos = [("lead-photo", shared_photo(article.lead_photo))]
    photos += [
        (f"photo-{placed.position}", shared_photo(placed.photograph))
        for placed in article.placed_photos.all()
    ]
    return [picture(name, photograph) for name, photograph in photos if photograph is not None]


def picture(name, photograph):
    data = {
        "name": name,
        "uri": absolute(reverse("reader:photo_detail", args=[photograph.pk])),
        "type": "picture",
        "renditions": renditions(photograph),
        "versioncreated": iso(photograph.updated_at),
    }
    descriptions = [
        {"role": role, "contenttype": "text/plain", "value": value}
        for role, value in (("caption", photograph.caption), ("alt", photograph.alt_text))
        if value
    ]
    if descriptions:
        data["descriptions"] = descriptions
    if photograph.credit:
        data["by"] = photograph.credit
        data["copyrightholder"] = photograph.credit
    return data


def renditions(photograph):
    storage = photograph.image.storage
    items = sorted(
        photograph.renditions,
        key=lambda item: (item["format"], item["crop"], item["width"]),
    )
    if not items:
        fallback = photograph.rendition(0)
        return [
            {
                "name": "original",
                "href": absolute(fallback["url"]),
                "width": fallback["width"],
                "height": fallback["height"],
            }
        ]
    found = []
    for entry in items:
        crop = f"-{entry['crop']}" if entry["crop"] else ""
        rendition = {
            "name": f"{entry['format']}{crop}-{entry['width']}",
            "href": absolute(storage.url(entry["name"])),
            "contenttype": CONTENT_TYPES.get(entry["format"], "application/octet-stream"),
            "width": entry["width"],
            "height": entry["height"],
        }
        if entry.get("bytes"):
            rendition["sizeinbytes"] = entry["bytes"]
        found.append(rendition)
    return found


def version_created(article):
    """
    When the item as served last changed: the story, a correction, one of
    its photographs or of the people it shows (a source protected changes
    the names in it), its live coverage or one of its updates.
    ``queries.changed_since`` filters by the same times.
    """
    moments = [article.published_at, article.updated_at]
    moments += [correction.published_at for correction in article.corrections.all()]
    photos = [article.lead_photo] + [placed.photograph for placed in article.placed_photos.all()]
    moments += [photo.updated_at for photo in photos if photo is not None]
    people = [byline.person for byline in article.bylines.all()]
    people += [quote.speaker for quote in article.quotes.all() if quote.speaker_id]
    people += list(article.people.all())
    moments += [person.updated_at for person in people]
    coverage = live.coverage(article)
    if coverage is not None:
        # An update posted, edited or taken down (``queries.stories`` reads the last takedown).
        moments += [coverage["coverage"].updated_at, getattr(article, "last_takedown", None)]
        moments += [update.edited_at or update.posted_at for update in coverage["updates"]]
    return max(moment for moment in moments if moment is not None)
