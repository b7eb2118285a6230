"""
Quote attribution, issue 16, twenty-sixth round (English): patterns the
unseen batch 21 showed. Every story here is invented.
"""

from people.names import split_honorific
from tests.support.attribution import AttributionTestCase


class CambodianStyleTests(AttributionTestCase):
    """
    “Samdech Techo Hun Sen”, “Samdech Thipadei Hun Manet”: the Latin-script
    forms of the styles the Khmer honorifics already know (សម្តេចតេជោ,
    សម្តេចធិបតី) are honorifics too, never the first word of the name, so
    the man is the one the story calls “Hun Sen” elsewhere.
    """

    def test_styles_are_split_from_the_name(self):
        cases = {
            "Samdech Techo Hun Sen": ("Samdech Techo", "Hun Sen"),
            "Samdech Thipadei Hun Manet": ("Samdech Thipadei", "Hun Manet"),
            "Samdech Moha Bovor Thipadei Hun Manet": ("Samdech Moha Bovor Thipadei", "Hun Manet"),
            "Samdech Akka Moha Sena Padei Techo Hun Sen": (
                "Samdech Akka Moha Sena Padei Techo",
                "Hun Sen",
            ),
            "Samdech Chea Sim": ("Samdech", "Chea Sim"),
        }
        for written, expected in cases.items():
            with self.subTest(written=written):
                self.assertEqual(split_honorific(written), expected)

    def test_the_styled_leader_is_the_man_named_without_it(self):
        findings = self.read(
            "New ring road opens to traffic",
            "The opening was led by Prime Minister Samdech Thipadei Kim Sovann and the "
            "Korean ambassador, with 3,000 residents looking on.",
            "“This road will carry the rice of four provinces,” he said.",
            "Kim Sovann also thanked the builders: “They worked through the rains.”",
        )
        self.assertSpeakers(findings, ["Kim Sovann", "Kim Sovann"])
