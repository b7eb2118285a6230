"""
Quote attribution, issue 16, nineteenth round (English): the patterns the
unseen batch 13 showed, several of them seen in batches 8–12 as well. Each
test class names a pattern and tries it in several wordings, with the
readings it must not take.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class PlaceOrBusinessIsNoManTests(AttributionTestCase):
    """
    “he” never means a casino, a hotel or a wildlife sanctuary named just
    before: an unnamed man who is the subject of the sentence before (“a
    floor manager … emerges and denies …”) is whom “he” means.
    """

    def test_he_is_the_unnamed_manager_not_the_casino(self):
        findings = self.read(
            "Gaming town",
            "Past the guards of Golden Lotus Casino, the hall is quiet.",
            "Near the cashier, a shift supervisor in a grey suit steps out and denies "
            "that the tables take bets from abroad.",
            "“Everyone here plays in person,” he insists.",
        )
        self.assertEqual(self.label(findings[0]), "a shift supervisor in a grey suit")

    def test_he_skips_a_sanctuary_for_the_man_named_before(self):
        findings = self.read(
            "Loggers",
            "Ranger Mao Sovan has patrolled the border for ten years.",
            "Mao Sovan suspects the loggers are paid. Most of them work inside Kbal Chhay "
            "Wildlife Sanctuary.",
            "“They come at night with trucks,” he said.",
        )
        self.assertSpeakers(findings, ["Mao Sovan"])

    def test_a_hotel_is_no_speaker_for_he(self):
        findings = self.read(
            "Tourism",
            "Kim Rotha, a tour guide, waited outside Riverside Hotel.",
            "“The buses stopped coming,” he said.",
        )
        self.assertSpeakers(findings, ["Kim Rotha"])

    def test_a_role_given_in_the_sentence_stays_with_its_subject(self):
        findings = self.read(
            "Claim",
            "The union says that Sem Vuthy, director of a high school in Kandal, took the "
            "fees, a claim Sem Vuthy denies.",
            "“Ask the teachers,” Sem Vuthy said.",
        )
        self.assertSpeakers(findings, ["Sem Vuthy"])
        self.assertEqual(findings[0].entity.role, "director of a high school in Kandal")
