"""
Where the quotes are in a paragraph, and its sentences.

A paragraph is read as a *frame*: its text with each quoted passage replaced
by a placeholder (``\\x00<n>\\x01``), so that attribution is read around the
quotes and never inside them.
"""

import re

# A quote's place in the text around it.
PLACEHOLDER = re.compile(r"\x00(\d+)\x01")
ANY_PLACEHOLDER = re.compile(r"\x00\d+\x01")

TERMINAL = ".?!…"
ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Ven|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
    r"Dec|Gen|Lt|Col|Capt|Sgt|Rev|Hon|Inc|Ltd|Co|vs|etc)|\b[A-Z])\.$"
)


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
