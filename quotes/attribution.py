"""
Finding the direct quotes in a story and who said them.

``analyze(paragraphs)`` reads a story's paragraphs as a copy editor does and
returns one ``Finding`` per quoted passage: its words, its paragraph, the
speaker as the story names them (or describes an unnamed source), the role
the story gives them, how sure the reading is (0–100) and what a journalist
should check. It touches no database: ``articles.quoting.attribute_quotes``
turns the findings into Quote rows.

What it understands, in English news style:

- quotes in curly or straight double quotes, one or several sentences long,
  partial quotes inside a sentence, quotes running over several paragraphs;
- attribution after or before the quote: `…,” Sokha said.`, `…,” said
  Malin.`, `Sokha said: “…”`, `…,” he added.`, `she told reporters`,
  `according to Sokha`, with a role in apposition (`Chin Malin, spokesman
  for the Justice Ministry, said`) or in front (`Court spokesman Ros Vibol`);
- pronouns, resolved to the most recent person the story has put forward who
  fits (a person whose gender is not known yet fits either pronoun, and is
  then known by it);
- a quote paragraph without attribution continues the previous speaker, or
  belongs to the person the previous paragraph introduced;
- short names: “Sokha” is the person introduced as “Ny Sokha” (Cambodian
  names are family name first, so the short name ends the full name). When
  two people share it, the one the story already called by that short name
  wins, and the finding says so;
- unnamed sources: `a villager who asked not to be named said`, then
  `the villager said`.
"""

import dataclasses
import re

from people.names import honorific_gender, split_honorific

# Confidence, out of 100, for each way a speaker is found.
EXPLICIT_FULL_NAME = 95
EXPLICIT_SHORT_NAME = 90
DESCRIBED_SOURCE = 90
SAME_SENTENCE = 85
SAME_PARAGRAPH = 85
PRONOUN = 85
DEFINITE_DESCRIPTION = 80
CONTINUATION = 75
PRONOUN_GENDER_LEARNED = 70
INTRODUCED_BEFORE = 70
UNKNOWN_SHORT_NAME = 55
AMBIGUOUS_SHORT_NAME = 50
FALLBACK = 30
NO_SPEAKER = 0

FEMALE, MALE = "f", "m"
PRONOUNS = {"he": MALE, "she": FEMALE, "they": ""}

SPEECH_VERBS = [
    "said", "says", "added", "adds", "told", "tells", "asked", "asks",
    "explained", "explains", "noted", "notes", "stated", "states",
    "continued", "continues", "insisted", "insists", "warned", "warns",
    "recalled", "recalls", "claimed", "claims", "argued", "argues", "wrote",
    "writes", "posted", "replied", "replies", "responded", "responds",
    "urged", "urges", "declared", "stressed", "emphasised", "emphasized",
    "remarked", "concluded", "admitted", "acknowledged", "announced",
    "complained", "complains", "lamented", "vowed", "vows", "pointed out",
    "went on", "recounted", "testified", "cautioned", "conceded", "alleged",
    "reiterated", "demanded", "pleaded", "promised", "predicted", "confirmed",
    "denied", "maintained", "observed", "wondered", "whispered", "shouted",
    "called", "described", "according to",
]  # fmt: skip
# Verbs that may come before their subject (“…,” said Malin). Not “told”:
# in “told Sokha”, Sokha is the one spoken to.
INVERTED_VERBS = [
    "said", "says", "added", "adds", "asked", "asks", "explained", "noted",
    "continued", "wrote", "replied", "recalled", "insisted", "warned", "argued",
    "stated", "according to",
]  # fmt: skip
ADVERBS = r"(?:also|later|then|again|once|further|previously|earlier|simply|finally)"


def _alternatives(words):
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


