"""
Speakers a sentence describes rather than names: an unnamed source (“a
villager who asked not to be named”), a publication or group named after
what it is (“rights group Licadho”), a document (“the report”), a title
without a name, a name that only says whose the speaker is (“a
spokesman for Hun Manet”), whose remarks a sentence reports (“remarks from
Hun Sen saying …”), and a verb inside an aside that does not speak.
``speakers`` reads the sentence around them.
"""

import dataclasses
import re

from .entities import SOURCE_HEADS
from .names import FUNCTION_WORDS, NOT_PERSON_WORDS, TITLE_WORDS, names_in
from .roles import CAPITAL_TITLE, clean_description, role_in_front
from .verbs import RESEARCHERS, VERB

# An organization or publication named after what it is: “rights group Licadho”.
NAMED_SOURCE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z]?[a-z\-]+\s+)?(?:[a-z\-]+\s+){0,2}(?:group|organization|organisation|NGO|watchdog|"
    r"newspaper|daily|paper|outlet|agency|ministry|company|firm|union|association)\s+"
    r"(?:[A-Z][\w.&'’\-]*)(?:\s[A-Z][\w.&'’\-]*)*$"
)
DOCUMENT = re.compile(
    rf"\b(?:the|its|their|this|a|an)\s+(?:[a-z'’\-]+\s+){{0,2}}"
    rf"(?:{'|'.join(sorted(SOURCE_HEADS))})\b"
)
# A capitalised name opening its clause, an appositive after it.
NAME_BEFORE_APPOSITION = re.compile(
    r"(?:The\s+)?([A-Z][\w&’'\-]*)(?:\s+(?:of|for|and|on)?\s*[A-Z][\w&’'\-]*)*"
)
APPOSED = re.compile(r",\s*$")
# “a farmer from Kep named Chea Dara”: a description ending in the name it gives.
CALLED_NAME = re.compile(r"\s(?:named|called)\s+((?:[A-Z][\w'’\-]*)(?:\s+[A-Z][\w'’\-]*){0,3})$")
# A capitalised title and then a verb in the past (“the Minister firmly rejected”).
TITLE_THEN_VERB = re.compile(
    rf"[Tt]he\s+((?:[A-Z][a-z]+\s+)*(?:{CAPITAL_TITLE}))\s+(?:[a-z]+ly\s+)?[a-z]{{3,}}ed\b"
)
DESCRIPTION_START = re.compile(r"\b(?:a|an|the|one|another)\s+[a-z]", re.IGNORECASE)


@dataclasses.dataclass
class Attribution:
    """A speaker as a sentence gives them, before they are identified."""

    kind: str  # "name", "pronoun", "description" or "source" (a publication, a document)
    text: str
    role: str = ""
    how: str = "explicit"  # or "sentence": elsewhere in the quote's sentence
    shared: bool = False  # “A and B have said”: the first of two subjects


# A preposition after a noun: the name after it only modifies that noun.
OF_PREPOSITION = re.compile(r"[a-z]\s+(?:of|for|to|from|with|close to|near|representing)\s*$")


def object_of_preposition(before):
    """
    Whether a name after ``before`` is the object of a preposition (“a
    spokesman for Prime Minister”, “the wife of”): not the speaker.
    """
    role = role_in_front(before)
    if role and before.rstrip().endswith(role):
        before = before.rstrip()[: -len(role)]
    return bool(OF_PREPOSITION.search(before) or MEMBER_OF_GROUP.search(before))


# “a member of environmental group Mother Nature”: the group named is the
# object of “of”, however many words say what it is.
MEMBER_OF_GROUP = re.compile(
    r"[a-z]\s+(?:of|for|from|with|at)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,3}"
    r"(?:group|organi[sz]ation|association|union|NGO|party|company|firm|network|alliance|"
    r"coalition|movement|charity|club|team)\s*$"
)


KIN_ALONE = re.compile(
    r"(?:[Hh]is|[Hh]er|[Tt]heir|(?:[A-Z][\w\-]+\s+){0,3}[A-Z][\w\-]+['’]s)\s+(?:late\s+|elder\s+|younger\s+)?(?:wife|husband|sons?|"
    r"daughters?|mother|father|parents|brothers?|sisters?|widow|uncle|aunt|grandmother|"
    r"grandfather|cousin|relatives?)"
)


