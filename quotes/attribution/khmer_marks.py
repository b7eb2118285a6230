"""
Khmer quote marks as writers use them: a quote opened with «, or “, in one
paragraph and closed paragraphs later is reopened in each paragraph it runs
through, and a paragraph that closes a quote it never opened (“ឯកឧត្តម X៖
…»។”) has the opener put back, so that ``spans`` finds every quote whole;
curly marks an outlet writes reversed (”…“) are turned round.
Word-break hints (zero-width spaces) are dropped.
"""

import re

from .khmer_words import INTRODUCED, INVISIBLE, SPEECH_VERB, is_khmer_text

FIRST_PERSON = re.compile(r"ខ្ញុំ|យើង")
# A speech verb and “that”, a time between: “បាននិយាយកាលពីម្សិលមិញថា ”.
SAID_THAT = re.compile(rf"(?:{SPEECH_VERB.pattern})[^\s«»“”។]{{0,30}}ថា\s*")
# Right after a reversed closing mark: the sentence's end, or the paragraph's.
REVERSED_CLOSE = re.compile(r"\s*(?:[។៕!?,]|$)")

# “85075470_2698…_o Copy Scaled 768x1524”, “photo_2.jpg”: an image's file name.
IMAGE_FILE = re.compile(
    r"[A-Za-z0-9\-.]*(?:_[A-Za-z0-9_\-.]*|\.(?:jpe?g|png|gif|webp))"
    r"(?:\s+(?:copy|scaled|\d+x\d+|\d+))*$",
    re.IGNORECASE,
)

HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def prepare(paragraphs):
    """
    The paragraphs as the rules read them: no invisible word-break marks, and
    a quote running over paragraphs reopened in each (Khmer writers often
    open «…» once and close it paragraphs later).
    """
    paragraphs = [INVISIBLE.sub("", text) for text in paragraphs]
    if any(map(is_khmer_text, paragraphs)):
        # An image's file name left between paragraphs names nobody: read as blank.
        paragraphs = ["" if IMAGE_FILE.match(text.strip()) else text for text in paragraphs]
        # A raw HTML page: its tags' attribute quotes (style="…") are no quotes.
        paragraphs = [
            HTML_TAG.sub(" ", text) if is_khmer_text(text) else text for text in paragraphs
        ]
    for index, text in enumerate(paragraphs):
        if not index or _left_open(paragraphs[index - 1]) != "“":
            paragraphs[index] = _unreversed(text)
    for index, text in enumerate(paragraphs[:-1]):
        opener = _left_open(text)
        if opener is None:
            continue
        closer = {"«": "»", "“": "”"}[opener]
        for later in range(index + 1, min(index + 4, len(paragraphs))):
            marks = re.search(f"[{opener}{closer}]", paragraphs[later])
            if marks is None:
                continue
            if marks[0] == closer:
                for between in range(index + 1, later + 1):
                    paragraphs[between] = opener + paragraphs[between]
            break
        else:
            following = paragraphs[index + 1]
            if not re.search('[«»“”"]', following) and FIRST_PERSON.search(following):
                # Never closed, the next paragraph still speaking as “I”: the quote goes on.
                paragraphs[index + 1] = opener + following
    return [_closed_unopened(text) for text in paragraphs]


def _unreversed(text):
    """
    A Khmer paragraph whose curly marks all come reversed, ”…“ (“… ថា ”…“ ។
    … ថា ”…“ ។”), with them turned the right way round; a paragraph closing
    a quote and opening the next (”…” then “… running on) is left alone, as
    a closing mark right before the sentence's end tells them apart.
    """
    marks = list(re.finditer("[“”]", text))
    pairs = len(marks) // 2
    if (
        not pairs
        or [mark[0] for mark in marks] != ["”", "“"] * pairs
        or not REVERSED_CLOSE.match(text, marks[-1].end())
        or not is_khmer_text(text)
    ):
        return text
    return text.translate(str.maketrans("“”", "”“"))


def _closed_unopened(text):
    """
    A paragraph whose first quote mark closes (“ឯកឧត្តម X៖ …»។”, “…”។” after
    a quote paragraph) with the opener left out: opened after the colon
    before the closer, or at the paragraph's start.
    """
    marks = re.search(r"[«»“”]", text)
    if marks is None or marks[0] not in "»”" or not is_khmer_text(text):
        return text
    opener = {"»": "«", "”": "“"}[marks[0]]
    if INTRODUCED.search(text[: marks.start()]) and marks[0] not in text[marks.end() :]:
        # “… បាននិយាយថា ” ខ្ញុំ…”: the only mark, right after “ថា”, opens the quote.
        return text[: marks.start()] + opener + text[marks.end() :]
    unopened = text.count(marks[0]) - text.count(opener)
    if unopened <= 0 or (marks[0] == "”" and unopened % 2 == 0):
        return text  # Paired after all: ”…” is a Khmer way of quoting.
    colon = ([None] + list(re.finditer(r"[៖:]\s*", text[: marks.start()])))[-1]
    at = colon.end() if colon else len(text) - len(text.lstrip())
    said = SAID_THAT.search(text, at, marks.start())
    if said and not FIRST_PERSON.search(text, at, said.start()):
        # “X បាននិយាយកាលពីម្សិលមិញថា ខ្ញុំ…”។”: the words open after “said that”.
        at = said.end()
    return text[:at] + opener + text[at:]


def _left_open(text):
    """The «, or “, a paragraph leaves open at its end, if any."""
    opened = None
    for character in text:
        if opened is None and character in "«“":
            opened = character
        elif (opened, character) in {("«", "»"), ("“", "”")}:
            opened = None
    return opened
