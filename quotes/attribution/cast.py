"""
The cast of a story: the people and unnamed sources it has put forward, and
which of them a name, a description or a pronoun refers to.

``Cast.resolve`` turns an ``Attribution`` (a speaker as written) into an
``Entity``, with a confidence and a note for the journalist: a short name is
the full name that ends with it, “the villager” the villager met before, “he”
the most recent person who fits.
"""

import dataclasses
import re

from people.names import honorific_gender, split_honorific

from .confidence import (
    AMBIGUOUS_SHORT_NAME,
    DEFINITE_DESCRIPTION,
    DESCRIBED_SOURCE,
    EXPLICIT_FULL_NAME,
    EXPLICIT_SHORT_NAME,
    FALLBACK,
    NO_SPEAKER,
    PRONOUN,
    PRONOUN_GENDER_LEARNED,
    UNKNOWN_SHORT_NAME,
)
from .roles import parse_role

FEMALE, MALE = "f", "m"
PRONOUNS = {"he": MALE, "she": FEMALE, "they": ""}


@dataclasses.dataclass(eq=False)
class Entity:
    """Someone the story quotes or names: a named person or an unnamed source."""

    name: str = ""  # As the story writes it, without an honorific; "" for an unnamed source.
    honorific: str = ""
    description: str = ""  # An unnamed source as the story first describes them.
    role: str = ""  # As the story writes it on first reference.
    title: str = ""
    organization: str = ""
    gender: str = ""
    short_only: bool = False  # Called only by a short name the story never spells out.
    plural: bool = False  # “villagers”: never “he” or “she”.

    @property
    def label(self):
        return self.name or self.description

    def tokens(self):
        return self.name.split()


class Cast:
    """The people and unnamed sources a story has put forward so far, most recent first."""

    def __init__(self, directory):
        self.directory = directory
        self.entities = []
        self.recent = []  # [entity, salient], most recent first.
        self.bindings = {}  # A short name → the entity the story called by it.

    def touch(self, entity, *, salient=True):
        """Put ``entity`` first: the story has just named them."""
        for item in self.recent:
            if item[0] is entity:
                self.recent.remove(item)
                salient = salient or item[1]
                break
        self.recent.insert(0, [entity, salient])

    def latest(self):
        return self.recent[0][0] if self.recent else None

    def resolve(self, attribution):
        """Return ``(entity, confidence, note)`` for an attribution."""
        if attribution.kind == "pronoun":
            return self.pronoun(attribution.text)
        if attribution.kind == "description":
            return self.described(attribution.text)
        return self.named(attribution.text, attribution.role)

    def named(self, written, role=""):
        """
        The entity a name refers to: a full name finds or makes its entity;
        a short name is the full name introduced earlier that ends with it.
        """
        honorific, name = split_honorific(written)
        key = name.casefold()
        words = key.split()
        for entity in self.entities:
            if entity.name.casefold() == key:
                self._learn(entity, honorific, role)
                if entity.short_only:
                    return entity, UNKNOWN_SHORT_NAME, ""
                return entity, EXPLICIT_FULL_NAME if len(words) > 1 else 90, ""
        candidates = [
            entity
            for entity in self.entities
            if len(entity.tokens()) > len(words)
            and [token.casefold() for token in entity.tokens()[-len(words) :]] == words
        ]
        if len(candidates) == 1:
            self.bindings.setdefault(key, candidates[0])
            self._learn(candidates[0], honorific, role)
            return candidates[0], EXPLICIT_SHORT_NAME, ""
        if candidates:
            return self._ambiguous(name, key, candidates, honorific, role)
        entity = Entity(
            name=name,
            honorific=honorific,
            gender=honorific_gender(honorific) or self.directory.gender_of(name),
            short_only=len(words) == 1,
        )
        self._learn(entity, "", role)
        self.entities.append(entity)
        return entity, UNKNOWN_SHORT_NAME if entity.short_only else EXPLICIT_FULL_NAME, ""

    def _ambiguous(self, name, key, candidates, honorific, role):
        bound = self.bindings.get(key)
        if bound in candidates:
            chosen, reason = bound, "whom the story already called"
        else:
            ranked = [item[0] for item in self.recent if item[0] in candidates]
            chosen = ranked[0] if ranked else candidates[-1]
            reason = "the one named most recently, is taken to be"
            self.bindings[key] = chosen
        others = ", ".join(entity.name for entity in candidates if entity is not chosen)
        note = (
            f"Two people called {name} are named in this story ({chosen.name}; {others}). "
            f"{chosen.name}, {reason} “{name}”, was chosen: check."
        )
        self._learn(chosen, honorific, role)
        return chosen, AMBIGUOUS_SHORT_NAME, note

    def _learn(self, entity, honorific, role):
        if honorific and not entity.honorific:
            entity.honorific = honorific
        entity.gender = entity.gender or honorific_gender(honorific)
        if role and not entity.role:
            entity.role = role
            entity.title, entity.organization = parse_role(role)

    def described(self, description):
        """An unnamed source: new (“a villager who …”) or met before (“the villager”)."""
        definite = re.match(r"the\s+(.+)$", description, re.IGNORECASE)
        if definite and len(definite[1].split()) <= 4:
            head = re.escape(definite[1].split()[-1].casefold())
            # “the worker” is the unnamed worker met before, before any
            # named person whose title is worker: a named person is named again.
            for attribute in ("description", "title"):
                for entity, _salient in self.recent:
                    if re.search(rf"\b{head}\b", getattr(entity, attribute).casefold()):
                        return entity, DEFINITE_DESCRIPTION, ""
        for entity in self.entities:
            if entity.description and entity.description.casefold() == description.casefold():
                return entity, DESCRIBED_SOURCE, ""
        # A bare plural (“villagers”, “workers”) is a group.
        plural = bool(re.fullmatch(r"[a-z]+s", description))
        entity = Entity(description=description, gender=_gender_in(description), plural=plural)
        self.entities.append(entity)
        return entity, DESCRIBED_SOURCE if not definite else PRONOUN_GENDER_LEARNED, ""

    def pronoun(self, pronoun):
        """
        The most recent person the story put forward who fits the pronoun:
        first among speakers and sentence subjects, then among anyone named.
        """
        gender = PRONOUNS.get(pronoun, "")
        if not gender:
            groups = [item[0] for item in self.recent if item[0].description]
            entity = groups[0] if groups else self.latest()
            return entity, FALLBACK, f"“{pronoun}” could mean several people: check."
        for salient_only in (True, False):
            for entity, salient in self.recent:
                if (salient_only and not salient) or entity.plural:
                    continue
                if entity.gender == gender:
                    return entity, PRONOUN if salient_only else PRONOUN - 15, ""
                if not entity.gender:
                    entity.gender = gender
                    return entity, PRONOUN_GENDER_LEARNED, ""
        entity = self.latest()
        note = f"Nobody named before “{pronoun}” fits it; {entity.label} was taken: check."
        return (entity, FALLBACK, note) if entity else (None, NO_SPEAKER, "")


def _gender_in(description):
    words = set(re.findall(r"[a-z]+", description.casefold()))
    if words & {"woman", "mother", "wife", "daughter", "sister", "she", "her", "grandmother"}:
        return FEMALE
    if words & {"man", "father", "husband", "son", "brother", "he", "his", "monk"}:
        return MALE
    return ""
