"""
Quote attribution, issue 16, twenty-sixth round (English): patterns the
unseen batch 21 showed. Every story here is invented.
"""

from people.names import split_honorific
from quotes.attribution.analyze import without_photo_places
from tests.support.attribution import AttributionTestCase
from tests.support.dos import cpu_seconds_under


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


class PicturedTests(AttributionTestCase):
    """
    “…,” Health Minister Mam Bunthy (pictured) told reporters: a note on where
    the person stands in the photo, between the name and its verb, is no part
    of the sentence; the quote is his, not that of the man the story is about.
    """

    def test_a_note_on_the_photo_does_not_hide_the_speaker(self):
        findings = self.read(
            "Ministry mourns founder of clinic network",
            "The ministry on Tuesday mourned the death of Dr Keo Ratha, founder of the "
            "country's first rural clinics.",
            "“Without him, many villages would have no doctor today,” Health Minister "
            "Mam Bunthy (pictured) told a press briefing.",
            "“We offer our deepest condolences to his family,” he said.",
        )
        self.assertSpeakers(findings, ["Mam Bunthy", "Mam Bunthy"])

    def test_other_places_in_the_photo_too(self):
        for note in ("left", "right", "centre", "center", "second left", "above", "inset"):
            with self.subTest(note=note):
                findings = self.read(
                    "Farmers meet buyers",
                    "Buyers from three provinces met rice farmers in Takeo on Monday.",
                    f"“Prices will rise in March,” trader Ouk Sophal ({note}) said.",
                )
                self.assertSpeakers(findings, ["Ouk Sophal"])

    def test_a_bracket_inside_the_quote_stays(self):
        findings = self.read(
            "Coach praises keeper",
            "“He (pictured) saved us twice,” coach Lim Heng said.",
        )
        self.assertSpeakers(findings, ["Lim Heng"])
        self.assertIn("(pictured)", findings[0].text)

    def test_a_note_after_lower_case_words_inside_a_quote_stays(self):
        findings = self.read(
            "Coach praises keeper",
            "“We all saw him (pictured) save us twice,” coach Lim Heng said.",
        )
        self.assertIn("him (pictured) save", findings[0].text)

    def test_a_long_run_of_capitalised_words_is_read_once(self):
        """A regression guard (tests/support/dos.py): the reading does not retry every word."""
        text = "Sok Dara " * 20_000 + "(pictured) said."
        with cpu_seconds_under(self, 1):
            read = without_photo_places(text)
        self.assertEqual(read, "Sok Dara " * 19_999 + "Sok Dara said.")
