"""
Where the quotes are in a paragraph, and its sentences.

A paragraph is read as a *frame*: its text with each quoted passage replaced
by a placeholder (``\\x00<n>\\x01``), so that attribution is read around the
quotes and never inside them.
"""

import bisect
import itertools
import re

from .bounded import REACH, ends_with
from .khmer_words import INTRODUCED, KHMER_SO, SPEECH_VERB, is_khmer_text
from .verbs import VERB

# A quote's place in the text around it.
PLACEHOLDER = re.compile(r"\x00(\d+)\x01")
ANY_PLACEHOLDER = re.compile(r"\x00\d+\x01")

TERMINAL = ".?!…។៕"
WORD = re.compile(r"\S+")
SENTENCE_END = re.compile(r"\w{2}[.!?]\s+$")
# The longest sentence read as one, and the most quotes in it (see ``_bounded``).
MAX_SENTENCE, MAX_QUOTES = 1000, 12
# Khmer quotes in «…» (guillemets) as well as “…”; a quote opened by one
# mark closes only with its partner, so “…” may stand inside «…»; a straight
# opening mark may close with a curly one ("…”), never swallowing the next quote,
# and a curly one with a straight one after the quote's last word (“…,").
CLOSING = {"“": "”", "«": "»", '"': '"', "‘": "’", "”": "”", "'": "'"}
NAME_THEN_VERB = re.compile(rf"(?:[A-Z][\w'’.\-]*\s+){{1,4}}(?:{VERB.pattern})")
# ““… .” Said Yurath Muhammad, president of …”: a capital on the inverted verb.
VERB_THEN_NAME = re.compile(r"(?:Said|Says|Added|Asked|Explained|Replied|Continued)\s+[A-Z]")
# “… .” Sok Dara, a farmer, on Tuesday.”: a credit with no verb ends the paragraph.
CREDIT = re.compile(r"(?:[A-Z][\w'’.\-]*\s+){1,3}[A-Z][\w'’.\-]*,[^\x00.?!]*[.?!]?\s*$")
KHMER_AFTER_QUOTE = re.compile(
    r"(?:ទាំង)?(?:នេះ|នោះ)\s*(?:ជា|គឺជា|គឺ\s*ជា|បើ|តាម)"
    # “«…»។ លោក X បានថ្លែងបែបនេះ …” (X said so): the next sentence says who said it.
    rf"|[^។៕«»“”\x00]{{2,90}}?(?:{SPEECH_VERB.pattern})(?:(?!ថា)\S){{0,12}}?\s*(?:{KHMER_SO.pattern})"
)
# ““…” Fisheries head Keo Sophal on the ministry's …”, ““…” The Venerable X –
# known for … – on how …”: a quotable-quotes credit, a name and what it was on.
ON_CREDIT = re.compile(
    r"(?P<credit>(?:[\w'’.,\-]+\s+){0,10}?[A-Z][\w'’.\-]*\s+[A-Z][\w'’.\-]*"
    r"(?:\s+[-—–]\s[^\x00]{0,200}?\s[-—–])?)\s+on\s+(?:the|how|why|what|whether|his|her|their|"
    r"its|a|an|[a-z]+ing)\b[^\x00]*$"
)
# ““…,” RCAF General Em Saray.”, ““…” Angry soldier responding to …”: a year's
# quotes, each credited after it with no verb; the credit ends the paragraph.
ROUNDUP_CREDIT = re.compile(rf"(?![^\x00]*?{VERB.pattern})[A-Z][^\x00]{{2,240}}")
# A closing mark with no opening one before it, after at least three words.
UNOPENED = re.compile(
    r"([A-Z][^“”\"«»‘\x00]*?[^\s“”\"«»]\s+[^\s“”\"«»]+\s+[^\s“”\"«»]+[,.?!])[”\"](?=\s|$)"
)
DOUBLED_SINGLE = re.compile(r"[‘’']{2}(?=(\w)?)")
ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Ven|Msgr|Mgr|Fr|Sr|Bp|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
    r"Dec|Gen|Lt|Col|Capt|Sgt|Rev|Hon|Inc|Ltd|Co|vs|etc)|\b[A-Z])\.$"
)


