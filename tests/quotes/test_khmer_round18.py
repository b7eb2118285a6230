"""
Khmer quote attribution, eighteenth round of issue 16: shapes that recur
across the unseen batches 8–12, each read as a mechanism.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase


class RankedRoleTests(AttributionTestCase):
    """A role carrying a rank's prefix (អគ្គ-, អនុ-, ឧប-) ends the name before it."""

    def test_a_general_then_a_deputy_commander_in_chief(self):
        findings = self.read(
            "ភ្នំពេញ៖ នាយករដ្ឋមន្ត្រី សម្ដេចតេជោ ហ៊ុនសែន បានផ្ដល់ស្ពានមួយដល់ប្រជាពលរដ្ឋ។",
            "នាយឧត្តមសេនីយ៍ សុខ វណ្ណា អគ្គមេបញ្ជាការរងទទួលបន្ទុកវិស្វកម្ម បានថ្លែងឲ្យដឹងថា«ស្ពាននេះនឹងជួយកសិករនៅភូមិ»។",
        )
        self.assertSure(findings[0], "សុខ វណ្ណា")
        self.assertIn("អគ្គមេបញ្ជាការរង", findings[0].entity.role)

    def test_a_deputy_head_with_its_prefix(self):
        findings = self.read(
            "ប៉ូលិសបានចុះពិនិត្យផ្សារ។",
            "វរសេនីយ៍ឯក ចាន់ ដារា អនុមេបញ្ជាការកងរាជអាវុធហត្ថខេត្ត បាននិយាយថា «យើងនឹងការពារអ្នកលក់»។",
        )
        self.assertSpeaker(findings[0], "ចាន់ ដារា")


class MisplacedVowelTests(AttributionTestCase):
    """A vowel typed before the subscript it follows still spells the title."""

    def test_a_misspelt_unique_title_glued_to_the_verb(self):
        findings = self.read(
            "ភ្នំពេញ៖ សម្ដេចតេជោ ហ៊ុន សែន នាយករដ្ឋមន្ត្រី បានជួបប្រជាពលរដ្ឋ។",
            "តាមការបង្ហោះនៅល្ងាចនោះ សម្ដេច រីករាយខ្លាំង ដែលបានទៅលេងស្រុកកំណើត។",
            "សមេ្ដចតេជោបានមានប្រសាសន៍ថា “ខ្ញុំនៅចាំផ្លូវលំទៅសាលារៀនចាស់”។",
        )
        self.assertSpeaker(findings[0], "ហ៊ុន សែន")


class StateNotANameTests(AttributionTestCase):
    """What is told of someone (“very happy”) is never read as a name."""

    def test_very_happy_after_an_honorific_is_no_one(self):
        findings = self.read(
            "ភ្នំពេញ៖ កសិករបានជួបគ្នា។",
            "គេឃើញថា សម្ដេច រីករាយណាស់ ដែលបានទៅលេងស្រុកកំណើត។",
            "“ខ្ញុំអរគុណគ្រប់គ្នា”។",
        )
        self.assertNotEqual(self.label(findings[0]), "រីករាយណាស់")
        self.assertNotSure(findings[0])

    def test_happy_after_an_honorific_then_a_pronoun(self):
        findings = self.read(
            "ភ្នំពេញ៖ កសិករបានជួបគ្នា។",
            "យោងតាមហ្វេសប៊ុក លោក សប្បាយចិត្ត ដែលបានជួបកសិករ។",
            "លោកបានមានប្រសាសន៍ថា “ខ្ញុំអរគុណគ្រប់គ្នា”។",
        )
        self.assertNotEqual(self.label(findings[0]), "សប្បាយចិត្ត")
        self.assertNotSure(findings[0])


