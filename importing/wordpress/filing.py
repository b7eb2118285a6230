"""
Where an imported post is filed: its first category is its section (never
“Uncategorized”), its other categories and its tags its topics. Sections and
topics are found by slug, or made, once per import; each keeps what the site
says its category or tag is about, unless it already says something.

On a bilingual site a category and its translation (“News” and
“ព័ត៌មាន”) are one section, and a tag and its translation one topic
(``languages.Variant``): named in English, with the Khmer name beside it.
"""

from articles.models import Section, Topic
from people.slugs import slugify

from .body import strip_tags

UNSORTED = {"uncategorized", "uncategorised"}


class Filing:
    """The sections and topics one import has found or made, counted in ``report``."""

    def __init__(self, report, descriptions=None, variants=None):
        self.report = report
        # ("category" or "tag", slug) → the Variant a translated term is filed as.
        self.variants = variants or {}
        # The export's descriptions of its categories and tags, by slug.
        self.descriptions = {
            slugify(key, max_length=100): strip_tags(text)
            for key, text in (descriptions or {}).items()
        }
        self.sections = {}
        self.topics = {}

    def variant(self, kind, slug, name):
        """The slug, name and Khmer name a category or tag is filed under."""
        found = self.variants.get((kind, slug))
        if found is None:
            return slug, name, ""
        return found.slug, found.name, found.name_km

    def section(self, categories):
        for slug, name in categories:
            slug, name, name_km = self.variant("category", slug, name)
            # A decoded slug may still be too long, or hold what an address
            # cannot: every reader's page links each section by its slug.
            slug = slugify(slug or name, max_length=100)
            if not slug or slug in UNSORTED:
                continue
            if slug not in self.sections:
                section, created = Section.objects.get_or_create(
                    slug=slug, defaults={"name": (name or slug)[:100]}
                )
                self.report.sections += created
                self.describe(section, slug, name_km)
                self.sections[slug] = section
            return self.sections[slug]
        return None

    def topic(self, slug, name, kind="tag"):
        slug, name, name_km = self.variant(kind, slug, name)
        slug = slugify(slug or name, max_length=100)
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
            self.describe(topic, slug, name_km)
            self.topics[slug] = topic
        return self.topics[slug]

    def describe(self, term, slug, name_km=""):
        """
        Give a section or topic without a description its category's or
        tag's, and one without a Khmer name its translation's name.
        """
        changed = []
        description = self.descriptions.get(slug)
        if description and not term.description:
            term.description = description
            changed.append("description")
        if name_km and not term.name_km:
            term.name_km = name_km[:100]
            changed.append("name_km")
        if changed:
            term.save(update_fields=changed)

    def topics_of(self, item, section):
        """
        The post's tags, and its categories other than the one that is its
        section: a story has one section, and the rest still file it.
        """
        topics = []
        skipped = UNSORTED | {section and section.slug}
        for slug, name in item.categories:
            filed, filed_name, _khmer = self.variant("category", slug, name)
            if slugify(filed or filed_name, max_length=100) in skipped:
                continue
            if (topic := self.topic(slug, name, kind="category")) is not None:
                topics.append(topic)
                self.report.categories_as_topics += 1
        topics += [topic for slug, name in item.tags if (topic := self.topic(slug, name))]
        return topics