def described_before(text):
    """
    An unnamed source, a publication or a title without a name at the end
    of ``text``: “a villager who asked not to be named”, “rights group
    Licadho”, “Prime Minister”. The description starts its clause; relative
    clauses in apposition after it (“, who …,”) are passed over.
    """
    # “Adhoc said that one of the soldiers”: the speaker starts after “said that”.
    # “Sok Dara said a police officer told him”: the officer speaks.
    text = re.split(rf"{VERB.pattern}\s+(?:that\s+)?(?=(?:a|an|the|one|another)\s)", text)[-1]
    # “With a party leader having declared …”
    text = re.sub(r"^(?:[Ww]ith|[Aa]fter|[Dd]espite)\s+(?=(?:a|an|the|one|another)\s)", "", text)
    pieces = [piece.strip() for piece in re.split(r"[;:]|,\s*|\s[—–]\s", text)]
    # “…, but the embassy called it”: the coordinated clause's own subject.
    pieces[-1] = re.sub(r"^(?:and|but|while|whereas)\s+(?=(?:a|an|the)\s)", "", pieces[-1])
    # “a floor manager … emerges and denies”: the first verb of a pair is no description.
    pieces[-1] = re.sub(
        r"(?<=\w)\s+[a-z]{3,}(?:s|ed)(?:\s+(?:out|up|in|forward|away|back|down|over))?\s+and$",
        "",
        pieces[-1],
    )
    while pieces and not pieces[-1]:
        pieces.pop()
    for index in range(len(pieces) - 1, -1, -1):
        piece = pieces[index]
        if "\x00" in piece:
            return None
        if KIN_ALONE.fullmatch(piece):
            # “…,” her father said.: a relative of someone the story named.
            kin = re.sub(r"^(?:His|Her|Their)\b", lambda found: found[0].lower(), piece)
            return Attribution("description", kin)
        if NAMED_SOURCE.match(piece):
            return Attribution(
                "source", piece[0].lower() + piece[1:] if piece.startswith("The ") else piece
            )
        if re.fullmatch(rf"(?:[A-Z][a-z]+\s+)*(?:{CAPITAL_TITLE})", piece):
            # “The Minister stressed”: the title, its article as any other's.
            return Attribution("description", f"the {re.sub(r'^The\s+', '', piece)}")
        acting = TITLE_THEN_VERB.match(piece)
        if acting:
            # “the Prime Minister strongly disapproved of opposition claims”:
            # the title is the subject; what follows is its verb, not its description.
            return Attribution("description", f"the {acting[1]}")
        if DESCRIPTION_START.match(piece) and index == 1 and APPOSED.search(text):
            # “The River Institute, a research group …, called”: the
            # description is in apposition to the name before it, which speaks.
            named = NAME_BEFORE_APPOSITION.fullmatch(pieces[0])
            if named and named[1] not in FUNCTION_WORDS:
                return Attribution("source", re.sub(r"^The\s+", "", pieces[0]))
        if DESCRIPTION_START.match(piece) and (called := CALLED_NAME.search(piece)):
            # “a farmer from Kep named Chea Dara”: the person, the rest is her role.
            role = clean_description(piece[: called.start()]) or ""
            return Attribution("name", called[1], role=role[0].lower() + role[1:] if role else "")
        if DESCRIPTION_START.match(piece):
            description = clean_description(", ".join(pieces[index:]))
            if description and len(description.split()) <= 30:
                return Attribution("description", description[0].lower() + description[1:])
            return None
        if not re.match(r"(?:who|whose|whom|which|aged|\d)\b", piece):
            return None
    return None


# “who gave only his first name, Dara”, “identified only as Dara”; a name
# the story gives: “who asked to be called Bopha”, “using the pseudonym Kanha”.
GIVEN_NAME = re.compile(
    r"\b(?:(?:(?:first|given|last|family)\s+)?name|identified\s+(?:only\s+)?as|known\s+only\s+as|"
    r"asked\s+to\s+be\s+(?:called|named|identified\s+as|referred\s+to\s+as|known\s+as)|"
    r"(?:goes|went)\s+by|(?:the\s+)?pseudonym)"
    r"(?:\s+as|\s+is)?\s*,?\s+([A-Z][a-z\u00c0-\u024f'’\-]+)\b(?!\s+[A-Z])"
)


def lone_name(text):
    """
    A single capitalised word right before the verb or its apposition
    (“Sophea, a machine operator, said”) is a short name, unless it reads as
    a plural (“Villagers said”).
    """
    match = re.match(r"\s*([A-Z][a-z\u00c0-\u024f'’\-]+)(?=\s*(?:,|$))", text)
    if match and not match[1].endswith("s") and match[1] not in FUNCTION_WORDS:
        return {match[1]}
    # “a driver, who gave only his first name, Vibol, said”.
    match = GIVEN_NAME.search(text)
    return {match[1]} if match else set()