class HeadlineSaidAgainTests(AttributionTestCase):
    """A headline's quoted words are whoever the body quotes saying them, spaces aside."""

    def test_a_clause_before_the_headline_quote_is_not_its_speaker(self):
        findings = self.read(
            "សាលារៀនភូមិ ជាកន្លែងលេង«ល្បែងរបស់ក្មេងខិលខូច»",
            "ជាប្រតិកម្មមួយ ធ្វើឡើងដោយប្រធានសមាគមគ្រូបង្រៀន បន្ទាប់ពីការប្ដឹងមួយកាលពីម្សិលមិញ។",
            "លោក ចាន់ ដារា បានពន្យល់ថា៖ «សាលារៀនភូមិ ក្លាយទៅជាកន្លែងលេងល្បែង "
            "របស់ក្មេងខិលខូច ដោយសារគ្មានអ្នកមើលថែ»។",
        )
        self.assertChecked(findings[0], "ចាន់ ដារា")
        self.assertSpeaker(findings[1], "ចាន់ ដារា")


class CleanDescriptionTests(AttributionTestCase):
    """An unnamed speaker shown to readers stops where the clause turns to a verb."""

    def test_currently_ends_the_description(self):
        findings = self.read(
            "ភ្នំពេញ៖ កម្មវិធីតន្ត្រីបានបើកនៅយប់មិញ។",
            "តារាចម្រៀងស្រីវ័យក្មេងកំពុងមានប្រជាប្រិយភាពខ្លាំង បាននិយាយថា «ខ្ញុំសប្បាយចិត្តណាស់»។",
        )
        self.assertChecked(findings[0], "តារាចម្រៀងស្រីវ័យក្មេង")

    def test_is_after_a_space_ends_the_description(self):
        findings = self.read(
            "ភ្នំពេញ៖ កម្មវិធីតន្ត្រីបានបើកនៅយប់មិញ។",
            "សមាគមកសិករ ជាអង្គការតូចមួយ បាននិយាយថា «យើងត្រូវការទឹក»។",
        )
        self.assertChecked(findings[0], "សមាគមកសិករ")


class AgedSomeoneTests(AttributionTestCase):
    """“A man aged 40 …” in the lede is the one “this man” means later."""

    def test_this_man_takes_up_the_man_of_forty(self):
        findings = self.read(
            "(កំពត)៖ បុរសអាយុ៤០ឆ្នាំ រស់នៅស្រុកទឹកឈូ ដែលជាអ្នកនេសាទចាស់ជាងគេ "
            "ក្នុងចំណោម៣០នាក់នៅភូមិ ដែលបានបាត់ទូក បានទទួលទូកថ្មីមួយកាលពីម្សិលមិញ។",
            "បុរសរូបនេះ បានថ្លែងថា «ខ្ញុំអាចចេញទៅនេសាទវិញហើយ»។",
        )
        self.assertChecked(findings[0], "បុរសអាយុ៤០ឆ្នាំ")


class OneWordNameTests(AttributionTestCase):
    """A whole name written as one word after a title (“កីឡាករ សុខវណ្ណារិទ្ធ ដែល…”)."""

    def test_a_player_named_in_one_word(self):
        findings = self.read(
            "ព័ត៌មានកីឡា៖ ខ្សែការពាររបស់ក្រុមជម្រើសជាតិ បានសុំទោសអ្នកគាំទ្រ។",
            "កីឡាករ សុខវណ្ណារិទ្ធ ដែលជាខ្សែការពាររបស់ក្រុមជម្រើសជាតិ បានសុំទោសអ្នកគាំទ្រទាំងអស់។",
            "កីឡាករ សុខវណ្ណារិទ្ធ បានសរសេរលើហ្វេសប៊ុករបស់គាត់ថា «សូមអភ័យទោសដល់អ្នកគាំទ្រទាំងអស់»។",
        )
        self.assertChecked(findings[0], "សុខវណ្ណារិទ្ធ")

    def test_a_country_after_the_title_is_no_name(self):
        findings = self.read(
            "កីឡាករ កម្ពុជា ដែលបានឈ្នះមេដាយមាស បាននិយាយថា «យើងរីករាយណាស់»។",
        )
        self.assertNotEqual(self.label(findings[0]), "កម្ពុជា")


