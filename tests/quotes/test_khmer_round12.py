"""
Khmer quote attribution, twelfth round of issue 16: the patterns missed in the
seventh batch of real stories, folded into development, and the older Khmer
misses of the development stories.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import THRESHOLD, AttributionTestCase


class HeadlineNameTests(AttributionTestCase):
    """A title “Name៖ «…»” with no honorific: the person the story names so."""

    def test_the_headline_speaker_is_the_person_named_in_the_story(self):
        findings = self.read(
            "ចាន់ ដារ៉ា៖ «ក្រុមយើងត្រៀមខ្លួនរួចរាល់ហើយសម្រាប់រដូវកាលថ្មី»",
            "កីឡាករចាន់ ដារ៉ា ដែលជាខ្សែការពារក្រុមអង្គរ បានលើកឡើងថា៖ «យើងនឹងប្រឹងឱ្យអស់ពីកម្លាំង»។",
        )
        self.assertSpeakers(findings, ["ចាន់ ដារ៉ា", "ចាន់ ដារ៉ា"])

    def test_a_headline_name_the_body_gives_with_an_honorific(self):
        findings = self.read(
            "ចាន់ ដារ៉ា៖ «ក្រុមយើងត្រៀមខ្លួនរួចរាល់ហើយ»",
            "ខ្សែការពារក្រុមអង្គរ លោក ចាន់ ដារ៉ា បានលើកឡើងថា «យើងនឹងប្រឹងឱ្យអស់ពីកម្លាំង»។",
        )
        self.assertEqual(self.labels(findings), ["ចាន់ ដារ៉ា", "ចាន់ ដារ៉ា"])

    def test_a_headline_name_nobody_in_the_story_has_stays_unread(self):
        (finding,) = self.read(
            "ចាន់ ដារ៉ា៖ «ក្រុមយើងត្រៀមខ្លួនរួចរាល់ហើយ»",
            "ក្រុមអង្គរបានហ្វឹកហាត់អស់រយៈពេលពីរខែ។",
        )
        self.assertNotSure(finding)


class TitleGluedToNameTests(AttributionTestCase):
    """“កីឡាករសៅ វិចិត្រ”: a title written against the first word of the name."""

    def test_the_name_after_a_glued_title(self):
        (finding,) = self.read(
            "ក្រោយពីចុះកិច្ចសន្យាថ្មី កីឡាករសៅ វិចិត្រ បានសម្តែងការរីករាយ ហើយបាននិយាយថា៖ "
            "«ខ្ញុំនៅមានចំណុចខ្សោយដែលត្រូវកែ»។",
        )
        self.assertSure(finding, "សៅ វិចិត្រ")

    def test_a_name_glued_before_which(self):
        findings = self.read(
            "កីឡាករសៅ វិចិត្រដែលជាប្រធានក្រុមអង្គរ បានពេញចិត្តនឹងការហ្វឹកហាត់ថ្មី។",
            "លោកបានបន្តថា «ការហ្វឹកហាត់នេះល្អណាស់»។",
        )
        self.assertSpeakers(findings, ["សៅ វិចិត្រ"])

    def test_a_word_describing_the_player_is_no_name(self):
        findings = self.read(
            "កីឡាករវ័យក្មេង សុខា បាននិយាយថា «ខ្ញុំសប្បាយចិត្តណាស់»។",
        )
        self.assertNotIn("វ័យក្មេង សុខា", [finding.entity.name for finding in findings])


class ThisRoleTests(AttributionTestCase):
    """“កីឡាករខ្សែប្រយុទ្ធរូបនេះ” (this striker) after a sentence about him that names his coach."""

    def test_this_player_is_the_subject_not_the_coach_named_after_him(self):
        findings = self.read(
            "កីឡាករសៅ វិចិត្រ ដែលជាប្រធានក្រុមអង្គរ បានពេញចិត្តនឹងវិធីហ្វឹកហាត់របស់គ្រូបង្វឹកថ្មី "
            "Marco Silva ទោះបីទើបតែហាត់ជាមួយគ្នាបានមួយសប្តាហ៍ក៏ដោយ។",
            "កីឡាករខ្សែប្រយុទ្ធរូបនេះបានលើកឡើងថា៖ «គ្រូថ្មីរបស់យើងផ្តោតលើកម្លាំង»។",
        )
        self.assertSpeakers(findings, ["សៅ វិចិត្រ"])
        self.assertNotSure(findings[0])

    def test_this_player_is_not_the_coach_spoken_of_since(self):
        findings = self.read(
            "កីឡាករសៅ វិចិត្រ ដែលជាប្រធានក្រុមអង្គរ បានពេញចិត្តនឹងការហ្វឹកហាត់ថ្មី។",
            "គ្រូបង្វឹកថ្មី លោក Marco Silva បានមកដល់ក្រុមកាលពីសប្តាហ៍មុន។",
            "កីឡាករខ្សែប្រយុទ្ធរូបនេះបានលើកឡើងថា «គ្រូថ្មីផ្តោតលើកម្លាំង»។",
        )
        self.assertSpeakers(findings, ["សៅ វិចិត្រ"])

    def test_this_coach_is_the_coach(self):
        findings = self.read(
            "គ្រូបង្វឹក លោក Marco Silva បានមកដល់ក្រុមកាលពីសប្តាហ៍មុន។",
            "កីឡាករ សៅ វិចិត្រ បានពេញចិត្តនឹងការហ្វឹកហាត់ថ្មី។",
            "គ្រូបង្វឹករូបនេះបាននិយាយថា «ក្រុមត្រូវការកម្លាំង»។",
        )
        self.assertSpeakers(findings, ["Marco Silva"])


class NameSpeltLikeAWordTests(AttributionTestCase):
    """“លោក នាក់ សុផល”: a family name spelt as the classifier នាក់ (people), not “នា” (at)."""

    def test_the_family_name_stays(self):
        (finding,) = self.read(
            "លោក នាក់ សុផល លើកឡើងថា៖ «អ្នកបើកបរភាគច្រើនខ្វះថវិកា»។",
        )
        self.assertSure(finding, "នាក់ សុផល")

    def test_at_before_a_name_still_ends_nothing(self):
        (finding,) = self.read(
            "នាថ្ងៃចន្ទ លោក សុខ ដារ៉ា បាននិយាយថា «យើងនឹងជួយ»។",
        )
        self.assertSure(finding, "សុខ ដារ៉ា")


class KnownNameWithoutHonorificTests(AttributionTestCase):
    """A full name the story gives with an honorific, written again after an epithet or bare."""

    def test_an_epithet_before_the_name(self):
        findings = self.read(
            "ភ្នំពេញ៖ តារាសម្តែង កញ្ញា សុខ នីតា បានច្រានចោលព័ត៌មានមិនពិត។",
            "តាមរយៈគេហទំព័រមួយ ស្រីស្រស់ សុខ នីតា បាននិយាយថា «ខ្ញុំមិនដែលស្គាល់គាត់ទេ»។",
        )
        self.assertSure(findings[0], "សុខ នីតា")

    def test_an_epithet_the_first_time(self):
        (finding,) = self.read(
            "ស្រីស្រស់ សុខ នីតា បាននិយាយថា «ខ្ញុំមិនដែលស្គាល់គាត់ទេ»។",
        )
        self.assertSure(finding, "សុខ នីតា")

    def test_a_name_opening_the_clause_of_a_speech_verb(self):
        (finding,) = self.read(
            "ភ្នំពេញ៖ សុខ នីតា បាននិយាយថា «ខ្ញុំមិនដែលស្គាល់គាត់ទេ»។",
        )
        self.assertSure(finding, "សុខ នីតា")

    def test_a_side_or_a_force_is_no_person(self):
        openings = (
            "ភ្នំពេញ៖ ភាគី ថៃ",
            "ទោះជាយ៉ាងណា ភាគីថៃ",
            "ម្យ៉ាងទៀត ភាគីថៃ",
            "កំពត៖ សមត្ថកិច្ច ជំនាញ",
            "នគរបាល ចរាចរណ៍",
        )
        for opening in openings:
            with self.subTest(opening=opening):
                findings = self.read(f"{opening} បាននិយាយថា «យើងនឹងគោរពបទឈប់បាញ់»។")
                names = [finding.entity.name for finding in findings if finding.entity]
                self.assertEqual([name for name in names if name], [])


class DescribedWomanTests(AttributionTestCase):
    """“អ្នកនាង” after a woman the story describes (“ស្ត្រីមួយរូប…”) but never names."""

    def test_she_is_the_woman_described(self):
        (finding,) = self.read(
            "(ភ្នំពេញ)៖ តាមរយៈវីដេអូមួយ ស្ត្រីមួយរូបជាម្ចាស់ហាងលក់បាយ បានទម្លាយពីការលំបាករបស់ខ្លួន។",
            "អ្នកនាងបាននិយាយថា «ខ្ញុំលក់មិនដាច់សោះ»។",
        )
        self.assertTrue(self.label(finding).startswith("ស្ត្រីមួយរូបជាម្ចាស់ហាង"))
        self.assertNotSure(finding)

    def test_a_man_named_before_is_still_he(self):
        findings = self.read(
            "លោក សុខ ដារ៉ា មេភូមិ បាននិយាយថា «ភ្លើងឆេះពីយប់មិញ»។",
            "បុរសម្នាក់បានស្លាប់ក្នុងហេតុការណ៍នេះ។",
            "លោកបានបន្តថា «យើងកំពុងជួយគ្រួសារគាត់»។",
        )
        self.assertSpeakers(findings, ["សុខ ដារ៉ា", "សុខ ដារ៉ា"])

    def test_a_woman_spoken_to_is_not_the_subject(self):
        (finding,) = self.read(
            "ប៉ូលិសបានសួរនាំជាមួយស្ត្រីម្នាក់ បានប្រាប់ពីហេតុការណ៍។",
            "អ្នកនាងបាននិយាយថា «ខ្ញុំមិនដឹងទេ»។",
        )
        self.assertFalse(str(self.label(finding)).startswith("ស្ត្រីម្នាក់"))


class CaptionWrittenTests(AttributionTestCase):
    """“… បានបង្ហោះជាមួយនឹងការសរសេរចំណងជើងថា «…»”: the caption is the poster's words."""

    def test_the_one_who_wrote_the_caption(self):
        findings = self.read(
            "ស្ត្រីម្នាក់បាននិយាយថា «យើងត្រូវការសន្តិភាព»។",
            "វីដេអូនេះ ដែលលោក ហ៊ុន សុខា ប្រធានសមាគម បានបង្ហោះជាមួយនឹងការសរសេរចំណងជើងថា "
            "«សូមមើលវីដេអូនេះរហូតដល់ចប់»។",
        )
        self.assertSure(findings[1], "ហ៊ុន សុខា")

    def test_a_title_given_to_a_song_is_no_quote_of_its_singer(self):
        findings = self.read(
            "លោក ហ៊ុន សុខា បានច្រៀងបទចម្រៀងថ្មីដែលមានចំណងជើងថា «ស្នេហ៍ដែនដី»។",
        )
        self.assertNotIn("ហ៊ុន សុខា", self.labels(findings))


