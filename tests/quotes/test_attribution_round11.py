"""
Quote attribution, issue 16, eleventh round: the patterns the finder missed in
the sixth batch of real stories, once it was folded into development. Each
test class names a pattern and tries it in several wordings.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class SetPhraseBeforeVerbTests(AttributionTestCase):
    """“Judge Sao in return labelled the lawyers a “…””: a phrase between subject and verb."""

    def test_a_partial_quote_after_in_return(self):
        findings = self.read(
            "Presiding judge Keo Sam opened the hearing on Monday.",
            "Judge Sam in return labelled the defence a “careless legal team” and left the room.",
        )
        self.assertEqual(self.labels(findings), ["Keo Sam"])

    def test_for_his_part_before_said(self):
        (finding,) = self.read("Chan Dara, for his part, said: “We will appeal the ruling.”")
        self.assertSure(finding, "Chan Dara")

    def test_a_description_keeps_only_its_noun_phrase(self):
        (finding,) = self.read(
            "The governor in response called the protest “a show for the cameras” on Friday."
        )
        self.assertEqual(self.label(finding), "the governor")


class PhotoCreditTests(AttributionTestCase):
    """A caption ending with its photographer's name: the photographer said nothing."""

    def test_a_pull_quote_after_a_caption_is_left_to_check(self):
        findings = self.read(
            "Sok Nary (left) speaks to villagers in Kampot in 2019. Heng Vibol",
            "“Nobody listens to us until the water comes,”",
            "Kampot provincial governor Mao Rith was replaced yesterday, a week after floods.",
        )
        (finding,) = findings
        self.assertIsNone(finding.entity)
        self.assertNotIn("Heng Vibol", finding.note)

    def test_the_photographer_is_no_speaker_later(self):
        findings = self.read(
            "Farmers plant rice near Takeo in June. Chea Ratha",
            "Farmer Lim Sophy said the rains came late.",
            "“We planted twice,” she said.",
        )
        self.assertEqual(self.labels(findings), ["Lim Sophy"])

    def test_a_sentence_ending_in_a_name_with_a_full_stop_is_no_caption(self):
        findings = self.read(
            "The award went to the reporter Chea Ratha.",
            "“I did not expect it,” she said.",
        )
        self.assertEqual(self.labels(findings), ["Chea Ratha"])
