"""
Khmer quote attribution, thirteenth round of issue 16: the patterns the
eighth batch of real stories (held out, from outlets the rules had not seen)
showed, and readings kept at the threshold only where their rule is tight.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase


class LatinNameTests(AttributionTestCase):
    """A foreign name in Latin letters inside Khmer text."""

    def test_a_middle_initial_is_part_of_the_name(self):
        for written in ("ROBERT T. MAYNARD", "ROBERT T.MAYNARD"):
            with self.subTest(written=written):
                (finding,) = self.read(
                    f"គ្រូបង្វឹកក្រុមជម្រើសជាតិ លោក {written} បានលើកឡើងថា «ក្រុមយើងត្រូវហ្វឹកហាត់បន្ថែមទៀត»។",
                )
                self.assertEqual(finding.entity.name, written)

    def test_a_latin_name_is_checked_not_confirmed(self):
        (finding,) = self.read(
            "លោក Daniel Whitcombe អ្នកជំនាញសេដ្ឋកិច្ច បាននិយាយថា «តម្លៃប្រេងនឹងឡើងថ្លៃ»។",
        )
        self.assertChecked(finding, "Daniel Whitcombe")
        self.assertIn("Daniel Whitcombe", finding.note)

    def test_a_khmer_name_after_its_honorific_stays_confirmed(self):
        (finding,) = self.read(
            "លោក សុខ វណ្ណា អ្នកជំនាញសេដ្ឋកិច្ច បាននិយាយថា «តម្លៃប្រេងនឹងឡើងថ្លៃ»។",
        )
        self.assertSure(finding, "សុខ វណ្ណា")

    def test_latin_capitals_in_marks_inside_a_sentence_are_a_name_not_a_quote(self):
        findings = self.read(
            "លោក ROBERT T. MAYNARD បានបញ្ជាក់នៅមុនការប្រកួតមិត្តភាព «GOLDEN RIVER» ថ្ងៃទី០៥ ថា៖ "
            "«យើងត្រៀមខ្លួនរួចរាល់ហើយ»។",
        )
        self.assertEqual([finding.text for finding in findings], ["យើងត្រៀមខ្លួនរួចរាល់ហើយ"])


class GluedNameTests(AttributionTestCase):
    """Where a Khmer name ends or starts when it is written against other words."""

    def test_a_verb_of_wanting_glued_to_the_name_ends_it(self):
        findings = self.read(
            "លោកគ្រូម៉ៅ សុវណ្ណចង់ប្រកួតម្តងទៀតនៅឆ្នាំក្រោយ។",
            "លោកបានប្រាប់អ្នកសារព័ត៌មានថា «ខ្ញុំនៅមានកម្លាំងគ្រប់គ្រាន់»។",
        )
        self.assertSpeakers(findings, ["ម៉ៅ សុវណ្ណ"])

    def test_a_name_glued_to_a_word_other_than_a_title_is_checked(self):
        (finding,) = self.read(
            "ម្ចាស់គណនីហ្វេសប៊ុកនួន សុភាព បានសរសេរថា «ខ្ញុំមិនពេញចិត្តនឹងលទ្ធផលនេះទេ»។",
        )
        self.assertChecked(finding, "នួន សុភាព")

    def test_a_name_glued_to_a_title_stays_confirmed(self):
        (finding,) = self.read(
            "ក្រោយការប្រកួត កីឡាករខៀវ សុភ័ក្ត្រ បានលើកឡើងថា «ខ្ញុំមិនពេញចិត្តនឹងលទ្ធផលនេះទេ»។",
        )
        self.assertSure(finding, "ខៀវ សុភ័ក្ត្រ")

    def test_a_country_ending_the_role_before_the_name_is_kept(self):
        (finding,) = self.read(
            "គ្រូបង្វឹកក្រុមកម្ពុជា លោក ROBERT MAYNARD បាននិយាយថា «យើងលេងបានល្អ»។",
        )
        self.assertEqual(finding.entity.role, "គ្រូបង្វឹកក្រុមកម្ពុជា")


class QuoteOpenedWithAClosingMarkTests(AttributionTestCase):
    """“… បាននិយាយថា ” ខ្ញុំ…”: the writer opened the quote with the closing mark."""

    def test_the_words_after_the_mark_are_the_quote(self):
        (finding,) = self.read(
            "លោក ទេព សុផល អ្នកនាំពាក្យសមាគមកសិករ បាននិយាយថា ” ខ្ញុំមិនទាន់ទទួលបានលិខិតពីតុលាការនៅឡើយទេ",
        )
        self.assertTrue(finding.text.startswith("ខ្ញុំមិនទាន់ទទួលបានលិខិត"))
        self.assertSure(finding, "ទេព សុផល")

    def test_a_quote_between_two_closing_marks_is_left_as_it_is(self):
        (finding,) = self.read(
            "លោក ទេព សុផល បាននិយាយថា ”ខ្ញុំមិនទាន់ទទួលបានលិខិតទេ”។",
        )
        self.assertEqual(finding.text, "ខ្ញុំមិនទាន់ទទួលបានលិខិតទេ")


class PostIntroducedByATitleTests(AttributionTestCase):
    """A post quoted as its own paragraph after “ក្នុងនោះសម្តេចបានបញ្ជាក់ថា៖”."""

    def test_the_honorific_after_in_it_is_the_man_named_before(self):
        findings = self.read(
            "នេះបើយោងតាមការបង្ហោះនៅលើទំព័រហ្វេសប៊ុករបស់សម្តេច ជា វិបុល នៅថ្ងៃទី៥ ខែមីនា។ ក្នុងនោះសម្តេចបានបញ្ជាក់ថា៖",
            "“បងប្អូនជនរួមជាតិជាទីស្រឡាញ់! សូមជួយគ្នាថែរក្សាព្រៃឈើនៅភូមិយើង។”",
        )
        self.assertSpeakers(findings, ["ជា វិបុល"])
