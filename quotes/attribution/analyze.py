"""
``analyze()``: a story's paragraphs in, one ``Finding`` per quote out.

Every paragraph is read first (``reading``), then the quotes are resolved in
order through one ``Cast``; a quote its sentence does not attribute goes to
the speaker or subject around it, in its paragraph or the one before. A
paragraph the finder cannot read still gives its quotes, unattributed, with
a note: attribution never fails a story.
"""

import dataclasses
import logging
import re

from django.utils.translation import gettext as _

from . import khmer_ahead, khmer_later, khmer_marks, khmer_referents, khmer_self
from .cast import Cast
from .confidence import (
    CONFIRM_THRESHOLD,
    CONTINUATION,
    INTRODUCED_BEFORE,
    NO_SPEAKER,
    SAME_PARAGRAPH,
    SAME_SENTENCE,
    UNMATCHED_TITLE,
)
from .descriptions import echoed_later, named_later
from .entities import Entity
from .khmer_words import is_khmer_text
from .places import places_named
from .reading import read_within_budget
from .referents import resolve
from .short_names import known_short_names, without_changed_marks
from .sources import organizations_in
from .spans import join_split_paragraphs

logger = logging.getLogger(__name__)


class Directory:
    """
    What is known about people outside the story. The database-backed one
    in ``quotes.services`` looks people up; this one knows nobody.
    """

    def gender_of(self, name):
        return ""

    def knows_short_name(self, name):
        return False

    def is_place(self, name):
        return False


class _StoryDirectory:
    """A directory that also knows the names the story itself calls places."""

    def __init__(self, directory, places):
        self.directory, self.places = directory, places

    def __getattr__(self, attribute):
        return getattr(self.directory, attribute)

    def is_place(self, name):
        return name in self.places or self.directory.is_place(name)


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


