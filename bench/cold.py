"""
What a page-cache miss costs, in-process: every reader page rendered with
no whole page kept (``PAGE_CACHE=0``), through Django's test client and the
whole middleware stack, on a throwaway demo newsroom (SQLite).

Three states per page: "kept", the steady state of a miss (stored story
parts, cached fragments: menus, cards, choice lists, related stories);
"empty", with the cache emptied before each request (the stored story parts,
kept in the database, stay); and, for the story, "first", its first request
after a change (nothing stored, nothing cached). For each: the queries, and
the median CPU time of the request in this process. Beside them, the bare
Django view of ``bench/bare.py`` asked for the same way in the same run: the
fastest a Django response can be here.

    .venv/bin/python bench/cold.py [--requests 200]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from run import PYTHON, environment, prepare  # noqa: E402

PAGES = ("story", "home", "km home", "person", "section", "topic", "archive", "search", "feed")


def cpu_ms(client, path, requests, before=None):
    """The median CPU time of ``requests`` requests for ``path``, in ms."""
    times = []
    for _ in range(requests):
        if before:
            before()
        start = time.process_time()
        response = client.get(path)
        times.append(time.process_time() - start)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(times) * 1000


def bare_child(requests):
    import django
    from django.test import Client

    django.setup()
    client = Client()
    return {"bare": cpu_ms(client, "/", requests)}


def pick(client):
    from articles.models import Article
    from people.models import Person

    story = Article.objects.published().filter(language="en").order_by("-published_at").first()
    person = Person.objects.public().filter(quotes__article=story).first()
    section = story.section
    topic = Article.objects.published().topics().first()
    return {
        "story": story.get_absolute_url(),
        "home": "/",
        "km home": "/km/",
        "person": f"/people/{person.slug}/",
        "section": f"/sections/{section.slug}/",
        "topic": f"/topics/{topic.slug}/",
        "archive": "/articles/",
        "search": "/search/?q=land",
        "feed": "/feeds/latest/",
    }


def newsroom_child(requests):
    import django
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    django.setup()
    from reader.models import StoredStory

    client = Client()
    pages = pick(client)

    def queries(path, before=None):
        if before:
            before()
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        return len(captured)

    def first():
        StoredStory.objects.all().delete()
        cache.clear()

    rows = {}
    for name in PAGES:
        path = pages[name]
        client.get(path)  # Store the story's parts, fill the fragments.
        rows[name] = {
            "path": path,
            "kept": {"queries": queries(path), "ms": cpu_ms(client, path, requests)},
            "empty": {
                "queries": queries(path, cache.clear),
                "ms": cpu_ms(client, path, max(requests // 4, 10), cache.clear),
            },
        }
    story = pages["story"]
    rows["story"]["first"] = {
        "queries": queries(story, first),
        "ms": cpu_ms(client, story, max(requests // 4, 10), first),
    }
    return rows


def run_child(env, which, requests):
    result = subprocess.run(  # noqa: S603
        [PYTHON, __file__, "--child", which, "--requests", str(requests)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"The {which} measure failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per measure (≤ 2000)")
    parser.add_argument("--child", choices=["bare", "newsroom"], help=argparse.SUPPRESS)
    options = parser.parse_args()
    requests = max(10, min(options.requests, 2000))
    if options.child == "bare":
        print(json.dumps(bare_child(requests)))
        return 0
    if options.child == "newsroom":
        print(json.dumps(newsroom_child(requests)))
        return 0

    with tempfile.TemporaryDirectory(prefix="newsroom-cold-") as folder:
        env = environment(Path(folder))
        env.update(
            {
                "ALLOWED_HOSTS": "testserver",
                "SITE_URL": "http://testserver",
                "PAGE_CACHE": "0",
                "CACHE_BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "STATIC_ROOT": str(Path(folder) / "static"),
            }
        )
        prepare(env)
        rows = run_child(env, "newsroom", requests)
        bare_env = {**env, "DJANGO_SETTINGS_MODULE": "bare", "ALLOWED_HOSTS": "testserver"}
        bare_env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "bench"), env.get("PYTHONPATH", "")])
        bare = run_child(bare_env, "bare", requests)["bare"]

    print(
        f"\nIn-process page-cache misses (PAGE_CACHE=0), SQLite, Python {sys.version.split()[0]}; "
        f"median CPU time per request. Bare Django view: {bare:.2f} ms."
    )
    header = (
        f"{'page':<9} {'kept q':>7} {'kept ms':>8} {'× bare':>7}   {'empty q':>7} {'empty ms':>8}"
    )
    print(header)
    print("-" * len(header))
    for name in PAGES:
        kept, empty = rows[name]["kept"], rows[name]["empty"]
        print(
            f"{name:<9} {kept['queries']:>7} {kept['ms']:>8.2f} {kept['ms'] / bare:>7.1f}   "
            f"{empty['queries']:>7} {empty['ms']:>8.2f}"
        )
    first = rows["story"]["first"]
    print(
        f"\nstory, first request after a change (nothing stored, nothing cached): "
        f"{first['queries']} queries, {first['ms']:.2f} ms."
    )
    print()
    for name in PAGES:
        print(f"{name:<9} {rows[name]['path']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