class AnotherDescribedPersonTests(AttributionTestCase):
    """A person described by another role is someone new, not the last one described."""

    def test_a_seller_is_not_the_guide_described_before(self):
        findings = self.read(
            "មគ្គុទ្ទេសក៍ទេសចរណ៍មួយរូប បាននិយាយថា «ផ្សារនេះបើករៀងរាល់យប់»។",
            "ពេលខ្ញុំសុំទិញក្រូចមួយគីឡូ អ្នកលក់ក៏សួរខ្ញុំវិញថា៖ «មិនយកពីរគីឡូទេឬ?»។",
        )
        self.assertChecked(findings[1], "អ្នកលក់")

    def test_the_same_role_is_still_taken_up(self):
        findings = self.read(
            "អ្នកលក់ត្រីមួយរូប បាននិយាយថា «ត្រីឡើងថ្លៃណាស់»។",
            "អ្នកលក់រូបនេះ បានបន្តថា «ខ្ញុំលក់បានតិចជាងមុន»។",
        )
        self.assertEqual(findings[1].entity, findings[0].entity)


class SelfNamedTests(AttributionTestCase):
    """A quote whose speaker gives their own name in it (“ខ្ញុំបាទឈ្មោះ …”)."""

    def test_a_post_by_a_latin_account_is_the_name_given_inside(self):
        findings = self.read(
            "ខេត្តតាកែវ៖ គ្រូបង្រៀនម្នាក់បានបង្ហោះសារទៅកាន់ក្រសួងអប់រំ។",
            "យោងតាមការបង្ហោះរបស់គណនីហ្វេសប៊ុកឈ្មោះ Keo Dara បានសរសេរថា៖«សូមគោរពលោករដ្ឋមន្ត្រី! "
            "ខ្ញុំបាទឈ្មោះកែវ ដារា ជាគ្រូបង្រៀននៅសាលាបឋមសិក្សាភូមិ។ សូមជួយសាលាខ្ញុំផង»។",
        )
        self.assertChecked(findings[0], "កែវ ដារា")
        self.assertIn("កែវ ដារា", findings[0].note)

    def test_a_sure_khmer_name_stays(self):
        findings = self.read(
            "លោក ចាន់ សុភា បាននិយាយថា «ខ្ញុំឈ្មោះ សុភា ហើយខ្ញុំជាកសិករ»។",
        )
        self.assertSure(findings[0], "ចាន់ សុភា")


class SomeoneOpeningTheSentenceTests(AttributionTestCase):
    """One person opening a sentence (“a fisherman mends his net”) is whom “he” means next."""

    def test_a_fisherman_mending_his_net_then_he_said(self):
        findings = self.read(
            "អ្នកនេសាទនៅបឹងជួបការលំបាក",
            "អ្នកនេសាទម្នាក់លាងទូកតូចរបស់គាត់ក្បែរមាត់បឹង ថ្ងៃទី៣ ខែមីនា។",
            "លោកបាននិយាយថា៖ «យើងគ្មានរបរអ្វីផ្សេងក្រៅពីនេសាទទេ»។",
        )
        self.assertChecked(findings[0], "អ្នកនេសាទម្នាក់")


class QuestionNotARoleTests(AttributionTestCase):
    """“អ្នកណា” (who, anyone) before a quote is never its speaker's role."""

    def test_a_headline_run_into_the_lede(self):
        findings = self.read(
            "ឯកឧត្តម ចាន់ សុភា៖ ការងាររបស់ក្រសួងនៅចំពោះមុខពលរដ្ឋ មិនមាន "
            "អ្នកណាអាចលាក់វាបានទេ ភ្នំពេញ៖«រយៈពេលដប់ឆ្នាំ ក្រសួងបានធ្វើការងារធំធេង"
            "សម្រាប់ប្រជាពលរដ្ឋ»។ នេះជាការគូសបញ្ជាក់របស់ ឯកឧត្តម ចាន់ សុភា "
            "រដ្ឋមន្ត្រីក្រសួងព័ត៌មាន នាថ្ងៃទី២ ខែមករា។",
        )
        self.assertSure(findings[0], "ចាន់ សុភា")
        self.assertNotIn("អ្នកណា", findings[0].entity.role)
