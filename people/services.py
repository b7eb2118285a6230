"""
Finding, creating and merging people and organizations.

Imports and quote attribution call these so a person named in many stories
stays one record: a name is looked up by the published name, the Khmer name
and every alias before a new person is made.
"""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from .choices import OrganizationKind, Province
from .models import Affiliation, Organization, Person, PersonAlias, PersonFormerSlug
from .names import honorific_gender, is_khmer, normalize, short_name_for, split_honorific

# Words in an organization's name that say what kind it is, checked in order.
KIND_WORDS = [
    (OrganizationKind.COURT, r"\bcourts?\b|\btribunal\b|\bprosecutor"),
    (OrganizationKind.PARTY, r"\bparty\b"),
    (
        OrganizationKind.MINISTRY,
        r"\bministry\b|\bministers\b|\bgovernment\b|\bdepartment\b|\bprovincial hall\b"
        r"|\badministration\b|\bpolice\b|\bauthority\b|\bnational assembly\b|\bsenate\b"
        r"|\bcommune council\b|\bgendarmerie\b|\barmy\b|\bcabinet\b",
    ),
    (OrganizationKind.UNION, r"\bunion\b|\bfederation\b|\bconfederation\b"),
    (
        OrganizationKind.INTERNATIONAL,
        r"\bunited nations\b|\bworld bank\b|\bunicef\b|\bunesco\b|\bdevelopment bank\b"
        r"|\bembassy\b|\beuropean union\b|\bunhcr\b|\bohchr\b",
    ),
    (
        OrganizationKind.ACADEMIC,
        r"\buniversity\b|\bacademy\b|\bresearch\b|\bstudies\b|\bschool of\b|\bthink tank\b",
    ),
    (
        OrganizationKind.MEDIA,
        r"\bradio\b|\btelevision\b|\btv\b|\bnews\b|\btimes\b|\bpost\b|\bmedia\b|\bjournal\b",
    ),
    (
        OrganizationKind.COMPANY,
        r"\bcompany\b|\bco\.|\bltd\b|\bcorporation\b|\bgroup\b|\bbank\b|\binc\b|\bfactory\b",
    ),
    (
        OrganizationKind.NGO,
        r"\bassociation\b|\balliance\b|\bcent(?:re|er)\b|\bcommittee\b|\bleague\b"
        r"|\bcoalition\b|\bnetwork\b|\bfoundation\b|\bwatch\b|\borgani[sz]ation\b"
        r"|\binstitute\b|\bproject\b|\bforum\b|\bngo\b",
    ),
]

_PROVINCES = sorted(
    ((str(label), value) for value, label in Province.choices if value != Province.ABROAD),
    key=lambda item: -len(item[0]),
)


def guess_organization_kind(name):
    """The kind of organization its name suggests, or “other”."""
    for kind, pattern in KIND_WORDS:
        if re.search(pattern, name, re.IGNORECASE):
            return kind
    return OrganizationKind.OTHER


def province_in(text):
    """The Cambodian province ``text`` names (“a farmer in Takeo province”), or ""."""
    for label, value in _PROVINCES:
        if re.search(rf"\b{re.escape(label)}\b", text):
            return value
    return ""


def find_people(name, *, among=None):
    """
    The people (of ``among``, default everyone) whose published name, Khmer
    name or an alias is ``name``, ignoring case, spacing and any honorific in front.
    """
    among = Person.objects.all() if among is None else among
    _honorific, bare = split_honorific(name)
    if not bare:
        return among.none()
    return (
        among.filter(Q(name__iexact=bare) | Q(name_km=bare) | Q(aliases__name__iexact=bare))
        .distinct()
        .order_by("pk")
    )


def people_with_short_name(short_name, *, among=None):
    """
    The people (of ``among``, default everyone) a story could mean by
    ``short_name`` alone: their short name, or the last word of their name or
    of an alias, is ``short_name``.
    """
    among = Person.objects.all() if among is None else among
    short_name = normalize(short_name)
    if not short_name:
        return among.none()
    return (
        among.filter(
            Q(short_name__iexact=short_name)
            | (Q(short_name="") & Q(name__iendswith=f" {short_name}"))
            | Q(aliases__name__iendswith=f" {short_name}")
        )
        .distinct()
        .order_by("pk")
    )


def create_person(*, name, honorific="", gender="", home_province="", short_name=None):
    """
    Make a person from a name as a story writes it. An honorific in front of
    the name is kept apart; a name in Khmer script is also kept as the Khmer name.
    """
    written_honorific, bare = split_honorific(name)
    honorific = honorific or written_honorific
    person = Person(
        name=bare,
        name_km=bare if is_khmer(bare) else "",
        honorific=honorific,
        short_name=short_name_for(bare) if short_name is None else short_name,
        gender=gender or honorific_gender(honorific),
        home_province=home_province,
    )
    person.full_clean(exclude=["slug"])
    person.save()
    return person


def find_or_create_person(*, name, among=None, **fields):
    """
    Return ``(person, created)``: the one person (of ``among``, default
    everyone) known by ``name``, or a new person when nobody is. When several
    people share the name, the first made is returned; editors can merge them.
    """
    person = find_people(name, among=among).first()
    if person is not None:
        return person, False
    return create_person(name=name, **fields), True


def add_alias(*, person, name):
    """Record ``name`` as another name of ``person``, unless it is already one of theirs."""
    name = normalize(name)
    known = {normalize(person.name).casefold(), normalize(person.name_km).casefold()}
    if not name or name.casefold() in known:
        return None
    alias = person.aliases.filter(name__iexact=name).first()
    return alias or PersonAlias.objects.create(person=person, name=name)


