"""A story file in Khmer: its dateline, photo credits and dates, and its quotes."""

import datetime

from django.test import SimpleTestCase, TestCase

from importing.models import PhotoNeeded
from importing.services import import_story
from importing.story_format import parse_caption, parse_story, split_credit

CAPTION = "ប្រជាពលរដ្ឋតវ៉ានៅខេត្តកំពត កាលពីថ្ងៃទី៥ ខែធ្នូ ឆ្នាំ២០២៦។ (ហ៊ុល រីណា/VOA)"

STORY = f"""Newsroom

ពលរដ្ឋភូមិថ្មីទាមទារដំណោះស្រាយជម្លោះដីធ្លី

ភ្នំពេញ៖ ពលរដ្ឋជាង៥០គ្រួសារនៅភូមិថ្មី បានតវ៉ានៅមុខសាលាខេត្តកាលពីម្សិលមិញ។

{CAPTION}
{CAPTION}

លោក សុខ ដារ៉ា អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ បាននិយាយថា «យើងនឹងពិនិត្យករណីនេះឱ្យបានឆាប់»។

លោកស្រី ចាន់ សុភា អាយុ៤៥ឆ្នាំ ជាអ្នកភូមិថ្មី បានប្រាប់អ្នកសារព័ត៌មានថា “ខ្ញុំរស់នៅទីនេះតាំងពីឆ្នាំ១៩៩០។”

«យើងគ្មានកន្លែងទៅទៀតទេ» អ្នកស្រីបានបន្ថែម។

ស្ត្រីម្នាក់កំពុងយំនៅមុខសាលាខេត្ត ថ្ងៃច័ន្ទ ទី៧ ខែធ្នូ ឆ្នាំ2026 រូបថត៖ កែវ សុផល
ស្ត្រីម្នាក់កំពុងយំនៅមុខសាលាខេត្ត ថ្ងៃច័ន្ទ ទី៧ ខែធ្នូ ឆ្នាំ2026 រូបថត៖ កែវ សុផល
"""


class KhmerFormatTests(SimpleTestCase):
    def test_credit_in_parentheses(self):
        """“(Photographer/Agency)” ends a caption: the agency is the Latin side."""
        self.assertEqual(
            split_credit(CAPTION),
            (
                "ប្រជាពលរដ្ឋតវ៉ានៅខេត្តកំពត កាលពីថ្ងៃទី៥ ខែធ្នូ ឆ្នាំ២០២៦។",
                "VOA",
                "ហ៊ុល រីណា",
            ),
        )
        self.assertEqual(
            split_credit("Monks at the pagoda. (AFP/Tang Chhin Sothy)")[1:],
            ("AFP", "Tang Chhin Sothy"),
        )

    def test_labelled_credit(self):
        """“រូបថត៖ …” names a photographer, or an agency written in Latin letters."""
        self.assertEqual(split_credit("ពិធីបុណ្យ រូបថត៖ សុខ ដារ៉ា")[1:], ("", "សុខ ដារ៉ា"))
        self.assertEqual(split_credit("ពិធីបុណ្យ (រូបថត៖ AFP)")[1:], ("AFP", ""))
        self.assertIsNone(split_credit("ពិធីបុណ្យនៅវត្តភ្នំ"))

    def test_khmer_dates_and_place(self):
        """Khmer dates, in Khmer or Western digits, with or without ថ្ងៃទី/ខែ/ឆ្នាំ; the place."""
        photo = parse_caption(CAPTION, number=1)
        self.assertEqual(photo.date_taken, datetime.date(2026, 12, 5))
        self.assertEqual(photo.place, "ខេត្តកំពត")
        cases = [
            ("ពិធីបុណ្យ ថ្ងៃច័ន្ទ ទី៧ ខែកញ្ញា ឆ្នាំ2025", datetime.date(2025, 9, 7)),
            ("ក្មេងៗលេងនៅភ្នំពេញ ៣១ ធ្នូ ២០១៥", datetime.date(2015, 12, 31)),
            ("ថ្ងៃទី៣២ ខែមករា ឆ្នាំ២០២៦", None),
        ]
        for caption, date in cases:
            with self.subTest(caption):
                self.assertEqual(parse_caption(caption, number=1).date_taken, date)

    def test_khmer_dateline(self):
        """“ភ្នំពេញ៖ ” opening the first paragraph is the dateline; a speaker's name is not."""
        story = parse_story(STORY)
        self.assertEqual(story.dateline, "ភ្នំពេញ")
        self.assertTrue(story.paragraphs[0].startswith("ពលរដ្ឋជាង៥០គ្រួសារ"))
        story = parse_story("Paper\n\nចំណងជើង\n\nលោក សុខ ដារ៉ា៖ «យើងនឹងមក»។")
        self.assertEqual(story.dateline, "")


class KhmerImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.result = import_story(data=STORY.encode(), name="land.txt")
        cls.article = cls.result.article

    def test_quotes_go_to_their_speakers_with_roles(self):
        """Each Khmer quote is attributed to the person the story names, with the role it gives."""
        self.assertTrue(self.result.ok, self.result.error)
        quotes = list(self.article.quotes.select_related("speaker").order_by("position"))
        self.assertEqual(
            [(quote.speaker.name, quote.speaker_role) for quote in quotes],
            [
                ("សុខ ដារ៉ា", "អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ"),
                ("ចាន់ សុភា", "អ្នកភូមិថ្មី"),
                ("ចាន់ សុភា", "អ្នកភូមិថ្មី"),
            ],
        )
        dara = quotes[0].speaker
        self.assertEqual((dara.name_km, dara.honorific, dara.gender), ("សុខ ដារ៉ា", "លោក", "m"))
        self.assertEqual(quotes[1].speaker.gender, "f")
        self.assertEqual(
            list(dara.affiliations.values_list("title", "organization__name")),
            [("អ្នកនាំពាក្យ", "ក្រសួងមហាផ្ទៃ")],
        )

    def test_photo_credits_and_dates(self):
        """Both Khmer captions become photo slots with credit, date and place read."""
        needed = list(PhotoNeeded.objects.filter(article=self.article).order_by("position"))
        self.assertEqual(len(needed), 2)
        self.assertEqual(needed[0].credit_agency, "VOA")
        self.assertEqual(needed[0].photographer.name, "ហ៊ុល រីណា")
        self.assertEqual(needed[0].date_taken, datetime.date(2026, 12, 5))
        self.assertEqual(needed[0].place, "ខេត្តកំពត")
        self.assertEqual(needed[1].photographer.name, "កែវ សុផល")
        self.assertEqual(needed[1].date_taken, datetime.date(2026, 12, 7))
        self.assertEqual(self.article.dateline, "ភ្នំពេញ")
