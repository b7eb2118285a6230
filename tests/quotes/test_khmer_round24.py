"""
Khmer quote attribution, twenty-fourth round of issue 16: shapes from
batch 18, each read as a mechanism.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase

LEDE = "(ភ្នំពេញ)៖ «យើងត្រូវថែរក្សាព្រៃឈើសម្រាប់កូនចៅ» នេះជាប្រសាសន៍ របស់{title} ចាន់ សុវណ្ណ {role} ក្នុងពិធីដាំកូនឈើ។"


class AcademicTitleBeforeTheNameTests(AttributionTestCase):
    """An academic or honorary title, glued to the word before or to an honorific, is no part of the name."""

    def test_an_academician_glued_to_the_possessive_is_a_title(self):
        findings = self.read(LEDE.format(title="បណ្ឌិតសភាចារ្យ", role="រដ្ឋមន្ត្រីក្រសួងបរិស្ថាន"))
        self.assertSure(findings[0], "ចាន់ សុវណ្ណ")

    def test_an_honorary_doctor_after_a_spaced_honorific_is_a_title(self):
        findings = self.read(LEDE.format(title="ឯកឧត្តម កិត្តិបណ្ឌិត", role="ប្រធានក្រុមហ៊ុន"))
        self.assertSure(findings[0], "ចាន់ សុវណ្ណ")

    def test_an_associate_professor_and_an_oknha_are_titles(self):
        for title in ("សាស្ត្រាចារ្យរង", "លោកជំទាវឧកញ៉ា", "ឯកឧត្តមបណ្ឌិតសភាចារ្យ"):
            with self.subTest(title=title):
                findings = self.read(LEDE.format(title=title, role="ប្រធានក្រុមហ៊ុន"))
                self.assertSure(findings[0], "ចាន់ សុវណ្ណ")

    def test_a_nickname_opening_with_a_ritual_title_is_not_read_past(self):
        findings = self.read(
            "លោក សុខ ដារា បានសរសេរថា «ថ្ងៃនេះខ្ញុំសប្បាយចិត្តណាស់»។",
            "ក៏អាចារ្យធំមិនពេញចិត្តដែរ ព្រោះតែពាក្យ «សប្បាយចិត្តណាស់»។",
        )
        self.assertNotIn("មិនពេញចិត្ត", self.label(findings[-1]))
