"""
Whom a description or a pronoun refers to, among the cast.

``resolve(cast, attribution)`` returns ``(entity, confidence, note)``: a name
is looked up in the cast; “the villager” is the unnamed villager met before;
“the premier” or “the father of three” the person the story gave that title
or description; “he” the person the previous sentences were about who fits;
“it” the publication, document or institution quoted last. When nobody fits,
the entity is ``None`` and the note says what to check.
"""

import re

from django.utils.translation import gettext as _

from people.names import is_khmer

from . import khmer_referents
from .confidence import (
    AMBIGUOUS_PRONOUN,
    AMBIGUOUS_TITLE,
    DEFINITE_DESCRIPTION,
    DESCRIBED_SOURCE,
    GROUP_PRONOUN,
    LINKED_SOURCE,
    NO_SPEAKER,
    PRONOUN,
    PRONOUN_GENDER_LEARNED,
    PRONOUN_NOT_SALIENT,
    PRONOUN_RIVAL_IN_PASSING,
    SOURCE_PRONOUN,
    TITLE,
    UNMATCHED_SOURCE,
    UNMATCHED_TITLE,
)
from .descriptions import linked_person
from .entities import (
    FEMALE,
    GROUP,
    MALE,
    PERSON,
    SOURCE,
    Entity,
    description_kind,
    gender_in,
    normal_office,
    title_matches,
    words_of,
)
from .sources import head_kind

PRONOUNS = {"he": MALE, "she": FEMALE}
# How many sentences back a rival for a pronoun is looked for.
PRONOUN_WINDOW = 2


def resolve(cast, attribution):
    """Return ``(entity, confidence, note)`` for an attribution as written."""
    if attribution.kind in {"pronoun", "description"} and is_khmer(attribution.text):
        return khmer_referents.refer(cast, attribution)
    if attribution.kind == "pronoun":
        return pronoun(cast, attribution.text)
    if attribution.kind == "description":
        return described(cast, attribution.text)
    if attribution.kind == "source" and _word_of_a_name(cast, attribution.text):
        # “According to Phloeun, …” after “Phloeun Prim”: the person, by one word of the name.
        return cast.named(attribution.text)
    if attribution.kind == "source":
        return described(cast, attribution.text, kind=SOURCE)
    return cast.named(attribution.text, attribution.role)


def _word_of_a_name(cast, text):
    """Whether ``text`` is one word of the full name of a person the story named."""
    return bool(re.fullmatch(r"[A-Z][a-z]{2,}", text)) and any(
        entity.is_person and entity.name and text in entity.name.split()[:2]
        for entity in cast.entities
        if len(entity.name.split()) > 1
    )


# Head words a story uses for the same unnamed person: “a police officer who
# asked not to be named … the official said”.
HEAD_KIN = {
    "official": "official|officer",
    "officer": "officer|official",
    # “the post” after “a statement posted on the embassy's account”, and back.
    "post": "post|posted|tweet|tweeted|statement",
    "tweet": "tweet|tweeted|post|posted",
    "statement": "statement|post|posted",
}


def _head(description):
    """The head word of a description: “father” in “the father of three”."""
    words = re.split(r"\s+(?:of|for|at|from|in|on|with|who|whose|which|that)\s", description)
    return words[0].split()[-1].casefold() if words[0].split() else ""


