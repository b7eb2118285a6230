"""
The synthetic plain-text stories in tests/fixtures/stories and their answer keys.

The stories at the top level were written with the attribution rules and
cover every pattern of the issue; those in held-out/ were written afterwards,
to measure the rules on prose they were not tuned on.
"""

import json

from people.models import Person
from tests.support import FIXTURES
from tests.support.factories import make_alias, make_person

STORIES = FIXTURES / "stories"
HELD_OUT = STORIES / "held-out"
ANSWERS = json.loads((STORIES / "answers.json").read_text(encoding="utf-8"))
HELD_OUT_ANSWERS = json.loads((HELD_OUT / "answers.json").read_text(encoding="utf-8"))


def story_path(name):
    path = STORIES / name
    return path if path.exists() else HELD_OUT / name


def make_known_people():
    """The people story 08 expects to find already in the database."""
    bopha = make_person(
        "Nhem Bopha", name_km="ញឹម បុប្ផា", short_name="Bopha", gender=Person.Gender.FEMALE
    )
    make_alias(bopha, "Bopha Nhem")
    rithy = make_person("Heng Rithy", short_name="Rithy", honorific="Dr", gender="m")
    sophea = make_person("Kong Sophea", short_name="Sophea", gender=Person.Gender.FEMALE)
    make_alias(sophea, "Sophea Kong")
    return {"bopha": bopha, "rithy": rithy, "sophea": sophea}


def expected_speaker(quote):
    """A quote's speaker written as the answer key writes it."""
    if quote.speaker_id:
        return quote.speaker.name
    return f"anonymous: {quote.anonymous_description}"


def score(articles_by_name, answers_by_name):
    """
    Compare the quotes found in each story with the answer key. Return
    ``(correct, found, expected, mistakes)``: precision is correct / found
    (quotes given a speaker), recall is correct / expected.
    """
    correct = found = expected = 0
    mistakes = []
    for name, answers in answers_by_name.items():
        quotes = list(articles_by_name[name].quotes.select_related("speaker"))
        expected += len(answers)
        found += sum(1 for quote in quotes if quote.speaker_id or quote.confidence)
        for start, speaker in answers:
            matches = [quote for quote in quotes if quote.text.startswith(start)]
            if not matches:
                mistakes.append(f"{name}: “{start}…” not found")
                continue
            got = expected_speaker(matches[0])
            if got == speaker or (speaker.startswith("anonymous: ") and got.startswith(speaker)):
                correct += 1
            else:
                mistakes.append(f"{name}: “{start}…” given to {got}, not {speaker}")
    return correct, found, expected, mistakes
