"""
One paragraph read in order: its quotes, the subjects of its sentences and
the people it names, each with the speaker its sentence gives (still as
written). ``analyze`` then resolves them, paragraph by paragraph.
"""

import dataclasses
import logging
import re

from django.utils.translation import gettext as _

from . import credits, khmer, khmer_roles, khmer_speech, khmer_works, speakers
from .described import object_of_preposition, reader_of
from .entities import Entity
from .khmer_words import is_headline, is_khmer_text
from .names import HEADLINE, PERSON_LIKE, POSSESSED, names_in, only_function_words
from .roles import appositive_role, role_in_front
from .spans import ANY_PLACEHOLDER, PLACEHOLDER, clean_quote, find_quote_spans, split_sentences
from .speakers import Attribution
from .subjects import opening_source

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class QuoteSpan:
    """A quoted passage, and the speaker its sentence gives, if any."""

    text: str
    words: str
    closed: bool
    attribution: Attribution | None = None
    # A speech verb right after the quote whose subject was not read (“…,”
    # Thai PM X said.): the quote is not the paragraph's last speaker's.
    credit_unread: bool = False
    # A few words quoted in a title-like opening paragraph: a quote only if
    # the story quotes them again (``khmer_referents.echoes``).
    echo: bool = False
    # “what was described as its “…””: words whose owner the story withholds.
    unowned: bool = False


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
    sentence: int = 0  # The paragraph's sentence, counted from 0.


@dataclasses.dataclass
class Paragraph:
    """One paragraph's events in reading order, and who its resolving found."""

    number: int
    starts_with_quote: bool
    events: list = dataclasses.field(default_factory=list)
    # Filled in while speakers are resolved:
    last_speaker: Entity | None = None
    introduces: Entity | None = None  # A subject named after the last quote.
    opens_quote: bool = False  # Ends introducing a quote: “Sokha said:”, “… បាននិយាយថា៖”.
    last_salient: Entity | None = None
    unread: list | None = None  # The quotes of a paragraph the finder could not read.
    unread_why: str = ""  # Why, if not a failure: “more quotes than the finder reads”.
    caption: bool = False  # A photo's caption, ending with its photographer's name.
    # A paragraph naming nobody passes on who spoke or was introduced before it.
    carries: Entity | None = None


# “Sok Dara said the governor had a message for villagers:”: what follows
# is the governor's, not what Sok Dara introduces.
REPORTED_BEFORE_COLON = re.compile(
    r"\b(?:said|says|added|claimed|explained|noted)\s+(?:that\s+)?[^:\x00.]*?"
    r"\b(?:had|has|have|was|were|is|would|will)\b[^:\x00.]*:\s*$"
)
# “what was described as its “…””, “the plan, dubbed “…””: named so by nobody the story says.
PASSIVE_NAMING = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:(?:widely|often|also)\s+)?"
    r"(?:described|called|labell?ed|branded|termed|characteri[sz]ed)\s+as\s+"
    r"(?:(?:its|his|her|their|a|an|the)\s+)?$"
)
LETTERS = re.compile(r"[A-Za-z\u1780-\u17d3]")
# “… during a press conference in 2013. Vireak Mai”: a caption's photo credit.
PHOTO_CREDIT = re.compile(r"[.?!)]\s+(?P<name>(?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*)\s*$")
# “(Photo: Sok Dara)”, “(Photo by Sok Dara/AFP)”, “… Photo: Sok Dara”: a labelled
# photo credit names its photographer, who said nothing.
PHOTO_LABEL = re.compile(
    r"\((?:[Pp]hotos?|[Pp]ictures?|[Ii]mages?|[Ff]ile\s+photo|[Cc]redit)\s*(?::|\bby\b|[-–—])[^()\x00]*\)"
    r"|\b(?:Photos?|Pictures?|Images?)\s*(?::|\bby\b)\s*[^.()\x00]*$"
)
# “has prompted at least one young man, Chan Dara to …”, “was the squad's
# captain, Keo Dara, who …”: a person introduced by what they are, then named.
INTRODUCED_BY_DESCRIPTION = re.compile(
    r"\b(?:a|an|one|another|the)\s+(?:[a-z][\w’'\-]*\s+){0,4}[a-z][\w’'\-]*,\s*$"
)
# “X is a plaintiff in the suit.”: a role told as the sentence's predicate.
PREDICATE_ROLE = re.compile(
    r"\s+(?:is|was)\s+((?:an?|the)\s+(?!lot\b|few\b|number\b|result\b|reason\b)"
    r"[a-z][\w'’\- ]{2,60}?)\s*(?:[,.;]|$|\s(?:who|which|and|but|since|for\s+\d))"
)
UNREAD_CREDIT = re.compile(r"\s*,?\s*[^\x00.;]{1,60}?\b(?:said|says|added|told|wrote)\b")


