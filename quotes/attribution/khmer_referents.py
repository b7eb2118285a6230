"""
Whom a Khmer pronoun, bare honorific or description refers to, among the cast.

``refer(cast, attribution)`` returns ``(entity, confidence, note)``, as
``referents.resolve`` does for English. “គាត់” (he or she) and the plain
honorifics alone (“លោក”, “អ្នកស្រី”, “នាង”) are the person the last
sentences were about who fits the gender they give; a rank alone
(“ឯកឧត្តម”, “សម្តេច”) is the person the story gave it; “អ្នកនាំពាក្យរូបនេះ”
(this spokesman) the person given that title, “ស្ត្រីរូបនេះ” (this woman)
the woman last spoken of, “អ្នកភូមិម្នាក់” (a villager) a new unnamed source.
A person described but not introduced (“កីឡាករខ្មែរបារាំង”, no ``ម្នាក់``)
is the one the story was just about, a guess; an honorific nobody fits an
unnamed person, a worse one. ``aliases_in`` reads the stage names and
nicknames a story gives (“សេង សុកាន់ដា ហៅ ខ្ញុង”).
"""

import re

from django.utils.translation import gettext as _

from people.names import KHMER_UNIQUE_TITLES, honorific_gender, split_honorific

from .confidence import (
    AMBIGUOUS_PRONOUN,
    AMBIGUOUS_TITLE,
    CONFIRM_THRESHOLD,
    DEFINITE_DESCRIPTION,
    DESCRIBED_SOURCE,
    DESCRIPTION_OF_SUBJECT,
    FALLBACK,
    GROUP_PRONOUN,
    INTRODUCED_BEFORE,
    NO_SPEAKER,
    PRONOUN,
    PRONOUN_NOT_SALIENT,
    TITLE,
    UNMATCHED_SOURCE,
    UNMATCHED_TITLE,
)
from .entities import GROUP, PERSON, SOURCE, Entity
from .khmer import names_in
from .khmer_roles import parse_role, role_written
from .khmer_titled import named_after
from .khmer_words import (
    FEMALE_WORDS,
    GROUP_MARK,
    GROUP_PRONOUNS,
    HONORIFIC_WORDS,
    KHMER_RUN,
    MALE_WORDS,
    ORGANIZATION_HEAD,
    PLAIN_HONORIFICS,
    PRONOUNS,
    ROLE_HEAD,
    SOURCE_HEAD,
    STOP,
    fold,
    is_headline,
    name_key,
)
from .khmer_works import named_as_thing

# Another name after a full one: “សេង សុកាន់ដា ហៅ ខ្ញុង”, “… ដែលគេហៅថា ខ្ញុង”.
ALIAS = re.compile(rf"\s*(?:ដែល)?(?:គេ)?ហៅ(?:ថា|កាត់)?\s*({KHMER_RUN}+)(?=[\s។៕,៖:]|$)")
HEADLINE_SPEAKER = re.compile(r"\s*([^៖:«“\"]{2,40}?)\s*[៖:]\s*[«“\"]")
UNIQUE_TITLES = {fold(title): name for title, name in KHMER_UNIQUE_TITLES.items()}
RANKS = frozenset(word for word in HONORIFIC_WORDS if word not in PLAIN_HONORIFICS)
# A number of people: “ពលរដ្ឋជាង ១០០ គ្រួសារ”, a group.
SPACES = re.compile(r"\s+")
COUNTED = re.compile(r"[០-៩0-9]\s*(?:នាក់|គ្រួសារ)")
# Roles nobody holds at once, in a sports story: a player, a coach.
EXCLUSIVE_ROLES = (
    re.compile(r"កីឡាករ|កីឡាការិនី|ខ្សែបម្រើ|ខ្សែការពារ|ខ្សែប្រយុទ្ធ|អ្នកចាំទី"),
    re.compile(r"គ្រូបង្វឹក"),
)
# An office one person holds in an organization (its spokesman, its minister), not a rank
# many share (“មន្ត្រីក្រសួង…”, an official of the ministry).
OFFICE = re.compile(r"អ្នកនាំពាក្យ|រដ្ឋមន្ត្រី|អភិបាល|ប្រធាន|អគ្គនាយក|នាយក|ឯកអគ្គរដ្ឋទូត")
DEMONSTRATIVE = re.compile(r"\s*(?:រូប|ម្នាក់)?\s*(?:នេះ|នោះ|ដដែល|ខាងលើ)$")