def find_quote_spans(text):
    """
    Return ``(frame, spans)``: ``text`` with each quoted passage replaced by
    a placeholder, and the passages as ``(words, closed)``. A quote still
    open at the end of the paragraph runs on into the next one.
    """
    text = _doubled_singles(text)
    # Where every ’ closing a ‘…’ quote and the last ” are, found once: each
    # mark read below asks what comes after it, and asking the rest of the
    # paragraph each time would cost the square of its length.
    closers = [
        found.start() for found in re.finditer("'", text) if _closes_single(text, found.start())
    ]
    last_close = text.rfind("”")
    spans, frame = [], []
    position, opened, mark = 0, None, ""
    unopened = UNOPENED.match(text)
    if unopened:
        # “… rule,” said X.” with its opening mark lost, or the last paragraph
        # of a quote run on (“… study.\"”): the paragraph opens the quote.
        frame.append("\x000\x01")
        spans.append((unopened[1], True))
        position = unopened.end()
    for index, character in enumerate(text[position:], start=position):
        if opened is None:
            if (
                character in "“«"
                or (character in '"‘' and _opens_straight(text, index))
                or (character == "'" and _opens_straight_single(text, index, closers))
            ):
                frame.append(text[position:index])
                opened, mark = index + 1, character
            elif character == "”" and _opens_straight(text, index) and _khmer_after(text, index):
                # Khmer writers also quote ”…” and “…“.
                frame.append(text[position:index])
                opened, mark = index + 1, character
        elif mark == "“" == character and _reopens(text, opened, index, last_close):
            # “First paragraph. “Second paragraph. “Last.”: a copy whose
            # paragraphs a line break joined; each opening mark starts a quote.
            frame.append(f"\x00{len(spans)}\x01 ")
            spans.append((text[opened:index].rstrip(), True))
            opened = index + 1
        elif (
            CLOSING[mark] == character
            or (mark == '"' and character == "”")
            or (mark == "“" == character and last_close < index)
            or (mark == "“" and character == '"' and _closes_straight(text, index))
        ) and (mark not in "‘'" or _closes_single(text, index)):
            frame.append(f"\x00{len(spans)}\x01")
            spans.append((text[opened:index], True))
            position, opened = index + 1, None
    if opened is not None:
        frame.append(f"\x00{len(spans)}\x01")
        spans.append((text[opened:], False))
    else:
        frame.append(text[position:])
    return "".join(frame), spans


def _reopens(text, opened, index, last_close):
    """
    Whether a second “ after a whole sentence of an open “ quote starts the
    next one: a paragraph's worth (a dozen words or more), not a stray mark.
    ``last_close`` is where the paragraph's last ” is.
    """
    words = itertools.islice(WORD.finditer(text, opened, index), 12)
    return (
        last_close > index
        and bool(SENTENCE_END.search(text, max(opened, index - REACH), index))
        and sum(1 for _word in words) == 12
        and not is_khmer_text(text)
    )


def _doubled_singles(text):
    """
    Two single marks typed for a double one: ‘’They …,’’ reads “They …,”, an
    opener before a word. Khmer writers also space them (“ក្រសួង ៖ ’’ បងប្អូន …
    ’’”): there a pair opens then closes, and a lone one opens after what
    introduces a quote (៖, ថា).
    """
    marks = list(DOUBLED_SINGLE.finditer(text))
    if not marks:
        return text
    if not is_khmer_text(text):
        return DOUBLED_SINGLE.sub(lambda found: "“" if found[1] else "”", text)
    if len(marks) == 2:
        opens = [True, False]
    else:
        opens = [bool(mark[1] or ends_with(INTRODUCED, text, mark.start())) for mark in marks]
    pieces, position = [], 0
    for mark, opener in zip(marks, opens, strict=True):
        pieces += [text[position : mark.start()], "“" if opener else "”"]
        position = mark.end()
    return "".join(pieces) + text[position:]


def _closes_straight(text, index):
    """A straight mark closes a curly quote after its last word: “…,\" the minister said."""
    return text[index - 1] in ",.?!" and (index + 1 == len(text) or text[index + 1].isspace())


