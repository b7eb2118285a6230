"""
Khmer quote attribution, tenth round of issue 16: the patterns missed in the
fifth fresh batch of real stories (a young person's honorific, a role with
Khmer digits, a surname spelt like “ជា”, “the account of X said”, a quote
paragraph opening with “៖”).

Each story is a list of paragraphs. The people and words are invented.
"""

from people.names import split_honorific
from quotes.attribution.khmer import names_in
from tests.support.attribution import AttributionTestCase


class YoungPersonHonorificTests(AttributionTestCase):
    """“ប្អូនប្រុស ចាន់ ដារា …” names a boy, as “លោក” names a man."""

    def test_the_name_after_it_is_the_speaker(self):
        findings = self.read(
            "(ភ្នំពេញ)៖ ជាសិស្សថ្នាក់ទី៩ ប្អូនប្រុស ចាន់ ដារា ជាអ្នករកឃើញកាបូប "
            "ដោយប្អូនបានប្រាប់ថា «ខ្ញុំចង់ឱ្យម្ចាស់បានវាវិញ»។",
        )
        (finding,) = findings
        self.assertEqual(self.label(finding), "ចាន់ ដារា")

    def test_the_honorific_is_split_off_with_its_gender(self):
        self.assertEqual(split_honorific("ប្អូនស្រី សុខ នីតា"), ("ប្អូនស្រី", "សុខ នីតា"))
        self.assertEqual(split_honorific("ប្អូនប្រុស ចាន់ ដារា"), ("ប្អូនប្រុស", "ចាន់ ដារា"))


class RoleWithDigitsTests(AttributionTestCase):
    """“និស្សិតឆ្នាំទី៣ កែវ វិចិត្រ និយាយថា៖ “…””: a role holding Khmer digits, then the name."""

    def test_the_name_not_the_whole_description(self):
        (finding,) = self.read(
            "និស្សិតប្រុសឆ្នាំទី៣ កែវ វិចិត្រ និយាយទាំងសើចថា៖ “ខ្ញុំភ្លេចមើលភ្លើងស្តុប។”",
        )
        self.assertEqual(self.label(finding), "កែវ វិចិត្រ")

    def test_a_role_without_digits_still_reads(self):
        (finding,) = self.read(
            "និស្សិតឆ្នាំចុងក្រោយ កែវ វិចិត្រ និយាយថា៖ “ខ្ញុំមិនដឹងច្បាប់ទេ។”",
        )
        self.assertEqual(self.label(finding), "កែវ វិចិត្រ")


class SurnameSpeltLikeIsTests(AttributionTestCase):
    """“តា សុខ ជា ៖ «…»”: ជា (Chea) ends the name when nothing follows it."""

    def test_a_headline_with_the_name_then_a_colon(self):
        (finding,) = self.read("តា សុខ ជា ៖ «យើងមិនភ្លេចអ្នកដែលជួយយើងទេ»")
        self.assertEqual(self.label(finding), "សុខ ជា")

    def test_ja_before_a_role_is_still_the_verb(self):
        names = [name for name, _start, _end in names_in("លោក សុខ ជា អ្នកនាំពាក្យក្រសួង")]
        self.assertEqual(names, ["លោក សុខ"])

    def test_ja_before_a_past_marker_is_the_name(self):
        names = [name for name, _start, _end in names_in("លោក កែវ ជា បាននិយាយថា")]
        self.assertEqual(names, ["លោក កែវ ជា"])


class AccountOfTests(AttributionTestCase):
    """“តាមការរៀបរាប់របស់ ម៉ៅ សុភា បានឱ្យដឹងថា៖ «…»”: whose account, without an honorific."""

    def test_the_one_whose_account_it_is_speaks(self):
        (finding,) = self.read(
            "តារាចម្រៀងរូបនេះបានបង្ហោះរូបថតនៅខេត្តកំពត។ បើមើលតាមការរៀបរាប់របស់ ម៉ៅ សុភា "
            "បានអោយដឹងថា៖ «នាងខ្ញុំសូមអរគុណអ្នកភូមិដែលទទួលស្វាគមន៍»។",
        )
        self.assertEqual(self.label(finding), "ម៉ៅ សុភា")

    def test_of_someone_spoken_about_is_still_no_speaker(self):
        (finding,) = self.read(
            "«វាជាការភូតកុហក» លោក ហេង វុទ្ធី បាននិយាយអំពីការចោទប្រកាន់របស់ លោក កែវ រតនា។",
        )
        self.assertEqual(self.label(finding), "ហេង វុទ្ធី")


class QuoteOpeningWithColonTests(AttributionTestCase):
    """A paragraph ending “… បានលើកឡើងថា ៖”, then a quote paragraph opening “៖ …”."""

    def test_the_introduced_speaker(self):
        findings = self.read(
            "ក្រោយពិធីបំពាក់មេដាយ កីឡាការនីជម្រើសជាតិ ខាន់ សុភ័ក្រ បានលើកឡើងថា ៖",
            "“៖ ខ្ញុំសុខចិត្តបានមេដាយប្រាក់ ព្រោះអ្នកគាំទ្រនៅជាមួយខ្ញុំ ។”",
        )
        (finding,) = findings
        self.assertEqual(self.label(finding), "ខាន់ សុភ័ក្រ")
        self.assertTrue(finding.note)
