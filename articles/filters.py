"""
The archive's filters (``/articles/``).

Only the filters declared here apply: any other parameter in the address
(``?status=draft``, ``?bylines__person__email=…``) is ignored. Every choice
list is built from ``Article.objects.published()``, so it offers only the
sections, topics and people that appear in published stories: django-filter
would otherwise list the whole related table, drafts' people included.
"""

import datetime

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import search
from .models import Article, Byline, Language, Quote

# What a person's choice shows: str() of a person reads the protection flag.
PERSON_CHOICE_FIELDS = ["pk", "name", "slug", "is_protected_source", "public_label"]


def published_sections(request):
    return Article.objects.published().sections().only("pk", "name", "name_km", "slug")


def published_topics(request):
    return Article.objects.published().topics().only("pk", "name", "name_km", "slug")


def published_authors(request):
    return Article.objects.published().authors().only(*PERSON_CHOICE_FIELDS)


def published_speakers(request):
    return Article.objects.published().quoted_people().only(*PERSON_CHOICE_FIELDS)


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
    section = django_filters.ModelChoiceFilter(
        label=_("Section"),
        queryset=published_sections,
        to_field_name="slug",
        empty_label=_("Any section"),
        widget=Select,
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        queryset=published_topics,
        to_field_name="slug",
        empty_label=_("Any topic"),
        widget=Select,
    )
    author = django_filters.ModelChoiceFilter(
        label=_("Author"),
        queryset=published_authors,
        to_field_name="slug",
        method="filter_author",
        empty_label=_("Any author"),
        widget=Select,
    )
    quoted = django_filters.ModelChoiceFilter(
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
        return queryset.filter(pk__in=Quote.objects.filter(speaker=person).values("article"))