def _opens_straight_single(text, index, closers):
    """
    A straight single mark opens a quote at the start of a word only when one
    closes it later in the paragraph (\'Until now we haven\'t …,\' he said.),
    never an apostrophe (\'90s) left open to run on; a few words so marked
    (the \'hero rats\') are a term, and stay part of the sentence.
    ``closers``: where the marks that may close one are, in order.
    """
    if not (_opens_straight(text, index) and re.match(r"[\w\[]", text[index + 1 : index + 2])):
        return False
    after = bisect.bisect_left(closers, index + 2)
    if after == len(closers):
        return False
    closer = closers[after]
    # A short sentence (\'Never,\' he said.) is a quote all the same.
    sentence = text[index + 1].isupper() and text[closer - 1] in ",.?!"
    words = itertools.islice(WORD.finditer(text, index + 1, closer), 4)
    return sum(1 for _word in words) > 3 or sentence


def _khmer_after(text, index):
    """
    Khmer words right after a ” that opens (”ឥឡូវ…”), or after spaces where
    what comes before introduces a quote (“… ៖ ” ឥឡូវ … ” ។”), perhaps
    behind a name in Latin letters (“… ថា៖ ” Messi បាន… ” ។”).
    """
    if re.match(r"[\u1780-\u17ff]", text[index + 1 : index + 2]):
        return True
    introduced = ends_with(INTRODUCED, text, index)
    return bool(
        introduced
        and re.match(r"\s+(?:[A-Za-z][\w'’.\-]*\s+){0,3}[\u1780-\u17ff]", text[index + 1 :])
    )


def _closes_single(text, index):
    """
    A ’ closes a quote in ‘…’ where a word ends it (“land,’ he said”), not as
    an apostrophe inside a word (don’t) or after a plural (the villagers’ land).
    """
    after = text[index + 1 : index + 3]
    if after[:1].isalnum():
        return False
    return text[index - 1] in ",.?!…;:" or not (text[index - 1] == "s" and after[1:2].islower())


def _opens_straight(text, index):
    """A straight quote opens at the start of a word, not after one (an inch mark)."""
    return (
        index == 0
        or text[index - 1].isspace()
        or text[index - 1] in "([{—–-:,;៖"
        or text.endswith("ថា", 0, index)  # Khmer “… និយាយថា"…"”.
    )


def split_sentences(frame, spans):
    """
    Split a paragraph's frame into ``(offset, sentence)`` pairs, never inside
    a quote. A quote ending in a full stop ends its sentence when a capital
    letter or another quote follows.
    """
    boundaries = []
    for match in re.finditer(r"([.?!…])\s+(?=[A-Z\u1780-\u17ff“\"\x00])", frame):
        # Only the word before the stop is read: the search is bounded, not the whole frame.
        if not ABBREVIATION.search(frame, max(0, match.start() - 8), match.start() + 1):
            boundaries.append((match.start() + 1, match.end()))
    # A heading run into its paragraph (“A new generation According to Dara, …”):
    # a word that only opens a sentence, after a lower-case word, starts one.
    for match in re.finditer(r"(?<=[a-z])\s+(?=(?:According\s+to|However,|Meanwhile,)\s)", frame):
        boundaries.append((match.start(), match.end()))
    # Khmer ends a sentence with ។ (៕ ends a text); not “ល។”, et cetera.
    for match in re.finditer(r"(?<!\sល)(?<!^ល)[។៕]\s*(?=[^\s)\]»”])", frame):
        # “«…»។ នេះជាការថ្លែងរបស់ …”: the sentence after a quote that says who said it.
        # A space may stand before the mark: “«…» ។ នេះជាប្រសាសន៍របស់ …”.
        after_quote = frame[: match.start()].rstrip().endswith("\x01")
        if not (after_quote and KHMER_AFTER_QUOTE.match(frame, match.end())):
            boundaries.append((match.start() + 1, match.end()))
    # After a quote, a Khmer sentence goes on (“«…។» លោក … បានបន្ថែម។”).
    for match in re.finditer(r"\x00(\d+)\x01(\s+)(?=[A-Z\x00])", frame):
        words = spans[int(match[1])][0].rstrip()
        # ““…?” Sopheak said.”, ““…” Sok Dara, a farmer.”: the words after attribute it.
        credited = (
            NAME_THEN_VERB.match(frame, match.end())
            or CREDIT.match(frame, match.end())
            or VERB_THEN_NAME.match(frame, match.end())
            or ON_CREDIT.match(frame, match.end())
            or (match.start() == 0 and ROUNDUP_CREDIT.fullmatch(frame, match.end()))
        )
        if words.endswith(tuple(TERMINAL)) and not credited:
            boundaries.append((match.end(1) + 1, match.end()))
    sentences, position = [], 0
    for end, next_start in sorted(boundaries):
        sentences.append((position, frame[position:end]))
        position = next_start
    sentences.append((position, frame[position:]))
    return [
        (offset + start, piece)
        for offset, sentence in sentences
        for start, piece in _bounded(sentence)
        if piece.strip()
    ]


