"""
Quote attribution, issue 16, eleventh round: the patterns the finder missed in
the sixth batch of real stories, once it was folded into development. Each
test class names a pattern and tries it in several wordings.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class SetPhraseBeforeVerbTests(AttributionTestCase):
    """“Judge Sam in return labelled the defence a “…””: a phrase between subject and verb."""

    def test_a_partial_quote_after_in_return(self):
        findings = self.read(
            "Presiding judge Keo Sam opened the hearing on Monday.",
            "Judge Sam in return labelled the defence a “careless legal team” and left the room.",
        )
        self.assertEqual(self.labels(findings), ["Keo Sam"])

    def test_for_his_part_before_said(self):
        (finding,) = self.read("Chan Dara, for his part, said: “We will appeal the ruling.”")
        self.assertSure(finding, "Chan Dara")

    def test_a_description_keeps_only_its_noun_phrase(self):
        (finding,) = self.read(
            "The governor in response called the protest “a show for the cameras” on Friday."
        )
        self.assertEqual(self.label(finding), "the governor")


class PhotoCreditTests(AttributionTestCase):
    """A caption ending with its photographer's name: the photographer said nothing."""

    def test_a_pull_quote_after_a_caption_is_left_to_check(self):
        findings = self.read(
            "Sok Nary (left) speaks to villagers in Kampot in 2019. Heng Vibol",
            "“Nobody listens to us until the water comes,”",
            "Kampot provincial governor Mao Rith was replaced yesterday, a week after floods.",
        )
        (finding,) = findings
        self.assertIsNone(finding.entity)
        self.assertNotIn("Heng Vibol", finding.note)

    def test_the_photographer_is_no_speaker_later(self):
        findings = self.read(
            "Farmers plant rice near Takeo in June. Chea Ratha",
            "Farmer Lim Sophy said the rains came late.",
            "“We planted twice,” she said.",
        )
        self.assertEqual(self.labels(findings), ["Lim Sophy"])

    def test_a_sentence_ending_in_a_name_with_a_full_stop_is_no_caption(self):
        findings = self.read(
            "The award went to the reporter Chea Ratha.",
            "“I did not expect it,” she said.",
        )
        self.assertEqual(self.labels(findings), ["Chea Ratha"])


class InstitutionAsItTests(AttributionTestCase):
    """“it said”, “what it called “…””: the institution the story named, however it named it."""

    def test_a_group_named_after_its_description(self):
        findings = self.read(
            "The Cambodian rights group Vigil called the ruling “a sad day.” "
            "“The court has punished young people for speaking,” it said.",
        )
        self.assertEqual(self.labels(findings), ["Vigil", "Vigil"])

    def test_a_spokesman_for_a_group_is_still_a_person(self):
        (finding,) = self.read(
            "A spokesman for local rights group Vigil said the arrests “hurt every reporter.”"
        )
        self.assertEqual(self.label(finding), "a spokesman for local rights group Vigil")

    def test_what_it_called_after_an_institution_opening_the_sentence(self):
        (finding,) = self.read(
            "After the count, the National Press Council criticized what it "
            "called a “slow squeeze” on local reporting."
        )
        self.assertEqual(self.label(finding), "the National Press Council")

    def test_the_broadcaster_is_the_one_publication_named(self):
        findings = self.read(
            "Two former Radio Angkor reporters were arrested on Monday.",
            "The foreign-funded broadcaster shut its office last year amid what it called "
            "a “campaign of fear” against the press.",
        )
        self.assertEqual(self.labels(findings), ["Radio Angkor"])

    def test_a_document_named_by_an_inverted_verb(self):
        findings = self.read(
            "The Defence Ministry's spokesman issued a statement on Monday.",
            "Lately, pointed out the statement, some outlets have spread false reports.",
            "“These reports are invented,” it stressed.",
        )
        self.assertEqual(self.labels(findings), ["the statement"])

    def test_it_after_a_person_subject_is_not_the_person(self):
        (finding,) = self.read(
            "The minister criticized what it called a “biased report” in the newspaper."
        )
        self.assertNotEqual(self.label(finding), "the minister")


class PlaceBeforePlaceWordTests(AttributionTestCase):
    """“… from Takeo and Kompong Cham provinces”: a place, never the “she” who speaks."""

    def test_the_pronoun_goes_to_the_woman_named_after_the_places(self):
        findings = self.read(
            "Workers from Takeo and Kompong Cham provinces have come home, officials said.",
            "So Nary, 58, said her son had lost his job at a farm.",
            "“He called me at night and said he was afraid,” she said.",
        )
        self.assertEqual(self.labels(findings), ["So Nary"])

    def test_a_district_is_a_place_too(self):
        findings = self.read(
            "Families in Sre Ambel district lost their crops.",
            "“The water came in one night,” she said.",
        )
        self.assertIsNone(findings[0].entity)


