"""
Pathological input (SECURITY-TESTS 27): megabytes of nested unclosed tags,
entities, endless words, bidi overrides, zero-width and Khmer combining marks
through the body renderer, teasers, search parsing and the story importer.

Speed is measured, not asserted by the clock: each case asserts that the
work finishes with bounded, safe output. The one time bound (CPU time), generous
(5 s for work that takes well under one), is a regression guard against the
quadratic behaviour these inputs once triggered (half a minute for a 200 kB
body of nested <div>, a RecursionError for 2 kB of "1. 1. 1. …"), not a
performance target.
"""

from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase
from django.utils.text import Truncator

from articles import body
from importing import story_format as importing
from reader import search
from tests.support.dos import cpu_seconds_under
from tests.support.payloads import XSS, unsafe_markup

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


class Measured:
    def measure(self, function, *args):
        # DoS regression guard only; see the module docstring.
        with cpu_seconds_under(self, DOS_GUARD_SECONDS):
            return function(*args)


class PathologicalInputTests(Measured, SimpleTestCase):
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
                self.assertLessEqual(html.count("<li>"), body.MAX_NESTING)

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


# The text that keeps a level open on the lines below it: four spaces (or a
# tab) inside a list item, "> " inside a block quote.
CONTINUATION = {"> ": "> ", ">": ">", "\t- ": "\t", "\t1. ": "\t", " \t- ": " \t"}
QUOTES = {"> ", ">"}


def written(markers, depth):
    """
    A body nesting ``depth`` levels, one level more on each line: line k
    opens level k with ``markers[k % len(markers)]`` inside the levels above.
    """
    lines, prefix, above = [], "", None
    for level in range(depth):
        marker = markers[level % len(markers)]
        if above is not None and (above in QUOTES) != (marker in QUOTES):
            # Python-Markdown starts a list in a quote, or a quote in a list
            # item, after a blank line only (inside the levels above).
            lines.append(prefix.rstrip())
        lines.append(f"{prefix}{marker.lstrip()}item{level + 1}.")
        prefix += CONTINUATION.get(marker, "    ")
        above = marker
    # The deepest level carries markup to strip.
    return "\n".join(lines) + " " + XSS[0] + XSS[2]


def written_on_one_line(markers, depth):
    """A body opening ``depth`` levels at the start of one line."""
    return "".join(markers[level % len(markers)] for level in range(depth)) + "item."


# Marker cycles, by the shape they make. Indented lines take their
# indentation from CONTINUATION: four spaces unless a tab is named.
SHAPES = {
    "bullets -": (written, ["- "]),
    "bullets *": (written, ["* "]),
    "bullets +": (written, ["+ "]),
    "numbered 1.": (written, ["1. "]),
    "numbered 1)": (written, ["1) "]),
    "bullets indented by tabs": (written, ["\t- "]),
    "numbered indented by tabs": (written, ["\t1. "]),
    "bullets indented by a space and a tab": (written, [" \t- "]),
    "block quotes across lines": (written, ["> "]),
    "block quotes without spaces": (written, [">"]),
    "a list inside a quote": (written, ["> "] + ["- "] * 3),
    "quotes inside a list": (written, ["- "] + ["> "] * 3),
    "lists and quotes in turn": (written, ["- ", "> "]),
    # A tab after "> " reaches the next multiple of four columns: two quotes
    # between tabs keep each tab four columns wide.
    "quotes inside a list indented by tabs": (written, ["\t1. ", "> ", "> "]),
    "bullets on one line": (written_on_one_line, ["- "]),
    "numbers on one line": (written_on_one_line, ["1. "]),
    "quotes on one line": (written_on_one_line, ["> "]),
    "quotes and bullets on one line": (written_on_one_line, ["> ", "* "]),
}
# Python-Markdown starts no list at "1)", so that shape renders flat.
FLAT_SHAPES = {"numbered 1)"}
DEPTHS = [3, body.MAX_NESTING, body.MAX_NESTING + 1, 20, 250, 2_000]