class OrganizationSpeakingTests(AttributionTestCase):
    """“នាយកដ្ឋានប៉ូលិស…” (a department) speaking is not “នាយក…” (a director) named before."""

    def test_the_department_speaks_as_itself(self):
        findings = self.read(
            "ប៉ូលិសក្នុងក្រុងបានលុតជង្គង់ជាមួយបាតុករ ដើម្បីគាំទ្រការអំពាវនាវរបស់ពួកគេ។",
            "នាយកដ្ឋានប៉ូលិសក្រុងបាននិយាយនៅលើ Twitter ថា “យើងគាំទ្រយុត្តិធម៌សម្រាប់អ្នកទាំងអស់គ្នា”។",
            "នាយកដ្ឋាននេះបន្តថា “យើងនឹងការពារសិទ្ធិរបស់ពលរដ្ឋ”។",
        )
        self.assertSpeakers(findings, ["នាយកដ្ឋានប៉ូលិសក្រុង", "នាយកដ្ឋានប៉ូលិសក្រុង"])
        for finding in findings:
            self.assertLess(finding.confidence, THRESHOLD)


class HonorificAfterASmallWordTests(AttributionTestCase):
    """“…ក៏កញ្ញា X”, “…កន្លងទៅកញ្ញាបានបង្ហោះ”: an honorific glued to “also” or to a date's “last”."""

    def test_a_one_word_name_after_also(self):
        findings = self.read(
            "ទោះបីជាអស់តំណែងហើយក៏កញ្ញា ស្រីនាថ នៅតែជួយប្រជាពលរដ្ឋក្រីក្រ។",
            "កាលពីថ្ងៃទី១៥ ខែមីនា កន្លងទៅកញ្ញាបានសរសេរលើហ្វេសប៊ុកថា៖ «ខ្ញុំនឹងមិនបោះបង់ទេ»។",
            "កញ្ញាបន្តថា៖ «ខ្ញុំនឹងជួយអ្នកភូមិតទៅទៀត»។",
        )
        self.assertSpeakers(findings, ["ស្រីនាថ", "ស្រីនាថ"])
        for finding in findings:
            self.assertNotSure(finding)


