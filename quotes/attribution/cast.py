"""
The cast of a story: the people and sources it has put forward, most recent
first, and whom a name refers to.

``Cast.named`` turns a name into an ``Entity``, with a confidence and a note
for the journalist: a full name finds or makes its entity, a short name is
the full name that ends with it. Descriptions and pronouns are resolved
against the cast in ``referents``.
"""

import dataclasses
import re

from django.utils.translation import gettext as _

from people.choices import Gender
from people.names import honorific_gender, is_khmer, split_honorific

from .confidence import (
    AMBIGUOUS_SHORT_NAME,
    EXPLICIT_FULL_NAME,
    EXPLICIT_SHORT_NAME,
    KHMER_SHORT_NAME,
    NEAR_MISS_NAME,
    PREFIX_NAME,
    UNKNOWN_SHORT_NAME,
)
from .entities import SOURCE, Entity
from .khmer_words import name_key, shortens
from .roles import parse_role
from .sources import Organizations

# Christian first names that Cambodian Catholics write before their Khmer name.
BAPTISMAL_NAMES = frozenset(
    {
        "pierre",
        "paul",
        "peter",
        "joseph",
        "john",
        "jean",
        "marie",
        "maria",
        "mary",
        "francis",
        "françois",
        "thomas",
        "michael",
        "michel",
        "anthony",
        "antoine",
        "louis",
        "dominic",
        "andrew",
        "andré",
        "james",
        "jacques",
        "philip",
        "philippe",
        "stephen",
        "vincent",
        "bruno",
        "olivier",
        "augustine",
        "teresa",
        "therese",
        "anne",
        "catherine",
        "lucia",
        "luke",
        "mark",
        "matthew",
        "martin",
    }
)
ONE_NAME_HONORIFICS = frozenset(
    {
        "sister",
        "father",
        "brother",
        "venerable",
        "ven.",
        "monsignor",
        "msgr.",
        "msgr",
        "fr.",
        "bishop",
        "archbishop",
    }
)
KIN_ROLE = re.compile(
    r"(his|her)\s+((?:late\s+|eldest\s+|youngest\s+|elder\s+|younger\s+)?(?:wife|husband|son|"
    r"daughter|mother|father|brother|sister|widow|niece|nephew|cousin|uncle|aunt|"
    r"grandson|granddaughter|grandmother|grandfather|lawyer|spokesman|spokeswoman|"
    r"assistant|aide|bodyguard|driver))",
    re.IGNORECASE,
)


def _begins(tokens, key):
    """
    Whether a name of ``tokens`` may be called by the one word ``key``: its
    first word, or in Khmer script the start of the first word of a foreign
    name of three words or more (“លោក អាឡិច” after “អាឡិចហ្សង់ដ្រូ ហ្សន់ហ្សាឡេ
    ដាវីតសុន”, given name first).
    """
    first = tokens[0].casefold()
    foreign = len(tokens) > 2 and is_khmer(key) and len(key) >= 4
    return first == key or (foreign and first.startswith(key))


# How many of the people named most recently a new name is compared with;
# no published story names half as many.
RECENT_CAST = 300


@dataclasses.dataclass(eq=False)
class Seen:
    """When the story last put an entity forward, and how."""

    entity: Entity
    salient: bool  # The subject of its sentence, a speaker, or introduced with a role.
    sentence: int  # The story's sentence, counted from 0.
    spoke: bool = False


