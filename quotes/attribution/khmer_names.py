"""
Whether a name read in Khmer text is sure enough to confirm unread: its
edges are unsure when it is in Latin letters, glued to a word that is neither
an honorific nor a title, or holds a word longer than a Khmer name's.
"""

import re

from .khmer import HONORIFIC, TITLE_WORDS, skip_titles
from .khmer_words import HONORIFIC_WORDS, KHMER_RUN, alternatives, fold

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
    middle name, “ផាម ធី ហ៊ុយយ៉េន ត្រាង”).
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
    return bool(latin or glued or len(words) > 2 or any(len(word) > 12 for word in words))
