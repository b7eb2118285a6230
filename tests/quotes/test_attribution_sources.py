"""
Quote attribution on real stories' patterns, second round (issue 16):
publications and groups named once and then described, reports quoted by
their title or through their researchers, short partial quotes, and quotes
hung on an unnamed person with “saying”.

Each test is a small invented story, read by ``attribution.analyze`` alone.
"""

from tests.support.attribution import THRESHOLD, AttributionTestCase


class NamedOrganizationTests(AttributionTestCase):
    def test_the_paper_is_the_one_publication_named(self):
        """“The paper” is the newspaper the story named through its editor, with a note."""
        findings = self.read(
            "Officials said Tuesday that Samaki Daily editor Mao Rith had no ties to them.",
            "The paper claimed the rice traders should “pay back every riel” to farmers.",
        )
        (finding,) = findings
        self.assertEqual(finding.entity.label, "Samaki Daily")
        self.assertEqual(finding.entity.kind, "source")
        self.assertLess(finding.confidence, THRESHOLD)
        self.assertIn("Samaki Daily", finding.note)

    def test_the_paper_with_two_publications_stays_a_description(self):
        """With two newspapers named, “the paper” is not guessed."""
        findings = self.read(
            "Samaki Daily editor Mao Rith and Angkor Times reporter Chea Lina met the minister.",
            "The paper claimed the traders should “pay back every riel” to farmers.",
        )
        self.assertEqual(findings[0].entity.label, "the paper")
        self.assertIn("say which", findings[0].note)

    def test_the_research_group_is_the_group_behind_the_report(self):
        """“the research group” is the group a report was said to be by."""
        findings = self.read(
            "A report by the Geneva-based Alliance for Fair Harvests was released on Monday.",
            "Farmers were fined under rules “written to keep them off their fields,” the "
            "research group said in a statement.",
        )
        self.assertEqual(findings[0].entity.label, "Alliance for Fair Harvests")
        self.assertLess(findings[0].confidence, THRESHOLD)

    def test_a_publication_is_never_a_person(self):
        """A newspaper named later as a subject is a source, not a person."""
        findings = self.read(
            "Sereipheap Thmey editor Mao Rith spoke to the council.",
            "Last week, Sereipheap Thmey accused the council of “hiding” the budget.",
        )
        self.assertEqual(findings[0].entity.label, "Sereipheap Thmey")
        self.assertEqual(findings[0].entity.name, "")

    def test_a_letter_from_a_person_names_no_group(self):
        """“a letter from Sok Dara” does not make Sok Dara an organization."""
        findings = self.read(
            "The court received a letter from Sok Dara on Friday.",
            "“I was not there,” Sok Dara said.",
        )
        self.assertEqual(findings[0].entity.name, "Sok Dara")


class ReportTests(AttributionTestCase):
    def test_report_cited_by_title_belongs_to_the_group_just_quoted(self):
        """A report cited by its title is the report of the group quoted just before."""
        findings = self.read(
            "Land disputes rose again last year, rights group Mekong Watch said on Monday.",
            "According to Roots Under Threat in Rural Cambodia, which covers 2019 to 2021, "
            "the courts have grown “ever more distant”.",
        )
        entity = findings[0].entity
        self.assertEqual(entity.label, "Roots Under Threat in Rural Cambodia")
        self.assertEqual(entity.organization, "Mekong Watch")

    def test_researchers_found_beside_a_report(self):
        """`In a report by X, researchers found “…”`: the report speaks."""
        (finding,) = self.read(
            "In a new study by the Bangkok-based Institute for River Peoples, researchers "
            "found “fishing families have lost half their catch in ten years.”"
        )
        self.assertEqual(finding.entity.kind, "source")
        self.assertIn(
            "study by the Bangkok-based Institute for River Peoples", finding.entity.label
        )
        self.assertEqual(finding.entity.organization, "Institute for River Peoples")

    def test_found_without_a_quote_is_no_attribution(self):
        """“Police found the body” is no speech: the next quote goes to its speaker."""
        findings = self.read(
            "Police found the motorbike near the river. “It was not stolen,” Keo Vanny said."
        )
        self.assertSpeakers(findings, ["Keo Vanny"])


class ShortPartialQuoteTests(AttributionTestCase):
    def test_one_word_quote_of_an_accusation(self):
        """`X attacked Y for “releasing” …`: the word is X's, and a quote."""
        findings = self.read(
            "In two articles, the Koh Pich Weekly attacked the shelter for “releasing” the workers."
        )
        self.assertEqual(len(findings), 1)
        self.assertEqual(findings[0].text, "releasing")

    def test_one_word_quote_of_an_announced_aim(self):
        """`With an exile having announced his return to “arrest” …`: the exile's word."""
        (finding,) = self.read(
            "With an exiled activist having announced his return next month to “arrest” the "
            "governor, officials are on edge."
        )
        self.assertEqual(finding.entity.label, "an exiled activist")

    def test_passive_criticism_is_not_the_subjects_word(self):
        """`He was criticised for “…”`: the word is not his."""
        findings = self.read("Keo Vanny was criticised for “dithering” over the road.")
        self.assertEqual(findings, [])

    def test_scare_quotes_stay_terms(self):
        """A term in quotes that nobody is said to say is not a quote."""
        findings = self.read("The so-called “Green Belt” plan was approved on Monday.")
        self.assertEqual(findings, [])


class SayingAfterUnnamedPersonTests(AttributionTestCase):
    def test_saying_after_an_unnamed_guard(self):
        """`the group said that one of the guards screamed at X, saying, “…”`: the guard."""
        findings = self.read(
            "The association said that one of the guards screamed at Lim Sothea, saying, "
            "“Leave now or lose your camera.”"
        )
        self.assertEqual(findings[0].entity.label, "one of the guards")

    def test_saying_after_an_unnamed_person_with_any_verb(self):
        """`A soldier pushed him back, saying “…”`: the soldier."""
        findings = self.read(
            "Sok Dara, a farmer, reached the gate.",
            "A soldier in a green cap pushed him back, saying “Nobody passes today.”",
        )
        self.assertEqual(findings[0].entity.label, "a soldier in a green cap")


class PossessiveBeforeNameTests(AttributionTestCase):
    def test_country_possessive_is_not_part_of_the_name(self):
        """“Thailand’s Chai Wattana” is Chai Wattana."""
        findings = self.read(
            "Thailand’s Chai Wattana opened the bridge. “It will carry trade,” Chai Wattana said."
        )
        self.assertSpeakers(findings, ["Chai Wattana"])
