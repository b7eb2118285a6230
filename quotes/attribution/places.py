"""
The names a story itself calls places (“Prey Lang, a protected forest”, a
dateline's place), so that they are never read as people anywhere in it.
"""

import re

from .khmer_words import is_khmer_text
from .names import DATELINE, names_in

# “Kbal Tuk, a wide protected forest to the east”: a name the story calls a
# place is a place everywhere in it (not “Sok Dara, a village chief”).
PLACE_APPOSITIVE = re.compile(
    r"(?<=[A-Za-z]),\s+(?:a|an|the)\s+"
    r"(?:(?!(?:at|in|of|on|from|near|for|with|by|the|a|an)\s)[a-z\-]+\s+){0,3}"
    r"(?:protected\s+area|area|forest|sanctuary|reserve|"
    r"park|province|district|commune|village|town|city|region|island|river|lake|mountain|"
    r"valley|temple|pagoda|port|plantation|concession)\b"
    r"(?=\s*(?:[,.;:\x00]|$)|\s+(?:to|in|of|on|near|that|which|where|and|with|along|north|"
    r"south|east|west|bordering|covering|stretching)\b)"
)


def places_named(paragraphs, directory):
    """Every name a story calls a place in apposition (“Prey Lang, a protected forest”)."""
    places = set()
    for text in paragraphs:
        if is_khmer_text(text):
            continue
        dateline = DATELINE.match(text)
        if dateline:
            # “RUN TA EK, Cambodia — …”, then “Run Ta Ek, a new settlement”.
            places.add(dateline[1].title())
        for appositive in PLACE_APPOSITIVE.finditer(text):
            before = text[max(0, appositive.start() - 80) : appositive.start()]
            names = names_in(before, directory, set())
            if names and names[-1][2] == len(before):
                places.add(names[-1][0])
    return places
