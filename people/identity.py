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

from .names import is_khmer

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


def name_regex(form):
    """
    The pattern finding one form of a name in a text, in any case and however
    its words are spaced: as whole words for Latin script ("Ny Sok" is not in
    "Ny Sokha"), anywhere for Khmer, which is written without spaces.
    """
    written = r"\s+".join(re.escape(word) for word in form.split())
    return written if is_khmer(form) else rf"(?<!\w){written}(?!\w)"


def name_pattern(forms):
    """
    One compiled pattern finding any of ``forms`` (``name_regex``), the
    longest first, so "Ny Sokha Chan" is found whole before "Ny Sokha". None
    without forms. The one rule every search for a protected source's name
    uses: redacting, warning before approval, refusing to put a photo back,
    listing the public places, rewriting the workspace history.
    """
    forms = sorted({" ".join(form.split()) for form in forms} - {""}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile("|".join(name_regex(form) for form in forms), re.IGNORECASE)


def form_pattern(form):
    """``name_pattern([form])``: one form alone (``re`` keeps the patterns it compiled)."""
    return name_pattern([form])


def identity_forms(person):
    """
    The forms of ``person``'s name that say who they are, and that are
    replaced by their label wherever the newsroom kept them: the name, the
    Khmer name and the aliases (three characters or more). Short names are
    left: shared by many, replacing them would blank other people's names.
    """
    forms = [person.name, person.name_km, *(alias.name for alias in person.aliases.all())]
    forms = {" ".join(form.split()) for form in forms}
    return sorted((form for form in forms if len(form) > 2), key=len, reverse=True)


class Redactor:
    """
    Rewrites what the newsroom kept before someone became a protected source
    (a story's old revisions) for a reader who may not see identities: each
    protected source's name, Khmer name and aliases (``identity_forms``)
    become their label, wherever ``name_pattern`` finds them.
    """

    def __init__(self, people=None):
        from .models import Person

        if people is None:
            people = Person.objects.filter(is_protected_source=True).prefetch_related("aliases")
        self.labels = {person.pk: person.public_label for person in people}
        # A form two people share is replaced by the first one's label.
        self.forms = {}
        for person in people:
            for form in identity_forms(person):
                self.forms.setdefault(form.casefold(), (form, person.public_label))
        self.pattern = name_pattern(form for form, _label in self.forms.values())

    def label_for(self, written):
        """The label of the protected source whose name ``self.pattern`` found as ``written``."""
        known = self.forms.get(" ".join(written.split()).casefold())
        if known is not None:
            return known[1]
        # Letters that match in any case but fold differently ("ſ", "K").
        return next(
            label for form, label in self.forms.values() if form_pattern(form).fullmatch(written)
        )

    def text(self, value):
        if self.pattern is None or not isinstance(value, str):
            return value
        return self.pattern.sub(lambda match: self.label_for(match[0]), value)

    def found(self, value):
        """The protected sources' names in ``value``, as ``(name as written, label)`` pairs."""
        if self.pattern is None or not value:
            return []
        return [(match[0], self.label_for(match[0])) for match in self.pattern.finditer(value)]

    def label_of(self, person_id):
        """The label of the protected source ``person_id``, or None for anyone else."""
        return self.labels.get(person_id)
