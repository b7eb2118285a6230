"""
Khmer quote attribution, seventeenth round of issue 16: the shapes the Khmer
services of new outlets gave batch 11, each read as a mechanism.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase


class SpeakerAfterTheQuoteTests(AttributionTestCase):
    """A quote opening the story, whose speaker the next sentence names."""

    def test_a_space_before_the_full_stop_after_the_quote(self):
        findings = self.read(
            "ភ្នំពេញ៖ “ការបើកសាលាថ្មីនេះ ជាតម្រូវការរបស់សិស្សនៅភូមិ” ។ "
            "នេះជាប្រសាសន៍របស់លោក ចាន់ សុភា អ្នកនាំពាក្យក្រសួង នាថ្ងៃ១៦ សីហា ។"
        )
        self.assertSure(findings[0], "ចាន់ សុភា")


class DocumentAsSubjectTests(AttributionTestCase):
    """A statement or a report that says the words, after “according to” or “in”."""

    def test_according_to_a_spokespersons_statement(self):
        findings = self.read(
            "លោក ចាន់ សុភា បានចូលរួមក្នុងកិច្ចប្រជុំ។",
            "យោងតាមសេចក្ដីថ្លែងការណ៍របស់អ្នកនាំពាក្យក្រសួងកសិកម្ម នាថ្ងៃទី១៤ មករា "
            "បានបញ្ជាក់ថា «ក្រសួងនឹងជួយកសិករទាំងអស់»។",
        )
        self.assertChecked(findings[0], "សេចក្ដីថ្លែងការណ៍របស់អ្នកនាំពាក្យក្រសួងកសិកម្ម")

    def test_in_the_statement_with_the_verb_glued_to_it(self):
        findings = self.read(
            "លោក ចាន់ សុភា បានចូលរួមក្នុងកិច្ចប្រជុំ។",
            "ក្នុងសេចក្ដីថ្លែងការណ៍បញ្ជាក់ថា «ភាគីទាំងពីរនឹងបន្តកិច្ចសហប្រតិបត្តិការ»។",
        )
        self.assertChecked(findings[0], "សេចក្ដីថ្លែងការណ៍")

    def test_a_person_named_in_the_clause_still_speaks(self):
        findings = self.read(
            "តាមរបាយការណ៍ លោក ចាន់ សុភា បានបញ្ជាក់ថា «ក្រសួងនឹងជួយកសិករ»។",
        )
        self.assertSpeaker(findings[0], "ចាន់ សុភា")


class NameEdgeTests(AttributionTestCase):
    """Where a name in Khmer letters ends."""

    def test_a_vietnamese_name_goes_on_past_its_middle_name(self):
        findings = self.read(
            "ហាណូយ - នៅក្នុងខេត្តមួយ អ្នកស្រី ឡេ ធី ថាញ់ ហឿង នៅតែបើកថ្នាក់ភាសាដល់កូនៗ។",
            "អ្នកស្រីបាននិយាយថា «ឥឡូវនេះដល់វេនកូនហើយ»។",
        )
        self.assertSpeaker(findings[0], "ឡេ ធី ថាញ់ ហឿង")

    def test_a_name_of_four_words_is_checked(self):
        findings = self.read(
            "អ្នកស្រី ង្វៀន ធី ហុង ថាញ់ បាននិយាយថា «យើងរៀនភាសាជារៀងរាល់ថ្ងៃ»។",
        )
        self.assertChecked(findings[0], "ង្វៀន ធី ហុង ថាញ់")

    def test_a_two_word_name_before_a_verb_stays_two_words(self):
        findings = self.read("លោក ហូ វ៉ាន់ ប្រធានក្រុមហ៊ុន បាននិយាយថា «យើងយល់ព្រម»។")
        self.assertSpeaker(findings[0], "ហូ វ៉ាន់")

    def test_a_name_glued_to_the_verb_after_it_is_cut_to_the_name_known(self):
        findings = self.read(
            "នាយករដ្ឋមន្ត្រីហ៊ុន សែនស្តីបន្ទោសក្រុមហ៊ុនពីរ",
            "នាយករដ្ឋមន្ត្រី លោក ហ៊ុន សែន បានស្តីបន្ទោសក្រុមហ៊ុនពីរ។",
            "លោកបាននិយាយថា «ក្រុមហ៊ុនទាំងនេះមិនល្អ»។",
        )
        self.assertSpeaker(findings[0], "ហ៊ុន សែន")

    def test_a_longer_spelling_of_a_name_is_not_cut(self):
        findings = self.read(
            "លោក លឹម ហេ បានចូលរួម។",
            "លោក លឹម ហេង បាននិយាយថា «យើងស្វាគមន៍អ្នកវិនិយោគ»។",
        )
        self.assertSpeaker(findings[0], "លឹម ហេង")


class DiplomaticAndMilitaryTitleTests(AttributionTestCase):
    """A consul or a chief of staff before a name in Latin letters."""

    def test_a_consul_after_a_long_office_speaks_a_partial_quote(self):
        findings = self.read(
            "សហគមន៍ឡាវប្រារព្ធទិវាបុណ្យជាតិ ថ្លែងមតិក្នុងពិធី "
            "តំណាងស្ថានអគ្គកុងស៊ុលសាធារណរដ្ឋឡាវប្រចាំខេត្តបន្ទាយមានជ័យ កុងស៊ុល Vong Keo Sisouk "
            "បានអះអាងថា ប្រទេសទាំងពីរមានទំនាក់ទំនង “អ្នកជិតខាងល្អ និងមិត្តភាពយូរអង្វែង”។"
        )
        self.assertChecked(findings[0], "Vong Keo Sisouk")

    def test_a_chief_of_staff_is_the_role(self):
        findings = self.read(
            "អគ្គសេនាធិការកងទ័ពឡាវ លោកឧត្តមសេនីយ៍ Keo Phomma បានថ្លែងថា «ក្បួនដង្ហែនេះធំជាងគេ»។"
        )
        self.assertSpeaker(findings[0], "Keo Phomma")
        self.assertIn("អគ្គសេនាធិការ", findings[0].role)
