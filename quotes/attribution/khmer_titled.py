"""
Who a Khmer story names right after a title: “អ្នកនាំពាក្យទីស្តីការគណៈរដ្ឋមន្ត្រី
ឯកឧត្តម X …”, so that the title alone later (“អ្នកនាំពាក្យ… បានមានប្រសាសន៍ថា”)
is X.
"""

import re

from .khmer_words import HONORIFIC_WORDS, alternatives, fold

AN_HONORIFIC = rf"\s*(?:{alternatives(HONORIFIC_WORDS)})?\s*"


def named_after(cast, title, paragraphs):
    """The people named right after ``title`` (an honorific between) anywhere in the story."""
    people = [other for other in cast.entities if other.name and other.is_person]
    named = set()
    for text in map(fold, paragraphs):
        for match in re.finditer(re.escape(title), text):
            after = text[match.end() : match.end() + 60]
            named.update(
                other
                for other in people
                if re.match(rf"{AN_HONORIFIC}{re.escape(fold(other.name))}", after)
            )
    return named
