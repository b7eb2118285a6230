"""
The scorer for quote attribution on real stories (bench/attribution_score.py),
driven with invented stories and findings written by hand.
"""

from django.test import SimpleTestCase

from bench.attribution_score import (
    Tally,
    band_of,
    bare_name,
    head_noun,
    match_findings,
    score_story,
    speaker_right,
)
from quotes.attribution import Entity, Finding

# An invented three-paragraph story, as a key and the findings a finder could return.
STORY = {
    "id": "invented-well",
    "outlet": "Invented Gazette",
    "language": "en",
    "url": "",
    "held_out": False,
    "quotes": [
        {"opening": "The well ran dry", "speaker": "Mao Sreypov", "role": "commune chief"},
        {"opening": "We carry water", "speaker": "unnamed: a farmer who asked not to be named"},
        {"opening": "Repairs will start", "speaker": "Chan Dara"},
        {"opening": "no budget", "speaker": "source: Provincial Water Department statement"},
    ],
}
SREYPOV = Entity(name="Mao Sreypov", honorific="Lok Srey", role="Commune chief")
FARMER = Entity(description="a farmer from the upper village")
DARA = Entity(name="Chan Dara")


def finding(text, entity, confidence=90, note="", paragraph=1):
    return Finding(text, paragraph, entity, confidence, "name", note)


class SpeakerTests(SimpleTestCase):
    def test_honorifics_spacing_and_case_are_ignored(self):
        """A key's full name matches the finder's name written with an honorific."""
        self.assertTrue(speaker_right("Mao Sreypov", Entity(name="Lok Srey Mao  sreypov")))
        self.assertTrue(speaker_right("Mao Sreypov", Entity(name="Mao Sreypov", honorific="Dr")))
        self.assertEqual(bare_name("H.E. Dr Chan Dara"), "Chan Dara")
        self.assertEqual(bare_name("សម្តេចតេជោ ម៉ៅ ដារា"), "ម៉ៅ ដារា")

    def test_a_short_name_is_not_the_full_name(self):
        self.assertFalse(speaker_right("Mao Sreypov", Entity(name="Sreypov")))
        self.assertFalse(speaker_right("Mao Sreypov", None))

    def test_unnamed_sources_match_on_the_head_noun(self):
        self.assertEqual(head_noun("a farmer who asked not to be named"), "farmer")
        self.assertEqual(head_noun("one of the security guards"), "guard")
        self.assertTrue(speaker_right("unnamed: a farmer who asked not to be named", FARMER))
        self.assertFalse(speaker_right("unnamed: a teacher at the school", FARMER))
        self.assertFalse(speaker_right("unnamed: a farmer", Entity(name="Chan Dara")))

    def test_sources_match_on_their_name_or_kind(self):
        key = "source: Provincial Water Department statement"
        self.assertTrue(speaker_right(key, Entity(organization="Provincial Water Department")))
        self.assertTrue(speaker_right(key, Entity(description="the statement")))
        self.assertFalse(speaker_right(key, Entity(description="the farmers")))
        # A diplomatic note is a document like a statement: “…, the note read”.
        note = "source: Thai diplomatic note"
        self.assertTrue(speaker_right(note, Entity(description="the note")))
        self.assertFalse(speaker_right(note, Entity(description="the spokesman")))
        # A group by the short name the key gives in brackets.
        short = "source: Cambodian Union of River Pilots (CURP) statement"
        self.assertTrue(speaker_right(short, Entity(description="CURP")))
        self.assertFalse(speaker_right(short, Entity(description="CUR")))
        # So are a court's or a ministry's papers: a complaint, a ruling, a decree.
        complaint = "source: complaint filed by the Provincial Forestry Office"
        self.assertTrue(speaker_right(complaint, Entity(description="the complaint")))
        self.assertFalse(speaker_right(complaint, Entity(description="the ruling")))


