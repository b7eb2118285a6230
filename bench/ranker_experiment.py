"""
Does a learned ranker over the rules' speaker candidates generalise to
unseen stories better than the rules' own choice?

Leave one batch out over batches 10 to 15: train on every development story
but that batch's, pick the override margin by leave-one-batch-out over the
training part's batches, and compare on the held-out batch (a) the rules
alone and (b) the rules with the ranker overriding them where its choice
clears the margin. The rules have since been tuned on every batch, so (a)
is optimistic; each batch's figures as first measured are printed too.

    .venv/bin/python bench/ranker_experiment.py [--stories DIR] [--batches DIR]
        [--held-out [--dump FILE]] [--first-measured FILE...]

With ``--held-out`` the ranker is trained on the development stories and
tested on the stories held out in bench/attribution/stories.json instead: a
new batch, measured as it comes in; ``--dump FILE`` saves that batch's
examples. ``--first-measured FILE...`` leaves one batch out over such files
(``bench/ranker_first_measured.py`` makes them with the rules of the day
each batch was first measured).
"""

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

BATCHES = range(10, 16)
MARGINS = [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, float("inf")]


def load(folder):
    """Each keyed story's examples, and the finder's time with and without collecting."""
    from bench.attribution import KEYS, real_stories
    from bench.ranker import examples_of
    from bench.ranker_candidates import Collector
    from quotes.attribution import analyze

    keys = json.loads(KEYS.read_text(encoding="utf-8"))
    stories, _missing = real_stories(keys, folder)
    examples, keyed = {}, collections.Counter()
    plain = collecting = 0.0
    words = 0
    for story, paragraphs in stories:
        words += sum(len(text.split()) for text in paragraphs)
        began = time.perf_counter()
        analyze(paragraphs)
        plain += time.perf_counter() - began
        began = time.perf_counter()
        collector = Collector()
        findings = analyze(paragraphs, collector=collector)
        choices = collector.choices(findings)
        collecting += time.perf_counter() - began
        examples[story["id"]] = examples_of(story, findings, choices)
        keyed[story["id"]] = len(story["quotes"])
    return stories, examples, keyed, (plain, collecting, words)


def batch_of(folder):
    """Story id → batch number, from the batch id lists."""
    batches = {}
    for number in BATCHES:
        path = folder / f"batch{number}-ids.txt"
        for line in path.read_text().split() if path.exists() else []:
            batches[line.strip()] = number
    return batches


def group_of(stories):
    """Story id → the batch it came in with, told by its ``tuned_after``; None for the first."""
    return {story["id"]: story.get("tuned_after") for story, _paragraphs in stories}


class Outcome:
    """Speaker figures over some quotes, for the rules alone and with the ranker."""

    def __init__(self):
        self.keyed = 0
        self.rules = collections.Counter()  # right, attributed
        self.ranked = collections.Counter()
        self.overrides = collections.Counter()  # fixed, broke, neither
        # Quotes the rules did not get right, and of those, the ones whose speaker was a candidate.
        self.reach = collections.Counter()

    def add(self, example, choice_index):
        rules_right = example.right[example.rules] and example.rules != len(example.right) - 1
        self.rules["attributed"] += example.rules != len(example.right) - 1
        self.rules["right"] += rules_right
        if not rules_right:
            self.reach["not right"] += 1
            self.reach["among"] += any(example.right[:-1])
        chosen = example.rules if choice_index is None else choice_index
        nobody = chosen == len(example.right) - 1
        now_right = example.right[chosen] and not nobody
        self.ranked["attributed"] += not nobody
        self.ranked["right"] += now_right
        if choice_index is not None:
            if now_right and not rules_right:
                self.overrides["fixed"] += 1
            elif rules_right and not now_right:
                self.overrides["broke"] += 1
            else:
                self.overrides["neither"] += 1

    def merge(self, other):
        self.keyed += other.keyed
        for mine, theirs in (
            (self.rules, other.rules),
            (self.ranked, other.ranked),
            (self.overrides, other.overrides),
            (self.reach, other.reach),
        ):
            mine.update(theirs)

    def net(self):
        """Right gained less wrong gained: the margin's objective."""
        right = self.ranked["right"] - self.rules["right"]
        wrong = (self.ranked["attributed"] - self.ranked["right"]) - (
            self.rules["attributed"] - self.rules["right"]
        )
        return right - wrong

    @staticmethod
    def share(part, whole):
        return f"{100 * part / whole:5.1f} %" if whole else "   –   "

    def figures(self, counts):
        return (
            f"{self.share(counts['right'], counts['attributed'])} / "
            f"{self.share(counts['right'], self.keyed)}"
        )


def evaluate(weights, examples, margin, outcome=None):
    from bench.ranker import decide

    outcome = outcome or Outcome()
    for example in examples:
        outcome.add(example, decide(weights, example.features, example.rules, margin))
    return outcome


def pick_margin(training, batches):
    """The margin with the best net gain, over leave-one-batch-out inside ``training``."""
    from bench.ranker import train

    totals = dict.fromkeys(MARGINS, 0)
    for inner in sorted({batches.get(e.story["id"]) for e in training} - {None}, key=str):
        fit = train([e for e in training if batches.get(e.story["id"]) != inner])
        held = [e for e in training if batches.get(e.story["id"]) == inner]
        for margin in MARGINS:
            totals[margin] += evaluate(fit, held, margin).net()
    # Ties go to the larger margin: override the rules as rarely as possible.
    return max(MARGINS, key=lambda margin: (totals[margin], margin)), totals


