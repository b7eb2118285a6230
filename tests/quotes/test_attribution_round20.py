"""
Quote attribution, issue 16, twentieth round (English): patterns the unseen
batch 14 showed. Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class NamedInsideDescriptionTests(AttributionTestCase):
    """
    “a farmer from Kampot named Chea Dara said …” names a person: “she”
    afterwards is Chea Dara, never an unnamed description holding the name.
    """

    def test_she_is_the_person_named_inside_the_description(self):
        findings = self.read(
            "Flight",
            "On Monday, a union organiser from Kandal province named Chea Dara said that "
            "she left the country last week because police followed her.",
            "She said she would not return soon, because “they watch my house every night.”",
        )
        self.assertSpeakers(findings, ["Chea Dara"])

    def test_the_role_before_named_is_kept(self):
        findings = self.read(
            "Market",
            "A fish seller from Kep named Lim Sokha said prices had doubled.",
            "“We cannot buy ice any more,” she said.",
        )
        self.assertSpeakers(findings, ["Lim Sokha"])
        self.assertEqual(findings[0].role, "a fish seller from Kep")


class LeaderNamedInsideAPostTests(AttributionTestCase):
    """
    “according to a social media post by Prime Minister Hun Manet”: the
    prime minister is named there, so “the prime minister explained” is
    him, never the post.
    """

    def test_the_title_is_the_leader_who_wrote_the_post(self):
        findings = self.read(
            "Rice fund",
            "The fund will buy seed for 2,000 families in Pursat, according to a Facebook post "
            "by Prime Minister Hun Manet.",
            "Prices of fertiliser fell this year.",
            "“Every family will get seed before the rains,” the prime minister explained.",
        )
        self.assertSpeakers(findings, ["Hun Manet"])


class SurnameThatIsAProvinceTests(AttributionTestCase):
    """
    An official whose family name is also a province's (“Kampot Sovann”,
    “Kep Rithy”) named in full after his quote is still a person.
    """

    def test_full_name_after_the_quote_with_a_province_surname(self):
        findings = self.read(
            "Fish prices",
            "Svay Rieng Governor Kep Rithy said catches have fallen since March.",
            "Traders from Vietnam now set the price. “We will ask them to pay more,” "
            "Kep Rithy said.",
        )
        self.assertSpeakers(findings, ["Kep Rithy"])
