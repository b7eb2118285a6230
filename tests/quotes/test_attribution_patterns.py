"""
Quote attribution on the patterns that failed on real stories (issue 16).

Each test is a small invented story, read by ``attribution.analyze`` alone,
with the speakers, roles, confidence band and note it should give.
"""

from django.test import TestCase

from quotes import attribution
from quotes.services import attribute_quotes
from tests.support.attribution import CLEAN_READING, THRESHOLD, AttributionTestCase
from tests.support.factories import make_article


class NeverFailsTests(AttributionTestCase):
    def assertUnattributed(self, finding, words):
        self.assertIsNone(finding.entity)
        self.assertEqual(finding.confidence, attribution.NO_SPEAKER)
        self.assertIn(words, finding.note)

    def test_pronoun_with_nobody_before(self):
        """“…,” she said, before any name: unattributed, with a note."""
        (finding,) = self.read("“I lost everything,” she said, standing by the ashes of her house.")
        self.assertUnattributed(finding, "“she”")

    def test_they_with_no_group(self):
        """“they said” with no group named before is left to a journalist."""
        (finding,) = self.read(
            "Chan Sophy, a farmer, spoke first.", "“We were not told,” they said."
        )
        self.assertUnattributed(finding, "“they”")

    def test_it_with_no_publication(self):
        """“it added” with no publication or organization before is left unattributed."""
        (finding,) = self.read(
            "Lim Dara, a farmer, lives by the river.", "“Prices will rise,” it added."
        )
        self.assertUnattributed(finding, "“it”")

    def test_quote_in_the_first_paragraph_before_any_name(self):
        """A bare quote opening the story has nobody to go to."""
        findings = self.read("“The water came at night.”", "Keo Sreyla, 41, lost her house.")
        self.assertUnattributed(findings[0], "No speaker")

    def test_empty_paragraphs_and_an_unclosed_quote(self):
        """Empty paragraphs and a quote mark never closed are read without error."""
        findings = self.read("", "   ", "“We waited all day, said Ouk Rithy, a driver.", "")
        self.assertEqual(len(findings), 1)

    def test_only_quotes(self):
        """A story of quotes alone gives each quote, unattributed."""
        findings = self.read("“First.”", "“Second words here.”")
        self.assertEqual([finding.entity for finding in findings], [None, None])


class NeverFailsServiceTests(TestCase):
    def test_import_records_unattributed_quote(self):
        """The story that crashed the import now records its quote, unattributed, with a note."""
        article = make_article(body="“I lost everything,” she said, by the ashes of her house.")
        (quote,) = attribute_quotes(article=article)
        self.assertIsNone(quote.speaker)
        self.assertEqual(quote.confidence, 0)
        self.assertIn("say who said this", quote.attribution_note)


class PronounTests(AttributionTestCase):
    def test_pronoun_is_the_previous_sentences_subject(self):
        """People named inside what the subject said are not who “he” is."""
        findings = self.read(
            "Sok Dara, one of the marchers, said he hoped that Governor Keo Sam and "
            "Minister Lim Pheap would listen. “They are both fair men,” he said."
        )
        self.assertSpeakers(findings, ["Sok Dara"])

    def test_two_subjects_of_the_same_gender(self):
        """Two men put forward in one sentence: “he” is low and names both."""
        findings = self.read(
            "Mr Heng Rath and Mr Kim Sovan, both farmers, met the governor.",
            "“We were not heard,” he said.",
        )
        self.assertLess(findings[0].confidence, THRESHOLD)
        self.assertIn("Heng Rath", findings[0].note)
        self.assertIn("Kim Sovan", findings[0].note)


class PublicationTests(AttributionTestCase):
    def test_publication_and_it(self):
        """`according to the newspaper's report` then `it added`: the report, twice."""
        findings = self.read(
            "Tep Vanny, a rice seller, was arrested on Monday.",
            "“The arrest followed a complaint,” according to the newspaper’s report.",
            "“No date was set for the trial,” it added.",
        )
        self.assertSpeakers(findings, ["the newspaper’s report"] * 2)
        self.assertEqual(findings[1].entity.kind, "source")

    def test_rights_group_named(self):
        """“rights group Adhoc said” is the group, by its name: “it” after it too."""
        findings = self.read(
            "Arrests rose last year, rights group Adhoc said on Monday.",
            "“The courts are not independent,” it added.",
        )
        self.assertSpeakers(findings, ["Adhoc"])
        self.assertEqual(findings[0].entity.kind, "source")