def deepest_fitting(make, markers):
    """The deepest nesting of this shape a body of the largest size holds."""

    def fits(depth):
        return len(make(markers, depth)) <= body.MAX_BODY_LENGTH

    # Doubling first: a body twice too deep may be four times too long, not more.
    low = 1
    while fits(low * 2):
        low *= 2
    high = low * 2 - 1
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(middle) else (low, middle - 1)
    return low


class _Nesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = self.deepest = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"ul", "ol", "blockquote"}:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        if tag in {"ul", "ol", "blockquote"}:
            self.depth -= 1


def nesting(html):
    """How many lists and block quotes ``html`` nests."""
    parser = _Nesting()
    parser.feed(html)
    parser.close()
    return parser.deepest


class DeepNestingTests(Measured, SimpleTestCase):
    """Lists and block quotes nested past any story's needs."""

    def cases(self):
        for name, (make, markers) in SHAPES.items():
            depths = [
                depth for depth in DEPTHS if len(make(markers, depth)) <= body.MAX_BODY_LENGTH
            ]
            for depth in [*depths, deepest_fitting(make, markers)]:
                yield name, depth, make(markers, depth)

    def test_every_shape_and_depth_renders_safe_bounded_html(self):
        """
        Any nesting, up to the largest body, renders to sanitized HTML at most
        MAX_NESTING levels deep, keeping its text; up to the bound, every level.
        """
        for name, depth, text in self.cases():
            with self.subTest(name, depth=depth):
                html = self.measure(body.render, text)
                self.assertEqual(unsafe_markup(html, page=False), [])
                self.assertEqual(body.sanitize(html), html)
                self.assertIn(f"item{'' if name.endswith('one line') else depth}.", html)
                if name in FLAT_SHAPES:
                    self.assertEqual(nesting(html), 0)
                elif depth <= body.MAX_NESTING:
                    self.assertEqual(nesting(html), depth)
                else:
                    self.assertLessEqual(nesting(html), body.MAX_NESTING)

    def test_validator_refuses_exactly_the_too_deep_bodies(self):
        """Every shape passes up to MAX_NESTING levels and is refused, with its depth, past it."""
        for name, depth, text in self.cases():
            with self.subTest(name, depth=depth):
                if depth <= body.MAX_NESTING:
                    body.validate_nesting(text)
                    continue
                with self.assertRaises(ValidationError) as raised:
                    body.validate_nesting(text)
                self.assertEqual(raised.exception.code, "nesting")
                self.assertEqual(
                    raised.exception.messages,
                    [
                        f"The body nests lists or block quotes {depth} levels deep; at most "
                        f"{body.MAX_NESTING} are allowed. Flatten the list or quote."
                    ],
                )

    def test_ordinary_stories_pass_the_validator(self):
        """What stories hold nests a few levels at most, however it is indented."""
        for text in [
            "- land\n    - rice fields\n        - Kandal",
            "> “We will not leave,” she said.\n> > He had said the same.\n\nThe end.",
            "1. First\n2. Second\n\n    Indented paragraph under the list.",
            "ការបោះឆ្នោត\n\n- ឃុំ\n    - សង្កាត់",
            # Indentation without a list marker starts no level.
            "\t" * 40 + "Signed, the families",
            "2024. The year the court ruled.",
            "",
        ]:
            with self.subTest(text):
                self.assertLessEqual(body.nesting_depth(text), 3)
                body.validate_nesting(text)

    def test_nesting_built_across_blocks_is_bounded(self):
        """
        A block indented under a list keeps the lines after it inside: each
        block below nests one level deeper though no line is written deeper
        than two. The renderer still stops at MAX_NESTING.
        """
        text = "- a\n" + "".join(f"\n{'    ' * level}- b\n- c\n" for level in range(1, 300))
        html = self.measure(body.render, text)
        self.assertEqual(nesting(html), body.MAX_NESTING)
        self.assertEqual(unsafe_markup(html, page=False), [])
