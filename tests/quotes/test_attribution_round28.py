"""
Quote attribution, issue 16, twenty-eighth round: patterns the unseen
batches 23, 24 and 25 showed, and the development stories. Every story
here is invented.
"""

from quotes.attribution.entities import SOURCE
from tests.support.attribution import AttributionTestCase

EARLIER = "The teacher was held on Monday. “Free him now,” said Keo Dara, the union's leader."


class OrganizationAfterTheQuoteTests(AttributionTestCase):
    """
    “…,” Amnesty International said.: an organization speaking right after a
    quote is the speaker, never the person who spoke in the paragraph before.
    Before, the space after the closing mark hid every organization there.
    """

    def assertSource(self, finding, name):
        self.assertSpeaker(finding, name)
        self.assertEqual(finding.entity.kind, SOURCE)

    def test_a_name_holding_an_organization_word(self):
        for written in ["Amnesty International", "Human Rights Watch", "the Ministry of Justice"]:
            with self.subTest(written=written):
                _earlier, finding = self.read(EARLIER, f"“The arrest is unlawful,” {written} said.")
                self.assertSource(finding, written.removeprefix("the "))

    def test_a_short_name_in_capitals(self):
        for name in ["LICADHO", "UNICEF", "RSF", "H&M", "M&V"]:
            with self.subTest(name=name):
                _earlier, finding = self.read(
                    EARLIER, f"“We take the reports seriously,” {name} said in a statement."
                )
                self.assertSource(finding, name)

    def test_a_name_with_its_short_name_in_brackets(self):
        """“Paris-based Reporters sans Frontières (RSF)”: where it is based is no part of it."""
        _earlier, first, second = self.read(
            EARLIER,
            "“His arrest harms press freedom,” Paris-based Reporters sans Frontières (RSF) "
            "said. “The court must let reporters work.”",
        )
        self.assertSource(first, "Reporters sans Frontières")
        self.assertSource(second, "Reporters sans Frontières")

    def test_a_title_in_capitals_is_no_organization(self):
        """“the PM said” is the person the story gave that title, as before."""
        (finding,) = self.read(
            "Prime Minister Hun Manet opened the bridge.", "“It is for everyone,” the PM said."
        )
        self.assertSpeaker(finding, "Hun Manet")


class WhatTheyCalledTests(AttributionTestCase):
    """
    “the sector faced what one analyst called a “crisis””: the word is the
    one who called it so, after “what”; never a description that reads
    “the sector faced what one analyst”.
    """

    def test_a_description_after_what(self):
        (finding,) = self.read(
            "Even before the floods, the lenders faced what one analyst called a “crisis.” "
            "Now the rains have come."
        )
        self.assertSpeaker(finding, "one analyst")

    def test_a_pronoun_after_what(self):
        findings = self.read(
            "We meet the village healer, Pen Sokha, at his shrine.",
            "He treats the girl with what he calls “old and new medicine together”.",
        )
        self.assertSpeakers(findings, ["Pen Sokha"])

    def test_a_name_after_what(self):
        (finding,) = self.read("Crowds filled what Sok Dara calls “the people's square”.")
        self.assertSpeaker(finding, "Sok Dara")


class OneWordNameAfterTheVerbTests(AttributionTestCase):
    """
    “…,” said Mony, another driver waiting nearby.: a one-word name followed
    by “another …” is a new person, not the one who spoke before.
    """

    def test_another_driver(self):
        findings = self.read(
            "“I had four regular customers,” Rith said. “Now I have none.”",
            "“Nobody has called me today,” said Mony, another driver waiting nearby.",
        )
        self.assertSpeakers(findings, ["Rith", "Rith", "Mony"])
        self.assertEqual(findings[2].entity.role, "another driver waiting nearby")

    def test_one_of_the_drivers(self):
        findings = self.read(
            "“I had four regular customers,” Rith said.",
            "“Nobody has called me today,” said Mony, one of the drivers.",
        )
        self.assertSpeakers(findings, ["Rith", "Mony"])


class PersonAndRelativeTests(AttributionTestCase):
    """
    “Chan Sreypov and her husband Ouk Vibol face losing their land.”: the
    husband's role is his kin, never an organization called “Chan Sreypov and”.
    """

    def test_the_husband(self):
        (finding,) = self.read(
            "Deep in debt, Chan Sreypov and her husband Ouk Vibol face losing their shop.",
            "“Everyone here owes money,” Vibol told reporters.",
        )
        self.assertSpeaker(finding, "Ouk Vibol")
        self.assertEqual(finding.entity.role, "husband of Chan Sreypov")
        self.assertNotIn("and", finding.entity.organization)


