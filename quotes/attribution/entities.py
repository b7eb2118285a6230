"""
Who a story quotes: a named person, an unnamed source, a group, or a
publication, document or organization speaking as such.

``Entity`` is one of them as the story writes them; ``description_kind``
tells which of the last three a description is; ``title_matches`` whether
“the premier”, “the minister” or “the father of three” is what the story
called a person.
"""

import dataclasses
import re

FEMALE, MALE = "f", "m"
PERSON, GROUP, SOURCE = "person", "group", "source"


def _word_set(text):
    return frozenset(text.split())


# The head of a description that names a publication, a document or an
# institution rather than a person: “according to the newspaper's report”,
# “the ministry said in a statement”, “it added”.
SOURCE_HEADS = _word_set(
    """
    report reports statement statements letter post article newspaper paper daily weekly
    outlet website broadcast document documents complaint lawsuit petition verdict ruling
    indictment decision announcement notice directive circular order filing study survey
    analysis release memo summons warrant judgment judgement transcript video book
    invitation invitations summonses warrants notices orders letters decree decrees
    ministry court company firm government agency organization organisation group union
    association council committee commission department office embassy police tribunal
    administration authority party coalition network alliance bank fund programme program
    institute centre center foundation network radio television station broadcaster
    watchdog observatory newspaper's note notes communique communiqué memorandum cable
    ministry's court's company's report's
    """
)
# Words that make a description a group of people: never “he” or “she”.
GROUP_HEADS = _word_set(
    """
    villagers residents families workers farmers protesters officials activists
    authorities police monks fishermen vendors relatives parents teachers students
    witnesses neighbours neighbors members lawyers people others representatives
    """
)
FEMALE_WORDS = _word_set(
    "woman mother wife daughter sister she her grandmother girl widow aunt "
    "businesswoman spokeswoman chairwoman congresswoman nun"
)
MALE_WORDS = _word_set(
    "man father husband son brother he his monk grandfather boy widower uncle "
    "businessman spokesman chairman congressman"
)
# Titles that mean the same office.
TITLE_SYNONYMS = [
    (re.compile(r"\bpremier\b"), "prime minister"),
    (re.compile(r"\bpm\b"), "prime minister"),
    (re.compile(r"\bspokes(?:woman|person)\b"), "spokesman"),
    (re.compile(r"\bchair(?:woman|person)?\b"), "chairman"),
    (re.compile(r"\bmagistrate\b"), "judge"),
]
# A word before a title that makes it another office: a deputy governor is
# not “the governor”, nor a prime minister “the minister”.
OTHER_OFFICE = _word_set("prime deputy vice former assistant acting secretary under")
# Honorifics that are also offices: “the Bishop” is the Bishop named before.
OFFICE_HONORIFICS = _word_set("bishop archbishop cardinal monsignor general colonel")
ARTICLE = re.compile(r"^(?:a|an|the|another|one|one of the)\s+", re.IGNORECASE)


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
    kind: str = PERSON  # PERSON, GROUP or SOURCE (a publication, document or institution).

    @property
    def label(self):
        return self.name or self.description

    @property
    def is_person(self):
        return self.kind == PERSON and not self.plural

    def tokens(self):
        return self.name.split()

    def offices(self):
        """
        The title and role as comparable words: “Prime Minister” → “prime
        minister”; an honorific that is an office (“Bishop”) too.
        """
        held = normal_office(self.honorific.rstrip("."))
        held = held if held in OFFICE_HONORIFICS else ""
        return [
            office
            for office in (normal_office(self.title), normal_office(self.role), held)
            if office
        ]


def words_of(text):
    return re.findall(r"[a-z]+(?:['’][a-z]+)?", text.casefold())


def gender_in(description):
    """The gender a description gives (“a mother of three”: a woman), or ""."""
    head = re.split(r"\s+(?:who|whose|whom|which|that)\s", description)[0]
    for text in (head, description):
        words = set(words_of(text))
        if words & FEMALE_WORDS:
            return FEMALE
        if words & MALE_WORDS:
            return MALE
    return ""


def description_kind(description):
    """PERSON, GROUP or SOURCE, from the description's head word (“a statement from …”)."""
    # “the report posted on the ministry's page”: a participle after the head word ends it.
    clause = re.split(
        r"\s+(?:who|which|that|whose|whom|of|for|at|from|in|on|with|by|to|near"
        r"|[a-z]+ed\s+(?:on|by|in|at|to|from|last|this|earlier))\s",
        f" {description} ",
    )[0]
    words = words_of(clause)
    if not words:
        return PERSON
    head = re.sub(r"['’]s$", "", words[-1])
    if head in SOURCE_HEADS:
        return SOURCE
    if head in GROUP_HEADS or (
        head.endswith("s") and head not in MALE_WORDS | FEMALE_WORDS and len(words) == 1
    ):
        return GROUP
    return PERSON


def normal_office(text):
    """A title or role as comparable words, synonyms made one: “the premier” → “prime minister”."""
    text = " ".join(words_of(ARTICLE.sub("", text.strip())))
    for pattern, replacement in TITLE_SYNONYMS:
        text = pattern.sub(replacement, text)
    return text


def title_matches(description, entity):
    """
    How well a definite description (“the premier”, “the father of three”)
    fits what the story called ``entity``: 2 for the whole phrase, 1 for its
    last word, 0 for no fit. A title with another office's word in front
    (“deputy governor” for “the governor”) does not fit.
    """
    wanted = normal_office(description)
    if not wanted or not entity.name:
        return 0
    best = 0
    for office in entity.offices():
        for phrase, score in ((wanted, 2), (wanted.split()[-1], 1)):
            match = re.search(rf"(?:^|\s)({re.escape(phrase)})(?:\s|$)", office)
            if not match:
                continue
            before = office[: match.start(1)].split()
            if before and before[-1] in OTHER_OFFICE and before[-1] not in wanted.split():
                continue
            best = max(best, score)
            break
    return best
