"""
Khmer quote attribution, fifth round: a slogan or word named by ``ពាក្យ`` is
no quote, and confidence calibrated on stories nobody tuned on, where only
a full name read in the quote's sentence sits at the threshold.

Each story is a list of paragraphs, as ``quotes.services.story_paragraphs``
gives a body to the finder. The people and words are invented.
"""

from django.test import SimpleTestCase

from quotes.attribution import CONFIRM_THRESHOLD, analyze


class SloganTests(SimpleTestCase):
    def test_words_named_by_pakya_are_no_quote(self):
        """“ដាក់ពាក្យថា «…»”, “ពាក្យ «…»”: a slogan or a word, nobody's speech."""
        stories = [
            ["លោក សុខ ដារ៉ា អភិបាលខេត្ត បានពន្យល់ហេតុផលនៃការដាក់ពាក្យថា «ភូមិយើងស្អាត» នៅមុខសាលាខេត្ត។"],
            ["លោក កែវ សំណាង បានសរសេរពាក្យ «សន្តិភាព» លើផ្ទាំងក្រណាត់។"],
            [
                "សម្តេច ជា សុផល ៖ ពាក្យ «យើងធ្វើបាន» ជាសារនៃជាតិ",
                "សម្តេច ជា សុផល បានពន្យល់ពីការដាក់ពាក្យថា «យើងធ្វើបាន» នៅលើស្លាកសញ្ញាធំ។",
            ],
        ]
        for paragraphs in stories:
            with self.subTest(paragraphs=paragraphs[-1][:20]):
                sure = [
                    finding
                    for finding in analyze(paragraphs)
                    if finding.entity is not None and finding.confidence >= CONFIRM_THRESHOLD
                ]
                self.assertEqual(sure, [])

    def test_a_spokesman_still_speaks(self):
        """“អ្នកនាំពាក្យ” is a spokesman: the words after his speech verb are his."""
        finding = analyze(["អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ លោក ទូច សុវណ្ណ បាននិយាយថា «យើងនឹងពិនិត្យរឿងនេះ»។"])[0]
        self.assertEqual(finding.entity.name, "ទូច សុវណ្ណ")
        self.assertGreaterEqual(finding.confidence, CONFIRM_THRESHOLD)


class CalibrationTests(SimpleTestCase):
    def test_a_full_name_is_confirmable(self):
        for paragraph in [
            "លោក ហេង សុភ័ក្រ បាននិយាយថា «យើងនឹងសាងសង់ផ្លូវថ្មី»។",
            "លោកស្រី ម៉ម សុភា បានប្រាប់ថា «តម្លៃអង្ករឡើងខ្ពស់»។",
        ]:
            with self.subTest(paragraph=paragraph[:20]):
                finding = analyze([paragraph])[0]
                self.assertGreaterEqual(finding.confidence, CONFIRM_THRESHOLD)

    def test_later_references_are_checked(self):
        """A short name, a pronoun or a bare honorific: too few cases to hold unread."""
        first = "លោក ហេង សុភ័ក្រ បាននិយាយថា «យើងនឹងសាងសង់ផ្លូវថ្មី»។"
        for later in [
            "លោក សុភ័ក្រ បានបន្ថែមថា «ការងារនឹងចាប់ផ្តើមខែក្រោយ»។",
            "គាត់បានបន្ថែមថា «ការងារនឹងចាប់ផ្តើមខែក្រោយ»។",
            "លោកបានបន្ថែមទៀតថា «ការងារនឹងចាប់ផ្តើមខែក្រោយ»។",
        ]:
            with self.subTest(later=later[:20]):
                finding = analyze([first, later])[1]
                self.assertEqual(finding.entity.name, "ហេង សុភ័ក្រ")
                self.assertLess(finding.confidence, CONFIRM_THRESHOLD)
                self.assertTrue(finding.note)

    def test_a_latin_short_name_in_khmer_text_is_checked(self):
        """“លោក Hirose” after “លោក Ryu Hirose”: read by the Khmer rules, checked."""
        findings = analyze(
            [
                "គ្រូបង្វឹក លោក Ryu Hirose បាននិយាយថា «ក្រុមយើងត្រៀមខ្លួនរួចហើយ»។",
                "លោក Hirose បានបន្ថែមថា «កីឡាករទាំងអស់មានសុខភាពល្អ»។",
            ]
        )
        self.assertEqual(findings[1].entity.name, "Ryu Hirose")
        self.assertLess(findings[1].confidence, CONFIRM_THRESHOLD)