class UnnamedSubjectSayingTests(AttributionTestCase):
    """
    “In a video posted online, a Thai man in a cap … addresses the camera,
    saying, “…””: the unnamed man the sentence is about, not the paper named
    in the sentence before. Neither a place phrase in front nor a capitalised
    nationality or a word like “T-shirt” ends the description.
    """

    def test_after_a_place_phrase(self):
        (finding,) = self.read(
            "The Daily Star reported that police are looking for a gang. In a video posted "
            "online, a Thai man in a T-shirt standing by a truck, all smiles, addresses the "
            "camera, saying, “This road belongs to me now.” The road runs to the border."
        )
        self.assertSpeaker(finding, "a Thai man in a T-shirt")

    def test_opening_the_sentence(self):
        (finding,) = self.read(
            "The Daily Star reported on the gang. A man in a T-shirt faced the crowd, "
            "saying: “This road belongs to me now.”"
        )
        self.assertSpeaker(finding, "a man in a T-shirt")


class KingsStyleTests(AttributionTestCase):
    """
    The King's style in Khmer (ព្រះករុណា, ព្រះបាទសម្តេចព្រះ) is an honorific
    before his name, and មានព្រះរាជបន្ទូលថា his speech verb: the name is the
    speaker, with his office as the role.
    """

    def test_the_king_speaks(self):
        for style in [
            "ព្រះករុណា ព្រះបាទសម្ដេចព្រះ",
            "ព្រះករុណា",
            "ព្រះបាទ",
            "ព្រះករុណា សម្តេចព្រះបរមនាថ",
        ]:
            with self.subTest(style=style):
                (finding,) = self.read(
                    f"{style} នរោត្តម សុវណ្ណ ព្រះមហាក្សត្រ បានមានព្រះរាជបន្ទូលថា៖"
                    "«[…យើងត្រូវរក្សាវប្បធម៌របស់យើង…]»។"
                )
                self.assertSpeaker(finding, "នរោត្តម សុវណ្ណ")
                self.assertEqual(finding.entity.role, "ព្រះមហាក្សត្រ")


class TitleToACountryTests(AttributionTestCase):
    """
    “Cambodian Ambassador to North Korea Chan Vuthy said he …”: the
    country after “Ambassador to” is part of the title, never the name; a
    later “he” is the ambassador, not “South Korea”.
    """

    def test_two_word_countries(self):
        for country in ["South Korea", "North Korea", "the Philippines", "Singapore"]:
            with self.subTest(country=country):
                (finding,) = self.read(
                    f"Cambodian Ambassador to {country} Chan Vuthy said on Monday he was "
                    "worried about the quota.",
                    "“We ask them to keep the quota as it is,” he said.",
                )
                self.assertSpeaker(finding, "Chan Vuthy")


class KhmerOneOfAnAudienceTests(AttributionTestCase):
    """
    “ភ្លាមៗនោះអ្នកគាំទ្រក្រុមម្នាក់…បាននិយាយថា «…»”: a word for “right then”
    glued to the description does not hide it, and one fan (ម្នាក់) is a
    person, not the fans.
    """

    def test_one_fan_right_then(self):
        for lead in ["ភ្លាមៗនោះ", "ចំណែក", "បន្ទាប់មក", ""]:
            with self.subTest(lead=lead):
                (finding,) = self.read(
                    "ក្រុមអង្គរ បានឈ្នះការប្រកួតកាលពីយប់មិញ។",
                    f"{lead}អ្នកគាំទ្រក្រុមបាយ័នម្នាក់បាននិយាយថា៖«យើងនឹងមកម្តងទៀត»។",
                )
                self.assertSpeaker(finding, "អ្នកគាំទ្រក្រុមបាយ័នម្នាក់")
                self.assertEqual(finding.entity.kind, "person")

    def test_the_fans_are_a_group(self):
        (finding,) = self.read(
            "ក្រុមអង្គរ បានឈ្នះការប្រកួតកាលពីយប់មិញ។",
            "អ្នកគាំទ្រក្រុមបាយ័នបាននិយាយថា៖«យើងនឹងមកម្តងទៀត»។",
        )
        self.assertEqual(finding.entity.kind, "group")


class KhmerSpeechVerbTypedWithTheWrongSignTests(AttributionTestCase):
    """
    មានប្រសាសន៏, typed with ៏ for the last sign of មានប្រសាសន៍, is the same
    speech verb: the one named before it speaks, with the title glued to
    លោក as the role; the title alone after it is the same person.
    """

    def test_the_misspelled_verb(self):
        (first, second) = self.read(
            "លោកប្រធានក្រុមប្រឹក្សា Peter Lund មានប្រសាសន៏ថា លោកនឹងជួប «ដើម្បីបញ្ចប់ជម្លោះនេះ»។ "
            "លោកប្រធានក្រុមប្រឹក្សា អះអាងថា «យើងមិនអាចរង់ចាំបានទេ»។"
        )
        self.assertSpeaker(first, "Peter Lund")
        self.assertSpeaker(second, "Peter Lund")

    def test_very_is_still_very(self):
        """ដ៏ (“very”) keeps its sign: a story with it reads as before."""
        (finding,) = self.read("លោក សុខ ដារា បាននិយាយថា «នេះជាថ្ងៃដ៏ល្អ»។")
        self.assertSpeaker(finding, "សុខ ដារា")


