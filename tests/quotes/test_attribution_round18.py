"""
Quote attribution, issue 16, eighteenth round (English): the patterns the
unseen batches 8–12 showed more than once. Each test class names a pattern
and tries it in several wordings, with the readings it must not take.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class VoicesListTests(AttributionTestCase):
    """
    A list of voices, each line headed by its speaker and a dash, no speech
    verb: “Name (41) — “…””, “Name, 62, a farmer – “…””. Each line is its own
    speaker's, checked below the threshold (a new reading).
    """

    def test_each_line_is_its_own_speakers(self):
        findings = self.read(
            "Families wait at the pagoda",
            "Voices from the camp",
            "Sok Dara (41) — “We left the buffalo behind. I hope we go back soon.”",
            "Keo Mealea (62) — “I could not sleep for two nights.”",
            "Chan Thy, 30, a rice farmer – “We need water more than rice.”",
        )
        self.assertSpeakers(findings, ["Sok Dara", "Keo Mealea", "Chan Thy"])
        for finding in findings:
            self.assertNotSure(finding)
        self.assertEqual(findings[2].entity.role, "a rice farmer")

    def test_a_hyphen_heads_the_line_too(self):
        findings = self.read(
            "At the border",
            "Lim Sophal - “The shelling started before dawn.”",
            "Ouk Vanna - “My sons are still at the farm.”",
        )
        self.assertSpeakers(findings, ["Lim Sophal", "Ouk Vanna"])

    def test_a_dash_inside_a_sentence_is_no_label(self):
        findings = self.read(
            "Budget",
            "The minister said the plan — “a step forward,” in his words — would pass.",
        )
        self.assertNotEqual(self.label(findings[0]), "The")

    def test_a_sentence_before_the_dash_is_no_label(self):
        findings = self.read(
            "Clinic",
            "Keo Lina runs the clinic.",
            "Nobody came for three days, he said — “not one doctor.”",
        )
        self.assertNotEqual(self.label(findings[0]), "Nobody")


class NameAgeDescriptionTests(AttributionTestCase):
    """
    “Rith Mony, 45, a farmer in Prey Veng said …” (the comma after the
    description forgotten) names Rith Mony, whom “he said” then means; the
    description is her role, never an unnamed source of its own.
    """

    def test_the_name_before_age_and_job(self):
        findings = self.read(
            "Floods",
            "Rith Mony, 45, a farmer in Prey Veng said most villagers left their homes on "
            "Monday, but he stayed with the cattle.",
            "“The water came at night and we ran,” he said.",
        )
        self.assertSpeaker(findings[0], "Rith Mony")
        self.assertEqual(findings[0].entity.role, "a farmer in Prey Veng")

    def test_one_of_after_the_age(self):
        findings = self.read(
            "Rangers",
            "Noun Sokha, 51, one of the rangers told reporters the patrols go on.",
            "“We walk every day,” she said.",
        )
        self.assertSpeakers(findings, ["Noun Sokha"])


class SplitSentenceTests(AttributionTestCase):
    """
    A stored copy's blank line inside a sentence: a paragraph ending on a
    word, its quote still open, goes on in the next paragraph in lower case.
    The quote is one quote, whole, and later paragraphs keep their numbers.
    """

    def test_a_quote_split_by_blank_lines_is_found_whole(self):
        findings = self.read(
            "Evicted",
            "Kim Sothea said the families had nowhere else to go.",
            '"We knew it was state land," she said. "We',
            "only wanted to stay there for a while and never meant to own",
            'it."',
            "“They gave us one week,” said Chan Rith, a neighbour.",
        )
        self.assertEqual(
            [finding.text for finding in findings],
            [
                "We knew it was state land",
                "We only wanted to stay there for a while and never meant to own it",
                "They gave us one week",
            ],
        )
        self.assertSpeakers(findings, ["Kim Sothea", "Kim Sothea", "Chan Rith"])
        self.assertEqual([finding.paragraph for finding in findings], [3, 3, 6])

    def test_a_closed_quote_is_not_joined(self):
        findings = self.read(
            "Market",
            "“Prices went up,” said Sok Dara, a vendor",
            "in the central market, on Monday.",
            "“Nobody buys,” she said.",
        )
        self.assertEqual([finding.paragraph for finding in findings], [2, 4])
        self.assertEqual(findings[0].entity.role, "a vendor")

    def test_a_new_paragraph_in_capitals_is_not_joined(self):
        findings = self.read(
            "Council",
            "“We will vote on it",
            "Chan Dara said the council would meet again.",
        )
        self.assertEqual(findings[0].paragraph, 2)
        self.assertEqual(findings[0].text, "We will vote on it")


class ReferredToAsTests(AttributionTestCase):
    """
    A word the subject called a thing by, after an auxiliary: “Keo Dara has
    referred to the relocations as “orderly steps”” is his.
    """

    def test_has_referred_to_as(self):
        findings = self.read(
            "Evictions",
            "The governor, Keo Dara, has referred to the relocations as “orderly "
            "steps” needed to widen the road.",
        )
        self.assertChecked(findings[0], "Keo Dara")

    def test_had_described_as(self):
        findings = self.read(
            "Road",
            "Governor Chea Sophal had described the road as “nearly finished” in May.",
        )
        self.assertChecked(findings[0], "Chea Sophal")


class LifeDescriptionSubjectTests(AttributionTestCase):
    """
    A feature calls its subject by her age paragraphs after her name (“But
    the 38-year-old is still paying”); a quote with no attribution right after is
    hers, checked. A dateline's place in capitals is nobody, nor the same
    place spelt in title case later.
    """

    def test_the_age_description_introduces_the_woman(self):
        findings = self.read(
            "New homes far from the temples",
            "KRONG SAMRONG, Cambodia — It has been a year since Mao Sreyneang moved with "
            "her children to Krong Samrong, a new settlement far from the old market.",
            "The move was ordered by the provincial authority. Trucks came at dawn. The "
            "families were given tents.",
            "Mao Sreyneang’s house is bigger than the hut she lived in before. It has a tin roof.",
            "But the 38-year-old is still paying for the roof. Her brother helps when he can.",
            "“I do not know how we will pay back the loan",
        )
        self.assertChecked(findings[0], "Mao Sreyneang")

    def test_the_dateline_is_never_offered_as_a_person(self):
        findings = self.read(
            "Dry season",
            "KRONG SAMRONG, Cambodia — The wells ran dry in March.",
            "“There is no water left for the cows.”",
        )
        self.assertIsNone(findings[0].entity)
        self.assertNotIn("KRONG", findings[0].note)
        self.assertNotIn("Krong", findings[0].note)

    def test_an_age_with_nobody_named_stays_a_description(self):
        findings = self.read(
            "Harvest",
            "The 60-year-old has farmed here all his life.",
            "“The rain came late this year.”",
        )
        self.assertNotEqual(self.label(findings[0]), "KRONG SAMRONG")
        self.assertNotSure(findings[0])


class VoicesListVariantTests(AttributionTestCase):
    """The same list of voices with a title in front or a colon after the age."""

    def test_a_title_in_front_of_the_label(self):
        findings = self.read(
            "Camp",
            "Monk Sok Dara (41) — “We left the buffalo behind.”",
            "Keo Mealea (62), farmer: “I could not sleep.”",
        )
        self.assertSpeakers(findings, ["Sok Dara", "Keo Mealea"])
        self.assertEqual(findings[0].entity.role, "Monk")
        self.assertEqual(findings[1].entity.role, "farmer")


class RoleWhenQuotedLaterTests(AttributionTestCase):
    """
    The role a story gives when it introduces someone stays theirs when a
    later quote finds them by pronoun (batches 9–12: half the roles missed):
    a long lowercase title in front, an office of a body before the name
    between commas, an office whose closing comma is forgotten, and a role
    told as the sentence's predicate.
    """

    def _role_of_he_said(self, introduction, pronoun="he"):
        findings = self.read("Report", introduction, f"“We will find them,” {pronoun} said.")
        self.assertSpeaker(findings[0], "Sok Dara")
        return findings[0].entity.role

    def test_a_long_lowercase_title_in_front(self):
        role = self._role_of_he_said(
            "On Thursday, deputy provincial police chief Sok Dara said that the men fled."
        )
        self.assertEqual(role, "deputy provincial police chief")

    def test_an_office_of_a_body_before_the_name(self):
        role = self._role_of_he_said(
            "Manager of the Water Board’s Kratie Office, Sok Dara, said the methods fail."
        )
        self.assertEqual(role, "Manager of the Water Board’s Kratie Office")
        role = self._role_of_he_said(
            "The imam of Kilometer 9 Mosque, Sok Dara, said the visitors came."
        )
        self.assertEqual(role, "imam of Kilometer 9 Mosque")

    def test_an_office_whose_closing_comma_is_forgotten(self):
        role = self._role_of_he_said(
            "Sok Dara, chairman of the Provincial Water Department also denied the rumour."
        )
        self.assertEqual(role, "chairman of the Provincial Water Department")

    def test_a_role_told_as_the_predicate(self):
        role = self._role_of_he_said("Sok Dara is a plaintiff in the suit.", "she")
        self.assertEqual(role, "a plaintiff in the suit")

    def test_a_predicate_that_is_no_role(self):
        role = self._role_of_he_said("Sok Dara was a lot happier on Monday.")
        self.assertEqual(role, "")

    def test_a_job_told_by_a_relative_clause(self):
        findings = self.read(
            "Market",
            "“The market is dying,” Sok Dara, 45, who sells rice in Kampot, said on Monday.",
        )
        self.assertSure(findings[0], "Sok Dara")
        self.assertEqual(findings[0].entity.role, "who sells rice in Kampot")

    def test_a_relative_clause_that_is_no_job(self):
        findings = self.read(
            "Market",
            "“The market is dying,” Sok Dara, who arrived late, said on Monday.",
        )
        self.assertSure(findings[0], "Sok Dara")
        self.assertEqual(findings[0].entity.role, "")


class PostAfterStatementTests(AttributionTestCase):
    """
    “the post said” after “a statement posted on the embassy's account”: the
    same document, not a new unnamed source; and “the statement” after a post.
    """

    def test_the_post_is_the_statement_posted(self):
        findings = self.read(
            "Verdict",
            "A statement posted on the French embassy's account said France was “deeply troubled”.",
            "“Everyone should be free to speak without fear,” the post said.",
        )
        self.assertEqual(self.label(findings[1]), self.label(findings[0]))
        self.assertIn("statement posted", self.label(findings[1]))

    def test_the_statement_is_the_post(self):
        findings = self.read(
            "Verdict",
            "A post on the ministry's page on Monday called the claims “baseless”.",
            "“We will answer in court,” the statement said.",
        )
        self.assertEqual(self.label(findings[1]), "a post on the ministry's page")
        self.assertNotSure(findings[1])


class LawNamedAfterTheChargeTests(AttributionTestCase):
    """A charge's words whose law is named right after the quote are the law's."""

    def test_the_law_after_the_charge(self):
        findings = self.read(
            "Four charged",
            "Police arrested four women on Monday.",
            "They were charged with “blocking public roads,” a crime under Article 78 of the "
            "Penal Code that carries three years in prison.",
            "The charge of “defying officials,” which the Criminal Code calls a serious "
            "offence, carries a fine.",
        )
        self.assertSpeakers(findings, ["Penal Code", "Criminal Code"])
        self.assertNotSure(findings[0])

    def test_no_law_named_stays_the_charge(self):
        findings = self.read(
            "Four charged",
            "They were charged with “blocking public roads,” which carries a fine.",
        )
        self.assertSpeakers(findings, ["the charge"])
