"""
Khmer quote attribution, twenty-second round of issue 16: shapes from
batch 16, each read as a mechanism.

Each story is a list of paragraphs. The people and words are invented.
"""

from tests.support.attribution import AttributionTestCase


class HonorificBeforeTheNameTests(AttributionTestCase):
    """A bare honorific (with a title) opens the paragraph; the name comes later in it."""

    def test_the_headline_honorific_is_the_minister_named_after_it(self):
        # Headline and lead joined into one paragraph, the quote with no verb of its own.
        findings = self.read(
            "លោករដ្ឋមន្ត្រីអំពាវនាវឲ្យការពារព្រៃឈើ "
            "ក្នុងពិធីនោះ លោករដ្ឋមន្ត្រី កែវ វណ្ណដា បានបង្ហាញពីក្តីបារម្ភចំពោះព្រៃឈើ។ "
            "“យើងត្រូវតែដាំដើមឈើបន្ថែមទៀតនៅគ្រប់ខេត្ត។ ខ្ញុំសង្ឃឹមថាយុវជននឹងចូលរួម”។",
        )
        self.assertChecked(findings[0], "កែវ វណ្ណដា")

    def test_two_men_named_after_it_leave_the_honorific_unresolved(self):
        findings = self.read(
            "លោករដ្ឋមន្ត្រីអំពាវនាវឲ្យការពារព្រៃឈើ "
            "ក្នុងពិធីនោះ លោករដ្ឋមន្ត្រី កែវ វណ្ណដា និងលោកអភិបាល សុខ បូរ៉ា បានដាំដើមឈើ។ "
            "“យើងត្រូវតែដាំដើមឈើបន្ថែមទៀតនៅគ្រប់ខេត្ត”។",
        )
        self.assertNotIn(self.label(findings[0]), {"កែវ វណ្ណដា", "សុខ បូរ៉ា"})


class SurnameSpeltLikeAWordTests(AttributionTestCase):
    """A family name that is also a small word (“ហៅ”, called) right after an honorific."""

    def test_the_coach_whose_surname_means_called(self):
        findings = self.read(
            "លោក ហៅ វិចិត្រ គ្រូបង្វឹករបស់ក្រុមបានមានប្រសាសន៍ថា៖ «យើងត្រៀមខ្លួនរួចរាល់ហើយ»។",
        )
        self.assertSpeaker(findings[0], "ហៅ វិចិត្រ")

    def test_a_nickname_after_a_full_name_is_still_the_same_person(self):
        findings = self.read(
            "តារាចម្រៀង សុខ ស្រីនាង ហៅ នាងតូច បានប្រាប់ថា៖ «ខ្ញុំនឹងច្រៀងទៀត»។",
        )
        self.assertSpeaker(findings[0], "សុខ ស្រីនាង")


class WhoseWordsAfterTheQuoteTests(AttributionTestCase):
    """A story that opens with the quote: “this is the statement of [titles] Name” after it."""

    def test_titles_between_whose_and_the_name(self):
        findings = self.read(
            "“ខ្ញុំនឹងខិតខំបន្ថែមទៀតដើម្បីអ្នកគាំទ្រ”។ នេះជាការបញ្ជាក់របស់តារាចម្រៀង និងជាពិធីករវ័យក្មេង លោក ម៉ៅ វិសាល។",
        )
        self.assertSpeaker(findings[0], "ម៉ៅ វិសាល")

    def test_a_house_of_someone_far_after_the_quote_is_no_credit(self):
        findings = self.read(
            "“ខ្ញុំនឹងខិតខំបន្ថែមទៀត”។ នេះជាផ្ទះដែលគេសង់នៅភូមិថ្មីកាលពីឆ្នាំមុន ជិតវត្ត លោក ម៉ៅ វិសាល។",
        )
        self.assertIsNone(findings[0].entity)
