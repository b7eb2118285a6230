"""
Quote attribution, issue 16, eighth round: patterns of news English met in
the third fresh batch of real stories, and confidence calibrated so that it
holds on stories nobody tuned on. Each test class names a pattern and tries
it in several wordings.

Every story here is invented.
"""

from tests.support.attribution import THRESHOLD, AttributionTestCase


class MinistryListTitleTests(AttributionTestCase):
    """A ministry's charges in a list: the last of them is no part of the name."""

    def test_list_of_charges_before_the_name(self):
        stories = {
            "“It went smoothly,” said Minister of Education, Youth and Sport Keo Sambath.": (
                "Keo Sambath",
                "Minister of Education, Youth and Sport",
            ),
            "Minister of Agriculture, Forestry and Fisheries Dith Rotha said: “It will fall.”": (
                "Dith Rotha",
                "Minister of Agriculture, Forestry and Fisheries",
            ),
            "“The network is fine,” Minister of Post and Telecommunications Chea Vuthy said.": (
                "Chea Vuthy",
                "Minister of Post and Telecommunications",
            ),
        }
        for paragraph, (name, role) in stories.items():
            with self.subTest(name=name):
                finding = self.read(paragraph)[0]
                self.assertEqual((finding.entity.name, finding.entity.role), (name, role))
                self.assertGreaterEqual(finding.confidence, THRESHOLD)

    def test_the_minister_is_then_the_person_so_titled(self):
        findings = self.read(
            "Minister of Education, Youth and Sport Keo Sambath visited the exam centres.",
            "“No paper leaked,” the minister said.",
        )
        self.assertChecked(findings[0], "Keo Sambath")


class FamilyNameLikePlaceTests(AttributionTestCase):
    """“Svay” and “Prey” start names too: a place only with “Rieng” or “Veng”."""

    def test_svay_starting_a_name(self):
        for paragraph in [
            "“We arrested six people,” Governor Svay Sam Eng said.",
            "Svay Sitha, a ministry spokesman, said: “The law is clear.”",
            "“Nobody was hurt,” said police chief Svay Vanna.",
        ]:
            with self.subTest(paragraph=paragraph):
                finding = self.read(paragraph)[0]
                self.assertTrue(self.label(finding).startswith("Svay "))

    def test_the_places_stay_places(self):
        findings = self.read(
            "“The roads are open,” said Svay Rieng provincial governor Men Vibol.",
            "“Rice is cheap,” said a farmer in Prey Veng province.",
        )
        self.assertEqual(findings[0].entity.name, "Men Vibol")
        self.assertEqual(findings[1].entity.name, "")


class TitleToAPlaceTests(AttributionTestCase):
    """“ambassador to Cambodia Jane Roe”: the place ends the title, not starts the name."""

    def test_title_to_or_in_a_place_before_the_name(self):
        stories = [
            (
                "UK ambassador to Cambodia Jane Miller said she was “deeply concerned”.",
                "Jane Miller",
            ),
            ("“We are watching,” said the EU envoy in Cambodia, Igor Mertens.", "Igor Mertens"),
            (
                "UN representative in Cambodia Pauline Tamesis said: “We will help.”",
                "Pauline Tamesis",
            ),
        ]
        for paragraph, name in stories:
            with self.subTest(name=name):
                self.assertEqual(self.label(self.read(paragraph)[0]), name)


class CalibrationTests(AttributionTestCase):
    """
    Only a name read in the quote's own sentence held at 97 % on stories
    measured before tuning; pronouns, titles and descriptions are checked.
    """

    def test_a_name_in_the_sentence_is_confirmable(self):
        for paragraph in [
            "“The bridge will open in May,” Sok Dara said.",
            "Chea Vanna said: “We have waited ten years.”",
        ]:
            with self.subTest(paragraph=paragraph):
                self.assertGreaterEqual(self.read(paragraph)[0].confidence, THRESHOLD)

    def test_pronouns_titles_and_descriptions_are_checked(self):
        first = "Prime Minister Sok Dara opened the bridge on Monday."
        for later in [
            "“It will carry trucks,” he said.",
            "“It will carry trucks,” the prime minister said.",
        ]:
            with self.subTest(later=later):
                self.assertChecked(self.read(first, later)[0], "Sok Dara")
        finding = self.read("“We were not paid,” a worker who asked not to be named said.")[0]
        self.assertLess(finding.confidence, THRESHOLD)
        self.assertTrue(finding.note)
