"""
Khmer quote attribution, fifteenth round of issue 16: how Khmer news writing
ties a role to a person, and whose words a post or a fan's remark are.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase


class RoleTestCase(AttributionTestCase):
    def assertRole(self, paragraphs, name, role):
        """The last quote's speaker and role; ``paragraphs`` is one or a list."""
        findings = self.read(*([paragraphs] if isinstance(paragraphs, str) else paragraphs))
        self.assertEqual(self.label(findings[-1]), name)
        self.assertEqual(findings[-1].role, role)


class RoleAfterTheNameTests(RoleTestCase):
    """The role written between the name and what the person does."""

    def test_what_follows_ja_is_the_persons_role(self):
        self.assertRole(
            ["លោក សុខ វណ្ណា ជាចាស់ទុំភូមិព្រៃថ្មី បានថ្លែងថា «យើងមិនចាកចេញទេ»។"],
            "សុខ វណ្ណា",
            "ចាស់ទុំភូមិព្រៃថ្មី",
        )

    def test_an_age_with_mean_then_ja(self):
        self.assertRole(
            [
                "លោក ចាន់ ពិសិដ្ឋ មានអាយុ៤៨ឆ្នាំ ជាជនជាតិព្នងរស់នៅភូមិថ្មី បានរៀបរាប់ពីជីវិតរបស់លោក។",
                "លោកបាននិយាយថា «ដីនេះជាដីដូនតាយើង»។",
            ],
            "ចាន់ ពិសិដ្ឋ",
            "ជនជាតិព្នងរស់នៅភូមិថ្មី",
        )

    def test_a_title_of_no_known_kind_between_the_name_and_the_verb(self):
        self.assertRole(
            ["លោក ហេង សុភ័ក្រ នាយប៉ុស្តិ៍នគរបាលឃុំថ្មីបានមានប្រសាសន៍ថា «ចោរបានរត់គេចខ្លួន»។"],
            "ហេង សុភ័ក្រ",
            "នាយប៉ុស្តិ៍នគរបាលឃុំថ្មី",
        )

    def test_a_role_kept_from_a_paragraph_without_a_quote(self):
        self.assertRole(
            [
                "ប៉ុន្តែលោក ជា សុផល គ្រូជំនួយក្រុមកំពត នៅតែមានការបារម្ភពីទីលាន។",
                "លោក ជា សុផល បានប្រាប់ថា «ទីលាននេះរឹងពេក»។",
            ],
            "ជា សុផល",
            "គ្រូជំនួយក្រុមកំពត",
        )

    def test_a_role_glued_to_the_verb_of_not_yet(self):
        self.assertRole(
            [
                "លោក ម៉ៅ វិចិត្រ គ្រូបង្វឹកក្រុមវិទ្យាល័យថ្មីមិនទាន់សប្បាយចិត្តនឹងកូនក្រុមនៅឡើយ។",
                "លោកបាននិយាយថា «យើងត្រូវហ្វឹកហាត់បន្ថែម»។",
            ],
            "ម៉ៅ វិចិត្រ",
            "គ្រូបង្វឹកក្រុមវិទ្យាល័យថ្មី",
        )

    def test_the_spelling_in_brackets_does_not_hide_the_role(self):
        self.assertRole(
            ["លោក ចន ស្មីត (John Smith) ឯកអគ្គរដ្ឋទូតអូស្ត្រាលី មានប្រសាសន៍ថា «យើងនឹងជួយ»។"],
            "ចន ស្មីត",
            "ឯកអគ្គរដ្ឋទូតអូស្ត្រាលី",
        )

    def test_a_verb_after_a_name_without_honorific_is_not_a_role(self):
        (finding,) = self.read("សុខ វណ្ណា ដើរចូលភូមិបាននិយាយថា «យើងមិនចាកចេញទេ»។")
        self.assertEqual(finding.role, "")