def _is_scare_quote(span, sentence, before=""):
    """
    A few words in quotes that nobody is said to say are a name or a term
    (the so-called “Green Belt”), not a quote.
    """
    latin_term = (
        span.closed
        and not is_khmer_text(span.words)
        and is_khmer_text(ANY_PLACEHOLDER.sub("", sentence))
        and khmer_works.is_scare_quote(span.words, sentence, before)
    )
    if latin_term:
        # Latin words in a Khmer sentence that says nobody says them, whoever
        # it names: a name (“មុនការប្រកួត «ABC CUP» ថ្ងៃទី៧”).
        return True
    if span.closed and is_khmer_text(span.words) and khmer_works.names_a_thing(span.words, before):
        # A campaign's name, even in a sentence naming the governor who launched it.
        return True
    # A quote given to whoever the sentence is about may still be a term.
    if (span.attribution is not None and span.attribution.how != "subject") or not span.closed:
        return False
    if is_khmer_text(span.words):
        return khmer_works.is_scare_quote(span.words, sentence, before)
    return len(span.words.split()) <= 3 and not re.search(r"[.?!,]$", span.words.strip())


def read_paragraph(number, text, directory, known_short, found=None):
    """
    The quotes, sentence subjects and names of one paragraph, in reading
    order. ``found``: ``find_quote_spans(text)``, if the caller has it.
    """
    frame, spans = found or find_quote_spans(text)
    paragraph = Paragraph(number, starts_with_quote=frame.startswith("\x00"))
    if HEADLINE.fullmatch(text.strip()):
        # “Farmers Cheer Keo Sam in Kampot”: where a name starts is unreadable.
        return paragraph
    credit = None if spans or is_khmer_text(text) else PHOTO_CREDIT.search(text)
    labels = [] if is_khmer_text(text) else list(PHOTO_LABEL.finditer(frame))
    # A caption introduces no quote, and its photographer said nothing.
    paragraph.caption = credit is not None or bool(labels and not spans)
    credit_start = credit.start("name") if credit else len(text)
    paragraph.opens_quote = bool(re.search(r"(?:[:៖]|ថា÷?)\s*$", frame)) and not (
        REPORTED_BEFORE_COLON.search(frame)
    )
    for index, (offset, sentence) in enumerate(split_sentences(frame, spans)):
        placeholders = list(PLACEHOLDER.finditer(sentence))
        # Khmer sentences are read by the Khmer rules.
        bare = ANY_PLACEHOLDER.sub("", sentence)
        # A sentence of no letters (“«…»។”) is read in its paragraph's language.
        khmer_sentence = is_khmer_text(bare if LETTERS.search(bare) else text)
        rules = khmer_speech if khmer_sentence else speakers
        attributed = set()
        # Who the sentence is about, if anyone: others it names are not.
        about = None
        for match in placeholders:
            words, closed = spans[int(match[1])]
            span = QuoteSpan(clean_quote(words), words, closed)
            clause = ANY_PLACEHOLDER.split(sentence[: match.start()])[-1]
            if rules is speakers and credits.is_title(words, clause):
                continue  # A headline or a forum's name: nobody's words.
            thing = rules is speakers and (
                credits.thing_source(clause, about)
                or credits.words_owner(clause, directory, known_short)
            )
            span.attribution = thing or rules.attribution_for(
                sentence, match.start(), match.end(), directory, known_short
            )
            if rules is speakers and span.attribution and span.attribution.text == "it":
                # “The broadcaster closed … amid what it called “…””: the sentence's subject.
                span.attribution = opening_source(sentence[: match.start()]) or span.attribution
            if rules is speakers and span.attribution and span.attribution.kind == "description":
                span.attribution = (
                    reader_of(span.attribution.text, directory, known_short) or span.attribution
                )
            opens_sentence = not sentence[: match.start()].strip()
            if span.attribution is None and rules is speakers and opens_sentence:
                span.attribution = credits.credit_after(
                    sentence[match.end() :], directory, known_short
                )
            if span.attribution is None and rules is speakers:
                # Nobody the sentence names says the words: a document, a law, who calls it so.
                span.attribution = (
                    credits.framing_document(sentence[: match.start()], clause)
                    or credits.charge_words(clause, sentence[match.end() :])
                    or credits.called_so_by(clause, directory, known_short)
                )
            span.unowned = span.attribution is None and bool(PASSIVE_NAMING.search(clause))
            span.credit_unread = span.attribution is None and bool(
                rules is speakers and UNREAD_CREDIT.match(sentence[match.end() :])
            )
            if span.attribution:
                attributed.add(span.attribution.text)
                about = span.attribution
            if span.text and not _is_scare_quote(span, sentence, clause):
                paragraph.events.append(Event(offset + match.start(), "quote", span, index))
            elif span.text and rules is khmer_speech and is_headline(number, text):
                span.echo, span.attribution = True, None
                paragraph.events.append(Event(offset + match.start(), "quote", span, index))
        if placeholders and placeholders[0].start() > 0:
            # “Keo Sam said he was pleased … he had called the driver “reckless.””:
            # the sentence is about its subject, whatever its quote.
            subject = rules.subject_of_sentence(
                sentence[: placeholders[0].start()], directory, known_short
            )
            if subject and subject.kind == "name":
                paragraph.events.append(Event(offset, "subject", subject, index))
                attributed.add(subject.text)
        if not placeholders:
            subject = rules.subject_of_sentence(sentence, directory, known_short)
            predicate = (
                subject and rules is speakers and PREDICATE_ROLE.match(sentence, len(subject.text))
            )
            if (
                predicate
                and subject.kind == "name"
                and not subject.role
                and sentence.startswith(subject.text)
            ):
                # “Sok Dara is a plaintiff in the suit.”: what she is.
                subject.role = predicate[1]
            if subject and subject.kind == "name" and not subject.role and rules is speakers:
                # “… that Tea Misa, director of X, embezzled …, a claim Tea Misa denies.”
                subject.role = _role_given_in(sentence, subject.text)
            if subject:
                paragraph.events.append(Event(offset, "subject", subject, index))
                attributed.add(subject.text)
                about = subject
        plain = ANY_PLACEHOLDER.sub(lambda match: " " * len(match[0]), sentence)
        named = (
            khmer.names_in(plain, known_short)
            if rules is khmer_speech
            else names_in(plain, directory, known_short)
        )
        if rules is speakers:
            named = named + _owners(plain, directory)
        for name, start, end in named:
            if name in attributed or offset + start >= credit_start:
                continue
            if any(label.start() <= offset + start < label.end() for label in labels):
                continue
            rest = sentence[end:]
            role = appositive_role(rest)
            salient = (
                about is None
                and (
                    bool(role or PERSON_LIKE.match(rest))
                    or only_function_words(sentence[:start])
                    or bool(
                        rules is speakers and INTRODUCED_BY_DESCRIPTION.search(sentence[:start])
                    )
                )
                and not object_of_preposition(sentence[:start])
            )
            role = role or role_in_front(sentence[:start])
            if rules is khmer_speech:
                role, salient = khmer_roles.mention(sentence, start, end)
                salient = salient and about is None
            paragraph.events.append(
                Event(offset + start, "mention", Mention(name, role=role, salient=salient), index)
            )
    paragraph.events.sort(key=lambda event: event.start)
    return paragraph


