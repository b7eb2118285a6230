"""
Quote attribution, issue 16, sixteenth round (English): the patterns batch 10
showed when it was measured unseen. Each test class names a pattern and tries
it in several wordings.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class RoundupCreditTests(AttributionTestCase):
    """
    A year's quotes, each followed by its speaker with no verb: a title and
    a name, a name and a description, or a description alone; the occasion
    after the speaker (“on …”, “after …”, “, opening …”) is not their role,
    and a quote credited so never goes on from the speaker before.
    """

    def read_roundup(self):
        return self.read(
            "Quotes of the year",
            "“We will not give up one metre of the forest,” A provincial official's view "
            "- shared by many - of the border talks.",
            "“Nobody wants a war, but we follow our orders,” Navy Captain Sok Dara.",
            "“The harvest was the best in ten years,” Agriculture Minister Keo Vanna on "
            "the rice exports.",
            "“The river has given us everything” Senator Jane Holt, opening the fish "
            "festival in Kratie.",
            "“The road is finished,” Chan Thy, announcing the new bridge.",
            "“Prices have doubled since March,” Rice trader Lim Sophal after the floods.",
            "“It felt like a ghost town,” Dutch nurse Anna Berg, one of the first "
            "visitors to the camp.",
            "“Go back to your village.” Angry guard shouting at the marchers at the gate.",
        )

    def test_every_quote_goes_to_the_speaker_after_it(self):
        findings = self.read_roundup()
        self.assertSpeakers(
            findings,
            [
                "a provincial official",
                "Sok Dara",
                "Keo Vanna",
                "Jane Holt",
                "Chan Thy",
                "Lim Sophal",
                "Anna Berg",
                "angry guard",
            ],
        )
        for finding in findings:
            self.assertNotSure(finding)

    def test_the_role_is_the_title_not_the_occasion(self):
        roles = [finding.entity.role for finding in self.read_roundup()]
        self.assertEqual(roles[1], "Navy Captain")
        self.assertEqual(roles[3], "Senator")
        self.assertEqual(roles[4], "")
        self.assertEqual(roles[5], "Rice trader")
        self.assertEqual(roles[6], "Dutch nurse")

    def test_a_compound_military_title_is_no_part_of_the_name(self):
        findings = self.read(
            "“The rebels have left the hills,” Army chief Major-General Pen Sovann on the "
            "fall of the base.",
        )
        self.assertSpeakers(findings, ["Pen Sovann"])
        self.assertEqual(findings[0].entity.role, "Army chief Major-General")

    def test_a_quote_followed_by_a_sentence_of_its_own_is_not_credited(self):
        findings = self.read(
            "“The water came at night,” said Sok Lina, a farmer.",
            "“We lost everything.” The flood reached the school two days later.",
        )
        self.assertSpeakers(findings, ["Sok Lina", "Sok Lina"])


class RoyalNameTests(AttributionTestCase):
    """“Norodom Sihanouk” is the late King, not the province named after him."""

    def test_the_king_speaks(self):
        findings = self.read(
            "“I pray for peace,” King Norodom Sihanouk said in a message on Monday.",
        )
        self.assertSure(findings[0], "Norodom Sihanouk")

    def test_the_province_still_names_nobody(self):
        findings = self.read(
            "Sok Dara, a fisherman in Preah Sihanouk province, said the catch was poor.",
            "“There are no fish left,” he said.",
        )
        self.assertSpeakers(findings, ["Sok Dara"])


class ObjectOfPrepositionTests(AttributionTestCase):
    """
    “From the election to former King X, …”: a person named after a
    preposition is not what the sentence is about, and “he” later is still
    the one who has been speaking.
    """

    def test_he_is_still_the_speaker(self):
        findings = self.read(
            "In a long interview, Prime Minister Chan Dara spoke about many topics. From "
            "the economy to former King Norodom Sihanouk, the premier gave his views.",
            "Chan Dara said: “We have built more roads than anyone.”",
            "His sharpest words were kept for the former King: “He never built a school.”",
            "Asked what people would remember of Chan Dara, he replied: “Peace.”",
        )
        self.assertEqual(self.labels(findings)[-1], "Chan Dara")


class NearMissNameTests(AttributionTestCase):
    """
    “Keo Sam Ol” named, then “Keo Sam Sol said”: a name one letter (or one
    middle word) off a person named before is that person, misspelt; the
    reading sits below the threshold and the note says the spelling differs.
    """

    def test_one_letter_off_is_the_person_named_before(self):
        findings = self.read(
            "Keo Sam Ol, a monitor for the land rights group Sahmakum, said the new governor "
            "had much to do.",
            "“The roads are still bad,” Keo Sam Sol said.",
        )
        self.assertChecked(findings[0], "Keo Sam Ol")
        self.assertIn("Keo Sam Sol", findings[0].note)
        self.assertEqual(findings[0].entity.role, "a monitor for the land rights group Sahmakum")

    def test_a_middle_word_missing_is_the_person_named_before(self):
        findings = self.read(
            "Lim Chan Sophal, a teacher in the village, welcomed the new school.",
            "“The children walked five kilometres every day,” Lim Sophal said.",
        )
        self.assertChecked(findings[0], "Lim Chan Sophal")

    def test_two_names_side_by_side_are_two_people(self):
        findings = self.read(
            "The brothers Chan Vuthy and Chan Vuthe were fishing when the police came.",
            "“They took our nets,” Chan Vuthe said.",
        )
        self.assertSure(findings[0], "Chan Vuthe")

    def test_a_different_name_is_a_new_person(self):
        findings = self.read(
            "Keo Sam Ol, a coordinator for Adhoc, criticised the governor.",
            "“I worked hard for the province,” Kol Sam Ol said.",
        )
        self.assertSure(findings[0], "Kol Sam Ol")


class PseudonymTests(AttributionTestCase):
    """
    “A clerk who asked to be called Mala said …”, “who gave only her name,
    Mala”: the name the story uses is the speaker's name, and what she is
    (“A clerk”) her role, never a description cut mid-clause.
    """

    def test_asked_to_be_called(self):
        findings = self.read(
            "A clerk who asked to be called Mala said the office had closed early. "
            "“Nobody told us why,” she said.",
        )
        self.assertSpeakers(findings, ["Mala"])
        self.assertEqual(findings[0].entity.role, "A clerk")

    def test_gave_only_her_name(self):
        findings = self.read(
            "A nurse at the clinic, who gave only her name, Srey Pov, said medicine had "
            "run out. “We send the patients home,” she said.",
        )
        self.assertSpeakers(findings, ["Srey Pov"])

    def test_using_a_pseudonym(self):
        findings = self.read(
            "One guard, using the pseudonym Vuthy, said the prisoners were beaten.",
            "“I saw it every night,” Vuthy said.",
        )
        self.assertSpeakers(findings, ["Vuthy"])


class DocumentWordingTests(AttributionTestCase):
    """
    “The summons only said the men were wanted for a “routine chat””: a
    partial quote of a document's wording is the document's, not the people
    it is about; names listed together are no one's role.
    """

    def test_the_summons_speaks(self):
        findings = self.read(
            "Union leaders Sok Dara, Chea Mony and Keo Sam had refused two summonses by "
            "police. The summonses only said the men were wanted for a “routine chat.”",
        )
        self.assertEqual(findings[0].entity.kind, "source")
        self.assertEqual(findings[0].entity.label, "the summonses")

    def test_a_list_of_names_is_no_role_the_title_in_front_is(self):
        findings = self.read(
            "Union leaders Sok Dara, Chea Mony and Keo Sam had refused to go.",
            "“We will not go to the police,” Sok Dara said.",
        )
        self.assertEqual(findings[0].entity.role, "Union leaders")


class UncommonVerbPartialTests(AttributionTestCase):
    """
    “X, a coordinator for Adhoc, allowed that the council had “some merits””:
    a two-word partial quote after “allowed that” or “granted that” is X's;
    “allowed” with no “that” is no speech.
    """

    def test_allowed_that(self):
        findings = self.read(
            "Sok Dara, a monitor for the land rights group Sahmakum, allowed that the council "
            "had “some merits” in building roads, but noted little else.",
        )
        self.assertSpeakers(findings, ["Sok Dara"])

    def test_granted_that(self):
        findings = self.read(
            "Chea Mony, the union president, granted that the company had been “quite "
            "fair” this year.",
        )
        self.assertSpeakers(findings, ["Chea Mony"])

    def test_allowed_to_is_no_speech(self):
        findings = self.read(
            "The governor allowed the firm to call its plan a “green zone” in the forest.",
        )
        self.assertSpeakers(findings, [])


class RoleBeforeHeSaidTests(AttributionTestCase):
    """
    The role the story gave with the name carries to “he said”: a title with
    an acronym in brackets, a title then a comma, “X who represented …,
    said”, “said X of the Coalition …”, and the office after “one of the
    accused, who serves as …”.
    """

    def test_acronym_in_brackets_before_the_title(self):
        findings = self.read(
            "Cambodian Farmers Network (CFN) director Sok Dara said the talks had failed. "
            "“We need a fair price,” he said.",
        )
        self.assertEqual(findings[0].entity.role, "Cambodian Farmers Network (CFN) director")

    def test_title_then_a_comma(self):
        findings = self.read(
            "Kampot provincial governor, Chea Sophal, said in a statement that the port would "
            "open. “Trade will grow,” she added.",
        )
        self.assertEqual(findings[0].entity.role, "Kampot provincial governor")

    def test_relative_clause_before_the_verb(self):
        findings = self.read(
            "Keo Vanna who represented the fishing families, said they would protest. "
            "“The lake is our life,” he said.",
        )
        self.assertSpeakers(findings, ["Keo Vanna"])
        self.assertEqual(findings[0].entity.role, "who represented the fishing families")

    def test_of_an_organisation_after_said(self):
        findings = self.read(
            "The men were arrested at dawn, said Lim Sophal of the Cambodian Labour Union. "
            "“This is a warning to all of us,” he said.",
        )
        self.assertEqual(findings[0].entity.role, "the Cambodian Labour Union")

    def test_the_office_after_one_of(self):
        findings = self.read(
            "“I learned of the lawsuit from the radio,” said Pen Dara, one of the accused "
            "farmers, who serves as chief of Toul village.",
        )
        self.assertEqual(findings[0].entity.role, "chief of Toul village")
