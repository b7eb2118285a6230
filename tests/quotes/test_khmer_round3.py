"""
Khmer quote attribution, third round: kinship and stage titles, a speaker
after “បន្ទាប់ពី”, titles held by one person, names told by a role or a Latin
spelling, and lines of songs and documents.

Each story is a list of paragraphs, as ``quotes.services.story_paragraphs``
gives a body to the finder. The people, works and words are invented.
"""

from django.test import SimpleTestCase

from quotes.attribution import CONFIRM_THRESHOLD, analyze
from quotes.attribution.khmer import names_in
from tests.support.attribution import CLEAN_READING, speakers


class SpacedHonorificTests(SimpleTestCase):
    def test_stage_and_kinship_titles_before_a_space_start_a_name(self):
        """“នាយ ចឺម”, “យាយ សុខ ខន”, “តា ម៉ៅ សាន”: the title is not the name."""
        stories = {
            "ក្នុងបទសម្ភាសន៍នោះ នាយ ចឺម លើកឡើងថា៖”ក្រសួងគួរតែស្តាប់សិល្បករ”។": "ចឺម",
            "យាយ សុខ ខន បានប្រាប់ថា «ផ្ទះខ្ញុំលិចទឹកអស់ហើយ»។": "សុខ ខន",
            "តា ម៉ៅ សាន រៀបរាប់ថា “យើងរស់នៅទីនេះតាំងពីដើម”។": "ម៉ៅ សាន",
        }
        for paragraph, name in stories.items():
            with self.subTest(name=name):
                self.assertEqual(speakers([paragraph]), [name])

    def test_the_same_letters_inside_a_word_are_no_title(self):
        """“នាយករដ្ឋមន្ត្រី”, “តាម”: no honorific there."""
        self.assertEqual(
            speakers(["នាយករដ្ឋមន្ត្រី ឈិន សុវណ្ណ បាននិយាយថា «យើងនឹងសាងសង់ផ្លូវថ្មី»។"]),
            ["ឈិន សុវណ្ណ"],
        )
        self.assertEqual(names_in("តាម ផ្លូវជាតិលេខ៤ មានភ្លៀងធ្លាក់"), [])

    def test_a_kinship_title_gives_the_gender(self):
        """“យាយ” is a woman: “នាង” then refers to her."""
        findings = analyze(["យាយ សុខ ខន រស់នៅក្បែរទន្លេ។", "នាងបានបន្ថែមថា «ខ្ញុំគ្មានកន្លែងទៅទេ»។"])
        self.assertEqual(findings[0].entity.name, "សុខ ខន")


class AfterClauseTests(SimpleTestCase):
    def test_the_subject_after_bantoap_pi_speaks_the_quote(self):
        """“X ឆ្លើយតបបន្ទាប់ពី Y បានប្រសាសន៍ថា «…»”: the quote is Y's."""
        stories = {
            "លោក លឹម ភាព ឆ្លើយតបបន្ទាប់ពី លោក កែវ ចន្ទា តំណាងរាស្ត្រ បាន ប្រសាសន៍ ថា "
            "“ស្ថានភាពនេះគ្រោះថ្នាក់”។": "កែវ ចន្ទា",
            "អ្នកស្រី ម៉ម សុភា ឆ្លើយតបក្រោយពីឯកឧត្តម ជា វិចិត្រ បានប្រសាសន៍ថា «គ្មានបញ្ហាទេ»។": ("ជា វិចិត្រ"),
            "លោក ទេព សុខា ខឹងយ៉ាងខ្លាំង បន្ទាប់ពីលោកស្រី អ៊ុក ចរិយា បាន និយាយ ថា «គាត់មិនដែលមកទីនេះទេ»។": "អ៊ុក ចរិយា",
        }
        for paragraph, name in stories.items():
            with self.subTest(name=name):
                self.assertEqual(speakers([paragraph]), [name])