def gender_of(description):
    folded = fold(description)
    if FEMALE_WORDS.search(folded):
        return "f"
    return "m" if MALE_WORDS.search(folded) else ""


def refer(cast, attribution):
    """``(entity, confidence, note)`` for a Khmer pronoun, bare honorific or description."""
    if attribution.kind == "pronoun":
        return _pronoun(cast, attribution.text)
    return _described(cast, attribution.text)


def _is_rank(honorific):
    return any(fold(honorific).startswith(rank) for rank in RANKS)


def _pronoun(cast, written, gender=None, unlike=None):
    """
    The person a pronoun or a bare honorific refers to; ``gender`` given for
    “ស្ត្រីរូបនេះ”; ``unlike``, a role the person cannot hold (``_other_role``).
    """
    word = fold(written).strip() if gender is None else "គាត់"
    if word in GROUP_PRONOUNS:
        entity = cast.latest(lambda entity: entity.kind in {GROUP, SOURCE})
        if entity is None:
            note = _("“%(pronoun)s” (they) refers to no group named before: say who said this.")
            return None, NO_SPEAKER, note % {"pronoun": written}
        note = _("“%(pronoun)s” (they) was taken to be %(group)s: check.")
        return entity, GROUP_PRONOUN, note % {"pronoun": written, "group": entity.label}
    gender = PRONOUNS.get(word, honorific_gender(word)) if gender is None else gender
    persons = [seen for seen in cast.recent if seen.entity.is_person]
    if unlike is not None:
        persons = [seen for seen in persons if not unlike.match(fold(seen.entity.role))] or persons
    if word in PRONOUNS or word in PLAIN_HONORIFICS:
        # “គាត់” is seldom said of an excellency or a samdech.
        plain = [seen for seen in persons if not _is_rank(seen.entity.honorific)]
        persons = plain if word == "គាត់" and plain else persons
        candidates = [seen for seen in persons if gender and seen.entity.gender == gender]
        candidates = candidates or [
            seen for seen in persons if not gender or seen.entity.gender in {gender, ""}
        ]
    else:
        unique = _unique_title_holder(cast, written)
        if unique is not None:
            return unique
        # A rank (“ឯកឧត្តម”, “សម្តេច”) is the person the story gave it.
        candidates = [seen for seen in persons if fold(seen.entity.honorific).startswith(word)]
        candidates = candidates or [
            seen
            for seen in persons
            if not seen.entity.honorific and seen.entity.gender in {gender, ""}
        ]
    salient = [seen for seen in candidates if seen.salient]
    chosen = (salient or candidates or [None])[0]
    if chosen is None:
        note = _("Nobody named before this quote fits “%(pronoun)s”: say who said this.")
        if word not in PLAIN_HONORIFICS or word in PRONOUNS:
            return None, NO_SPEAKER, note % {"pronoun": written}
        # “អ្នកស្រីបាននិយាយថា” with no woman named: an unnamed woman, a guess.
        entity = Entity(description=written.strip(), gender=gender, kind=PERSON)
        cast.entities.append(entity)
        return entity, FALLBACK, note % {"pronoun": written}
    entity = chosen.entity
    entity.gender = entity.gender or gender
    rivals = [
        seen.entity.label
        for seen in salient
        # Named in the same sentence as the one taken: either may be meant.
        if seen is not chosen and seen.sentence >= chosen.sentence and seen.entity is not entity
    ]
    if rivals:
        note = _(
            "“%(pronoun)s” was taken to be %(chosen)s; %(others)s, named just before, "
            "fits too: check."
        )
        others = ", ".join(rivals)
        return (
            entity,
            AMBIGUOUS_PRONOUN,
            note % {"pronoun": written, "chosen": entity.label, "others": others},
        )
    if not chosen.salient:
        note = _("“%(pronoun)s” was taken to be %(chosen)s, the last person named who fits: check.")
        return entity, PRONOUN_NOT_SALIENT, note % {"pronoun": written, "chosen": entity.label}
    return entity, PRONOUN, ""


