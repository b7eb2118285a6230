"""
Khmer quote attribution, second round: names without honorifics, short
partial quotes, works and parties as sources, titles, quote marks.

Each story is a list of paragraphs, as ``quotes.services.story_paragraphs``
gives a body to the finder. The people, works and words are invented.
"""

from django.test import SimpleTestCase

from quotes.attribution import CONFIRM_THRESHOLD, analyze
from quotes.attribution.khmer import names_in
from quotes.attribution.khmer_marks import prepare
from tests.support.attribution import CLEAN_READING

SPEECHES = [
    "ប៉ារីស៖ ក្រុមអ្នកស្រាវជ្រាវបានប្រមូលសុន្ទរកថាចាស់ៗ។",
    "ម៉ារី ឡឺប៉ែន គាត់បាននិយាយនៅក្នុងសុន្ទរកថាមួយថា «យើងត្រូវការពារវប្បធម៌របស់យើង»។",
    "ចន ស្មីត គាត់បោះពាក្យមួយឃ្លាថា “ការអប់រំគឺជាគន្លឹះ” ហើយគាត់ចង់ឱ្យកុមារក្លាយជា«ពន្លឺ»នៃសង្គម។",
    "Anna Berg គាត់សរសេរថា «សន្តិភាពចាប់ផ្តើមពីផ្ទះ»។",
]

VERB_FAMILIES = [
    "លោក កែវ សុផល អ្នកនាំពាក្យក្រសួងបរិស្ថាន បានថ្លែងក្នុងបទសម្ភាសន៍ជាមួយវីអូអេថា «យើងកំពុងស៊ើបអង្កេត»។",
    "លោកស្រី ម៉ៅ ចិន្តា បានសរសេរនៅលើហ្វេសប៊ុករបស់លោកស្រីថា «ខ្ញុំមិនខ្លាចទេ»។",
    "លោក ទេព សុវណ្ណ បានប្រាប់ CamboJA ថា «ការគំរាមនេះមិនអាចទទួលយកបាន»។",
    "លោក ហុង សាវ៉ាត បានឆ្លើយតបថា «ក្រសួងបានធ្វើតាមច្បាប់»។",
    "លោកស្រី ចិន្តា អះអាងថា «ខ្ញុំមានភស្តុតាង»។",
    "លោក សុផល គូសបញ្ជាក់ថា «នេះមិនមែនជាលើកទីមួយទេ»។",
    "តាមរយៈសារលិខិតមួយ លោក ទេព សុវណ្ណ បានលើកឡើងថា «យើងនឹងប្តឹងទៅតុលាការ»។",
    "លោក សាវ៉ាត ចាត់ទុកថា «ការចោទប្រកាន់នេះគ្មានមូលដ្ឋាន»។",
    "លោកស្រី ចិន្តា ទទូចថា «ត្រូវតែដោះលែងពួកគេ»។",
    "«រដ្ឋាភិបាលគួរតែស្តាប់ពលរដ្ឋ» លោក សុវណ្ណ បានប្រាប់អាស៊ីសេរី។",
    "«យើងមិនដែលគំរាមនរណាម្នាក់ទេ» លោក សាវ៉ាត ឆ្លើយតបក្នុងបទសម្ភាសន៍ជាមួយវីអូអេ។",
    "«នេះជាការបំភ្លៃ» លោកស្រី ចិន្តា សរសេរនៅលើហ្វេសប៊ុក។",
    "លោក សុផល បានប្តេជ្ញាថា នឹង«កំទេច»ក្រុមឈ្មួញឈើ។",
    "លោកស្រី ចិន្តា សង្ឃឹមថា«ថ្ងៃស្អែកនឹងប្រសើរជាង»។",
]