class UniqueTitleTests(SimpleTestCase):
    def test_a_unique_title_is_the_person_named_with_a_longer_one(self):
        """“សម្តេចតេជោ” after “សម្តេចអគ្គមហាសេនាបតីតេជោ ហ៊ុន សែន”: the same man."""
        findings = analyze(
            [
                "សម្តេចអគ្គមហាសេនាបតីតេជោ ហ៊ុន សែន បានអញ្ជើញទៅខេត្តតាកែវ។",
                "សម្តេចតេជោបានសរសេរថា «យើងត្រូវថែរក្សាសន្តិភាព»។",
            ]
        )
        self.assertEqual(findings[0].entity.name, "ហ៊ុន សែន")
        self.assertGreaterEqual(findings[0].confidence, CLEAN_READING)

    def test_a_unique_title_alone_is_its_holder_below_the_threshold(self):
        """A story that never names them: the title's one holder, to check."""
        stories = {
            "សម្តេចធិបតីបានថ្លែងថា «យើងនឹងបង្កើតការងារថ្មី»។": "ហ៊ុន ម៉ាណែត",
            "សម្តេចក្រឡាហោម បានថ្លែងថា «រដ្ឋបាលត្រូវបម្រើពលរដ្ឋ»។": "ស ខេង",
        }
        for paragraph, name in stories.items():
            with self.subTest(name=name):
                findings = analyze([paragraph])
                self.assertEqual(findings[0].entity.name, name)
                self.assertLess(findings[0].confidence, CONFIRM_THRESHOLD)

    def test_a_headline_title_introduces_the_quotes_after_it(self):
        """“សម្តេចតេជោទុកពេល…” heading quotes with no attribution: his, to check."""
        findings = analyze(
            [
                "សម្តេចតេជោទុកពេល ៤៨ម៉ោង ឱ្យក្រុមហ៊ុនមួយ ដោះស្រាយបញ្ហា",
                "“ខ្ញុំមិនអាចរង់ចាំបានទៀតទេ”។",
            ]
        )
        self.assertEqual(findings[0].entity.name, "ហ៊ុន សែន")
        self.assertLess(findings[0].confidence, CONFIRM_THRESHOLD)


class UnmarkedNameTests(SimpleTestCase):
    def test_a_role_in_apposition_tells_a_name_without_honorific(self):
        """“ប៊ូ បញ្ញា ជាយុវជន…”, “ឈឹម វណ្ណា អ្នកលក់បន្លែ…”: names."""
        self.assertEqual(
            [name for name, _start, _end in names_in("ឈឹម វណ្ណា អ្នកលក់បន្លែនៅផ្សារថ្មី បាននិយាយ")],
            ["ឈឹម វណ្ណា"],
        )
        self.assertEqual(
            speakers(["មិនមែនរឿងថ្មីទេ។ សុខ ម៉ាលី ជាគ្រូបង្រៀននៅសាលាបឋមសិក្សា។ “កូនៗត្រូវការសៀវភៅ” នេះជាទស្សនៈ"]),
            ["សុខ ម៉ាលី"],
        )

    def test_the_view_of_a_person_after_the_quote_is_theirs(self):
        """“«…» នេះជាមតិរបស់លោក X”: his view, his words."""
        self.assertEqual(speakers(["«ទឹកដីនេះជារបស់សហគមន៍» នេះជាមតិរបស់លោក ស៊ឹម ចាន់ថា។"]), ["ស៊ឹម ចាន់ថា"])

    def test_a_latin_spelling_tells_a_foreign_name_and_its_first_word(self):
        """A foreign name's given name comes first; “លោកស្រី ម៉ារី” is its start."""
        findings = analyze(
            [
                "នាយិកាអង្គការ ម៉ារីយ៉ា ហ្វឺណាន់ដេស ហ្គាស៊ីយ៉ា (Maria Fernandez Garcia) បានចុះទៅភូមិ។",
                "អ្នកស្រី ម៉ារី បាននិយាយថា «យើងនឹងត្រលប់មកវិញ»។",
            ]
        )
        self.assertEqual(findings[0].entity.name, "ម៉ារីយ៉ា ហ្វឺណាន់ដេស ហ្គាស៊ីយ៉ា")
        self.assertEqual(
            [name for name, _s, _e in names_in("លោក ចន ម៉ាក ស្មីត (John Mark Smith) បាននិយាយ")],
            ["លោក ចន ម៉ាក ស្មីត"],
        )

    def test_a_place_with_its_latin_spelling_is_no_name(self):
        """“នៅ ញូវ យ៉ក (New York)”: after a small word, a place."""
        self.assertEqual(names_in("គាត់រស់នៅ ញូវ យ៉ក (New York) អស់ជាច្រើនឆ្នាំ"), [])


class LineOfAWorkTests(SimpleTestCase):
    def test_a_line_of_a_song_poem_or_statement_is_the_works(self):
        """“… ដែលមានឃ្លាថា «…»”, “… មានខ្លឹមសារថា «…»”: not the singer's or author's."""
        stories = {
            "បទចម្រៀង «ផ្កាព្រៃ» របស់កញ្ញា ស៊ិន ស្រីពៅ ដែលមានឃ្លាថា «ចិត្តខ្ញុំនៅតែរង់ចាំ» កំពុងល្បី។": "បទចម្រៀង",
            "កំណាព្យរបស់លោក គង់ ប៊ុនឈឿន មានខ្លឹមសារថា «ទឹកហូរមិនឈប់»។": "កំណាព្យ",
            "សេចក្តីថ្លែងការណ៍មួយរបស់លោក ញឹក ដារ៉ា ដែលមានខ្លឹមសារថា៖ «យើងបដិសេធ»។": ("សេចក្តីថ្លែងការណ៍"),
        }
        for paragraph, head in stories.items():
            with self.subTest(head=head):
                [speaker] = speakers([paragraph])
                self.assertTrue(speaker.startswith(head), speaker)