def described(cast, description, kind=""):
    """An unnamed source, new (“a villager who …”) or met before (“the villager”), or a
    person the story gave that title (“the premier”)."""
    owner = cast.organizations.within(description)
    ending = owner and re.search(rf"\b{re.escape(owner)}\W*$", description)
    if ending and not re.search(r"\b(?:for|of|at|from|with|by)\b", description[: ending.start()]):
        # “the Cambodian human rights group Licadho”: the group, by its name;
        # not “a spokesman for rights group Adhoc”.
        return cast.organization(owner), LINKED_SOURCE, ""
    definite = re.match(r"the\s+(.+)$", description, re.IGNORECASE)
    named = definite and _already_named(cast, definite[1])
    if named:
        return named, TITLE, ""
    if definite and len(definite[1].split()) <= 6:
        head = _head(definite[1])
        # “the worker” is the unnamed worker met before, before any named
        # person whose title is worker: a named person is named again.
        heads = HEAD_KIN.get(head) or re.escape(head)
        pattern = re.compile(rf"\b(?:{heads})\b")
        for seen in cast.recent:
            entity = seen.entity
            if (
                not entity.name
                and pattern.search(entity.description.casefold())
                and _qualifiers_fit(definite[1], entity)
            ):
                return entity, DEFINITE_DESCRIPTION, ""
        found = _titled(cast, definite[1]) or _national_leader(cast, definite[1])
        # “said the report posted on …”: a document, never a person described.
        if found is None and (kind or description_kind(description)) != SOURCE:
            found = linked_person(cast, definite[1])
        if found is not None:
            return found
    for entity in cast.entities:
        if entity.description and entity.description.casefold() == description.casefold():
            return entity, DESCRIBED_SOURCE, ""
    if definite and (kind or description_kind(description)) != SOURCE:
        # “the parish priest caring for families along …” after “Father …”.
        found = linked_person(cast, definite[1])
        if found is not None:
            return found
    kind = kind or description_kind(description)
    if definite and kind != PERSON:
        found = _named_organization(cast, definite[1])
        if found is not None:
            return found
    entity = Entity(
        description=description,
        gender=gender_in(description) if kind == PERSON else "",
        plural=kind == GROUP,
        kind=kind,
    )
    if kind == SOURCE:
        entity.organization = _publisher(cast, description)
    cast.entities.append(entity)
    if not definite:
        return entity, DESCRIBED_SOURCE, ""
    if kind != PERSON:
        # “the paper”, “the research group” mostly refer back to a
        # publication or organization the story named.
        note = _(
            "“%(description)s” was taken as the source: if the story names it "
            "(a newspaper, a report, a group), say which."
        ) % {"description": description}
        return entity, UNMATCHED_SOURCE, note
    note = _(
        "“%(description)s” is not named in this story: if it is a person named "
        "elsewhere, choose them."
    ) % {"description": description}
    return entity, UNMATCHED_TITLE, note


def _already_named(cast, words):
    """“the Sok Dara said”, a slip for the name: the person the story named so, if any."""
    if len(words.split()) < 2 or not all(word[:1].isupper() for word in words.split()):
        return None
    wanted = words.casefold()
    return next(
        (entity for entity in cast.entities if entity.name and entity.name.casefold() == wanted),
        None,
    )


def _named_organization(cast, words):
    """“the paper” or “the research group”: the one publication or group the story names."""
    # “the association” after “the Garment Makers Association”: the one so named,
    # else the one organization of its kind.
    head = words.split()[-1].casefold() if words.split() else ""
    name = cast.organizations.ending_in(head) or cast.organizations.only(head_kind(words))
    if not name:
        return None
    note = _(
        "“the %(description)s” was taken to be %(organization)s, the only one the "
        "story names: check."
    ) % {"description": words, "organization": name}
    return cast.organization(name), LINKED_SOURCE, note


def _publisher(cast, description):
    """
    The organization a publication or document belongs to: the one its
    description names (“rights group Licadho”, “a report by …”), else, for
    a document cited by its title, the organization the story quoted just
    before (“Licadho said …. According to <its report's title>, …”).
    """
    named = cast.organizations.within(description)
    if named or not description[:1].isupper():
        return named
    for seen in cast.recent:
        if seen.sentence < cast.sentence - PRONOUN_WINDOW:
            break
        if seen.entity.kind == SOURCE and seen.entity.organization:
            return seen.entity.organization
    return ""


def _qualifiers_fit(words, entity):
    """
    Whether the capitalised words of a title (“the Thai spokesman”, “the
    Foreign Ministry spokesman”) are in what the story called ``entity``: a
    “Government spokesman” is not the Thai one.
    """
    known = set(" ".join(entity.offices()).split()) | set(words_of(entity.role))
    known |= set(words_of(entity.description))
    for word in re.findall(r"\b[A-Z][a-z]+\b", words):
        if not set(normal_office(word).split()) <= known:
            return False
    return True


# “the Cambodian leader”, “the leader”: the head of government the story
# named by office (“Prime Minister Hun Sen”, “President Joko Widodo”).
NATIONAL_LEADER = re.compile(r"(?:[A-Z][a-z]+(?:an|ese|ish|i)\s+)?(?:leader|strongman)")


def _national_leader(cast, words):
    """The prime minister or president the story named, for “the Cambodian leader”."""
    if not NATIONAL_LEADER.fullmatch(words):
        return None
    return _titled(cast, "prime minister") or _titled(cast, "president")


