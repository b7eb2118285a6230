"""
Khmer quote attribution, eleventh round of issue 16: the patterns missed in the
sixth batch of real stories, folded into development.

Each story is a list of paragraphs. The people and words are invented.
"""

from people.names import honorific_gender, split_honorific
from tests.support.attribution import AttributionTestCase


class SubscriptSpellingTests(AttributionTestCase):
    """“សាស្រ្តាចារ្យ” (ro before ta) is the same title as “សាស្ត្រាចារ្យ”."""

    def test_either_spelling_is_an_honorific(self):
        for title in ("សាស្ត្រាចារ្យ", "សាស្រ្តាចារ្យ", "សាស្រ្ដាចារ្យ"):
            with self.subTest(title=title):
                self.assertEqual(split_honorific(f"{title} កែវ សុផល"), (title, "កែវ សុផល"))

    def test_the_gender_of_a_title_in_the_other_spelling(self):
        self.assertEqual(honorific_gender("សម្ដេចតេជោ"), honorific_gender("សម្តេចតេជោ"))

    def test_the_speaker_is_the_name_without_the_title(self):
        (finding,) = self.read(
            "(ភ្នំពេញ)៖ សាស្រ្តាចារ្យ កែវ សុផល រដ្ឋមន្រ្តីក្រសួងអប់រំ បានថ្លែងថា «សិស្សគ្រប់រូបត្រូវការសៀវភៅ»។",
        )
        self.assertSure(finding, "កែវ សុផល")


class AccountOwnerTests(AttributionTestCase):
    """A post quoted from a social-media account: the account's owner, named without honorific."""

    def test_a_khmer_name_after_the_account(self):
        (finding,) = self.read(
            "ភ្នំពេញ៖ លើគណនីហ្វេសប៊ុក សៅ ចន្ធី បង្ហោះសារ ដែលរៀបរាប់ថា «ផ្សារនេះមិនទទួលលុយរៀលទេ»។",
        )
        self.assertSpeaker(finding, "សៅ ចន្ធី")

    def test_a_latin_name_after_named(self):
        (finding,) = self.read(
            "យោងតាមការបង្ហោះរបស់គណនីហ្វេសប៊ុកឈ្មោះ Sao Chanthy ដែលបានសរសេរថា៖«សូមជួយខ្ញុំផង»។",
        )
        self.assertSpeaker(finding, "Sao Chanthy")

    def test_a_name_glued_to_the_network(self):
        (finding,) = self.read(
            "ពីហ្វេសប៊ុកសៅ ចន្ធី ដែលបង្ហាញរូបក្រដាសប្រាក់ថា«ខ្ញុំខឹងណាស់»។",
        )
        self.assertSpeaker(finding, "សៅ ចន្ធី")

    def test_no_owner_when_an_ordinary_word_follows(self):
        findings = self.read(
            "គណនីហ្វេសប៊ុក ផ្លូវការ របស់ក្រសួង បានសរសេរថា «ព័ត៌មាននេះមិនពិតទេ»។",
        )
        self.assertNotIn("ផ្លូវការ", " ".join(str(self.label(finding)) for finding in findings))


class TitleInAListTests(AttributionTestCase):
    """“… បានជូនពរដល់គ្រូបង្រៀន វេជ្ជបណ្ឌិត និងនិស្សិតនូវពាក្យថា៖ «…»”: the doctors are spoken to."""

    def test_the_title_as_subject_is_the_person_named_in_the_headline(self):
        findings = self.read(
            "រដ្ឋមន្ត្រី លោក សុខ វិបុល៖ សុខភាពប្រជាជនជាអាទិភាព",
            "នៅក្នុងពិធីនេះ រដ្ឋមន្ត្រីបានជូនពរដល់គ្រូបង្រៀន វេជ្ជបណ្ឌិត និងនិស្សិតនូវពាក្យថា៖ "
            "«ស្មោះត្រង់ - ខិតខំ - ដើម្បីប្រជាជន»។",
        )
        self.assertEqual(self.labels(findings), ["សុខ វិបុល"])

    def test_a_title_alone_before_a_verb_still_refers(self):
        findings = self.read(
            "វេជ្ជបណ្ឌិត កែវ ចន្ធី បានពិនិត្យអ្នកជំងឺជាង ១០០នាក់។",
            "វេជ្ជបណ្ឌិត បានបញ្ជាក់ថា «អ្នកជំងឺភាគច្រើនជាកុមារ»។",
        )
        self.assertEqual(self.labels(findings), ["កែវ ចន្ធី"])


class LatinNameTests(AttributionTestCase):
    """A foreign name in Latin letters, no honorific, as the subject or after a role."""

    def test_a_latin_name_before_a_speech_verb(self):
        (finding,) = self.read("Kevin ប្រាប់ថា ខ្លួនបានសួរថា “ពេលណាទៅវិញ?”")
        self.assertSpeaker(finding, "Kevin")

    def test_a_latin_name_after_a_role(self):
        findings = self.read(
            "តារាចម្រៀង Anna Lee ដែលទើបចេញបទថ្មី បានមកដល់ភ្នំពេញ។",
            "នាងបាននិយាយថា «ខ្ញុំស្រឡាញ់ទស្សនិកជនខ្មែរ»។",
        )
        self.assertEqual(self.labels(findings), ["Anna Lee"])

    def test_a_network_is_no_name(self):
        findings = self.read("Facebook ជាបណ្តាញសង្គមធំ។ អ្នកប្រើម្នាក់និយាយថា «ខ្ញុំប្រើរាល់ថ្ងៃ»។")
        self.assertNotIn("Facebook", [self.label(finding) for finding in findings])


class LongTransliteratedNameTests(AttributionTestCase):
    """A foreign given name spelt out in Khmer is long: “លោក វេង តូហ្សីរ៉ាកាន់”."""

    def test_the_long_second_word_stays_in_the_name(self):
        (finding,) = self.read(
            "លោក សុខ អាឡិចហ្សង់ឌ្រីណា មេដឹកនាំក្រុម បានអំពាវនាវថា «ចូរចេញមកបោះឆ្នោត»។",
        )
        self.assertSpeaker(finding, "សុខ អាឡិចហ្សង់ឌ្រីណា")
