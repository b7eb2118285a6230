"""Template tags shared by the reader site's pages."""

import json

from django import template
from django.template import loader
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles.models import Article
from reader import khmer, pagecache, pagetags, structured_data

register = template.Library()

# Characters that could end the <script> element or open a comment in it.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """
    ``data`` as a ``<script type="application/ld+json">`` element. Text from
    the newsroom (a headline holding ``</script>``) cannot break out of it:
    ``<``, ``>`` and ``&`` are written as JSON escapes.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(JSON_SCRIPT_ESCAPES)
    # Safe: json.dumps quoted every string and the escapes above leave no markup.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def language_url(context, language):
    """
    This page's address in ``language``: the same page, in the other site
    language. A story page hands its own ``language_switch`` (its translation
    when there is one, else that language's home page).
    """
    switch = context.get("language_switch")
    if switch and language in switch:
        return switch[language]
    request = context.get("request")
    if request is None:
        return "/" if language == "en" else f"/{language}/"
    # A cached page is the same for every query string, so it links to none.
    cached = getattr(request, "is_cached_page", False)
    return translate_url(request.path if cached else request.get_full_path(), language)


@register.simple_tag(takes_context=True)
def page_url(context):
    """This page's absolute address without its query string, for ``rel=canonical``."""
    request = context["request"]
    return request.build_absolute_uri(request.path)


@register.simple_tag(takes_context=True)
def absolute(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


CARD_OPTIONS = (
    "large", "row", "loading", "level", "without_photo", "without_section", "without_standfirst",
)  # fmt: skip


@register.simple_tag(takes_context=True)
def story_card(context, article, **options):
    """
    ``{% story_card story large=True without_standfirst=True %}``: a story's
    card (``includes/story_card.html``), kept in the cache until content
    the story changes. Cards fill every listing, and rendering twenty of them
    costs more than the rest of a page.
    """
    unknown = set(options) - set(CARD_OPTIONS)
    if unknown:
        raise template.TemplateSyntaxError(f"story_card does not take {', '.join(unknown)}.")
    request = context.get("request")

    def render():
        pagetags.shows(*card_tags(article))
        return loader.render_to_string(
            "includes/story_card.html",
            {"article": article, "LANGUAGE_CODE": get_language(), **options},
        )

    parts = (article.pk, *(options.get(name, "") for name in CARD_OPTIONS))
    html = pagecache.fragment(request, "card", parts, render)
    # Safe: rendered from our template, which escapes everything it shows.
    return mark_safe(html)  # noqa: S308


def card_tags(article):
    """
    What a card shows: the story, its lead photo and its photographer, its
    bylines. They were loaded before the card was rendered, so the card names
    them itself for the fragment to be renewed with them.
    """
    tags = {f"story:{article.pk}"}
    if article.lead_photo_id:
        tags.add(f"photo:{article.lead_photo_id}")
        if article.lead_photo.photographer_id:
            tags.add(f"person:{article.lead_photo.photographer_id}")
    tags.update(f"person:{byline.person_id}" for byline in article.bylines.all())
    return tags


@register.simple_tag(takes_context=True)
def section_nav(context):
    """
    The sections that have published stories, for the site's navigation: a
    fragment kept until a section comes or goes (``nav``), on every page.
    """
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    current = match.kwargs.get("slug") if match and match.url_name == "section_detail" else None

    def render():
        pagetags.shows("nav")
        sections = Article.objects.published().sections()
        return loader.render_to_string(
            "includes/section_nav.html", {"sections": sections, "current": current}
        )

    html = pagecache.fragment(request, "nav", [current or ""], render, until_next_publication=True)
    # Safe: rendered from our template, which escapes everything it shows.
    return mark_safe(html)  # noqa: S308


@register.filter
def iso(moment):
    """
    A date and time for ``<time datetime>`` and metadata, in Phnom Penh time,
    to the second: HTML allows at most three digits of a fraction of a second.
    """
    return structured_data.iso(moment)


@register.filter
def local_name(item):
    """
    The name of a section, topic, person or organization in the site language:
    on Khmer pages its Khmer name when it has one. A protected source is
    only ever their public label, in either language.
    """
    if getattr(item, "is_protected_source", False):
        return item.public_name
    if get_language() == "km" and getattr(item, "name_km", ""):
        return item.name_km
    return item.name


@register.filter
def other_name(item):
    """The name ``local_name`` does not show: the Latin one on Khmer pages, else the Khmer one."""
    if getattr(item, "is_protected_source", False):
        return ""
    if get_language() == "km":
        return item.name if getattr(item, "name_km", "") else ""
    return getattr(item, "name_km", "")


@register.filter
def local_digits(value):
    """``value`` as text, with Khmer digits (០១២…) on Khmer pages."""
    return khmer.local_digits(value)


@register.filter(expects_localtime=True)
def local_date(value, format_name="DATE_FORMAT"):
    """
    A date or time in the site language, in Phnom Penh time: "July 7, 2021"
    on English pages, "៧ ខែកក្កដា ឆ្នាំ២០២១" on Khmer pages.
    """
    return khmer.local_date(value, format_name)


@register.filter
def story_html(html):
    """
    A story's rendered body. ``Article.body_html`` is made by
    ``articles.body.render``, which sanitizes it with an allowlist when the
    story is saved; this is the one place it is marked safe.
    """
    return mark_safe(html)  # noqa: S308