class UnclosedQuoteTests(AttributionTestCase):
    """A quote opened and never closed, the next paragraph still speaking as “I”."""

    def test_the_next_paragraph_goes_on(self):
        findings = self.read(
            "លោក សុខ ដារ៉ា បន្តថា៖ «ខ្ញុំចូលចិត្តធ្វើការជាមួយអ្នកភូមិ។",
            "រៀងរាល់ព្រឹក ខ្ញុំជិះកង់ទៅសួរសុខទុក្ខចាស់ៗនៅចុងភូមិ",
        )
        self.assertSpeakers(findings, ["សុខ ដារ៉ា", "សុខ ដារ៉ា"])
        self.assertNotSure(findings[1])

    def test_a_paragraph_of_report_is_no_quote(self):
        findings = self.read(
            "លោក សុខ ដារ៉ា បន្តថា៖ «ខ្ញុំចូលចិត្តធ្វើការជាមួយអ្នកភូមិ។",
            "អាជ្ញាធរខេត្តបានចុះពិនិត្យទីតាំងនោះកាលពីម្សិលមិញ។",
        )
        self.assertEqual(len(findings), 1)


class ShortenedGivenNameTests(AttributionTestCase):
    """“លោក ចេង ដូណា” after “លោក ចេង ចាន់ដូណា”: the story shortens the given name."""

    def test_the_person_named_in_full_checked(self):
        findings = self.read(
            "លោក កែវ ចាន់ដារ៉ា អភិបាលស្រុក បានប្រាប់ថា ការដាំកូនឈើនេះ ដើម្បីស្តារព្រៃឡើងវិញ។",
            "លោក កែវ ដារ៉ា បានបន្តថា៖ «កូនឈើទាំងនេះនឹងការពារដីពីការហូរច្រោះ»។",
        )
        self.assertChecked(findings[0], "កែវ ចាន់ដារ៉ា")

    def test_another_given_name_is_another_person(self):
        findings = self.read(
            "លោក កែវ ចាន់ដារ៉ា អភិបាលស្រុក បានប្រាប់ថា ការដាំកូនឈើនេះ ដើម្បីស្តារព្រៃឡើងវិញ។",
            "លោក កែវ សុផល បានបន្តថា៖ «កូនឈើទាំងនេះនឹងការពារដីពីការហូរច្រោះ»។",
        )
        self.assertSure(findings[0], "កែវ សុផល")

    def test_a_part_of_a_syllable_is_no_short_name(self):
        findings = self.read(
            "លោក សុខ ដារ៉ា មេភូមិ បានប្រាប់ថា ទឹកជំនន់បានលិចផ្ទះ។",
            "លោក សុខ ដារ បានបន្តថា៖ «ផ្ទះខ្ញុំលិចដែរ»។",
        )
        self.assertSpeakers(findings, ["សុខ ដារ"])


