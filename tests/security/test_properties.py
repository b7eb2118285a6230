"""
Property-based tests: whatever a journalist types or a story file holds, the
body renderer and the story importer never crash and never emit markup that
runs, and sanitizing their output again changes nothing.
"""

from django.test import SimpleTestCase
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from articles import body
from importing import story_format as importing
from tests.support.payloads import BAD_URLS, XSS, unsafe_markup

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of Markdown, HTML and hostile input, shuffled into documents.
FRAGMENTS = [
    *XSS,
    *(f"[link]({url})" for url in BAD_URLS),
    *(f'<a href="{url}">x</a>' for url in BAD_URLS),
    "<", ">", "&", "&amp;", "&#x6a;", '"', "'", "`", "*", "_", "[", "]", "(", ")",
    "\n", "\n\n", "> ", "1. ", "- ", "## ", "    ", "\t", "\\",
    "<p>", "</p>", "<em>", "</em>", "<a href='https://example.org/'>", "</a>",
    "<div>", "<table><td rowspan=2>", "<img src=x>", "<svg>", "<math>", "<style>",
    "[photo 1]", "[quote 2]", "\u202e", "\u200b", "ក\u17d2\u179f", "“", "”",
]  # fmt: skip

documents = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=40).map(
    "".join
)


def assert_safe(test, html):
    test.assertEqual(unsafe_markup(html, page=False), [])
    test.assertNotIn("<script", html.lower())
    test.assertEqual(body.sanitize(html), html)


class BodyRendererProperties(SimpleTestCase):
    @SETTINGS
    @given(documents)
    def test_render_is_safe_and_stable(self, text):
        """Any body renders to allowlisted HTML that sanitizing again leaves unchanged."""
        assert_safe(self, body.render(text))

    @SETTINGS
    @given(documents)
    # A link left inside a link once the table between them is removed.
    @example("<a href='https://example.org/'><table><td rowspan=2><a href=\"javascript:x\">x</a>")
    def test_sanitize_is_idempotent_on_raw_html(self, text):
        once = body.sanitize(text)
        self.assertEqual(unsafe_markup(once, page=False), [])
        self.assertEqual(body.sanitize(once), once)

    @SETTINGS
    @given(st.text(max_size=300))
    def test_any_unicode_renders(self, text):
        assert_safe(self, body.render(text))


class StoryImporterProperties(SimpleTestCase):
    @SETTINGS
    @given(st.text(min_size=1, max_size=80), documents, st.lists(documents, max_size=6))
    def test_any_story_file_parses_or_is_refused(self, headline, first, blocks):
        """A story file either parses into a safe body or raises StoryFileError, nothing else."""
        text = "\n\n".join(["The Publication", headline, first, *blocks])
        try:
            story = importing.parse_story(importing.decode_story(text.encode(), "story.txt"))
        except importing.StoryFileError:
            return
        html = body.render(importing.story_body(story))
        assert_safe(self, html)
        for photo in story.photos:
            self.assertIsInstance(photo.caption, str)
