"""
The story body: Markdown written by journalists, rendered to sanitized HTML.

Journalists write paragraphs, ``## subheadings``, ``*emphasis*``,
``[links](https://…)`` and ``> block quotes``. A line holding only
``[photo 2]`` or ``[quote 5]`` places the story's photo number 2 or quote
number 5 at that point.
"""

import re
import secrets
from html import escape

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

# Deeper than any story needs. The HTML parser under nh3 takes time in the
# square of the depth of unclosed elements: 40,000 nested <div> (200 kB, the
# most a body may hold) took half a minute to sanitize.
MAX_DEPTH = 100
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
# [^<>] rather than [^>]: a run of "<a href=" with no ">" is then read once,
# not once from every "<".
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>")


def limit_nesting(html, max_depth=MAX_DEPTH):
    """
    Drop the start tags of ``html`` that would open an element deeper than
    ``max_depth`` (their text stays). Linear in the length of ``html``.
    """
    depth = 0

    def replace(match):
        nonlocal depth
        closing, name, rest = match.groups()
        if name.lower() in VOID_TAGS or rest.rstrip().endswith("/"):
            return match[0]
        if closing:
            depth = max(depth - 1, 0)
            return match[0]
        depth += 1
        return match[0] if depth <= max_depth else ""

    return TAG.sub(replace, html)


def sanitize(html):
    """
    Return ``html`` reduced to the tags, attributes and link schemes a story
    may carry. Every external link gets ``rel="noopener noreferrer"``.
    """
    return nh3.clean(
        limit_nesting(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# Python-Markdown recurses once per list or quote marker opening a line
# ("1. 1. 1. …": 2 kB raised RecursionError), and its inline patterns take
# time in the square of the marks in a block ("[x](" × 2,500 took 5 s,
# 200 kB of "*_" took minutes). Beyond these bounds, which no story reaches,
# a line's further markers are escaped, and a block is shown as plain text.
MAX_LINE_MARKERS = 8
MARKER_PATTERN = r"[ \t]{0,3}(?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])[ \t]+)"
LINE_MARKERS = re.compile(rf"^(?:{MARKER_PATTERN})+", re.MULTILINE)
ONE_MARKER = re.compile(MARKER_PATTERN)
MAX_INLINE_MARKS = 300
INLINE_MARKS = re.compile(r"[\[\]*_`<>&\\!]")
BLOCK_SEPARATOR = re.compile(r"(\n[ \t]*\n)")


def _cap_line_markers(match):
    markers = ONE_MARKER.findall(match[0])
    if len(markers) <= MAX_LINE_MARKERS:
        return match[0]
    # The first marker past the bound is escaped: the rest of the line is text.
    first, *rest = markers[MAX_LINE_MARKERS:]
    escaped = re.sub(r"([>*+.)-])", r"\\\1", first, count=1)
    return "".join(markers[:MAX_LINE_MARKERS]) + escaped + "".join(rest)


def render(text):
    """Render Markdown ``text`` to sanitized HTML (headings start at ``<h2>``)."""
    text = LINE_MARKERS.sub(_cap_line_markers, text)
    parts = BLOCK_SEPARATOR.split(text)
    plain = {}
    key = secrets.token_hex(8)
    for index in range(0, len(parts), 2):
        if len(INLINE_MARKS.findall(parts[index])) > MAX_INLINE_MARKS:
            token = f"plain{key}x{index}"
            plain[f"<p>{token}</p>"] = f"<p>{escape(' '.join(parts[index].split()))}</p>"
            parts[index] = token
    html = markdown.markdown("".join(parts), output_format="html")
    for token, paragraph in plain.items():
        html = html.replace(token, paragraph, 1)
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