def _other_role(head):
    """The roles nobody described as ``head`` holds: “this player” is not the coach."""
    for index, family in enumerate(EXCLUSIVE_ROLES):
        if family.match(head):
            return EXCLUSIVE_ROLES[1 - index]
    return None


def _unique_title_holder(cast, written):
    """
    ``(entity, confidence, note)`` for a title one well-known person holds
    (``people.names.KHMER_UNIQUE_TITLES``: “សម្តេចតេជោ” is ហ៊ុន សែន), or
    ``None``: the person the story named, else that person, below the threshold.
    """
    name = UNIQUE_TITLES.get(fold(written).strip())
    if name is None:
        return None
    for entity in cast.entities:
        if entity.name and name_key(entity.name) == name_key(name):
            return entity, TITLE, ""
    entity, _confidence, _note = cast.named(f"{written.strip()} {name}")
    return entity, UNMATCHED_TITLE, ""


def _person_head(description):
    """
    Whether ``description`` starts with a person's role (“នាយក…”, a director),
    not an organization's name spelt the same way (“នាយកដ្ឋាន…”, a department).
    """
    role = ROLE_HEAD.match(description)
    organization = ORGANIZATION_HEAD.match(description)
    crowd = GROUP_MARK.match(description)  # “មហាជន”, the public: not one person
    return bool(role) and not crowd and not (organization and len(organization[0]) > len(role[0]))


def _same_head(description, head):
    """Whether an unnamed ``description`` and ``head`` start with the same role word."""
    theirs, ours = ROLE_HEAD.match(fold(description)), ROLE_HEAD.match(head)
    return not theirs or not ours or theirs[0] == ours[0]


def _holds_office(entity, head):
    """Whether ``head`` (“អ្នកនាំពាក្យ”, “អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ”) is the person's title or role."""
    role, title = fold(entity.role), fold(entity.title)
    return bool(role) and (role.startswith(head) or head.startswith(role) or head == title)


def _described(cast, written):
    folded = fold(written).strip()
    definite = DEMONSTRATIVE.search(folded)
    head = folded[: definite.start()] if definite else folded
    head = re.sub(r"^(?:លោក|លោកស្រី|អ្នកស្រី)\s*", "", head).strip()
    if (definite or not re.search(r"ម្នាក់|មួយ|ខ្លះ", folded)) and not COUNTED.search(folded):
        for seen in cast.recent:
            entity = seen.entity
            if not entity.name and head and head in fold(entity.description):
                return entity, DEFINITE_DESCRIPTION, ""
        titled = [
            entity
            for entity in cast.entities
            if entity.name and head and _holds_office(entity, head)
        ]
        ranked = [seen.entity for seen in cast.recent if seen.entity in titled]
        if not ranked and definite and re.search(r"(?:រូប|ម្នាក់)\s*(?:នេះ|នោះ)$|ដដែល$", folded):
            # “ស្ត្រីរូបនេះ” (this woman), “មន្ត្រីរូបនេះ” (this official): the
            # woman, or the person, the story spoke of last.
            found = _pronoun(cast, written, gender=gender_of(head), unlike=_other_role(head))
            if found[0] is not None:
                return found
        if len(ranked) == 1:
            return ranked[0], TITLE, ""
        if ranked:
            note = _(
                "“%(title)s” could be %(chosen)s or %(others)s; %(chosen)s, named most "
                "recently, was taken: check."
            )
            others = ", ".join(entity.label for entity in ranked[1:])
            return (
                ranked[0],
                AMBIGUOUS_TITLE,
                note % {"title": written, "chosen": ranked[0].label, "others": others},
            )
    for entity in cast.entities:
        if entity.description and fold(entity.description) == folded:
            return entity, DESCRIBED_SOURCE, ""
    indefinite = re.search(r"ម្នាក់|មួយ|ខ្លះ|ទាំង|នៅ", folded) or COUNTED.search(folded)
    if not indefinite and _person_head(head) and not ORGANIZATION_HEAD.search(head, 1):
        # “កីឡាករខ្មែរបារាំងបានបន្តថា”: a person described, not introduced,
        # is most often the one the story has just been about.
        entity, confidence, note = _pronoun(
            cast, written, gender=gender_of(head), unlike=_other_role(head)
        )
        if entity is not None and not entity.name and not _same_head(entity.description, head):
            entity = None  # “អ្នកលក់” (a seller) is not the “វាគ្មិន” (a speaker) described before.
        if entity is not None:
            if entity.name and entity.is_person and not entity.role and ROLE_HEAD.match(head):
                # What the story calls the person it re-finds is the person's role.
                entity.role = role_written(written)
                entity.title, entity.organization = parse_role(entity.role)
            if confidence >= DESCRIPTION_OF_SUBJECT:
                note = _(
                    "“%(pronoun)s” was taken to be %(chosen)s, the last person named who "
                    "fits: check."
                ) % {"pronoun": written, "chosen": entity.label}
            return entity, min(confidence, DESCRIPTION_OF_SUBJECT), note
    if SOURCE_HEAD.match(folded) or ORGANIZATION_HEAD.match(folded):
        kind = SOURCE
    elif (
        # “អ្នកគាំទ្រម្នាក់”: one fan is a person, not the fans.
        GROUP_MARK.match(folded) and not re.search(r"ម្នាក់(?!ៗ)|មួយរូប", folded)
    ) or (re.search(r"ទាំងអស់|ខ្លះ|ជាច្រើន|ទាំងនោះ", folded) or COUNTED.search(folded)):
        kind = GROUP
    else:
        kind = PERSON
    entity = Entity(
        description=written.strip(),
        gender=gender_of(written) if kind == PERSON else "",
        plural=kind == GROUP,
        kind=kind,
    )
    cast.entities.append(entity)
    if kind == PERSON and not re.search(r"ម្នាក់|មួយ|ខ្លះ", folded):
        # One person described as if known (“មន្ត្រីក្រសួង…”), not introduced
        # as someone new (“អ្នកភូមិម្នាក់”): often someone the story named.
        return entity, UNMATCHED_SOURCE, ""
    return entity, DESCRIBED_SOURCE, ""


