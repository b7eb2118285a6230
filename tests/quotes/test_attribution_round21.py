"""
Quote attribution, issue 16, twenty-first round (English): patterns the
unseen batch 15 showed. Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class TitleAsSubjectTests(AttributionTestCase):
    """
    “The Minister stressed …”, “the Minister firmly rejected …”: a capitalised
    title opening its clause is the person the story gave that title, and the
    verb after it is no part of a description.
    """

    STORY = (
        "Ports need patience, says PM",
        "KAMPOT (Port Times): Cambodian Prime Minister Chea Vanna stated on Friday that "
        "quarrels over the new pier had to end at a table, not on the water.",
        "Two days earlier, some 300 fish sellers had gathered at the harbour to ask him for help.",
        "The Prime Minister argued that the harbour board, not the navy, should mark where each "
        "boat may tie up.",
        "He also said that judges should hear such quarrels only when every meeting has failed, "
        "stating, “A verdict leaves no room to bargain.”",
        "Later, the Prime Minister sharply rejected rumours from rival parties that officials "
        "took money to move the piers. He warned against frightening the sellers.",
        "“Keep calm and keep fishing,” he said.",
    )

    def test_the_title_is_the_person_named_with_it(self):
        findings = self.read(*self.STORY)
        self.assertSpeakers(findings, ["Chea Vanna", "Chea Vanna"])
        self.assertEqual(findings[0].role, "Cambodian Prime Minister")

    def test_a_capitalised_the_is_not_doubled(self):
        findings = self.read(
            "Port fees",
            "Fees at the port will rise next month.",
            "The Governor stressed that the fees were fair. “Nobody pays more than in Thailand,” "
            "he said.",
        )
        self.assertSpeakers(findings, ["the Governor"])


class TrailingPronounTests(AttributionTestCase):
    """
    “After the talks, Keo Sambath plans to visit President X, to brief him,
    he said.”: the trailing “he” is the sentence's own subject, so a later
    “he said” stays with the minister, not the president he will visit.
    """

    def test_he_stays_with_the_subject_not_the_counterpart(self):
        findings = self.read(
            "Minister leaves for river talks",
            "Cambodian Water Minister Keo Sambath said Tuesday he was hopeful the dispute over "
            "the dam would be settled in his talks with his Lao counterpart, Somphone Vilay.",
            "Boats from both sides stopped at the border over the weekend.",
            "After the talks, Keo Sambath plans to visit Lao President Thongsing Phomma, to brief "
            "him on the river, he said.",
            '"This is an easy problem, so both countries will settle it by law," he said.',
        )
        self.assertSpeakers(findings, ["Keo Sambath"])

    def test_a_name_after_by_is_not_the_subject(self):
        findings = self.read(
            "Forum",
            "Chamber president Lim Sopheap said trade grew by a tenth.",
            "The fair will be opened by Governor Kim Sovann, he said. “We hope for many "
            "buyers,” he added.",
        )
        self.assertSpeakers(findings, ["Lim Sopheap"])

    def test_a_purpose_clause_is_not_a_role(self):
        findings = self.read(
            "Visit",
            "Keo Sambath will meet Governor Chea Dara, to brief him on the river, he said.",
            "“The river is low,” Chea Dara said.",
        )
        self.assertEqual(findings[0].role, "Governor")


class MisspelledTitleTests(AttributionTestCase):
    """
    “Foreign Minsiter Keo Sambath said he was "hopeful"”: a title with two
    letters swapped still stands in front of a name, so the name, its
    one-word quote and the pronouns after it are found.
    """

    def test_the_name_behind_a_misspelt_title(self):
        findings = self.read(
            "Minister leaves for river talks",
            'Cambodian Water Minsiter Keo Sambath said Tuesday he was "hopeful" the dispute '
            "would be settled in his talks with his Lao counterpart, Somphone Vilay, this week.",
            '"My aim is to reopen the river to all boats," he told reporters before leaving.',
        )
        self.assertSpeakers(findings, ["Keo Sambath", "Keo Sambath"])
        self.assertEqual(findings[0].role, "Cambodian Water Minister")
