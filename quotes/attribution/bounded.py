"""
Reading what comes just before a place in a text, in bounded time.

``pattern.search(text[:end])`` for a pattern anchored at the end (``…\\s+$``)
tries every start in ``text[:end]``: done for each name or mark of a
paragraph, that is the square of the paragraph's length (seconds for a long
paragraph, minutes for one made to be slow). What such a pattern looks for
is a few words long, so only the last ``REACH`` characters are read.
"""

import heapq
import re

# Longer than any title, list of portfolios or clause these patterns match.
REACH = 240


def ends_with(pattern, text, end=None, reach=REACH):
    """
    ``pattern.search(text[:end])`` for a ``pattern`` anchored with ``$``,
    reading at most ``reach`` characters before ``end``.
    """
    end = len(text) if end is None else end
    return pattern.search(text, max(0, end - reach), end)


NOT_SPACE = re.compile(r"\S")


def only_spaces_before(text, index):
    """Whether nothing but spaces comes before ``index`` (``not text[:index].strip()``, at once)."""
    return NOT_SPACE.search(text, 0, index) is None


# No published sentence has more speech verbs than this; one made of them
# would have each read up to the quote.
VERBS_TRIED = 6


def nearest(verbs, start):
    """The ``VERBS_TRIED`` speech ``verbs`` (matches) nearest ``start``, nearest first."""
    return heapq.nsmallest(VERBS_TRIED, verbs, key=lambda verb: abs(verb.start() - start))
