"""
The archive's filters (``/articles/``).

Only the filters declared here apply: any other parameter in the address
(``?status=draft``, ``?bylines__person__email=…``) is ignored. Every choice
list is built from ``Article.objects.published()``, so it offers only the
sections, topics and people that appear in published stories: django-filter
would otherwise list the whole related table, drafts' people included.

The lists are worked out once per content version and kept in the cache
(``reader.pagecache``): a story published, changed or taken down starts
new ones. At 100,000 stories they cost more than the rest of the page.
"""

import datetime
import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline, Language
from people.slugs import SLUG_PATTERN
from quotes.models import Quote

from . import pagecache, pagetags, search
from .templatetags.reader import local_name

SLUG = re.compile(SLUG_PATTERN)

# What a person's choice shows: str() of a person reads the protection flag.
PERSON_CHOICE_FIELDS = ["pk", "name", "name_km", "slug", "is_protected_source", "public_label"]


def published_sections(request):
    return Article.objects.published().sections().only("pk", "name", "name_km", "slug")


def published_topics(request):
    return Article.objects.published().topics().only("pk", "name", "name_km", "slug")


def published_authors(request):
    return Article.objects.published().authors().only(*PERSON_CHOICE_FIELDS)


def published_speakers(request):
    return Article.objects.published().quoted_people().only(*PERSON_CHOICE_FIELDS)


# The people lists offer those named in the latest stories, not everyone the
# archive ever quoted: 5,000 names at 100,000 stories made a 340 kB page and
# a list nobody can use. Anyone else is still chosen by address (a person's
# page links to the stories quoting them).
PEOPLE_LISTED = 200
STORIES_READ_FOR_PEOPLE = 500


def recently_shown(relation, person_field):
    """
    Public people in ``relation`` (bylines, quotes shown) of the latest published
    stories: the ``PEOPLE_LISTED`` named most recently, listed by name. One
    query: the rows of the latest stories with their people.
    """
    from people.models import Person

    latest = Article.objects.published().order_by("-published_at", "-pk")
    rows = (
        relation.filter(article__in=latest.values("pk")[:STORIES_READ_FOR_PEOPLE])
        .filter(**{f"{person_field}__in": Person.objects.public().values("pk")})
        .select_related(person_field)
        .only(*(f"{person_field}__{field}" for field in PERSON_CHOICE_FIELDS if field != "pk"))
        .order_by("-article__published_at", "-article__pk")
    )
    recent = {}
    for row in rows:
        person = getattr(row, person_field)
        recent.setdefault(person.pk, person)
    listed = list(recent.values())[:PEOPLE_LISTED]
    return sorted(listed, key=lambda person: (person.name, person.pk))


CHOICE_LISTS = {
    "sections": lambda: published_sections(None),
    "topics": lambda: published_topics(None),
    "authors": lambda: recently_shown(Byline.objects.all(), "person"),
    "speakers": lambda: recently_shown(Quote.objects.shown(), "speaker"),
}


def archive_choices():
    """
    The archive's choice lists as ``{name: [(slug, name in the page's
    language), …]}`` (a protected source by their label only), worked out
    together and kept until a story is published, changed or taken down, or
    what they name changes, and never past the moment a scheduled story goes
    live with new names.
    """

    def render():
        pagetags.shows("latest")
        return {
            name: [(item.slug, local_name(item)) for item in listed()]
            for name, listed in CHOICE_LISTS.items()
        }

    return pagecache.fragment(None, "archive-choices", (), render, until_next_publication=True)


class PublishedChoiceIterator(django_filters.fields.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.field.published_choices()

    def __len__(self):
        return len(self.field.published_choices()) + (self.field.empty_label is not None)

    def __bool__(self):
        return True


class PublishedChoiceField(django_filters.fields.ModelChoiceField):
    """
    A choice among the rows of a ``published_*`` queryset, offered from
    ``archive_choices()[choices_key]``. A value is checked against the
    queryset itself, so a person left out of a list can still be chosen by
    address, and is then offered too.
    """

    iterator = PublishedChoiceIterator

    def __init__(self, *args, choices_key, **kwargs):
        self.choices_key = choices_key
        super().__init__(*args, **kwargs)

    def published_choices(self):
        if not hasattr(self, "_published_choices"):
            choices = archive_choices()[self.choices_key]
            chosen = getattr(self, "_chosen", None)
            if chosen and chosen not in choices:
                choices = [chosen, *choices]
            self._published_choices = choices
        return self._published_choices

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # Only a slug (what the <uslug:…> addresses take) reaches the
        # database: PostgreSQL refuses a NUL in a query outright.
        value = str(value)
        if not SLUG.fullmatch(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        item = self.queryset.filter(slug=value).first()
        if item is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        self._chosen = (item.slug, local_name(item))
        self.__dict__.pop("_published_choices", None)
        return item


class PublishedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = PublishedChoiceField


class Select(forms.Select):
    """
    A ``<select>`` written in one pass. Django renders every ``<option>``
    through a template of its own, which for the archive's long lists of
    people cost more than the rest of the page.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(item) for item in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(option), SELECTED if str(option) in chosen else "", label)
                for option, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


SELECTED = mark_safe(" selected")  # noqa: S308


class DateInput(forms.DateInput):
    """A date picker; a value that is no date is not echoed back (a date input cannot hold it)."""

    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                return None
        return super().format_value(value)


class ArchiveFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words"), method="filter_words", max_length=search.MAX_QUERY_LENGTH
    )
    section = PublishedChoiceFilter(
        choices_key="sections",
        label=_("Section"),
        queryset=published_sections,
        to_field_name="slug",
        empty_label=_("Any section"),
        widget=Select,
    )
    topic = PublishedChoiceFilter(
        choices_key="topics",
        label=_("Topic"),
        field_name="topics",
        queryset=published_topics,
        to_field_name="slug",
        empty_label=_("Any topic"),
        widget=Select,
    )
    author = PublishedChoiceFilter(
        choices_key="authors",
        label=_("Author"),
        queryset=published_authors,
        to_field_name="slug",
        method="filter_author",
        empty_label=_("Any author"),
        widget=Select,
    )
    quoted = PublishedChoiceFilter(
        choices_key="speakers",
        label=_("Person quoted"),
        queryset=published_speakers,
        to_field_name="slug",
        method="filter_quoted",
        empty_label=_("Anyone"),
        widget=Select,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=Language.choices,
        empty_label=_("Any language"),
        widget=Select,
    )
    published_after = django_filters.DateFilter(
        label=_("From"), field_name="published_at", lookup_expr="date__gte", widget=DateInput()
    )
    published_before = django_filters.DateFilter(
        label=_("Until"), field_name="published_at", lookup_expr="date__lte", widget=DateInput()
    )

    class Meta:
        model = Article
        fields = []

    def filter_words(self, queryset, name, value):
        return search.stories(queryset, search.clean_query(value))

    def filter_author(self, queryset, name, person):
        # A subquery, not a join: a person with two bylines on a story lists it once.
        return queryset.filter(pk__in=Byline.objects.filter(person=person).values("article"))

    def filter_quoted(self, queryset, name, person):
        return queryset.filter(
            pk__in=Quote.objects.shown().filter(speaker=person).values("article")
        )
