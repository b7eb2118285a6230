"""
Quote attribution in Khmer text, over stories written for these tests.

Each story is a list of paragraphs, as ``quotes.services.story_paragraphs``
gives a body to the finder. The people and words are invented.
"""

from django.test import SimpleTestCase

from quotes.attribution import CONFIRM_THRESHOLD, analyze, parse_role
from quotes.attribution.khmer import names_in
from quotes.attribution.khmer_marks import prepare
from tests.support.attribution import CLEAN_READING

LAND_DISPUTE = [
    "ភ្នំពេញ៖ ពលរដ្ឋជាង៥០គ្រួសារនៅភូមិថ្មី បានតវ៉ាកាលពីថ្ងៃទី៥ ខែធ្នូ ឆ្នាំ២០២៦។",
    "លោក សុខ ដារ៉ា អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ បាននិយាយថា «យើងនឹងពិនិត្យករណីនេះឱ្យបានឆាប់។ ក្រសួងមិនចង់ឱ្យមានអំពើហិង្សាទេ»។",
    "«ប្រជាពលរដ្ឋត្រូវតែមានការអត់ធ្មត់» លោក ដារ៉ា បានបន្ថែម។",
    "លោកស្រី ចាន់ សុភា អាយុ៤៥ឆ្នាំ ជាអ្នកភូមិថ្មី បានប្រាប់អ្នកសារព័ត៌មានថា “ខ្ញុំរស់នៅទីនេះតាំងពីឆ្នាំ១៩៩០មកម្ល៉េះ។”",
    "អ្នកស្រីបន្តថា «យើងគ្មានកន្លែងទៅទៀតទេ ហើយកូនៗរបស់ខ្ញុំត្រូវឈប់រៀន»។",
    "«អាជ្ញាធរមិនដែលមកជួបយើងទេ» នេះបើតាមលោកស្រី សុភា។",
    "ឯកឧត្តម ហេង វិបុល អភិបាលខេត្តកំពត បានថ្លែងក្នុងពិធីមួយកាលពីម្សិលមិញថា "
    "«រដ្ឋបាលខេត្តនឹងដោះស្រាយជូនប្រជាពលរដ្ឋតាមច្បាប់»។",
    "«យើងបានបង្កើតគណៈកម្មការមួយរួចហើយ» ឯកឧត្តមបានបញ្ជាក់។",
    "អ្នកភូមិម្នាក់ដែលសុំមិនបញ្ចេញឈ្មោះ បានឱ្យដឹងថា «ពួកយើងខ្លាចណាស់»។",
    "គាត់បានបន្ថែមថា «ប៉ុន្តែយើងនឹងមិនចាកចេញទេ»។",
    "លោក សុខ ដារ៉ា បានពន្យល់ថា «ដីនេះជាដីរដ្ឋ។",
    "ក៏ប៉ុន្តែ ក្រសួងនឹងផ្តល់សំណងសមរម្យ។",
    "យើងនឹងជួបប្រជាពលរដ្ឋនៅសប្តាហ៍ក្រោយ»។",
]

REFORM_SPEECH = [
    "សៀមរាប៖ សម្តេចធិបតី ហ៊ុន ម៉ាណែត នាយករដ្ឋមន្ត្រីនៃកម្ពុជា បានមានប្រសាសន៍នៅព្រឹកថ្ងៃច័ន្ទថា "
    "«រាជរដ្ឋាភិបាលនឹងបន្តការងារកែទម្រង់»។",
    "«យើងត្រូវការសាមគ្គីភាព» សម្តេចបានបន្ត។",
    "ប្រធានសមាគមកសិករខ្មែរ លោក គឹម វណ្ណា បានប្រាប់វិទ្យុអាស៊ីសេរីថា «តម្លៃស្រូវធ្លាក់ចុះខ្លាំង»។",
    "កញ្ញា លី ស្រីពៅ និស្សិតសាកលវិទ្យាល័យភូមិន្ទភ្នំពេញ បានសរសេរនៅលើហ្វេសប៊ុកថា «យុវជនចង់បានការងារ»។",
    "«ខ្ញុំមិនយល់ស្របទេ» លោក វណ្ណា ឆ្លើយថា។",
    "នាងបានលើកឡើងថា «យើងនឹងបន្តតស៊ូ»។",
    "«នេះជាបញ្ហាធំ» ជាសម្តីរបស់លោក គឹម វណ្ណា។",
    "លោកជំទាវ ម៉ែន សំអន បានឱ្យដឹងថា «គម្រោងនេះនឹងចាប់ផ្តើមឆាប់ៗ»។",
    "ក្រសួងព័ត៌មាន បានបញ្ជាក់ក្នុងសេចក្តីថ្លែងការណ៍មួយថា «ព័ត៌មាននោះមិនពិតទេ»។",
    "លោកគឹម វណ្ណាបាននិយាយថា «កសិករត្រូវការជំនួយ»។",
]