def echoes(findings, cast, paragraphs):
    """
    ``findings`` with those of the story's title-like opening paragraphs
    (``khmer_words.is_headline``) read again, below the threshold: words
    quoted there (“«បទពិសោធន៍» មិនមែនជាភស្តុតាង”) are whoever the story later
    quotes saying them, or a term, and go; a speaker described there
    (“ភរិយានៃមន្ត្រីទូត…”) is the one person the story names with that role.
    """
    kept = []
    # Each quote's words compared once, not once for every echo.
    spoken = [
        (other, SPACES.sub("", fold(other.text)))
        for other in findings
        if other.how != "echo" and other.entity is not None
    ]
    for finding in findings:
        if finding.how == "echo":
            said = _said_again(finding, spoken)
            if not said or named_as_thing(finding.text, paragraphs):
                # Words no one is quoted saying, or a campaign's name: not speech.
                continue
            finding.entity, finding.how = said[0].entity, "quoted again"
            finding.confidence = min(said[0].confidence, INTRODUCED_BEFORE)
        elif is_headline(finding.paragraph, paragraphs[finding.paragraph - 1]):
            text = paragraphs[finding.paragraph - 1]
            named = _named_with_role(cast, finding.entity) or _headline_name(cast, finding, text)
            if named is None and (finding.entity is None or finding.how == "description"):
                # “តុលាការ… ជាកន្លែងលេង«…»”: words the body gives a named person.
                said = [other for other in _said_again(finding, spoken) if other.entity.name]
                named = said[0].entity if said else None
            # “អ៊ុក សុធី៖ «…»”: the title gives the words to someone named without honorific.
            note = _("The title gives these words to %(speaker)s, named in the story: check.")
            if named is None and finding.how == "name" and not split_honorific(finding.written)[0]:
                finding.confidence = min(finding.confidence, INTRODUCED_BEFORE)
                finding.note = note % {"speaker": finding.entity.label}
            if named is not None:
                unread = finding.entity is None or finding.how == "description"
                finding.note = note % {"speaker": named.label} if unread else ""
                finding.entity, finding.how = named, "quoted again"
                finding.confidence = INTRODUCED_BEFORE if unread else finding.confidence
                finding.confidence = min(finding.confidence, INTRODUCED_BEFORE)
        kept.append(finding)
    return kept


