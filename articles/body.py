"""
The story body: Markdown written by journalists, rendered to sanitized HTML.

Journalists write paragraphs, ``## subheadings``, ``*emphasis*``,
``[links](https://…)`` and ``> block quotes``. A line holding only
``[photo 2]`` or ``[quote 5]`` places the story's photo number 2 or quote
number 5 at that point.
"""

import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "em", "strong", "a", "blockquote",
    "ul", "ol", "li", "hr", "sub", "sup",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

MARKER = re.compile(r"^\[(photo|quote) (\d{1,4})\]$", re.IGNORECASE)
MARKER_PARAGRAPH = re.compile(r"<p>\[(photo|quote) (\d{1,4})\]</p>", re.IGNORECASE)
MAX_BODY_LENGTH = 200_000


def sanitize(html):
    """
    Return ``html`` reduced to the tags, attributes and link schemes a story
    may carry. Every external link gets ``rel="noopener noreferrer"``.
    """
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render(text):
    """Render Markdown ``text`` to sanitized HTML (headings start at ``<h2>``)."""
    html = markdown.markdown(text, output_format="html")
    # The headline is the page's <h1>; a "# heading" in the body is a subheading.
    html = re.sub(r"<(/?)h1>", r"<\1h2>", html)
    return sanitize(html)


def split_markers(html):
    """
    Split rendered HTML at photo and quote markers.

    Return a list of ``("html", str)``, ``("photo", number)`` and
    ``("quote", number)`` items in reading order.
    """
    blocks = []
    position = 0
    for match in MARKER_PARAGRAPH.finditer(html):
        if html[position : match.start()].strip():
            blocks.append(("html", html[position : match.start()]))
        blocks.append((match[1].lower(), int(match[2])))
        position = match.end()
    if html[position:].strip():
        blocks.append(("html", html[position:]))
    return blocks


def markers(text):
    """Return the set of ``("photo", n)`` and ``("quote", n)`` markers in ``text``."""
    found = set()
    for line in text.splitlines():
        match = MARKER.match(line.strip())
        if match:
            found.add((match[1].lower(), int(match[2])))
    return found


def paragraphs(text):
    """Return the body's paragraphs as plain Markdown blocks, markers excluded."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text)]
    return [block for block in blocks if block and not MARKER.match(block)]
