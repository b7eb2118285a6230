"""
Quote attribution, issue 16, sixth round: general patterns of news English
rather than single stories. Each test class names a pattern and tries it in
several wordings, tenses and punctuations.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class AnyVerbBeforeTheNameTests(AttributionTestCase):
    """After a quote, any verb in front of a name makes that name the speaker."""

    def test_laughed(self):
        findings = self.read(
            "“It was the same judge and the same story,” laughed Keo Bopha as she "
            "described her third summons."
        )
        self.assertSpeaker(findings[0], "Keo Bopha")

    def test_remarked_with_a_hyphenated_name(self):
        findings = self.read(
            "“The donors have run out of patience,” remarked Anna Berg-Larsen, "
            "a historian at Oslo University."
        )
        self.assertSpeaker(findings[0], "Anna Berg-Larsen")

    def test_sighed_with_a_title_in_front(self):
        findings = self.read(
            "Sok Dara, a farmer, lost his crop.",
            "“Nothing grows here any more,” sighed commune chief Lim Vanna.",
        )
        self.assertSpeaker(findings[0], "Lim Vanna")


class QuotedAsSayingAfterTheQuoteTests(AttributionTestCase):
    """`“…”, X quoted Y as saying`: Y's words, honorifics with full stops or not."""

    def test_with_honorifics(self):
        findings = self.read(
            "“The soldiers on both sides want peace”, Mr. Chan Vuthy quoted Mr. Somchai as saying."
        )
        self.assertSpeaker(findings[0], "Somchai")

    def test_with_a_title(self):
        findings = self.read(
            "“We will not move a single truck,” Dr. Hem Sokha quoted Gen. Prasit Wong as saying."
        )
        self.assertSpeaker(findings[0], "Prasit Wong")


class ClosedSubordinateClauseTests(AttributionTestCase):
    """`said that just as X did …, “…”`: a verb inside the aside does not take the quote."""

    def test_just_as(self):
        findings = self.read(
            "Father Tom Reyes said that just as Saint Peter proclaimed the faith to strangers, "
            "“my work is to learn the language first.”"
        )
        self.assertSpeaker(findings[0], "Tom Reyes")

    def test_while(self):
        findings = self.read(
            "Chea Malis argued that while the minister announced new funds last year, "
            "“not one riel has reached our school.”"
        )
        self.assertSpeaker(findings[0], "Chea Malis")

    def test_a_verb_right_before_the_quote_still_speaks(self):
        findings = self.read(
            "Sok Dara said that as the crowd waited, Governor Keo Sam declared: “The land is ours.”"
        )
        self.assertSpeaker(findings[0], "Keo Sam")


class RemarksOfSomeoneTests(AttributionTestCase):
    """`remarks from X saying …“…”`, `X's claim that “…”`: the words are X's."""

    def test_remarks_from(self):
        findings = self.read(
            "“The river is brown now,” said Pich Sophea, an activist. Her trip was prompted by "
            "remarks from Prime Minister Hun Rith saying the dam would cause no harm "
            "“in terms of fish or water.” Ms. Sophea said the premier “should look again.”"
        )
        self.assertSpeaker(findings[1], "Hun Rith")
        self.assertSpeaker(findings[2], "Pich Sophea")

    def test_comments_by(self):
        findings = self.read(
            "Villagers were angered by comments by Governor Ouk Samnang that they were "
            "“squatters with no papers.”"
        )
        self.assertSpeaker(findings[0], "Ouk Samnang")

    def test_possessive_claim(self):
        findings = self.read(
            "Farmers rejected Lim Chhay's claim that the canal had been “finished on time.”"
        )
        self.assertSpeaker(findings[0], "Lim Chhay")


class DoubledSingleMarksTests(AttributionTestCase):
    """Two single marks typed for a double one open and close a quote."""

    def test_mixed_marks(self):
        findings = self.read(
            "“We hear nothing now,’’ Chan Dara told reporters. ‘’The stations are closed. "
            "We used to listen,” he said."
        )
        self.assertEqual(len(findings), 2)
        self.assertSpeaker(findings[1], "Chan Dara")

    def test_straight_doubled(self):
        findings = self.read("''Prices have doubled,'' said Mao Sreyneang, a vendor.")
        self.assertEqual(findings[0].text, "Prices have doubled")
        self.assertSpeaker(findings[0], "Mao Sreyneang")


class MonthAsFamilyNameTests(AttributionTestCase):
    """A month in front of a capitalised word is a family name; a date has a number."""

    def test_may(self):
        findings = self.read(
            "May Sopheak, the union's president, said members were afraid.",
            "“We will defend every worker,” he told reporters.",
        )
        self.assertSpeaker(findings[0], "May Sopheak")

    def test_june_date_is_no_name(self):
        findings = self.read("On June 4 Keo Sam said: “We are ready.”")
        self.assertSpeaker(findings[0], "Keo Sam")


class NameBeforeAGroupTests(AttributionTestCase):
    """`warned Boeung Trabek residents`: a place or leader in front of a group is nobody."""

    def test_residents(self):
        findings = self.read(
            "Nuon Sreymom, the deputy governor, warned Boeung Trabek residents to leave.",
            "“The court will act against those who stay,” she said.",
        )
        self.assertSpeaker(findings[0], "Nuon Sreymom")

    def test_supporters(self):
        findings = self.read(
            "Chan Sothea, a police officer, said Kem Vanna supporters gathered at dawn.",
            "“They left peacefully,” she said.",
        )
        self.assertSpeaker(findings[0], "Chan Sothea")


class ElectTitleTests(AttributionTestCase):
    """`Bishop-elect`, `President-elect`: an office not yet held is a title, not the name."""

    def test_bishop_elect(self):
        findings = self.read(
            "Bishop-elect Marc Vann Sophal said the church helped survivors.",
            "“We remember them,” he said.",
            "The war under Lon Nol left deep scars.",
            "The bishop-elect said the church still remembers the dead.",
            "“Memory is fading,” he said.",
        )
        self.assertSpeaker(findings[0], "Marc Vann Sophal")
        self.assertSpeaker(findings[1], "Marc Vann Sophal")
        self.assertEqual(findings[0].entity.role, "Bishop-elect")

    def test_president_designate(self):
        findings = self.read("“We will rebuild,” said President-designate Oum Rithy.")
        self.assertSpeaker(findings[0], "Oum Rithy")
        self.assertEqual(findings[0].entity.role, "President-designate")