class AgeThenVerbTests(AttributionTestCase):
    """“So An, 62, said …”: a family name spelt like a word, then an age and a verb."""

    def test_a_two_word_name_with_an_age(self):
        findings = self.read(
            "On Rin, 45, said the water was rising.", "“We left at dawn,” she said."
        )
        self.assertEqual(self.labels(findings), ["On Rin"])


class TitleToCountryTests(AttributionTestCase):
    """“…,” tweeted US ambassador to Cambodia Jane Roe.: a title to a country, then a name."""

    def test_the_name_with_its_role(self):
        findings = self.read(
            "“The sentence raises serious questions,” tweeted US ambassador to Cambodia Jane Roe.",
            "“Courts should not silence activists,” she added.",
        )
        self.assertEqual(self.labels(findings), ["Jane Roe", "Jane Roe"])
        self.assertEqual(findings[0].role, "US ambassador to Cambodia")
        self.assertSure(findings[0], "Jane Roe")

    def test_posted_before_the_speaker(self):
        (finding,) = self.read("“We stand with the workers,” posted union leader Chea Mony.")
        self.assertSure(finding, "Chea Mony")


class WithParticipleTests(AttributionTestCase):
    """“…, with villager Sok Dara calling for the wall to be “torn down.””: his words."""

    def test_the_partial_quote_and_the_pronoun_after_it(self):
        findings = self.read(
            "Keo Sam, a border official, said he feared more shelling.",
            "Residents were angry, with 60-year-old farmer Lim Chan calling for the guns to be "
            "“silenced for good.”",
            "“They promised peace,” he said.",
        )
        self.assertEqual(self.labels(findings), ["Lim Chan", "Lim Chan"])
        self.assertNotSure(findings[1])

    def test_with_and_a_thing_is_no_speaker(self):
        (finding,) = self.read(
            "Chan Dara said the talks ended, with the statement calling the offer “final.”"
        )
        self.assertNotEqual(self.label(finding), "the statement")


class PronouncedTests(AttributionTestCase):
    """“…,” Presiding Judge Lim Dara pronounced the verdict.: a judge's words."""

    def test_the_judge_after_the_quote(self):
        findings = self.read(
            "Opposition leader Keo Sam was sued after an interview.",
            "“The court orders Keo Sam to pay 1 billion riels,” Presiding Judge Lim Dara "
            "pronounced the verdict.",
        )
        self.assertEqual(self.labels(findings), ["Lim Dara"])

    def test_pronounced_dead_is_nobody_speaking(self):
        (finding,) = self.read(
            "Chan Dara was pronounced dead at the hospital. “He was kind,” a neighbour said."
        )
        self.assertEqual(self.label(finding), "a neighbour")


class CapitalInvertedVerbTests(AttributionTestCase):
    """““… .” Said Chan Dara, a teacher.”: the verb after the quote written with a capital."""

    def test_said_with_a_capital_after_a_full_stop(self):
        findings = self.read(
            "“There are two schools in the village.” Said Chan Dara, head of the parents' "
            "association. “Both need roofs.”",
            "“We learn at home first.” Said Keo Nary, a student from the next village.",
        )
        self.assertEqual(self.labels(findings), ["Chan Dara", "Chan Dara", "Keo Nary"])


class VerbsOfFeatureWritingTests(AttributionTestCase):
    """“…,” Mr Theap laughs. / “…,” Mr Theap remembers.: feature writing's speech verbs."""

    def test_laughs_and_remembers(self):
        findings = self.read(
            "Chan Vuthy trains the rats every morning.",
            "“My favourite one is the smallest,” Mr Vuthy laughs.",
            "“We called the camp a prison,” Mr Vuthy remembers.",
        )
        self.assertEqual(self.labels(findings), ["Chan Vuthy", "Chan Vuthy"])


class RelativeAsSpeakerTests(AttributionTestCase):
    """“…,” her father said.: a relative of someone named, unnamed, never nobody."""

    def test_her_father(self):
        findings = self.read(
            "Keo Nita, 25, died of the fever on Monday.",
            "“We are all afraid now,” her father said. “Nobody tells us anything.”",
        )
        self.assertEqual(self.labels(findings), ["her father", "her father"])
        self.assertNotSure(findings[0])

    def test_a_named_persons_mother_and_an_inverted_widow(self):
        findings = self.read(
            "“I sold the last hen,” Sok Dara's mother said.",
            "“He was kind to everyone,” said his widow.",
        )
        self.assertEqual(self.labels(findings), ["Sok Dara's mother", "his widow"])


class ColonIntroductionTests(AttributionTestCase):
    """“A rights worker goes further: “…””: no speech verb, a colon, then the quote."""

    def test_a_description_goes_further(self):
        findings = self.read(
            "The embassy said the verdict “raises doubts.” A local rights worker goes "
            "further: “The verdict was written in advance.”"
        )
        self.assertEqual(self.labels(findings), ["the embassy", "a local rights worker"])

    def test_a_name_put_it_bluntly(self):
        findings = self.read("Keo Sam, a farmer, put it bluntly: “We lost everything.”")
        self.assertEqual(self.labels(findings), ["Keo Sam"])
        self.assertNotSure(findings[0])
