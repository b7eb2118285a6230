"""
Measure quote attribution on real published stories against hand-written keys.

The keys are in bench/attribution/stories.json (see ``attribution_score`` for
their form); the stories' text is kept outside the repository, one file per
story, ``<id>.txt`` with paragraphs separated by a blank line, in the folder
given by ``--stories``, else ``$ATTRIBUTION_STORIES``, else
/work/attribution-stories. A story whose file is missing is listed with the
address to fetch it from. Each story is split into paragraphs as an imported
story is, read by ``quotes.attribution.analyze``, and its findings matched to
the key by the quotes' opening words.

    .venv/bin/python bench/attribution.py [--stories DIR] [--mistakes]
        [--include-held-out] [--threshold N] [--own]

Held-out stories are scored only with ``--include-held-out``: they are for
final measurement. ``--own`` also scores the synthetic stories in
tests/fixtures/stories. The exit status is 0 whatever the figures.
"""

import argparse
import collections
import json
import os
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = ROOT / "bench" / "attribution" / "stories.json"
FIXTURES = ROOT / "tests" / "fixtures" / "stories"
DEFAULT_STORIES = Path("/work/attribution-stories")

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")


def setup_django():
    import django

    django.setup()


def threshold_default():
    from quotes.attribution import confidence

    return getattr(confidence, "CONFIRM_THRESHOLD", 80)


def paragraphs_of(text):
    """A story file's paragraphs as an imported story's body gives them to the finder."""
    from importing.story_format import escape_markdown
    from quotes.services import story_paragraphs

    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return story_paragraphs("\n\n".join(escape_markdown(block) for block in blocks if block))


def fixture_paragraphs(path):
    """A fixture story's paragraphs, read as the importer reads the file."""
    from importing.story_format import parse_story, story_body
    from quotes.services import story_paragraphs

    story = parse_story(path.read_text(encoding="utf-8"), path.name)
    return story_paragraphs(story_body(story))


def own_stories():
    """The synthetic fixture stories and their answers, as keys with paragraphs."""
    stories = []
    for folder, held_out in ((FIXTURES, False), (FIXTURES / "held-out", True)):
        answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
        for name, pairs in answers.items():
            quotes = [
                {"opening": opening, "speaker": speaker.replace("anonymous:", "unnamed:", 1)}
                for opening, speaker in pairs
            ]
            story = {"id": name, "outlet": "Newsroom fixtures", "language": "en"}
            story |= {"url": "", "held_out": held_out, "quotes": quotes}
            stories.append((story, fixture_paragraphs(folder / name)))
    return stories


def real_stories(keys, folder):
    """``(story, paragraphs)`` for each keyed story whose text is in ``folder``; and the rest."""
    found, missing = [], []
    for story in keys:
        path = folder / f"{story['id']}.txt"
        if path.exists():
            found.append((story, paragraphs_of(path.read_text(encoding="utf-8"))))
        else:
            missing.append(story)
    return found, missing


def run_story(story, paragraphs):
    """Score one story; a crash of the finder counts as every quote missed."""
    from bench.attribution_score import score_story
    from quotes.attribution import analyze

    try:
        findings = analyze(paragraphs)
    except Exception as error:  # noqa: BLE001 - any crash is a result to report.
        where = traceback.extract_tb(error.__traceback__)[-1]
        detail = f"{type(error).__name__}: {error} ({Path(where.filename).name}:{where.lineno})"
        return score_story(story, [], error=detail)
    return score_story(story, findings)


HEADER = (
    f"{'':28} {'stories':>7} {'keyed':>5} {'found':>5} {'recall':>7}  {'right':>5} {'wrong':>5} "
    f"{'miss':>4} {'spk prec':>8} {'spk rec':>8}  {'roles':>6}  {'≥thr prec':>13}  {'notes<thr':>9}"
)


def row(label, tally):
    roles = f"{tally.roles_right}/{tally.roles_keyed}"
    confident = f"{tally.confident_precision()} ({tally.confident})"
    notes = f"{tally.below_with_note}/{tally.below}"
    crashed = f"  [{tally.crashed} crashed]" if tally.crashed else ""
    return (
        f"{label[:28]:28} {tally.stories:>7} {tally.keyed:>5} {tally.found:>5} "
        f"{tally.recall():>7}  "
        f"{tally.right:>5} {tally.wrong:>5} {tally.missing:>4} {tally.precision():>8} "
        f"{tally.speaker_recall():>8}  {roles:>6}  {confident:>13}  {notes:>9}{crashed}"
    )


