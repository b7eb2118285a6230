"""
The ranker experiment's view of the finder (bench/ranker_candidates.py,
bench/ranker.py): a collector shown what the rules resolve, driven with an
invented story.
"""

from django.test import SimpleTestCase

from bench.ranker import Example, decide, train
from bench.ranker_candidates import Collector
from quotes.attribution import analyze

# An invented story: a named speaker, a second person, then a quote with no credit.
PARAGRAPHS = [
    "Commune chief Mao Sreypov said the well had run dry in March.",
    "“We carry water from the river every morning,” Mao Sreypov said.",
    "Chan Dara, a provincial engineer, visited the village on Monday.",
    "“Repairs will start once the rains end.”",
]


def findings_and_choices():
    collector = Collector()
    findings = analyze(PARAGRAPHS, collector=collector)
    return findings, collector.choices(findings)


class CollectorTests(SimpleTestCase):
    def test_a_collector_changes_nothing_the_finder_finds(self):
        """The same story read with and without a collector gives the same findings."""
        plain = analyze(PARAGRAPHS)
        collected, _choices = findings_and_choices()
        self.assertEqual(
            [(f.text, f.entity and f.entity.label, f.confidence, f.how, f.note) for f in plain],
            [(f.text, f.entity and f.entity.label, f.confidence, f.how, f.note) for f in collected],
        )

    def test_each_quote_lists_the_people_named_so_far_and_nobody(self):
        """Both people named before the last quote are its candidates, then “no speaker”."""
        findings, choices = findings_and_choices()
        self.assertEqual(len(choices), len(findings))
        last = choices[-1]
        labels = [entity.label if entity else None for entity in last.candidates]
        self.assertIn("Mao Sreypov", labels)
        self.assertIn("Chan Dara", labels)
        self.assertIsNone(labels[-1])
        first = choices[0]
        self.assertEqual(first.candidates[0], first.finding.entity)
        self.assertEqual(first.features[0]["rules"], 1.0)
        self.assertEqual(first.features[-1], {"nobody": 1.0, "nobody khmer": 0.0})


class RankerTests(SimpleTestCase):
    def test_training_is_deterministic_and_an_infinite_margin_keeps_the_rules(self):
        """The same examples give the same weights; at an infinite margin nothing is overridden."""
        _findings, choices = findings_and_choices()
        story = {"id": "invented", "language": "en"}
        examples = [
            Example(story, choice.features, [i == 0 for i in range(len(choice.features))], 0)
            for choice in choices
        ]
        self.assertEqual(train(examples), train(examples))
        weights = train(examples)
        for example in examples:
            self.assertIsNone(decide(weights, example.features, example.rules, float("inf")))
