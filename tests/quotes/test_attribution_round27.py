"""
Quote attribution, issue 16, twenty-seventh round: patterns the unseen
batch 22 showed. Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class ClaimedByTests(AttributionTestCase):
    """
    “an “open conflict” as claimed by Interior Minister Sok Dara”: a passive
    credit after the quote gives the words to whoever comes after “by”, never
    to a description reading “as”.
    """

    def test_the_one_after_by_said_it(self):
        for verb in ["claimed", "described", "stated", "put"]:
            with self.subTest(verb=verb):
                (finding,) = self.read(
                    "Soldiers of both sides now face each other at the pass. Is the dispute "
                    f'heading for an "open conflict" as {verb} by Interior Minister Sok Dara?'
                )
                self.assertSpeaker(finding, "Sok Dara")
                self.assertEqual(finding.entity.role, "Interior Minister")

    def test_an_unnamed_one_after_by(self):
        (finding,) = self.read(
            'The river is now "too low to fish," as described by a fisherman in the village.'
        )
        self.assertSpeaker(finding, "a fisherman in the village")

    def test_as_alone_is_no_credit(self):
        """“as he said” is read as before: the pronoun's referent, not “as”."""
        findings = self.read(
            "Keo Sam, a farmer, walked the dry field.",
            "The rains were “late and thin,” as he said, and the rice would not wait.",
        )
        self.assertSpeakers(findings, ["Keo Sam"])


class InitialsInDescriptionsTests(AttributionTestCase):
    """
    “according to the U.S. government-backed broadcaster Radio Mekong”: the full
    stop of an initial does not end the description; “the U.S” is no source.
    """

    def test_the_broadcaster_is_the_source(self):
        (finding,) = self.read(
            "The ministry closed the station for news that was “false,” according to "
            "the U.S. government-backed broadcaster Radio Mekong."
        )
        self.assertSpeaker(finding, "Radio Mekong")

    def test_a_description_with_initials_is_whole(self):
        (finding,) = self.read("“The border is calm,” said a U.N. official who visited the area.")
        self.assertSpeaker(finding, "a U.N. official who visited the area")


class ChangedNameTests(AttributionTestCase):
    """
    “Dany*, a forest guide at Prek Toal Bird Camp,”: an asterisk marks a
    name changed to protect them. The one word is a person's name, read
    without its mark, and the quotes after it are theirs, not the last
    group or place the story named.
    """

    STORY = (
        "Speaking near the camp, Dany*, a forest guide at Prek Toal Bird Camp, admits that "
        "he would like schools to teach in his language. According to Forest Aid "
        "International (FAI), a charity working in the district, schools are far away.",
        "Dany values the river as “the road of the people”. Caught up in disputes over "
        "the banks, the villagers must know the law.",
        "But, he adds, “The river is the law of the forest.”",
    )

    def test_the_guide_said_both(self):
        findings = self.read(*self.STORY)
        self.assertSpeakers(findings, ["Dany", "Dany"])
        self.assertEqual(findings[1].entity.role, "a forest guide at Prek Toal Bird Camp")

    def test_the_mark_after_a_word_that_is_no_name(self):
        """“Monday*” is a footnote's mark on a day: nobody is named."""
        findings = self.read(
            "The office reopens on Monday*, officials said.",
            "“We are ready,” a clerk said.",
        )
        self.assertSpeakers(findings, ["a clerk"])


class HowTheSubjectSeesItTests(AttributionTestCase):
    """
    “The ministry sees the protest as “an illegal gathering””: the subject's
    words, as with “described … as”, whoever the story named before.
    """

    def test_sees_regards_values_views(self):
        for verb in ["sees", "regarded", "values", "viewed"]:
            with self.subTest(verb=verb):
                findings = self.read(
                    "Sok Dara, a farmer, sat by the road.",
                    f"The ministry {verb} the protest as “an illegal gathering”.",
                )
                self.assertSpeakers(findings, ["the ministry"])


class NameGivenAnAgeTests(AttributionTestCase):
    """
    “Tuk-tuk driver Dara, 45, said …”: a single word given an age is a
    person's name, and a quote run on over two paragraphs after it is theirs,
    not the one who spoke before.
    """

    def test_the_driver_speaks_after_the_manager(self):
        findings = self.read(
            "A hotel manager, who asked not to be named, told reporters on Monday that "
            "the town had not come back from the floods.",
            "“July is slow, but this is worse. We need help,” he said.",
            "Tuk-tuk driver Dara, 45, said feeding his family had become hard.",
            "“Fuel costs a lot now. Few visitors pay for the long trip.",
            "Many just hire me for a ride instead,” he said.",
        )
        self.assertSpeakers(findings, ["a hotel manager", "Dara", "Dara"])
        self.assertEqual(findings[1].entity.role, "Tuk-tuk driver")

    def test_a_month_given_a_date_is_no_name(self):
        findings = self.read(
            "The vote was moved to June, 12, officials said, and Keo Sam, a monk, objected.",
            "“June is too late,” Sam said.",
        )
        self.assertSpeakers(findings, ["Keo Sam"])