TITLES = [
    "ឯកឧត្តម ស៊ុន ចាន់ថុល រដ្ឋមន្ត្រីក្រសួងសាធារណការ បានចុះពិនិត្យផ្លូវជាតិលេខ៥។",
    "រដ្ឋមន្ត្រីរូបនេះ បានមានប្រសាសន៍ថា «ផ្លូវនេះនឹងបញ្ចប់នៅឆ្នាំក្រោយ»។",
    "លោកជំទាវ ពេជ ចន្ទមុន្នី ប្រធានសមាគមនារី បាននិយាយថា «ស្ត្រីត្រូវការឱកាស»។",
    "លោកជំទាវ បានបន្ថែមថា «យើងនឹងបណ្តុះបណ្តាលពួកគេ»។",
    "លោក ឡុង ឌីម៉ង់ អ្នកនាំពាក្យក្រសួងសាធារណការ បានប្រាប់អ្នកសារព័ត៌មាន ពីការងារនេះ។",
    "អ្នកនាំពាក្យរូបនេះបញ្ជាក់ថា «ការងារដំណើរការទៅមុខ»។",
    "«យើងគោរពពេលវេលា» រដ្ឋមន្ត្រីរូបនេះ បានបន្ត។",
    "ឧកញ៉ា សួស សុភា រដ្ឋមន្រ្តីក្រសួងទេសចរណ៍ បាននិយាយថា «ភ្ញៀវកើនឡើង»។",
    "«យើងសប្បាយចិត្ត»។ នេះជាការលើកឡើងរបស់សម្តេចតេជោ នាយឧត្តមសេនីយ៍ផ្កាយ៥ ចាន់ សុវណ្ណារិទ្ធ នៅព្រឹកនេះ។",
]

SOURCES = [
    "ភាពយន្តថ្មីមួយបានបង្កឱ្យមានការរិះគន់។",
    "«ខ្ញុំនឹងត្រលប់មកវិញ»។ នោះគឺជាឃ្លាមួយនៅក្នុងភាពយន្ត ផ្ទះក្រោមភ្លៀង ដែលផលិតនៅឆ្នាំ២០២០។",
    "លោក ស៊ឹម ស៊ីណា បានរិះគន់ភាពយន្តនេះ។",
    "ក្នុងបទចម្រៀង ផ្កាព្រៃ មានឃ្លាមួយថា «ចិត្តខ្ញុំនៅតែរង់ចាំ»។",
    "សៀវភៅ ដំណើររបស់ខ្ញុំ បានសរសេរថា «យើងគ្រប់គ្នាជាភ្ញៀវ»។",
    "គណបក្សកម្លាំងជាតិ បានបង្កើតឱ្យមាន«គណៈកម្មការការពារអ្នកបោះឆ្នោតថ្នាក់ជាតិ» កាលពីខែមុន។",
    "ការប្រកាសនេះធ្វើឡើង ក្រោយមានបណ្តាញព័ត៌មានក្រៅប្រទេសមួយចំនួន ផ្សព្វផ្សាយថា៖«ការបោះឆ្នោតនឹងត្រូវពន្យារពេលមួយឆ្នាំ»។",
    "ទាំងនាយទាហាន និងពលទាហាននៃកងពលលេខ៩ បានប្រកាសថា «យើងការពារព្រំដែន»។",
]


def found(paragraphs):
    """The findings, by the opening words of their quotes."""
    return {finding.text[:12]: finding for finding in analyze(paragraphs)}


class KhmerRoundTwoTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.speeches = found(SPEECHES)
        cls.verbs = found(VERB_FAMILIES)
        cls.titles = found(TITLES)
        cls.sources = found(SOURCES)

    def finding(self, findings, opening):
        finding = next(f for text, f in findings.items() if text.startswith(opening[:12]))
        self.assertIsNotNone(finding.entity, opening)
        return finding

    def assertSpeaker(self, findings, opening, label, *, sure=True):
        finding = self.finding(findings, opening)
        self.assertEqual(finding.entity.label, label, opening)
        if sure:
            self.assertGreaterEqual(finding.confidence, CLEAN_READING, opening)
        else:
            self.assertLess(finding.confidence, CONFIRM_THRESHOLD, opening)
            self.assertTrue(finding.note, opening)
        return finding

    def test_name_without_honorific_taken_up_by_a_pronoun(self):
        """“ម៉ារី ឡឺប៉ែន គាត់បាននិយាយថា «…»”: a foreign name, in Khmer or Latin script, is the speaker."""
        self.assertSpeaker(self.speeches, "យើងត្រូវការពារ", "ម៉ារី ឡឺប៉ែន")
        self.assertSpeaker(self.speeches, "ការអប់រំគឺជា", "ចន ស្មីត")
        self.assertSpeaker(self.speeches, "សន្តិភាពចាប់", "Anna Berg")

    def test_short_partial_quote_glued_to_its_sentence(self):
        """«ពន្លឺ», «កំទេច»: one word in quotes, no spaces around, in a sentence with a speech verb."""
        self.assertSpeaker(self.speeches, "ពន្លឺ", "ចន ស្មីត")
        self.assertSpeaker(self.verbs, "កំទេច", "កែវ សុផល")
        self.assertSpeaker(self.verbs, "ថ្ងៃស្អែកនឹង", "ម៉ៅ ចិន្តា")

    def test_speech_verb_families_before_and_after(self):
        """Interviews, Facebook, outlets told, answers, claims, insistence: before and after."""
        cases = {
            "យើងកំពុងស៊ើប": "កែវ សុផល",
            "ខ្ញុំមិនខ្លាច": "ម៉ៅ ចិន្តា",
            "ការគំរាមនេះ": "ទេព សុវណ្ណ",
            "ក្រសួងបានធ្វើ": "ហុង សាវ៉ាត",
            "ខ្ញុំមានភស្តុ": "ម៉ៅ ចិន្តា",
            "នេះមិនមែនជា": "កែវ សុផល",
            "យើងនឹងប្តឹង": "ទេព សុវណ្ណ",
            "ការចោទប្រកាន់": "ហុង សាវ៉ាត",
            "ត្រូវតែដោះលែង": "ម៉ៅ ចិន្តា",
            "រដ្ឋាភិបាលគួរ": "ទេព សុវណ្ណ",
            "យើងមិនដែលគំរាម": "ហុង សាវ៉ាត",
            "នេះជាការបំភ្លៃ": "ម៉ៅ ចិន្តា",
        }
        for opening, label in cases.items():
            with self.subTest(opening):
                self.assertSpeaker(self.verbs, opening, label)

    def test_titles_alone_and_in_apposition(self):
        """រដ្ឋមន្ត្រីរូបនេះ, អ្នកនាំពាក្យរូបនេះ and លោកជំទាវ alone are the person given that title."""
        self.assertSpeaker(self.titles, "ផ្លូវនេះនឹង", "ស៊ុន ចាន់ថុល")
        self.assertSpeaker(self.titles, "យើងគោរពពេល", "ស៊ុន ចាន់ថុល")
        self.assertSpeaker(self.titles, "ការងារដំណើរ", "ឡុង ឌីម៉ង់")
        self.assertSpeaker(self.titles, "យើងនឹងបណ្តុះ", "ពេជ ចន្ទមុន្នី")

    def test_title_between_honorific_and_name(self):
        """“សម្តេចតេជោ នាយឧត្តមសេនីយ៍ផ្កាយ៥ X”: the title is skipped; ្រ្ត reads as ្ត្រ in a role."""
        self.assertSpeaker(self.titles, "យើងសប្បាយ", "ចាន់ សុវណ្ណារិទ្ធ")
        finding = self.assertSpeaker(self.titles, "ភ្ញៀវកើន", "សួស សុភា")
        self.assertEqual(finding.entity.title, "រដ្ឋមន្រ្តី")

    def test_works_and_media_as_sources(self):
        """A line of a film, a song, a book, and what foreign media published, are theirs."""
        for opening, source in [
            ("ខ្ញុំនឹងត្រលប់", "ភាពយន្ត ផ្ទះក្រោមភ្លៀង"),
            ("ចិត្តខ្ញុំនៅតែ", "បទចម្រៀង ផ្កាព្រៃ"),
            ("យើងគ្រប់គ្នា", "សៀវភៅ ដំណើររបស់ខ្ញុំ"),
            ("ការបោះឆ្នោតនឹង", "បណ្តាញព័ត៌មានក្រៅប្រទេសមួយចំនួន"),
        ]:
            with self.subTest(opening):
                finding = self.finding(self.sources, opening)
                self.assertEqual(
                    (finding.entity.description, finding.entity.kind), (source, "source")
                )

    def test_party_doing_rather_than_saying(self):
        """“គណបក្ស X បានបង្កើតឱ្យមាន«…»”: the party's words, below the threshold, with a note."""
        finding = self.finding(self.sources, "គណៈកម្មការការ")
        self.assertEqual(finding.entity.description, "គណបក្សកម្លាំងជាតិ")
        self.assertLess(finding.confidence, CONFIRM_THRESHOLD)
        self.assertTrue(finding.note)

    def test_all_of_a_group(self):
        """“ទាំងនាយទាហាន និងពលទាហាន… បានប្រកាសថា”: the soldiers, a group, speak."""
        finding = self.finding(self.sources, "យើងការពារ")
        self.assertEqual(finding.entity.description, "នាយទាហាន និងពលទាហាននៃកងពលលេខ៩")

    def test_headline_words_quoted_again(self):
        """A word quoted in the title is a quote when the story quotes someone saying it."""
        findings = analyze(
            [
                "អត្ថាធិប្បាយ៖ «ភូតកុហក» មិនមែនជាចម្លើយទេ!",
                "លោក ញឹក សុខុម បានចោទប្រកាន់ថា គណបក្សនោះ «ភូតកុហក» ដាក់ប្រជាពលរដ្ឋ។",
            ]
        )
        self.assertEqual([f.entity.label for f in findings], ["ញឹក សុខុម", "ញឹក សុខុម"])
        self.assertLess(findings[0].confidence, CONFIRM_THRESHOLD)
        self.assertTrue(findings[0].note)
        self.assertEqual(analyze(["ព័ត៌មានពិសេស៖ «ផ្កាឈូក» រីកហើយ"]), [])

    def test_headline_speaker_without_honorific_or_by_role(self):
        """“X Y៖ «…»” and “ភរិយានៃ…«…»” in titles are the person the story names so."""
        findings = found(
            [
                "ស៊ុំ ម៉ាលី៖ «ការងារនេះមិនទាន់ចប់ទេ»",
                "ភរិយានៃអភិបាលខេត្តពិភាក្សាអំពីគម្រោង«ផ្ទះសម្រាប់អ្នកក្រ»",
                "កាលពីម្សិលមិញ អ្នកស្រី ស៊ុំ ម៉ាលី ភរិយាអភិបាលខេត្តកំពត បានជួបអ្នកភូមិ។",
            ]
        )
        self.assertSpeaker(findings, "ការងារនេះមិន", "ស៊ុំ ម៉ាលី", sure=False)
        self.assertSpeaker(findings, "ផ្ទះសម្រាប់", "ស៊ុំ ម៉ាលី", sure=False)


