"""
The plain-text story format, read without touching the database.

The first line names the publication; the next non-empty line is the
headline; then blocks separated by blank lines (see the README). A photo
caption block is the caption with its credit at the end of the line,
``Agency/ Photographer``, ``(Photographer/Agency)`` or ``រូបថត៖ …``, and the
export writes that line twice in a row (once as alt text, once as caption).
Dates are read in English (“July 7, 2021”, “2 January 2024”) and in Khmer
(“ថ្ងៃទី៥ ខែធ្នូ ឆ្នាំ២០២៦”, Khmer or Western digits); a first paragraph may
open with a dateline, “PHNOM PENH — ” or “ភ្នំពេញ៖ ”. Every other block is a
paragraph. Each caption block is a photo slot, numbered in the order of the
file; a caption block before the first paragraph is the lead photo. A story's pictures are JPEG,
PNG or WebP files (``IMAGE_SUFFIXES``).
"""

import dataclasses
import datetime
import re
import unicodedata
from pathlib import PurePath

from django.utils.translation import gettext as _

from articles.models import Article
from people.names import KHMER_MONTHS, is_khmer, split_honorific

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
MAX_STORY_BYTES = 2_000_000


def photo_number(story_name, image_name):
    """
    The photo number a picture named ``image_name`` has in the story file
    ``story_name`` (``court-2.jpg`` is photo 2 of ``court.txt``), or None when
    it is not one of its pictures.
    """
    story, image = PurePath(story_name), PurePath(image_name)
    if image.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    match = re.fullmatch(rf"{re.escape(story.stem)}-(\d+)", image.stem, re.IGNORECASE)
    return int(match[1]) if match else None


CREDIT = re.compile(
    r"(?:^|\s)(?P<agency>[A-Z][\w&.'’\-]*(?:\s[A-Z][\w&.'’\-]*){0,3})\s?/\s?"
    r"(?P<photographer>[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*){0,3})?\s*$"
)
# “(Hul Reaksmey/VOA)”, “(ហ៊ុល រីណា/VOA)”: the photographer, then the agency.
PARENTHESIZED_CREDIT = re.compile(
    r"\s*\((?:(?:រូបថត|Photo)\s*[៖:]\s*)?(?P<photographer>[^()/]{1,60}?)\s*/\s*"
    r"(?P<agency>[^()/]{1,60}?)\s*\)\s*[។.]?\s*$"
)
# “រូបថត៖ សុខ ដារ៉ា”, “(រូបថត៖ AFP)”, “Photo: Supplied”.
LABELLED_CREDIT = re.compile(
    r"\s*\(?(?:រូបថត|រូបឯកសារ|Photo|Photograph)\s*[៖:]\s*(?P<credit>[^()៖:]{1,80}?)\)?\s*[។.]?\s*$"
)
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
} | {name: number for number, name in enumerate(KHMER_MONTHS, start=1)}
_MONTH = r"(?P<month>[A-Z][a-z]{2,8})\.?"
DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\b"),
    # “ថ្ងៃទី៥ ខែធ្នូ ឆ្នាំ២០២៦”, “ថ្ងៃច័ន្ទ ទី៥ ខែធ្នូ ឆ្នាំ២០២៦”, “៥ ធ្នូ ២០២៦”; \d and
    # int() read Khmer digits.
    re.compile(
        r"(?:ថ្ងៃ[\u1780-\u17ff]*\s*)?(?:ទី\s*)?(?<!\d)(?P<day>\d{1,2})\s*(?:ខែ\s*)?"
        rf"(?P<month>{'|'.join(KHMER_MONTHS)})\s*(?:ឆ្នាំ\s*)?(?P<year>\d{{4}})(?!\d)"
    ),
]
PLACE_LEAD = re.compile(
    r"\b(?:in|at|near|outside|inside|on the outskirts of)\s+(?=[A-Z])"
    r"|នៅ(?:ក្នុង|មុខ|ឯ)?\s*(?=[\u1780-\u17ff])"
)
# Words between a Khmer place and its date: “នៅខេត្តកំពត កាលពីថ្ងៃទី៥ …”.
KHMER_DATE_LEAD = re.compile(r"\s*(?:កាលពី|នា|នៅ|ក្នុង)\s*$")
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’\-]{1,40}?)\s*[—–]\s+|^(?P<place2>[A-Z][A-Z .'’\-]{1,40}?)\s+-\s+"
    # Khmer: “ភ្នំពេញ៖ ”, “សៀមរាប (ហ្វ្រេសញូវ)៖ ”.
    r"|^(?P<place3>[\u1780-\u17ff]{2,30}(?: [\u1780-\u17ff]{2,30})?)\s*(?:\([^)]{1,40}\))?\s*៖\s*"
)
# Markdown that plain text must not set off by accident.
MARKDOWN_LINE_START = re.compile(r"^(#|>|[-+*]\s|\d+[.)]\s)")
MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]])")


