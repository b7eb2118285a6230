"""
Quote attribution, issue 16, twenty-fourth round (English): patterns the
unseen batch 18 showed. Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class PseudonymTests(AttributionTestCase):
    """“said Vuthy, not his real name”: a pseudonym is a person's one-word name."""

    def test_a_pseudonym_after_the_verb_is_the_speaker(self):
        findings = self.read(
            "Guards sent to the city",
            "Hundreds of border guards were brought to the capital. None are happy.",
            "“I have never worked in a crowd like this,” said Vuthy, not his real name. "
            "“My post is in the forest, far from here.”",
        )
        self.assertSpeakers(findings, ["Vuthy", "Vuthy"])
        self.assertEqual(findings[0].entity.role, "")
        self.assertNotSure(findings[0])

    def test_a_pseudonym_named_first_is_known_later(self):
        findings = self.read(
            "Workers stay quiet",
            "Srey, a pseudonym, has sewn jeans at the factory for six years.",
            "“We are afraid to speak,” said Srey.",
        )
        self.assertSpeakers(findings, ["Srey"])


class NameEndsTheSentenceTests(AttributionTestCase):
    """
    “… by 43-year-old motodup Mao Sarin. He said …”: the full stop ends the
    name, so “said Sarin” later is the same man, not the interviewee before him.
    """

    def test_a_short_name_after_a_sentence_ending_full_name(self):
        findings = self.read(
            "Drivers worry",
            "Thirty-year-old baker Chan Dara, for instance, feels uneasy.",
            "“Nobody has hurt anyone yet,” he said.",
            "His worries were shared by 43-year-old motodup Mao Sarin. "
            "He said he feared the strangers in uniform.",
            "“They are not from here, so they do not care about us,” said Sarin.",
        )
        self.assertSpeakers(findings, ["Chan Dara", "Mao Sarin"])
        self.assertEqual(findings[1].entity.role, "43-year-old motodup")

    def test_an_abbreviated_title_still_runs_into_the_name(self):
        findings = self.read(
            "Army moves",
            "“The troops will stay,” said Lt. Gen. Keo Vanna.",
        )
        self.assertSpeakers(findings, ["Keo Vanna"])


class SmallWordFamilyNameTests(AttributionTestCase):
    """“So Nara, deputy Kratie police chief, said”: a role without an article."""

    def test_a_family_name_like_a_small_word_before_a_bare_role(self):
        findings = self.read(
            "Ivory seized",
            "In Kratie, where the former police chief Keo Sam was arrested, police searched.",
            "“It is hard to say more now,” So Nara, deputy Kratie police chief, said Friday.",
        )
        self.assertSpeakers(findings, ["So Nara"])
        self.assertEqual(findings[0].entity.role, "deputy Kratie police chief")


class DescriptionAsRoleTests(AttributionTestCase):
    """“said the Takeo rice trader” of the person just named: the words are her role."""

    def test_a_description_of_the_person_just_named_is_carried_as_role(self):
        findings = self.read(
            "Traders close early",
            "Mok Sreyneang has sold rice at the same stall for twenty years.",
            "“I close at noon now, there are no buyers,” said the Takeo rice trader.",
        )
        self.assertSpeakers(findings, ["Mok Sreyneang"])
        self.assertEqual(findings[0].entity.role, "Takeo rice trader")

    def test_a_named_persons_relative_in_front_is_the_role(self):
        findings = self.read(
            "At the stall by the school, Keo Dara’s wife, Lim Sophy, asked, "
            "“Who will buy rice if nobody works?”"
        )
        self.assertSpeakers(findings, ["Lim Sophy"])
        self.assertEqual(findings[0].entity.role, "Keo Dara’s wife")


class ReportPhraseTests(AttributionTestCase):
    """“A report by Forest Watch describes a “…””: the report's words, in the present tense."""

    def test_a_phrase_a_report_describes_is_the_reports(self):
        findings = self.read(
            "Logging has grown fast. A report by Forest Watch describes a "
            "“thriving trade in stolen logs” reaching the ports."
        )
        self.assertIn("Forest Watch", self.label(findings[0]))
        self.assertNotSure(findings[0])