# “… glory,” [1]according to the fund”: a web copy's link number is no word.
LINK_NUMBER = re.compile(r"\[\d{1,3}\](?=[A-Za-z])")
# “…,” Minister Mam Bunthy (pictured) told …: where a named person stands in
# the photo is no part of the sentence. After a name of two words or more, so
# “He (pictured) saved us” inside a quote keeps it. The bracket is found
# first and the name looked for just before it: a pattern starting at the
# name would retry every word of a long run of capitalised words.
PICTURED = re.compile(
    r"(?<!\s)\s+\((?i:pictured|photo|in photo|inset|above|below|"
    r"(?:(?:second|third|far) )?(?:left|right)|cent(?:re|er))\)"
)
NAME_JUST_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*\s+[A-Z][\w'’.-]*\Z")


def without_photo_places(text):
    """``text`` without the notes on where a named person stands in the photo."""
    return PICTURED.sub(
        lambda note: (
            ""
            if NAME_JUST_BEFORE.search(text, max(0, note.start() - 80), note.start())
            else note[0]
        ),
        text,
    )


def analyze(paragraphs, directory=None, collector=None):
    """
    Find every direct quote in ``paragraphs`` (the body's paragraphs, in
    order) and who said it. Return a list of ``Finding``, in reading order.
    A ``collector`` (``bench/ranker_candidates.py``) has its ``saw(cast,
    paragraph, event, found)`` called for each mention, subject and quote as
    it is resolved; it changes nothing found.
    """
    directory = directory or Directory()
    paragraphs = [
        without_photo_places(LINK_NUMBER.sub("", text)) for text in khmer_marks.prepare(paragraphs)
    ]
    paragraphs, changed = without_changed_marks(paragraphs)
    paragraphs, joined = join_split_paragraphs(paragraphs, is_khmer_text)
    directory = _StoryDirectory(directory, places_named(paragraphs, directory))
    known_short = known_short_names(paragraphs, directory) | changed
    # A piece joined to the paragraph before it is no paragraph of its own.
    read = read_within_budget(
        [(number, text) for number, text in enumerate(paragraphs, start=1) if number not in joined],
        directory,
        known_short,
    )
    cast = Cast(directory, organizations_in(paragraphs), khmer_referents.aliases_in(paragraphs))
    findings = []
    sentences = 0
    for index, paragraph in enumerate(read):
        # A photo's caption introduces no quote after it.
        previous = read[index - 1] if index and not read[index - 1].caption else None
        following = read[index + 1 : index + 5]
        try:
            found = _resolve_paragraph(cast, paragraph, previous, following, sentences, collector)
        except Exception:
            # A pattern the rules do not foresee must not cost the story its
            # other quotes: log it, and leave this paragraph's to a journalist.
            logger.exception("Attribution failed in paragraph %s", paragraph.number)
            found = _unattributed(paragraph, _("The finder could not read this paragraph"))
        findings.extend(found)
        sentences += 1 + max((event.sentence for event in paragraph.events), default=0)
    findings = khmer_referents.echoes(findings, cast, paragraphs)
    findings = khmer_referents.titled_nearby(findings, cast, paragraphs)
    findings = khmer_self.self_named(findings, cast)
    findings = khmer_ahead.named_ahead(findings, cast, paragraphs)
    findings = khmer_later.role_after_quote(findings, paragraphs)
    echoed_later(findings)
    for finding in findings:
        if finding.how == "description" and finding.confidence == UNMATCHED_TITLE:
            later = named_later(cast, finding)
            if later is not None:
                finding.entity, finding.note = later
                finding.confidence = INTRODUCED_BEFORE
    for finding in findings:
        if finding.confidence < CONFIRM_THRESHOLD and not finding.note:
            finding.note = _method_note(finding)
    return findings


def _unattributed(paragraph, why):
    """The quotes of a paragraph left to a journalist, each with ``why``."""
    texts = paragraph.unread
    if texts is None:
        texts = [event.item.text for event in paragraph.events if event.kind == "quote"]
    note = _("%(why)s: say who said this.") % {"why": why}
    return [
        Finding(text, paragraph.number, None, NO_SPEAKER, "none", note) for text in texts if text
    ]


def _method_note(finding):
    """What to check of a reading below the threshold that its finder gave no note."""
    label = finding.entity.label if finding.entity else ""
    notes = {
        "continuation": _(
            "No attribution in this paragraph: taken to go on from %(speaker)s, who "
            "spoke in the paragraph before. Check."
        ),
        "introduced": _(
            "No attribution in this paragraph: taken to be %(speaker)s, introduced in "
            "the paragraph before. Check."
        ),
        "runs on": _(
            "This quote runs on into the next paragraph, attributed there to %(speaker)s. Check."
        ),
    }
    note = notes.get(finding.how, "")
    if not note and finding.how.startswith("same paragraph"):
        note = _(
            "No attribution in this sentence: taken to be %(speaker)s, named earlier in "
            "the paragraph. Check."
        )
    if not note:
        note = _("Confidence %(confidence)s is below %(threshold)s: check who said this.")
    return note % {
        "speaker": label,
        "confidence": finding.confidence,
        "threshold": CONFIRM_THRESHOLD,
    }


def _closing_attribution(span, later):
    """
    A quote left open and taken up again paragraphs later (“…  / He repeated
    … / “… ,” Gen Prayuth said.”) is the speaker named where it closes.
    """
    if span.closed:
        return None
    for paragraph in later:
        if not paragraph.starts_with_quote:
            continue
        quote = next((event.item for event in paragraph.events if event.kind == "quote"), None)
        if quote is None:
            return None
        if quote.attribution is not None and quote.attribution.kind == "name":
            return quote.attribution
        if quote.closed:
            return None
    return None


def _named_in_next_sentence(paragraph, event):
    """
    For a closed quote opening its paragraph with no credit, a name that is
    the subject of the sentence right after it, in English.
    """
    quote = event.item
    if not (paragraph.starts_with_quote and paragraph.events[0] is event):
        return None
    if quote.attribution is not None or not quote.closed or is_khmer_text(quote.text):
        return None
    following = [other for other in paragraph.events if other.sentence == event.sentence + 1]
    subject = following[0].item if following and following[0].kind == "subject" else None
    return subject if subject is not None and subject.kind == "name" else None


def _resolve_paragraph(cast, paragraph, previous, following, sentences, collector=None):
    if paragraph.unread is not None:
        why = paragraph.unread_why or _("The finder could not read this paragraph")
        return _unattributed(paragraph, why)
    findings = []
    context = None  # The latest speaker or sentence subject in this paragraph, and which.
    for event in paragraph.events:
        cast.sentence = sentences + event.sentence
        if event.kind == "mention":
            entity, _confidence, _note = cast.named(event.item.text, event.item.role)
            cast.touch(entity, salient=event.item.salient)
            if collector is not None:
                collector.saw(cast, paragraph, event, entity)
            if event.item.salient:
                paragraph.last_salient = entity
        elif event.kind == "subject":
            entity, confidence, _note = resolve(cast, event.item)
            if collector is not None:
                collector.saw(cast, paragraph, event, entity)
            if entity is not None:
                # Someone only described (“ស្ត្រីមួយរូប…”) is whom a pronoun
                # means only when nobody the story put forward fits.
                cast.touch(entity, salient=event.item.how != "someone")
                context = (entity, "subject", confidence)
                paragraph.last_salient = entity
        else:
            named_next = context is None and _named_in_next_sentence(paragraph, event)
            if named_next:
                # ““The bridge can wait no longer.” Governor Keo Dara makes his
                # view plain.”: the next sentence's subject said it.
                entity, _confidence, _note = resolve(cast, named_next)
                context = (entity, "next sentence", INTRODUCED_BEFORE)
            finding = _resolve_quote(cast, event.item, paragraph, context, previous, following)
            if collector is not None:
                collector.saw(cast, paragraph, event, finding)
            if finding.entity is not None:
                cast.touch(finding.entity, spoke=True)
                context = (finding.entity, "quote", finding.confidence)
                paragraph.last_speaker = finding.entity
            findings.append(finding)
    if context and context[1] == "subject":
        paragraph.introduces = context[0]
    if not paragraph.events and previous is not None and not paragraph.caption:
        # “Hun Lak said … / The claim conflicts with records … / “…””: a
        # paragraph about no one stands between a speaker and their quote.
        paragraph.carries = previous.introduces or previous.last_speaker
    return findings


# A word of two or more capitals: “HE”, “US”, “UN”, never a Cambodian name's
# word in running text.
CAPITALS_WORD = re.compile(r"\b[A-Z]{2,}\b")


def _capitals_in_name(entity):
    """Whether a person's name holds a word in capitals (“HE Sok Dara”, “US Secretary”)."""
    return (
        entity is not None and entity.kind == "person" and bool(CAPITALS_WORD.search(entity.name))
    )


def _resolve_quote(cast, span, paragraph, context, previous, following):
    number = paragraph.number
    if span.echo:
        return Finding(span.text, number, None, NO_SPEAKER, "echo")
    if span.unowned:
        note = _("The story does not say who described it so: say who, or leave it unattributed.")
        return Finding(span.text, number, None, NO_SPEAKER, "none", note)
    if span.attribution is not None:
        entity, confidence, note = resolve(cast, span.attribution)
        if span.attribution.shared:
            # “Hun Sen and Mr Xi have said”: the first named is credited.
            confidence = min(confidence, SAME_SENTENCE)
            note = note or _(
                "Two people share these words: %(name)s, named first, was taken. Check."
            ) % {"name": span.attribution.text}
        elif span.attribution.how == "sentence":
            confidence = min(confidence, SAME_SENTENCE)
        elif span.attribution.how == "name to check":
            # A Khmer sentence's name in Latin letters or glued to a word: its edges are unsure.
            confidence = min(confidence, SAME_SENTENCE)
            note = note or _(
                "Check that “%(name)s” is the speaker's whole name: in Khmer text, a name in "
                "Latin letters or glued to the words around it may be cut short or run on."
            ) % {"name": span.attribution.text}
        elif _capitals_in_name(entity) and confidence > SAME_SENTENCE:
            # “HE Sok Dara”, “US Secretary”: a word in capitals is more often an
            # honorific or a title than a name; the rule that reads it is loose.
            confidence = SAME_SENTENCE
            note = note or _(
                "Check that “%(name)s” is the speaker's name: a word in capitals in it may be "
                "an honorific or a title, not part of the name."
            ) % {"name": entity.name}
        elif span.attribution.how in {"subject", "these"}:
            # Whom the sentence is about with no speech verb, or “these words
            # are X's” after several quotes: a guess.
            confidence = min(confidence, INTRODUCED_BEFORE)
        return Finding(
            span.text, number, entity, confidence, span.attribution.kind, note,
            written=span.attribution.text,
        )  # fmt: skip
    next_paragraph = following[0] if following else None
    if not span.closed and next_paragraph is not None and next_paragraph.starts_with_quote:
        # A quote running on into the next paragraph, attributed there.
        ahead = next((event.item for event in next_paragraph.events if event.kind == "quote"), None)
        if ahead is not None and ahead.attribution is not None:
            entity, confidence, note = resolve(cast, ahead.attribution)
            return Finding(
                span.text, number, entity, min(confidence, CONTINUATION), "runs on", note
            )
    if context is not None:
        # Never surer than the reading that found the paragraph's speaker.
        entity, how, surety = context
        if span.credit_unread:
            # A credit the rules could not read may name someone else.
            surety = min(surety, CONTINUATION)
        return Finding(
            span.text, number, entity, min(SAME_PARAGRAPH, surety), f"same paragraph {how}"
        )
    if previous is not None:
        if previous.introduces is not None:
            if previous.opens_quote and paragraph.starts_with_quote:
                # “Sokha said:” ending the paragraph before: the quote is hers.
                return Finding(span.text, number, previous.introduces, SAME_SENTENCE, "introduced")
            return Finding(span.text, number, previous.introduces, INTRODUCED_BEFORE, "introduced")
        if previous.last_speaker is not None:
            return Finding(span.text, number, previous.last_speaker, CONTINUATION, "continuation")
        if previous.last_salient is not None:
            return Finding(
                span.text, number, previous.last_salient, INTRODUCED_BEFORE, "introduced"
            )
        if previous.carries is not None and paragraph.starts_with_quote:
            note = _(
                "No attribution in this paragraph: taken to be %(speaker)s, who spoke two "
                "paragraphs before, with a paragraph naming nobody between. Check."
            ) % {"speaker": previous.carries.label}
            return Finding(span.text, number, previous.carries, INTRODUCED_BEFORE, "across", note)
    if next_paragraph is not None and cast.latest(lambda entity: entity.is_person) is None:
        # A quote opening the story (a headline quote), its speaker the one the
        # next paragraph reports speaking: “«…» / Traders complained that …”.
        ahead = next(
            (event.item for event in next_paragraph.events if event.kind == "subject"), None
        )
        if ahead is not None and ahead.how == "speech":
            entity, _confidence, _note = resolve(cast, ahead)
            note = _(
                "This quote opens the story without attribution: taken to be %(speaker)s, "
                "whom the next paragraph is about. Check."
            )
            if entity is not None:
                note %= {"speaker": entity.label}
                return Finding(span.text, number, entity, INTRODUCED_BEFORE, "introduced", note)
    closing = _closing_attribution(span, following)
    if closing is not None:
        entity, _confidence, note = resolve(cast, closing)
        if entity is not None:
            return Finding(span.text, number, entity, INTRODUCED_BEFORE, "runs on", note)
    # Nothing near the quote says who said it: guessing the last person
    # named is wrong more often than right, so the quote waits for a journalist.
    entity = cast.latest(lambda entity: entity.is_person)
    if entity is None:
        note = _("No speaker is named before this quote: say who said it.")
    else:
        note = _(
            "No attribution near this quote: say who said it (the last person named "
            "before it is %(speaker)s)."
        ) % {"speaker": entity.label}
    return Finding(span.text, number, None, NO_SPEAKER, "none", note)
