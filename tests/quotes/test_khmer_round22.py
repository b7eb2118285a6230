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