class RoleBeforeTheNameTests(RoleTestCase):
    """The role written before the honorific and the name."""

    def test_two_roles_joined_by_ning_ja(self):
        self.assertRole(
            "អ្នកចាត់ការទូទៅ និងជាគ្រូបង្វឹកក្រុមកំពត លោក ឡុង សុវណ្ណ បានថ្លែងថា «យើងនឹងឈ្នះ»។",
            "ឡុង សុវណ្ណ",
            "អ្នកចាត់ការទូទៅ និងជាគ្រូបង្វឹកក្រុមកំពត",
        )

    def test_a_role_ending_with_its_province(self):
        self.assertRole(
            "ប្រធានក្រុមការងារព្រំដែន ប្រចាំច្រកទ្វារថ្មី ខេត្តកំពត លោក ឡុង សុវណ្ណ "
            "មានប្រសាសន៍ថា «ភ្លើងឆេះពីចរន្តអគ្គិសនី»។",
            "ឡុង សុវណ្ណ",
            "ប្រធានក្រុមការងារព្រំដែន ប្រចាំច្រកទ្វារថ្មី ខេត្តកំពត",
        )

    def test_a_verb_spelt_across_a_place_names_syllables_does_not_end_the_role(self):
        # “ខេត្តបន្ទាយ” holds the letters of “តប” (to reply) across two syllables.
        self.assertRole(
            "មេប៉ូលិសប្រចាំផ្សារថ្មី ខេត្តបន្ទាយមានជ័យ លោក ឡុង សុវណ្ណ មានប្រសាសន៍ថា «គ្មាននរណារងរបួសទេ»។",
            "ឡុង សុវណ្ណ",
            "មេប៉ូលិសប្រចាំផ្សារថ្មី ខេត្តបន្ទាយមានជ័យ",
        )

    def test_a_role_glued_to_the_dateline(self):
        self.assertRole(
            "កំពត៖ប្រធានមន្ទីរការងារខេត្តកំពត លោក ឡុង សុវណ្ណ បានថ្លែងថា «កម្មករបានត្រឡប់ទៅធ្វើការវិញ»។",
            "ឡុង សុវណ្ណ",
            "ប្រធានមន្ទីរការងារខេត្តកំពត",
        )

    def test_a_role_glued_to_the_words_opening_the_clause(self):
        self.assertRole(
            "ក្នុងនោះគ្រូបង្វឹកក្រុមកំពត លោក ឡុង សុវណ្ណ បានបញ្ជាក់ថា «កូនក្រុមលេងមិនល្អទេ»។",
            "ឡុង សុវណ្ណ",
            "គ្រូបង្វឹកក្រុមកំពត",
        )

    def test_an_actor_and_model_is_not_cut_at_the_verb_inside_actor(self):
        self.assertRole(
            "សៀមរាប៖ តារាសម្តែង និង ជាតារាចម្រៀង កញ្ញា ស៊ិន សុភា បាននិយាយថា «ខ្ញុំមិនដែលស្គាល់គាត់ទេ»។",
            "ស៊ិន សុភា",
            "តារាសម្តែង និង ជាតារាចម្រៀង",
        )

    def test_the_minister_spoken_of_is_not_the_speakers_role(self):
        (finding,) = self.read(
            "គេថាលោកកំពុងដណ្តើមការងាររដ្ឋមន្ត្រីក្រសួងអប់រំនោះ លោក ឡុង សុវណ្ណ បានតបថា «ខ្ញុំគ្រាន់តែជួយ»។"
        )
        self.assertEqual(self.label(finding), "ឡុង សុវណ្ណ")
        self.assertEqual(finding.role, "")


class PageOwnerTests(AttributionTestCase):
    """Words posted on someone's own page are the page owner's."""

    def test_the_owner_of_the_page_not_the_partner_named_before(self):
        findings = self.read(
            "តារាចម្រៀង កញ្ញា សុខ ស្រីនាង មានបញ្ហាជាមួយដៃគូរបស់ខ្លួន គឺលោក ចាន់ ដារា។",
            "បើយោងតាមផេកហ្វេសប៊ុកផ្ទាល់ខ្លួនរបស់កញ្ញា សុខ ស្រីនាង បានសរសេរទាំងខកចិត្ត "
            "ថា «ខ្ញុំសុំឱ្យគ្រប់គ្នាទុកពេលឱ្យខ្ញុំសម្រាកសិន»។",
        )
        (finding,) = findings
        self.assertSure(finding, "សុខ ស្រីនាង")

    def test_a_page_owner_named_alone(self):
        (finding,) = self.read(
            "តាមគណនីហ្វេសប៊ុករបស់លោក ហេង សុវណ្ណ បានសរសេរថា «ខ្ញុំមិនចុះចាញ់ទេ»។",
        )
        self.assertSure(finding, "ហេង សុវណ្ណ")


