"""
Khmer quote attribution, nineteenth round of issue 16: shapes from the
unseen batch 13, each read as a mechanism.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase


class HeadlineAfterLatinLineTests(AttributionTestCase):
    """A headline “Name៖ «…»” repeated after a Latin byline keeps the colon out of the name."""

    def test_the_colon_stays_out_of_the_name(self):
        findings = self.read(
            "Site News Cambodia Menu Home",
            "អ្នកចម្រៀង សុខ ពិសី៖ «ពេលបានជួបមិត្តភក្តិ ខ្ញុំសប្បាយចិត្តណាស់»",
            "Media ABC | Jan 03, 2023 អ្នកចម្រៀង សុខ ពិសី៖ «ពេលបានជួបមិត្តភក្តិ ខ្ញុំសប្បាយចិត្តណាស់» Clinic",
            "(ភ្នំពេញ)៖ អ្នកចម្រៀង សុខ ពិសី ដែលមកពីខេត្តសៀមរាប បានជួបមិត្តភក្តិនៅផ្សារ។",
        )
        self.assertSpeakers(findings, ["សុខ ពិសី", "សុខ ពិសី"])
        self.assertEqual(findings[1].entity.role, "អ្នកចម្រៀង")


class RoyalTitleTests(AttributionTestCase):
    """A royal rank glued to សម្តេច (“សម្តេចក្រុមព្រះ”) is a title, not the name's first word."""

    def test_a_prince_speaks_after_his_rank(self):
        findings = self.read(
            "សម្តេចក្រុមព្រះ ៖ បើខ្ញុំ មិនទៅទេ",
            "ភ្នំពេញ ៖ ប្រធានគណបក្សថ្មី សម្តេចក្រុមព្រះ នរោត្តម សុវណ្ណ បានថ្លែងនៅព្រឹកនេះថា ព្រះអង្គនឹងទៅខេត្ត។",
            "សម្តេចក្រុមព្រះ មានបន្ទូល នៅក្នុងឱកាសចែកសម្ភារៈថា « មានក្មេងខ្លះសួរថា ហេតុអ្វី »។",
        )
        self.assertSpeaker(findings[0], "នរោត្តម សុវណ្ណ")

    def test_a_prince_named_with_his_rank_then_a_verb(self):
        findings = self.read(
            "ភ្នំពេញ៖ សម្តេចក្រុមព្រះ នរោត្តម សុវណ្ណ បានមានបន្ទូលថា «ខ្ញុំនឹងជួយកសិករ»។",
        )
        self.assertSure(findings[0], "នរោត្តម សុវណ្ណ")
