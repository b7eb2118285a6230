"""
Where an imported post is filed: its first category is its section (never
“Uncategorized”), its other categories and its tags its topics. Sections and
topics are found by slug, or made, once per import.
"""

from articles.models import Section, Topic
from people.slugs import slugify

UNSORTED = {"uncategorized", "uncategorised"}


class Filing:
    """The sections and topics one import has found or made, counted in ``report``."""

    def __init__(self, report):
        self.report = report
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
            self.topics[slug] = topic
        return self.topics[slug]

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
