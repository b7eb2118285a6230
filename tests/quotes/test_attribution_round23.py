"""
Quote attribution, issue 16, twenty-third round (English): patterns the
unseen batch 17 showed. Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class BlankLineCopyTests(AttributionTestCase):
    """
    An archived copy whose sentences a blank line breaks: the pieces of one
    sentence are read as one paragraph again, so a name and its verb, or a
    quote and its attribution, stay together.
    """

    def test_a_name_cut_from_its_verb_is_the_speaker_not_his_company(self):
        findings = self.read(
            "Tour firms count the cost",
            "Lotus Tours managing director Pierre Marchand",
            "said his firm had lost four groups since the floods began.",
            '"We had calls from every agent in Bangkok," he said.',
        )
        self.assertSpeakers(findings, ["Pierre Marchand"])
        self.assertEqual(findings[0].entity.organization, "Lotus Tours")

    def test_an_attribution_cut_after_its_title(self):
        findings = self.read(
            "Markets empty",
            '"Nobody comes to buy any more," market chief',
            "Sok Vanna admitted.",
        )
        self.assertSpeakers(findings, ["Sok Vanna"])

    def test_a_headline_is_not_joined_to_the_paragraph_after_it(self):
        findings = self.read(
            "Floods close the northern road",
            "Chan Dara, a district official, said the road would open next week.",
            "“The water is going down,” he said.",
        )
        self.assertSpeakers(findings, ["Chan Dara"])


class NotPeopleTests(AttributionTestCase):
    """
    Site navigation words above a copied story (“Subscribe Search”) are no
    person; an adjective in front of a name (“Compatriot Name”) is no part of it.
    """

    def test_navigation_words_are_not_given_a_quote(self):
        findings = self.read(
            "Subscribe Search",
            "Vendors at the old market say trade has halved.",
            "“I sell two scarves a day now,” she said.",
        )
        self.assertNotEqual(self.label(findings[0]), "Subscribe Search")

    def test_a_describing_word_is_not_part_of_the_name(self):
        findings = self.read(
            "Club blames the referee",
            "Striker Paulo Mendes said the second goal was offside.",
            "Compatriot Rui Tavares also felt the referee was unfair. “We were robbed,” he said.",
        )
        self.assertSpeakers(findings, ["Rui Tavares"])


class OfficeClosingTheSentenceTests(AttributionTestCase):
    """
    “…, citing Sok Dara, President of the Drivers Federation.”: an office
    that closes the sentence is the person's role, so a later “the President”
    is them.
    """

    def test_the_title_alone_is_the_person_cited(self):
        findings = self.read(
            "Drivers block the road",
            "Dozens of drivers blocked the road on Monday, the report said, citing Sok Dara, "
            "President of the Tuk Tuk Drivers Federation.",
            "“We will stay until the city listens,” the President said.",
        )
        self.assertChecked(findings[0], "Sok Dara")
        self.assertEqual(findings[0].entity.role, "President of the Tuk Tuk Drivers Federation")

    def test_an_aside_after_a_dash_is_not_a_role(self):
        findings = self.read(
            "Editor back in court",
            "The trial of newspaper editor Keo Sambath - his second trip to court this year - "
            "opened on Monday.",
            "“I wrote my opinion,” Keo Sambath said.",
        )
        self.assertSpeakers(findings, ["Keo Sambath"])
        self.assertNotIn("trip", findings[0].entity.role)


class VerbFirstTests(AttributionTestCase):
    """
    Verb-first attributions in features: a present-tense verb with an age
    in front of the name (“pleads 48-year-old Name”), and a one-word name
    told a person by the clause about him after it (“admitted Dara as he sat”).
    """

    def test_a_present_tense_plea_with_an_age(self):
        findings = self.read(
            "Fever ward full",
            'Dengue has killed 300 people this year. "Please help my son. He has had a fever '
            'for two days," pleads 48-year-old Chea Sophal, holding the boy.',
        )
        self.assertSpeakers(findings, ["Chea Sophal"])

    def test_a_one_word_name_with_a_clause_about_him(self):
        findings = self.read(
            "Fishers turn to nets",
            "“I had no choice, I used the nets,” admitted Dara as he sat on the floor of his boat.",
        )
        self.assertChecked(findings[0], "Dara")

    def test_a_group_after_the_verb_stays_no_person(self):
        findings = self.read(
            "Rights group speaks",
            "“The law is unfair,” said Licadho in a statement.",
        )
        self.assertNotEqual(self.label(findings[0]), "Licadho in a statement")


class ReopenedQuoteTests(AttributionTestCase):
    """
    A copy whose quoted paragraphs a line break joined: each opens with “
    and only the last closes. Each opening mark after a whole sentence
    starts a quote of its own, so none is lost.
    """

    def test_each_opening_mark_starts_a_quote(self):
        findings = self.read(
            "Rice exports",
            "The Mekong Times reported on Monday that exports rose: “Rice exports from the "
            "western provinces rose by a tenth this year. “Traders in the capital said the rains "
            "came early and the harvest was the best in ten years. “Farmers in four provinces "
            "sold more than before.”",
        )
        self.assertEqual(
            [finding.text for finding in findings],
            [
                "Rice exports from the western provinces rose by a tenth this year",
                "Traders in the capital said the rains came early and the harvest was the best "
                "in ten years",
                "Farmers in four provinces sold more than before",
            ],
        )

    def test_a_stray_mark_in_a_short_quote_starts_nothing(self):
        findings = self.read(
            "Council",
            "“We voted on it. “Nobody objected,” said Chan Dara.",
        )
        self.assertSpeakers(findings, ["Chan Dara"])