COURT_CASE = [
    "ក្នុងសន្និសីទសារព័ត៌មានមួយ លោក កែវ សុផល អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ បានប្រាប់លោក ម៉ម សុខា "
    "ថា «យើងមិនទទួលយកការចោទប្រកាន់នេះទេ»។",
    'លោក ម៉ម សុខា ដែលជាមេធាវីរបស់លោក កែវ សុផល បាននិយាយថា "ករណីនេះនឹងទៅដល់តុលាការ"។',
    "«ការស៊ើបអង្កេតនឹងបន្ត» នេះបើតាមការបញ្ជាក់របស់លោក សុផល។",
    "អ្នកនាំពាក្យរូបនេះ បានបន្ថែមទៀតថា «ក្រសួងនឹងចេញសេចក្តីថ្លែងការណ៍នៅថ្ងៃស្អែក»។",
    "អ្នកស្រី សៅ ចន្ថា ជាម្តាយរបស់ជនរងគ្រោះ បាននិយាយទាំងទឹកភ្នែកថា៖ «កូនខ្ញុំគ្មានទោសទេ»។",
    "ស្ត្រីរូបនេះបានបន្តថា «ខ្ញុំនឹងមិនឈប់ទេ»។",
    "យោងតាមលោក សុផល «ក្រសួងបានបញ្ជូនករណីនេះទៅតុលាការហើយ»។",
]


def found(paragraphs):
    """The findings, by the opening words of their quotes."""
    return {finding.text[:12]: finding for finding in analyze(paragraphs)}


class KhmerQuotesTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.land = found(LAND_DISPUTE)
        cls.speech = found(REFORM_SPEECH)
        cls.court = found(COURT_CASE)

    def speaker(self, findings, opening):
        finding = next(f for text, f in findings.items() if text.startswith(opening[:12]))
        self.assertIsNotNone(finding.entity, opening)
        return finding

    def assertSpeaker(self, findings, opening, label, *, sure=True):
        finding = self.speaker(findings, opening)
        self.assertEqual(finding.entity.label, label, opening)
        if sure:
            self.assertGreaterEqual(finding.confidence, CLEAN_READING, opening)
        return finding

    def test_guillemets_and_curly_quotes_are_quotes(self):
        """Quotes in «…» and “…” are found, across sentences, without the closing ។."""
        texts = [finding.text for finding in analyze(LAND_DISPUTE)]
        self.assertIn("យើងនឹងពិនិត្យករណីនេះឱ្យបានឆាប់។ ក្រសួងមិនចង់ឱ្យមានអំពើហិង្សាទេ", texts)
        self.assertIn("ខ្ញុំរស់នៅទីនេះតាំងពីឆ្នាំ១៩៩០មកម្ល៉េះ", texts)
        self.assertEqual(len(texts), 12)

    def test_attribution_before_the_quote_with_a_role(self):
        """“លោក X អ្នកនាំពាក្យ… បាននិយាយថា «…»”: the speaker, with role, title and organization."""
        finding = self.assertSpeaker(self.land, "យើងនឹងពិនិត្យ", "សុខ ដារ៉ា")
        self.assertEqual(finding.entity.honorific, "លោក")
        self.assertEqual(finding.role, "អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ")
        self.assertEqual(finding.entity.title, "អ្នកនាំពាក្យ")
        self.assertEqual(finding.entity.organization, "ក្រសួងមហាផ្ទៃ")
        self.assertEqual(finding.entity.gender, "m")

    def test_attribution_after_the_quote(self):
        """“«…» លោក ដារ៉ា បានបន្ថែម។” and “«…» នេះបើតាមលោកស្រី សុភា។”: honorific and short name."""
        self.assertSpeaker(self.land, "ប្រជាពលរដ្ឋត្រូវ", "សុខ ដារ៉ា")
        self.assertSpeaker(self.land, "អាជ្ញាធរមិន", "ចាន់ សុភា")
        self.assertSpeaker(self.speech, "នេះជាបញ្ហាធំ", "គឹម វណ្ណា")
        self.assertSpeaker(self.speech, "ខ្ញុំមិនយល់ស្រប", "គឹម វណ្ណា")

    def test_speech_verb_families(self):
        """និយាយថា, ប្រាប់…ថា, ឱ្យដឹងថា, សរសេរ…ថា, មានប្រសាសន៍ថា, ពន្យល់ថា, លើកឡើងថា all introduce."""
        self.assertSpeaker(self.speech, "តម្លៃស្រូវ", "គឹម វណ្ណា")
        self.assertSpeaker(self.speech, "យុវជនចង់", "លី ស្រីពៅ")
        self.assertSpeaker(self.speech, "គម្រោងនេះ", "ម៉ែន សំអន")
        self.assertSpeaker(self.speech, "រាជរដ្ឋាភិបាល", "ហ៊ុន ម៉ាណែត")
        self.assertSpeaker(self.land, "ដីនេះជាដីរដ្ឋ", "សុខ ដារ៉ា")
        self.assertSpeaker(self.speech, "យើងនឹងបន្តតស៊ូ", "លី ស្រីពៅ")

    def test_honorifics_give_gender_and_titles(self):
        """លោកស្រី, កញ្ញា and លោកជំទាវ are women; a title glued to សម្តេច stays in the honorific."""
        self.assertEqual(self.speaker(self.land, "ខ្ញុំរស់នៅ").entity.gender, "f")
        self.assertEqual(self.speaker(self.speech, "យុវជនចង់").entity.gender, "f")
        self.assertEqual(self.speaker(self.speech, "គម្រោងនេះ").entity.gender, "f")
        self.assertEqual(self.speaker(self.speech, "រាជរដ្ឋាភិបាល").entity.honorific, "សម្តេចធិបតី")

    def test_role_before_the_name(self):
        """“ប្រធានសមាគមកសិករខ្មែរ លោក គឹម វណ្ណា”: the role in front, split at the organization."""
        entity = self.speaker(self.speech, "តម្លៃស្រូវ").entity
        self.assertEqual((entity.title, entity.organization), ("ប្រធាន", "សមាគមកសិករខ្មែរ"))

    def test_age_and_role_in_apposition(self):
        """“លោកស្រី X អាយុ៤៥ឆ្នាំ ជាអ្នកភូមិថ្មី បានប្រាប់…”: the age is skipped, the role kept."""
        self.assertEqual(self.speaker(self.land, "ខ្ញុំរស់នៅ").role, "អ្នកភូមិថ្មី")

    def test_bare_honorifics_and_pronouns(self):
        """អ្នកស្រី, ឯកឧត្តម, សម្តេច and នាង alone refer to the person of that honorific or gender."""
        self.assertSpeaker(self.land, "យើងគ្មានកន្លែង", "ចាន់ សុភា")
        self.assertSpeaker(self.land, "យើងបានបង្កើត", "ហេង វិបុល")
        self.assertSpeaker(self.speech, "យើងត្រូវការ", "ហ៊ុន ម៉ាណែត")
        self.assertSpeaker(self.speech, "យើងនឹងបន្តតស៊ូ", "លី ស្រីពៅ")

    def test_unnamed_source_and_its_pronoun(self):
        """“អ្នកភូមិម្នាក់ដែលសុំមិនបញ្ចេញឈ្មោះ” is an unnamed source; “គាត់” then is them."""
        finding = self.speaker(self.land, "ពួកយើងខ្លាច")
        self.assertEqual(finding.entity.description, "អ្នកភូមិម្នាក់ដែលសុំមិនបញ្ចេញឈ្មោះ")
        self.assertIs(self.speaker(self.land, "ប៉ុន្តែយើងនឹង").entity, finding.entity)

    def test_multi_paragraph_quote(self):
        """A quote opened with « and closed paragraphs later goes on with its speaker."""
        for opening in ("ក៏ប៉ុន្តែ ក្រសួង", "យើងនឹងជួបប្រជា"):
            self.assertSpeaker(self.land, opening, "សុខ ដារ៉ា", sure=False)

    def test_organization_speaks(self):
        """“ក្រសួងព័ត៌មាន បានបញ្ជាក់…ថា” quotes the ministry as a source."""
        finding = self.speaker(self.speech, "ព័ត៌មាននោះ")
        self.assertEqual((finding.entity.description, finding.entity.kind), ("ក្រសួងព័ត៌មាន", "source"))

    def test_names_without_spaces_around_them(self):
        """“លោកគឹម វណ្ណាបាននិយាយថា”: the honorific and the verb glued to the name."""
        self.assertSpeaker(self.speech, "កសិករត្រូវការ", "គឹម វណ្ណា")

    def test_listener_is_not_the_speaker(self):
        """“លោក X បានប្រាប់លោក Y ថា”: X speaks; “Y ដែលជាមេធាវីរបស់លោក X”: Y speaks, X is in the role."""
        self.assertSpeaker(self.court, "យើងមិនទទួល", "កែវ សុផល")
        finding = self.assertSpeaker(self.court, "ករណីនេះនឹង", "ម៉ម សុខា")
        self.assertEqual(finding.role, "មេធាវីរបស់លោក កែវ សុផល")

    def test_title_and_description_references(self):
        """“អ្នកនាំពាក្យរូបនេះ” is the spokesman named before; “ស្ត្រីរូបនេះ” the woman."""
        self.assertSpeaker(self.court, "ក្រសួងនឹងចេញ", "កែវ សុផល")
        self.assertSpeaker(self.court, "ខ្ញុំនឹងមិនឈប់", "សៅ ចន្ថា")

    def test_according_to(self):
        """“នេះបើតាមការបញ្ជាក់របស់លោក X” after the quote, “យោងតាមលោក X” before it."""
        self.assertSpeaker(self.court, "ការស៊ើបអង្កេត", "កែវ សុផល")
        self.assertSpeaker(self.court, "ក្រសួងបានបញ្ជូន", "កែវ សុផល")

    def test_two_speakers_alternating(self):
        """Two people answering each other, paragraph by paragraph, each keep their quotes."""
        findings = found(
            [
                "លោក ពេជ្រ សុវណ្ណ ប្រធានក្រុមប្រឹក្សាឃុំ បាននិយាយថា «ផ្លូវនេះនឹងសាងសង់ឆ្នាំក្រោយ»។",
                "«ពួកយើងរង់ចាំយូរពេកហើយ» អ្នកស្រី ហ៊ាង ស្រីនាង អ្នកលក់បន្លែ បានតបវិញ។",
                "លោកបន្តថា «ថវិកាមិនទាន់គ្រប់គ្រាន់ទេ»។",
                "«ចុះថវិកាឆ្នាំមុនទៅណា?» អ្នកស្រីបានសួរ។",
            ]
        )
        self.assertSpeaker(findings, "ផ្លូវនេះនឹង", "ពេជ្រ សុវណ្ណ")
        self.assertSpeaker(findings, "ពួកយើងរង់ចាំ", "ហ៊ាង ស្រីនាង")
        self.assertSpeaker(findings, "ថវិកាមិនទាន់", "ពេជ្រ សុវណ្ណ")
        self.assertSpeaker(findings, "ចុះថវិកាឆ្នាំ", "ហ៊ាង ស្រីនាង")

    def test_quote_before_any_name(self):
        """A story opening with a quote takes the next paragraph's subject, below the threshold."""
        findings = found(
            [
                "«យើងគ្មានផ្ទះសម្បែងទៀតហើយ»",
                "ភ្នំពេញ៖ កម្មករកាត់ដេរម្នាក់ បានរៀបរាប់ថា រោងចក្រនោះបានបិទទ្វារដោយមិនផ្តល់សំណង។",
            ]
        )
        finding = self.speaker(findings, "យើងគ្មានផ្ទះ")
        self.assertEqual(finding.entity.description, "កម្មករកាត់ដេរម្នាក់")
        self.assertLess(finding.confidence, CONFIRM_THRESHOLD)
        self.assertTrue(finding.note)

    def test_statement_sentence_after_the_quote(self):
        """“«…»។ នេះជាការថ្លែងរបស់សម្តេច …” gives the quote its speaker."""
        findings = found(["«ប្រទេសយើងត្រូវការសន្តិភាព»។ នេះជាការថ្លែងរបស់សម្តេចតេជោ ហ៊ុន សែន នៅព្រឹកនេះ។"])
        self.assertSpeaker(findings, "ប្រទេសយើង", "ហ៊ុន សែន")

    def test_title_in_quotes_is_not_a_quote(self):
        """A song's or a campaign's name in «…» is no quote, even beside a speech verb."""
        findings = found(["លោក សុខ ដារ៉ា បាននិយាយថា គាត់ចូលចិត្តបទចម្រៀងដែលមានចំណងជើងថា «ផ្កាឈូក» ណាស់។"])
        self.assertEqual(findings, {})

    def test_unattributable_quote_has_a_note(self):
        """A Khmer quote nobody is named for is kept, unattributed, with a note."""
        findings = analyze(["«តើយើងត្រូវធ្វើយ៉ាងណាទៀត? យើងអស់សង្ឃឹមហើយ។»"])
        self.assertEqual(len(findings), 1)
        self.assertIsNone(findings[0].entity)
        self.assertTrue(findings[0].note)