def _role_given_in(sentence, name):
    """The role a sentence gives ``name`` in apposition where it first names them."""
    start = sentence.find(name)
    return appositive_role(sentence[start + len(name) :]) if start >= 0 else ""


def _owners(plain, directory):
    """
    Full names met only as an owner (“President Donald Trump’s criticism”),
    so that “Trump” later is him; never the sentence's subject.
    """
    found = []
    for match in POSSESSED.finditer(plain):
        for name, start, end in names_in(match[1], directory, set()):
            if end == len(match[1]) and len(name.split()) > 1:
                found.append((name, match.start(1) + start, match.start(1) + end))
    return found


# The most quotes the finder reads in one story: far more than any story
# holds, a long interview's transcript included, so that a body made of
# quotes (SECURITY-TESTS 27) costs bounded time: Khmer quotes packed together
# cost about 2.5 ms each, and 200 kB holds over 16,000 of them.
MAX_STORY_QUOTES = 1000


def read_within_budget(numbered, directory, known_short):
    """
    Each paragraph read, until the story's quotes pass ``MAX_STORY_QUOTES``:
    from the paragraph that passes them on, the quotes are left to a
    journalist, each with a note saying why.
    """
    read, left = [], MAX_STORY_QUOTES
    too_many = _("This story holds more than %(count)s quotes, more than the finder reads") % {
        "count": f"{MAX_STORY_QUOTES:,}"
    }
    for number, text in numbered:
        found = find_quote_spans(text)
        left -= len(found[1])
        if left < 0:
            read.append(_unread(number, found, too_many))
            continue
        try:
            read.append(read_paragraph(number, text, directory, known_short, found))
        except Exception:
            logger.exception("Reading paragraph %s failed", number)
            read.append(_unread(number, found))
    return read


def _unread(number, found, why=""):
    """A paragraph whose quotes are left to a journalist: ``why``, or the finder failed."""
    paragraph = Paragraph(number, starts_with_quote=False, unread_why=why)
    paragraph.unread = [clean_quote(words) for words, _closed in found[1]]
    return paragraph