def report(title, scores, threshold):
    from bench.attribution_score import BANDS, Tally

    print(f"\n== {title} ==")
    if not scores:
        print("(no stories)")
        return
    by_outlet = collections.defaultdict(lambda: Tally(threshold))
    by_language = collections.defaultdict(lambda: Tally(threshold))
    total = Tally(threshold)
    for score in scores:
        by_outlet[score.story["outlet"]].add(score)
        by_language[score.story["language"]].add(score)
        total.add(score)
    print(HEADER)
    for outlet in sorted(by_outlet):
        print(row(outlet, by_outlet[outlet]))
    print()
    for language in sorted(by_language):
        print(row(f"language: {language}", by_language[language]))
    print(row("TOTAL", total))
    print(
        f"\nfound = keyed quotes the finder found; spk prec = right ÷ found with a speaker; "
        f"spk rec = right ÷ keyed; ≥thr prec = right ÷ found at confidence ≥ {threshold}; "
        f"notes<thr = findings below {threshold} that carry a note; "
        f"{total.extra} findings matched no key."
    )
    print("\nCalibration (keyed quotes found):")
    print(f"  {'confidence':>10} {'count':>6} {'right':>6} {'share':>8}")
    for label, _low, _high in BANDS:
        count, right = total.bands[label]
        print(f"  {label:>10} {count:>6} {right:>6} {Tally.share(right, count):>8}")
    for score in scores:
        if score.error:
            print(f"  ! {score.story['id']}: the finder crashed: {score.error}")


def describe(finding):
    if finding is None:
        return "not found"
    entity = finding.entity
    who = "nobody"
    if entity is not None:
        who = entity.name or f"unnamed: {entity.description}"
        if entity.organization:
            who += f" [org: {entity.organization}]"
        if entity.role:
            who += f" (role: {entity.role})"
    note = f"; note: {finding.note}" if finding.note else ""
    return f"{who} — how: {finding.how}, confidence {finding.confidence}{note}"


def list_mistakes(scores):
    print("\n== Mistakes ==")
    for score in scores:
        story = score.story
        if score.error:
            print(f"\n{story['id']}: crashed ({score.error}); every quote missed")
            continue
        lines = []
        for quote in score.quotes:
            role_wrong = quote.role_right is False and quote.finding is not None
            if quote.status == "right" and not role_wrong:
                continue
            key = quote.key
            wanted = key["speaker"] + (f" (role: {key['role']})" if key.get("role") else "")
            what = "role wrong" if quote.status == "right" else quote.status
            lines.append(
                f"  [{what}] “{key['opening']}…” para {getattr(quote.finding, 'paragraph', '?')}\n"
                f"      key:     {wanted}\n      finding: {describe(quote.finding)}"
            )
        for finding in score.extra:
            text = " ".join(finding.text.split())[:60]
            lines.append(f"  [no key] “{text}…” → {describe(finding)}")
        if lines:
            print(f"\n{story['id']} ({story['outlet']}, {story['language']}):")
            print("\n".join(lines))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, help="folder of <id>.txt story files")
    parser.add_argument("--keys", type=Path, default=KEYS, help="answer keys (JSON)")
    parser.add_argument("--mistakes", action="store_true", help="list each wrong or missed quote")
    parser.add_argument(
        "--include-held-out", action="store_true", help="score held-out stories too"
    )
    parser.add_argument(
        "--threshold", type=int, help="confidence at which a finding counts as sure"
    )
    parser.add_argument("--own", action="store_true", help="also score tests/fixtures/stories")
    args = parser.parse_args(argv)
    setup_django()
    threshold = args.threshold if args.threshold is not None else threshold_default()
    folder = args.stories or Path(os.environ.get("ATTRIBUTION_STORIES") or DEFAULT_STORIES)
    keys = json.loads(args.keys.read_text(encoding="utf-8"))
    stories, missing = real_stories(keys, folder)
    if missing:
        print(f"Story texts missing from {folder} (save each page's text as <id>.txt):")
        for story in missing:
            print(f"  {story['id']}: {story['url']}")
    print(f"Threshold: {threshold}")
    groups = [("real stories", stories)]
    if args.own:
        groups.append(("own fixture stories", own_stories()))
    for title, pairs in groups:
        scored = [(story, run_story(story, paragraphs)) for story, paragraphs in pairs]
        dev = [score for story, score in scored if not story["held_out"]]
        held = [score for story, score in scored if story["held_out"]]
        report(f"{title}: development", dev, threshold)
        if args.include_held_out:
            report(f"{title}: held out", held, threshold)
            report(f"{title}: all", dev + held, threshold)
        else:
            print(f"({len(held)} held-out stories not scored; --include-held-out scores them.)")
        if title.startswith("own"):
            print(
                "(08-known-people.txt expects people already in the database, aliases and "
                "Khmer names; read without it, its quotes keep the names as written.)"
            )
        if args.mistakes:
            list_mistakes(dev + (held if args.include_held_out else []))
    return 0


if __name__ == "__main__":
    sys.exit(main())
