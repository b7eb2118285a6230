"""
Quote attribution, issue 16, nineteenth round (English): the patterns the
unseen batch 13 showed, several of them seen in batches 8–12 as well. Each
test class names a pattern and tries it in several wordings, with the
readings it must not take.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class PlaceOrBusinessIsNoManTests(AttributionTestCase):
    """
    “he” never means a casino, a hotel or a wildlife sanctuary named just
    before: an unnamed man who is the subject of the sentence before (“a
    floor manager … emerges and denies …”) is whom “he” means.
    """

    def test_he_is_the_unnamed_manager_not_the_casino(self):
        findings = self.read(
            "Gaming town",
            "Past the guards of Golden Lotus Casino, the hall is quiet.",
            "Near the cashier, a shift supervisor in a grey suit steps out and denies "
            "that the tables take bets from abroad.",
            "“Everyone here plays in person,” he insists.",
        )
        self.assertEqual(self.label(findings[0]), "a shift supervisor in a grey suit")

    def test_he_skips_a_sanctuary_for_the_man_named_before(self):
        findings = self.read(
            "Loggers",
            "Ranger Mao Sovan has patrolled the border for ten years.",
            "Mao Sovan suspects the loggers are paid. Most of them work inside Kbal Chhay "
            "Wildlife Sanctuary.",
            "“They come at night with trucks,” he said.",
        )
        self.assertSpeakers(findings, ["Mao Sovan"])

    def test_a_hotel_is_no_speaker_for_he(self):
        findings = self.read(
            "Tourism",
            "Kim Rotha, a tour guide, waited outside Riverside Hotel.",
            "“The buses stopped coming,” he said.",
        )
        self.assertSpeakers(findings, ["Kim Rotha"])

    def test_a_role_given_in_the_sentence_stays_with_its_subject(self):
        findings = self.read(
            "Claim",
            "The union says that Sem Vuthy, director of a high school in Kandal, took the "
            "fees, a claim Sem Vuthy denies.",
            "“Ask the teachers,” Sem Vuthy said.",
        )
        self.assertSpeakers(findings, ["Sem Vuthy"])
        self.assertEqual(findings[0].entity.role, "director of a high school in Kandal")


class TwoWordRankTests(AttributionTestCase):
    """
    A rank of two words before a one-word name (“Sgt Maj Vichet”, “Chief
    Warrant Dara”): both words are the rank, the name is the last word.
    """

    def test_the_second_rank_word_is_no_given_name(self):
        findings = self.read(
            "Border crossing",
            "Sgt Maj Vichet counted the trucks at the gate.",
            "“About two hundred a day come back now,” he said.",
        )
        self.assertSpeakers(findings, ["Vichet"])

    def test_chief_warrant_before_a_name(self):
        findings = self.read(
            "Checkpoint",
            "Chief Warrant Officer Bunna Keo said the road was closed.",
            "“Nobody passes after dark,” he said.",
        )
        self.assertSpeakers(findings, ["Bunna Keo"])


class HeadlineVerbIsNoNameTests(AttributionTestCase):
    """
    A title-case headline's verb (“Cambodian Leader Praises Trump”) is never
    part of a name; “the Cambodian leader” later is the prime minister or
    president the story named.
    """

    def test_the_headline_verb_makes_no_person(self):
        findings = self.read(
            "Regional Leader Hails Summit, Warns ‘Troublemakers’",
            "Prime Minister Sok Virak spoke to officials on Monday about the summit.",
            "“We will not let anyone spoil it,” the Cambodian leader was quoted as saying. "
            "“Our guests are safe here,” he added.",
        )
        self.assertSpeakers(findings, ["Sok Virak", "Sok Virak"])

    def test_a_name_before_the_headline_verb_stays(self):
        findings = self.read(
            "Chan Sophy Slams Rivals Over Budget",
            "“They cannot count,” Chan Sophy said.",
        )
        self.assertSpeakers(findings, ["Chan Sophy"])

    def test_a_leader_of_a_party_is_no_prime_minister(self):
        findings = self.read(
            "Vote",
            "Prime Minister Sok Virak called the vote for July.",
            "Meas Dany, the opposition leader, was in Paris.",
            "“We will be back before the campaign,” the opposition leader said.",
        )
        self.assertSpeakers(findings, ["Meas Dany"])


class SourceLineThenNamedSpeakerTests(AttributionTestCase):
    """
    A blogger's line naming the outlet it copies (“The Daily:”) stands
    before a quote whose own credit names its speaker by one word (“said
    Nary, a 30-year-old who …”): the named speaker, not the outlet.
    """

    def test_a_one_word_name_with_a_persons_apposition_speaks(self):
        findings = self.read(
            "Migrants",
            "From the Mekong Times:",
            "“They drove us to the border at night,” said Nary, a 30-year-old who worked on "
            "a farm for three years. “Nobody paid us,” she added.",
        )
        self.assertSpeakers(findings, ["Nary", "Nary"])

    def test_an_age_alone_is_a_persons_apposition_too(self):
        findings = self.read(
            "Market",
            "“Prices went up twice this month,” said Sreypov, 41, who sells fish.",
        )
        self.assertSpeakers(findings, ["Sreypov"])

    def test_a_group_after_said_stays_a_group(self):
        findings = self.read(
            "Report",
            "“The arrests must stop,” said Licadho, a rights group based in Phnom Penh.",
        )
        entity = findings[0].entity
        self.assertFalse(entity is not None and entity.is_person)


class HeadingRunIntoParagraphTests(AttributionTestCase):
    """
    A profile's section heading run into its paragraph (“A new generation
    with big dreams According to Dara, …”) is no unnamed speaker; “according
    to” and a word of the full name given before is that person.
    """

    def test_the_heading_is_no_speaker(self):
        findings = self.read(
            "Profile",
            "Born in Kampot in 1980, Virak Lim moved to France aged five. He went on to run "
            "a crafts company.",
            "A new generation with big dreams According to Virak, energy is not lacking. "
            "“Business is great here.”",
            "What drives them? Virak believes that it is simply “hunger – the will to rise.”",
        )
        self.assertSpeakers(findings, ["Virak Lim", "Virak Lim"])
        for finding in findings:
            self.assertNotSure(finding)

    def test_according_to_a_paper_stays_the_paper(self):
        findings = self.read(
            "Floods",
            "Sok Dara, a farmer, lost his crop.",
            "According to Kampuchea Thmey, “the water rose two metres in a night.”",
        )
        self.assertNotEqual(self.label(findings[0]), "Sok Dara")


class NameMetOnlyAsOwnerTests(AttributionTestCase):
    """
    A full name met only as an owner (“President Maria Lopez’s visit”) is
    still a person: “Lopez” later is her, not an unknown one-word name.
    """

    def test_the_short_name_is_the_owner_named_before(self):
        findings = self.read(
            "Visit",
            "Officials praised President Maria Lopez’s visit to the port.",
            "Lopez has often called the trade deal “a bridge between friends.”",
        )
        self.assertSpeakers(findings, ["Maria Lopez"])
        self.assertNotSure(findings[0])

    def test_an_owner_is_not_whom_he_means_before_the_subject(self):
        findings = self.read(
            "Court",
            "Chan Vuthy met Sok Heng’s lawyer on Monday.",
            "“The case is closed,” he said.",
        )
        self.assertSpeakers(findings, ["Chan Vuthy"])


class QuoteThenItsSpeakerTests(AttributionTestCase):
    """
    A list of the year's remarks: a quote opening its paragraph with no
    credit, then a sentence whose subject is the speaker (“Governor Sok
    Dara lets his feelings be known.”): that speaker, checked.
    """

    def test_the_next_sentences_subject_said_it(self):
        findings = self.read(
            "Remarks of the year",
            "“Our workers are the best,” said Union leader Meas Sopheap.",
            "“That road is a river of mud.” Governor Chan Rithy lets his feelings about "
            "National Road 5 be known. Builders said the rain came early.",
        )
        self.assertSpeakers(findings, ["Meas Sopheap", "Chan Rithy"])
        self.assertNotSure(findings[1])

    def test_a_credited_quote_keeps_its_credit(self):
        findings = self.read(
            "Remarks",
            "“We will rebuild,” Keo Sina said. Chan Rithy disagreed with the plan.",
        )
        self.assertSpeakers(findings, ["Keo Sina"])


class TwoSubjectsShareAQuoteTests(AttributionTestCase):
    """
    “Sok Dara, the governor, and Mr Lim have said the port is a “gift””:
    the first named is credited, below the threshold, with a note.
    """

    def test_the_first_of_two_subjects_is_credited(self):
        findings = self.read(
            "Port",
            "Sok Dara, the provincial governor, and Mr Lim have said the new port is a "
            "“gift to both nations”.",
        )
        self.assertSpeakers(findings, ["Sok Dara"])
        self.assertNotSure(findings[0])
        self.assertIn("Two people share these words", findings[0].note)

    def test_one_subject_is_credited_plainly(self):
        findings = self.read(
            "Port",
            "Governor Sok Dara has said the new port is a “gift to both nations”.",
        )
        self.assertSpeakers(findings, ["Sok Dara"])


class ClauseSplitByABlankLineTests(AttributionTestCase):
    """
    An old copy's hard line breaks turned into blank lines: a clause ending
    on a comma goes on in the next paragraph (“The source, when asked
    whether …,” / “would only say that X had been “…””); the source said it,
    not whoever the aside names.
    """

    def test_the_source_across_the_break_said_it(self):
        findings = self.read(
            "Dinner",
            "Prime Minister Chan Rithy hosted the visitors at his villa.",
            "A source close to the firm, who asked not to be named, confirmed the dinner.",
            "The source, when asked whether the firm's founder Dr Lim Heng met Chan Rithy,",
            "would only say that Lim had been “busy with the accounts.”",
        )
        self.assertSpeakers(findings, ["a source close to the firm"])
        self.assertNotSure(findings[0])

    def test_a_paragraph_ending_on_a_full_stop_stays_apart(self):
        findings = self.read(
            "Dinner",
            "Chan Rithy hosted the visitors.",
            "“it was a good night,” Keo Sina said.",
        )
        self.assertSpeakers(findings, ["Keo Sina"])