class OneWordNameGluedTests(AttributionTestCase):
    """“លោកសមរង្សីក្នុងការ…”: a one-word name glued to “in the act of”."""

    def test_the_name_ends_before_in_the_act_of(self):
        findings = self.read(
            "ច្បាប់ថ្មីនេះ ហាក់ដូចជារនាំងមួយសម្រាប់លោកវណ្ណារិទ្ធក្នុងការចូលរួមធ្វើនយោបាយ។",
            "លោកបានសរសេរថា «ខ្ញុំមិនខ្លាចទេ»។",
        )
        self.assertSpeakers(findings, ["វណ្ណារិទ្ធ"])


class ShoutedTests(AttributionTestCase):
    """“អុំប្រុសម្នាក់ … ដោយបានស្រែកខ្លាំងៗថា «…»”: someone described shouts the words."""

    def test_the_uncle_who_shouts(self):
        findings = self.read(
            "គេជជែកគ្នាអំពីលោកបណ្ឌិតម្នាក់ ដែលមិនព្រមសុំទោស។ អ្នកមានម្នាក់នោះប្រកាសថា មិនសុំទោសទេ។ "
            "ឮដូច្នេះ អុំប្រុសម្នាក់បានងើបឈរ ដោយបានស្រែកខ្លាំងៗថា «ត្រូវតែសុំទោសយើង!»។",
        )
        self.assertEqual(self.labels(findings), ["អុំប្រុសម្នាក់"])
        self.assertNotSure(findings[0])

    def test_a_host_asks(self):
        (finding,) = self.read(
            "នៅក្នុងកម្មវិធីនោះ ពិធីករមួយរូបបានសួរថា «តើអ្នកណាចូលចិត្តតន្ត្រី?»",
        )
        self.assertEqual(self.label(finding), "ពិធីករមួយរូប")


