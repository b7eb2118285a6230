"""
Khmer quote attribution, twentieth round of issue 16: shapes from the
unseen batch 14, each read as a mechanism.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase


class KinshipCrowdTests(AttributionTestCase):
    """A run of kinship words before the verb (“ពុក ម៉ែ មា មីង បងប្អូន”) is a crowd, not a name."""

    def test_the_crowd_after_a_member_of_parliament(self):
        findings = self.read(
            "ខេត្តតាកែវ ៖ លោក សុខ វណ្ណា អ្នកតំណាងរាស្ត្រ បានថ្លែងថា "
            "ខ្ញុំនឹងនៅជាមួយលោកយាយ លោកតា ពុក ម៉ែ មា មីង បងប្អូន នៅវាលស្រែបាន។",
            "លោកតា ពុក ម៉ែ មា មីង បងប្អូនបាននិយាយថា, “…សូមលោកចូលមកក្នុងរោងបន្តិចទៅ…”។",
        )
        self.assertChecked(findings[0], "លោកតា ពុក ម៉ែ មា មីង បងប្អូន")

    def test_the_crowd_alone(self):
        findings = self.read("ពុក ម៉ែ មា មីង បងប្អូនបាននិយាយថា “សូមជួយយើងផង”។")
        self.assertChecked(findings[0], "ពុក ម៉ែ មា មីង បងប្អូន")

    def test_one_kinship_word_before_a_name_stays_a_person(self):
        findings = self.read("ភូមិថ្មី៖ យាយ សុខ ខន បាននិយាយថា “ខ្ញុំចង់បានទឹកស្អាត”។")
        self.assertSpeaker(findings[0], "សុខ ខន")
