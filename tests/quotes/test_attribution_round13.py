"""
Quote attribution, issue 16, thirteenth round (English): the patterns the
finder still missed on the development stories after round 12. Each test
class names a pattern and tries it in several wordings.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class GroupOrCountryCharacterizesTests(AttributionTestCase):
    """
    “Kep authorities called the posts “false news””, “Thailand admitted
    “stray” shells”, “some outlets criticised him as one of the “strongmen””:
    a group, a country or a capital whose word a short quote is.
    """

    def test_a_place_and_a_group_noun(self):
        findings = self.read(
            "Kep authorities called the photos “false news” and accused her of "
            "“stirring up unrest” on Monday."
        )
        self.assertEqual(self.labels(findings), ["Kep authorities", "Kep authorities"])
        self.assertNotSure(findings[0])

    def test_some_outlets(self):
        (finding,) = self.read(
            "The minister flew to Rome, where some news outlets criticised him as one of "
            "the “strongmen” of the region."
        )
        self.assertEqual(self.label(finding), "some news outlets")

    def test_a_country_admits(self):
        (finding,) = self.read("Thailand admitted “stray” shells near the border on Friday.")
        self.assertEqual(self.label(finding), "Thailand")

    def test_a_capital_dismisses(self):
        (finding,) = self.read(
            "Sok Dara was charged in May. Canberra dismissed the charges as “invented stories”."
        )
        self.assertEqual(self.label(finding), "Canberra")

    def test_a_capital_troubled_and_pointing_to(self):
        findings = self.read(
            "Sok Dara won the vote in July.",
            "Ottawa was “alarmed” by the vote because it “was not open to all.” Bonn pointed "
            "to the “narrow field” and the lack of “a real choice for voters.”",
        )
        self.assertEqual(self.labels(findings), ["Ottawa", "Ottawa", "Bonn", "Bonn"])

    def test_a_space_lost_before_the_quote_mark(self):
        findings = self.read("Bonn pointed to the“narrow field” and the lack of“a real choice.”")
        self.assertEqual(self.labels(findings), ["Bonn", "Bonn"])

    def test_a_leader_signals(self):
        (finding,) = self.read(
            "Keo Sam, 68, signalled that his foreign-educated son Keo Rith “may be” governor soon."
        )
        self.assertEqual(self.label(finding), "Keo Sam")

    def test_a_thing_that_is_troubled_is_still_no_speaker(self):
        (finding,) = self.read(
            "The road was “closed for repairs” by the province for weeks, villagers said."
        )
        self.assertEqual(self.label(finding), "villagers")


class LedeSpeakerNamedLaterTests(AttributionTestCase):
    """
    “A teacher who was fired last year says “…”” in the lede, the person
    named further down saying the same words: that person, checked.
    """

    def test_the_whole_quote_said_again(self):
        findings = self.read(
            "At a hearing on Monday, a teacher who was fired last year says “the school was our "
            "only home.”",
            "The court heard three witnesses.",
            "Chea Sophal is one of them. “We had nowhere else. The school was our only home,” "
            "she said.",
        )
        self.assertChecked(findings[0], "Chea Sophal")
        self.assertIn("Chea Sophal", findings[0].note)

    def test_one_word_said_again(self):
        findings = self.read(
            "A well-known Cambodian singer told reporters he has lost his “voice” after the ban.",
            "Police held Keo Rith for a week in May.",
            "“I have lost my voice, and I will not sing again,” Rith said.",
        )
        self.assertChecked(findings[0], "Keo Rith")

    def test_words_nobody_says_again_stay_unnamed(self):
        findings = self.read(
            "A farmer who lost his land says “the river took everything.”",
            "Keo Rith, the governor, said: “We will help them.”",
        )
        self.assertEqual(self.label(findings[0]), "a farmer who lost his land")


class QuoteAfterAParagraphNamingNobodyTests(AttributionTestCase):
    """“X said … / The claim conflicts with records … / “…””: X's, checked."""

    def test_the_speaker_two_paragraphs_up(self):
        findings = self.read(
            "Fish Traders Union head Keo Rith said the drop came from a shortage of boats.",
            "The claim is at odds with port records, which show more boats than ever.",
            "“The market is good this year, so buyers go straight to the fishermen.”",
        )
        self.assertChecked(findings[0], "Keo Rith")

    def test_a_paragraph_naming_someone_breaks_the_chain(self):
        findings = self.read(
            "Fish Traders Union head Keo Rith said the drop came from a shortage of boats.",
            "Port chief Chan Sophal disputed the claim on Monday.",
            "“The market is good this year, so buyers go straight to the fishermen.”",
        )
        self.assertNotEqual(self.label(findings[0]), "Keo Rith")


class MessageSayingTests(AttributionTestCase):
    """“Adhoc said that Rith contacted them with a message saying, “…””: Rith's."""

    def test_the_sender_of_the_message(self):
        findings = self.read(
            "Keo Rith, a reporter, was held on Monday.",
            "The rights group Adhoc said that after his arrest, Rith contacted them with a "
            "message saying, “I am held at the district police station.”",
        )
        self.assertEqual(self.label(findings[0]), "Keo Rith")

    def test_a_text_message_sent_to_the_family(self):
        findings = self.read(
            "Police said Chan Sophal sent his wife a text message saying: “Do not worry.”"
        )
        self.assertEqual(self.label(findings[0]), "Chan Sophal")
