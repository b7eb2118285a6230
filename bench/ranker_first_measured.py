"""
The ranker experiment on the rules as they were when each of batches 10 to
15 was first measured, before any round tuned on it.

For each batch, the repository at the commit where the batch came in held
out is unpacked into a temporary folder, given the collector hook of
``quotes.attribution.analyze`` and this folder's ranker scripts, and run
with ``ranker_experiment.py --held-out --dump``: the rules of that day, on
the stories they had not seen. Then ``ranker_experiment.py --first-measured``
leaves one batch out over those examples: the ranker learns from the rules'
mistakes on other unseen batches.

    .venv/bin/python bench/ranker_first_measured.py [--out DIR] [--stories DIR]
"""

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMITS = {
    10: "450076089f5cfd1d5c735742e5df34dcd36db666",
    11: "b61c948d719bd4e8e8aea6af682943bcdec6fd48",
    12: "2d7416fda8b2b5dcd42fd7eb76b1784e4a1cafe9",
    13: "84d9061d9df2f461a05f90a0e7ec9bdf46bac0b3",
    14: "24a5e9f189e5a90547c6e81e4f600fa1f294b7ba",
    15: "b4c31ff131d37adde6ef5473b7ea01655265fcf7",
}
SCRIPTS = ("ranker.py", "ranker_candidates.py", "ranker_experiment.py")
# The collector hook, as text to put into an older ``analyze.py``: each
# ``old``, found once there, becomes ``new``.
SAW = (
    "            if collector is not None:\n"
    "                collector.saw(cast, paragraph, event, {})\n"
)
ANALYZE = "def analyze(paragraphs, directory=None"
RESOLVE = "_resolve_paragraph(cast, paragraph, previous, following, sentences"
TOUCH = "            cast.touch(entity, salient=event.item.salient)\n"
SUBJECT = "            entity, confidence, _note = resolve(cast, event.item)\n"
QUOTE = "finding = _resolve_quote(cast, event.item, paragraph, context, previous, following)\n"
HOOK = [
    (ANALYZE, ANALYZE + ", collector=None"),
    (f"found = {RESOLVE})", f"found = {RESOLVE}, collector)"),
    (f"def {RESOLVE}):", f"def {RESOLVE}, collector=None):"),
    (TOUCH, TOUCH + SAW.format("entity")),
    (SUBJECT, SUBJECT + SAW.format("entity")),
    (QUOTE, QUOTE + SAW.format("finding")),  # Indented as the ones above.
]  # fmt: skip


def unpack(commit, folder):
    """The repository at ``commit``, with the collector hook and today's ranker scripts."""
    archive = subprocess.run(  # noqa: S603 - git with fixed arguments
        ["git", "archive", "--format=tar", commit],  # noqa: S607 - the developer's git
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    analyze = folder / "quotes" / "attribution" / "analyze.py"
    text = analyze.read_text(encoding="utf-8")
    for old, new in HOOK:
        if text.count(old) != 1:
            raise SystemExit(f"{commit[:7]}: analyze.py has no single place for the hook: {old!r}")
        text = text.replace(old, new)
    analyze.write_text(text, encoding="utf-8")
    for name in SCRIPTS:
        (folder / "bench" / name).write_text(
            (ROOT / "bench" / name).read_text(encoding="utf-8"), encoding="utf-8"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "ranker")
    parser.add_argument("--stories", type=Path, default=Path("/work/attribution-stories"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    dumps = []
    for batch, commit in COMMITS.items():
        dump = (args.out / f"batch{batch}.json").resolve()
        with tempfile.TemporaryDirectory() as folder:
            unpack(commit, Path(folder))
            command = [sys.executable, "bench/ranker_experiment.py", "--held-out"]
            command += ["--stories", str(args.stories), "--dump", str(dump)]
            run = subprocess.run(  # noqa: S603 - this virtualenv's Python, fixed arguments
                command, cwd=folder, capture_output=True, text=True, check=True
            )
        print(f"Batch {batch}, rules at {commit[:7]}:")
        print("\n".join(line for line in run.stdout.splitlines() if "held out" in line))
        dumps.append(str(dump))
    print()
    experiment = [sys.executable, str(ROOT / "bench" / "ranker_experiment.py")]
    subprocess.run(  # noqa: S603 - this virtualenv's Python, fixed arguments
        [*experiment, "--first-measured", *dumps], check=True
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
