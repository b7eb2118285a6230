"""
A Khmer speaker called by the given name alone (“វិបុល បាននិយាយថា”) once
the story has named them in full: the last word of a full name, opening a
clause before a speech verb, is that person.
"""

import functools
import re

from .bounded import REACH, ends_with, only_spaces_before
from .khmer_words import KHMER_RUN, ROLE_HEAD, SPEECH_VERB

# A speech verb as a word of its own, after the one who speaks.
# (A clause cut before its verb ends with the auxiliary: “… សុភី បាន”.)
OWNED_SPEECH = re.compile(rf"(?<= )(?:(?:បាន)?(?:{SPEECH_VERB.pattern})|បាន\s*$)")
CLAUSE_END = re.compile(r"[។៕៖:!?]\s*$")
# A person described, counted or pointed to, then called by one word glued to
# the verb: “ជាសិស្សពូកែម្នាក់ ដារ៉ាបាននិយាយ”, “…ជានិស្សិតផងដែរនោះ ដារ៉ាបាន…”.
DESCRIBED_THEN_GIVEN = re.compile(
    rf"(?:{ROLE_HEAD.pattern})[^។៕៖:!?«»“”]{{0,80}}?(?:ម្នាក់|នោះ) "
    rf"(?P<name>{KHMER_RUN}+?)(?=\s?(?:បាន|{SPEECH_VERB.pattern}))"
)


def given_words_speaking(folded):
    """``(word, start, end)`` for each single word opening a clause before a speech verb."""
    found = []
    for verb in OWNED_SPEECH.finditer(folded):
        low = max(0, verb.start() - REACH)
        before = folded[low : verb.start()].rstrip(" ")
        word = before.rsplit(" ", 1)[-1]
        if low and word == before:
            continue  # One word longer than the window: no name.
        start, end = low + len(before) - len(word), low + len(before)
        if word and (only_spaces_before(folded, start) or ends_with(CLAUSE_END, folded, start)):
            found.append((word, start, end))
    return found


@functools.lru_cache(maxsize=32)
def _given_names(known):
    """The last words of the full names in the frozenset ``known``."""
    return frozenset(name.split()[-1] for name in known if " " in name)


def given_names_speaking(folded, known):
    """
    ``(start, end)`` of a full name's last word alone opening a clause before
    a speech verb (“… សុខ វិបុល នៅតែចង់ឈ្នះ។ វិបុល បាននិយាយថា”).
    """
    given = _given_names(known)
    if not given:
        return []
    return [(start, end) for word, start, end in given_words_speaking(folded) if word in given]


def described_then_given(folded):
    """``(word, start, end)`` for a one-word name after a description ending “one” or “that”."""
    return [
        (match["name"], match.start("name"), match.end("name"))
        for match in DESCRIBED_THEN_GIVEN.finditer(folded)
    ]