class TitleTests(AttributionTestCase):
    def test_title_instead_of_name(self):
        """“the Prime Minister”, “he”, “the premier”: the person named by that title before."""
        findings = self.read(
            "Prime Minister Hun Manet visited Kampot on Monday.",
            "“We will build the road,” the Prime Minister told reporters.",
            "“It will be finished next year,” he clarified.",
            "The premier also urged patience. “Every province will have its turn.”",
        )
        self.assertSpeakers(findings, ["Hun Manet"] * 3)
        self.assertEqual(findings[0].role, "Prime Minister")
        self.assertGreaterEqual(findings[0].confidence, CLEAN_READING)

    def test_title_named_after_the_name(self):
        """“Chea Sim, the provincial governor,” then “the governor said”."""
        findings = self.read(
            "Chea Sim, the provincial governor, opened the bridge.",
            "“It cost five million dollars,” the governor said.",
        )
        self.assertSpeakers(findings, ["Chea Sim"])

    def test_deputy_is_not_the_governor(self):
        """A deputy governor is not “the governor”; two governors give a note."""
        findings = self.read(
            "Governor Chea Sim and Governor Ly Hout met deputy governor Pen Bona.",
            "“We agreed,” the governor said.",
        )
        self.assertLess(findings[0].confidence, THRESHOLD)
        self.assertIn("could be", findings[0].note)

    def test_descriptive_phrase_given_earlier(self):
        """“said the father of three” is the person the story called so."""
        findings = self.read(
            "Nhem Sokhom, a father of three, lost his boat in the storm.",
            "“I have nothing left,” said the father of three.",
        )
        self.assertSpeakers(findings, ["Nhem Sokhom"])


class NamesAndRolesTests(AttributionTestCase):
    def test_another_villager_named(self):
        """“said another villager, Chea Vanna, adding that…” is Chea Vanna, a villager."""
        findings = self.read(
            "“We want our land back,” said another villager, Chea Vanna, adding that they "
            "also want compensation."
        )
        self.assertSpeakers(findings, ["Chea Vanna"])
        self.assertEqual(findings[0].role, "villager")

    def test_two_people_named_together(self):
        """“Keo Sokha and Lim Pheap were detained” are two people, no organization."""
        findings = self.read(
            "Keo Sokha and Lim Pheap were detained on Monday.", "“We are innocent,” Pheap said."
        )
        self.assertSpeakers(findings, ["Lim Pheap"])
        self.assertEqual(findings[0].entity.organization, "")

    def test_organization_name_ends_with_its_name(self):
        """“the Fisheries Action Team based in Siem Reap” is the Fisheries Action Team."""
        self.assertEqual(
            attribution.parse_role("a member of the Fisheries Action Team based in Siem Reap"),
            ("member", "Fisheries Action Team"),
        )

    def test_roles_in_front_after_and_between_dashes(self):
        """Titles before the name, `said Name, role` and dash asides give the role."""
        cases = [
            (
                "“It is legal,” said Interior Ministry spokesman Touch Sovann.",
                "Interior Ministry spokesman",
            ),
            (
                "Interior Ministry spokesman Touch Sovann said: “It is legal.”",
                "Interior Ministry spokesman",
            ),
            ("“It is legal,” said Touch Sovann, a ministry spokesman.", "a ministry spokesman"),
            (
                "Touch Sovann — a lawyer for the families — said: “It is legal.”",
                "a lawyer for the families",
            ),
            (
                "Touch Sovann, the director of Licadho, said: “It is legal.”",
                "the director of Licadho",
            ),
        ]
        for story, role in cases:
            with self.subTest(story=story):
                (finding,) = self.read(story)
                self.assertEqual((finding.entity.label, finding.role), ("Touch Sovann", role))

    def test_description_is_a_clean_noun_phrase(self):
        """An unnamed source's description stops where its clause about something else begins."""
        (finding,) = self.read(
            "“They came at night,” said a villager who asked not to be named, adding that "
            "the police did nothing."
        )
        self.assertEqual(finding.entity.description, "a villager who asked not to be named")


class SingleQuoteTests(AttributionTestCase):
    def test_single_quotation_marks(self):
        """Speech in ‘…’ is a quote; apostrophes (don’t, villagers’) are not."""
        findings = self.read(
            "‘We don’t want the villagers’ land,’ said Ros Vibol, a company manager."
        )
        self.assertEqual(
            [finding.text for finding in findings], ["We don’t want the villagers’ land"]
        )
        self.assertSpeakers(findings, ["Ros Vibol"])


class ConfidenceTests(AttributionTestCase):
    def test_every_quote_below_the_threshold_has_a_note(self):
        """Below the threshold, each finding says what to check."""
        findings = self.read(
            "Sao Lim, a farmer, lost his field.",
            "“The water came at night.”",
            "“We had no warning,” he said.",
            "“Nobody came,” they said.",
        )
        for finding in findings:
            if finding.confidence < THRESHOLD:
                self.assertTrue(finding.note, finding)