class Cast:
    """The people and sources a story has put forward so far, most recent first."""

    def __init__(self, directory, organizations=None, aliases=None):
        self.directory = directory
        self.organizations = Organizations(organizations)
        # Another name → the full name it stands for (``khmer_referents.aliases_in``).
        self.aliases = {name_key(alias): name for alias, name in (aliases or {}).items()}
        self.entities = []
        self.recent = []  # Seen, most recent first.
        self.bindings = {}  # A short name → the entity the story called by it.
        self.sentence = 0  # The sentence being read.

    def touch(self, entity, *, salient=True, spoke=False):
        """Put ``entity`` first: the story has just named them."""
        for seen in self.recent:
            if seen.entity is entity:
                # Named again in passing, they are no longer what the story is about.
                self.recent.remove(seen)
                break
        self.recent.insert(0, Seen(entity, salient, self.sentence, spoke))

    def latest(self, fits=None):
        """The most recent entity put forward (that ``fits``, if given)."""
        for seen in self.recent:
            if fits is None or fits(seen.entity):
                return seen.entity
        return None

    def named(self, written, role=""):
        """
        Return ``(entity, confidence, note)`` for a name: a full name finds or
        makes its entity; a short name is the full name introduced earlier
        that ends with it.
        """
        honorific, name = split_honorific(written)
        organization = self.organizations.called(name)
        if organization and not honorific:
            # “Rasmei Kampuchea attacked …”: a publication or group, not a person.
            return self.organization(organization), EXPLICIT_FULL_NAME, ""
        key = name_key(name)
        words = name.casefold().split()
        if key in self.aliases and len(words) == 1:
            # “អ្នកនាង ខ្ញុង” after “សេង សុកាន់ដា ហៅ ខ្ញុង”: the person so called.
            entity, _confidence, note = self.named(self.aliases[key], role)
            self.learn(entity, honorific)
            return entity, _short(written), note
        for entity in self.entities:
            if name_key(entity.name) == key:  # Everyone, however long ago.
                self.learn(entity, honorific, role)
                if entity.short_only:
                    return entity, UNKNOWN_SHORT_NAME, ""
                return entity, EXPLICIT_FULL_NAME if len(words) > 1 else _short(written), ""
        # A name not met before is compared with the people named most recently:
        # a story naming thousands (made to be slow) costs a bounded time each.
        recent = self.entities[-RECENT_CAST:]
        candidates = [
            entity
            for entity in recent
            if len(entity.tokens()) > len(words)
            and [token.casefold() for token in entity.tokens()[-len(words) :]] == words
        ]
        if len(candidates) == 1:
            self.bindings.setdefault(key, candidates[0])
            self.learn(candidates[0], honorific, role)
            return candidates[0], _short(written), ""
        if candidates:
            return self._ambiguous(name, key, candidates, honorific, role)
        khmer = is_khmer(name)
        shortened = [
            entity for entity in recent if khmer and entity.name and shortens(name, entity.name)
        ]
        if len(shortened) == 1:
            # “ចេង ដូណា” after “ចេង ចាន់ដូណា”: the story shortens the given name.
            self.learn(shortened[0], honorific, role)
            note = _("“%(name)s” was taken to be %(full)s, named in full before: check.")
            return shortened[0], KHMER_SHORT_NAME, note % {"name": name, "full": shortened[0].name}
        given = [
            entity
            for entity in recent
            if (len(words) == 1 and len(entity.tokens()) > 1 and _begins(entity.tokens(), key))
            # “Amir Faisal” after “Amir Faisal Mohd Yusof”: the first parts of a long
            # name. A Khmer name of three words is not so cut: “Touch Meng” and
            # “Touch Meng Huot” are two people.
            or (
                1 < len(words) < len(entity.tokens()) > 3
                and not khmer
                and [token.casefold() for token in entity.tokens()[: len(words)]] == words
            )
        ]
        if len(given) == 1:
            # “Gen Prayuth” after “Prayuth Chan-ocha”: called by the first name.
            self.learn(given[0], honorific, role)
            return given[0], _short(written), ""
        middle = [
            entity
            for entity in recent
            if entity.is_person
            and not khmer
            and not role
            and len(words) == 1
            and words[0] in [token.casefold() for token in entity.tokens()[1:-1]]
        ]
        if len(middle) == 1 and not given:
            # “Father Figaredo” after “Enrique Figaredo Alvargonzález”: a Spanish
            # name's first family name; checked, since it is no usual short name.
            self.learn(middle[0], honorific, role)
            note = _("“%(name)s” was taken to be %(full)s, whose name holds it: check.")
            return middle[0], PREFIX_NAME, note % {"name": name, "full": middle[0].name}
        begun = [
            entity
            for entity in recent
            if entity.is_person
            and not khmer
            and not role
            and 1 < len(words) < len(entity.tokens())
            and [token.casefold() for token in entity.tokens()[: len(words)]] == words
        ]
        if len(begun) == 1:
            # “Abd Jalil said” after “Abd Jalil Hassan”: the same man named
            # short, or a relative (a new title, “police chief Touch Meng”
            # after “Touch Meng Huot”, makes a new person above).
            self.learn(begun[0], honorific, role)
            note = _("“%(name)s” was taken to be %(full)s, whose name begins so: check.")
            return begun[0], PREFIX_NAME, note % {"name": name, "full": begun[0].name}
        shorter = [
            entity
            for entity in recent
            if entity.name
            and 1 < len(entity.tokens()) == len(words) - 1
            and words[0] in BAPTISMAL_NAMES
            and [token.casefold() for token in entity.tokens()] == words[-len(entity.tokens()) :]
        ]
        if len(shorter) == 1:
            # “Suon Hangly”, then “Pierre Suon Hangly”: a Christian first name
            # before a Khmer name, and the longest form is the name.
            shorter[0].name = name
            self.learn(shorter[0], honorific, role)
            return shorter[0], EXPLICIT_FULL_NAME, ""
        called = [
            entity
            for entity in recent
            if entity.short_only and len(words) > 1 and name_key(entity.name) == name_key(words[-1])
        ]
        if len(called) == 1:
            # “លោក Zelensky” in a headline, then “លោក Volodymyr Zelensky”: the
            # one the story called by the short name is the one it names in full.
            called[0].name, called[0].short_only = name, False
            self.learn(called[0], honorific, role)
            return called[0], EXPLICIT_FULL_NAME, ""
        near = [
            entity
            for entity in recent
            if entity.is_person
            and entity.name
            and _near_miss(words, entity.tokens())
            # “brothers Sok Dara and Sok Dana”: two names side by side are two people.
            and not any(
                seen.entity is entity and seen.sentence == self.sentence for seen in self.recent
            )
        ]
        if len(near) == 1 and not khmer:
            # “Hou Sam Sol said” after “Hou Sam Ol”: a slip of the keyboard, checked.
            self.learn(near[0], honorific, role)
            note = _(
                "The story spells this name “%(name)s” here and “%(known)s” before: taken "
                "to be %(known)s. Check the spelling and who spoke."
            )
            return near[0], NEAR_MISS_NAME, note % {"name": name, "known": near[0].name}
        entity = Entity(
            name=name,
            honorific=honorific,
            gender=honorific_gender(honorific) or self.directory.gender_of(name),
            # “Sister Chantal”: clergy are named by one name, and that is their name.
            short_only=len(words) == 1 and honorific.casefold() not in ONE_NAME_HONORIFICS,
        )
        self.learn(entity, "", role)
        self.entities.append(entity)
        return entity, UNKNOWN_SHORT_NAME if entity.short_only else EXPLICIT_FULL_NAME, ""

    def _ambiguous(self, name, key, candidates, honorific, role):
        bound = self.bindings.get(key)
        others = ", ".join(entity.name for entity in candidates if entity is not bound)
        if bound in candidates:
            chosen = bound
            note = _(
                "Two people called %(name)s are named in this story (%(chosen)s; %(others)s). "
                "%(chosen)s, whom the story already called “%(name)s”, was chosen: check."
            )
        else:
            ranked = [seen.entity for seen in self.recent if seen.entity in candidates]
            chosen = ranked[0] if ranked else candidates[-1]
            self.bindings[key] = chosen
            note = _(
                "Two people called %(name)s are named in this story (%(chosen)s; %(others)s). "
                "%(chosen)s, the one named most recently, was taken to be “%(name)s”: check."
            )
        others = ", ".join(entity.name for entity in candidates if entity is not chosen)
        self.learn(chosen, honorific, role)
        return (
            chosen,
            AMBIGUOUS_SHORT_NAME,
            note % {"name": name, "chosen": chosen.name, "others": others},
        )

    def organization(self, name):
        """The publication or group ``name`` as a source, made the first time it speaks."""
        for entity in self.entities:
            if entity.kind == SOURCE and entity.description in {name, f"the {name}"}:
                return entity
        entity = Entity(description=name, organization=name, kind=SOURCE)
        self.entities.append(entity)
        return entity

    def learn(self, entity, honorific="", role=""):
        """What a new reference tells about ``entity``: an honorific, a gender, a role."""
        if honorific and not entity.honorific:
            entity.honorific = honorific
        entity.gender = entity.gender or honorific_gender(honorific)
        if role and not entity.role:
            entity.role = self._kin_role(entity, role)
            entity.title, entity.organization = parse_role(entity.role)

    def _kin_role(self, entity, role):
        """“His wife” is the wife of the man the story was just about: “wife of Chhum Chan”."""
        match = KIN_ROLE.fullmatch(role.strip())
        if match is None:
            return role
        gender = Gender.MALE if match[1].casefold() == "his" else Gender.FEMALE
        relative = self.latest(
            lambda other: (
                other is not entity
                and other.is_person
                and bool(other.name)
                and other.gender in {"", gender}
            )
        )
        return f"{match[2]} of {relative.name}" if relative else match[2]


def _short(written):
    """How sure a short name is: a Khmer one has too few cases to be confirmed unread."""
    return KHMER_SHORT_NAME if is_khmer(written) else EXPLICIT_SHORT_NAME


def _one_letter_off(word, other):
    """Whether two words differ by one letter changed, added or dropped (“Ol”, “Sol”)."""
    if word == other or max(len(word), len(other)) < 3 or abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        return sum(a != b for a, b in zip(word, other, strict=True)) == 1
    shorter, longer = sorted((word, other), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _near_miss(words, tokens):
    """
    Whether a name of ``words`` (casefolded) is a misspelling of a name of
    ``tokens``: one word one letter off, or a middle word missing.
    """
    known = [token.casefold() for token in tokens]
    if len(words) < 2 or len(known) < 2:
        return False
    if len(words) == len(known):
        differing = [(a, b) for a, b in zip(words, known, strict=True) if a != b]
        return len(differing) == 1 and _one_letter_off(*differing[0])
    return (
        len(known) == len(words) + 1 >= 3
        and known[0] == words[0]
        and known[-1] == words[-1]
        and any(known[:i] + known[i + 1 :] == words for i in range(1, len(known) - 1))
    )
