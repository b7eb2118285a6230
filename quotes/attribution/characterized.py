"""
Words a sentence's subject characterizes something with (“The Daily Post
attacked Adhoc for “hiding” them”, “Washington was “troubled” by the vote”,
“X called the posts “lies””): the subject's words, read by ``speakers``.
"""

import re

from .subjects import country_source, subject_before
from .verbs import CHARACTERIZING, FEELING, FEELING_AFTER, NAMING, PLEDGING, WHEN


def characterized(sentence, start, directory, known_short):
    """“The Daily Post attacked Adhoc for “hiding” them”: the subject's word."""
    # A space lost before the quote mark (“pointed to the“…””) is read as typed.
    before = sentence[:start] + " "
    verb = CHARACTERIZING.search(before) or PLEDGING.search(before) or NAMING.search(before)
    feeling = verb is None and FEELING.search(before)
    if feeling and FEELING_AFTER.match(sentence, sentence.find("\x01", start) + 1):
        verb = feeling  # “Washington was “troubled” by the vote”.
    if verb is None:
        return None
    clause_start = before.rfind("\x01", 0, verb.start()) + 1
    subject = before[clause_start : verb.start()]
    if clause_start and re.fullmatch(r"\s*,?\s*(?:and|but|then|and\s+then)?\s*", subject):
        # “X called the posts “lies” and accused her of “…””: the same subject.
        return characterized(
            sentence, before.rfind("\x00", 0, clause_start), directory, known_short
        )
    if verb is not feeling and re.search(r"\b(?:was|were|is|are|be|been|being)\s*$", subject):
        # “He was criticised for “…””: the word is someone else's.
        return None
    # “Keo Sam on Monday demanded that the paper “correct” …”.
    subject = re.sub(rf"\s+(?:{WHEN})\s*$", " ", subject)
    # “The governor has referred to the fees as “…””: the subject before “has”.
    subject = re.sub(r"(?<=\S)\s+(?:has|have|had)\s*$", " ", subject)
    found = subject_before(subject, directory, known_short) or country_source(subject)
    if found and verb is feeling and found.kind == "description":
        return None  # “The road was “closed” by the province”: a thing feels nothing.
    if found:
        found.how = "sentence"
    return found