def compare(tests, training_of, groups, keyed):
    """
    For each test (label → its examples), train on ``training_of(label)``
    with a margin picked inside it, and print the rules against the ranker.
    """
    from bench.ranker import train

    print(
        f"{'batch':>8} {'lang':>4} {'keyed':>5}  {'rules: prec / rec':>19}  "
        f"{'ranker: prec / rec':>19}  {'margin':>6}  {'overrides fixed/broke/neither':>29}  "
        f"{'speaker among candidates':>24}"
    )
    summed = collections.defaultdict(Outcome)
    for label, held in tests.items():
        training = training_of(label)
        margin, totals = pick_margin(training, groups)
        weights = train(training)
        for language in ("en", "km"):
            outcome = Outcome()
            outcome.keyed = keyed[label, language]
            evaluate(weights, [e for e in held if e.story["language"] == language], margin, outcome)
            summed[language].merge(outcome)
            summed["all"].merge(outcome)
            print(_row(label, language, outcome, f"{margin:6.1f}"))
        at_zero = evaluate(weights, held, 0.0).overrides
        print(
            f"{'':>14}margin picked from net gains {_gains(totals)}; at margin 0 the "
            f"ranker would fix {at_zero['fixed']}, break {at_zero['broke']}, "
            f"change {at_zero['neither']} wrong for wrong"
        )
    if len(tests) > 1:
        for language in ("en", "km", "all"):
            print(_row("together", language, summed[language], ""))


def _gains(totals):
    return ", ".join(f"{margin:g}: {net:+d}" for margin, net in totals.items())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, default=Path("/work/attribution-stories"))
    parser.add_argument("--batches", type=Path, default=Path("/work/prompts"))
    parser.add_argument(
        "--held-out", action="store_true", help="test on the held-out stories instead"
    )
    parser.add_argument("--dump", type=Path, help="with --held-out: save its examples (JSON)")
    parser.add_argument(
        "--first-measured",
        type=Path,
        nargs="+",
        help="leave one batch out over saved held-out examples, one file per batch",
    )
    args = parser.parse_args(argv)
    if args.first_measured:
        return first_measured(args.first_measured)
    import django

    django.setup()
    stories, examples, keyed, (plain, collecting, words) = load(args.stories)
    groups = group_of(stories)
    if args.held_out:
        tests = {"held out": {s["id"] for s, _ in stories if s["held_out"]}}
    else:
        batches = batch_of(args.batches)
        tests = {str(n): {i for i, b in batches.items() if b == n} for n in BATCHES}
    found = sum(len(found) for found in examples.values())
    print(f"{len(stories)} stories, {found} keyed quotes found by the rules")
    print(
        f"Finder time per 1,000 words: {1e6 * plain / words:.1f} ms alone, "
        f"{1e6 * collecting / words:.1f} ms collecting candidates ({words:,} words)"
    )
    development = [s for s, _ in stories if not s["held_out"]]
    counts = collections.Counter()
    for label, test in tests.items():
        for story, _paragraphs in stories:
            if story["id"] in test:
                counts[label, story["language"]] += keyed[story["id"]]
    compare(
        {
            label: [e for i in sorted(test) for e in examples.get(i, [])]
            for label, test in tests.items()
        },
        lambda label: [
            e for s in development if s["id"] not in tests[label] for e in examples[s["id"]]
        ],
        groups,
        counts,
    )
    if args.dump:
        held = [e.as_json() for i in sorted(tests["held out"]) for e in examples.get(i, [])]
        languages = {lang: counts["held out", lang] for lang in ("en", "km")}
        args.dump.write_text(json.dumps({"keyed": languages, "examples": held}), encoding="utf-8")
    if not args.held_out:
        print("\nEach batch as first measured, before any round tuned on it:")
        for label, test in tests.items():
            print(f"  {label}: {next((groups[i] for i in sorted(test) if i in groups), '')}")
    return 0


def first_measured(paths):
    """
    Leave one batch out over held-out examples saved with ``--dump``, each
    collected by the rules as they were when that batch was first measured:
    the ranker learns from the rules' mistakes on text they had not seen.
    """
    from bench.ranker import Example

    tests, keyed, groups = {}, collections.Counter(), {}
    for path in paths:
        saved = json.loads(path.read_text(encoding="utf-8"))
        tests[path.stem] = [Example.from_json(data) for data in saved["examples"]]
        for language, count in saved["keyed"].items():
            keyed[path.stem, language] = count
        groups |= {e.story["id"]: path.stem for e in tests[path.stem]}
    print(f"{sum(map(len, tests.values()))} keyed quotes found, first measured")
    compare(
        tests,
        lambda label: [e for other, held in tests.items() if other != label for e in held],
        groups,
        keyed,
    )
    return 0


def _row(batch, language, outcome, margin):
    fixes = outcome.overrides
    return (
        f"{batch:>5} {language:>4} {outcome.keyed:>5}  {outcome.figures(outcome.rules):>19}  "
        f"{outcome.figures(outcome.ranked):>19}  {margin:>6}  "
        f"{fixes['fixed']:>23}/{fixes['broke']}/{fixes['neither']}  "
        f"{outcome.reach['among']:>16} of {outcome.reach['not right']}"
    )


if __name__ == "__main__":
    sys.exit(main())