class NameStartingAsAStarTests(AttributionTestCase):
    """“លោកអ៊ុំ តារាវុទ្ធី”: a given name starting like “តារា” (a star), not a singer's “តារាចម្រៀង”."""

    def test_the_given_name_stays(self):
        (finding,) = self.read(
            "លោកអ៊ុំ តារាវុទ្ធី អតីតមន្ត្រីគណបក្ស បានសរសេរនៅក្នុងហ្វេសប៊ុកថា “យើងមិនចុះចាញ់ទេ”។",
        )
        self.assertSure(finding, "អ៊ុំ តារាវុទ្ធី")

    def test_a_singer_after_a_one_word_name(self):
        (finding,) = self.read(
            "កញ្ញា នីតា តារាចម្រៀង បាននិយាយថា «ខ្ញុំសប្បាយចិត្ត»។",
        )
        self.assertEqual(self.label(finding), "នីតា")
        self.assertEqual(finding.role, "តារាចម្រៀង")


class NicknameTests(AttributionTestCase):
    """“… ដែលគេដាក់រហស្សនាមថា «…» កញ្ញា X”: a nickname in quotes is nobody's words."""

    def test_a_nickname_is_no_quote(self):
        findings = self.read(
            "ភ្នំពេញ៖ ជុំវិញរឿងចោទប្រកាន់ទៅលើតារាសម្តែងស្រី ដែលមហាជនដាក់រហស្សនាមថា «ព្រះនាងផ្កាឈូក» "
            "កញ្ញា សុខ នីតា ដោយកញ្ញាបានរកឃើញប្រភពនៃការចោទប្រកាន់នោះ។",
        )
        self.assertEqual(findings, [])