class OneOfTheirsTests(AttributionTestCase):
    """“A fan of X” (a role, the name, ម្នាក់) is someone else than X."""

    def test_a_fan_of_the_singer_is_not_the_singer(self):
        findings = self.read(
            "តារាចម្រៀងដ៏ល្បី ហេង សុវណ្ណ បានបង្ហោះរូបថតលើហ្វេសប៊ុក។",
            "ពាក់ព័ន្ធរឿងនេះ អ្នកគាំទ្រ ហេង សុវណ្ណ ម្នាក់ បានប្រាប់ថា “តារាចម្រៀង ហេង សុវណ្ណ សមនឹងធ្វើជាគ្រូបង្វឹក”។",
        )
        (finding,) = findings
        self.assertIsNone(finding.entity.name or None)
        self.assertEqual(self.label(finding), "អ្នកគាំទ្រ ហេង សុវណ្ណ ម្នាក់")
        self.assertNotSure(finding)

    def test_a_singer_named_with_his_role_still_speaks(self):
        (finding,) = self.read("តារាចម្រៀង ហេង សុវណ្ណ បានប្រាប់ថា “ខ្ញុំនឹងចេញបទថ្មី”។")
        self.assertEqual(self.label(finding), "ហេង សុវណ្ណ")


class ReversedMarksTests(AttributionTestCase):
    """An outlet that writes every pair of curly marks reversed, ”…“."""

    def test_each_reversed_quote_is_found_whole(self):
        findings = self.read(
            "លោក សុខ ដារា បាននិយាយថា ”យើងនឹងមិនចុះចាញ់ទេ“ ។ លោកបន្តថា ”យើងនឹងតស៊ូ“ ។",
            "លោកស្រី ចាន់ ធីតា ឆ្លើយថា ”ខ្ញុំមិនយល់ស្របទេ“ ។",
        )
        self.assertEqual(
            [finding.text for finding in findings],
            ["យើងនឹងមិនចុះចាញ់ទេ", "យើងនឹងតស៊ូ", "ខ្ញុំមិនយល់ស្របទេ"],
        )
        self.assertSpeakers(findings, ["សុខ ដារា", "សុខ ដារា", "ចាន់ ធីតា"])
        self.assertSure(findings[2], "ចាន់ ធីតា")

    def test_a_paragraph_closing_a_quote_and_opening_the_next_is_not_reversed(self):
        findings = self.read(
            "លោក សុខ ដារា បាននិយាយថា “យើងនឹងមិនចុះចាញ់ទេ។",
            "ហើយយើងនឹងតស៊ូ” ។ លោកបន្តថា “យើងនឹងឈ្នះ។",
            "ពួកគេនឹងចាញ់” ។",
        )
        self.assertEqual(
            [finding.text for finding in findings],
            ["យើងនឹងមិនចុះចាញ់ទេ", "ហើយយើងនឹងតស៊ូ", "យើងនឹងឈ្នះ", "ពួកគេនឹងចាញ់"],
        )


class RelationTests(AttributionTestCase):
    """A person introduced by a relation to someone else named first."""

    def test_the_daughter_of_a_named_man(self):
        (finding,) = self.read(
            "កូនស្រីរបស់លោក ហេង សុវណ្ណ គឺកញ្ញា ហេង ស្រីពៅ ដែលកំពុងស្ថិតនៅបរទេស "
            "បានសម្តែងការបារម្ភនៅលើបណ្តាញសង្គមថា៖ «សុវត្ថិភាពរបស់ឪពុកខ្ញុំជាការសំខាន់»។",
        )
        self.assertSure(finding, "ហេង ស្រីពៅ")
        self.assertEqual(finding.role, "កូនស្រីរបស់លោក ហេង សុវណ្ណ")

    def test_the_wife_of_a_named_man(self):
        (finding,) = self.read(
            "ភរិយារបស់លោក ហេង សុវណ្ណ អ្នកស្រី ចាន់ ស្រីពៅ បាននិយាយថា «ខ្ញុំបារម្ភណាស់»។",
        )
        self.assertSure(finding, "ចាន់ ស្រីពៅ")
        self.assertEqual(finding.role, "ភរិយារបស់លោក ហេង សុវណ្ណ")

    def test_two_men_named_together_have_no_relation(self):
        (finding,) = self.read(
            "លោក ហេង សុវណ្ណ និងលោក ចាន់ ដារា បាននិយាយថា «យើងបារម្ភណាស់»។",
        )
        self.assertEqual(finding.role, "")


class HeadlineNameTests(AttributionTestCase):
    """A title names the speaker, no honorific, no quote marks; the body gives only the office."""

    def test_the_governor_is_the_man_the_title_names(self):
        (finding,) = self.read(
            "ហេង សុវណ្ណ៖ ខេត្តនឹងសាងសង់ផ្លូវថ្មី",
            "កំពត៖ អភិបាលខេត្តកំពត បាននិយាយថា «យើងនឹងសាងសង់ផ្លូវ ១០០ គីឡូម៉ែត្រ ក្នុងឆ្នាំនេះ»។",
        )
        self.assertChecked(finding, "ហេង សុវណ្ណ")
        self.assertEqual(finding.role, "អភិបាលខេត្តកំពត")

    def test_a_dateline_is_not_a_name(self):
        (finding,) = self.read(
            "ខេត្តនឹងសាងសង់ផ្លូវថ្មី",
            "ភ្នំពេញ៖ អភិបាលខេត្តកំពត បាននិយាយថា «យើងនឹងសាងសង់ផ្លូវ»។",
        )
        self.assertIsNone(finding.entity.name or None)


