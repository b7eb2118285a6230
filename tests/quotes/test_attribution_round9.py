"""
Quote attribution, issue 16, ninth round: quotes the finder missed in the
fourth fresh batch of real stories. Each test class names a pattern and
tries it in several wordings.

Every story here is invented.
"""

from tests.support.attribution import THRESHOLD, AttributionTestCase


class StraightSingleMarkTests(AttributionTestCase):
    """Wire copy quoting in straight single marks: 'So far …,' he said."""

    def test_a_whole_quote_after_the_speaker_is_introduced(self):
        findings = self.read(
            "Keo Sam, the head of the union, spoke outside the factory.",
            "'So far nobody has bothered us. But the guards came this morning,' he said.",
        )
        self.assertEqual(len(findings), 1)
        self.assertTrue(findings[0].text.startswith("So far nobody has"))
        self.assertChecked(findings[0], "Keo Sam")

    def test_a_quote_opening_with_a_bracket_and_a_second_one(self):
        findings = self.read(
            "'[The governor] thinks he owns the province, and nobody stops him,' "
            "said farmer Chea Vanna. 'If I speak, I lose my land.'"
        )
        self.assertEqual([f.text[:9] for f in findings], ["[The gove", "If I spea"])
        self.assertEqual(self.label(findings[0]), "Chea Vanna")
        self.assertChecked(findings[1], "Chea Vanna")

    def test_apostrophes_and_short_terms_are_no_quotes(self):
        findings = self.read("The villagers' 'green rats' found mines in the '90s, Sok Dara said.")
        self.assertEqual(findings, [])


class NamingVerbPartialTests(AttributionTestCase):
    """A word the subject named a thing by: called, described as, accused."""

    def test_described_as(self):
        (finding,) = self.read(
            'Sok Dara on Monday described the attack as "a cowardly act" and left.'
        )
        self.assertChecked(finding, "Sok Dara")

    def test_called_then_accused_share_a_subject(self):
        findings = self.read(
            "Governor Keo Sam called the posts “lies” and accused him of "
            "“wanting to cause chaos”, while calling for punishment."
        )
        self.assertEqual([self.label(f) for f in findings], ["Keo Sam", "Keo Sam"])
        self.assertTrue(all(f.confidence < THRESHOLD for f in findings))

    def test_accused_with_the_word_in_front_of_the_object(self):
        (finding,) = self.read(
            "Former minister Chea Vanna accused Thai “invaders” of starting the fight."
        )
        self.assertChecked(finding, "Chea Vanna")


class AsPutItTests(AttributionTestCase):
    """“…”, as one villager put it: the words of the one who put it so."""

    def test_a_described_villager(self):
        (finding,) = self.read("The land was “stolen in broad daylight,” as one villager put it.")
        self.assertChecked(finding, "one villager")

    def test_a_named_person_is_checked(self):
        (finding,) = self.read(
            "Sok Dara, a farmer, joined the march.",
            "It was “a betrayal of the village,” as Sok Dara put it.",
        )
        self.assertChecked(finding, "Sok Dara")

    def test_many_is_nobody_in_particular(self):
        findings = self.read("Crowds praised his “speaking plainly”, as many put it.")
        self.assertEqual([f.entity for f in findings], [None] * len(findings))
