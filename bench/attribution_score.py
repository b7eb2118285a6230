"""
Scoring quote attribution against hand-written answer keys.

A key is a story's quotes in reading order, each an ``opening`` (the first
words of the quote), a ``speaker`` and, where the story gives one, a
``role``. Speakers are written three ways:

- a named person by full name, without honorific: ``"Ouch Leang"``;
- an unnamed source: ``"unnamed: a villager who asked not to be named"``;
- a publication, document or organisation speaking as itself:
  ``"source: Licadho report"``.

``score_story`` matches the finder's ``Finding`` objects to a key and
returns a ``StoryScore``; ``Tally`` adds scores up for a report. Nothing
here touches the database or reads files: ``bench/attribution.py`` does.
"""

import dataclasses
import re
import unicodedata

from people.names import split_honorific

UNNAMED = "unnamed:"
_KHMER = re.compile(r"[\u1780-\u17ff]")
SOURCE = "source:"
# Bands of confidence for the calibration table: (label, lowest, highest).
BANDS = [
    ("0–49", 0, 49),
    ("50–69", 50, 69),
    ("70–79", 70, 79),
    ("80–89", 80, 89),
    ("90–100", 90, 100),
]

_QUOTE_MARKS = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‹": "'",
        "›": "'",
        "‘": "'",
        "’": "'",
        "`": "'",
        "\u200b": "",  # Zero-width space, common in Khmer text.
    }
)
# Words before the head noun of an unnamed source: “one of the security guards”.
_DETERMINERS = re.compile(
    r"^(?:(?:one|two|three|some|several|many|each|any) of )?"
    r"(?:a|an|the|one|some|two|three|several|his|her|their)\s+",
    re.IGNORECASE,
)
_CLAUSE = re.compile(
    r"\s+(?:who|that|which|with|of|from|in|at|on|for|close|familiar|speaking|,)\b|,", re.IGNORECASE
)
# Words that say what kind of source, not whose.
_GENERIC = {
    "report", "statement", "article", "story", "letter", "study", "survey", "paper",
    "newspaper", "document", "release", "ministry", "the", "a", "an", "of", "its", "press",
    "note", "communique", "memorandum", "cable", "notice", "announcement", "circular",
    "complaint", "lawsuit", "petition", "verdict", "ruling", "indictment", "decision",
    "directive", "filing", "decree", "judgment", "judgement", "summons", "warrant",
}  # fmt: skip


def normalize_text(text):
    """Text for comparing openings: straight quote marks, no quote marks at the ends, one case."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_MARKS)
    text = " ".join(text.split()).casefold()
    return text.strip(" \"'.,;:…-–—")


def _squash(text):
    """A name with its spacing and case ignored."""
    return "".join(unicodedata.normalize("NFC", text).split()).casefold().replace(".", "")


# Khmer titles written before a name that ``people.names`` does not strip:
# “សម្តេចតេជោ ហ៊ុន សែន”, “សម្តេចធិបតី ហ៊ុន ម៉ាណែត”, a comedian's “នាយ”.
_KHMER_TITLES = re.compile(r"^(?:អគ្គមហាសេនាបតីតេជោ|មហាបវរធិបតី|តេជោ|ធិបតី|នាយ|កញ្ញា|អ្នកនាង)\s*")


def bare_name(text):
    """A person's name without honorifics (“Mr. Hun Sen” → “Hun Sen”)."""
    name = text or ""
    while True:
        honorific, name = split_honorific(name)
        stripped = _KHMER_TITLES.sub("", name)
        if not honorific and stripped == name:
            return name
        name = stripped


def _stem(word):
    word = word.casefold().strip(".,;:'\"")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def head_noun(description):
    """The noun an unnamed source's description hangs on: “a villager who…” → “villager”."""
    text = normalize_text(description)
    text = _DETERMINERS.sub("", text)
    text = _CLAUSE.split(text, maxsplit=1)[0]
    words = text.split()
    return _stem(words[-1]) if words else ""


def source_words(description):
    """
    What identifies a speaking source: its first proper name (“Licadho” in
    “Licadho report”) and the kind of source (“report”), either may be "".
    """
    words = re.findall(r"[\w\-’']+", description)
    proper = next(
        (word for word in words if word[:1].isupper() and word.casefold() not in _GENERIC), ""
    )
    kind = next(
        (
            word.casefold()
            for word in reversed(words)
            if word.casefold() in _GENERIC - {"the", "a", "an", "of", "its"}
        ),
        "",
    )
    if not proper and not kind and words:
        proper = words[-1]
    return proper, kind


def speaker_right(expected, entity):
    """Whether ``entity`` (a finder's Entity, or None) is the speaker the key names."""
    if entity is None:
        return False
    name = getattr(entity, "name", "") or ""
    description = getattr(entity, "description", "") or ""
    organization = getattr(entity, "organization", "") or ""
    if expected.startswith(UNNAMED):
        wanted = expected[len(UNNAMED) :].strip()
        if name:
            return False
        if _KHMER.search(wanted):
            return _squash(wanted) in _squash(description) or _squash(description) in _squash(
                wanted
            )
        noun = head_noun(wanted)
        return bool(noun) and noun in {_stem(word) for word in re.findall(r"[\w’']+", description)}
    if expected.startswith(SOURCE):
        wanted = expected[len(SOURCE) :].strip()
        said = " ".join([organization, description, name]).casefold()
        if _KHMER.search(wanted):
            return any(
                part and (_squash(wanted) in _squash(part) or _squash(part) in _squash(wanted))
                for part in (organization, description, name)
            )
        proper, kind = source_words(wanted)
        # “… Journalists (CAPJ) statement”: the short name the key gives names it too.
        short = re.findall(r"\(([A-Z][A-Z0-9&]{1,9})\)", wanted)
        said_words = set(re.findall(r"[\w&]+", said))
        return (
            bool(proper and proper.casefold() in said)
            or bool(kind and kind in said)
            or any(name.casefold() in said_words for name in short)
        )
    if not name:
        return False
    wanted = _squash(bare_name(expected))
    return wanted in {_squash(name), _squash(bare_name(name))}