def _bounded(sentence):
    """
    ``sentence`` in pieces of at most ``MAX_SENTENCE`` characters and
    ``MAX_QUOTES`` quotes, cut at a space, else never inside a quote's
    placeholder, as ``(offset, piece)`` pairs. Every rule reads a whole
    sentence for each quote and name in it, so a run of text with no full
    stop (a story whose stops were lost, or text made to be slow) would cost
    the square of its length; no published sentence is near either bound.
    """
    start = 0
    while True:
        limit = start + MAX_SENTENCE
        placeholders = ANY_PLACEHOLDER.finditer(sentence, start, limit)
        extra = next(itertools.islice(placeholders, MAX_QUOTES, None), None)
        if extra:
            limit = extra.start()
        elif len(sentence) <= limit:
            break
        cut = sentence.rfind(" ", start + 1, limit)
        if cut <= (start + limit) // 2:
            cut = limit
            opened = sentence.rfind("\x00", start, limit)
            if opened >= 0 and "\x01" not in sentence[opened:limit]:
                cut = opened if opened > start else sentence.index("\x01", opened) + 1
        yield start, sentence[start:cut]
        start = cut
    yield start, sentence[start:]


def clean_quote(words):
    """The quoted words as a Quote stores them: no closing comma or full stop."""
    words = " ".join(words.split()).strip(' “”"«»')
    if words.endswith((",", ";", ":", "។")) or (words.endswith(".") and not words.endswith("..")):
        words = words[:-1]
    return words.rstrip()


# A stored copy's blank line inside a sentence: a paragraph that ends on a
# word, its quote still open, and one going on in lower case.
ENDS_MID_SENTENCE = re.compile(r"[\w,\-–—]\s*$")
GOES_ON = re.compile(r"\s*[a-z]")
# “The source, when asked whether …,” / “would only say …”: a clause left open.
ENDS_ON_COMMA = re.compile(r"[a-z],\s*$")
# “…,” governor / Toan Chay admitted.”: a quote's attribution cut after its first words.
ATTRIBUTION_CUT = re.compile(r"[,!?][\"”]\s+[a-z][a-z\s]*$")
# “Travel agency director Sok Dara / said his …”: a sentence cut before its verb.
ENDS_ON_WORD = re.compile(r"\w\s*$")


def _marks(text):
    """How many of each double quote mark ``text`` holds."""
    return tuple(text.count(mark) for mark in '"“”')


def _left_open(marks):
    """Whether a text with these ``_marks`` opens a double quote it does not close."""
    straight, opening, closing = marks
    return straight % 2 == 1 or opening > closing


def join_split_paragraphs(paragraphs, is_khmer):
    """
    ``paragraphs`` with each sentence a stored copy split by a blank line
    joined again, and the numbers of the pieces joined to the one before:
    they become empty, so every later paragraph keeps its number. A joined
    paragraph's marks are counted as it grows and only its end is read, so a
    story of a thousand pieces costs a thousand readings, not their square.
    """
    joined, pieces = list(paragraphs), set()
    start, marks = 0, _marks(joined[0]) if joined else (0, 0, 0)
    for index in range(1, len(joined)):
        head = joined[start]
        piece = joined[index]
        left_open = _left_open(marks)
        # “Travel agency director Sok Dara / said his …”: a sentence without
        # quote marks cut before its verb, at a word.
        cut_before_verb = not any(marks) and ends_with(ENDS_ON_WORD, head)
        if not is_khmer(paragraphs[start]) and (
            (
                (left_open or ends_with(ENDS_ON_COMMA, head) or cut_before_verb)
                and ends_with(ENDS_MID_SENTENCE, head)
                and GOES_ON.match(piece)
            )
            or (ends_with(ATTRIBUTION_CUT, head) and not left_open and piece.strip())
        ):
            joined[start] = head.rstrip() + " " + piece.lstrip()
            joined[index] = ""
            pieces.add(index + 1)
            marks = tuple(map(sum, zip(marks, _marks(piece), strict=True)))
        else:
            start, marks = index, _marks(piece)
    return joined, pieces
