"""
Quote attribution, issue 16, twelfth round (English): the patterns the finder
still missed on the development stories once batch 7 was folded in. Each
test class names a pattern and tries it in several wordings.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class OrganizationSaidThatTests(AttributionTestCase):
    """“Amnesty International said the verdict was “…””: the group speaks, not the verdict."""

    def test_the_reported_clause_is_not_the_speaker(self):
        findings = self.read(
            "Green Hands, a group of young campaigners, was fined on Monday.",
            "Amnesty International said the ruling was “a dark day for the river”.",
        )
        self.assertEqual(self.labels(findings), ["Amnesty International"])
        self.assertNotSure(findings[0])

    def test_an_unknown_group_leaves_the_quote_to_check(self):
        findings = self.read(
            "Green Hands, a group of young campaigners, was fined on Monday.",
            "Nobody at all said the ruling was “a dark day for the river”.",
        )
        self.assertNotEqual(self.labels(findings), ["Green Hands"])

    def test_a_capitalised_group_word_before_an_acronym(self):
        findings = self.read(
            "Sok Dara, a lawyer for the farmers, spoke after the hearing.",
            "Local rights group CLEC described the hearing as a “trial without a defence” for all.",
        )
        self.assertEqual(self.labels(findings), ["CLEC"])

    def test_inverted_said_still_reads_after_a_comma(self):
        (finding,) = self.read("The water, said Keo Sam, a village chief, came “too fast to run”.")
        self.assertEqual(self.label(finding), "Keo Sam")
