"""
A definite description the story never gave anyone by name, tied back to a
named person.

“Father Paul Lay said …” then “the priest said”: the honorific says what he
is. “Kong Kim, a fisherman, …” then “said the father of seven”: the story is
still about him, and a description of a life (not an office) that nobody
else was given is his. ``linked_person`` returns ``(entity, confidence,
note)`` or ``None``; ``referents.described`` asks it before keeping the
description as a new unnamed source.
"""

import re

from django.utils.translation import gettext as _

from .confidence import DESCRIPTION_FROM_HONORIFIC, DESCRIPTION_OF_SUBJECT, INTRODUCED_BEFORE
from .entities import PERSON, description_kind, gender_in, normal_office, title_matches
from .names import TITLE_WORDS
from .roles import LOWERCASE_TITLE

# What an honorific says its bearer is, as a later description calls them.
HONORIFIC_NOUNS = {
    "father": {"priest", "father", "pastor", "clergyman"},
    "fr.": {"priest", "father", "pastor", "clergyman"},
    "reverend": {"priest", "reverend", "pastor", "clergyman", "minister"},
    "rev.": {"priest", "reverend", "pastor", "clergyman", "minister"},
    "monsignor": {"priest", "prelate", "monsignor"},
    "msgr.": {"priest", "prelate", "monsignor"},
    "msgr": {"priest", "prelate", "monsignor"},
    "bishop": {"bishop", "prelate", "priest"},
    "archbishop": {"archbishop", "prelate"},
    "cardinal": {"cardinal", "prelate"},
    "sister": {"nun", "sister"},
    "venerable": {"monk", "abbot", "venerable"},
    "ven.": {"monk", "abbot", "venerable"},
    "dr": {"doctor", "physician"},
    "dr.": {"doctor", "physician"},
    "oknha": {"tycoon", "businessman", "businesswoman"},
}
# Offices: “the minister” or “the governor” is whoever the story gave that
# office, never simply the last person named.
OFFICES = frozenset(word.casefold() for word in TITLE_WORDS) | frozenset(LOWERCASE_TITLE.split("|"))
PLURAL_PEOPLE = frozenset({"women", "men", "people", "children", "police"})
POSSESSIVE = re.compile(r"['’]s?$")
# How many sentences back the person the story is about may have been named.
WINDOW = 3
# An age alone is a life, never an office: the last person named, further back.
AGE = re.compile(r"\d{1,3}-year-old")
AGE_WINDOW = 12


def _head_as_written(description):
    clause = re.split(
        r"\s+(?:of|for|at|from|in|on|with|who|whose|which|that|serving|based|across)\s",
        f"{description} ",
    )[0]
    words = clause.split()
    return words[-1].strip(",.") if words else ""


def _head(description):
    return _head_as_written(description).casefold()


def _by_honorific(cast, head):
    fits = [
        entity
        for entity in cast.entities
        if entity.name
        and entity.is_person
        and any(
            head in HONORIFIC_NOUNS.get(word.casefold(), ()) for word in entity.honorific.split()
        )
    ]
    if len(fits) == 1:
        return fits[0]
    # Two priests: the one the story has just been about.
    latest = next((seen for seen in cast.recent if seen.entity in fits), None)
    if latest is not None and latest.salient and latest.sentence >= cast.sentence - WINDOW:
        return latest.entity
    return None


def _common_noun_head(description):
    """Whether the description's head word is a common noun: “player”, “35-year-old”."""
    first = _head_as_written(description)[:1]
    return first.islower() or first.isdigit()


def linked_person(cast, description):
    """The named person ``description`` (“the priest”, without “the”) refers to, or None."""
    if description_kind(description) != PERSON or not _common_noun_head(description):
        # “the White House”: a name, not a description of someone; “the
        # Angkor Tiger defender” is a description all the same.
        return None
    head = _head(description)
    if not head or head in PLURAL_PEOPLE or (head.endswith("s") and not head.endswith("ss")):
        # “the women”: several people, never the one person just named.
        return None
    entity = _by_honorific(cast, head)
    if entity is not None:
        return entity, DESCRIPTION_FROM_HONORIFIC, ""
    window = WINDOW
    if head in OFFICES:
        # “Sok Eysan commented …. The sitting senator said”: an office nobody
        # was given, right after the person the sentence before was about.
        if len(description.split()) > 3 or _head(description) != description.split()[-1]:
            return None
        window = 1
    gender = gender_in(description)
    if AGE.fullmatch(description):
        # “the 35-year-old” paragraphs after her name, the story still about her.
        window = AGE_WINDOW
    for seen in cast.recent:
        if seen.sentence < cast.sentence - window:
            return None
        entity = seen.entity
        salient = seen.salient or window == AGE_WINDOW
        if not (entity.is_person and entity.name and salient):
            continue
        if gender and entity.gender and entity.gender != gender:
            continue
        note = _(
            "“the %(description)s” is not a description the story gave anyone: taken to be "
            "%(person)s, whom the story was about just before. Check."
        ) % {"description": description, "person": entity.name}
        if not entity.role and not AGE.fullmatch(description):
            # “said the Phnom Penh vendor”: what the story calls the person is a role.
            cast.learn(entity, role=description)
        return entity, DESCRIPTION_OF_SUBJECT, note
    return None


def named_later(cast, finding):
    """
    A title the story gave nobody before the quote (“The Candlelight Party’s
    vice president said …”, a lede) that one person named later holds
    (“Thach Setha, Candlelight’s vice president”): ``(entity, note)`` or None.
    """
    entity = finding.entity
    if entity is None or entity.name or entity.kind != PERSON:
        return None
    definite = re.match(r"the\s+(.+)$", entity.description, re.IGNORECASE)
    if definite is None or len(definite[1].split()) > 6:
        return None
    # Every word of the title but an owner's (“Party’s”) is in the role.
    wanted = {word for word in normal_office(definite[1]).split() if not POSSESSIVE.search(word)}
    fits = [
        named
        for named in cast.entities
        if named.name
        and named.is_person
        and title_matches(definite[1], named)
        and any(
            wanted <= {POSSESSIVE.sub("", word) for word in office.split()}
            for office in named.offices()
        )
    ]
    if len(fits) != 1:
        return None
    note = _(
        "“%(description)s” is named only later in the story: taken to be %(person)s, "
        "whom it calls so. Check."
    ) % {"description": entity.description, "person": fits[0].name}
    return fits[0], note


def echoed_later(findings):
    """
    A lede's unnamed speaker (“a woman who was jailed as a child says “…””,
    “A reporter … said he had lost “courage””) whose quoted words a named
    person says again further down: that person, below the threshold.
    Changes ``findings`` in place.
    """
    for index, finding in enumerate(findings):
        entity = finding.entity
        if finding.paragraph > 2 or entity is None or entity.name or entity.kind != PERSON:
            continue
        if not re.match(r"an?\s", entity.description, re.IGNORECASE):
            continue
        words = re.compile(rf"(?<!\w){re.escape(finding.text.casefold())}(?!\w)")
        speakers = {
            later.entity.name: later.entity
            for later in findings[index + 1 :]
            if later.entity is not None
            and later.entity.name
            and later.entity.is_person
            and words.search(later.text.casefold())
        }
        if len(speakers) != 1:
            continue
        (person,) = speakers.values()
        finding.note = _(
            "“%(description)s” is named only later: taken to be %(person)s, who says "
            "these words again further down. Check."
        ) % {"description": entity.description, "person": person.name}
        finding.entity, finding.confidence = person, min(finding.confidence, INTRODUCED_BEFORE)