# Words that make a capitalised phrase an organization speaking as itself:
# “Lawyers for Open Courts said that …”.
ORGANIZATION_WORDS = frozenset(
    re.findall(
        r"\w+",
        """
    Rights Watch Group Party Ministry Council Committee Association Alliance Centre Center
    Institute Federation Union Network Foundation Organization Organisation Forum
    Commission Coalition Fund Agency Embassy Parliamentarians Movement Society League
    International Witness
    """,
    )
)
# An organization's short name in capitals: “UNICEF”, “H&M”, “RSF”; not a title (“PM”).
ACRONYM = re.compile(r"[A-Z](?:[A-Z0-9]|&(?=[A-Z]))+")
# A capitalised name at the end of a clause, after an optional “Paris-based”,
# with its short name in brackets after it if the story gives one:
# “Paris-based Reporters sans Frontières (RSF)”.
ORGANIZATION_AT_END = re.compile(
    r"(?:^\s*|,\s*|\b(?:and|but|that)\s+)(?:(?:[A-Z][\w’']*\s)?[A-Z][\w’']*-based\s+)?"
    r"((?:the\s+)?[A-Z][\w’'&.\-]*"
    r"(?:\s+(?:(?:of|for|and|on|the|sans|without|de|du|des)\s+)*[A-Z][\w’'&.\-]*)*)"
    r"(\s*\([A-Z][A-Z0-9&]{1,9}\))?\s*$"
)


def is_acronym(word):
    """Whether ``word`` is an organization's short name in capitals, not a title."""
    return bool(ACRONYM.fullmatch(word)) and word not in TITLE_WORDS


def organization_before(text):
    """
    An organization named at the end of ``text``, speaking as itself, or
    ``None``: a name holding a word such as “Ministry” or “Watch”, a short
    name in capitals, or a name the story gives its short name after.
    """
    match = ORGANIZATION_AT_END.search(text.rstrip())
    if match and (ORGANIZATION_WORDS & set(match[1].split()) or match[2] or is_acronym(match[1])):
        return Attribution("source", match[1])
    return None


# “…,” Phnom Penh said in a statement; “Washington said”: a capital or a
# country speaking is its government, never a person nor the last one named.
GOVERNMENT_SEATS = frozenset(
    seat.strip()
    for seat in [
        "\n    Phnom Penh",
        "Washington",
        "Beijing",
        "Bangkok",
        "Hanoi",
        "Vientiane",
        "Tokyo",
        "Seoul",
        "Pyongyang",
        "Moscow",
        "\n    London",
        "Paris",
        "Berlin",
        "Brussels",
        "Canberra",
        "Ottawa",
        "New Delhi",
        "Jakarta",
        "Manila",
        "Kuala Lumpur",
        "\n    Singapore",
        "Naypyitaw",
        "Naypyidaw",
        "Taipei",
        "Kyiv",
        "Kiev",
        "Tehran",
        "Dhaka",
        "Islamabad",
        "Wellington",
        "\n    Cambodia",
        "Thailand",
        "Vietnam",
        "Laos",
        "China",
        "Japan",
        "Russia",
        "India",
        "Myanmar",
        "Indonesia",
        "Malaysia",
        "\n    the Philippines",
        "Australia",
        "France",
        "Britain",
        "Germany",
        "Canada",
        "Ukraine",
        "South Korea",
        "\n    North Korea",
        "the United States",
        "the US",
        "the U.S.",
        "the UK",
        "the EU",
        "Taiwan\n    ",
    ]
)
GOVERNMENT_AT_END = re.compile(
    r"(?:^\s*|[,\x00]\s*|\b(?:and|but|that|while)\s+)"
    r"((?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)?)\s*$"
)


def government_before(text):
    """A capital city or country at the end of ``text``, speaking for its government."""
    match = GOVERNMENT_AT_END.search(text.rstrip())
    if match is None:
        return None
    seat = re.sub(r"^The\b", "the", match[1])
    return Attribution("source", match[1]) if seat.strip() in GOVERNMENT_SEATS else None


def described_by_given_name(text, name):
    """
    The description of someone known only by a given name: “A seller at the
    river port, who gave only her first name, Sreymom,” → “A seller at the river port”.
    """
    match = GIVEN_NAME.search(text)
    if match is None or match[1] != name:
        return ""
    return clean_description(re.split(r",?\s+who\b", text[: match.start()])[0])


def document_of(found, clause):
    """“In a new report by …, researchers found”: the report speaks, not its researchers."""
    document = DOCUMENT.search(clause)
    if found.kind != "description" or not RESEARCHERS.fullmatch(found.text) or not document:
        return found
    words = clean_description(clause[document.start() :].split(",")[0])
    return Attribution("source", words, how=found.how)


# Words a description does not end on.
DANGLING = frozenset(
    ["a", "an", "the", "in", "on", "at", "of", "for", "from", "with", "by", "to", "and", "or"]
)


