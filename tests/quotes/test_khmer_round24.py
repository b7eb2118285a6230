"""
Khmer quote attribution, twenty-fourth round of issue 16: shapes from
batch 18, each read as a mechanism.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase

LEDE = "(ភ្នំពេញ)៖ «យើងត្រូវថែរក្សាព្រៃឈើសម្រាប់កូនចៅ» នេះជាប្រសាសន៍ របស់{title} ចាន់ សុវណ្ណ {role} ក្នុងពិធីដាំកូនឈើ។"


class AcademicTitleBeforeTheNameTests(AttributionTestCase):
    """An academic or honorary title, glued to the word or honorific before, is not the name."""

    def test_an_academician_glued_to_the_possessive_is_a_title(self):
        findings = self.read(LEDE.format(title="បណ្ឌិតសភាចារ្យ", role="រដ្ឋមន្ត្រីក្រសួងបរិស្ថាន"))
        self.assertSure(findings[0], "ចាន់ សុវណ្ណ")

    def test_the_role_stops_before_a_second_office_and_what_he_does_next(self):
        role = "រដ្ឋមន្រ្ដីក្រសួងបរិស្ថាន ជាប្រធានក្រុមការងារខេត្ត អញ្ជើញជួបប្រជាពលរដ្ឋ"
        findings = self.read(LEDE.format(title="បណ្ឌិតសភាចារ្យ", role=role))
        self.assertEqual(findings[0].role, "រដ្ឋមន្រ្ដីក្រសួងបរិស្ថាន")

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


class SpeakerAskingAnotherPartyTests(AttributionTestCase):
    """A speaker who asks another party to act before the verb: the words may be the other's."""

    def test_words_after_a_request_to_another_party_are_checked(self):
        findings = self.read(
            "កាលពីម្សិលមិញ លោកស្រី កែវ សុផល នាយិកាសាលា បានខឹងយ៉ាងខ្លាំង និងស្នើឱ្យ "
            "ក្រុមតន្ត្រី ផ្កាយព្រឹក ដែលមានកញ្ញា ផល្លា ជាអ្នកច្រៀង សុំទោសនូវពាក្យរបស់ខ្លួន "
            "ដោយបានលើកឡើងថា៖ ”សិស្សសាលានេះមិនចេះរាំទេ” ពាក្យលេងសើចមួយ។",
        )
        self.assertLess(findings[0].confidence, 80)
        self.assertTrue(findings[0].note)

    def test_a_speaker_who_asks_nobody_stays_sure(self):
        findings = self.read(
            "កាលពីម្សិលមិញ លោកស្រី កែវ សុផល នាយិកាសាលា បានលើកឡើងថា៖ ”សិស្សសាលានេះរាំពូកែណាស់”។",
        )
        self.assertSure(findings[0], "កែវ សុផល")


class WordsCreditedFromSomeoneTests(AttributionTestCase):
    """“«…» these are the words raised from / spoken by X”: ពីសំណាក់ and ដោយ name the speaker."""

    def test_a_lede_with_only_a_closing_mark_is_credited_after(self):
        findings = self.read(
            "ខេត្តតាកែវ : ផ្លូវលំគ្រប់ឃុំត្រូវជួសជុលឱ្យរួចមុនរដូវវស្សា "
            "ដើម្បីឱ្យកសិករដឹកស្រូវមកលក់បានស្រួល” នេះជាប្រសាសន៍លើកឡើងពីសំណាក់"
            "ឯកឧត្តមសុខ វណ្ណាអភិបាលខេត្ត ថ្លែងនៅវេទិកាសាធារណៈព្រឹកមិញ។",
        )
        self.assertSure(findings[0], "សុខ វណ្ណា")
        self.assertEqual(findings[0].role, "អភិបាលខេត្ត")

    def test_words_spoken_by_a_named_person(self):
        findings = self.read(
            "«សៀវភៅថ្មីនឹងដល់សាលារៀនមុនចូលឆ្នាំសិក្សា» នេះជាប្រសាសន៍ដែលថ្លែងដោយលោកស្រី ចាន់ ម៉ាលី ប្រធានមន្ទីរអប់រំ។",
        )
        self.assertSure(findings[0], "ចាន់ ម៉ាលី")