class VerbAfterOneWordNameTests(AttributionTestCase):
    """“អ្នកស្រី សម្ផស្ស ក្លាយជា…”: “become” ends a one-word name."""

    def test_the_speaker_named_after_the_mother(self):
        (finding,) = self.read(
            "គេចោទថា ម្ដាយរបស់តារាសម្ដែង ចាន់ សុភា គឺអ្នកស្រី សម្ផស្ស ក្លាយជាអ្នកជួយ ប៉ុន្តែតាមរយៈសារនោះ "
            "ចាន់ សុភា បានសង្កត់ធ្ងន់ថា «ខ្ញុំមិនដែលធ្វើរឿងនោះទេ»។",
        )
        self.assertSure(finding, "ចាន់ សុភា")


class GivenNameOpeningLikeItTests(AttributionTestCase):
    """“វាសនា” (Veasna), a given name, opens like “វា” (it): “វាជា…” still ends a name."""

    def test_the_given_name_stays(self):
        (finding,) = self.read(
            "លោក ខឹម វាសនា បានបញ្ជាក់ថា «យើងត្រូវនិយាយការពិត»។",
        )
        self.assertSure(finding, "ខឹម វាសនា")

    def test_quote_first_then_whose_words(self):
        findings = self.read(
            "កីឡាករ សៅ វាសនា ត្រៀមប្រកួតជាមួយអ្នកប្រដាល់ថៃ នៅថ្ងៃអាទិត្យនេះ។",
            "«ខ្ញុំបានហ្វឹកហាត់ជាប់រហូត ទោះមិនបានឡើងប្រកួត»។ នេះជាការអះអាងរបស់ សៅ វាសនា "
            "សម្រាប់ការប្រកួតនៅថ្ងៃអាទិត្យនេះ។",
        )
        self.assertSpeakers(findings, ["សៅ វាសនា"])

    def test_it_is_still_no_name(self):
        findings = self.read(
            "លោក សុខ វាជាបញ្ហាធំ បាននិយាយថា «យើងត្រូវដោះស្រាយ»។",
        )
        self.assertNotIn("សុខ វាជាបញ្ហាធំ", self.labels(findings))


class TitleOfAPostTests(AttributionTestCase):
    """“… បានបង្ហាញរឿង … នូវចំណងជើង៖ «…»”: the title of a piece is not said with confidence."""

    def test_a_title_after_a_colon_is_not_confirmed(self):
        findings = self.read(
            "(ភ្នំពេញ)៖ សម្តេចតេជោ ហ៊ុន សែន បានបង្ហាញរឿងរ៉ាវស្នេហ៍ តាមរយៈ Facebook Page "
            "របស់សម្តេចនូវចំណងជើង៖ «ស្នេហាក្នុងសម័យសង្គ្រាម» (វគ្គ២)។",
        )
        self.assertTrue(all(finding.confidence < THRESHOLD for finding in findings))

    def test_words_given_with_a_colon_are_still_a_quote(self):
        (finding,) = self.read(
            "នាយករដ្ឋមន្ត្រី លោក ហ៊ុន ម៉ាណែត បានជូនពរដល់គ្រូពេទ្យនូវពាក្យថា៖ «ស្មោះត្រង់ ដើម្បីប្រជាជន»។",
        )
        self.assertEqual(self.label(finding), "ហ៊ុន ម៉ាណែត")


