"""
Quote attribution, issue 16, twenty-ninth round: patterns the unseen
batch 26 showed. Every story here is invented.
"""

from quotes.attribution.entities import SOURCE
from tests.support.attribution import AttributionTestCase


class MemberOfAGroupTests(AttributionTestCase):
    """
    “…,” the 41-year-old member of activist group Silver Crane says.: the
    group after “member of” is no speaker, never at 95; the words are the
    member's, here the person the story is about.
    """

    def test_the_member_not_the_group(self):
        (finding,) = self.read(
            "Chea Sokha steers the boat along the canal in Takeo province.",
            "“This is where the rice fields used to be,” the 41-year-old member of "
            "activist group Silver Crane says.",
        )
        self.assertSpeaker(finding, "Chea Sokha")
        self.assertNotSure(finding)

    def test_a_lawyer_for_a_group(self):
        (finding,) = self.read("“We will appeal,” said a lawyer for rights group Sahakum.")
        self.assertSpeaker(finding, "a lawyer for rights group Sahakum")


class StatementStatingTests(AttributionTestCase):
    """
    “the Dutch Embassy put out its own note, stating that “…,” and said the
    ruling “…””: the institution opening the sentence, not the ambassador who
    spoke in the paragraph before.
    """

    def test_the_embassy(self):
        first, second, third = self.read(
            "On Monday, British Ambassador Tom Hale voiced regret, saying the ban “narrows "
            "the choice.”",
            "A day later the Dutch Embassy put out its own note, stating that “the "
            "Netherlands regrets the ban,” and said the ruling “harms the vote.”",
        )
        self.assertSpeaker(first, "Tom Hale")
        self.assertSpeaker(second, "the Dutch Embassy")
        self.assertSpeaker(third, "the Dutch Embassy")
        self.assertEqual(second.entity.kind, SOURCE)


class HowTheyLookedTests(AttributionTestCase):
    """
    “said a visibly angry Sophal”: how the person looked, then a name the
    story gave: the person, not an unnamed “visibly angry Sophal”.
    """

    def test_a_known_short_name(self):
        findings = self.read(
            "Her uncle, Mao Sophal, leads the community.",
            "“The judge stayed away on purpose,” said a visibly angry Sophal. “Everyone "
            "saw our bus.”",
        )
        self.assertSpeakers(findings, ["Mao Sophal", "Mao Sophal"])

    def test_a_full_name(self):
        (finding,) = self.read("“It is late,” said the elderly Sok Dara.")
        self.assertSpeaker(finding, "Sok Dara")

    def test_a_document_signed_by_someone_stays_the_document(self):
        (finding,) = self.read(
            "The district office posted a notice. “All stalls must close,” read the notice "
            "signed by Chan Dara."
        )
        self.assertNotEqual(self.label(finding), "Chan Dara")


class TheAssociationTests(AttributionTestCase):
    """
    “the association” after “the Rice Millers Association”: the one group the
    story named with that last word, even when it named a federation too.
    """

    def test_the_association(self):
        first, second = self.read(
            "Keo Sam, president of the Free Federation of Farm Unions, told reporters: "
            "“Most farmers joined the strike.”",
            "But the Rice Millers Association in Cambodia (RMAC) disagreed. The unions "
            "“speak for a few,” the association said.",
        )
        self.assertSpeaker(first, "Keo Sam")
        self.assertSpeaker(second, "Rice Millers Association")

    def test_two_associations_leave_it_open(self):
        _first, second = self.read(
            "The Rice Millers Association and the Rice Growers Association met on Monday. "
            "“We agreed on prices,” said Keo Sam, a farmer.",
            "“The price is fair,” the association said.",
        )
        self.assertNotIn(
            self.label(second), {"Rice Millers Association", "Rice Growers Association"}
        )


class MiddleOfALongNameTests(AttributionTestCase):
    """
    “Father Ortega” after “Father Luis Ortega Villalba”: a Spanish name's first
    family name is the person named in full, checked; not a new person at 95.
    With a role of their own (“said Sam, a farmer”), a word of a longer name is
    someone new, as before.
    """

    def test_the_first_family_name(self):
        first, second = self.read(
            "“We help the families,” Father Luis Ortega Villalba, the parish priest, told "
            "reporters.",
            "“They ask us why,” Father Ortega told reporters.",
        )
        self.assertSpeaker(second, "Luis Ortega Villalba")
        self.assertNotSure(second)
        self.assertIn("Ortega", second.note)

    def test_a_word_of_a_name_with_a_role_of_its_own(self):
        _first, second = self.read(
            "“We will stay,” said Um Sam An, a lawmaker.",
            "“We need rain,” said Sam, a farmer from Kep.",
        )
        self.assertSpeaker(second, "Sam")