def role_right(expected, entity):
    """Whether the finder's role says what the key's role says (either holds the other)."""
    got = normalize_text(getattr(entity, "role", "") or "") if entity else ""
    wanted = normalize_text(expected)
    for article in ("the ", "a ", "an "):
        got, wanted = got.removeprefix(article), wanted.removeprefix(article)
    return bool(got) and (wanted in got or got in wanted)


def band_of(confidence):
    for label, low, high in BANDS:
        if low <= confidence <= high:
            return label
    return BANDS[-1][0] if confidence > 100 else BANDS[0][0]


@dataclasses.dataclass
class QuoteScore:
    """One keyed quote and the finding matched to it, if any."""

    key: dict
    finding: object = None
    right: bool = False
    role_right: bool | None = None  # None when the key gives no role.

    @property
    def status(self):
        if self.finding is None:
            return "missed"
        if self.finding.entity is None:
            return "unattributed"
        return "right" if self.right else "wrong"


@dataclasses.dataclass
class StoryScore:
    story: dict
    quotes: list
    extra: list  # Findings that match no key: scare quotes, titles, or quotes split apart.
    error: str = ""


def _matches(key_opening, finding_text):
    opening, text = normalize_text(key_opening), normalize_text(finding_text)
    if not opening:
        return 0
    if text.startswith(opening):
        return 2
    return 1 if opening in text else 0


def match_findings(keys, findings):
    """
    Pair each key with the finding whose text starts with its opening (or
    failing that, contains it), taking findings in reading order so that two
    keys with the same opening get the first and second finding. A finding
    that starts with one key's opening is that key's, never taken by another
    key whose opening it merely contains (a word quoted alone in the lede and
    again inside a later quote). Return a list of findings (or None) parallel
    to ``keys`` and the unmatched findings.
    """
    used = set()
    chosen = [None] * len(keys)
    for strength in (2, 1):
        cursor = 0
        for number, key in enumerate(keys):
            if chosen[number] is not None:
                cursor = chosen[number] + 1
                continue
            order = list(range(cursor, len(findings))) + list(range(cursor))
            best = next(
                (
                    i
                    for i in order
                    if i not in used and _matches(key["opening"], findings[i].text) == strength
                ),
                None,
            )
            if best is None:
                continue
            used.add(best)
            cursor = best + 1
            chosen[number] = best
    paired = [None if i is None else findings[i] for i in chosen]
    extra = [finding for i, finding in enumerate(findings) if i not in used]
    return paired, extra


def score_story(story, findings, error=""):
    """Score ``findings`` (a list of Finding) against ``story``'s key."""
    paired, extra = match_findings(story["quotes"], findings)
    quotes = []
    for key, finding in zip(story["quotes"], paired, strict=True):
        entity = finding.entity if finding is not None else None
        right = speaker_right(key["speaker"], entity)
        # A role counts as right only with its speaker: the right words on
        # the wrong person are a wrong attribution, not half a right one.
        role = (right and role_right(key["role"], entity)) if key.get("role") else None
        quotes.append(QuoteScore(key=key, finding=finding, right=right, role_right=role))
    return StoryScore(story=story, quotes=quotes, extra=extra, error=error)


@dataclasses.dataclass
class Tally:
    """Figures over a set of stories."""

    threshold: int = 80
    stories: int = 0
    crashed: int = 0
    keyed: int = 0
    found: int = 0
    attributed: int = 0
    right: int = 0
    wrong: int = 0
    missing: int = 0  # Keyed quotes not found, or found without a speaker.
    roles_keyed: int = 0
    roles_right: int = 0
    confident: int = 0
    confident_right: int = 0
    below: int = 0
    below_with_note: int = 0
    extra: int = 0
    bands: dict = dataclasses.field(
        default_factory=lambda: {label: [0, 0] for label, _, _ in BANDS}
    )

    def add(self, score):
        self.stories += 1
        self.crashed += bool(score.error)
        self.extra += len(score.extra)
        for quote in score.quotes:
            self.keyed += 1
            if quote.role_right is not None:
                self.roles_keyed += 1
                self.roles_right += quote.role_right
            finding = quote.finding
            if finding is None:
                self.missing += 1
                continue
            self.found += 1
            if finding.entity is None:
                self.missing += 1
            else:
                self.attributed += 1
                self.right += quote.right
                self.wrong += not quote.right
            band = self.bands[band_of(finding.confidence)]
            band[0] += 1
            band[1] += quote.right
            if finding.confidence >= self.threshold:
                self.confident += 1
                self.confident_right += quote.right
            else:
                self.below += 1
                self.below_with_note += bool(finding.note)
        return self

    @staticmethod
    def share(part, whole):
        return f"{100 * part / whole:5.1f} %" if whole else "    –  "

    def recall(self):
        return self.share(self.found, self.keyed)

    def precision(self):
        return self.share(self.right, self.attributed)

    def speaker_recall(self):
        return self.share(self.right, self.keyed)

    def confident_precision(self):
        return self.share(self.confident_right, self.confident)
