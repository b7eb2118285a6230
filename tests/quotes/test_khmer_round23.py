"""
Khmer quote attribution, twenty-third round of issue 16: shapes from
batch 17, each read as a mechanism.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase


class SameRightHandMarksTests(AttributionTestCase):
    """A quote opened and closed with the same right-hand mark, spaced inside: ” … ”."""

    def test_the_spaced_quote_after_the_colon_is_found_and_credited(self):
        findings = self.read(
            "លោក សុខ វិបុល អភិបាលស្រុកថ្មីប្រាប់ថ្ងៃទី៣ ៖ ” ឥឡូវទឹកជំនន់លែងឡើងដល់ភូមិហើយ អ្នកស្រុកអាចធ្វើស្រែបានវិញ ” ។",
        )
        self.assertEqual(len(findings), 1)
        self.assertSpeaker(findings[0], "សុខ វិបុល")
        self.assertTrue(findings[0].text.startswith("ឥឡូវទឹកជំនន់"))

    def test_the_words_after_the_closing_mark_stay_outside_the_quote(self):
        findings = self.read(
            "លោកស្រី ចាន់ ធីតា មេភូមិបានថ្លែងថា ” យើងត្រូវការស្ពានថ្មី ” ក្នុងពេលជួបប្រជុំជាមួយអ្នកភូមិ។",
        )
        self.assertEqual(len(findings), 1)
        self.assertSpeaker(findings[0], "ចាន់ ធីតា")
        self.assertNotIn("ប្រជុំ", findings[0].text)


class GivenNameStartingLikeAWordTests(AttributionTestCase):
    """A given name whose first letters spell a small word (“មុន”, before) is read whole."""

    def test_the_student_keeps_his_whole_name(self):
        findings = self.read(
            "លោក ហេង មុនីរ័ត្ន (២២ឆ្នាំ) ជានិស្សិតផ្នែកកសិកម្មនៅប្រទេសកូរ៉េ។",
            "«ខ្ញុំចង់ត្រឡប់មកជួយកសិករនៅភូមិកំណើតវិញ»។",
        )
        self.assertSpeaker(findings[0], "ហេង មុនីរ័ត្ន")

    def test_the_word_itself_still_ends_a_name(self):
        findings = self.read(
            "លោក ហេង សុភា មុនចេញដំណើរបានប្រាប់ថា «យើងនឹងត្រឡប់មកវិញឆាប់ៗ»។",
        )
        self.assertSpeaker(findings[0], "ហេង សុភា")


class GivenNameAfterADescriptionTests(AttributionTestCase):
    """A description ending “one” (ម្នាក់) or “that” (នោះ), then a given name glued to a verb."""

    def test_the_student_is_his_given_name_not_the_description(self):
        findings = self.read(
            "ជាកូនអ្នកនេសាទ និងជាសិស្សពូកែម្នាក់នៅក្នុងវិទ្យាល័យផងដែរនោះ "
            "វណ្ណាបានសម្រេចចិត្តទៅរៀននៅប្រទេសអូស្ត្រាលី។ គាត់និយាយថា «ខ្ញុំចង់រៀនពីការចិញ្ចឹមត្រី»។",
        )
        self.assertSpeaker(findings[0], "វណ្ណា")

    def test_a_pronoun_after_the_description_is_no_name(self):
        findings = self.read(
            "និស្សិតម្នាក់ គាត់បាននិយាយថា «យើងត្រូវការបណ្ណាល័យថ្មី»។",
        )
        self.assertNotEqual(self.label(findings[0]), "គាត់")


class CommuneCouncillorRoleTests(AttributionTestCase):
    """“ជំទប់” (a commune's deputy chief) is a title: with its commune, it is the role."""

    def test_the_deputy_chief_and_commune_before_the_name_are_the_role(self):
        findings = self.read(
            "ជំទប់ទី១ ឃុំព្រែកថ្មី លោក ពៅ សារិន ថ្លែងថា «ទឹកបានលិចស្រែអស់ហើយ»។",
        )
        self.assertSpeaker(findings[0], "ពៅ សារិន")
        self.assertEqual(findings[0].role, "ជំទប់ទី១ ឃុំព្រែកថ្មី")


class LatinWorkTitleTests(AttributionTestCase):
    """A drama's or song's title in Latin letters after “រឿង”, “បទ”: never a person."""

    def test_the_drama_title_before_the_verb_is_not_the_speaker(self):
        findings = self.read("អ្នកនិពន្ធរឿង Moonlight និយាយថា “ខ្ញុំចង់ឲ្យអ្នកមើលយល់ពីវប្បធម៌”។")
        self.assertNotEqual(self.label(findings[0]), "Moonlight")

    def test_a_latin_name_before_the_verb_is_still_the_speaker(self):
        findings = self.read("អ្នកនិពន្ធ Sara Lee និយាយថា “ខ្ញុំចង់ឲ្យអ្នកមើលយល់ពីវប្បធម៌”។")
        self.assertSpeaker(findings[0], "Sara Lee")


class LatinNameBeforeItsRoleTests(AttributionTestCase):
    """A foreign name in Latin letters opening a paragraph, its Khmer role right after it."""

    def test_the_headline_writer_is_the_one_named_with_that_role(self):
        findings = self.read(
            "អ្នកនិពន្ធរឿង Moonlight និយាយថា “ខ្ញុំចង់ឲ្យអ្នកមើលយល់ពីវប្បធម៌”",
            "Sara Lee អ្នកនិពន្ធរឿងភាគ “Moonlight” ដែលចាក់បញ្ចាំងនាពេលថ្មីៗនេះ បានបញ្ចេញមតិលើបណ្តាញសង្គម ។",
            "“ក្នុងរឿងនេះ ឈុតខ្លះពិបាកយល់សម្រាប់អ្នកមើលបរទេស”",
        )
        self.assertSpeakers(findings, ["Sara Lee", "Sara Lee"])
        self.assertEqual(findings[0].role, "អ្នកនិពន្ធរឿងភាគ")