class KhmerQuoteMarksTests(SimpleTestCase):
    def test_other_quote_marks(self):
        """”…” and “…“ are quotes in Khmer text."""
        findings = found(
            [
                "លោក ស៊ុន សុខា បាននិយាយថា ”យើងនឹងបន្តការងារនេះ” ហើយលោកបានចាកចេញ។",
                "លោកស្រី ម៉ែន ធីតា បានប្រាប់ថា “ខ្ញុំមិនដឹងរឿងនេះទេ“ ។",
            ]
        )
        self.assertEqual(
            [finding.text for finding in findings.values()],
            ["យើងនឹងបន្តការងារនេះ", "ខ្ញុំមិនដឹងរឿងនេះទេ"],
        )

    def test_closing_mark_without_its_opener(self):
        """A paragraph closing a quote it never opened opens it after the colon, or at its start."""
        self.assertEqual(
            prepare(["លោក X បាននិយាយ។", "ឯកឧត្តម ស៊ុន សុខា៖ មិនពិតទេ»។", "យើងនឹងឈ្នះ”។", "ពួកគេ ”ទៅ” ហើយ"]),
            ["លោក X បាននិយាយ។", "ឯកឧត្តម ស៊ុន សុខា៖ «មិនពិតទេ»។", "“យើងនឹងឈ្នះ”។", "ពួកគេ ”ទៅ” ហើយ"],
        )

    def test_spelling_variants_of_one_name(self):
        """“សុខ ឥសាន” and “សុខ ឥសាន្ដ”, a silent final letter apart, are one person."""
        findings = analyze(
            [
                "ឯកឧត្តម ហេង ឥសាន បានប្រាប់អ្នកសារព័ត៌មាននៅព្រឹកនេះ។",
                "ឯកឧត្តម ហេង ឥសាន្ដ៖ «យើងនឹងមិនឆ្លើយតបទេ»។",
            ]
        )
        self.assertEqual(findings[0].entity.name, "ហេង ឥសាន")

    def test_a_verb_glued_to_an_honorific_is_no_name(self):
        """“សម្តេចតេជោទុកពេល ៧២ម៉ោង”: no one called ទុកពេល; a glued name of two words is a name."""
        self.assertEqual(names_in("សម្តេចតេជោទុកពេល ៧២ម៉ោង ឱ្យអ្នកសារព័ត៌មាន"), [])
        self.assertEqual([n[0] for n in names_in("លោកគឹម វណ្ណា បាននិយាយ")], ["លោកគឹម វណ្ណា"])
