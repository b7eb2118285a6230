"""
The invented newsroom the demo is built from, read from the TOML files in
``demo/data/``: staff, sections and topics, organizations, people and
anonymous sources, what they say, stories and file photos. Each file's
opening comment says what its fields mean.
"""

import dataclasses
import datetime
import tomllib
from pathlib import Path

from articles.models import ArticleStatus, CorrectionKind
from people.choices import OrganizationKind, Province

DATA_DIR = Path(__file__).resolve().with_name("data")

# A demo password, printed on purpose; DEMO_PASSWORD replaces it.
DEFAULT_PASSWORD = "newsroom-demo"  # noqa: S105
# The demo's authenticator-app key (base32, as an app takes it), for the logins
# that need a second factor (the editor and the administrator). Demo content
# only: a real account's key is made at random when its owner adds an app.
DEMO_TOTP_SECRET = "NEWSROOMDEMOKEY2345NEWSROOMDEMO2"  # noqa: S105
SEED = 2026


@dataclasses.dataclass(frozen=True)
class AffiliationSeed:
    organization: str  # A key of organizations.toml.
    title: str
    start: datetime.date
    end: datetime.date | None = None  # None: the person holds the role today.
    unit: str = ""


@dataclasses.dataclass(frozen=True)
class PersonSeed:
    """One invented person, with what the stories need to write about them."""

    name: str
    short: str
    gender: str  # "f" or "m": for “she added” and the Khmer honorific.
    born: int
    province: str
    bio: str
    name_km: str = ""
    voice: str = ""  # The bank of quotes this person speaks from.
    role: str = ""  # The role as a story writes it on first reference.
    role_km: str = ""
    aliases: tuple = ()
    affiliations: tuple = ()  # AffiliationSeeds, oldest first.


@dataclasses.dataclass(frozen=True)
class StaffSeed:
    username: str
    role: str  # A group name, or "Superuser".
    first_name: str = ""
    last_name: str = ""
    person: PersonSeed | None = None


@dataclasses.dataclass(frozen=True)
class AnonymousSource:
    description: str  # The first reference: "a relative who asked not to be named …".
    later: str  # Later references: "the relative".
    gender: str
    voice: str


@dataclasses.dataclass(frozen=True)
class PhotoSeed:
    scene: str  # A scene demo.pictures draws.
    caption: str  # Without the date, which the photo's day fills in.
    place: str
    alt_text: str = ""  # Empty: the scene's alt text in photos.toml.


@dataclasses.dataclass(frozen=True)
class Translation:
    """The Khmer version of an English story: same quotes, same photos."""

    headline: str
    standfirst: str
    dateline: str
    days: int
    lede: str
    background: list


@dataclasses.dataclass(frozen=True)
class StorySeed:
    key: str
    section: str
    topics: list
    headline: str
    standfirst: str
    dateline: str
    status: str
    bylines: list  # (staff username or PEOPLE key, byline role)
    # Who speaks, lead first: PEOPLE keys, or "anon:…" for ANONYMOUS sources.
    cast: list
    # How many quotes to draw from the cast's voices, or the quotes themselves:
    # (speaker, English, Khmer) for a story with a translation, else (speaker, text).
    quotes: int | list
    lede: str
    background: list  # Paragraphs, or (subheading, paragraph) pairs.
    # The story's own picture; a portrait of the first named speaker follows it.
    photo: PhotoSeed
    days: int | None = None  # Published this many days ago; negative: scheduled.
    featured: bool = False
    actor: str = "the authorities"  # Fills {actor} in the quotes.
    issue: str = "the case"  # Fills {issue} in the quotes.
    named: tuple = ()  # People named but not quoted.
    organizations: tuple = ()  # Organizations named besides the speakers' own.
    correction: tuple | None = None  # (kind, text)
    translation: Translation | None = None


def read(name):
    with (DATA_DIR / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def person(fields):
    return PersonSeed(
        **{
            **fields,
            "province": Province(fields["province"]),
            "aliases": tuple(fields.get("aliases", ())),
            "affiliations": tuple(
                AffiliationSeed(**affiliation) for affiliation in fields.get("affiliations", ())
            ),
        }
    )


def paragraphs(items):
    """TOML has no tuples: a [subheading, paragraph] pair becomes one."""
    return [item if isinstance(item, str) else tuple(item) for item in items]


def story(fields):
    quotes = fields["quotes"]
    changed = {
        "status": ArticleStatus(fields["status"]),
        "bylines": [tuple(byline) for byline in fields["bylines"]],
        "quotes": quotes if isinstance(quotes, int) else [tuple(quote) for quote in quotes],
        "background": paragraphs(fields["background"]),
        "photo": PhotoSeed(**fields["photo"]),
        "named": tuple(fields.get("named", ())),
        "organizations": tuple(fields.get("organizations", ())),
    }
    if correction := fields.get("correction"):
        changed["correction"] = (CorrectionKind(correction["kind"]), correction["text"])
    if translation := fields.get("translation"):
        background = paragraphs(translation["background"])
        changed["translation"] = Translation(**{**translation, "background": background})
    return StorySeed(**{**fields, **changed})


STAFF = [
    StaffSeed(**{**fields, "person": person(fields["person"]) if "person" in fields else None})
    for fields in read("staff")["staff"]
]
_newsroom = read("sections")
SECTIONS = _newsroom["sections"]  # Dicts of slug, name, name_km, description, in order.
TOPICS = _newsroom["topics"]  # Dicts of slug, name, name_km.
ORGANIZATIONS = {
    key: {**fields, "kind": OrganizationKind(fields["kind"])}
    for key, fields in read("organizations").items()
}
PEOPLE = {key: person(fields) for key, fields in read("people").items()}
ANONYMOUS = {key: AnonymousSource(**fields) for key, fields in read("anonymous").items()}
# Voice -> [(section slug or "any", quote)], in the file's order.
VOICES = {voice: [tuple(line) for line in lines] for voice, lines in read("voices").items()}
STORIES = [story(fields) for fields in read("stories")["stories"]]
KHMER_STORIES = [story(fields) for fields in read("khmer_stories")["stories"]]

_photos = read("photos")
STAFF_AGENCY = _photos["staff_agency"]
FREELANCE_AGENCY = _photos["freelance_agency"]
ALT_TEXT = _photos["alt_text"]  # Scene -> alt text.
SHIRT_KM = _photos["shirts_km"]  # Shirt colour -> its Khmer name.
FILE_PHOTOS = {section: PhotoSeed(**fields) for section, fields in _photos["file_photos"].items()}


def person_seed(key):
    """The PersonSeed of a PEOPLE key or of a staff username."""
    if key in PEOPLE:
        return PEOPLE[key]
    return next(staff.person for staff in STAFF if staff.username == key)