class DescribedAgainTests(AttributionTestCase):
    """A person re-found by what the story calls them takes that as a role."""

    def test_the_young_player_described_after_his_name(self):
        findings = self.read(
            "លោក ម៉ៅ វិចិត្រ បានចូលរួមហ្វឹកហាត់ជាមួយក្រុមវិញហើយ។",
            "កីឡាករវ័យក្មេងដែលទើបត្រឡប់មកវិញ បាននិយាយថា «ខ្ញុំសប្បាយចិត្តណាស់»។",
        )
        self.assertChecked(findings[-1], "ម៉ៅ វិចិត្រ")
        self.assertEqual(findings[-1].role, "កីឡាករវ័យក្មេង")


class DoubledSingleMarksTests(AttributionTestCase):
    """’’…’’ typed for “…”, spaced from the words, as some Khmer outlets write them."""

    def test_a_title_quoting_the_ministry_with_spaced_marks(self):
        findings = self.read(
            "ក្រសួងកសិកម្ម ៖ ’’ បងប្អូនកសិករត្រូវតែថែរក្សាដំណាំ កុំឱ្យខូចខាត ’’",
            "ភ្នំពេញ ៖ លោក សុខ ដារា បាននិយាយថា «យើងនឹងជួយ»។",
        )
        self.assertEqual(
            [finding.text for finding in findings],
            ["បងប្អូនកសិករត្រូវតែថែរក្សាដំណាំ កុំឱ្យខូចខាត", "យើងនឹងជួយ"],
        )
        self.assertChecked(findings[0], "ក្រសួងកសិកម្ម")

    def test_a_lone_pair_opening_after_the_colon_runs_to_the_end(self):
        (finding,) = self.read(
            "ក្រសួងកសិកម្ម ៖ ’’ បងប្អូនកសិករត្រូវតែថែរក្សាដំណាំ កុំឱ្យខូចខាត",
            "ភ្នំពេញ ៖ ក្រសួងកសិកម្មបានចេញសេចក្តីណែនាំថ្មីកាលពីម្សិលមិញ។",
        )
        self.assertEqual(finding.text, "បងប្អូនកសិករត្រូវតែថែរក្សាដំណាំ កុំឱ្យខូចខាត")
        self.assertChecked(finding, "ក្រសួងកសិកម្ម")

    def test_marks_glued_to_the_words_still_read(self):
        findings = self.read("លោក សុខ ដារា បាននិយាយថា ’’យើងនឹងមិនចុះចាញ់ទេ’’ ។ លោកបន្តថា ’’យើងនឹងតស៊ូ’’។")
        self.assertEqual([finding.text for finding in findings], ["យើងនឹងមិនចុះចាញ់ទេ", "យើងនឹងតស៊ូ"])


class NamedWithoutVerbTests(AttributionTestCase):
    """A person and their role, then the quote, with no speech verb between."""

    def test_the_spokeswoman_named_right_before_the_quote(self):
        findings = self.read(
            "ភ្នំពេញ ៖ ក្រសួងកសិកម្ម លោកជំទាវ ចាន់ ស្រីពៅ អ្នកនាំពាក្យក្រសួងកសិកម្ម “បងប្អូនកសិករត្រូវតែថែរក្សាដំណាំ។",
            "ខ្ញុំសូមអំពាវនាវដល់បងប្អូនទាំងអស់”។",
        )
        self.assertSpeakers(findings, ["ចាន់ ស្រីពៅ", "ចាន់ ស្រីពៅ"])
        self.assertChecked(findings[0], "ចាន់ ស្រីពៅ")

    def test_a_name_inside_a_longer_clause_is_not_the_speaker(self):
        (finding,) = self.read(
            "ភ្នំពេញ ៖ កសិករជាច្រើនបានជួបលោក ចាន់ ដារា កាលពីម្សិលមិញ "
            "“យើងត្រូវការទឹកសម្រាប់ស្រែរបស់យើងនៅរដូវប្រាំងនេះ។”",
        )
        self.assertNotEqual(self.label(finding), "ចាន់ ដារា")
