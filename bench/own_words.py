"""
Lines of the repository that reuse the words of the real stories the
attribution set was keyed on. Those stories are read and measured, never
copied: comments and test stories must say what a story showed in words of
our own. Run it before committing attribution work:

    python bench/own_words.py STORIES_DIR [PATH …]

``STORIES_DIR`` holds the stories' texts (kept outside the repository);
``PATH`` defaults to the finder, its tests and the test fixtures. A line is
reported when it shares a run of six words (English) or of 28 letters
(Khmer, which writes no spaces between words) with a stored story. Common
newsroom phrases ("said in a statement on Monday") match too: judge each.
"""

import argparse
import re
import sys
from pathlib import Path

WORDS = 6
KHMER_LETTERS = 28
WORD = re.compile(r"[\w’']+")
KHMER_RUN = re.compile(r"[\u1780-\u17ff\s«»“”៖។]+")
DEFAULT_PATHS = ["quotes", "tests/quotes", "tests/fixtures", "tests/importing", "importing"]


def english_runs(text):
    words = [word.lower() for word in WORD.findall(text)]
    for start in range(len(words) - WORDS + 1):
        run = " ".join(words[start : start + WORDS])
        if len(run) >= 25 and not re.search(r"[\u1780-\u17ff]", run):
            yield run


def khmer_runs(text):
    for match in KHMER_RUN.finditer(text):
        letters = re.sub(r"\s+", "", match[0])
        for start in range(0, len(letters) - KHMER_LETTERS + 1, 4):
            yield letters[start : start + KHMER_LETTERS]


def stored_texts(folder):
    english, khmer = set(), {}
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        english.update(english_runs(text))
        khmer[path.name] = re.sub(r"\s+", "", text)
    return english, khmer


def reused(line, english, khmer):
    """The story a line reuses words of (or "English" for a shared run), or None."""
    if any(run in english for run in english_runs(line)):
        return "English"
    for run in khmer_runs(line):
        for name, text in khmer.items():
            if run in text:
                return name
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", help="the folder of stored story texts")
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    args = parser.parse_args(argv)
    english, khmer = stored_texts(args.stories)
    files = sorted(
        str(path)
        for folder in args.paths
        for path in ([Path(folder)] if Path(folder).is_file() else Path(folder).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    )
    found = 0
    for name in files:
        if not name.endswith((".py", ".txt", ".json", ".xml", ".md")):
            continue
        for number, line in enumerate(Path(name).read_text(encoding="utf-8").splitlines(), 1):
            source = reused(line, english, khmer)
            if source:
                found += 1
                print(f"{name}:{number}: ({source}) {line.strip()[:120]}")
    print(f"{found} lines share words with a stored story.", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
