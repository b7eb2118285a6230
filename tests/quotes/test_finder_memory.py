"""
What the quote finder remembers between stories is bounded by size: a
long-running worker that reads very long bodies (an import of a whole
archive, a crafted body at the size limit) keeps at most a fixed number of
characters of them, however many it reads.
"""

from django.test import SimpleTestCase

from quotes.attribution import analyze
from quotes.attribution.khmer_words import fold, is_khmer_text

# The most a body may hold, in one paragraph.
LONG = 200_000


def long_paragraph(number):
    return f"លោក សុខ ដារា{number} បាននិយាយថា «យើងត្រូវការផ្លូវថ្មី»។ " * (LONG // 50)


class RememberedTextsTests(SimpleTestCase):
    def setUp(self):
        fold.cache_clear()
        is_khmer_text.cache_clear()

    def test_long_bodies_are_not_all_kept(self):
        texts = [long_paragraph(number) for number in range(40)]
        for text in texts:
            self.assertEqual(fold(text), text)
            self.assertTrue(is_khmer_text(text))
        for function in (fold, is_khmer_text):
            with self.subTest(function=function.__name__):
                kept = function.long_texts
                self.assertLessEqual(kept.size, kept.budget)
                self.assertLess(len(kept.kept), len(texts))

    def test_a_long_paragraph_is_folded_once_while_it_is_read(self):
        """The rules ask the same long paragraph again and again: it is worked out once."""
        text = long_paragraph(1)[:60_000]
        fold(text)
        self.assertIn(text, fold.long_texts.kept)
        self.assertIs(fold(text), fold(text))

    def test_findings_are_the_same_remembered_or_not(self):
        paragraphs = [long_paragraph(2)[:5_000], "លោក កែវ វណ្ណា បាននិយាយថា «ទៅ»។"]
        first = [(item.text, item.entity.label) for item in analyze(paragraphs)]
        fold.cache_clear()
        is_khmer_text.cache_clear()
        self.assertEqual([(item.text, item.entity.label) for item in analyze(paragraphs)], first)
