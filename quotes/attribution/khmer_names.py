"""
Whether a name read in Khmer text is sure enough to confirm unread: its
edges are unsure when it is in Latin letters, glued to a word that is neither
an honorific nor a title, or holds a word longer than a Khmer name's.
"""

import re

from people.names import KHMER_TITLE_TAIL

from .khmer import (
    HONORIFIC,
    TITLE_WORDS,
    _honorific_here,
    _name_after,
    _name_after_title,
    _plain_name_word,
    names_in,
    skip_titles,
)
from .khmer_given import given_words_speaking
from .khmer_words import (
    HONORIFIC_WORDS,
    KHMER_RUN,
    ROLE_HEAD,
    SPEECH_VERB,
    alternatives,
    fold,
    is_khmer_text,
)

HONORIFIC_END = re.compile(rf"(?:{alternatives(HONORIFIC_WORDS)})$")
# A title a name may be glued to (“កីឡាករប៉ាក់ កែវម៉ូនី”): a tight rule, read as sure.
TITLE_END = re.compile(
    rf"(?:^|(?<![\u1780-\u17d3\u17dd])|{HONORIFIC.pattern}){TITLE_WORDS.pattern}$"
)


def name_to_check(text, name):
    """
    Whether ``name``, read in Khmer ``text``, may be cut short or run on: in
    Latin letters (an initial, a club or a brand in capitals read as a
    person), glued to a word before it other than an honorific or a title
    (“ពីហ្វេសប៊ុកសុខ ដារ៉ា”), or with a word longer than a Khmer name's (a
    verb glued on), or of more than two words (a Vietnamese name read past its
    middle name, “ផាម ធី ហ៊ុយយ៉េន ត្រាង”), or with a word that is also a
    speech verb (“ចាន់ សួរ”: Sour, or “asks”; ``_verb_named`` rests on too few
    stories to be sure).
    """
    folded, key = fold(text), fold(name)
    at = folded.find(key)
    before = folded[:at]
    # Glued to a word (“ពីហ្វេសប៊ុកសុខ ដារ៉ា”), not to an honorific or a title.
    glued = (
        at > 0
        and re.match(KHMER_RUN, before[-1])
        and not HONORIFIC.match(key)
        and not re.search(HONORIFIC_END, before)
        and not re.search(TITLE_END, before)
    )
    latin = re.search("[A-Za-z]", name)
    honorific = HONORIFIC.match(key)
    words = key[skip_titles(key, honorific.end()) if honorific else 0 :].split()
    return bool(
        latin
        or glued
        or len(words) > 2
        or any(len(word) > 12 or SPEECH_VERB.fullmatch(word) for word in words)
    )


def outside_names(clause, verbs, known):
    """``verbs`` of ``clause`` but those inside a name (“លោក ហេង សួរ៖”: Sour, not “asks”)."""
    names = [(start, end) for _name, start, end in names_in(clause, known)] if verbs else []
    return [verb for verb in verbs if not any(a < verb.start() < b for a, b in names)]


def full_names_of_given(paragraphs):
    """
    The full names of people the story calls by the given name alone before
    a speech verb (“វិបុល បាននិយាយថា”), where no honorific or title marks
    the full name: a pair of name words ending in that given name, written
    at least twice (“… ឈ្មោះ សុខ វិបុល … ចំពោះ សុខ វិបុល …”), or once if
    the given name alone is written twice more. And the
    names whose second word is also a verb (``_verb_named``).
    """
    texts = [fold(text) for text in paragraphs if is_khmer_text(text)]
    story = " ".join(texts)
    given = {word for text in texts for word, _start, _end in given_words_speaking(text)}
    names = _verb_named(story)
    for word in filter(_plain_name_word, given):
        pairs = re.findall(rf"(?:^|(?<=\s))({KHMER_RUN}+) {re.escape(word)}(?![^\s។៕៖:,!?])", story)
        # Written as a pair twice, or once and then by the given name alone twice.
        alone = len(re.findall(rf"(?:^|(?<=[\s។៕៖:,!?])){re.escape(word)}(?=[\s។៕៖:,!?]|$)", story))
        for first in {
            pair for pair in pairs if pairs.count(pair) >= 2 or alone - pairs.count(pair) >= 2
        }:
            if _plain_name_word(first) and not ROLE_HEAD.match(first):
                names.add(f"{first} {word}")
    return names


# An honorific, two words, then a colon or a role: “លោក ហេង សួរ៖”, “លោក ហេង សួរ អ្នកនាំពាក្យ…”.
HONORED_PAIR = re.compile(
    rf"(?:{alternatives(HONORIFIC_WORDS)}) ?(?P<pair>{KHMER_RUN}+ {KHMER_RUN}+)"
    rf"(?:\s*[៖:]|(?P<role> (?:{ROLE_HEAD.pattern})))"
)


def _verb_named(story):
    """
    Two-word names whose second word is also a verb (“សួរ”, to ask), read
    as a name where the story writes the same pair after an honorific twice,
    once with a role after it: a verb is not followed by a role, twice.
    """
    pairs = [(match["pair"], bool(match["role"])) for match in HONORED_PAIR.finditer(story)]
    return {
        pair
        for pair, roled in pairs
        if roled and [p for p, _r in pairs].count(pair) >= 2 and _plain_name_word(pair.split()[0])
    }


def bare_honorific(text, index):
    """The honorific at ``index`` of ``text`` if no name follows it (“លោកបន្តថា”), else ""."""
    folded = fold(text)
    match = HONORIFIC.match(folded, index)
    if (
        match
        and _honorific_here(folded, match)
        and _name_after(folded, match.end(), set()) is None
        and _name_after_title(folded, match.end(), set()) is None
    ):
        # With a title glued to it: “សម្តេចអគ្គមហាសេនាបតីតេជោ”, “សម្តេចក្រឡាហោម”.
        tail = KHMER_TITLE_TAIL.match(folded[match.end() :] + " ")
        return text[index : match.end() + (len(tail[0].rstrip()) if tail else 0)]
    return ""
