"""
Where an imported post is filed: its first category is its section (never
“Uncategorized”), its other categories and its tags its topics. Sections and
topics are found by slug, or made, once per import; each keeps what the site
says its category or tag is about, unless it already says something.
"""

from articles.models import Section, Topic
from people.slugs import slugify

from .body import strip_tags

UNSORTED = {"uncategorized", "uncategorised"}


class Filing:
    """The sections and topics one import has found or made, counted in ``report``."""

    def __init__(self, report, descriptions=None):
        self.report = report
        # The export's descriptions of its categories and tags, by slug.
        self.descriptions = {
            slugify(key, max_length=100): strip_tags(text)
            for key, text in (descriptions or {}).items()
        }
        self.sections = {}
        self.topics = {}

    def section(self, categories):
        for slug, name in categories:
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
                self.describe(section, slug)
                self.sections[slug] = section
            return self.sections[slug]
        return None

    def topic(self, slug, name):
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
            self.describe(topic, slug)
            self.topics[slug] = topic
        return self.topics[slug]

    def describe(self, term, slug):
        """Give a section or topic without a description its category's or tag's."""
        description = self.descriptions.get(slug)
        if description and not term.description:
            term.description = description
            term.save(update_fields=["description"])

    def topics_of(self, item, section):
        """
        The post's tags, and its categories other than the one that is its
        section: a story has one section, and the rest still file it.
        """
        topics = []
        for slug, name in item.categories:
            if slugify(slug or name, max_length=100) in UNSORTED | {section and section.slug}:
                continue
            if (topic := self.topic(slug, name)) is not None:
                topics.append(topic)
                self.report.categories_as_topics += 1
        topics += [topic for slug, name in item.tags if (topic := self.topic(slug, name))]
        return topics
