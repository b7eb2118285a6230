"""
Khmer quote attribution, fourth round: names after a role with no
honorific, people described rather than introduced, family names spelt like
a small word, stage names, Latin names glued to a role, first names glued to
a title, reported clauses, and an honorific nobody fits.

Each story is a list of paragraphs, as ``quotes.services.story_paragraphs``
gives a body to the finder. The people and words are invented.
"""

from django.test import SimpleTestCase

from quotes.attribution import CONFIRM_THRESHOLD, analyze
from quotes.attribution.khmer import names_in
from tests.support.attribution import CLEAN_READING, speakers


class RoleBeforeNameTests(SimpleTestCase):
    def test_a_role_opening_the_sentence_is_followed_by_a_name(self):
        """“ខ្សែប្រយុទ្ធ សុខ វិសាល …”: a position or title, then the person, no honorific."""
        stories = {
            "ប្រធានក្រុមក្លិបអង្គរ កែវ សុភា បាននិយាយក្នុងសន្និសីទកាសែតថា៖«ពួកយើងនឹងឈ្នះ»។": (
                "កែវ សុភា",
                "ប្រធានក្រុមក្លិបអង្គរ",
            ),
            "អ្នកចាំទី ម៉ៅ រតនា បានប្រាប់ថា «ខ្ញុំរីករាយណាស់»។": ("ម៉ៅ រតនា", "អ្នកចាំទី"),
            "ខ្សែការពារ ឡុង ពិសិដ្ឋ ឆ្លើយថា «យើងមិនខ្លាចទេ»។": ("ឡុង ពិសិដ្ឋ", "ខ្សែការពារ"),
        }
        for paragraph, (name, role) in stories.items():
            with self.subTest(name=name):
                finding = analyze([paragraph])[0]
                self.assertEqual((finding.entity.name, finding.entity.role), (name, role))
                self.assertGreaterEqual(finding.confidence, CONFIRM_THRESHOLD)

    def test_the_name_is_read_before_its_verb_in_an_earlier_sentence(self):
        """“ខ្សែប្រយុទ្ធ សុខ វិសាល ចាត់ទុកថា…”, then “វិសាលបាននិយាយថា”: the same player."""
        story = [
            "ខ្សែប្រយុទ្ធ សុខ វិសាល ចាត់ទុកថាការប្រកួតនេះលំបាក។",
            "វិសាលបាននិយាយថា៖ «យើងនឹងប្រឹងប្រែង»។",
        ]
        self.assertEqual(speakers(story), ["សុខ វិសាល"])


class DescribedNotIntroducedTests(SimpleTestCase):
    def test_a_description_after_a_named_person_is_that_person_below_the_threshold(self):
        """“កីឡាករវ័យក្មេងបានបន្តថា”: the player just named, a guess with a note."""
        stories = [
            [
                "ខ្សែប្រយុទ្ធ សុខ វិសាល ចាត់ទុកថាការប្រកួតនេះលំបាក។",
                "កីឡាករវ័យក្មេងបានបន្តទៀតថា៖ «ក្រុមយើងត្រៀមខ្លួនរួចហើយ»។",
            ],
            [
                "លោក ហេង ដារ៉ា គ្រូបង្វឹកក្លឹបភ្នំពេញ បានចូលរួមសន្និសីទ។",
                "គ្រូបង្វឹកវ័យ៤០ឆ្នាំបានបន្ថែមថា «យើងត្រូវហ្វឹកហាត់បន្ថែម»។",
            ],
            [
                "តារាចម្រៀង អ្នកស្រី ម៉ម ស្រីនាង បានបង្ហោះសារនៅលើហ្វេសបុក។",
                "អ្នកចម្រៀងវ័យក្មេងបានសរសេរថា «ខ្ញុំមិនខ្វល់ទេ»។",
            ],
        ]
        for story in stories:
            with self.subTest(story=story[1]):
                finding = analyze(story)[-1]
                self.assertIsNotNone(finding.entity)
                self.assertTrue(finding.entity.name)
                self.assertLess(finding.confidence, CONFIRM_THRESHOLD)
                self.assertTrue(finding.note)

    def test_someone_described_as_known_but_never_named_is_not_sure(self):
        """“មន្ត្រីក្រសួងការងារបាននិយាយថា” with nobody named: unnamed, below the threshold."""
        finding = analyze(["មន្ត្រីក្រសួងការងារបាននិយាយថា «យើងកំពុងពិនិត្យ»។"])[0]
        self.assertEqual(finding.entity.description, "មន្ត្រីក្រសួងការងារ")
        self.assertLess(finding.confidence, CONFIRM_THRESHOLD)

    def test_someone_introduced_as_new_stays_sure(self):
        """“អ្នកភូមិម្នាក់បាននិយាយថា”: a new unnamed source, as before."""
        finding = analyze(["លោក សុខ ដារ៉ា រស់នៅក្នុងភូមិ។", "អ្នកភូមិម្នាក់បាននិយាយថា «ទឹកលិចផ្ទះអស់ហើយ»។"])[-1]
        self.assertEqual(finding.entity.description, "អ្នកភូមិម្នាក់")
        self.assertGreaterEqual(finding.confidence, CLEAN_READING)


