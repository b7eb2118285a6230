"""
Quote attribution, issue 16, tenth round: the patterns the finder missed in
the fifth fresh batch of real stories, once it was folded into development.
Each test class names a pattern and tries it in several wordings.

Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class DeterminerSlipTests(AttributionTestCase):
    """“…,” the Sok Dara said.: a stray “the” before a name the story gave."""

    def test_the_before_a_full_name_is_that_person(self):
        findings = self.read(
            "“We will build a new stadium,” Governor Keo Sam said on Monday.",
            "“Our teams have waited long enough,” the Keo Sam said.",
        )
        self.assertEqual(self.labels(findings), ["Keo Sam", "Keo Sam"])
        self.assertFalse(findings[1].entity.description.startswith("the"))

    def test_a_title_is_still_a_title(self):
        findings = self.read(
            "“The road opens in May,” Governor Keo Sam said.",
            "“It cost less than planned,” the governor said.",
        )
        self.assertEqual(self.labels(findings), ["Keo Sam", "Keo Sam"])

    def test_an_unknown_name_after_the_is_not_made_a_person(self):
        (finding,) = self.read("“We lost the boats,” the Mekong Fishers said.")
        self.assertIsNone(finding.entity.name or None)


class LongTitleAfterSaidTests(AttributionTestCase):
    """“…,” said <Organization of Country> Secretary General <Name>, himself a …"""

    def test_an_organization_with_of_before_the_title(self):
        (finding,) = self.read(
            "“Our boxers trained harder than ever,” said Football Federation of Cambodia "
            "Secretary General Chhun Dara, himself a former goalkeeper who played abroad."
        )
        self.assertSure(finding, "Chhun Dara")
        self.assertEqual(finding.entity.role, "Football Federation of Cambodia Secretary General")

    def test_an_aside_with_himself_is_no_role(self):
        (finding,) = self.read(
            "“The medals are for the farmers,” said coach Lim Pov, herself a champion once."
        )
        self.assertEqual(self.label(finding), "Lim Pov")
        self.assertNotIn("herself", finding.entity.role)


class InvertedMannerVerbTests(AttributionTestCase):
    """“…,” complained one parent. / lamented a vendor. / admitted the driver."""

    def test_complained_one_parent_then_she_added(self):
        findings = self.read(
            "Parents gathered at Kbal Thnal commune's school on Monday.",
            "“Where will our children sit? Sixty in one room!” complained one parent.",
            "“We want the old teachers back,” she added.",
        )
        self.assertEqual(self.labels(findings), ["one parent", "one parent"])
        self.assertTrue(all(f.note for f in findings))

    def test_lamented_and_admitted(self):
        findings = self.read(
            "“Nobody buys fish any more,” lamented a vendor at the market.",
            "“I was driving too fast,” admitted the driver, Sok Pheap.",
        )
        self.assertEqual(self.labels(findings), ["a vendor at the market", "Sok Pheap"])


class AccordingToRoleOfTests(AttributionTestCase):
    """“…, according to deputy head of the … department of roads Chan Thy.” then “he said”."""

    def test_the_pronoun_goes_to_the_one_according_to(self):
        findings = self.read(
            "Road deaths rose this year, deputy police chief Keo Sam told a press conference.",
            "The rise was partly explained by two bus crashes, according to deputy director "
            "of the Public Works Ministry’s department of roads Chan Thy.",
            "“Most of them died in single crashes,” he said.",
        )
        (finding,) = findings
        self.assertChecked(finding, "Chan Thy")
        role = "deputy director of the Public Works Ministry’s department of roads"
        self.assertEqual(finding.entity.role, role)

    def test_a_passive_speech_verb_makes_nobody_the_subject(self):
        (finding,) = self.read(
            "The delay was explained by the rain, according to engineer Sok Chea.",
            "“We could not pour concrete,” she said.",
        )
        self.assertEqual(self.label(finding), "Sok Chea")


class TheMinistryTests(AttributionTestCase):
    """“the ministry said” after the story named the Ministry of Education."""

    def test_the_ministry_is_the_one_named(self):
        findings = self.read(
            "The Ministry of Education told schools to keep teaching online.",
            "In a press release, the ministry said schools must follow the “Short Course”.",
            "“All teachers should hold lessons online,” it said.",
        )
        self.assertEqual(len(findings), 2)
        for finding in findings:
            self.assertEqual(finding.entity.organization, "Ministry of Education")
            self.assertTrue(finding.note)

    def test_two_ministries_named_leave_it_open(self):
        (finding,) = self.read(
            "The Ministry of Health and the Interior Ministry met on Monday.",
            "“Masks stay,” the ministry said.",
        )
        self.assertEqual(finding.entity.organization, "")
        self.assertChecked(finding, "the ministry")
