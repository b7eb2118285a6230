"""
Khmer quote attribution, twenty-first round of issue 16: shapes from the
batch 15, each read as a mechanism.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase


class GivenNameSpeakerTests(AttributionTestCase):
    """A person named in full, then called by the given name alone before a speech verb."""

    def test_the_given_name_after_another_fighter_was_named(self):
        findings = self.read(
            "អ្នកប្រដាល់ជើងថ្មី កំពុងល្បីឈ្មោះ សុខ វិបុល និងកីឡាករជើងចាស់ កែវ ដារា "
            "នឹងប្រកួតគ្នានៅថ្ងៃអាទិត្យនេះ។ ចំពោះ សុខ វិបុល នៅតែគោរពដល់ កែវ ដារា។ "
            "តែទោះបីជាយ៉ាងណា សុខ វិបុល នៅតែចង់ឈ្នះ។ វិបុល បាននិយាយថា៖«គាត់ជាកីឡាករខ្លាំង»។",
        )
        self.assertChecked(findings[0], "សុខ វិបុល")

    def test_the_given_name_after_a_titled_full_name(self):
        findings = self.read(
            "កីឡាករ ម៉ៅ សុផល ឈ្នះមេដាយមាស។",
            "បន្ទាប់ពីការប្រកួត កែវ ដារា អរគុណអ្នកគាំទ្រ។ សុផល បាននិយាយថា៖«ការប្រកួតនេះពិបាកជាងឆ្នាំមុន»។",
        )
        self.assertChecked(findings[0], "ម៉ៅ សុផល")

    def test_a_pair_written_once_is_no_full_name(self):
        # Only one “X វិបុល” pair and no title: nothing says it is a name.
        findings = self.read(
            "ក្រុមការងារ សុខ វិបុល ចុះពិនិត្យ។ វិបុល បាននិយាយថា៖«យើងនឹងជួយ»។",
        )
        self.assertNotEqual(self.label(findings[0]), "សុខ វិបុល")


class AthleteTitleTests(AttributionTestCase):
    """“អត្តពលិក” (athlete) is a title before a name, like “កីឡាករ”."""

    def test_the_athlete_named_in_the_lead_speaks_after_a_clause(self):
        findings = self.read(
            "ភ្នំពេញ៖ អត្តពលិក ស៊ុន ចន្ថា នៅតែជាមនុស្សដែលគេចាប់អារម្មណ៍ បន្ទាប់ពីរត់ក្រោមភ្លៀង។",
            "តាមរយៈការតស៊ូនេះ ស៊ុន ចន្ថា បានឱ្យដឹងថា៖ “ការរត់ដល់គោលដៅគឺសំខាន់សម្រាប់ខ្ញុំ”។",
        )
        self.assertSure(findings[0], "ស៊ុន ចន្ថា")
        self.assertEqual(findings[0].entity.role, "អត្តពលិក")


class VerbInANameTests(AttributionTestCase):
    """A name's second word that is also a verb (“សួរ”, to ask), in a title “លោក X Y៖ «…»”."""

    def test_the_full_name_from_the_title_with_its_role_in_the_body(self):
        findings = self.read(
            "ភ្ញៀវប្រចាំថ្ងៃ",
            "លោក ចាន់ សួរ៖ «ខេត្តទាំង៥ បានគាំទ្រផែនការនេះ»",
            "ចុះផ្សាយនៅថ្ងៃ៖",
            "ខេត្តនឹងជួយ។ លោក ចាន់ សួរ អ្នកនាំពាក្យក្រសួងផែនការ បានបន្តថា ផែនការនឹងល្អ។",
        )
        # Read on the strength of a single real story: checked, with a note.
        self.assertChecked(findings[0], "ចាន់ សួរ")
        self.assertEqual(findings[0].entity.role, "អ្នកនាំពាក្យក្រសួងផែនការ")

    def test_asking_stays_a_verb_without_the_name_repeated(self):
        findings = self.read(
            "លោក ចាន់ ដារា ជាប្រធានសមាគម។",
            "ក្នុងកិច្ចប្រជុំ លោក ដារា សួរ៖ «តើផែនការនេះនឹងចាប់ផ្តើមនៅពេលណា?»",
        )
        self.assertNotEqual(self.label(findings[0]), "ដារា សួរ")


class ClosingMarkOnlyTests(AttributionTestCase):
    """
    A quote whose opening mark is missing opens after “said (yesterday)
    that”, not at the paragraph's start; its speaker, named in full once and
    twice more by the given name alone, is that person.
    """

    def test_the_speaker_before_said_that_stays_out_of_the_quote(self):
        findings = self.read(
            "កាលពីនៅក្មេង ទោះម្តាយមិនយល់ព្រម ម៉ៅ ចន្ថា ធ្លាប់ទៅលេងបាល់ទះនៅវត្ត។",
            "ចន្ថា បាននិយាយកាលពីថ្ងៃអាទិត្យថា ខ្ញុំចេញពីផ្ទះរៀងរាល់ថ្ងៃសៅរ៍ ដើម្បីហាត់បាល់”។ "
            "នាងបាននិយាយថា “ខ្ញុំលាក់ម្តាយខ្ញុំ ហើយទៅលេងទៀត”។ នៅពេល ចន្ថា ចូលក្រុមជាតិ ម្តាយក៏ពេញចិត្ត។",
        )
        self.assertTrue(findings[0].text.strip().startswith("ខ្ញុំចេញ"))
        self.assertChecked(findings[0], "ម៉ៅ ចន្ថា")
        self.assertChecked(findings[1], "ម៉ៅ ចន្ថា")

    def test_first_person_before_said_that_keeps_the_opening_at_the_start(self):
        # “I …, he said that …”: the words start at the paragraph's start.
        findings = self.read("ខ្ញុំមិនដឹងទេ គាត់ប្រាប់ថា យើងត្រូវរង់ចាំ”។ នេះបើតាមលោក កែវ សុភា។")
        self.assertTrue(findings[0].text.startswith("ខ្ញុំមិនដឹង"))
