"""
Lighthouse's mobile preset (simulated slow 4G, a mid-range phone's CPU) on
the reader pages a phone reader meets first: the home page in English and in
Khmer, a story and a person's page, served as production serves them
(gunicorn, DEBUG off, collected static files, the page cache) from a
throwaway demo newsroom on 127.0.0.1.

Lighthouse is pinned in ``bench/lighthouse/package.json`` and installed
there (``npm ci``) the first time; it drives Debian's Chromium. Each page is
measured ``--runs`` times (the median is reported): performance score,
largest contentful paint, total bytes of a first visit, and the number of
requests.

    .venv/bin/python bench/lighthouse.py [--runs 3]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from run import (  # noqa: E402
    environment,
    free_port,
    pick_pages,
    prepare,
    start_server,
    wait_until_up,
)

TOOL = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
TARGETS = {"performance": 98, "lcp_s": 2.0, "story_kib": 250}


def install():
    if LIGHTHOUSE.exists():
        return
    print("Installing Lighthouse (npm ci in bench/lighthouse)…")
    subprocess.run(  # noqa: S603
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],  # noqa: S607
        cwd=TOOL,
        check=True,
    )


def lighthouse(url, chromium):
    result = subprocess.run(  # noqa: S603
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": chromium},
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {
        "performance": report["categories"]["performance"]["score"] * 100,
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(audits["network-requests"]["details"]["items"]),
    }


def median_of(runs):
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (≤ 9)")
    options = parser.parse_args()
    runs = max(1, min(options.runs, 9))
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Chromium is missing: run scripts/ensure-chromium.")
    install()

    with tempfile.TemporaryDirectory(prefix="newsroom-lighthouse-") as folder:
        port = free_port()
        env = environment(Path(folder))
        # The browser asks with the port in the Host header: pages are kept for that address.
        env.update({"SITE_URL": f"http://127.0.0.1:{port}", "PAGE_CACHE_HEADER": "0"})
        prepare(env)
        server = start_server(env, port, 2)
        try:
            wait_until_up(port, server)
            picked = pick_pages(port)
            pages = {name: picked[name] for name in ("home", "km home", "story", "person")}
            results = {}
            for name, path in pages.items():
                url = f"http://127.0.0.1:{port}{path}"
                results[name] = median_of([lighthouse(url, chromium) for _ in range(runs)])
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"\nLighthouse mobile preset, median of {runs} run(s) per page.")
    header = f"{'page':<9} {'performance':>11} {'LCP s':>6} {'KiB':>7} {'requests':>8}"
    print(header)
    print("-" * len(header))
    for name, result in results.items():
        print(
            f"{name:<9} {result['performance']:>11.0f} {result['lcp_s']:>6.2f} "
            f"{result['kib']:>7.0f} {result['requests']:>8.0f}"
        )
    met = (
        all(result["performance"] >= TARGETS["performance"] for result in results.values())
        and all(result["lcp_s"] <= TARGETS["lcp_s"] for result in results.values())
        and results["story"]["kib"] <= TARGETS["story_kib"]
    )
    print(
        f"\nTargets: performance ≥ {TARGETS['performance']}, LCP ≤ {TARGETS['lcp_s']} s on each, "
        f"a story ≤ {TARGETS['story_kib']} KiB: {'met' if met else 'missed'}."
    )
    for name, path in pages.items():
        print(f"{name:<9} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
