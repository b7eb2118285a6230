"""
Linking the stories an import made from one translation group: the
English and the Khmer version of a story, as Polylang or WPML kept them.

The older post (the one WordPress made first: the lower post id, which,
unlike a post's date, no one edits) is the source and the other its
translation (``Article.translation_of``): the version in the other language
made from it, as the translation desk reads the link. Ids decide, not
dates, so that a re-run links the same way round whatever was rescheduled.

A link joins two stories of different languages, each in no other link, so
it can make no loop. The import owns the links between the stories it
made from the same site: importing again moves them as the site moved its
translations. A link made in the workspace to any other story is the
newsroom's: it stays, and the group is named as not linked. Linking changes
no status: a private post's story stays a draft whatever its translation is.
"""

from articles.models import Article

from ..models import ImportedItem, ImportKind
from .languages import PUBLISHED


def link_translations(*, languages, export, stories, report):
    """
    Link the stories (``stories``: WordPress id → Article made or updated by
    this import) of each translation group of ``languages``; count the
    pairs in ``report`` and name what could not be linked, with why.
    """
    if not languages.groups:
        return
    items = {item.id: item for item in export.items}
    owned = set(
        ImportedItem.objects.filter(source=export.source, kind=ImportKind.POST).values_list(
            "article_id", flat=True
        )
    )
    for name, by_code in languages.groups:
        if not any(post_id in stories for ids in by_code.values() for post_id in ids):
            continue  # A group of pages, or of posts not imported, each counted already.
        versions = {}
        for code, ids in sorted(by_code.items()):
            made = [post_id for post_id in ids if post_id in stories]
            for post_id in ids:
                if post_id not in stories and code in PUBLISHED:
                    report.unlinked.append(f"{_group_name(name)}: {_missing(post_id, items)}")
            if len(made) > 1:
                report.unlinked.append(
                    f"{_group_name(name)}: posts {', '.join(made)} are all in “{code}”"
                )
            elif made:
                versions[code] = made[0]
        if len(versions) == 2:
            older, newer = sorted(versions.values(), key=_creation_order)
            _link(stories[older], stories[newer], owned=owned, name=name, report=report)


def _creation_order(post_id):
    return (int(post_id), post_id) if post_id.isdigit() else (float("inf"), post_id)


def _group_name(name):
    return f"translation group {name[:60]}"


def _missing(post_id, items):
    """Why a post a translation group names has no story here."""
    item = items.get(post_id)
    if item is None:
        return f"post {post_id} is not in the export"
    if item.post_type != "post":
        return f"{item.post_type} {post_id} is not a post"
    return f"post {post_id} was not imported (see above)"


def _link(source, translation, *, owned, name, report):
    if source.language == translation.language:
        report.unlinked.append(
            f"{_group_name(name)}: “{source}” and “{translation}” are both in "
            f"“{source.language}” here"
        )
        return
    pair = {source.pk, translation.pk}
    stored = {
        article.pk: article
        for article in Article.objects.filter(pk__in=pair).select_related("translation")
    }
    source, translation = stored[source.pk], stored[translation.pk]
    others = {source.translation_of_id, translation.translation_of_id} - pair - {None}
    pointing = [
        story
        for story in (_reverse(source), _reverse(translation))
        if story is not None and story.pk not in pair
    ]
    others |= {story.pk for story in pointing}
    if others - owned:
        report.unlinked.append(
            f"{_group_name(name)}: “{source}” or “{translation}” is linked in the workspace "
            "to another story; left as it is"
        )
        return
    for story in pointing:
        story.translation_of = None
        story.save(update_fields=["translation_of"])
    if source.translation_of_id is not None:
        source.translation_of = None
        source.save(update_fields=["translation_of"])
    if translation.translation_of_id != source.pk:
        translation.translation_of = source
        translation.save(update_fields=["translation_of"])
    report.translations += 1


def _reverse(article):
    # A missing reverse one-to-one raises a subclass of AttributeError.
    return getattr(article, "translation", None)
