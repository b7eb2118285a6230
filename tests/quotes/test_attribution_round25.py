"""
Quote attribution, issue 16, twenty-fifth round (English): patterns the
unseen batch 19 showed. Every story here is invented.
"""

from tests.support.attribution import AttributionTestCase


class HyphenatedTitleBeforeHonorificTests(AttributionTestCase):
    """
    “said Deputy Director-general of Customs Datuk Amir Hassan”: the
    hyphenated title word is a title, the honorific and name the person.
    """

    def test_title_of_body_then_honorific_and_name(self):
        findings = self.read(
            "Seized goods to be returned",
            "KUALA LUMPUR: Twelve lorries held at the border will be released "
            "next week, said Deputy Director-general of Customs Datuk Amir Hassan.",
            "He said the drivers had been questioned.",
            "‘’We only want to know who loaded the lorries. Nothing more.",
            "“We will see whether anyone lied to the officers,” he said.",
        )
        self.assertSpeakers(findings, ["Amir Hassan", "Amir Hassan"])
        self.assertIn("Director-general", findings[0].entity.role)


class AgencyQuotedNameAsSayingTests(AttributionTestCase):
    """
    “Reuters quoted Name, role, as saying …”: the person quoted speaks, so a
    “he said” after it is theirs, not the agency's.
    """

    def test_he_after_an_agency_quoting_a_person_is_the_person(self):
        findings = self.read(
            "Fugitive sought abroad",
            "Agence France-Presse quoted Ahmad Zaki, Malaysia’s deputy minister "
            "for home affairs, as saying the suspect had fled by boat.",
            "“The police there are looking for him now,” he said.",
        )
        self.assertSpeakers(findings, ["Ahmad Zaki"])


class FirstWordsOfALongerNameTests(AttributionTestCase):
    """
    “Rahim Osman said” after “Rahim Osman Hassan”: mostly the same man named
    short, but two relatives may share a name's start, so the reading is
    checked, with a note naming whom it was taken to be.
    """

    def test_the_short_form_is_the_man_named_in_full_checked(self):
        findings = self.read(
            "Boats seized off the coast",
            "Marine police director Rahim Osman Hassan said three boats were held on Sunday.",
            "“The crews will be questioned in port,” Rahim Osman said.",
        )
        self.assertChecked(findings[0], "Rahim Osman Hassan")
        self.assertIn("Rahim Osman Hassan", findings[0].note)

    def test_a_name_that_only_ends_the_same_is_not_taken(self):
        findings = self.read(
            "Boats seized off the coast",
            "Marine police director Rahim Osman Hassan said three boats were held on Sunday.",
            "“The crews will be questioned in port,” said Osman Rahim.",
        )
        self.assertSpeakers(findings, ["Osman Rahim"])