def _organization_variants(name):
    """“Justice Ministry” and “Ministry of Justice” name the same ministry."""
    variants = {name}
    match = re.fullmatch(r"(.+) Ministry", name)
    if match:
        variants.add(f"Ministry of {match[1]}")
    match = re.fullmatch(r"Ministry of (.+)", name)
    if match:
        variants.add(f"{match[1]} Ministry")
    return variants


def find_or_create_organization(*, name):
    """
    Return ``(organization, created)`` for an organization a story names: the
    one with that name, acronym or Khmer name, else a new one whose kind is
    guessed from its name (“… Ministry”: a ministry).
    """
    name = normalize(re.sub(r"^(?:the|The)\s+", "", name))
    acronym = ""
    match = re.fullmatch(r"(.+?)\s*\(([A-Z][A-Za-z&]{1,15})\)", name)
    if match:
        name, acronym = match[1], match[2]
    query = Q(name_km=name) | Q(acronym__iexact=name)
    for variant in _organization_variants(name):
        query |= Q(name__iexact=variant)
    if acronym:
        query |= Q(acronym__iexact=acronym)
    organization = Organization.objects.filter(query).order_by("pk").first()
    if organization is not None:
        return organization, False
    organization = Organization(
        name=name,
        name_km=name if is_khmer(name) else "",
        acronym=acronym,
        kind=guess_organization_kind(name),
    )
    organization.full_clean(exclude=["slug"])
    organization.save()
    return organization, True


def record_role(*, person, title, organization):
    """
    Give ``person`` the role ``title`` at ``organization`` unless they already
    hold a current role there. Return the affiliation.
    """
    current = person.affiliations.filter(organization=organization, end_date__isnull=True)
    affiliation = current.filter(title__iexact=title).first() or current.first()
    if affiliation is None:
        affiliation = Affiliation.objects.create(
            person=person,
            organization=organization,
            title=title[: Affiliation._meta.get_field("title").max_length],
            position=person.affiliations.count(),
        )
    return affiliation


def record_former_slug(*, person, slug):
    """Let ``slug``, a profile address ``person`` no longer has, lead to them."""
    if not slug or slug == person.slug:
        return None
    former, _created = PersonFormerSlug.objects.update_or_create(
        slug=slug, defaults={"person": person}
    )
    # The person's present slug must not redirect away from them.
    PersonFormerSlug.objects.filter(slug=person.slug).delete()
    return former


def _repoint(queryset, field_name, keep):
    """
    Point every row of ``queryset`` at ``keep``. A row that would repeat one
    ``keep`` already has (the same byline, the same alias) is dropped.
    """
    try:
        with transaction.atomic():
            queryset.update(**{field_name: keep})
        return
    except IntegrityError:
        pass
    for pk in list(queryset.values_list("pk", flat=True)):
        row = queryset.model._base_manager.filter(pk=pk)
        try:
            with transaction.atomic():
                row.update(**{field_name: keep})
        except IntegrityError:
            row.delete()


# Fields the kept record takes from the merged one when its own are empty.
FILLED_ON_MERGE = [
    "honorific",
    "name_km",
    "short_name",
    "portrait",
    "bio",
    "birth_year",
    "home_province",
    "gender",
    "user",
]


@transaction.atomic
def merge_people(*, keep, remove):
    """
    Merge ``remove`` into ``keep``, two records of one person: quotes,
    bylines, affiliations, aliases, photographs and every other row that
    points at ``remove`` move to ``keep``; ``remove``'s names become aliases
    of ``keep``; its profile addresses redirect to ``keep``'s; then
    ``remove`` is deleted. Return ``keep``.
    """
    if keep.pk == remove.pk:
        raise ValidationError(_("Choose two different people to merge."))
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    remove = Person.objects.select_for_update().get(pk=remove.pk)
    if keep.user_id and remove.user_id:
        raise ValidationError(
            _(
                "%(keep)s and %(remove)s both have a login; two staff accounts "
                "cannot be merged. Remove one login first."
            )
            % {"keep": keep, "remove": remove}
        )
    relations = [
        field
        for field in Person._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and not field.many_to_many
    ]
    for relation in relations:
        manager = relation.related_model._base_manager
        if (
            relation.one_to_one
            and manager.filter(**{relation.field.name: keep}).exists()
            and manager.filter(**{relation.field.name: remove}).exists()
        ):
            raise ValidationError(
                _("Both records have a %(thing)s; only one can be kept.")
                % {"thing": relation.related_model._meta.verbose_name}
            )
    for field_name in FILLED_ON_MERGE:
        field = Person._meta.get_field(field_name)
        if not field.value_from_object(keep) and field.value_from_object(remove):
            setattr(keep, field.attname, field.value_from_object(remove))
    user_id, remove.user_id = remove.user_id, None
    if user_id:
        # The login moves: the one-to-one column must be free first.
        Person.objects.filter(pk=remove.pk).update(user=None)
    for relation in relations:
        manager = relation.related_model._base_manager
        _repoint(manager.filter(**{relation.field.name: remove}), relation.field.name, keep)
    old_names = [remove.name, remove.name_km]
    old_slug = remove.slug
    remove.delete()
    keep.save()
    for name in old_names:
        add_alias(person=keep, name=name)
    record_former_slug(person=keep, slug=old_slug)
    return keep
