"""
Quote attribution, issue 16, fifteenth round (English): the patterns still
missed on the development stories at the end of round 14. Each test class
names a pattern and tries it in several wordings.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class IntroducedByDescriptionTests(AttributionTestCase):
    """
    “has prompted one young man, Chan Dara to study …”: a person introduced
    by what they are, then named, is who a pronoun after it refers to.
    """

    def test_pronoun_after_a_person_introduced_in_apposition(self):
        findings = self.read(
            "Keo Sokha, a nurse, said the ward was full. “Many of us work two shifts,” "
            "the 30-year-old told reporters.",
            "The shortage has pushed at least one young man, Chan Dara to study medicine. "
            "“I want to help my village,” he told reporters.",
        )
        self.assertSpeakers(findings, ["Keo Sokha", "Chan Dara"])
        self.assertNotSure(findings[1])

    def test_a_definite_description_before_the_name(self):
        findings = self.read(
            "“The market will open on Monday,” said Lim Sophal, the district chief.",
            "Agreeing with him was the oldest vendor, Pen Sreymom, who has sold fish there "
            "for thirty years.",
            "“We have waited a long time for this,” she said.",
        )
        self.assertSpeakers(findings, ["Lim Sophal", "Pen Sreymom"])

    def test_a_name_in_passing_stays_in_passing(self):
        findings = self.read(
            "“The water is rising fast,” said Sok Vanna, a farmer in the village.",
            "He said that last year the flood took the house of Chea Dara and two others.",
            "“We are afraid,” he said.",
        )
        self.assertSpeakers(findings, ["Sok Vanna", "Sok Vanna"])


class CapitalisedDescriptionTests(AttributionTestCase):
    """
    “the Angkor Tiger forward added”: a description whose words before its
    noun are a club's or a place's name still describes the person the
    story was just about.
    """

    def test_club_player_after_the_named_captain(self):
        findings = self.read(
            "Chan Vibol, the team captain, said the players had trained hard.",
            "Backing the coach was the striker, Keo Dara, who said the pitch was good.",
            "“We are very happy to play at home. We will fight for the fans,” the Angkor "
            "Tiger forward added.",
        )
        self.assertChecked(findings[0], "Keo Dara")

    def test_province_teacher_after_the_named_teacher(self):
        findings = self.read(
            "Ouk Sreypov teaches forty children in one room.",
            "“We have no books this year,” the Kampot teacher said.",
        )
        self.assertChecked(findings[0], "Ouk Sreypov")

    def test_a_capitalised_name_is_not_a_description(self):
        findings = self.read(
            "Sok Dara, a spokesman, said the meeting was over.",
            "“We are troubled by the verdict,” the White House said.",
        )
        self.assertNotEqual(self.label(findings[0]), "Sok Dara")
