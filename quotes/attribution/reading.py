"""
One paragraph read in order: its quotes, the subjects of its sentences and
the people it names, each with the speaker its sentence gives (still as
written). ``analyze`` then resolves them, paragraph by paragraph.
"""

import dataclasses
import re

from .cast import Entity
from .names import PERSON_LIKE, names_in, only_function_words
from .roles import APPOSITIVE, role_in_front, role_or_empty
from .spans import ANY_PLACEHOLDER, PLACEHOLDER, clean_quote, find_quote_spans, split_sentences
from .speakers import Attribution, attribution_for, subject_of_sentence


@dataclasses.dataclass
class QuoteSpan:
    """A quoted passage, and the speaker its sentence gives, if any."""

    text: str
    words: str
    closed: bool
    attribution: Attribution | None = None


@dataclasses.dataclass
class Mention:
    """A person a paragraph names, other than as a speaker or subject."""

    text: str
    role: str = ""
    salient: bool = False  # The sentence is about them: its subject, or introduced with a role.


@dataclasses.dataclass
class Event:
    """A quote, a sentence subject or a mention, at its place in the paragraph."""

    start: int
    kind: str  # "quote", "subject" or "mention"
    item: object


@dataclasses.dataclass
class Paragraph:
    """One paragraph's events in reading order, and who its resolving found."""

    number: int
    starts_with_quote: bool
    events: list = dataclasses.field(default_factory=list)
    # Filled in while speakers are resolved:
    last_speaker: Entity | None = None
    introduces: Entity | None = None  # A subject named after the last quote.
    last_salient: Entity | None = None


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
            subject = subject_of_sentence(sentence, directory, known_short)
            if subject:
                paragraph.events.append(Event(offset, "subject", subject))
                attributed.add(subject.text)
        plain = ANY_PLACEHOLDER.sub(lambda match: " " * len(match[0]), sentence)
        for name, start, end in names_in(plain, directory, known_short):
            if name in attributed:
                continue
            rest = sentence[end:]
            appositive = APPOSITIVE.match(rest)
            role = role_or_empty(appositive[1]) if appositive else ""
            salient = bool(role or PERSON_LIKE.match(rest)) or only_function_words(sentence[:start])
            role = role or role_in_front(sentence[:start])
            paragraph.events.append(
                Event(offset + start, "mention", Mention(name, role=role, salient=salient))
            )
    paragraph.events.sort(key=lambda event: event.start)
    return paragraph