class StoryFileError(ValueError):
    """A file that cannot be read as a story; the message says why, for the journalist."""


@dataclasses.dataclass
class PhotoBlock:
    """A caption block: one photo slot."""

    number: int
    caption: str
    alt_text: str
    credit_agency: str = ""
    photographer: str = ""
    date_taken: datetime.date | None = None
    place: str = ""


@dataclasses.dataclass
class ParsedStory:
    publication: str
    headline: str
    blocks: list  # str for a paragraph, PhotoBlock for a photo slot.
    dateline: str = ""

    @property
    def paragraphs(self):
        return [block for block in self.blocks if isinstance(block, str)]

    @property
    def photos(self):
        return [block for block in self.blocks if isinstance(block, PhotoBlock)]

    def lead_photo(self):
        """The photo slot before the first paragraph, if any: the lead photo."""
        first = self.blocks[0] if self.blocks else None
        return first if isinstance(first, PhotoBlock) else None


def decode_story(data, name):
    """
    Return the text of a story file, or raise ``StoryFileError`` for a file
    that is empty, binary, not UTF-8 or too big.
    """
    if len(data) > MAX_STORY_BYTES:
        raise StoryFileError(
            _("%(name)s is %(size)s KB; a story file can be at most %(limit)s KB.")
            % {"name": name, "size": len(data) // 1024, "limit": MAX_STORY_BYTES // 1024}
        )
    if not data.strip():
        raise StoryFileError(_("%(name)s is empty.") % {"name": name})
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise StoryFileError(
            _(
                "%(name)s is UTF-16 text, not UTF-8. Save it as UTF-8 plain text "
                "and import it again."
            )
            % {"name": name}
        )
    if b"\x00" in data[:8192]:
        raise StoryFileError(
            _(
                "%(name)s is a binary file (an image, a PDF or a word-processor "
                "file?), not plain text."
            )
            % {"name": name}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StoryFileError(
            _(
                "%(name)s is not UTF-8 text (byte %(position)s cannot be read). Save it "
                "as UTF-8 plain text and import it again."
            )
            % {"name": name, "position": error.start}
        ) from error
    controls = sum(
        1
        for character in text
        if unicodedata.category(character) == "Cc" and character not in "\n\r\t"
    )
    if controls > max(8, len(text) // 100):
        raise StoryFileError(_("%(name)s is a binary file, not plain text.") % {"name": name})
    return text


def parse_story(text, name="story"):
    """
    Read a story in the plain-text format into a ``ParsedStory``. Raise
    ``StoryFileError`` if there is no headline.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.strip() for line in text.split("\n")]
    filled = [index for index, line in enumerate(lines) if line]
    if len(filled) < 2:
        raise StoryFileError(
            _(
                "%(name)s has no headline: the first line names the publication and "
                "the next non-empty line must be the headline."
            )
            % {"name": name}
        )
    publication, headline = lines[filled[0]], lines[filled[1]]
    if CREDIT.search(headline) or len(headline) > Article._meta.get_field("headline").max_length:
        raise StoryFileError(
            _("%(name)s has no headline: its second line is not one (too long, or a caption).")
            % {"name": name}
        )
    raw_blocks, current = [], []
    for line in lines[filled[1] + 1 :]:
        if line:
            current.append(line)
        elif current:
            raw_blocks.append(current)
            current = []
    if current:
        raw_blocks.append(current)
    story = ParsedStory(publication=publication, headline=headline, blocks=[])
    index = 0
    while index < len(raw_blocks):
        block = raw_blocks[index]
        caption_line = _caption_line(block)
        repeated = index + 1 < len(raw_blocks) and raw_blocks[index + 1] == block
        single = caption_line is None and len(block) == 1
        # A single line with an English credit is a caption; a Khmer credit
        # (“(…/…)”, “រូបថត៖ …”) only on a line written twice.
        if single and (CREDIT.search(block[0]) or (repeated and split_credit(block[0]))):
            caption_line = block[0]
        if caption_line is not None and repeated and len(block) == 1:
            # The doubled line may stand in a block of its own.
            index += 1
        if caption_line is not None:
            story.blocks.append(parse_caption(caption_line, number=len(story.photos) + 1))
        else:
            story.blocks.append(" ".join(block))
        index += 1
    if story.paragraphs:
        first = story.paragraphs[0]
        match = DATELINE.match(first)
        if match and not split_honorific(match["place3"] or "")[0]:
            story.dateline = (match["place"] or match["place2"] or match["place3"]).strip().title()
            story.blocks[story.blocks.index(first)] = first[match.end() :]
    return story


def _caption_line(block):
    """The caption line of a block that holds one line written twice, else ``None``."""
    if len(block) == 2 and block[0] == block[1]:
        return block[0]
    return None


def split_credit(line, *, alone=False):
    """
    ``(caption, agency, photographer)`` of a caption line ending with a credit,
    else ``None``: “… CamboJA/ Vann Piseth”, “… (ហ៊ុល រីណា/VOA)”, “… រូបថត៖ AFP”.
    With ``alone``, ``line`` is a credit without a caption (a credit field).
    """
    match = CREDIT.search(line)
    if match:
        return (
            line[: match.start()].strip(),
            match["agency"].strip(),
            (match["photographer"] or "").strip(),
        )
    match = PARENTHESIZED_CREDIT.search(line)
    if match:
        photographer, agency = match["photographer"].strip(), match["agency"].strip()
        if _is_agency(photographer) and not _is_agency(agency):
            photographer, agency = agency, photographer
        return line[: match.start()].strip(), agency, photographer
    match = LABELLED_CREDIT.search(line)
    if match and (match.start() or alone):
        parts = [part.strip() for part in match["credit"].split("/", 1)]
        if len(parts) == 2:
            agency, photographer = parts
            if _is_agency(photographer) and not _is_agency(agency):
                agency, photographer = photographer, agency
        elif _is_agency(parts[0]):
            agency, photographer = parts[0], ""
        else:
            agency, photographer = "", parts[0]
        return line[: match.start()].strip(), agency, photographer
    return None


def _is_agency(credit):
    """Whether a credit reads as an agency (“VOA”, “AFP”, “Fresh News”), not a person's name."""
    return not is_khmer(credit) and (
        len(credit.split()) == 1 or bool(re.search(r"\b[A-Z]{2,}\b", credit))
    )


def parse_caption(line, *, number):
    """
    Split a caption line into caption, credit (agency and photographer), date
    and place: “Ny Sokha speaks in Phnom Penh, July 7, 2021. CamboJA/ Vann
    Piseth” gives the place “Phnom Penh” and the date 2021-07-07.
    """
    caption, agency, photographer = split_credit(line) or (line, "", "")
    date_taken, place = None, ""
    for pattern in DATE_PATTERNS:
        for date_match in pattern.finditer(caption):
            month = MONTHS.get(date_match["month"].casefold())
            if month is None:
                continue
            try:
                date_taken = datetime.date(int(date_match["year"]), month, int(date_match["day"]))
            except ValueError:
                continue
            before = re.sub(r"(?:,|\s+on)\s*$", "", caption[: date_match.start()].rstrip())
            before = KHMER_DATE_LEAD.sub("", before)
            leads = list(PLACE_LEAD.finditer(before))
            if leads:
                place = before[leads[-1].end() :].strip(" ,")
            break
        if date_taken:
            break
    return PhotoBlock(
        number=number,
        caption=caption,
        alt_text=caption[:300],
        credit_agency=agency[:100],
        photographer=photographer,
        date_taken=date_taken,
        place=place[:200],
    )


def escape_markdown(paragraph):
    """Plain text as Markdown that renders the same words, nothing set off by accident."""
    text = MARKDOWN_INLINE.sub(r"\\\1", paragraph).replace("<", "&lt;")
    if MARKDOWN_LINE_START.match(text):
        text = "\\" + text
    return text


def story_body(story):
    """The Markdown body: the paragraphs, and a [photo N] marker for each photo in the body."""
    lead = story.lead_photo()
    parts = []
    for block in story.blocks:
        if isinstance(block, PhotoBlock):
            if block is not lead:
                parts.append(f"[photo {block.number}]")
        else:
            parts.append(escape_markdown(block))
    return "\n\n".join(parts)
