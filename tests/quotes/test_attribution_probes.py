"""
Quote attribution, issue 16: probes for confident mistakes, in the styles of
wire services (Reuters, AFP), VOA, UCA News, the Phnom Penh Post and Khmer
Times. Each probe is a reading that once went wrong at or above the
threshold, or one that must stay right while those were fixed.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class ProbeTestCase(AttributionTestCase):
    speaker_sure_by_default = True


class NameInsideADescriptionTests(ProbeTestCase):
    """A name after “of”, “for”, “close to” only says whose the speaker is."""

    def test_spokesman_for_a_named_person(self):
        (finding,) = self.read(
            "“We will respond in due course,” a spokesman for Prime Minister Hun Manet said."
        )
        self.assertSpeaker(finding, "a spokesman for Prime Minister Hun Manet")

    def test_source_close_to_a_named_person(self):
        (finding,) = self.read("“He is very angry,” a source close to Hun Sen told AFP.")
        self.assertSpeaker(finding, "a source close to Hun Sen")

    def test_lawyer_for_a_named_person_then_his_name(self):
        (finding,) = self.read("“We will appeal,” a lawyer for Kem Sokha, Ang Udom, said.")
        self.assertSpeaker(finding, "Ang Udom")

    def test_wife_of_a_named_person_is_not_him(self):
        (finding,) = self.read(
            "“He has not eaten for days,” the wife of Kong Raiya told reporters."
        )
        self.assertNotEqual(self.label(finding), "Kong Raiya")

    def test_said_someones_lawyer_then_his_name(self):
        findings = self.read(
            "Kem Sokha was released on bail on Tuesday.",
            "“My client has been treated unfairly,” said Kem Sokha's lawyer, Ang Udom.",
            "Would Kem Sokha travel? “He will decide later,” said his spokesman, Pen Bona.",
        )
        self.assertSpeaker(findings[0], "Ang Udom")
        self.assertSpeaker(findings[1], "Pen Bona")

    def test_mother_of_the_victim_named_after(self):
        (finding,) = self.read("The mother of the victim, Sok Kheng, said: “I want justice.”")
        self.assertSpeaker(finding, "Sok Kheng")


class WordsOfSomeoneElseTests(ProbeTestCase):
    """The one who reports what another said is not the speaker."""

    def test_said_a_police_officer_told_him(self):
        (finding,) = self.read(
            "Sok Dara said a police officer told him: “You must sign this paper.”"
        )
        self.assertSpeaker(finding, "a police officer")

    def test_told_by_a_named_official(self):
        (finding,) = self.read(
            "Villagers said they were told by commune chief Keo Sam: “Leave now or be arrested.”"
        )
        self.assertSpeaker(finding, "Keo Sam")

    def test_quote_first_then_said_someone_told_him(self):
        findings = self.read(
            "“You must leave by Friday,” Sok Dara said commune chief Keo Sam told him.",
            "“Pack your things,” Chan Thy said the officer told her.",
        )
        self.assertSpeaker(findings[0], "Keo Sam")
        self.assertNotIn(self.label(findings[1]), {"Chan Thy", "Sok Dara"})

    def test_quoted_or_cited_as_saying(self):
        findings = self.read(
            "Sok Eysan quoted Hun Sen as saying, “The opposition will never rule.”",
            "Pen Bona cited Hun Manet as saying: “We will not retaliate.”",
            "“We have no information,” the Post quoted Phay Siphan as saying.",
            "“The border is calm,” Tea Seiha was quoted as saying by Fresh News.",
            "Fresh News quoted Hun Sen as saying: “The opposition is finished.”",
        )
        self.assertEqual(
            [self.label(finding) for finding in findings],
            ["Hun Sen", "Hun Manet", "Phay Siphan", "Tea Seiha", "Hun Sen"],
        )

    def test_recalled_her_husband_saying(self):
        (finding,) = self.read(
            "Chea Sophy recalled her husband, Pen Sarith, saying: “Do not worry about me.”"
        )
        self.assertSpeaker(finding, "Pen Sarith")

    def test_partial_quote_of_the_one_who_had_said_it(self):
        findings = self.read(
            "“I never said that,” Sam Rainsy said in reply to Hun Sen, who had said "
            "“Rainsy is a traitor.”"
        )
        self.assertSpeaker(findings[0], "Sam Rainsy")
        self.assertEqual(self.label(findings[1]), "Hun Sen")

    def test_what_he_wrote_that_another_told_him(self):
        (finding,) = self.read(
            "Sam Rainsy wrote on Facebook that Hun Sen had once told him: "
            "“You will never come back.”"
        )
        self.assertSpeaker(finding, "Hun Sen")

    def test_said_another_had_said(self):
        (finding,) = self.read(
            "Sok Dara said that Keo Sam had told villagers: “You will get nothing.”"
        )
        self.assertSpeaker(finding, "Keo Sam")


class RelativeClauseTests(ProbeTestCase):
    def test_name_then_who_said(self):
        findings = self.read(
            "The group was led by Sam Sokha, who said: “We will not move.”",
            "Police arrested Chan Thy, who told them: “I have done nothing.”",
        )
        self.assertSpeaker(findings[0], "Sam Sokha")
        self.assertSpeaker(findings[1], "Chan Thy")

    def test_who_police_said_does_not_take_the_quote(self):
        (finding,) = self.read(
            "Chea Vanna, who police said was detained on Monday, told reporters: "
            "“I did nothing wrong.”"
        )
        self.assertSpeaker(finding, "Chea Vanna")


class DoubtfulContextTests(ProbeTestCase):
    """Where the reading leans on context that may name someone else, it stays below."""

    def test_credit_the_rules_cannot_read_is_not_the_last_speaker(self):
        findings = self.read(
            "“We want peace,” said Hun Manet. “And we want the border open,” Thai PM's "
            "aide Paetongtarn said."
        )
        self.assertSpeaker(findings[0], "Hun Manet")
        self.assertNotSure(findings[1])

    def test_colon_after_reported_speech_of_another(self):
        findings = self.read(
            "Sok Dara said the governor had a clear message for villagers:",
            "“Leave or be removed.”",
        )
        self.assertNotSure(findings[0])

    def test_colon_after_the_speaker(self):
        (finding,) = self.read(
            "Keo Sam, the commune chief, told the Post on Sunday:", "“The villagers must leave.”"
        )
        self.assertSpeaker(finding, "Keo Sam")


class WireStyleTests(ProbeTestCase):
    """Readings that were right, kept right."""

    def test_told_reuters_that_then_another_rejected(self):
        findings = self.read(
            "Opposition leader Sam Rainsy told Reuters that the vote was a sham, and Interior "
            "Ministry spokesman Touch Sovann rejected the claim.",
            "“They will not win by cheating,” Sovann said.",
        )
        self.assertSpeaker(findings[0], "Touch Sovann")

    def test_according_to_a_group_a_named_person_said(self):
        (finding,) = self.read(
            "According to Licadho, police chief Pol Sareth said: “No one was hurt.”"
        )
        self.assertSpeaker(finding, "Pol Sareth")

    def test_quote_with_another_persons_words_inside(self):
        (finding,) = self.read(
            "“When the minister told us ‘go home,’ we knew nothing would change,” said Chhim "
            "Sithar, the union leader."
        )
        self.assertSpeaker(finding, "Chhim Sithar")

    def test_told_the_post_and_told_voa(self):
        findings = self.read(
            "“We have not received any complaint,” provincial police chief Chuon Narin told the "
            "Post on Sunday.",
            "Kin Phea, director of the Royal Academy's international relations institute, told "
            "VOA Khmer that the talks were useful.",
            "“Both sides gained,” Phea said.",
        )
        self.assertSpeaker(findings[0], "Chuon Narin")
        self.assertSpeaker(findings[1], "Kin Phea")

    def test_speaking_at_a_ceremony_attended_by_another(self):
        (finding,) = self.read(
            "Speaking at a ceremony in Phnom Penh attended by Defence Minister Tea Seiha, Hun "
            "Manet said, “Cambodia will never allow a foreign base.”"
        )
        self.assertSpeaker(finding, "Hun Manet")

    def test_said_of_and_told_another(self):
        findings = self.read(
            "“He is a liar,” Sam Rainsy said of Hun Sen.",
            "“We are neighbours,” Hun Manet told Thai Prime Minister Srettha Thavisin.",
        )
        self.assertSpeaker(findings[0], "Sam Rainsy")
        self.assertSpeaker(findings[1], "Hun Manet")

    def test_asked_about_another_then_a_spokesman_answers(self):
        (finding,) = self.read(
            "Asked whether Prime Minister Hun Manet would attend, spokesman Pen Bona said: "
            "“He has other plans.”"
        )
        self.assertSpeaker(finding, "Pen Bona")

    def test_facebook_post_and_letter(self):
        findings = self.read(
            "“The people know the truth,” Um Sam An wrote in a Facebook post, responding to "
            "Information Minister Neth Pheaktra.",
            "In a letter to Prime Minister Hun Manet, union leader Ath Thorn asked for a meeting.",
            "“Workers are suffering,” Ath Thorn wrote.",
        )
        self.assertSpeaker(findings[0], "Um Sam An")
        self.assertSpeaker(findings[1], "Ath Thorn")

    def test_two_lawyers_and_his_lawyer(self):
        findings = self.read(
            "Kem Sokha did not speak to reporters.",
            "“He is innocent,” his lawyer Pheng Heng said.",
            "“We will appeal,” said Pheng Heng, who represents Kem Sokha.",
        )
        self.assertSpeaker(findings[0], "Pheng Heng")
        self.assertSpeaker(findings[1], "Pheng Heng")

    def test_person_of_an_organization(self):
        (finding,) = self.read("“This is unacceptable,” Licadho’s Am Sam Ath said.")
        self.assertSpeaker(finding, "Am Sam Ath")


class TitleQualifierTests(ProbeTestCase):
    """A title with a proper word the person's role lacks is someone else's."""

    def test_thai_spokesman_is_not_the_government_spokesman(self):
        findings = self.read(
            "Government spokesman Pen Bona said the border would stay closed.",
            "Thailand disagreed.",
            "“The closure hurts both sides,” the Thai spokesman said.",
            "“We have asked for talks,” the Foreign Ministry spokesman said.",
        )
        for finding in findings:
            self.assertNotEqual(self.label(finding), "Pen Bona")
            self.assertNotSure(finding)

    def test_title_whose_words_fit_is_still_the_person(self):
        findings = self.read(
            "Hun Manet met Chinese Foreign Minister Wang Yi on Monday.",
            "“China supports Cambodia,” the foreign minister said.",
            "Former Prime Minister Hun Sen spoke on Tuesday.",
            "“We will not give up,” the former prime minister said.",
        )
        self.assertSpeaker(findings[0], "Wang Yi")
        self.assertSpeaker(findings[1], "Hun Sen")


class PlainRoleInFrontTests(ProbeTestCase):
    def test_said_farmer_then_name(self):
        findings = self.read(
            "“We need water,” said farmer Sok Dara.",
            "“We need help,” said villager Chan Thy, as commune chief Nov Sam looked on.",
        )
        self.assertSpeaker(findings[0], "Sok Dara")
        self.assertEqual(findings[0].role, "farmer")
        self.assertSpeaker(findings[1], "Chan Thy")
