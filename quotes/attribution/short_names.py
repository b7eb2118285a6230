"""
The short names a story may call its people by: the last word of each full
name it gives, and single words it shows to be a person's name (an age or a
life in apposition, a pseudonym, a name marked as changed).
"""

import re

from people.names import split_honorific

from .khmer_names import full_names_of_given
from .khmer_words import CAPITAL, LOWER, is_khmer_text
from .names import FUNCTION_WORDS, NOT_PERSON_WORDS, POSSESSED, PSEUDONYM, names_in
from .spans import ANY_PLACEHOLDER, find_quote_spans

NEVER_NAMES = FUNCTION_WORDS | NOT_PERSON_WORDS
# “Briv*, a forest guide,”: an asterisk marks a name changed to protect them.
# Names keep their accents (“Émile*”), as full names do (khmer_words.CAPITAL).
CHANGED_NAME = re.compile(rf"\b({CAPITAL}{LOWER}{{1,15}})\\?\*(?=[\s,.;:)])")
# “Srey, a 52-year-old weaver and organiser, has …”: a one-word name, given a
# person's age or a life in apposition at a sentence's start.
ONE_WORD_NAME = re.compile(
    rf"(?:^|(?<=[.?!]\s))(?P<name>{CAPITAL}{LOWER}{{1,15}}),\s+(?:an?|the)\s+"
    r"(?:\d{1,3}-year-old|(?:young|old|elderly)\s+)[^,\x00]{0,60},"
    # “Dara, not his real name,”: a pseudonym is a short name of a person.
    rf"|\b(?P<alias>{CAPITAL}{LOWER}{{1,15}})\s*[,(]\s*{PSEUDONYM}"
    # “Moto-taxi driver Sam, 52, said”: a word given an age is someone's name.
    rf"|(?<![,\d]\s)\b(?P<aged>{CAPITAL}{LOWER}{{1,15}}),\s+(?:aged\s+)?\d{{1,2}},"
)


def known_short_names(paragraphs, directory):
    """The last word of every full name in the story: what its short names may be."""
    short = set()
    for text in paragraphs:
        frame, _spans = find_quote_spans(text)
        plain = ANY_PLACEHOLDER.sub(" ", frame)
        named = (
            match["name"] or match["alias"] or match["aged"]
            for match in ONE_WORD_NAME.finditer(plain)
        )
        short.update(
            name for name in named if name not in NEVER_NAMES and not directory.is_place(name)
        )
        owners = " . ".join(POSSESSED.findall(plain))
        for name, _start, _end in names_in(plain, directory, set()) + (
            names_in(owners, directory, set()) if owners else []
        ):
            words = split_honorific(name)[1].split()
            if len(words) > 1:
                short.add(words[-1])
            if len(words) > 1 and is_khmer_text(name):
                # A Khmer full name, found again without its honorific (``khmer.names_in``).
                short.add(" ".join(words))
    return short | full_names_of_given(paragraphs)


def without_changed_marks(paragraphs):
    """
    ``(paragraphs, names)``: the paragraphs with each changed name's asterisk
    taken off, and those names, each a person's short name.
    """
    names = {name for text in paragraphs for name in CHANGED_NAME.findall(text)} - NEVER_NAMES
    return [CHANGED_NAME.sub(r"\1", text) for text in paragraphs], names
