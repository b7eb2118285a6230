"""
Khmer quote attribution, fourteenth round of issue 16: the patterns the
ninth batch of real stories (held out, from outlets the rules had not seen)
showed, and a reading that was wrong at the threshold there.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase


class CampaignNameTests(AttributionTestCase):
    """A campaign's or programme's name in «», even beside the official who launched it."""

    def test_a_campaign_name_is_not_the_officials_speech(self):
        findings = self.read(
            "តាមទំព័រហ្វេសប៊ុករបស់លោក សុខ វិបុល អភិបាលស្រុកថ្មី បានឱ្យដឹងថា "
            "ឃុំនេះបានចាប់ផ្តើមយុទ្ធនាការ «ផ្លូវស្អាត ភូមិស្អាត» ហើយ។",
        )
        self.assertEqual(findings, [])

    def test_a_headline_with_the_campaign_name_is_not_given_to_the_official(self):
        findings = self.read(
            "ភូមិថ្មីអនុវត្ត «ផ្លូវស្អាត ភូមិស្អាត»",
            "លោក សុខ វិបុល អភិបាលស្រុកថ្មី បានប្រកាសយុទ្ធនាការ «ផ្លូវស្អាត ភូមិស្អាត» កាលពីម្សិលមិញ។",
            "លោកបានសរសេរថា៖ «សូមអ្នកភូមិចូលរួមយុទ្ធនាការ “ផ្លូវស្អាត ភូមិស្អាត” ឱ្យបានច្រើន»។",
        )
        self.assertEqual(
            [finding.text for finding in findings],
            ["សូមអ្នកភូមិចូលរួមយុទ្ធនាការ “ផ្លូវស្អាត ភូមិស្អាត” ឱ្យបានច្រើន"],
        )
        self.assertEqual(self.label(findings[0]), "សុខ វិបុល")

    def test_words_a_named_speaker_says_are_still_a_quote(self):
        (finding,) = self.read(
            "លោក សុខ វិបុល អភិបាលស្រុកថ្មី បាននិយាយថា «ផ្លូវស្អាត ភូមិស្អាត»។",
        )
        self.assertSure(finding, "សុខ វិបុល")


class TitleThenNameTests(AttributionTestCase):
    """An office first, the man who holds it named next to it with no role of his own."""

    def test_the_spokesman_is_the_excellency_named_in_the_next_paragraph(self):
        findings = self.read(
            "អ្នកនាំពាក្យក្រសួងពាណិជ្ជកម្ម បានអះអាងកាលពីយប់មិញថា ក្រសួងកំពុងស៊ើបរកឈ្មួញ។",
            "ឯកឧត្តម ម៉ៅ សុវណ្ណារ៉ា បានប្រកាសនៅលើបណ្តាញសង្គមថា ក្រសួងនឹងចាត់វិធានការ។",
            "ទន្ទឹមគ្នានេះ អ្នកនាំពាក្យក្រសួងពាណិជ្ជកម្ម ក៏បានសួរថា «តើឈ្មួញទាំងនោះលាក់ខ្លួននៅឯណា?»៕",
        )
        (finding,) = findings
        self.assertChecked(finding, "ម៉ៅ សុវណ្ណារ៉ា")
        self.assertEqual(finding.role, "អ្នកនាំពាក្យក្រសួងពាណិជ្ជកម្ម")

    def test_the_spokesman_is_the_man_the_headline_names_not_the_woman_he_mocks(self):
        findings = self.read(
            "លោក ទេព សុវណ្ណ៖ ការធ្វើដំណើររបស់ លោកស្រី ចាន់ ស្រីពៅ បរាជ័យ",
            "ភ្នំពេញ ៖ អ្នកនាំពាក្យគណបក្សកសិករ បានចេញមកនិយាយពីលោកស្រី ចាន់ ស្រីពៅថា "
            "“ដំណើររបស់លោកស្រី ចាន់ ស្រីពៅ គ្មានអ្នកណាចាប់អារម្មណ៍ទេ”។",
        )
        (finding,) = findings
        self.assertChecked(finding, "ទេព សុវណ្ណ")

    def test_an_official_of_the_ministry_is_not_the_man_named_beside(self):
        findings = self.read(
            "មន្ត្រីក្រសួងការពារជាតិ បាននិយាយថា «យើងមិនបានបិទព្រំដែនទេ»។",
            "ឯកឧត្តម ម៉ៅ សុវណ្ណារ៉ា បានជួបអ្នកសារព័ត៌មាននៅថ្ងៃដដែល។",
        )
        self.assertNotEqual(self.label(findings[0]), "ម៉ៅ សុវណ្ណារ៉ា")

    def test_a_spokesman_beside_two_people_named_without_roles_stays_unnamed(self):
        findings = self.read(
            "ឯកឧត្តម ម៉ៅ សុវណ្ណារ៉ា និង លោក ហេង ដារា បានចុះទៅពិនិត្យផ្សារ។",
            "អ្នកនាំពាក្យក្រសួងពាណិជ្ជកម្ម បាននិយាយថា «តម្លៃនឹងថយចុះ»។",
        )
        self.assertNotIn(self.label(findings[0]), {"ម៉ៅ សុវណ្ណារ៉ា", "ហេង ដារា"})
