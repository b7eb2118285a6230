"""
Quote attribution, issue 16, seventeenth round (English): the patterns batch
11 showed when it was measured unseen. Each test class names a pattern and
tries it in several wordings.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class PhotoCreditTests(AttributionTestCase):
    """
    “(Photo: Name)” names the photographer, who said nothing; a lede whose
    subject is a pronoun's referent (“As he described …, chief executive X
    recounted …”) gives the quote after it to X.
    """

    def test_the_photographer_is_nobody_and_the_main_subject_speaks(self):
        findings = self.read(
            "Rice farmers find buyers online",
            "A farmer checks her phone in a paddy near Takeo on May 3 (Photo: Dara Keo)",
            "TAKEO — As he described the cooperative's search for buyers, chief "
            "executive Rithy In recounted a long wait. “We wrote to twenty shops and nobody "
            "answered.”",
        )
        self.assertChecked(findings[0], "Rithy In")
        self.assertEqual(findings[0].entity.role, "chief executive")

    def test_a_credit_by_a_photographer_in_a_caption(self):
        findings = self.read(
            "Market fire",
            "Stall holders sort what is left of their goods. Photo by Mey Sothea",
            "“We lost everything,” one stall holder said.",
            "“Nobody came to help.”",
        )
        self.assertSpeakers(findings, ["one stall holder", "one stall holder"])

    def test_a_company_calling_itself_so(self):
        findings = self.read(
            "Seed money",
            "Sok Pheap spoke first. Then Green Seed Capital, which describes itself as "
            "“a fund for farmers' ideas,” gave $20,000.",
        )
        self.assertChecked(findings[0], "Green Seed Capital")


class FamilyNameLikeAWordTests(AttributionTestCase):
    """“said You Sokhim, manager of …”: after a speech verb “You” starts a name."""

    def test_a_name_starting_with_you_after_said(self):
        findings = self.read(
            "Fire at the brewery",
            "A fire damaged a brewery in the economic zone on Monday, sources said yesterday.",
            "“Our sales go on as before because the beer is made in Thailand,” said You "
            "Sokhim, marketing manager of KBL (Cambodia) Drinks & Snacks Co Ltd.",
        )
        self.assertSure(findings[0], "You Sokhim")
        self.assertEqual(
            findings[0].entity.role, "marketing manager of KBL (Cambodia) Drinks & Snacks Co Ltd"
        )

    def test_a_partial_quote_running_into_the_narration(self):
        findings = self.read(
            "Governor removed",
            "You Hockmeng said he signed the order on the word of minister Sar Khim.",
            "“I don’t know why” Sar Khim wanted the governor removed, You Hockmeng said. "
            "“I just signed it.”",
        )
        self.assertSpeakers(findings, ["You Hockmeng", "You Hockmeng"])
        self.assertSure(findings[0], "You Hockmeng")

    def test_the_title_in_front_keeps_the_family_name_out(self):
        findings = self.read(
            "Dismissed",
            "The governor has been dismissed, Minister of Interior You Hockmeng said Tuesday.",
            "“I just signed it,” You Hockmeng said.",
        )
        self.assertSure(findings[0], "You Hockmeng")
        self.assertEqual(findings[0].entity.role, "Minister of Interior")

    def test_you_opening_a_sentence_is_still_a_pronoun(self):
        findings = self.read(
            "Advice",
            "Keo Lina runs the clinic. You Sokhim would not agree, “but nobody asked him,” "
            "Keo Lina said.",
        )
        self.assertSpeakers(findings, ["Keo Lina"])


class GovernmentAsSpeakerTests(AttributionTestCase):
    """
    “…,” Phnom Penh said in a statement: a capital or a country speaking is its
    government, never the person named before it; and a web copy's link number
    (“[1]according to”) hides no credit.
    """

    def test_a_capital_said_in_a_statement(self):
        findings = self.read(
            "Summit dates",
            "The summit will be held next month, the White House said. “The leaders will "
            "meet for two days,” Press Secretary Jane Holt said in a statement. Cambodia "
            "confirmed the dates. “This meeting will mark forty years of friendship,” Phnom "
            "Penh said in a statement issued Sunday.",
            "“We expect all ten leaders,” Washington said.",
        )
        self.assertSpeakers(findings, ["Jane Holt", "Phnom Penh", "Washington"])
        self.assertNotSure(findings[1])

    def test_a_person_from_a_capital_is_still_a_person(self):
        findings = self.read(
            "Visit",
            "“We will meet again,” said Sok Dara, who flew to Washington on Monday.",
        )
        self.assertSure(findings[0], "Sok Dara")

    def test_a_link_number_before_according_to(self):
        findings = self.read(
            "Rangers",
            "Chan Dara, a 30-year-old ranger, leads the patrol. Bringing back deer “gives "
            "the grassland a second life,” [2]according to the Wildlife Trust. "
            "That is where Chan Dara comes in.",
        )
        self.assertSpeakers(findings, ["the Wildlife Trust"])


class PluralUnnamedSourceTests(AttributionTestCase):
    """“…,” say many elders of the village: many people, unnamed, after the quote."""

    def test_say_after_the_quote(self):
        findings = self.read(
            "The spirits of the forest",
            "The villagers believe the spirits live in the old trees.",
            "“When the trees fall, the spirits leave,” say many elders of the village, who "
            "fear for their children.",
            "“Nobody listens to us,” many of the women say.",
            "“We planted these trees,” farmers say.",
        )
        self.assertSpeakers(
            findings, ["many elders of the village", "many of the women", "farmers"]
        )
        for finding in findings:
            self.assertNotSure(finding)

    def test_they_say_is_the_group_not_the_last_person(self):
        findings = self.read(
            "Fishers",
            "Sok Dara spoke to the fishers at the dock. “The lake is empty,” they say.",
        )
        self.assertNotEqual(self.label(findings[0]), "Sok Dara")


class OneWordNameTests(AttributionTestCase):
    """
    A person with one name, given an age and a life in apposition (“Mao, a
    52-year-old fisher, …”), then called by an epithet (“says the cheerful
    grandmother”): that person, checked, never a new unnamed source.
    """

    def test_an_epithet_after_a_one_word_name(self):
        findings = self.read(
            "Forest guardians",
            "Mao, a 52-year-old fisher and mother of four, has been guarding the lake for "
            "years. “I saw the fish go when the trees went,” says the cheerful grandmother. "
            "“So we began to patrol.” Her sons help her now.",
            "“Who else will do it?” she asks.",
        )
        self.assertSpeakers(findings, ["Mao", "Mao", "Mao"])
        for finding in findings:
            self.assertNotSure(finding)
        self.assertEqual(findings[0].entity.role, "a 52-year-old fisher and mother of four")

    def test_a_capitalised_word_opening_a_sentence_is_no_name(self):
        findings = self.read(
            "Harvest",
            "Later, a 40-year-old farmer, Keo Sam, said the rain came late. “We lost half,” "
            "he said.",
        )
        self.assertSpeakers(findings, ["Keo Sam"])
