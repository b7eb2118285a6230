"""
Who a sentence says is speaking, as the story writes them.

``attribution_for`` reads the sentence around one quote for its speaker: a
name, a pronoun or a description of an unnamed source, after the quote
(`…,” Sokha said.`, `…,” said Malin.`), before it (`Sokha said: “…”`) or
elsewhere in the sentence of a partial quote. ``subject_of_sentence`` finds
who a sentence without quotes is about. Both return an ``Attribution``: the
speaker as written, not yet identified (``cast.Cast`` does that).
"""

import dataclasses
import re

from .names import FUNCTION_WORDS, PERSON_LIKE, names_in, only_function_words
from .roles import APPOSITIVE, role_in_front, role_or_empty
from .spans import ANY_PLACEHOLDER

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
DESCRIPTION_START = re.compile(r"\b(?:a|an|the|one|another)\s+[a-z]", re.IGNORECASE)
SUBJECT_START = re.compile(
    r"^\s*,?\s*(?:he\b|she\b|they\b|a\s|an\s|the\s|one\s|another\s|[A-Z\u1780-\u17ff])",
)


@dataclasses.dataclass
class Attribution:
    """A speaker as a sentence gives them, before they are identified."""

    kind: str  # "name", "pronoun" or "description"
    text: str
    role: str = ""
    how: str = "explicit"  # or "sentence": elsewhere in the quote's sentence


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
    for name, start, end in names_in(text, directory, known_short | _lone_name(text)):
        rest = text[end:]
        if re.fullmatch(rf"(?:\s+{ADVERBS})?\s*,?\s*", rest):
            return Attribution("name", name, role=role_in_front(text[:start]))
        appositive = re.fullmatch(rf"\s*,\s*(.+?)\s*,(?:\s*{ADVERBS})?\s*", rest, re.DOTALL)
        if appositive:
            return Attribution("name", name, role=role_or_empty(appositive[1]))
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
    names = names_in(text, directory, known_short)
    if names and names[0][1] == 0:
        name, _start, end = names[0]
        rest = text[end:]
        role = ""
        if rest.startswith(","):
            role = role_or_empty(re.split(r"[.;](?:\s|$)", rest[1:])[0])
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
        names = names_in(clause, directory, known_short)
        if names:
            found = Attribution("name", names[0][0], how="sentence")
            appositive = re.match(r"\s*,\s*([^,]+?)\s*,", clause[names[0][2] :])
            if appositive:
                found.role = role_or_empty(appositive[1])
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


def subject_of_sentence(sentence, directory, known_short):
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
    names = names_in(text, directory, known_short)
    if not names:
        return None
    name, start, end = names[0]
    in_front = role_in_front(text[:start])
    if not (in_front or only_function_words(text[:start])):
        return None
    rest = text[end:]
    appositive = APPOSITIVE.match(rest)
    role = role_or_empty(appositive[1]) if appositive else in_front
    if role or PERSON_LIKE.match(rest):
        return Attribution("name", name, role=role)
    return None