class KhmerNamesTests(SimpleTestCase):
    def test_name_boundaries(self):
        """A name is at most two words after its honorific, ending where a verb or role starts."""
        cases = [
            ("លោក សុខ ដារ៉ា បាននិយាយថា", "លោក សុខ ដារ៉ា"),
            ("លោកសុខ ដារ៉ាអ្នកនាំពាក្យ", "លោកសុខ ដារ៉ា"),
            ("លោក ដារ៉ា ក៏បានបន្ថែម", "លោក ដារ៉ា"),
            ("ឯកឧត្តមបណ្ឌិត ចាន់ ណារិទ្ធ រដ្ឋលេខាធិការ", "ឯកឧត្តមបណ្ឌិត ចាន់ ណារិទ្ធ"),
            ("ហើយលោក ជា វណ្ណា ដែលជាកសិករ", "លោក ជា វណ្ណា"),
        ]
        for text, name in cases:
            with self.subTest(text):
                self.assertEqual([found[0] for found in names_in(text)], [name])

    def test_no_name_after_an_honorific_used_alone_or_inside_a_word(self):
        """“លោកបន្តថា” names nobody; nor does the លោក of ពិភពលោក (the world)."""
        self.assertEqual(names_in("លោកបន្តថា ប្រទេសនានាក្នុងពិភពលោក មិនអាចធ្វើបានទេ"), [])

    def test_khmer_roles(self):
        """A Khmer role's organization starts at its head word (ក្រសួង, សមាគម …)."""
        self.assertEqual(parse_role("អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ"), ("អ្នកនាំពាក្យ", "ក្រសួងមហាផ្ទៃ"))
        self.assertEqual(parse_role("ប្រធាននៃសមាគមអាដហុក"), ("ប្រធាន", "សមាគមអាដហុក"))
        self.assertEqual(parse_role("អភិបាលខេត្តកំពត"), ("អភិបាលខេត្តកំពត", ""))

    def test_invisible_spaces_and_reopened_quotes(self):
        """Zero-width spaces go; a «…» left open is reopened in each paragraph until it closes."""
        self.assertEqual(
            prepare(["លោក\u200bបន្តថា «មួយ", "ពីរ", "បី»។", "ចប់"]),
            ["លោកបន្តថា «មួយ", "«ពីរ", "«បី»។", "ចប់"],
        )