def _said_again(finding, spoken):
    """
    The other findings, each with a speaker, whose words hold ``finding``'s:
    ``spoken`` is ``(finding, its words without spaces)`` for each: Khmer
    spaces are optional, so they are left out of the comparison.
    """
    words = SPACES.sub("", fold(finding.text))
    return [other for other, squashed in spoken if other is not finding and words in squashed]


def titled_nearby(findings, cast, paragraphs):
    """
    ``findings`` with a speaker known only by an office (“អ្នកនាំពាក្យក្រសួង…”,
    a ministry's spokesman) given to the one person the paragraph before or
    after that title names with no role of their own (“ឯកឧត្តម ឃឹម ហ្វីណង់
    បានប្រកាស…”), below the threshold: the title, then the name.
    """
    found = {}
    for finding in findings:
        entity = finding.entity
        if entity is None or entity.name or not entity.is_person:
            continue
        if entity not in found:
            found[entity] = _titled_person(cast, entity, paragraphs)
        named = found[entity]
        if named is not None and finding.confidence < CONFIRM_THRESHOLD:
            named.role = named.role or entity.description
            finding.entity, finding.how = named, "title named nearby"
            finding.confidence = min(finding.confidence, INTRODUCED_BEFORE)
            finding.note = _(
                "“%(title)s” was taken to be %(speaker)s, named next to that title with "
                "no role of their own: check."
            ) % {"title": entity.description, "speaker": named.label}
    return findings


def _titled_person(cast, entity, paragraphs):
    title = fold(entity.description).strip()
    one = OFFICE.match(title) and not re.search(r"ម្នាក់|មួយ|ខ្លះ|ទាំង", title)
    if not one or not _person_head(title) or not ORGANIZATION_HEAD.search(title, 1):
        return None
    # “អ្នកនាំពាក្យ… ឯកឧត្តម X បានលើកឡើងថា … ។ អ្នកនាំពាក្យ… បានមានប្រសាសន៍ថា “…””:
    # the one person the story names right after that very title.
    titled = named_after(cast, title, paragraphs)
    if len(titled) == 1:
        return titled.pop()
    at = next((index for index, text in enumerate(paragraphs) if title in fold(text)), None)
    if at is None or titled:
        return None
    beside = " ".join(paragraphs[max(at - 1, 0) : at] + paragraphs[at + 1 : at + 2])
    gender = gender_of(entity.description)
    named = {
        other
        for other in cast.entities
        if other.name and other.is_person and not other.role
        and gender in {"", other.gender}
        and name_key(other.name) in name_key(beside)
        and name_key(other.name) not in name_key(paragraphs[at])
    }  # fmt: skip
    return named.pop() if len(named) == 1 else None


def _named_with_role(cast, entity):
    """The one person named in the story whose role starts as ``entity``'s description does."""
    if entity is None or entity.name or not entity.is_person:
        return None
    head = ROLE_HEAD.match(fold(entity.description))
    named = [
        other
        for other in cast.entities
        if head and other.name and other.is_person and fold(other.role).startswith(head[0])
    ]
    return named[0] if len(named) == 1 else None


def _headline_name(cast, finding, text):
    """The person the story names as a title's “អ៊ុង សានស៊ូជី៖ «…»” does, without an honorific."""
    written = HEADLINE_SPEAKER.match(text)
    if finding.entity is not None or written is None:
        return None
    key = name_key(written[1])
    named = [
        entity
        for entity in cast.entities
        if entity.name and entity.is_person and key.endswith(name_key(entity.name))
    ]
    return named[0] if len(named) == 1 else None


def aliases_in(paragraphs):
    """
    The other names a Khmer story gives people, as ``{alias: full name}``: a
    stage name or nickname after the full name (“តារាកំប្លែង សេង សុកាន់ដា ហៅ
    ខ្ញុង”), by which the story then calls them (“អ្នកនាង ខ្ញុង”).
    """
    aliases = {}
    for text in paragraphs:
        folded = fold(text)
        for name, _start, end in names_in(text):
            alias = ALIAS.match(folded, end)
            full = split_honorific(name)[1]
            if alias and len(full.split()) > 1 and not STOP.match(alias[1]):
                aliases.setdefault(text[alias.start(1) : alias.end(1)], full)
    return aliases