class StoryScoreTests(SimpleTestCase):
    def setUp(self):
        self.findings = [
            finding("“The well ran dry in March,” she said.", SREYPOV, 95),
            finding("We carry water from the river", DARA, 75, note="Check who said this."),
            finding("no budget", Entity(description="the statement"), 40),
            finding("a term in quotes", None, 0),
        ]

    def test_right_wrong_and_missed_quotes(self):
        score = score_story(STORY, self.findings)
        statuses = [quote.status for quote in score.quotes]
        self.assertEqual(statuses, ["right", "wrong", "missed", "right"])
        self.assertTrue(score.quotes[0].role_right)
        self.assertEqual([extra.text for extra in score.extra], ["a term in quotes"])

    def test_a_role_on_the_wrong_speaker_is_not_a_right_role(self):
        impostor = Entity(name="Chan Dara", role="Commune chief")
        findings = [finding("“The well ran dry in March,” she said.", impostor, 75)]
        self.assertFalse(score_story(STORY, findings).quotes[0].role_right)

    def test_openings_match_in_reading_order(self):
        keys = [{"opening": "Yes"}, {"opening": "Yes"}]
        first, second = finding("Yes, we will", DARA), finding("Yes.", SREYPOV)
        paired, extra = match_findings(keys, [first, second])
        self.assertEqual(paired, [first, second])
        self.assertEqual(extra, [])

    def test_a_word_inside_a_later_quote_does_not_take_that_quote(self):
        # “hero” quoted alone in the lede (dropped as a term), then inside a
        # later quote: the later quote is its own key's, and “hero” is missed.
        keys = [{"opening": "hero"}, {"opening": "They were all"}]
        later = finding("They were all ‘hero’ dogs to us", DARA)
        paired, extra = match_findings(keys, [later])
        self.assertEqual(paired, [None, later])
        self.assertEqual(extra, [])

    def test_tally_figures(self):
        tally = Tally(threshold=80).add(score_story(STORY, self.findings))
        self.assertEqual((tally.keyed, tally.found, tally.attributed), (4, 3, 3))
        self.assertEqual((tally.right, tally.wrong, tally.missing), (2, 1, 1))
        self.assertEqual((tally.confident, tally.confident_right), (1, 1))
        self.assertEqual((tally.below, tally.below_with_note), (2, 1))
        self.assertEqual(tally.precision().strip(), "66.7 %")
        self.assertEqual(tally.speaker_recall().strip(), "50.0 %")

    def test_a_crashed_story_counts_every_quote_missed(self):
        score = score_story(STORY, [], error="AttributeError: boom")
        tally = Tally().add(score)
        self.assertEqual((tally.crashed, tally.found, tally.missing), (1, 0, 4))

    def test_held_out_stories_are_scored_alike(self):
        """Held-out is the caller's choice of stories; the scoring is the same."""
        held = STORY | {"id": "invented-held", "held_out": True}
        self.assertEqual(
            [quote.status for quote in score_story(held, self.findings).quotes],
            [quote.status for quote in score_story(STORY, self.findings).quotes],
        )


class CalibrationTests(SimpleTestCase):
    def test_bands(self):
        self.assertEqual(
            [band_of(value) for value in (0, 49, 50, 69, 70, 79, 80, 89, 90, 100)],
            [
                "0–49",
                "0–49",
                "50–69",
                "50–69",
                "70–79",
                "70–79",
                "80–89",
                "80–89",
                "90–100",
                "90–100",
            ],
        )

    def test_calibration_counts_found_quotes_and_right_ones(self):
        findings = [
            finding("The well ran dry", SREYPOV, 95),
            finding("We carry water", FARMER, 72),
            finding("Repairs will start", SREYPOV, 85),
        ]
        tally = Tally().add(score_story(STORY, findings))
        self.assertEqual(tally.bands["90–100"], [1, 1])
        self.assertEqual(tally.bands["70–79"], [1, 1])
        self.assertEqual(tally.bands["80–89"], [1, 0])
        self.assertEqual(tally.bands["0–49"], [0, 0])
