"""
How sure a reading is, out of 100, for each way a speaker is found.

A Finding carries one of these; ``quotes.services`` stores it as the Quote's
confidence, so a journalist checks the lowest first.
"""

EXPLICIT_FULL_NAME = 95
EXPLICIT_SHORT_NAME = 90
DESCRIBED_SOURCE = 90
SAME_SENTENCE = 85
SAME_PARAGRAPH = 85
PRONOUN = 85
DEFINITE_DESCRIPTION = 80
CONTINUATION = 75
PRONOUN_GENDER_LEARNED = 70
INTRODUCED_BEFORE = 70
UNKNOWN_SHORT_NAME = 55
AMBIGUOUS_SHORT_NAME = 50
FALLBACK = 30
NO_SPEAKER = 0