class SmallWordFamilyNameTests(SimpleTestCase):
    def test_pum_before_a_second_name_word_is_a_family_name(self):
        """“លោក ពុំ សុវណ្ណ”, “លោកស្រី ពុំ ចាន់ថា”: Pum, not “not”."""
        stories = {
            "លោក ពុំ សុវណ្ណ គ្រូបង្វឹកក្លឹបអង្គរ បានឲ្យដឹងតាមរយៈហ្វេសបុកថា៖ «ខ្ញុំសោកស្តាយខ្លាំង»។": "ពុំ សុវណ្ណ",
            "លោកស្រី ពុំ ចាន់ថា បាននិយាយថា «ផ្សារបិទអស់ហើយ»។": "ពុំ ចាន់ថា",
        }
        for paragraph, name in stories.items():
            with self.subTest(name=name):
                self.assertEqual(speakers([paragraph]), [name])

    def test_pum_before_a_verb_is_still_a_negation(self):
        """“លោក ពុំ បាននិយាយ”: nobody called Pum."""
        self.assertEqual(names_in("លោក ពុំ បាននិយាយអ្វីទាំងអស់"), [])


class AliasTests(SimpleTestCase):
    def test_a_stage_name_after_the_full_name_is_that_person(self):
        """“ម៉ម សុជាតា ហៅ ពៅ”, then “អ្នកនាង ពៅ”: ម៉ម សុជាតា."""
        stories = {
            "ម៉ម សុជាតា": [
                "តារាចម្រៀង អ្នកនាង ម៉ម សុជាតា ហៅ ពៅ បានចេញមុខ។",
                "អ្នកនាង ពៅ បានសរសេរថា «ខ្ញុំមិនខ្វល់ទេ»។",
            ],
            "ឡេង សុខា": [
                "តារាកំប្លែង លោក ឡេង សុខា ហៅ ណូយ បានបកស្រាយ។",
                "លោក ណូយ បានប្រាប់ថា «ខ្ញុំនៅតែសម្តែង»។",
            ],
            "ហែម សុភា": [
                "លោក ហែម សុភា ដែលគេហៅថា ពូថៅ បានមកដល់។",
                "លោក ពូថៅ បានថ្លែងថា «ខ្ញុំសប្បាយចិត្ត»។",
            ],
        }
        for name, story in stories.items():
            with self.subTest(name=name):
                self.assertEqual(speakers(story), [name])


class LatinNameTests(SimpleTestCase):
    def test_a_khmer_role_glued_to_a_latin_name_is_not_part_of_it(self):
        """“លោក Emmanuel Macronប្រធានាធិបតីបារាំង”: the name ends at the Latin letters."""
        stories = {
            "លោក Emmanuel Macronប្រធានាធិបតីបារាំង បានថ្លែងថា “គ្មានអ្វីប្រាកដទេ” ។": "Emmanuel Macron",
            "លោក Joko Widodoប្រធានាធិបតីឥណ្ឌូណេស៊ី បាននិយាយថា «យើងនឹងជួយ»។": "Joko Widodo",
        }
        for paragraph, name in stories.items():
            with self.subTest(name=name):
                finding = analyze([paragraph])[0]
                self.assertEqual(finding.entity.name, name)
                self.assertTrue(finding.entity.role.startswith("ប្រធានាធិបតី"))

    def test_a_short_name_in_the_headline_is_the_person_named_in_full_later(self):
        """“លោក Macron ថ្លែងថា “…””, then “លោក Emmanuel Macron”: one person, the first below."""
        stories = [
            [
                "លោក Macron ថ្លែងថា “យើងត្រៀមរួចហើយ”",
                "លោក Emmanuel Macron ប្រធានាធិបតីបារាំង បានថ្លែងថា “គ្មានអ្វីប្រាកដទេ”។",
                "លោក Macron បានប្រាប់ថា “យើងត្រូវរង់ចាំ”។",
            ],
            [
                "លោក ដារ៉ា ថ្លែងថា «ខ្ញុំនឹងតតាំង»",
                "លោក សុខ ដារ៉ា មេធាវីការពារក្តី បានថ្លែងថា «ខ្ញុំនឹងតតាំងដល់ទីបញ្ចប់»។",
                "លោក ដារ៉ា បានបន្ថែមថា «យើងមានភស្តុតាង»។",
            ],
        ]
        for story in stories:
            with self.subTest(story=story[1]):
                findings = analyze(story)
                full = findings[1].entity.name
                self.assertEqual([finding.entity.name for finding in findings], [full] * 3)
                self.assertLess(findings[0].confidence, CONFIRM_THRESHOLD)
                self.assertGreaterEqual(findings[2].confidence, CLEAN_READING)


