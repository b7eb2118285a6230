"""
WordPress post HTML as the story's Markdown body, with its images placed.

Classic and block-editor HTML, ``[caption]`` shortcodes and ``wpautop``
paragraphs become Markdown blocks; each image becomes a ``PlacedImage`` and,
in the body, a ``[photo N]`` marker. Scripts, styles, frames and forms are
dropped, and only http, https and mailto links are kept. Hostile input must
not cost time in the square of its length: the comments say how each
pattern avoids it.
"""

import dataclasses
import html
import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.utils.translation import gettext_noop

from articles.body import MAX_NESTING

# What a body lost, by kind: the English words kept in the import's report
# (``report.kind_label`` shows them in the reader's language).
ELEMENTS = gettext_noop("<%(name)s> elements")
EMBEDDED = gettext_noop("<%(name)s> elements (kept as their address)")
PREFORMATTED = gettext_noop("preformatted text (kept line by line, its spacing in no-break spaces)")
NBSP = "\u00a0"
CODE = gettext_noop("code and keys to press (kept as ordinary text)")
# Inline elements whose text stays and whose look goes, each counted.
LOOKS_LOST = {
    **dict.fromkeys(
        ("del", "s", "strike"), gettext_noop("struck-through text (kept, no longer struck through)")
    ),
    **dict.fromkeys(("code", "kbd", "samp", "tt", "var"), CODE),
    **dict.fromkeys(
        ("u", "ins", "mark", "small", "big", "font"),
        gettext_noop("underlined, highlighted, resized or coloured text (kept as ordinary text)"),
    ),
}
ABBREVIATION = gettext_noop("abbreviations' spelled-out titles (the abbreviation kept)")


@dataclasses.dataclass
class PlacedImage:
    attachment_id: str
    src: str
    caption: str


# A line break: "<br>", which the story's Markdown allows, and a new line.
BREAK = "<br>\n"


class BodyConverter(HTMLParser):
    """
    WordPress post HTML (classic or block editor, with ``[caption]``
    shortcodes and ``wpautop`` paragraphs) as Markdown blocks; each image is
    a ``PlacedImage`` in the list of blocks.
    """

    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figure",
              "ul", "ol", "section", "article", "pre", "table", "tr", "caption", "dl", "dt",
              "dd", "address", "details", "summary"}  # fmt: skip
    SKIPPED = {"script", "style", "iframe", "object", "noscript", "form", "video", "audio"}
    # What shows something from elsewhere: its address stays in the text.
    EMBEDS = {"iframe", "object", "embed", "video", "audio", "source"}
    # Inline marks, opening and closing: emphasis as Markdown; superscript
    # and subscript as the HTML the story's Markdown allows (“E = mc<sup>2</sup>”,
    # “H<sub>2</sub>O”); a quotation (<q>) in the marks a browser shows it
    # in, a title cited or a term defined in italics, as a browser shows them.
    MARKS = {"em": ("*", "*"), "i": ("*", "*"), "strong": ("**", "**"), "b": ("**", "**"),
             "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>"), "q": ("“", "”"),
             "cite": ("*", "*"), "dfn": ("*", "*")}  # fmt: skip

    def __init__(self, dropped=None, *, autop=False):
        super().__init__(convert_charrefs=True)
        # Classic-editor HTML: WordPress shows each line break in its text
        # as a break (wpautop); block-editor HTML shows only <br>.
        self.autop = autop
        self.pre = 0  # How many <pre> the text stands in: its lines are kept.
        # What the body loses or changes, by kind (a Counter), for the report.
        self.dropped = dropped if dropped is not None else Counter()
        self.lists = []  # The lists the text stands in: [tag, items so far].
        self.cells = 0  # Cells of the table row so far.
        self.skipped = None  # The outermost element being skipped,
        self.embedded = False  # and whether its address was kept.
        self.blocks = []
        self.text = []
        self.prefix = ""
        self.links = []
        self.skipping = 0
        self.figure_image = None
        self.in_caption = False
        self.caption = []
        self.quoting = 0  # How many blockquotes the text stands in.

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIPPED:
            if not self.skipping:
                self.skipped, self.embedded = tag, False
            self.skipping += 1
        if tag in self.EMBEDS and not self.embedded:
            self.embed(attrs.get("src") or attrs.get("data") or "")
        if self.skipping:
            return
        if tag in self.BLOCKS:
            self.flush()
        if tag == "figure":
            self.figure_image = None  # A figcaption here is this figure's.
        if tag in {"h1", "h2"}:
            self.prefix = "## "
        elif tag in {"h3", "h4", "h5", "h6"}:
            self.prefix = "### "
        elif tag == "blockquote":
            self.quoting += 1
        elif tag == "pre":
            self.pre += 1
            self.dropped[PREFORMATTED] += 1
        elif tag in {"ul", "ol"}:
            self.lists.append([tag, 0])
        elif tag == "li":
            # A list in a list item: four spaces for each level keep it nested,
            # as deep as a story body may nest, quotes around it counted
            # (deeper lists stay at that depth: a hostile depth costs no more
            # than that per item); in quotes as deep as that, items are lines.
            levels = min(len(self.lists), MAX_NESTING - self.quotes())
            indent = "    " * max(0, levels - 1)
            if not levels:
                self.prefix = ""
            elif self.lists and self.lists[-1][0] == "ol":
                self.lists[-1][1] += 1
                self.prefix = f"{indent}{self.lists[-1][1]}. "
            else:
                self.prefix = f"{indent}- "
        elif tag == "table":
            self.dropped[gettext_noop("tables (kept as text, a line for each row)")] += 1
        elif tag in LOOKS_LOST and not (self.pre and LOOKS_LOST[tag] == CODE):
            self.dropped[LOOKS_LOST[tag]] += 1
        elif tag == "abbr" and attrs.get("title"):
            self.dropped[ABBREVIATION] += 1
        elif tag == "hr":
            self.rule()
        elif tag in {"td", "th"}:
            if self.cells:
                self.text.append(" | ")
            self.cells += 1
        elif tag in self.MARKS and not self.in_caption:
            self.text.append(self.MARKS[tag][0])
        elif tag == "br":
            self.text.append(BREAK)
        elif tag == "a":
            href = attrs.get("href") or ""
            safe = urlsplit(href).scheme in {"http", "https", "mailto"}
            self.links.append(href if safe else None)
            if safe:
                self.text.append("[")
        elif tag == "figcaption" or (
            tag == "span" and "wp-caption-text" in (attrs.get("class") or "")
        ):
            self.in_caption = True
        elif tag == "img":
            match = re.search(r"wp-image-(\d+)", attrs.get("class") or "")
            image = PlacedImage(match[1] if match else "", attrs.get("src") or "", "")
            if attrs.get("data-caption"):
                image.caption = attrs["data-caption"]
            self.flush()
            self.blocks.append(image)
            self.figure_image = image

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            if not self.skipping:
                self.count_skipped()
            return
        if self.skipping:
            return
        if tag in self.MARKS and not self.in_caption:
            self.text.append(self.MARKS[tag][1])
        elif tag == "a":
            href = self.links.pop() if self.links else None
            if href:
                self.text.append(f"]({href})")
        elif tag in {"figcaption", "span"} and self.in_caption:
            self.in_caption = False
            caption = " ".join("".join(self.caption).split())
            if self.figure_image is not None:
                self.figure_image.caption = caption
            elif caption:
                # A gallery's, table's or video's caption: no photo to carry
                # it, so it stays as a paragraph of its own.
                self.flush()
                self.text.append(self.escape(caption))
                self.flush()
            self.caption = []
        elif tag in self.BLOCKS:
            self.flush()
            if tag == "figure":
                self.figure_image = None
            elif tag == "blockquote":
                self.quoting = max(0, self.quoting - 1)
            elif tag == "pre":
                self.pre = max(0, self.pre - 1)
            elif tag in {"ul", "ol"} and self.lists:
                self.lists.pop()
            elif tag == "tr":
                self.cells = 0

    def quotes(self):
        """How many quotes the text shows in: those it stands in, as deep as a body may nest."""
        return min(self.quoting, MAX_NESTING)

    def count_skipped(self):
        """Count the element just skipped, saying whether its address stayed."""
        if self.skipped:
            kind = EMBEDDED if self.embedded else ELEMENTS
            self.dropped[kind % {"name": self.skipped}] += 1
        self.skipped, self.embedded = None, False

    def embed(self, src):
        """An embedded video, map or post: its address, a link on a line of its own."""
        if urlsplit(src).scheme not in {"http", "https"}:
            return
        self.embedded = bool(self.skipping)
        self.flush()
        address = re.sub(r"[\s()]", lambda match: f"%{ord(match[0]):02X}", src)
        self.blocks.append("[" + re.sub(r"([\\`*_\[\]])", r"\\\1", src) + f"]({address})")

    def handle_data(self, data):
        if self.skipping:
            return
        if self.in_caption:
            self.caption.append(data)
            return
        # wpautop: a blank line in the HTML separates paragraphs.
        pieces = re.split(r"\n\s*\n", data)
        for index, piece in enumerate(pieces):
            if index:
                self.flush()
            piece = self.escape(piece)
            if self.pre:
                # Preformatted lines keep their indentation and columns, in
                # no-break spaces (a story body has no fixed-width blocks).
                piece = re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)", BREAK, piece.expandtabs(4))
                piece = re.sub(r"(?<=\n) +| {2,}", lambda match: NBSP * len(match[0]), piece)
            elif self.autop:
                # A line break between words of the text shows as one.
                piece = re.sub(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)", BREAK, piece)
            self.text.append(piece)

    def handle_comment(self, data):
        """``<!--more-->`` and ``<!--nextpage-->``: a story is one page, read whole."""
        if self.skipping:
            return
        if re.match(r"\s*more\b", data):
            self.dropped[gettext_noop("“more” breaks (the story is shown whole)")] += 1
        elif re.match(r"\s*nextpage\b", data):
            self.rule()
            self.dropped[gettext_noop("page breaks (kept as a line across the page)")] += 1

    def rule(self):
        """A line across the page, in the blockquote the text stands in."""
        self.flush()
        self.text.append("---")
        self.flush()

    @staticmethod
    def escape(text):
        """Text as Markdown that shows it as written."""
        return re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("<", "&lt;")

    def flush(self):
        text = "".join(self.text).strip()
        # Spaces first, so that each pattern reads a run of spaces once (around
        # a new line first, a run with none took time in the square of its
        # length); then a line's spaces and the block's blank lines go.
        text = re.sub(r"[ \t]+", " ", text)
        text = re.sub(r" ?\n[\n ]*", "\n", text)
        text = _trim_breaks(text)
        if re.sub(r"\*|</?su[bp]>|<br>|\s", "", text):
            if not self.prefix and re.match(r"^(#|>|[-+]\s|\d+[.)]\s)", text):
                text = "\\" + text
            # A line after a break is no heading, quote or list either (nor,
            # under a line, an underline making that line a heading).
            text = re.sub(r"\n(?=#|>|[-+]\s|\d+[.)]\s|[-=]+\n|[-=]+$)", "\n\\\\", text)
            text = self.prefix + text
            if self.quoting:
                # A blockquote's paragraphs, headings and list items stay in it.
                text = "\n".join("> " * self.quotes() + line for line in text.split("\n"))
            self.blocks.append(text)
        self.text = []
        self.prefix = ""

    def close(self):
        super().close()
        self.count_skipped()  # An element left open to the end.
        self.flush()


def _trim_breaks(text):
    """``text`` without the breaks that open or close it: a break between lines only."""
    # Index by index, not a pattern anchored at the end: tried from each
    # "<br>" of a long run, that takes time in the square of its length.
    start, end = 0, len(text)
    while True:
        while start < end and text[start] in " \n":
            start += 1
        while end > start and text[end - 1] in " \n":
            end -= 1
        if text.startswith(BREAK.strip(), start, end):
            start += len(BREAK.strip())
        elif text.endswith(BREAK.strip(), start, end):
            end -= len(BREAK.strip())
        else:
            return text[start:end]


def convert_body(content, *, removed=None, children=(), dropped=None):
    """
    Post HTML as a list of Markdown paragraphs and ``PlacedImage`` items, in
    order. ``[caption]`` and ``[gallery]`` become images (a gallery without
    ``ids`` shows ``children``, the ids of the post's own attachments); every
    other shortcode is dropped and, when ``removed`` (a ``Counter``) is given,
    counted there by name. Elements dropped (scripts, forms, embeds, whose
    address stays as a link) and tables (a line of text for each row) are
    counted in ``dropped`` by kind.
    """
    # Linear time on hostile input: a shortcode's attributes hold no "[", so
    # each "[" reads only to the next one; and past the last "[/caption]" no
    # caption can close, so the caption pattern never runs there (otherwise
    # each "[caption" would read to the end of the text: time in the square of
    # its length).
    end = content.lower().rfind("[/caption]")
    if end >= 0:
        end += len("[/caption]")
        content = (
            re.sub(
                r"\[caption([^\][]*)\](.*?)\[/caption\]",
                _caption_shortcode,
                content[:end],
                flags=re.DOTALL | re.IGNORECASE,
            )
            + content[end:]
        )
    content = re.sub(
        r"\[gallery\b([^\][]*)\]",
        lambda match: _gallery_shortcode(match, children),
        content,
        flags=re.IGNORECASE,
    )
    # "[sic]", "[the company]": a newsroom's own brackets in quotes are text.
    # A shortcode is one WordPress itself registers, one with attributes, or
    # one the post closes.
    closed = {name.lower() for name in re.findall(r"\[/([a-z_][\w-]*)\]", content)}
    content = re.sub(
        r"\[(/?)([a-z_][\w-]*)(\s[^\][]*)?\]",
        lambda match: _drop_shortcode(match, removed, closed),
        content,
    )
    # A "<" that does not open a whole tag before the next "<" is text: the
    # HTML parser would otherwise rescan a run of them (time in the square of
    # its length).
    content = re.sub(r"<(?![a-zA-Z/!?][^<>]*>)", "&lt;", content)
    converter = BodyConverter(dropped, autop="<!-- wp:" not in content)
    converter.feed(content)
    converter.close()
    return converter.blocks


# The shortcodes WordPress itself registers ([caption] and [gallery] are
# turned into photos before this list is used).
CORE_SHORTCODES = {"audio", "caption", "embed", "gallery", "playlist", "video", "wp_caption"}


def _drop_shortcode(match, removed, closed):
    """
    A shortcode dropped, and counted in ``removed``; an audio, video or embed
    keeps its address, as a link on a line of its own.
    """
    name = match[2].lower()
    attributes = match[3] or ""
    if name not in CORE_SHORTCODES and name not in closed and "=" not in attributes:
        return match[0]
    if removed is not None and not match[1]:
        removed[name] += 1
    address = re.search(r"https?://[^\s\"'<>]+", attributes)
    if address and name in {"audio", "video", "embed", "playlist"}:
        return f'<p><a href="{html.escape(address[0])}">{html.escape(address[0])}</a></p>'
    return ""


def _gallery_shortcode(match, children):
    """A gallery as its images, each a figure to place: by ``ids``, else ``children``."""
    ids = re.search(r"\b(?:ids|include)\s*=\s*[\"']?([\d,\s]+)", match[1])
    numbers = re.findall(r"\d+", ids[1]) if ids else list(children)
    return "".join(f'<figure><img class="wp-image-{number}" src=""></figure>' for number in numbers)


def _caption_shortcode(match):
    inner = match[2]
    # "[^<>]": each "<" reads only to the next one, so a run of "<img" with
    # no ">" costs linear time.
    image = re.search(r"<img\b[^<>]*>", inner)
    if image is None:
        return inner
    caption = html.escape(re.sub(r"<[^<>]+>", "", inner.replace(image[0], "")).strip())
    tag = image[0][:-1].rstrip("/") + f' data-caption="{caption}">'
    return f"<figure>{tag}</figure>"


def strip_tags(text):
    """
    Return ``text`` as plain text: inline tags (``<sup>``, ``<em>``) vanish,
    other tags become spaces, entities characters, runs of whitespace one space.
    """
    # A tag ends at a ">", so past the last ">" nothing is a tag; the regex
    # runs only up to it. Otherwise each "<" with no ">" after it scans to the
    # end of the text: 2 MB of '<a href="' took minutes (time in the square
    # of the length). Before the last ">", every "<" reads only to the next ">".
    end = text.rfind(">") + 1
    text = re.sub(r"<(?=[^>])(/?)([a-zA-Z][\w-]*)?[^>]*>", _tag_space, text[:end]) + text[end:]
    return " ".join(html.unescape(text).split())


INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "font", "i",
          "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
          "sup", "time", "tt", "u", "var"}  # fmt: skip


def _tag_space(match):
    """An inline tag stands inside a word (“H<sub>2</sub>O”), any other between words."""
    return "" if (match[2] or "").lower() in INLINE else " "


def join_blocks(blocks):
    """
    The Markdown body of converted blocks, a ``[photo N]`` marker where each
    image stood; and the ``PlacedImage`` items, numbered from 1 in order.
    """
    parts, placed = [], []
    for block in blocks:
        if isinstance(block, PlacedImage):
            placed.append(block)
            parts.append(f"[photo {len(placed)}]")
        else:
            parts.append(block)
    return "\n\n".join(parts), placed
