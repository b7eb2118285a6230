"""
Khmer quote attribution, twenty-fifth round of issue 16: shapes from
batch 19, each read as a mechanism.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase

GROUP = (
    "ក្រុមប្រតិភូ ដែលមានសមាជិកប្រមាណ ២០នាក់ ជា អ្នកការទូត អ្នកកាសែត អតីតយុទ្ធជន …ជាដើម "
    "បានមកដល់ភ្នំពេញ។ មានវត្តមាននៅភ្នំពេញ លោក John Smith អាយុ ៧០ឆ្នាំ បាន{verb}ថា{colon}"
)
WORDS = "“ ខ្ញុំសប្បាយចិត្តណាស់ដែលបានមកទីនេះម្ដងទៀត។”"


class SharedThatTests(AttributionTestCase):
    """“Share” before ថា introduces words, in either spelling, after ៖ or a typed ÷."""

    def test_a_visitor_who_shares_that_speaks_not_the_group_before(self):
        for verb in ("ចែករំលែក", "ចែករំឡែក"):
            for colon in ("៖", "÷"):
                with self.subTest(verb=verb, colon=colon):
                    findings = self.read(GROUP.format(verb=verb, colon=colon), WORDS)
                    self.assertEqual(self.label(findings[0]), "John Smith")
                    # Introduced right before the quote, as after “៖”; still checked.
                    self.assertIn(findings[0].confidence, range(78, 80))

    def test_sharing_joy_is_not_speech(self):
        findings = self.read(
            "ក្រុមការងារ បានចែករំលែកសេចក្ដីសប្បាយរីករាយ ជាមួយប្រជាជន។",
            "“ ថ្ងៃនេះជាថ្ងៃល្អ។”",
        )
        self.assertNotEqual(self.label(findings[0]), "ក្រុមការងារ")


class RoyalTitleTests(AttributionTestCase):
    """A royal title before the name is an honorific, not part of the name or unreadable."""

    def test_a_young_princess_informing_via_her_page(self):
        findings = self.read(
            "ព្រះនាងតូច នរោត្តម ចន្ទ្រារស្មី បានយាងទៅសាលារៀនក្នុងភូមិ។",
            "នៅល្ងាចនោះ ព្រះនាងតូច នរោត្តម ចន្ទ្រារស្មី បានជម្រាបជូនដំណឹងតាមគេហទំព័ររបស់ព្រះនាងថា៖ "
            "«សៀវភៅថ្មីនឹងមកដល់នៅខែក្រោយ»។",
        )
        self.assertSure(findings[0], "នរោត្តម ចន្ទ្រារស្មី")

    def test_a_prince_who_said(self):
        findings = self.read("ព្រះអង្គម្ចាស់ នរោត្តម វិសាល បានមានប្រសាសន៍ថា «យើងត្រូវរួបរួមគ្នា»។")
        self.assertSure(findings[0], "នរោត្តម វិសាល")