class GluedTitleTests(SimpleTestCase):
    def test_a_first_name_glued_to_a_title_is_part_of_the_name(self):
        """“លោកប្រធានាធិបតីជ័រ ប៊ីដិន”: ជ័រ ប៊ីដិន, the president; “លោកប៊ីដិន” later."""
        story = [
            "លោកប្រធានាធិបតីជ័រ ប៊ីដិន បានប្រកាសថា “យើងត្រៀមរួចហើយ”។",
            "លោកប៊ីដិន ពោល ៖ “ខ្ញុំមិនចង់បានសង្គ្រាមទេ”។",
        ]
        findings = analyze(story)
        self.assertEqual([finding.entity.name for finding in findings], ["ជ័រ ប៊ីដិន"] * 2)
        self.assertEqual(findings[0].entity.role, "ប្រធានាធិបតី")
        self.assertGreaterEqual(findings[1].confidence, CLEAN_READING)
        self.assertEqual(
            speakers(["លោកនាយករដ្ឋមន្ត្រីហ្វូមីអូ គីស៊ីដា បានថ្លែងថា “យើងនឹងជួយ”។"]),
            ["ហ្វូមីអូ គីស៊ីដា"],
        )

    def test_a_country_glued_to_a_title_is_the_title(self):
        """“លោកប្រធានាធិបតីបារាំង ម៉ាក្រុង”: the president of France, ម៉ាក្រុង."""
        finding = analyze(["លោកប្រធានាធិបតីបារាំង ម៉ាក្រុង បានថ្លែងថា «យើងនឹងជួយ»។"])[0]
        self.assertEqual(finding.entity.name, "ម៉ាក្រុង")


class ReportedClauseTests(SimpleTestCase):
    def test_the_subject_of_a_reported_clause_speaks(self):
        """“… ផ្សព្វផ្សាយថា លោក X បានថ្លែងថា “…””: X, not the agency."""
        stories = {
            "ទីភ្នាក់ងារ Xinhua បានផ្សព្វផ្សាយថា លោក Olaf Scholz បានថ្លែងថា “យើងនឹងជួយ”។": "Olaf Scholz",
            "កាសែតក្នុងស្រុកបានរាយការណ៍ថា លោក កែវ វណ្ណា បាននិយាយនៅក្នុងកិច្ចប្រជុំថា «គ្មានបញ្ហាទេ»។": "កែវ វណ្ណា",
        }
        for paragraph, name in stories.items():
            with self.subTest(name=name):
                self.assertEqual(speakers([paragraph]), [name])


class NobodyFitsTests(SimpleTestCase):
    def test_an_honorific_nobody_fits_is_an_unnamed_person_far_below_the_threshold(self):
        """“អ្នកស្រីបាននិយាយថា” in a story naming no woman: an unnamed woman, a guess."""
        stories = {
            "អ្នកស្រី": ["អ្នកស្រីបាននិយាយថា៖ «យើងគ្មានលុយទេ»។"],
            "លោក": ["កម្មករជាច្រើននាក់ធ្វើការនៅការដ្ឋាន។", "លោកបានប្រាប់ថា៖ «ខ្ញុំធ្វើការរាល់ថ្ងៃ»។"],
        }
        for written, story in stories.items():
            with self.subTest(written=written):
                finding = analyze(story)[-1]
                self.assertEqual(finding.entity.description, written)
                self.assertFalse(finding.entity.name)
                self.assertLess(finding.confidence, 50)
                self.assertTrue(finding.note)