def _titled(cast, words):
    """The person the story gave the title or description ``words``, with a note if several."""
    scored = [
        (title_matches(words, entity) if _qualifiers_fit(words, entity) else 0, entity)
        for entity in cast.entities
        if entity.name
    ]
    best = max((score for score, _entity in scored), default=0)
    if not best:
        return None
    candidates = [entity for score, entity in scored if score == best]
    ranked = [seen.entity for seen in cast.recent if seen.entity in candidates]
    chosen = ranked[0] if ranked else candidates[-1]
    if len(candidates) == 1:
        return chosen, TITLE, ""
    note = _(
        "“the %(title)s” could be %(chosen)s or %(others)s; %(chosen)s, named most "
        "recently, was taken: check."
    ) % {
        "title": words,
        "chosen": chosen.name,
        "others": ", ".join(entity.name for entity in candidates if entity is not chosen),
    }
    return chosen, AMBIGUOUS_TITLE, note


def pronoun(cast, word):
    """
    The person the last sentences were about who fits ``word``: first among
    speakers, sentence subjects and people introduced with a role, then
    among anyone named. “they” is the last group, “it” the last publication,
    document or institution.
    """
    word = word.casefold()
    if word == "it":
        entity = cast.latest(lambda entity: entity.kind == SOURCE)
        if entity is None:
            return (
                None,
                NO_SPEAKER,
                _(
                    "“it” refers to no publication, document or organization named before "
                    "this quote: say who said this."
                ),
            )
        return entity, SOURCE_PRONOUN, ""
    if word == "they":
        entity = cast.latest(lambda entity: entity.kind == GROUP) or cast.latest(
            lambda entity: entity.kind == SOURCE
        )
        if entity is None:
            return (
                None,
                NO_SPEAKER,
                _("“they” refers to no group named before this quote: say who said this."),
            )
        return (
            entity,
            GROUP_PRONOUN,
            _("“they” was taken to be %(group)s: check.") % {"group": entity.label},
        )
    gender = PRONOUNS.get(word, "")
    fits = [
        seen for seen in cast.recent if seen.entity.is_person and seen.entity.gender in {gender, ""}
    ]
    salient = [seen for seen in fits if seen.salient]
    chosen = (salient or fits or [None])[0]
    if chosen is None:
        return (
            None,
            NO_SPEAKER,
            _("Nobody named before this quote fits “%(pronoun)s”: say who said this.")
            % {"pronoun": word},
        )
    entity = chosen.entity
    rivals = [
        seen.entity
        for seen in fits
        if seen is not chosen
        and seen.salient
        and seen.sentence >= cast.sentence - PRONOUN_WINDOW
        and (seen.entity.gender == gender or not (entity.gender or seen.entity.gender))
    ]
    learned = not entity.gender
    entity.gender = gender
    if rivals:
        note = _(
            "“%(pronoun)s” was taken to be %(chosen)s; %(others)s, named just before, "
            "fits too: check."
        ) % {
            "pronoun": word,
            "chosen": entity.label,
            "others": ", ".join(rival.label for rival in rivals),
        }
        return entity, AMBIGUOUS_PRONOUN, note
    passing = [
        seen.entity
        for seen in fits
        if seen is not chosen
        and not seen.salient
        and seen.sentence >= cast.sentence - 1
        and seen.entity.gender in {gender, ""}
    ]
    if chosen.salient and passing and not learned:
        # “Sopheak told Narim …. “…,” he said.”: the man spoken to fits too.
        note = _(
            "“%(pronoun)s” was taken to be %(chosen)s; %(others)s, named in passing "
            "just before, fits too: check."
        ) % {
            "pronoun": word,
            "chosen": entity.label,
            "others": ", ".join(other.label for other in passing),
        }
        return entity, PRONOUN_RIVAL_IN_PASSING, note
    if not chosen.salient:
        note = _(
            "“%(pronoun)s” was taken to be %(chosen)s, the last person named who fits: check."
        ) % {"pronoun": word, "chosen": entity.label}
        return entity, PRONOUN_NOT_SALIENT, note
    if learned:
        note = _(
            "“%(pronoun)s” was taken to be %(chosen)s, whose gender the story had not "
            "given before: check."
        ) % {"pronoun": word, "chosen": entity.label}
        return entity, PRONOUN_GENDER_LEARNED, note
    return entity, PRONOUN, ""