class WordsThatAreNoNameTests(AttributionTestCase):
    """A verb after a bare honorific (“លោកលែង…”) is no name; “លោកខាងលិច” is the West."""

    def test_he_no_longer(self):
        findings = self.read(
            "លោក សុខ ដារ៉ា បាននិយាយថា «ខ្ញុំសោកស្តាយណាស់»។ "
            "លោកលែងធ្វើជាប្រធានក្លឹបទៀតហើយ ហើយបានបន្ថែមថា «យើងនឹងតវ៉ា»។",
        )
        self.assertSpeakers(findings, ["សុខ ដារ៉ា", "សុខ ដារ៉ា"])

    def test_the_west_is_no_person(self):
        findings = self.read(
            "លោក សុខ ដារ៉ា បានមកដល់។",
            "លោកខាងលិច បាននិយាយថា «យើងគាំទ្រ»។",
        )
        self.assertSpeakers(findings, ["លោកខាងលិច"])
        self.assertIsNone(findings[0].entity.name or None)

    def test_a_long_phrase_after_a_title_is_no_name(self):
        findings = self.read(
            "គ្រូបង្វឹកក្លឹបអង្គរ បង្ហាញការខកចិត្តខ្លាំង ក្រោយចាញ់ក្នុងវគ្គពាក់កណ្តាលផ្តាច់ព្រ័ត្រ",
            "គ្រូបង្វឹករូបនេះបាននិយាយថា «ខ្ញុំសោកស្តាយណាស់»។",
        )
        self.assertNotIn("បង្ហាញ", str(self.labels(findings)))


class AsForTests(AttributionTestCase):
    """“ចំណែកលោកស្រី X …” (as for Mrs X): the honorific after “as for” opens her name."""

    def test_the_name_without_as_for(self):
        findings = self.read(
            "លោក កែវ សុផល អ្នកនាំពាក្យក្រសួង បានប្រាប់ថា «យើងនឹងឆ្លើយតប»។",
            "ចំណែកលោកស្រី ម៉ម ស្រីពៅ មន្ត្រីអង្គការសិទ្ធិមនុស្ស បានលើកឡើងថា «រដ្ឋាភិបាលត្រូវគោរពច្បាប់»។",
        )
        self.assertSpeakers(findings, ["កែវ សុផល", "ម៉ម ស្រីពៅ"])

    def test_a_source_from_a_department(self):
        (finding,) = self.read(
            "ប្រភពពីមន្ទីរសុខាភិបាលខេត្ត បានឱ្យដឹងថា «អ្នកជំងឺទាំងអស់មានសុវត្ថិភាព»។",
        )
        self.assertChecked(finding, "ប្រភពពីមន្ទីរសុខាភិបាលខេត្ត")


class SaidSoAfterTests(AttributionTestCase):
    """“«…»។ លោក X បានថ្លែងបែបនេះ …” (X said so): the sentence after the quote says whose it is."""

    def test_the_one_who_said_so(self):
        (finding,) = self.read(
            "«យើងនឹងមិនចុះចាញ់ទេ»។ លោក សុខ ដារ៉ា បានថ្លែងបែបនេះ នៅក្នុងកិច្ចប្រជុំកាលពីម្សិលមិញ។",
        )
        self.assertChecked(finding, "សុខ ដារ៉ា")

    def test_words_said_next_are_not_so(self):
        findings = self.read(
            "លោក កែវ វណ្ណា បាននិយាយថា «យើងនឹងមិនចុះចាញ់ទេ»។ លោក សុខ ដារ៉ា បានបន្តថា ដូច្នេះយើងត្រូវរៀបចំខ្លួន។",
        )
        self.assertSpeakers(findings, ["កែវ វណ្ណា"])

    def test_by_whose_account(self):
        findings = self.read(
            "លោក កែវ វណ្ណា បានមកដល់ទីតាំង។ តាមការបញ្ជាក់របស់លោក សុខ ដារ៉ា ថា «យើងត្រូវការជំនួយបន្ទាន់»។",
        )
        self.assertSure(findings[0], "សុខ ដារ៉ា")


