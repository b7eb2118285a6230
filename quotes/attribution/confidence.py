"""
How sure a reading is, out of 100, for each way a speaker is found.

A Finding carries one of these; ``quotes.services`` stores it as the Quote's
confidence, so a journalist checks the lowest first. The figures are
calibrated on real published stories (``bench/attribution.py``) and on
the stories in tests/fixtures/stories: each is about how often that way of
reading was right there. Only ways of reading right at least 97 times in
100 on the real stories, from many outlets, sit at or above the threshold.
"""

CONFIRM_THRESHOLD = 80
"""
The confidence from which a journalist may confirm a quote without reading
its attribution again: of the quotes at or above it, at least 97 % were
given to the right speaker on the evaluation stories. Below it, every quote
carries a note saying which reading was made and what else was possible.
"""

EXPLICIT_FULL_NAME = 95
EXPLICIT_SHORT_NAME = 90
DESCRIBED_SOURCE = 90
SOURCE_PRONOUN = 85
SAME_SENTENCE = 85
PRONOUN = 85
TITLE = 85
DESCRIPTION_FROM_HONORIFIC = 85
# A quote with no attribution of its own, given to the paragraph's speaker
# or subject: right about five times in six on real stories, so checked.
SAME_PARAGRAPH = 75
# “the villager” taken back to the unnamed villager met before: too few
# real cases to show it holds at the threshold.
DEFINITE_DESCRIPTION = 75
CONTINUATION = 75
PRONOUN_GENDER_LEARNED = 75
PRONOUN_RIVAL_IN_PASSING = 75
LINKED_SOURCE = 75
INTRODUCED_BEFORE = 70
DESCRIPTION_OF_SUBJECT = 70
PRONOUN_NOT_SALIENT = 65
# A title nobody in the story was given (“the Bishop”): mostly a person
# named elsewhere, or no person at all.
UNMATCHED_TITLE = 50
UNMATCHED_SOURCE = 70
GROUP_PRONOUN = 60
AMBIGUOUS_PRONOUN = 55
AMBIGUOUS_TITLE = 55
UNKNOWN_SHORT_NAME = 55
AMBIGUOUS_SHORT_NAME = 50
FALLBACK = 30
NO_SPEAKER = 0