class SomeoneNamedTests(AttributionTestCase):
    """“… one named X” (ម្នាក់ឈ្មោះ) introduces a person whatever the noun before it."""

    SAID = "{who} ដារ៉ា ដែលបើកហាងនៅមុខវត្តតាំងពីឆ្នាំមុនបានប្រាប់ ព័ត៌មានថ្មី ថា៖ « ខ្ញុំនឹងរើហាងទៅជិតសាលារៀន »។"

    def test_a_noun_the_finder_does_not_know_still_introduces_the_name(self):
        findings = self.read(self.SAID.format(who="ជាងកាត់សក់ម្នាក់ឈ្មោះ"))
        self.assertSpeaker(findings[0], "ដារ៉ា", sure=False)

    def test_the_role_is_the_noun_not_one_named(self):
        findings = self.read(self.SAID.format(who="អ្នកលក់នំម្នាក់ឈ្មោះ"))
        self.assertSpeaker(findings[0], "ដារ៉ា", sure=False)
        self.assertEqual(findings[0].role, "អ្នកលក់នំ")

    def test_image_file_names_between_paragraphs_name_nobody(self):
        findings = self.read(
            "ផ្សារថ្មីនឹងបិទនៅខែក្រោយ។",
            "12345_67890_o Copy Scaled 768x1024",
            "«យើងនឹងរើតូបទៅតាមផ្លូវជាតិ»។",
        )
        self.assertNotIn("Copy", findings[0].note)
        self.assertIsNone(self.label(findings[0]))


class RawHtmlPageTests(AttributionTestCase):
    """A print page kept as raw HTML: its tags' attribute quotes are no quotes."""

    PAGE = (
        '<p><span style="color: #000000;"><strong>(ភ្នំពេញ)៖</strong> តារាចម្រៀង អ្នកនាង សុខ ស្រីនាង '
        "បានឆ្លើយតបនឹងការរិះគន់។</span></p>\n"
        '<p><span style="color: #000000;"><img src="/a/b.jpg" alt="" /><br /></span></p>\n'
        '<p><span style="color: #000000;">តាមរយៈសារនេះ អ្នកនាង សុខ ស្រីនាង បាននិយាយថា '
        "«ខ្ញុំមិនខ្វល់ពីពាក្យរិះគន់ទេ ខ្ញុំរស់នៅដើម្បីកូន»។</span></p>"
    )

    def test_only_the_singers_words_are_a_quote_and_they_are_hers(self):
        findings = self.read(self.PAGE)
        self.assertEqual(len(findings), 1)
        self.assertSure(findings[0], "សុខ ស្រីនាង")


class LetterOfADescribedPersonTests(AttributionTestCase):
    """“According to the letter of the spokesman …, it stated «…»”: the letter is the source."""

    def test_the_letter_not_the_spokesman(self):
        findings = self.read(
            "តាមលិខិតរបស់ អ្នកនាំពាក្យក្រសួងបរិស្ថាន ផ្ញើមកកាសែតយើងកាលពីល្ងាចម្សិលមិញ បញ្ជាក់ថា "
            "«ក្រសួងនឹងដាំកូនឈើមួយម៉ឺនដើមនៅតាមដងស្ទឹង»។",
        )
        self.assertIn("លិខិត", self.label(findings[0]))


