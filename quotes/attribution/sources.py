"""
The organizations a story names, publications apart from groups, so that
“the paper” or “the research group” can be the one the story named.

``organizations_in`` reads the whole story for names the way it writes
them: “Rasmei Kampuchea editor Pen Pheng” and “the daily Koh Santepheap”
name publications; “rights group Licadho” and “a report by the Paris-based
Observatory for …” name groups. ``Organizations`` then says which one a
description fits, if only one does.
"""

import re

from .names import FUNCTION_WORDS, NOT_PERSON_WORDS, TITLE_WORDS
from .spans import ANY_PLACEHOLDER, find_quote_spans

PUBLICATION, GROUP, MINISTRY = "publication", "group", "ministry"

# An organization's name: capitalised words, joined by “of”, “and”, “for”,
# “the”. At most twelve words (“Cambodian League for the Promotion and Defense
# of Human Rights” has seven): a pattern tried at each word of a run of
# capitalised words must stop, or a long run costs the square of its length.
NAME = r"[A-Z][\w'’\-.&]*(?:\s+(?:(?:of|and|for|on|the|&)\s+){0,2}[A-Z0-9][\w'’\-.&]*){0,11}"
# The last words of groups' names: “the Garment Makers Association” is
# “the association” later.
GROUP_ENDINGS = (
    "Association", "Federation", "Coalition", "Alliance", "Institute", "Foundation", "Union",
    "Network",
)  # fmt: skip
PATTERNS = [
    # “Koh Santepheap (Island of Peace) editor Lim Pheap”
    (
        PUBLICATION,
        rf"({NAME})\s*(?:\([^()]{{1,40}}\)\s*)?"
        r"(?:editor|editor-in-chief|publisher|reporters?|correspondents?|columnists?)\b",
    ),
    (
        PUBLICATION,
        rf"\b(?:newspaper|daily|weekly|magazine|outlet|broadcaster)\s+(?:the\s+)?({NAME})",
    ),
    (PUBLICATION, rf"({NAME})\s+(?:newspaper|daily|weekly|magazine)\b"),
    (
        GROUP,
        r"\b(?:group|organi[sz]ation|NGO|watchdog|coalition|alliance|association|"
        rf"union|institute)\s+(?:the\s+)?({NAME})",
    ),
    # “the Garment Makers Association”: “the association” later.
    (
        GROUP,
        r"\b((?:[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?\s+(?:(?:of|for|and|the)\s+)?){1,6}"
        rf"(?:{'|'.join(GROUP_ENDINGS)}))\b"
        # Not when the name goes on: “Institute for River Peoples”.
        r"(?!\s+(?:for|of|on|and)\s+[A-Z])",
    ),
    # “the Ministry of Education”, “the Interior Ministry”: “the ministry” later.
    (MINISTRY, r"\b(Ministry\s+of\s+[A-Z][\w'’\-]*(?:\s+(?:and\s+)?[A-Z][\w'’\-]*){0,7})"),
    (MINISTRY, r"\b((?:[A-Z][\w'’\-]*\s+){1,3}Ministry)\b(?!\s+of\b)"),
]
# “a fresh study by the Geneva-based Centre for …”: a group if the name
# reads as one (not “a letter from Sok Dara”).
AUTHORED = (
    r"\b(?:report|statement|study|survey|letter|analysis)\s+(?:by|from|of)\s+"
    rf"(the\s+)?(?:[\w\-]+-based\s+)?({NAME})"
)
# The head of a description, and the kind of organization it names.
HEADS = {
    PUBLICATION: {
        "paper", "newspaper", "daily", "weekly", "outlet", "magazine", "publication", "broadcaster",
    },
    GROUP: {
        "group", "organization", "organisation", "ngo", "watchdog", "coalition",
        "alliance", "association", "institute", "observatory",
    },
    MINISTRY: {"ministry"},
}  # fmt: skip
COMMON = FUNCTION_WORDS | TITLE_WORDS | {"Senior", "Chief", "Local", "Former", "Foreign"}


def _clean(name):
    name = re.sub(r"^(?:The|the)\s+", "", name.strip())
    name = re.sub(r"^\w+['’]s\s+", "", name)  # “Friday’s Rasmei Kampuchea”
    name = re.sub(r"['’]s?$", "", name.strip(" ."))
    words = name.split()
    # “But the Garment Makers Association”: the words opening the sentence are no part of it.
    while len(words) > 1 and (words[0] in FUNCTION_WORDS or words[0] == "the"):
        words.pop(0)
    name = " ".join(words)
    # “union President Ath Thorn” names a person, not a union.
    if not words or words[0] in COMMON or name.isdigit():
        return ""
    return name


def _reads_as_group(the, name):
    words = set(name.split())
    return bool(the) or name.isupper() or bool(words & NOT_PERSON_WORDS)


def organizations_in(paragraphs):
    """``{name: kind}`` for every publication and group the story names outside its quotes."""
    found = {}
    for text in paragraphs:
        frame, _spans = find_quote_spans(text)
        plain = ANY_PLACEHOLDER.sub(" ", frame)
        for kind, pattern in PATTERNS:
            for match in re.finditer(pattern, plain):
                name = _clean(match[1])
                if name:
                    found.setdefault(name, kind)
        for match in re.finditer(AUTHORED, plain):
            name = _clean(match[2])
            if name and _reads_as_group(match[1], name):
                found.setdefault(name, GROUP)
    return found


def head_kind(description):
    """PUBLICATION or GROUP if a description's head word names one, else ""."""
    words = re.findall(r"[a-z]+", description.casefold())
    head = words[-1] if words else ""
    return next((kind for kind, heads in HEADS.items() if head in heads), "")


class Organizations:
    """The publications and groups a story names."""

    def __init__(self, named=None):
        self.named = named or {}

    def only(self, kind):
        """The one organization of ``kind`` the story names, or "" if none or several."""
        names = [name for name, named_kind in self.named.items() if named_kind == kind]
        return names[0] if len(names) == 1 else ""

    def ending_in(self, head):
        """The one group named with ``head`` as its last word (“… Association”), or ""."""
        if head.capitalize() not in GROUP_ENDINGS:
            return ""
        names = [name for name in self.named if name.split()[-1].casefold() == head]
        return names[0] if len(names) == 1 else ""

    def called(self, name):
        """The organization ``name`` is (“Friday’s Rasmei Kampuchea”), or ""."""
        name = _clean(name)
        return name if name in self.named else ""

    def within(self, text):
        """The first organization whose name ``text`` contains (“rights group Licadho”), or ""."""
        return next((name for name in self.named if re.search(rf"\b{re.escape(name)}\b", text)), "")
