"""
schema.org descriptions of public pages, written into them as JSON-LD
(``{{ data|json_ld }}`` from ``articles.templatetags.reader``).
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

PUBLISHER_NAME = "Newsroom"
KEY_QUOTES = 3


def iso(moment):
    """A date and time in Phnom Penh time, to the second (HTML allows no finer)."""
    if moment is None:
        return ""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def absolute(request, url):
    return request.build_absolute_uri(url)


def image_url(request, photograph):
    if photograph is None or not photograph.image:
        return None
    return absolute(request, photograph.image.url)


def publisher(request):
    return {
        "@type": "NewsMediaOrganization",
        "name": PUBLISHER_NAME,
        "url": absolute(request, reverse("reader:home")),
    }


def person_ref(request, person):
    if person.is_protected_source:
        # No name, no profile address: only the label the story prints.
        return {"@type": "Person", "name": person.public_label}
    return {
        "@type": "Person",
        "name": person.name,
        "url": absolute(request, reverse("reader:person_detail", args=[person.slug])),
    }


def organization_ref(request, organization):
    return {
        "@type": "Organization",
        "name": organization.name,
        "url": absolute(request, reverse("reader:organization_detail", args=[organization.slug])),
    }


def quotation(request, quote):
    if quote.speaker_id:
        creator = person_ref(request, quote.speaker)
    else:
        creator = {"@type": "Person", "name": quote.anonymous_description}
    data = {"@type": "Quotation", "text": quote.text, "creator": creator}
    if quote.date_said:
        data["dateCreated"] = quote.date_said.isoformat()
    return data


def key_quotes(quotes):
    """The story's pull quotes, or its first quotes when it has none."""
    pulled = [quote for quote in quotes if quote.is_pull_quote]
    return pulled or quotes[:KEY_QUOTES]


def news_article(request, article, quotes, live=None):
    """A ``NewsArticle``: its authors, image, publisher, the people and
    organizations it mentions and its key quotes; a ``LiveBlogPosting``
    with its updates for a story covered ``live`` (``reader.live.coverage``)."""
    with_url = article.published_at is not None
    url = absolute(request, article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.standfirst,
        "inLanguage": article.language,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "author": [person_ref(request, byline.person) for byline in article.bylines.all()],
        "publisher": publisher(request),
    }
    if with_url:
        data["datePublished"] = iso(article.published_at)
        data["dateModified"] = iso(max(article.published_at, article.updated_at))
    if article.dateline:
        data["dateline"] = article.dateline
    if article.section_id:
        data["articleSection"] = article.section.name
    topics = [topic.name for topic in article.topics.all()]
    if topics:
        data["keywords"] = topics
    image = image_url(request, article.shown_lead_photo)
    if image:
        data["image"] = [image]
    mentions = [person_ref(request, person) for person in article.people_shown()]
    mentions += [organization_ref(request, org) for org in article.organizations.all()]
    if mentions:
        data["mentions"] = mentions
    chosen = key_quotes(quotes)
    if chosen:
        data["hasPart"] = [quotation(request, quote) for quote in chosen]
    if live is not None:
        data.update(live_blog(request, url, live))
    return data


def live_blog(request, url, live):
    """What makes a story a ``LiveBlogPosting``: its coverage times and updates."""
    coverage = live["coverage"]
    data = {"@type": "LiveBlogPosting", "coverageStartTime": iso(coverage.started_at)}
    if coverage.ended_at:
        data["coverageEndTime"] = iso(coverage.ended_at)
    data["liveBlogUpdate"] = [live_update(request, url, update) for update in live["updates"]]
    return data


def live_update(request, url, update):
    """One update as a ``BlogPosting``, addressed by its anchor on the story page."""
    person = getattr(update.author, "person", None)
    if person is not None:
        author = person_ref(request, person)
    else:
        author = {"@type": "Person", "name": update.author.get_full_name() or PUBLISHER_NAME}
    text = " ".join(strip_tags(update.body_html).split())
    data = {
        "@type": "BlogPosting",
        "headline": update.title or Truncator(text).chars(110),
        "url": f"{url}#update-{update.pk}",
        "datePublished": iso(update.posted_at),
        "dateModified": iso(update.edited_at or update.posted_at),
        "articleBody": text,
        "author": author,
    }
    image = image_url(request, update.shown_photo)
    if image:
        data["image"] = image
    return data


def person(request, person, affiliations):
    """A ``Person`` with ``jobTitle`` and ``affiliation`` from present roles."""
    current = [affiliation for affiliation in affiliations if affiliation.is_current]
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": absolute(request, reverse("reader:person_detail", args=[person.slug])),
    }
    alternate = [name for name in [person.name_km] if name]
    alternate += [alias.name for alias in person.aliases.all()]
    if alternate:
        data["alternateName"] = alternate
    if person.bio:
        data["description"] = person.bio
    if current:
        data["jobTitle"] = current[0].title
        data["affiliation"] = [
            organization_ref(request, affiliation.organization) for affiliation in current
        ]
    image = image_url(request, person.shown_portrait)
    if image:
        data["image"] = image
    return data


def organization(request, organization):
    data = organization_ref(request, organization)
    data["@context"] = "https://schema.org"
    if organization.acronym:
        data["alternateName"] = organization.acronym
    if organization.website:
        data["sameAs"] = [organization.website]
    if organization.description:
        data["description"] = organization.description
    return data


def website(request):
    """The site, with its search box (``SearchAction``)."""
    home = absolute(request, reverse("reader:home"))
    search = absolute(request, reverse("reader:search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": PUBLISHER_NAME,
        "url": home,
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{search}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }
