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
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from markdown.blockprocessors import BlockQuoteProcessor, OListProcessor, UListProcessor

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
    Sanitizing the result again changes nothing.
    """
    cleaned = _clean(limit_nesting(html))
    # Removing a disallowed element can leave markup that parses differently
    # the next time (a link left inside a link once the table between them is
    # gone): clean until nothing changes. Two passes settle every case seen.
    for _attempt in range(3):
        again = _clean(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


def _clean(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# Python-Markdown's inline patterns take time in the square of the marks in
# a block ("[x](" × 2,500 took 5 s, 200 kB of "*_" took minutes). Beyond this
# bound, which no story reaches, a block is shown as plain text.
MAX_INLINE_MARKS = 300
INLINE_MARKS = re.compile(r"[\[\]*_`<>&\\!]")
BLOCK_SEPARATOR = re.compile(r"(\n[ \t]*\n)")

# Python-Markdown recurses a few frames for every level of list or block
# quote: about 250 levels raised RecursionError. Stories nest two or three
# levels; a bound of ten leaves room for any real outline and keeps the
# renderer far from Python's recursion limit.
MAX_NESTING = 10
TAB_LENGTH = 4
LISTS = {"ul", "ol"}
CONTAINERS = LISTS | {"blockquote"}
SPACES = re.compile(r" *")
# "1) " too: no list in Python-Markdown, but a list to whoever typed it.
LIST_ITEM = re.compile(r"(?:[*+-]|\d+[.)]) +")


def _line_depth(line):
    """
    How many lists and block quotes ``line`` is written inside: one per "> "
    or list marker opening it, and one per four spaces of indentation before
    them. A line without a marker nests nothing.
    """
    position = depth = markers = 0
    while True:
        start = SPACES.match(line, position).end()
        depth += (start - position) // TAB_LENGTH
        if line.startswith(">", start):
            position = start + 1 + line.startswith(" ", start + 1)
        elif item := LIST_ITEM.match(line, start):
            position = item.end()
        else:
            return depth + markers if markers else 0
        markers += 1


def nesting_depth(text):
    """Return how many levels deep ``text`` is written to nest lists and block quotes."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(TAB_LENGTH)
    return max(map(_line_depth, lines.split("\n")))


def validate_nesting(text):
    """Refuse a body written to nest lists or block quotes more than ``MAX_NESTING`` levels."""
    # A longer body is refused for its length; not reading it bounds the work.
    if len(text) > MAX_BODY_LENGTH:
        return
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise ValidationError(
            _(
                "The body nests lists or block quotes %(depth)s levels deep; at most "
                "%(limit)s are allowed. Flatten the list or quote."
            ),
            code="nesting",
            params={"depth": depth, "limit": MAX_NESTING},
        )


def _nesting(parser, element):
    """How many lists and block quotes hold ``element``, or None if it is not being built."""
    # The parser builds in reading order: the element a block goes into is on
    # the path of last children from the root.
    depth, node = 0, parser.root
    while node is not element:
        if not len(node):
            return None
        node = node[-1]
        depth += node.tag in CONTAINERS
    return depth


class _Shallow:
    """
    A list or block quote processor that leaves a block nesting deeper than
    ``MAX_NESTING`` to the processors after it: in the end, a paragraph of text.

    The bound is kept here, where the nesting is built, and not by rewriting
    the text beforehand: a block indented under a list keeps the lines after
    it inside, however little they are indented ("- a", "", "    - b", "- c"
    puts c in the inner list), so no reading of lines one by one can tell
    how deep Python-Markdown will go.
    """

    def test(self, parent, block):
        if not super().test(parent, block):
            return False
        depth = _nesting(self.parser, parent)
        # An item parsed into a list joins it; anything else opens a level.
        opens = not (isinstance(self, OListProcessor) and parent.tag in LISTS)
        return depth is not None and depth + opens <= MAX_NESTING


class _ShallowOList(_Shallow, OListProcessor):
    pass


class _ShallowUList(_Shallow, UListProcessor):
    pass


class _ShallowQuote(_Shallow, BlockQuoteProcessor):
    pass


class _ShallowNesting(markdown.Extension):
    """Python-Markdown's list and block quote processors, bounded to ``MAX_NESTING`` levels."""

    def extendMarkdown(self, md):
        # Each replaces the processor of its name, at Python-Markdown's priority for it.
        md.parser.blockprocessors.register(_ShallowOList(md.parser), "olist", 40)
        md.parser.blockprocessors.register(_ShallowUList(md.parser), "ulist", 30)
        md.parser.blockprocessors.register(_ShallowQuote(md.parser), "quote", 20)


def render(text):
    """Render Markdown ``text`` to sanitized HTML (headings start at ``<h2>``)."""
    parts = BLOCK_SEPARATOR.split(text)
    plain = {}
    key = secrets.token_hex(8)
    for index in range(0, len(parts), 2):
        if len(INLINE_MARKS.findall(parts[index])) > MAX_INLINE_MARKS:
            token = f"plain{key}x{index}"
            plain[f"<p>{token}</p>"] = f"<p>{escape(' '.join(parts[index].split()))}</p>"
            parts[index] = token
    html = markdown.markdown("".join(parts), output_format="html", extensions=[_ShallowNesting()])
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