class AudienceSpeakingTests(AttributionTestCase):
    """Fans or the public right before the speech verb speak, not the star named before them."""

    def test_fans_made_to_joke_are_the_speakers(self):
        findings = self.read(
            "តារាចម្រៀងលោក សុខ ពិសី បានបង្ហោះរូបថតខ្លួនពាក់មួកចុងភៅ "
            "ធ្វើឲ្យហ្វេនៗសរសេរកំប្លែងថា «បើកហាងបាយពេលណា លោកបង សុខ ពិសី»។",
        )
        self.assertSpeaker(findings[0], "ហ្វេនៗ", sure=False)

    def test_netizens_after_and_are_the_speakers(self):
        findings = self.read(
            "តារាចម្រៀងលោក សុខ ពិសី បានបង្ហោះរូបភាពមួយ ហើយមហាជននិយាយថា «ស្អាតណាស់»។",
        )
        self.assertSpeaker(findings[0], "មហាជន", sure=False)

    def test_the_star_still_speaks_for_himself(self):
        findings = self.read("តារាចម្រៀងលោក សុខ ពិសី បានប្រាប់ហ្វេនៗថា «អរគុណច្រើន»។")
        self.assertSure(findings[0], "សុខ ពិសី")


class ConferredTitleAsRoleTests(AttributionTestCase):
    """A person given no office, only the conferred title ឧកញ៉ា: that title is the role."""

    def test_the_oknha_is_the_role_when_no_office_is_written(self):
        findings = self.read(
            "នៅលើទំព័រហ្វេសប៊ុករបស់បណ្ឌិត ឧកញ៉ា សុខ ចាន់ បានសរសេរថា៖ “ភ្ញៀវនិយមមកហូបនៅហាងនេះណាស់”។"
        )
        self.assertSure(findings[0], "សុខ ចាន់")
        self.assertEqual(findings[0].role, "ឧកញ៉ា")

    def test_an_office_written_wins(self):
        findings = self.read(
            "លោកឧកញ៉ា សុខ ចាន់ ប្រធានសមាគមពាណិជ្ជករ បានសរសេរថា៖ “ភ្ញៀវនិយមមកហូបនៅហាងនេះណាស់”។"
        )
        self.assertEqual(findings[0].role, "ប្រធានសមាគមពាណិជ្ជករ")


class RoleGivenAfterTheQuoteTests(AttributionTestCase):
    """“លោក X និយាយថា «…»។ ចាងហ្វាង…រូបនេះបន្ថែមថា …”: the role the next sentence gives."""

    def test_the_office_of_the_next_sentence_is_the_role(self):
        findings = self.read(
            'លោក ចាន់ សុភាព និយាយថា៖ "ឈុតនេះសំខាន់ណាស់សម្រាប់រឿង។ ប៉ុន្តែយើងត្រូវតែកាត់"។',
            "ចាងហ្វាងផលិតកម្មរូបនេះបន្ថែមថា រឿងនឹងចាក់បញ្ចាំងនៅខែក្រោយ។",
        )
        self.assertSure(findings[0], "ចាន់ សុភាព")
        self.assertEqual(findings[0].role, "ចាងហ្វាងផលិតកម្ម")

    def test_a_role_already_written_is_kept(self):
        findings = self.read(
            'លោក ចាន់ សុភាព អ្នកដឹកនាំរឿង និយាយថា៖ "ឈុតនេះសំខាន់ណាស់"។',
            "ចាងហ្វាងផលិតកម្មរូបនេះបន្ថែមថា រឿងនឹងចាក់បញ្ចាំងនៅខែក្រោយ។",
        )
        self.assertEqual(findings[0].role, "អ្នកដឹកនាំរឿង")


class AccountNamedByHandleTests(AttributionTestCase):
    """“a Facebook page named @Latin words posted … writing «…»”: the page is the speaker."""

    def test_the_handle_not_the_topic(self):
        findings = self.read(
            "ហាងនំបញ្ចុកតូចមួយល្បីពេញក្រុង នៅពេលមានហ្វេសប៊ុកមួយឈ្មោះ "
            "@Golden Rice kitchen bar ចុះរូបថតហាងនេះ ហើយសរសេរថា ៖ "
            "«See you soon មានន័យថា ជួបគ្នាឆាប់ៗនៅហាងយើង» ។",
        )
        self.assertIn("Golden Rice kitchen bar", self.label(findings[0]))