# Not “so-called”: a verb joined to the word before it is no speech verb.
VERB = re.compile(rf"(?<![\w\-])(?:{_alternatives(SPEECH_VERBS)})\b", re.IGNORECASE)
INVERTED_VERB = re.compile(rf"(?<![\w\-])(?:{_alternatives(INVERTED_VERBS)})\b", re.IGNORECASE)
RELATIVE = re.compile(r"\b(?:who|which|that|whom)(?:\s+had|\s+has|\s+was)?\s*$", re.IGNORECASE)

LATIN_WORD = r"(?:[A-Z]\.(?:\s?[A-Z]\.)+|[A-Z][A-Za-z\u00c0-\u024f'’\-]*\.?)"
KHMER_WORD = r"[\u1780-\u17ff\u19e0-\u19ff]+"
NAME = rf"(?:{LATIN_WORD}(?:\s+{LATIN_WORD}){{0,5}}|{KHMER_WORD}(?:\s{KHMER_WORD}){{0,3}})"
NAME_RE = re.compile(NAME)


def _word_set(text):
    return frozenset(text.split())


# Capitalised words that start sentences, never names.
FUNCTION_WORDS = _word_set(
    """
    A An The In On At But And Or So Yet However Meanwhile Later Earlier Last This That
    These Those After Before When While During Since Although Though If As For With By
    From Under Over Following Despite Speaking Asked According It Its We I You They He
    She His Her Their Our My Your Who What Where Why How Today Tomorrow Yesterday Now
    Then There Here Some Many Most Several Both All Each Every One Two Three Another
    Other Others Such Also Still Even Instead Until Without Within Between Among Because
    Not No Nor Please Yes Thank Thanks Sir Madam Prosecutor Judge Police Officials
    """
)
# Words of places, days and institutions: a capitalised phrase holding one
# is not a person.
NOT_PERSON_WORDS = _word_set(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Ministry Ministries
    Minister Court Courts Party Council Committee Association Alliance Centre Center
    Institute Federation Union Company Radio Television Province Provincial District
    Commune Village Street Road River Lake Forest Pagoda Market School University
    Hospital Assembly Senate Government Department Office Police Army Group Bank
    Network Foundation Watch Organization Organisation Project Forum National Royal
    Kingdom Democratic Municipal Supreme Appeal House Hall Day Week Year Cambodia
    Cambodian Cambodians Khmer Thailand Thai Vietnam Vietnamese Laos China Chinese Japan
    Asia Asian Europe European America American Mekong Phnom Penh Siem Reap Sihanoukville
    Kampong Banteay Battambang Kampot Kandal Kep Koh Kratie Mondulkiri Oddar
    Meanchey Pailin Preah Vihear Prey Veng Pursat Ratanakiri Stung Treng Svay Rieng
    Takeo Tbong Khmum Sihanouk Facebook Telegram Twitter YouTube TikTok Newsroom
    Covid COVID Capital Airport Prison Station Agency Authority Administration Tribunal
    Secretariat Embassy Nations World International Independent Human Rights Justice
    Interior Labour Labor Environment Education Health Information Press Times Post
    News Daily Weekly Act Law Code Article Constitution Festival Bridge Dam Island
    Corporation Ltd Co Inc Factory Club League Coalition Fund Programme Program
    Commission Board Unit Division Service Services Tonle Sap Belt Zone Green Rice
    """
)
# What follows a person's name when the sentence is about them.
PERSON_LIKE = re.compile(
    r"^\s*(?:,|\b(?:spoke|is|was|has|had|lives|lived|lost|went|works|worked|runs|ran|"
    r"leads|led|heads|headed|fled|filed|joined|founded|became|remains|remained|arrived|"
    r"left|returned|sat|stood|showed|met|began|started|wants|wanted|hopes|hoped|fears|"
    r"feared|believes|believed|knows|knew|thinks|thought|waited|waits|listened|sells|"
    r"sold|teaches|taught|declined|refused|agreed|disagreed)\b|[a-z]+ed\b)"
)

ROLE_REFUSED = re.compile(
    r"^(?:who|which|whose|whom|when|where|while|as|in|on|at|during|after|before|for|"
    r"adding|noting|referring|speaking|pointing|according|and|but|because|though|"
    r"although|if|that|than|too|also|however|meanwhile|then|\d+$)\b"
)
ORGANIZATION_BEFORE_TITLE = re.compile(
    r"^(?:the\s+)?(?P<organization>(?:[A-Z][\w'’\-]*\s+){2,})(?P<title>[a-z][a-z \-]*)$"
)
ORGANIZATION_AFTER_TITLE = re.compile(
    r"^(?P<title>.+?)\s+(?:for|of|at|with|from|to)\s+(?:the\s+)?(?P<organization>[A-Z].*)$"
)
POSSESSIVE_ROLE = re.compile(r"^(?:the\s+)?(?P<organization>[A-Z][^,]*?)['’]s\s+(?P<title>.+)$")
ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
DESCRIPTION_START = re.compile(r"\b(?:a|an|the|one|another)\s+[a-z]", re.IGNORECASE)
PLACE_TAIL = re.compile(r"\s+(?:in|near)\s+[A-Z][\w'’\- ]*$")
SUBJECT_START = re.compile(
    r"^\s*,?\s*(?:he\b|she\b|they\b|a\s|an\s|the\s|one\s|another\s|[A-Z\u1780-\u17ff])",
)
TERMINAL = ".?!…"
# A role in apposition after a name, an age before it allowed: “, 58, the commune chief,”.
APPOSITIVE = re.compile(r"\s*,\s*(?:\d{1,3}\s*,\s*)?([^,\x00]+?)\s*,")
ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Ven|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
    r"Dec|Gen|Lt|Col|Capt|Sgt|Rev|Hon|Inc|Ltd|Co|vs|etc)|\b[A-Z])\.$"
)
INSIDE_ORGANIZATION = re.compile(
    r"(?:\b[Tt]he|\b(?:" + "|".join(sorted(NOT_PERSON_WORDS)) + r")\s+(?:of|for|on))\s+$"
)
# A quote's place in the text around it.
PLACEHOLDER = re.compile(r"\x00(\d+)\x01")
ANY_PLACEHOLDER = re.compile(r"\x00\d+\x01")


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


@dataclasses.dataclass
class Finding:
    """One quoted passage and who said it."""

    text: str
    paragraph: int  # 1-based, counting the body's paragraphs.
    entity: Entity | None
    confidence: int
    how: str
    note: str = ""
    written: str = ""  # The speaker as the attribution writes them: “Sokha”, “she”.

    @property
    def role(self):
        return self.entity.role if self.entity else ""


@dataclasses.dataclass
class Attribution:
    """A speaker as a sentence gives them, before they are identified."""

    kind: str  # "name", "pronoun" or "description"
    text: str
    role: str = ""
    how: str = "explicit"  # or "sentence": elsewhere in the quote's sentence


@dataclasses.dataclass
class QuoteSpan:
    text: str
    words: str
    closed: bool
    attribution: Attribution | None = None


@dataclasses.dataclass
class Mention:
    text: str
    role: str = ""
    salient: bool = False  # The sentence is about them: its subject, or introduced with a role.


@dataclasses.dataclass
class Event:
    start: int
    kind: str  # "quote", "subject" or "mention"
    item: object


@dataclasses.dataclass
class Paragraph:
    number: int
    starts_with_quote: bool
    events: list = dataclasses.field(default_factory=list)
    # Filled in while speakers are resolved:
    last_speaker: Entity | None = None
    introduces: Entity | None = None  # A subject named after the last quote.
    last_salient: Entity | None = None


class Directory:
    """
    What is known about people outside the story. The database-backed one
    in ``articles.quoting`` looks people up; this one knows nobody.
    """

    def gender_of(self, name):
        return ""

    def knows_short_name(self, name):
        return False


# -- Reading the text --------------------------------------------------------


def find_quote_spans(text):
    """
    Return ``(frame, spans)``: ``text`` with each quoted passage replaced by
    a placeholder, and the passages as ``(words, closed)``. A quote still
    open at the end of the paragraph runs on into the next one.
    """
    spans, frame = [], []
    position, opened, mark = 0, None, ""
    for index, character in enumerate(text):
        if opened is None:
            if character == "“" or (character == '"' and _opens_straight(text, index)):
                frame.append(text[position:index])
                opened, mark = index + 1, character
        elif (mark == "“" and character == "”") or (mark == '"' and character == '"'):
            frame.append(f"\x00{len(spans)}\x01")
            spans.append((text[opened:index], True))
            position, opened = index + 1, None
    if opened is not None:
        frame.append(f"\x00{len(spans)}\x01")
        spans.append((text[opened:], False))
    else:
        frame.append(text[position:])
    return "".join(frame), spans


def _opens_straight(text, index):
    """A straight quote opens at the start of a word, not after one (an inch mark)."""
    return index == 0 or text[index - 1].isspace() or text[index - 1] in "([{—–-:,;"


def split_sentences(frame, spans):
    """
    Split a paragraph's frame into ``(offset, sentence)`` pairs, never inside
    a quote. A quote ending in a full stop ends its sentence when a capital
    letter or another quote follows.
    """
    boundaries = []
    for match in re.finditer(r"([.?!…])\s+(?=[A-Z\u1780-\u17ff“\"\x00])", frame):
        if not ABBREVIATION.search(frame[: match.start() + 1]):
            boundaries.append((match.start() + 1, match.end()))
    for match in re.finditer(r"\x00(\d+)\x01(\s+)(?=[A-Z\u1780-\u17ff\x00])", frame):
        words = spans[int(match[1])][0].rstrip()
        if words.endswith(tuple(TERMINAL)):
            boundaries.append((match.end(1) + 1, match.end()))
    sentences, position = [], 0
    for end, next_start in sorted(boundaries):
        sentences.append((position, frame[position:end]))
        position = next_start
    sentences.append((position, frame[position:]))
    return [(offset, piece) for offset, piece in sentences if piece.strip()]


def clean_quote(words):
    """The quoted words as a Quote stores them: no closing comma or full stop."""
    words = " ".join(words.split()).strip(' “”"')
    if words.endswith((",", ";", ":")) or (words.endswith(".") and not words.endswith("..")):
        words = words[:-1]
    return words.rstrip()


def _is_person_name(name, directory, known_short):
    """Whether ``name`` (its honorific apart) reads as a person's name."""
    words = name.split()
    if not words or len(words) > 4:
        return False
    if words[0] in FUNCTION_WORDS:
        return False
    if any(word.rstrip(".").strip("'’") in NOT_PERSON_WORDS for word in words):
        return False
    if len(words) == 1:
        word = words[0]
        return (
            word in known_short
            or directory.knows_short_name(word)
            or bool(re.fullmatch(KHMER_WORD, word))
        )
    return True


def _names_in(text, directory, known_short):
    """Every person's name in ``text``, as ``(name, start, end)``; an honorific stays with it."""
    found = []
    for match in NAME_RE.finditer(text):
        candidate = match[0]
        end = match.end()
        if candidate.endswith(".") and not re.search(r"(?:^|\s)(?:[A-Z]\.)+$", candidate):
            candidate, end = candidate[:-1], end - 1
        # A possessive names someone else: “Sokha's lawyer”.
        if text[end : end + 2] in {"'s", "’s"}:
            continue
        words = candidate.split()
        while words and words[0] in FUNCTION_WORDS:
            words.pop(0)
        candidate = " ".join(words)
        if not candidate:
            continue
        start = end - len(candidate)
        if INSIDE_ORGANIZATION.search(text[:start]):
            # “the Land Alliance”, “Ministry of Natural Resources”: not people.
            continue
        honorific, bare = split_honorific(candidate)
        if bare and _is_person_name(bare, directory, known_short):
            found.append((candidate, start, end))
    return found


def parse_role(role):
    """
    Split a role as written into ``(title, organization)``: “spokesman for
    the Justice Ministry”, “the Justice Ministry's spokesman” and “Justice
    Ministry spokesman” all give ``("spokesman", "Justice Ministry")``; “a
    rice farmer in Takeo province” gives ``("rice farmer in Takeo province", "")``.
    """
    role = " ".join(role.split()).strip(" ,.;")
    role = re.sub(r"^\d{1,3},\s*", "", role)
    for pattern in (POSSESSIVE_ROLE, ORGANIZATION_BEFORE_TITLE):
        match = pattern.match(role)
        if match:
            return ARTICLE.sub("", match["title"]).strip(), match["organization"].strip()
    match = ORGANIZATION_AFTER_TITLE.match(role)
    if match:
        title, organization = ARTICLE.sub("", match["title"]).strip(), match["organization"]
        # The name ends at a clause: “…, which”, “… who”, “… and a former …”.
        organization = re.split(
            r",|\s+(?:who|which|whose|since|until)\s|\s+and\s+(?=[a-z])", organization
        )[0]
        organization = PLACE_TAIL.sub("", organization)
        possessive = re.match(r"(.+?)['’]s\s+(.+)$", organization)
        if possessive:
            # “member of the National Assembly's human rights commission”
            title = f"{title} of the {possessive[2]}"
            organization = possessive[1]
        return title, organization.strip()
    return ARTICLE.sub("", role), ""


def _role_or_empty(text):
    """``text`` if it reads as a role in apposition (“a farmer”, “spokesman for …”)."""
    text = " ".join(text.split()).strip(" ,.;")
    text = re.sub(r"^\d{1,3},\s*", "", text) if re.match(r"^\d{1,3},\s*\w", text) else text
    if not text or "\x00" in text or ROLE_REFUSED.match(text) or len(text.split()) > 20:
        return ""
    return text


def _subject_before(text, directory, known_short):
    """
    The speaker at the end of ``text``, which stops just before a speech
    verb: a pronoun, a name with an optional role in apposition, or a
    description of an unnamed source. ``None`` if there is none.
    """
    text = text.rstrip()
    if RELATIVE.search(text):
        # “a villager who asked not to be named”: the verb belongs to a clause.
        return None
    match = re.search(rf"\b(he|she|they)(?:\s+{ADVERBS})?$", text, re.IGNORECASE)
    if match:
        return Attribution("pronoun", match[1].lower())
    for name, start, end in _names_in(text, directory, known_short | _lone_name(text)):
        rest = text[end:]
        if re.fullmatch(rf"(?:\s+{ADVERBS})?\s*,?\s*", rest):
            return Attribution("name", name, role=_role_in_front(text[:start]))
        appositive = re.fullmatch(rf"\s*,\s*(.+?)\s*,(?:\s*{ADVERBS})?\s*", rest, re.DOTALL)
        if appositive:
            return Attribution("name", name, role=_role_or_empty(appositive[1]))
    clause = re.split(r"[;:]|,\s+(?=[A-Z]|and\b|but\b)", text)[-1]
    match = DESCRIPTION_START.search(clause)
    if match and "\x00" not in clause:
        description = clause[match.start() :].strip(" ,")
        if len(description.split()) <= 30:
            return Attribution("description", description[0].lower() + description[1:])
    # “Villagers said”: people the story does not name.
    match = re.search(r"(?:^|[,;]\s*)([A-Z]?[a-z]+s)$", text.strip())
    if match and match[1] not in FUNCTION_WORDS:
        return Attribution("description", match[1].lower())
    return None


def _role_in_front(text):
    """A role written in front of a name: “Court spokesman” in “Court spokesman Ros Vibol”."""
    match = re.search(
        r"(?:^|[,;]\s*|\b(?:and|but|while)\s+)((?:[A-Z][\w'’\-]*\s+)+[a-z][a-z \-]*?)\s*$", text
    )
    if match and not _only_function_words(match[1]):
        return match[1].strip()
    return ""


def _lone_name(text):
    """
    A single capitalised word right before the verb or its apposition
    (“Sophea, a machine operator, said”) is a short name, unless it reads as
    a plural (“Villagers said”).
    """
    match = re.match(r"\s*([A-Z][a-z\u00c0-\u024f'’\-]+)(?=\s*(?:,|$))", text)
    if match and not match[1].endswith("s") and match[1] not in FUNCTION_WORDS:
        return {match[1]}
    return set()


def _subject_after(text, directory, known_short):
    """
    The speaker right after an inverted speech verb: “said Malin”, “said
    Chin Malin, spokesman for the Justice Ministry”, “said a villager who …”.
    """
    text = ANY_PLACEHOLDER.split(text)[0].strip()
    match = re.match(r"(he|she|they)\b", text)
    if match:
        return Attribution("pronoun", match[1])
    names = _names_in(text, directory, known_short)
    if names and names[0][1] == 0:
        name, _start, end = names[0]
        rest = text[end:]
        role = ""
        if rest.startswith(","):
            role = _role_or_empty(re.split(r"[.;](?:\s|$)", rest[1:])[0])
        return Attribution("name", name, role=role)
    match = re.match(r"(?:a|an|the|one|another)\s+[A-Za-z].*", text)
    if match:
        description = re.split(r"[.;](?:\s|$)", match[0])[0].strip(" ,.")
        if len(description.split()) <= 30:
            return Attribution("description", description)
    return None


def _attribution_after(after, directory, known_short):
    """Attribution right after a quote: “…,” Sokha said. / “…,” said Malin."""
    match = re.match(r"\s*,?\s*(" + INVERTED_VERB.pattern + r")\s+(.*)$", after, re.DOTALL)
    if match and not re.match(r"\s*,?\s*according to", after, re.IGNORECASE):
        found = _subject_after(match[2], directory, known_short)
        if found:
            return found
    match = re.match(r"\s*,?\s*according to\s+(.*)$", after, re.DOTALL | re.IGNORECASE)
    if match:
        return _subject_after(match[1], directory, known_short)
    verb = VERB.search(after)
    if verb is None or "\x00" in after[: verb.start()] or verb.start() > 200:
        return None
    leading = after[: verb.start()]
    if not leading.strip() or not SUBJECT_START.match(leading):
        return None
    return _subject_before(leading, directory, known_short)


def _attribution_before(clause, directory, known_short):
    """Attribution in the clause leading to a quote: Sokha said: “…” / He added, “…”."""
    if not clause.strip():
        return None
    verbs = list(VERB.finditer(clause))
    if verbs:
        verb = verbs[-1]
        found = _subject_before(clause[: verb.start()], directory, known_short)
        if found is None and INVERTED_VERB.fullmatch(verb[0]):
            found = _subject_after(clause[verb.end() :], directory, known_short)
        if found:
            found.how = "explicit" if re.search(r"[:,]\s*$", clause) else "sentence"
        return found
    if re.search(r":\s*$", clause):
        # An introduction ending in a colon: “Sokha described the morning:”.
        names = _names_in(clause, directory, known_short)
        if names:
            found = Attribution("name", names[0][0], how="sentence")
            appositive = re.match(r"\s*,\s*([^,]+?)\s*,", clause[names[0][2] :])
            if appositive:
                found.role = _role_or_empty(appositive[1])
            return found
    return None


def _attribution_in_sentence(sentence, start, directory, known_short):
    """For a partial quote: a speech verb anywhere in its sentence, nearest first."""
    verbs = sorted(VERB.finditer(sentence), key=lambda verb: abs(verb.start() - start))
    for verb in verbs:
        clause_start = sentence.rfind("\x01", 0, verb.start()) + 1
        found = _subject_before(sentence[clause_start : verb.start()], directory, known_short)
        if found is None and INVERTED_VERB.fullmatch(verb[0]):
            found = _subject_after(sentence[verb.end() :], directory, known_short)
        if found:
            found.how = "sentence"
            return found
    return None


def attribution_for(sentence, start, end, directory, known_short):
    """
    Who ``sentence`` says spoke the quote whose placeholder is at
    ``start:end``: an ``Attribution``, or ``None`` if the sentence does not say.
    """
    found = _attribution_after(sentence[end:], directory, known_short)
    if found:
        return found
    clause = ANY_PLACEHOLDER.split(sentence[:start])[-1]
    found = _attribution_before(clause, directory, known_short)
    if found:
        return found
    return _attribution_in_sentence(sentence, start, directory, known_short)


def _subject_of_sentence(sentence, directory, known_short):
    """Who a sentence without quotes is about, when it names its subject first."""
    text = sentence.strip()
    for verb in VERB.finditer(text):
        found = _subject_before(text[: verb.start()], directory, known_short)
        if found:
            return found
        if not RELATIVE.search(text[: verb.start()]):
            break
    match = re.match(r"(He|She)\b", text)
    if match:
        return Attribution("pronoun", match[1].lower())
    names = _names_in(text, directory, known_short)
    if not names:
        return None
    name, start, end = names[0]
    in_front = _role_in_front(text[:start])
    if not (in_front or _only_function_words(text[:start])):
        return None
    rest = text[end:]
    appositive = APPOSITIVE.match(rest)
    role = _role_or_empty(appositive[1]) if appositive else in_front
    if role or PERSON_LIKE.match(rest):
        return Attribution("name", name, role=role)
    return None


def _only_function_words(text):
    return all(word.strip(",") in FUNCTION_WORDS for word in text.split())


def _is_scare_quote(span, sentence):
    """
    A few words in quotes that nobody is said to say are a name or a term
    (the so-called “Green Belt”), not a quote.
    """
    if span.attribution is not None or not span.closed:
        return False
    return len(span.words.split()) <= 3 and not re.search(r"[.?!,]$", span.words.strip())


def read_paragraph(number, text, directory, known_short):
    """The quotes, sentence subjects and names of one paragraph, in reading order."""
    frame, spans = find_quote_spans(text)
    paragraph = Paragraph(number, starts_with_quote=frame.startswith("\x00"))
    for offset, sentence in split_sentences(frame, spans):
        placeholders = list(PLACEHOLDER.finditer(sentence))
        attributed = set()
        for match in placeholders:
            words, closed = spans[int(match[1])]
            span = QuoteSpan(clean_quote(words), words, closed)
            span.attribution = attribution_for(
                sentence, match.start(), match.end(), directory, known_short
            )
            if span.attribution:
                attributed.add(span.attribution.text)
            if span.text and not _is_scare_quote(span, sentence):
                paragraph.events.append(Event(offset + match.start(), "quote", span))
        if not placeholders:
            subject = _subject_of_sentence(sentence, directory, known_short)
            if subject:
                paragraph.events.append(Event(offset, "subject", subject))
                attributed.add(subject.text)
        plain = ANY_PLACEHOLDER.sub(lambda match: " " * len(match[0]), sentence)
        for name, start, end in _names_in(plain, directory, known_short):
            if name in attributed:
                continue
            rest = sentence[end:]
            appositive = APPOSITIVE.match(rest)
            role = _role_or_empty(appositive[1]) if appositive else ""
            salient = bool(role or PERSON_LIKE.match(rest)) or _only_function_words(
                sentence[:start]
            )
            role = role or _role_in_front(sentence[:start])
            paragraph.events.append(
                Event(offset + start, "mention", Mention(name, role=role, salient=salient))
            )
    paragraph.events.sort(key=lambda event: event.start)
    return paragraph


# -- Identifying speakers ----------------------------------------------------


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


def _known_short_names(paragraphs, directory):
    """The last word of every full name in the story: what its short names may be."""
    short = set()
    for text in paragraphs:
        frame, _spans = find_quote_spans(text)
        plain = ANY_PLACEHOLDER.sub(" ", frame)
        for name, _start, _end in _names_in(plain, directory, set()):
            words = split_honorific(name)[1].split()
            if len(words) > 1:
                short.add(words[-1])
    return short


def analyze(paragraphs, directory=None):
    """
    Find every direct quote in ``paragraphs`` (the body's paragraphs, in
    order) and who said it. Return a list of ``Finding``, in reading order.
    """
    directory = directory or Directory()
    known_short = _known_short_names(paragraphs, directory)
    read = [
        read_paragraph(number, text, directory, known_short)
        for number, text in enumerate(paragraphs, start=1)
    ]
    cast = Cast(directory)
    findings = []
    for index, paragraph in enumerate(read):
        previous = read[index - 1] if index else None
        following = read[index + 1] if index + 1 < len(read) else None
        findings.extend(_resolve_paragraph(cast, paragraph, previous, following))
    return findings


def _resolve_paragraph(cast, paragraph, previous, following):
    findings = []
    context = None  # The latest speaker or sentence subject in this paragraph, and which.
    for event in paragraph.events:
        if event.kind == "mention":
            entity, _confidence, _note = cast.named(event.item.text, event.item.role)
            cast.touch(entity, salient=event.item.salient)
            if event.item.salient:
                paragraph.last_salient = entity
        elif event.kind == "subject":
            entity, _confidence, _note = cast.resolve(event.item)
            if entity is not None:
                cast.touch(entity)
                context = (entity, "subject")
                paragraph.last_salient = entity
        else:
            finding = _resolve_quote(cast, event.item, paragraph, context, previous, following)
            if finding.entity is not None:
                cast.touch(finding.entity)
                context = (finding.entity, "quote")
                paragraph.last_speaker = finding.entity
            findings.append(finding)
    if context and context[1] == "subject":
        paragraph.introduces = context[0]
    return findings


def _resolve_quote(cast, span, paragraph, context, previous, following):
    number = paragraph.number
    if span.attribution is not None:
        entity, confidence, note = cast.resolve(span.attribution)
        if span.attribution.how == "sentence":
            confidence = min(confidence, SAME_SENTENCE)
        return Finding(
            span.text, number, entity, confidence, span.attribution.kind, note,
            written=span.attribution.text,
        )  # fmt: skip
    if not span.closed and following is not None and following.starts_with_quote:
        # A quote running on into the next paragraph, attributed there.
        ahead = next((event.item for event in following.events if event.kind == "quote"), None)
        if ahead is not None and ahead.attribution is not None:
            entity, confidence, note = cast.resolve(ahead.attribution)
            return Finding(
                span.text, number, entity, min(confidence, CONTINUATION), "runs on", note
            )
    if context is not None:
        return Finding(
            span.text, number, context[0], SAME_PARAGRAPH, f"same paragraph {context[1]}"
        )
    if previous is not None:
        if previous.introduces is not None:
            return Finding(span.text, number, previous.introduces, INTRODUCED_BEFORE, "introduced")
        if previous.last_speaker is not None:
            return Finding(span.text, number, previous.last_speaker, CONTINUATION, "continuation")
        if previous.last_salient is not None:
            return Finding(
                span.text, number, previous.last_salient, INTRODUCED_BEFORE, "introduced"
            )
    entity = cast.latest()
    if entity is None:
        return Finding(
            span.text, number, None, NO_SPEAKER, "none", "No speaker found: say who said this."
        )
    note = f"No attribution near this quote; {entity.label}, the last person named, was taken."
    return Finding(span.text, number, entity, FALLBACK, "fallback", note)
