"""
``ArticleQuerySet``: the one definition of what readers may see
(``published()``), and what published stories make public.
"""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import get_language

from .choices import ArticleStatus
from .filing import Section, Topic


def card_bylines():
    """The bylines a story card shows, with their people: one query for any number of stories."""
    from .parts import Byline

    return models.Prefetch(
        "bylines", Byline.objects.select_related("person").order_by("position", "pk")
    )


# A story quotes a person in its text, or in a live update still shown (the
# same quote's update).
QUOTED = ("quotes__speaker", {"quotes__live_update__taken_down_at__isnull": True})
# The ways a story makes a person public (``people()``): the lookup from the
# story to the person, and what must hold of the same row; the commonest
# (quoted, named) first, as the database stops at the first that holds.
PEOPLE_SHOWN = (
    QUOTED,
    ("people", {}),
    ("bylines__person", {}),
    ("lead_photo__photographer", {}),
    ("placed_photos__photograph__photographer", {}),
)


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """
        The stories readers may see: published, with a publish time that has
        passed. Every public page, feed, sitemap and search starts here.
        """
        return self.reaching_readers().filter(published_at__lte=now or timezone.now())

    def in_language(self, language):
        return self.filter(language=language)

    def reaching_readers(self):
        """Stories readers see, now or at their publish time (``Article.reaches_readers``)."""
        return self.filter(status=ArticleStatus.PUBLISHED)

    def in_review(self):
        """Stories waiting for an editor, the longest-waiting first."""
        return self.filter(status=ArticleStatus.IN_REVIEW).order_by("submitted_at", "pk")

    def scheduled(self, *, now=None):
        """Stories approved for a publish time still to come."""
        return self.reaching_readers().filter(published_at__gt=now or timezone.now())

    def for_listing(self, *, language=None):
        """
        These stories as a list shows them: each story once, in ``language``
        (the active language) where it can be (``one_version``), loading what
        a story card shows without a query per story. Call it once every
        filter of the list is applied: which version is listed depends on
        which stories the list holds.
        """
        return self.one_version(language or get_language()).card_parts()

    def one_version(self, language):
        """
        Each story of these once, in ``language`` where it can be: a story
        whose translation into ``language`` is among these stories is left
        out, its translation stands for it. The Khmer home leads with the
        Khmer version of a story, the English home with the English one, and
        neither shows a story beside its own translation. A list whose filter
        only one version matches (a person quoted in one of them) shows that one.
        """
        versions = self.filter(language=language)
        # Two lookups, each by a unique index: joined by OR in one subquery,
        # SQLite read every story in the language for each story listed.
        return self.filter(
            Q(language=language)
            | (
                ~Exists(versions.filter(translation_of=OuterRef("pk")))
                & ~Exists(versions.filter(pk=OuterRef("translation_of")))
            )
        )

    def card_parts(self):
        """Load what a story card shows without a query per story."""
        return self.select_related(
            "section", "lead_photo", "lead_photo__photographer"
        ).prefetch_related(card_bylines())

    # What published stories show. Each returns a queryset of another model,
    # limited to what appears in the stories of this queryset, so a choice
    # list or profile built from it cannot reveal a draft's people or topics.
    #
    # Each row is kept by an EXISTS over these stories joined to the row
    # ("is there a story here with this person's byline?"). The database
    # reads one person's own bylines, quotes or photos through their index
    # and stops at the first story that counts; "IN (every story's bylines)"
    # would read the whole archive however few rows are asked for (0.4 s for
    # one person page at 100,000 stories).

    def showing(self, lookup, **also):
        """Whether one of these stories relates to the outer row by ``lookup`` (and ``also``)."""
        return models.Exists(self.order_by().filter(**{lookup: models.OuterRef("pk")}, **also))

    def showing_speakers(self):
        """
        Whether one of these stories quotes the outer person, in its text or in
        a live update still shown (in one filter: the same quote's update).
        """
        lookup, also = QUOTED
        return self.showing(lookup, **also)

    def sections(self):
        return Section.objects.filter(self.showing("section"))

    def topics(self):
        return Topic.objects.filter(self.showing("topics"))

    def authors(self):
        """People with a byline on these stories."""
        from people.models import Person

        return Person.objects.public().filter(self.showing("bylines__person"))

    def quoted_people(self):
        from people.models import Person

        return Person.objects.public().filter(self.showing_speakers())

    def photographs(self):
        """
        Photographs these stories show: lead photos and photos in the body,
        but none an editor withdrew.
        """
        from media.models import Photograph

        return Photograph.objects.public().filter(
            self.showing("lead_photo") | self.showing("placed_photos__photograph")
        )

    def people(self):
        """
        Everyone these stories make public: bylines, speakers, people named,
        and the photographers of their photos.
        """
        from people.models import Person

        # Protected sources are never public, whatever a story shows of them.
        # PostgreSQL reads the bylines table whole for someone without a
        # byline, as a few journalists write them all.
        shown = models.Q()
        for lookup, also in PEOPLE_SHOWN:
            shown |= self.showing(lookup, **also)
        return Person.objects.public().filter(shown)

    def filed_under(self):
        """
        What ``sections()``, ``topics()`` and ``people()`` list, read from the
        stories' own rows in one query: ``(kind, pk)`` pairs, kind being
        ``section``, ``topic`` or ``person``. Cheap for one story, where those
        three each read a whole table (the page cache asks at every save of a
        story's part). A story without a section gives ``("section", None)``.
        """
        # Unordered: a union's parts may not be, and its columns are not the stories'.
        stories = self.order_by()
        arms = [
            stories.values_list(models.Value("section"), "section"),
            stories.filter(topics__isnull=False).values_list(models.Value("topic"), "topics"),
        ]
        for lookup, also in PEOPLE_SHOWN:
            # In one filter: the condition holds of the same row (the same quote).
            arms.append(
                stories.filter(**{f"{lookup}__is_protected_source": False}, **also).values_list(
                    models.Value("person"), lookup
                )
            )
        return arms[0].union(*arms[1:]).order_by()

    def organizations(self):
        """Organizations these stories name, and those of the people they make public."""
        from people.models import Affiliation, Organization

        affiliated = Affiliation.objects.filter(
            organization=models.OuterRef("pk"), person__in=self.people()
        )
        return Organization.objects.filter(
            self.showing("organizations") | models.Exists(affiliated)
        )
