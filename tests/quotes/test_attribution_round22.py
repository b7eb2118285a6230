"""
Quote attribution, issue 16, twenty-second round (English): patterns the
unseen batch 16 showed. Every story here is invented.
"""

from people.names import split_honorific
from tests.support.attribution import AttributionTestCase


class MalayHonorificTests(AttributionTestCase):
    """
    “Datuk Seri Rahim Osman”, then “Rahim”: a Malaysian style in front of a
    name is an honorific, so a later given name or family name is the same
    person, not someone new.
    """

    def test_styles_are_split_from_the_name(self):
        self.assertEqual(split_honorific("Datuk Seri Rahim Osman"), ("Datuk Seri", "Rahim Osman"))
        self.assertEqual(split_honorific("Tan Sri Aziz Karim"), ("Tan Sri", "Aziz Karim"))
        self.assertEqual(split_honorific("Dato' Sri Lim Wei"), ("Dato' Sri", "Lim Wei"))
        self.assertEqual(split_honorific("Datin Noraini Ali"), ("Datin", "Noraini Ali"))

    def test_the_given_name_is_the_dignitary_named_in_full(self):
        findings = self.read(
            "Minister thanks hosts for rice deal",
            "KUALA LUMPUR: Datuk Seri Rahim Osman has thanked his Thai counterpart for the rice "
            "deal signed on Friday.",
            "Rahim said the deal was “remarkable” for farmers on both sides.",
            "“We will ship the first load in March,” he said.",
        )
        self.assertSpeakers(findings, ["Rahim Osman", "Rahim Osman"])

    def test_the_last_two_parts_of_a_long_name_are_the_same_person(self):
        findings = self.read(
            "Envoy praises port police",
            "The ambassador, Datuk Amir Faisal Mohd Yusof, said 90 sailors had been brought home.",
            "“Every one of them is safe now,” he said.",
            "Mohd Yusof added: “The port police worked day and night.”",
            "Amir Faisal said: “We will open a desk at the port next year.”",
        )
        self.assertSpeakers(
            findings, ["Amir Faisal Mohd Yusof", "Amir Faisal Mohd Yusof", "Amir Faisal Mohd Yusof"]
        )

    def test_a_dato_without_apostrophe_is_not_kept_in_the_name(self):
        findings = self.read(
            "Bloc backs summit",
            "The bloc's secretary-general, Dato Tan Boon Hock, visited the capital on Monday.",
            "“We back the summit fully,” Tan Boon Hock said.",
        )
        self.assertSpeakers(findings, ["Tan Boon Hock"])


class OpeningAdverbTests(AttributionTestCase):
    """
    “Nearby Sok Dara, a farmer, …”, “Nearby resident Chan Thy …”: an adverb
    opening the sentence is no part of the name or the role.
    """

    def test_the_adverb_is_not_part_of_the_name(self):
        findings = self.read(
            "Floods close market",
            "Floods closed the central market on Tuesday.",
            "Nearby Sok Dara, a 40-year-old fish seller, moved her stall to the road. "
            "“The water came up to my knees,” she said.",
        )
        self.assertSpeakers(findings, ["Sok Dara"])

    def test_the_adverb_is_not_part_of_the_role(self):
        findings = self.read(
            "Floods close market",
            "Floods closed the central market on Tuesday.",
            "Nearby resident Chan Thy said the road had flooded too. “We cannot get out,” she "
            "said.",
        )
        self.assertSpeakers(findings, ["Chan Thy"])
        self.assertEqual(findings[0].role, "resident")


class ThreeWordNameTests(AttributionTestCase):
    """Two Cambodian names, one the start of the other, are two people."""

    def test_a_three_word_name_is_not_cut_to_its_first_two(self):
        findings = self.read(
            "Road blocked",
            "Villager Keo Sam Ol said the road had been blocked since dawn.",
            "District police chief Keo Sam said: “We will open it by noon.”",
        )
        self.assertSpeakers(findings, ["Keo Sam"])


class NameLikeWordWithAgeTests(AttributionTestCase):
    """
    “So Dara, also 19, said …”: a family name that is also a small word is a
    name when an age follows it, so a later “said Dara” is her, not the
    speaker before.
    """

    def test_the_given_name_after_the_full_name_with_an_age(self):
        findings = self.read(
            "Rain floods streets",
            "Chea Malis, 20, said her shop flooded. “The water came in at night,” she said.",
            "So Dara, also 19, said her bicycle broke down in the water.",
            "“I had to walk home in the rain,” said Dara, who lives near the river.",
        )
        self.assertSpeakers(findings, ["Chea Malis", "So Dara"])


class DocumentReadsTests(AttributionTestCase):
    """
    “…,” the note read: a document speaks in the past tense too, and a
    diplomatic note is a document, not the spokesman who described it.
    """

    def test_the_note_is_the_source_not_the_spokesman(self):
        findings = self.read(
            "Fishing boats leave the lake",
            "Ministry spokesman Chan Vuthy said the ministry wrote to the neighbouring country "
            "about the boats in a diplomatic note on Monday.",
            "He said the note asked that the boats leave the lake at once.",
            "“The ministry asks that such acts do not happen again,” the note read.",
        )
        self.assertSpeakers(findings, ["the note"])
