"""What the demo stories point to: sections, topics, organizations and people."""

from articles.models import Section, Topic
from people.models import Affiliation, Organization, Person, PersonAlias
from people.slugs import slugify

from .seeds import ORGANIZATIONS, PEOPLE, SECTIONS, STAFF, TOPICS


def make_sections():
    """The sections by slug, in the order the site lists them."""
    sections = {}
    for position, fields in enumerate(SECTIONS, start=1):
        sections[fields["slug"]], _ = Section.objects.get_or_create(
            slug=fields["slug"],
            defaults={
                "name": fields["name"],
                "name_km": fields["name_km"],
                "description": fields["description"],
                "position": position,
            },
        )
    return sections


def make_topics():
    topics = {}
    for fields in TOPICS:
        topics[fields["slug"]], _ = Topic.objects.get_or_create(
            slug=fields["slug"], defaults={"name": fields["name"], "name_km": fields["name_km"]}
        )
    return topics


def make_organizations():
    organizations = {}
    for key, fields in ORGANIZATIONS.items():
        organizations[key], _ = Organization.objects.get_or_create(
            slug=slugify(fields["name"]), defaults=fields
        )
    return organizations


def make_people(staff):
    """
    Every person by key: the staff's people by username (``staff`` maps it to
    the User, whose person is reused), then the invented people.
    """
    people = {}
    for member in STAFF:
        if member.person:
            user = staff[member.username]
            people[member.username] = getattr(user, "person", None) or make_person(member.person)
    for key, seed in PEOPLE.items():
        people[key] = make_person(seed)
    return people


def make_person(seed, *, user=None):
    person, created = Person.objects.get_or_create(
        slug=slugify(seed.name),
        defaults={
            "name": seed.name,
            "name_km": seed.name_km,
            "short_name": seed.short,
            "bio": seed.bio,
            "birth_year": seed.born,
            "home_province": seed.province,
            "gender": seed.gender,
            "user": user,
        },
    )
    if created:
        for alias in seed.aliases:
            PersonAlias.objects.create(person=person, name=alias)
        organizations = {}
        for position, affiliation in enumerate(seed.affiliations):
            key = affiliation.organization
            if key not in organizations:
                organizations[key] = Organization.objects.get(
                    slug=slugify(ORGANIZATIONS[key]["name"])
                )
            Affiliation.objects.create(
                person=person,
                organization=organizations[key],
                title=affiliation.title,
                unit=affiliation.unit,
                start_date=affiliation.start,
                end_date=affiliation.end,
                position=len(seed.affiliations) - position,
            )
    return person
