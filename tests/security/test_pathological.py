"""
Pathological input (SECURITY-TESTS 27): megabytes of nested unclosed tags,
entities, endless words, bidi overrides, zero-width and Khmer combining marks
through the body renderer, teasers, search parsing and the story importer.

Speed is measured, not asserted by the clock: each case asserts that the
work finishes with bounded, safe output. The one wall-clock bound, generous
(5 s for work that takes well under one), is a regression guard against the
quadratic behaviour these inputs once triggered (half a minute for a 200 kB
body of nested <div>, a RecursionError for 2 kB of "1. 1. 1. …"), not a
performance target.
"""

import time

from django.test import SimpleTestCase
from django.utils.text import Truncator

from articles import body, importing, search
from tests.security.payloads import unsafe_markup

DOS_GUARD_SECONDS = 5

# Each repeated to the size of the test.
PATTERNS = {
    "nested divs": "<div>",
    "nested lists": "<ul><li>",
    "unclosed attribute": '<a href="',
    "entities": "&#x&amp;&#1114112;",
    "markdown list markers": "1. ",
    "markdown quotes": "> ",
    "markdown links": "[x](",
    "emphasis": "*_",
    "bidi and zero-width": "\u202e\u200b\u200d\u2066 ",
    "khmer combining marks": "ក\u17d2\u17b6\u17c6\u17cb",
    "one long word": "a",
    "comments": "<!--",
}


def repeated(pattern, size):
    return pattern * (size // len(pattern))


class PathologicalInputTests(SimpleTestCase):
    def measure(self, function, *args):
        started = time.monotonic()
        result = function(*args)
        # DoS regression guard only; see the module docstring.
        self.assertLess(time.monotonic() - started, DOS_GUARD_SECONDS)
        return result

    def test_body_renderer_at_the_largest_body(self):
        """The most a body may hold, in every pathological shape, renders to safe HTML."""
        for name, pattern in PATTERNS.items():
            with self.subTest(name):
                text = repeated(pattern, body.MAX_BODY_LENGTH)
                html = self.measure(body.render, text)
                self.assertEqual(unsafe_markup(html, page=False), [])
                # Bounded: escaping at most multiplies the text by a constant.
                self.assertLess(len(html), 8 * len(text) + 1000)
                self.assertEqual(body.sanitize(html), html)

    def test_deep_markdown_nesting_does_not_crash(self):
        """Thousands of nested list or quote markers give a page, not a RecursionError."""
        for pattern in ["1. ", "- ", "> ", ">", "* 1. > "]:
            with self.subTest(pattern):
                html = self.measure(body.render, repeated(pattern, 20_000) + "end")
                self.assertIn("end", html)
                self.assertLessEqual(html.count("<li>"), body.MAX_LINE_MARKERS)

    def test_ordinary_markdown_is_unchanged_by_the_bounds(self):
        text = (
            "## Land\n\nThe *families* said [the report](https://example.org/r) was late.\n\n"
            "> 1. first\n> 2. second\n\n- a\n    - b\n        - c"
        )
        html = body.render(text)
        self.assertIn("<em>families</em>", html)
        self.assertIn('href="https://example.org/r"', html)
        self.assertIn("<blockquote>", html)
        self.assertEqual(html.count("<ul>"), 3)

    def test_teasers_and_search_terms(self):
        """Cutting a teaser and parsing a search from megabytes stays bounded."""
        for name, pattern in PATTERNS.items():
            with self.subTest(name):
                text = repeated(pattern, 1_000_000)
                teaser = self.measure(Truncator(text).chars, 300)
                # Combining marks do not count as characters: bounded, not exact.
                self.assertLessEqual(len(teaser), 301 * 5)
                words = self.measure(Truncator(text).words, 30)
                self.assertLessEqual(len(words.split()), 31)
                query = self.measure(search.clean_query, text)
                self.assertLessEqual(len(query), search.MAX_QUERY_LENGTH)
                self.assertLessEqual(len(search.terms(query)), search.MAX_TERMS)

    def test_story_importer(self):
        """A story file of the largest size, in every shape, parses or is refused cleanly."""
        for name, pattern in PATTERNS.items():
            with self.subTest(name):
                text = "The Publication\nA headline\n\n" + repeated(
                    pattern + "\n", body.MAX_BODY_LENGTH
                )
                data = text.encode()[: importing.MAX_STORY_BYTES]
                try:
                    decoded = self.measure(importing.decode_story, data, "story.txt")
                    story = self.measure(importing.parse_story, decoded)
                except importing.StoryFileError:
                    continue
                markdown = self.measure(importing.story_body, story)
                html = self.measure(body.render, markdown[: body.MAX_BODY_LENGTH])
                self.assertEqual(unsafe_markup(html, page=False), [])
