"""
Finding the direct quotes in a story and who said them.

``analyze(paragraphs)`` reads a story's paragraphs as a copy editor does and
returns one ``Finding`` per quoted passage: its words, its paragraph, the
speaker as the story names them (or describes an unnamed source), the role
the story gives them, how sure the reading is (0–100) and what a journalist
should check. It touches no database: ``quotes.services.attribute_quotes``
turns the findings into Quote rows.

What it understands, in English news style:

- quotes in curly or straight double quotes, one or several sentences long,
  partial quotes inside a sentence, quotes running over several paragraphs;
- attribution after or before the quote: `…,” Sokha said.`, `…,” said
  Malin.`, `Sokha said: “…”`, `…,” he added.`, `she told reporters`,
  `according to Sokha`, with a role in apposition (`Chin Malin, spokesman
  for the Justice Ministry, said`) or in front (`Court spokesman Ros Vibol`);
- pronouns, resolved to the most recent person the story has put forward who
  fits (a person whose gender is not known yet fits either pronoun, and is
  then known by it);
- a quote paragraph without attribution continues the previous speaker, or
  belongs to the person the previous paragraph introduced;
- short names: “Sokha” is the person introduced as “Ny Sokha” (Cambodian
  names are family name first, so the short name ends the full name). When
  two people share it, the one the story already called by that short name
  wins, and the finding says so;
- unnamed sources: `a villager who asked not to be named said`, then
  `the villager said`.

The modules, each importing only those above it:

- ``spans``: where the quotes are in a paragraph, and its sentences;
- ``names``: people's names in running text;
- ``roles``: the role a story gives a person, and its organization;
- ``speakers``: the speaker a sentence gives a quote, as written;
- ``confidence``: how sure each way of finding a speaker is;
- ``cast``: the people a story has put forward, and whom a name, description
  or pronoun refers to;
- ``reading``: one paragraph's quotes, subjects and names, in reading order;
- ``analyze``: the whole story, quote by quote.
"""

from .analyze import Directory, Finding, analyze
from .cast import Cast, Entity
from .confidence import (
    AMBIGUOUS_SHORT_NAME,
    CONTINUATION,
    DEFINITE_DESCRIPTION,
    DESCRIBED_SOURCE,
    EXPLICIT_FULL_NAME,
    EXPLICIT_SHORT_NAME,
    FALLBACK,
    INTRODUCED_BEFORE,
    NO_SPEAKER,
    PRONOUN,
    PRONOUN_GENDER_LEARNED,
    SAME_PARAGRAPH,
    SAME_SENTENCE,
    UNKNOWN_SHORT_NAME,
)
from .reading import read_paragraph
from .roles import parse_role
from .spans import clean_quote, find_quote_spans, split_sentences
from .speakers import Attribution, attribution_for

__all__ = [
    "AMBIGUOUS_SHORT_NAME",
    "CONTINUATION",
    "DEFINITE_DESCRIPTION",
    "DESCRIBED_SOURCE",
    "EXPLICIT_FULL_NAME",
    "EXPLICIT_SHORT_NAME",
    "FALLBACK",
    "INTRODUCED_BEFORE",
    "NO_SPEAKER",
    "PRONOUN",
    "PRONOUN_GENDER_LEARNED",
    "SAME_PARAGRAPH",
    "SAME_SENTENCE",
    "UNKNOWN_SHORT_NAME",
    "Attribution",
    "Cast",
    "Directory",
    "Entity",
    "Finding",
    "analyze",
    "attribution_for",
    "clean_quote",
    "find_quote_spans",
    "parse_role",
    "read_paragraph",
    "split_sentences",
]