# “In a clip shared online, a woman …”: where, before an unnamed subject.
PLACE_OPENING = re.compile(
    r"^\s*(?:In|On|At|From|During|Inside|Outside)\s+[^,\x00]{3,80},\s*"
    r"(?=(?:a|an|one|another)\s)"
)


def leading_description(text):
    """
    An unnamed subject opening a clause: “one of the guards pushed him
    away”, “In the video, a woman in a T-shirt waves”.
    """
    text = PLACE_OPENING.sub("", text)
    words = text.split()
    if not DESCRIPTION_START.match(text.strip()):
        return None
    kept = words[:1]
    for word in words[1:9]:
        # “a vendor in a T-shirt”: a capital and a hyphen make a common noun.
        # “a Chinese man”: a nationality or an institution is no name.
        if word.rstrip(",;:") not in NOT_PERSON_WORDS and re.fullmatch(
            r"(?:[a-z]{3,}ed|was|is|were|are|had|has|who|which|that|(?![A-Z]-[a-z])[^a-z].*)", word
        ):
            break
        if len(kept) > 2 and re.fullmatch(r"[a-z]{2,}ing", word):
            break  # “a vendor in a T-shirt waving at …”: what one does is no part of them.
        kept.append(word.rstrip(",;:"))
        if word[-1] in ",;:":
            break
    while len(kept) > 2 and kept[-1] in DANGLING:
        kept.pop()  # “a vendor in a”, cut before a name: “a vendor”.
    if len(kept) < 2:
        return None
    description = " ".join(kept)
    return Attribution("description", description[0].lower() + description[1:])


SUBORDINATE = re.compile(
    r"\b(?:just\s+as|as|while|when|because|although|though|if|since|whereas|after|before|"
    r"like)\s+[^,;\x00]*$",
    re.IGNORECASE,
)


def in_closed_subordinate(clause, verb):
    """Whether ``verb`` is in a clause (“just as X did …,”) that ends before the quote."""
    return bool(
        SUBORDINATE.search(clause[: verb.start()])
        and re.fullmatch(r"\s+[^,;:\x00]*\w[^,;:\x00]*,\s*", clause[verb.end() :])
    )


REMARKS = r"(?:remarks?|comments?|words|statements?|claims?|speech|assertions?|warnings?|pledges?)"
REMARKS_OF = re.compile(
    rf"\b{REMARKS}\s+(?:made\s+)?(?:from|by|of)\s+(?P<owner>[^\x00,;]{{2,80}}?)\s+"
    r"(?:saying|that|claiming|calling|describing)\b[^\x00;]*$"
    rf"|(?P<possessor>\b[A-Z][^\x00,;]{{1,60}}?)['’]s?\s+(?:[a-z]+\s+)?{REMARKS}\s+"
    r"(?:that|saying|claiming|calling)\b[^\x00;]*$"
)


def remarks_owner(clause, directory, known_short):
    """
    “remarks from Governor Keo Sam saying the road would flood nobody
    “…””, “Sok Dara's claim that …“…””: the words are the named speaker's.
    """
    match = REMARKS_OF.search(clause)
    if match is None:
        return None
    owner = (match["owner"] or match["possessor"]).strip()
    names = names_in(owner, directory, known_short)
    if not names or names[-1][2] != len(owner):
        return None
    name, start, _end = names[-1]
    role = role_in_front(owner[:start]) if start else ""
    if start and not (role and owner[:start].rstrip().endswith(role)):
        return None
    return Attribution("name", name, role=role, how="sentence")


# “said the verdict pronounced by presiding judge Keo Vanna”: words read out
# are the reader's; a document only signed or issued stays the document's.
READ_OUT_BY = re.compile(
    r"^(?:the|a|an|his|her|its)\s+(?:[a-z’'\-]+\s+){0,2}(?:verdict|ruling|judgment|judgement|"
    r"decision|sentence|statement|speech|address|message|announcement|declaration)\s+"
    r"(?:pronounced|read(?:\s+out)?|delivered|announced|given)\s+by\s+(?P<reader>.+)$"
)


def reader_of(description, directory, known_short):
    """The person who read out the document ``description`` names, as an ``Attribution``."""
    match = READ_OUT_BY.match(description)
    if match is None:
        return None
    reader = match["reader"].rstrip(" .,")
    names = names_in(reader, directory, known_short)
    if not names or names[-1][2] != len(reader):
        return None
    name, start, _end = names[-1]
    role = role_in_front(reader[:start]) if start else ""
    # Too few cases yet to sit at the threshold: checked.
    return Attribution("name", name, role=role, how="sentence")