class MonkSpeaksTests(AttributionTestCase):
    """A monk “មានថេរដីកា” (speaks, of a monk); his family name ហ៊ាន is also “dare”."""

    def test_the_venerable(self):
        (finding,) = self.read(
            "ព្រះតេជគុណ ហ៊ាន សុវណ្ណ បានមានថេរដីកាថា «ព្រះសង្ឃត្រូវរក្សាវិន័យ»។",
        )
        self.assertSure(finding, "ហ៊ាន សុវណ្ណ")


class CountedGroupTests(AttributionTestCase):
    """“ពលរដ្ឋជាង ១០០ គ្រួសារ” (over 100 families): a group, not the official named before."""

    def test_the_group_speaks(self):
        findings = self.read(
            "លោក សុខ ដារ៉ា មេឃុំ បាននិយាយថា «យើងនឹងដោះស្រាយ»។",
            "ពលរដ្ឋជាង ១០០ គ្រួសារ បាននិយាយថា «យើងត្រូវការដីវិញ»។",
        )
        self.assertSpeakers(findings, ["សុខ ដារ៉ា", "ពលរដ្ឋជាង ១០០ គ្រួសារ"])
        self.assertNotSure(findings[1])

    def test_they_are_the_group_described(self):
        findings = self.read(
            "លោក សុខ ដារ៉ា មេឃុំ បាននិយាយថា «យើងនឹងដោះស្រាយ»។",
            "ពលរដ្ឋជាង ១០០ គ្រួសារ បានតវ៉ានៅមុខសាលាខេត្ត។",
            "ពួកគេបាននិយាយថា «យើងត្រូវការដីវិញ»។",
        )
        self.assertSpeakers(findings, ["សុខ ដារ៉ា", "ពលរដ្ឋជាង ១០០ គ្រួសារ"])


class NamedAfterDescriptionTests(AttributionTestCase):
    """“ស្ត្រីម្នាក់ឈ្មោះ ធីតា …” (a woman named Thida): a name of one word or two after “named”."""

    def test_a_one_word_name(self):
        (finding,) = self.read(
            "ស្ត្រីម្នាក់ឈ្មោះ ធីតា បាននិយាយនៅមុខតុលាការថា «ខ្ញុំចង់បានយុត្តិធម៌»។",
        )
        self.assertChecked(finding, "ធីតា")

    def test_a_two_word_name(self):
        (finding,) = self.read(
            "បុរសជនជាតិជប៉ុនម្នាក់ឈ្មោះ ហ៊ីរ៉ូស៊ី តាណាកា បានប្រាប់ថា «ខ្ញុំស្រឡាញ់ប្រទេសនេះ»។",
        )
        self.assertSure(finding, "ហ៊ីរ៉ូស៊ី តាណាកា")

    def test_a_company_named_is_no_person(self):
        findings = self.read(
            "ក្រុមហ៊ុនឈ្មោះ ធីតា បានប្រកាសថា «យើងនឹងបើកសាខាថ្មី»។",
        )
        self.assertNotIn("ធីតា", [finding.entity.name for finding in findings if finding.entity])


class VerbInsideATitleTests(AttributionTestCase):
    """“តារាសម្តែង” (an actor) holds “សម្តែង” (to express): no speech verb there."""

    def test_the_actor_named_after_his_title(self):
        findings = self.read(
            "លោក កែវ វណ្ណា ពិធីករកម្មវិធី បានសួរថា «តើអ្នកណាចូលចិត្តតន្ត្រី?»",
            "ជាក់ស្តែង តារាសម្តែងប្រុស លោក Sok Dara ក៏បានសារភាពត្រង់ៗ ថាលោកមាននិមិត្តរូប។",
            "លោកបានបន្តថា «ខ្ញុំចូលចិត្តតារាចម្រៀងរូបនេះណាស់»។",
        )
        self.assertSpeakers(findings, ["កែវ វណ្ណា", "Sok Dara"])