class KhmerVerbRunTests(AttributionTestCase):
    """
    “អ្នកស្រុកបានរៀបរាប់ប្រាប់អំពីហេតុការណ៍យប់នោះថា៖ «…»” (people of the district
    recounted, telling of that night, that …): two speech verbs one after the other
    are the same speaker's, and the speaker is the words before the first:
    “អ្នកស្រុក”, a clean description, not “អ្នកស្រុកបានរៀបរាប់” with a verb in it.
    """

    def test_the_villagers_recount(self):
        (finding,) = self.read(
            "កាលពីខែមករា បុរសម្នាក់ឈ្មោះ សុខ ដារា ត្រូវបានគេវាយនៅខេត្តកំពត។",
            "អ្នកស្រុកបានរៀបរាប់ប្រាប់អំពីហេតុការណ៍យប់នោះថា៖ «ពួកគេចូលមកទាំងយប់ហើយវាយគាត់»។",
        )
        self.assertEqual(finding.written, "អ្នកស្រុក")
        self.assertNotSure(finding)


class RoleNeverAVerbTests(AttributionTestCase):
    """
    “Keo Dara's 31-year-old mother, Lim Sophy, says she …”: what follows
    the name between commas is the sentence's verb, never her role; the role
    is the relative named in front, an age between.
    """

    def test_the_mother_in_front_is_the_role(self):
        findings = self.read(
            "A girl of nine died of bird flu in the province on Monday.",
            "Keo Dara's 31-year-old mother, Lim Sophy, says she still does not know how the "
            "girl caught it, a sign that the warnings have not reached the villages.",
            "“We did not know the chickens were sick,” she said.",
        )
        self.assertSpeakers(findings, ["Lim Sophy"])
        self.assertEqual(findings[0].entity.role, "Keo Dara's 31-year-old mother")

    def test_a_verb_after_the_name_is_no_role(self):
        for verb in ["says", "recalls", "insists", "adds", "believes"]:
            with self.subTest(verb=verb):
                findings = self.read(
                    f"Standing on the bank, Sok Dara, {verb} the water came at night, faster "
                    "than anyone had seen.",
                    "“We lost everything in an hour,” he said.",
                )
                self.assertSpeakers(findings, ["Sok Dara"])
                self.assertFalse(findings[0].entity.role.startswith(verb), findings[0].entity.role)


class AccentedLatinNamesTests(AttributionTestCase):
    """
    “លោក António Guterres មានប្រសាសន៍ថា «…»”: a foreign name in Latin letters
    keeps its accented letters, in Khmer text (it was cut to “Ant”) and in
    English (“said Đặng Văn Lâm” named nobody).
    """

    def test_the_whole_name_is_read(self):
        for name in ["António Guterres", "Zoë Müller", "José Ramos-Horta", "Đặng Văn"]:
            with self.subTest(name=name):
                (finding,) = self.read(f"លោក {name} មានប្រសាសន៍ថា «យើងនឹងធ្វើការងារនេះ»។")
                self.assertSpeaker(finding, name)

    def test_in_english_too(self):
        """A name that starts with an accented capital, or holds Vietnamese letters."""
        for name in ["Émile Dupont", "Đặng Văn Lâm", "Nguyễn Thị Hà", "Ólafur Arnalds"]:
            with self.subTest(name=name):
                (finding,) = self.read(f"“We will go,” said {name}, a trader from the border.")
                self.assertSure(finding, name)
                self.assertEqual(finding.entity.role, "a trader from the border")


class UnnamedSpokeToTests(AttributionTestCase):
    """
    “A hotel manager, who asked not to be named, spoke to reporters.” then
    ““…,” he said.”: the unnamed one who spoke is the “he”, as after “told”;
    nobody was found before.
    """

    def test_the_one_who_spoke_is_he(self):
        for sentence in [
            "A hotel manager spoke to reporters on condition of anonymity.",
            "A hotel manager, who asked not to be named, spoke with the Post on Monday.",
            "Another hotel manager talked to visiting journalists at the gate.",
        ]:
            with self.subTest(sentence=sentence):
                findings = self.read(sentence, "“The rooms have been empty since July,” he said.")
                self.assertIn(self.label(findings[0]), {"a hotel manager", "another hotel manager"})
                self.assertNotSure(findings[0])
