"""
``analyze()``: a story's paragraphs in, one ``Finding`` per quote out.

Every paragraph is read first (``reading``), then the quotes are resolved in
order through one ``Cast``; a quote its sentence does not attribute goes to
the speaker or subject around it, in its paragraph or the one before.
"""

import dataclasses

from people.names import split_honorific

from .cast import Cast, Entity
from .confidence import (
    CONTINUATION,
    FALLBACK,
    INTRODUCED_BEFORE,
    NO_SPEAKER,
    SAME_PARAGRAPH,
    SAME_SENTENCE,
)
from .names import names_in
from .reading import read_paragraph
from .spans import ANY_PLACEHOLDER, find_quote_spans


class Directory:
    """
    What is known about people outside the story. The database-backed one
    in ``quotes.services`` looks people up; this one knows nobody.
    """

    def gender_of(self, name):
        return ""

    def knows_short_name(self, name):
        return False


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


def _known_short_names(paragraphs, directory):
    """The last word of every full name in the story: what its short names may be."""
    short = set()
    for text in paragraphs:
        frame, _spans = find_quote_spans(text)
        plain = ANY_PLACEHOLDER.sub(" ", frame)
        for name, _start, _end in names_in(plain, directory, set()):
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
