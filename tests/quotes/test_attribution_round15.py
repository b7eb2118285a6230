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


class ReadOutByTests(AttributionTestCase):
    """
    “said the verdict pronounced by presiding judge Keo Vanna”: words read
    out are the reader's; a document only signed stays the document's.
    """

    def test_verdict_read_by_the_judge(self):
        findings = self.read(
            "Security was tight around the court.",
            "“The court found Sok Dara guilty of fraud and sentenced him to five years in "
            "prison,” said the verdict read by presiding judge Keo Vanna.",
        )
        self.assertChecked(findings[0], "Keo Vanna")
        self.assertEqual(findings[0].entity.role, "presiding judge")

    def test_speech_delivered_by_the_minister(self):
        (finding,) = self.read(
            "“Schools will reopen next week,” said the speech delivered by Education "
            "Minister Chan Sophea."
        )
        self.assertChecked(finding, "Chan Sophea")

    def test_a_statement_signed_by_someone_stays_the_statement(self):
        (finding,) = self.read("“We will build the road,” said the statement signed by Chan Dara.")
        self.assertEqual(self.label(finding), "the statement signed by Chan Dara")


class DocumentFramingAPassiveTests(AttributionTestCase):
    """
    “In a statement from media groups, Sok Dara was praised as “…””: the
    words are the statement's, not the person praised.
    """

    def test_statement_praising_someone(self):
        findings = self.read(
            "Sok Dara, a reporter, said he would now farm rice.",
            "In a letter of thanks sent this week by farmers' unions, Sok Dara was praised as "
            "“a brave reporter who has never given up on the truth.”",
        )
        self.assertChecked(findings[0], "a letter of thanks sent this week by farmers' unions")
        self.assertEqual(findings[0].entity.kind, "source")

    def test_letter_describing_a_group(self):
        (finding,) = self.read(
            "In a letter to the court, the defendants were described as “loyal citizens who "
            "did nothing wrong.”"
        )
        self.assertChecked(finding, "a letter to the court")

    def test_without_a_document_nobody_is_given(self):
        (finding,) = self.read(
            "Sok Dara, a reporter, said he would now farm rice. Last year he was described as "
            "“the bravest reporter in the country.”"
        )
        self.assertIsNone(finding.entity)


class PlaceInAppositionTests(AttributionTestCase):
    """
    “Kbal Tuk, a wider protected forest to the east”: a name the story calls
    a place is not a person, there or further on.
    """

    def test_protected_area_is_not_the_pronouns_referent(self):
        findings = self.read(
            "Chan Sophea, a resin tapper, walks the forest every morning.",
            "Logging has long plagued both Srae Tuk and Kbal Tuk, a wider protected forest "
            "to the east.",
            "Logging is a murky business. “We know who they are,” he said.",
        )
        self.assertSpeakers(findings, ["Chan Sophea"])

    def test_the_place_stays_a_place_when_named_again(self):
        findings = self.read(
            "Chan Sophea, a resin tapper, walks the forest every morning.",
            "Loggers came to Kbal Tuk, a village near the border, last year.",
            "Kbal Tuk has lost half its trees since. “We know who they are,” he said.",
        )
        self.assertSpeakers(findings, ["Chan Sophea"])

    def test_a_person_with_a_place_in_their_role_stays_a_person(self):
        findings = self.read(
            "“We need a road,” said Sok Dara, a village chief.",
            "“The rain came early,” said Keo Vanna, a mourner at the temple.",
            "“It was a sad day,” he said.",
        )
        self.assertSpeakers(findings, ["Sok Dara", "Keo Vanna", "Keo Vanna"])


class ChargesAndLawsTests(AttributionTestCase):
    """
    “arrested … for “plotting with foreign agents””, “charged under a new
    criminal code for “…””: a charge's name is the charge's or the law's,
    never the last person named; a source the sentence names still wins.
    """

    def test_arrested_for_a_charge(self):
        findings = self.read(
            "Sok Dara, a lawyer, said the trial was unfair.",
            "The activist was arrested on May 3, 2019, for “plotting with foreign agents” in "
            "an attempt to topple the government.",
        )
        self.assertChecked(findings[0], "the charge")
        self.assertEqual(findings[0].entity.kind, "source")

    def test_charged_under_a_code(self):
        findings = self.read(
            "Sok Dara, a lawyer, said the trial was unfair.",
            "Both men were charged under a new criminal code for “causing serious harm” in the "
            "alleged assault of a guard.",
        )
        self.assertChecked(findings[0], "criminal code")

    def test_a_source_the_sentence_names_wins(self):
        findings = self.read(
            "Sok Dara, a lawyer, said the trial was unfair.",
            "According to the verdict, the teacher was charged with “public insult” under "
            "the Criminal Code.",
        )
        self.assertEqual(self.label(findings[0]), "the verdict")


class CalledSoByTests(AttributionTestCase):
    """“which the Criminal Code calls a “serious offence””: whoever calls it so."""

    def test_a_code_calls_it(self):
        findings = self.read(
            "Sok Dara, a lawyer, said the trial was unfair.",
            "The charge, which the Criminal Code calls a “serious offence,” carries a prison "
            "term of one year.",
        )
        self.assertChecked(findings[0], "the Criminal Code")

    def test_a_person_calls_it(self):
        findings = self.read(
            "Sok Dara, a lawyer, said the trial was unfair.",
            "Villagers reject what Governor Chan Vuthy called “progress for all.”",
        )
        self.assertChecked(findings[0], "Chan Vuthy")

    def test_what_it_calls_stays_with_the_rule_for_it(self):
        findings = self.read(
            "The broadcaster closed its office amid what it called “a campaign of pressure.”"
        )
        self.assertChecked(findings[0], "The broadcaster")