class NameThenWhatTheyDoTests(AttributionTestCase):
    """
    “An old farmer Keo Dara representing the village said …”: a name with
    what the person does after it, before the verb, is the speaker; the
    description in front and what they do are the role, never an unnamed
    “old farmer Keo Dara representing the village”.
    """

    def test_the_named_person_speaks(self):
        findings = self.read(
            "An old farmer Keo Dara representing the village said the bridge was old. "
            "“We thank the builders,” he said."
        )
        self.assertSpeakers(findings, ["Keo Dara"])
        self.assertEqual(findings[0].entity.role, "an old farmer representing the village")

    def test_a_title_and_a_name_after_a_company(self):
        """“Mekong Tours managing director Ana Ruiz said”: no participle, as before."""
        findings = self.read(
            "Mekong Tours managing director Ana Ruiz said bookings fell. “It is hard,” she said."
        )
        self.assertSpeakers(findings, ["Ana Ruiz"])


class KhmerLatinNamesOfTeamsTests(AttributionTestCase):
    """
    In Khmer text, a name in Latin letters after “of”, a team, a club or a
    company (“ខ្សែប្រយុទ្ធរបស់ក្រុម Lyon United”) is whose the role is, never a
    person a later description could mean; a foreign name glued to the Khmer
    word before it (“…ដែលMartens និយាយ…”) is a person.
    """

    def test_the_team_is_no_person(self):
        (finding,) = self.read(
            "ខ្សែប្រយុទ្ធរបស់ក្រុម Lyon United បានធ្វើឲ្យអ្នកគាំទ្រភ្ញាក់ផ្អើល។",
            "នេះជាលើកទីពីរហើយដែលMartens និយាយពីខ្លួនឯង។ កីឡាករល្បីបំផុតរូបនេះបាននិយាយថា «ខ្ញុំពូកែជាងគេ»។",
        )
        self.assertSpeaker(finding, "Martens")

    def test_a_coach_of_a_team_is_still_named(self):
        (finding,) = self.read("អ្នកចាត់ការក្រុម Lyon United លោក Hans Martens និយាយថា «យើងល្អ»។")
        self.assertSpeaker(finding, "Hans Martens")


class KhmerQuoteOpeningOnAForeignNameTests(AttributionTestCase):
    """
    “… បាននិយាយថា៖ ” Martens បាន… ” ។”: a ” after what introduces a quote
    opens it even when the quote's first word is a name in Latin letters.
    """

    def test_the_quote_is_found(self):
        (finding,) = self.read("លោក Hans Martens បាននិយាយទៀតថា៖ ” Lyon United បានបើកផ្លូវសម្រាប់យើង ” ។")
        self.assertEqual(finding.text, "Lyon United បានបើកផ្លូវសម្រាប់យើង")
        self.assertSpeaker(finding, "Hans Martens")


class WhomTheWordsMeanTests(AttributionTestCase):
    """
    “… for criticising the nation's “great helmsman,” Prime Minister Keo Dara,
    according to the Daily.”: the name after a term in quotes is whom the
    words mean; the one after “according to” said them.
    """

    def test_according_to_after_the_name(self):
        (finding,) = self.read(
            "Police chief Lim Sam said the singer was held for mocking the nation's “great "
            "helmsman,” Prime Minister Keo Dara, according to the Mekong Daily."
        )
        self.assertSpeaker(finding, "the Mekong Daily")

    def test_said_then_according_to_is_as_before(self):
        (finding,) = self.read("“We will stay,” Keo Dara said, according to the Mekong Daily.")
        self.assertSpeaker(finding, "Keo Dara")


class ToldByTests(AttributionTestCase):
    """““…” I was told by Sok Vanna, a guard.”: the one after “by” told it."""

    def test_a_name_after_told_by(self):
        findings = self.read(
            "“I was glad when I heard it,” I was told by Sok Vanna, a former guard. “It was fair.”"
        )
        self.assertSpeakers(findings, ["Sok Vanna", "Sok Vanna"])
        self.assertEqual(findings[0].entity.role, "a former guard")

    def test_a_description_after_told_by(self):
        (finding,) = self.read("“Nobody came,” we were told by a guard at the gate.")
        self.assertSpeaker(finding, "a guard at the gate")


class AccentedOneWordNamesTests(AttributionTestCase):
    """
    One-word names keep their accents, as full names do: “Émile*” marked as
    changed, “Đặng, another driver”, “Élodie, 41,” are people.
    """

    def test_a_changed_name(self):
        (finding,) = self.read(
            "Émile*, a guide at the lake, walked ahead. “The water is the law,” said Émile."
        )
        self.assertSpeaker(finding, "Émile")
        self.assertEqual(finding.entity.role, "a guide at the lake")

    def test_after_the_verb(self):
        for written in ["Đặng, another driver", "Élodie, 41, a fisher"]:
            with self.subTest(written=written):
                findings = self.read(
                    "“I had four regular customers,” Rith said.",
                    f"“Nobody has called me today,” said {written}.",
                )
                self.assertSpeakers(findings, ["Rith", written.split(",")[0]])
