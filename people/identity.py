"""
Who may know a protected source's identity, and how the workspace keeps it
from everyone else.

A protected source's name, Khmer name, short name, aliases, slug, biography,
contacts, notes and roles are their identity. Editors and superusers (those
who manage people's records) see it; journalists see the public label only,
wherever the workspace lists, searches or shows a person.
"""

import re

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.db.models.constants import LOOKUP_SEP
from django.utils.text import smart_split, unescape_string_literal

# The person form's fields that can identify someone. Error reports show
# them as stars (operations/reporting.py also hides inline rows ending in them,
# such as "aliases-0-name").
IDENTITY_FIELDS = [
    "honorific",
    "name",
    "name_km",
    "short_name",
    "slug",
    "bio",
    "contact_details",
    "notes",
]

# What anyone in the workspace may know of any person record.
PUBLIC_PERSON_FIELDS = {"pk", "id", "public_label", "is_protected_source"}

SEARCH_PREFIXES = {"^": "istartswith", "=": "iexact", "@": "search"}


def sees_protected_identities(user):
    """
    Who may know who a protected source is: those who manage people's
    records (editors and superusers). Journalists see the public label only.
    """
    return user.is_active and user.has_perm("people.change_person")


def shows_identity(user, person):
    """Whether ``user`` may see ``person``'s identity: anyone's but a protected source's."""
    return not person.is_protected_source or sees_protected_identities(user)


def person_path(model, field_path):
    """
    Where ``field_path`` (a lookup from ``model``, as in ``search_fields``)
    reaches into a person's identity: the path to that person, "" when
    ``model`` is Person itself, or None when it reads nothing identifying.
    ``photographer__name`` → "photographer"; ``photographer__public_label`` → None.
    """
    from .models import Person

    parts = field_path.lstrip("".join(SEARCH_PREFIXES)).split(LOOKUP_SEP)
    opts = model._meta
    for index, part in enumerate(parts):
        if issubclass(opts.model, Person):
            return None if part in PUBLIC_PERSON_FIELDS else LOOKUP_SEP.join(parts[:index])
        try:
            field = opts.get_field(part)
        except FieldDoesNotExist:
            return None
        if not field.is_relation or field.related_model is None:
            return None
        opts = field.related_model._meta
    return None


def reads_identity(model, field_paths):
    """Whether any of ``field_paths`` reaches into a person's identity."""
    return any(person_path(model, path) is not None for path in field_paths)


def _lookup(field_path):
    """The ORM lookup the admin's search makes of a ``search_fields`` entry."""
    prefix = field_path[:1]
    if prefix in SEARCH_PREFIXES:
        return f"{field_path[1:]}{LOOKUP_SEP}{SEARCH_PREFIXES[prefix]}"
    return f"{field_path}{LOOKUP_SEP}icontains"


def search_public_identities(queryset, search_fields, search_term):
    """
    The admin's search (every word of ``search_term`` in one of
    ``search_fields``), except that a field reaching into a person's identity
    matches public people only: a protected source's real name finds nothing
    that their label would not find. Return ``(queryset, may_have_duplicates)``.
    """
    from .models import Person

    model = queryset.model
    public = Person.objects.public()
    conditions = Q()
    for word in smart_split(search_term):
        if word[:1] in {'"', "'"} and word[0] == word[-1]:
            word = unescape_string_literal(word)
        either = Q()
        for field_path in search_fields:
            lookup = _lookup(str(field_path))
            to_person = person_path(model, str(field_path))
            if to_person is None:
                either |= Q(**{lookup: word})
                continue
            # A subquery, not a join: "one of their people is public and
            # named so", never a public byline beside a protected one.
            within = lookup[len(to_person) + len(LOOKUP_SEP) :] if to_person else lookup
            matching = public.filter(**{within: word}).values("pk")
            either |= Q(**{f"{to_person}{LOOKUP_SEP}in" if to_person else "pk__in": matching})
        conditions &= either
    return queryset.filter(conditions), True


class Redactor:
    """
    Rewrites what the newsroom kept before someone became a protected source
    (a story's old revisions) for a reader who may not see identities: each
    protected source's name, Khmer name and aliases become their label.
    Short names are left: shared by many, replacing them would blank other
    people's names.
    """

    def __init__(self):
        from .models import Person

        protected = Person.objects.filter(is_protected_source=True).prefetch_related("aliases")
        self.labels = {person.pk: person.public_label for person in protected}
        pairs = {}
        for person in protected:
            for form in [person.name, person.name_km, *(a.name for a in person.aliases.all())]:
                form = " ".join(form.split())
                if len(form) > 2:
                    pairs.setdefault(form.casefold(), (form, person.public_label))
        forms = sorted(pairs.values(), key=lambda pair: len(pair[0]), reverse=True)
        self.labels_by_form = {form.casefold(): label for form, label in forms}
        self.pattern = (
            re.compile("|".join(re.escape(form) for form, _label in forms), re.IGNORECASE)
            if forms
            else None
        )

    def text(self, value):
        if self.pattern is None or not isinstance(value, str):
            return value
        return self.pattern.sub(
            lambda match: self.labels_by_form[" ".join(match[0].split()).casefold()], value
        )

    def found(self, value):
        """The protected sources' names in ``value``, as ``(name as written, label)`` pairs."""
        if self.pattern is None or not value:
            return []
        return [
            (match[0], self.labels_by_form[" ".join(match[0].split()).casefold()])
            for match in self.pattern.finditer(value)
        ]

    def label_of(self, person_id):
        """The label of the protected source ``person_id``, or None for anyone else."""
        return self.labels.get(person_id)
