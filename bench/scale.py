"""
Does the site stay fast as the archive grows? The same pages measured on a
newsroom of 1,000 stories and of 100,000, served by gunicorn on 127.0.0.1.

For each size a throwaway instance is made (``generate_load_data``), then:

* queries per page and the time to render it with an empty page cache, through
  Django's test client (``CaptureQueriesContext``);
* requests per second and p50/p99 latency under concurrent clients, as a
  ratio to ``/healthz`` measured just before the page on the same server; the
  median of ``--rounds`` such pairs (a shared 2-core machine drifts by a
  third within a run);

and finally each page's 100k/1k ratio. The target: no page more than 1.5×
slower at 100,000 stories than at 1,000.

    .venv/bin/python bench/scale.py [--sizes 1000 100000] [--seconds 3] [--rounds 3] [--clients 8]
    scripts/with-postgres .venv/bin/python bench/scale.py   # on PostgreSQL

Only 127.0.0.1 is contacted; every load loop is bounded by time and by a
request cap. On PostgreSQL each size gets its own database in the cluster
DATABASE_URL points at, dropped afterwards.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402
from run import free_port, get, load, start_server, wait_until_up  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGET = 1.5
PAGES = ["home", "story", "archive", "search", "person", "changelist", "review"]
STAFF_PAGES = {"changelist", "review"}
RATES = ("per_second", "p50", "p99")

# Run inside the instance by `manage.py shell`: pick the pages, count their
# queries and time them with an empty page cache, make an editor's session.
MEASURE = """
import json, statistics, time
from django.contrib.auth.models import Group, User
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from articles.models import Article, Section
from people.models import Person

published = Article.objects.published()
story = published.filter(language="en").order_by("-published_at")[50]
section = Section.objects.filter(articles__isnull=False).order_by("position").first()
person = (
    Person.objects.annotate(quotes_count=Count("quotes")).order_by("-quotes_count").first()
)
editor, _ = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
editor.groups.add(Group.objects.get(name="Editors"))
pages = {
    "home": "/",
    "story": story.get_absolute_url(),
    "archive": f"/articles/?section={section.slug}&language=en",
    "search": "/search/?q=court",
    "person": reverse("reader:person_detail", args=[person.slug]),
    "changelist": "/admin/articles/article/",
    "review": "/admin/articles/article/review/",
}
staff = {"changelist", "review"}
anonymous, signed_in = Client(), Client()
signed_in.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
results = {}
for name, path in pages.items():
    client = signed_in if name in staff else anonymous
    timings = []
    for _ in range(3):
        cache.clear()
        # The log keeps at most 9,000 queries: a page past that would count 0.
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    results[name] = {
        "path": path,
        "queries": len(queries),
        "cold_ms": statistics.median(timings) * 1000,
    }
session = SessionStore()
session["_auth_user_id"] = str(editor.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = editor.get_session_auth_hash()
session.create()
print(json.dumps({
    "pages": results,
    "session": session.session_key,
    "stories": Article.objects.count(),
    "published": published.count(),
    "quotes_of_person": person.quotes_count,
}))
"""


def environment(folder, database_url):
    # The test client in MEASURE asks as "testserver".
    return {
        **run.environment(folder),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DATABASE_URL": database_url,
    }


def manage(env, *args, capture=False):
    result = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        text=True,
    )
    return result.stdout


class PostgresDatabase:
    """A database of its own in the cluster DATABASE_URL points at."""

    def __init__(self, url):
        import psycopg

        self.psycopg = psycopg
        self.server = url
        self.name = f"bench_{uuid.uuid4().hex[:8]}"
        base = url.rsplit("/", 1)[0]
        self.url = f"{base}/{self.name}"

    def __enter__(self):
        with self.psycopg.connect(self.server, autocommit=True) as server:
            server.execute(f'CREATE DATABASE "{self.name}"')
        return self.url

    def __exit__(self, *exc):
        with self.psycopg.connect(self.server, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class SqliteDatabase:
    def __init__(self, folder):
        self.url = f"sqlite:///{folder / 'db.sqlite3'}"

    def __enter__(self):
        return self.url

    def __exit__(self, *exc):
        pass


def measure_size(size, options, vendor):
    with tempfile.TemporaryDirectory(prefix=f"newsroom-scale-{size}-") as folder:
        folder = Path(folder)
        database = (
            PostgresDatabase(os.environ["DATABASE_URL"])
            if vendor == "PostgreSQL"
            else SqliteDatabase(folder)
        )
        with database as url:
            env = environment(folder, url)
            started = time.monotonic()
            manage(env, "migrate", "--noinput")
            manage(env, "generate_load_data", "--stories", str(size))
            manage(env, "collectstatic", "--noinput")
            built = time.monotonic() - started
            print(f"{size:>7} stories: instance built in {built:.0f} s", flush=True)
            measured = json.loads(manage(env, "shell", "--no-imports", "-c", MEASURE, capture=True))
            cookie = f"sessionid={measured['session']}"
            port = free_port()
            server = start_server(env, port, options.workers)
            try:
                wait_until_up(port, server)
                pages = measured["pages"]
                for name in PAGES:
                    for _ in range(3):  # Warm up: fill the page cache, open the database.
                        get(port, pages[name]["path"], cookie if name in STAFF_PAGES else None)
                arguments = {"seconds": options.seconds, "clients": options.clients}
                first = load(port, "/healthz", **arguments)
                samples = {name: [] for name in PAGES}
                for _ in range(options.rounds):
                    for name in PAGES:
                        cookie_for_page = cookie if name in STAFF_PAGES else None
                        healthz = load(port, "/healthz", **arguments)
                        page = load(port, pages[name]["path"], cookie=cookie_for_page, **arguments)
                        samples[name].append((healthz, page))
                for name, runs in samples.items():
                    pages[name]["healthz"] = {
                        key: statistics.median(healthz[key] for healthz, _ in runs) for key in RATES
                    }
                    pages[name].update(
                        {key: statistics.median(page[key] for _, page in runs) for key in RATES}
                    )
                    pages[name]["errors"] = sum(page["errors"] for _, page in runs)
                again = load(port, "/healthz", **arguments)
            finally:
                server.terminate()
                server.wait(timeout=30)
    # /healthz on the fresh server and after the pages, for the record; each
    # page is compared with the /healthz run just before it.
    baseline = {key: first[key] for key in RATES}
    return {
        "size": size,
        "baseline": baseline,
        "healthz_after": again,
        "pages": pages,
        "facts": measured,
    }


def report(result):
    baseline, pages = result["baseline"], result["pages"]
    facts = result["facts"]
    print(
        f"\n{result['size']:,} stories ({facts['published']:,} published; the person page "
        f"lists {facts['quotes_of_person']:,} quotes). /healthz: "
        f"{baseline['per_second']:.0f} req/s, p50 {baseline['p50'] * 1000:.2f} ms, "
        f"p99 {baseline['p99'] * 1000:.2f} ms (after the pages: "
        f"{result['healthz_after']['per_second']:.0f} req/s, "
        f"p50 {result['healthz_after']['p50'] * 1000:.2f} ms)"
    )
    header = (
        f"{'page':<11} {'queries':>7} {'cold ms':>8} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'errors':>6}  {'req/s÷hz':>8} {'p50÷hz':>7} {'p99÷hz':>7}"
    )
    print(header)
    print("-" * len(header))
    for name in PAGES:
        page = pages[name]
        healthz = page["healthz"]
        print(
            f"{name:<11} {page['queries']:>7} {page['cold_ms']:>8.1f} {page['per_second']:>7.0f}"
            f" {page['p50'] * 1000:>7.2f} {page['p99'] * 1000:>7.2f} {page['errors']:>6}"
            f"  {page['per_second'] / healthz['per_second']:>8.2f}"
            f" {page['p50'] / healthz['p50']:>7.2f} {page['p99'] / healthz['p99']:>7.2f}"
        )


def ratio(numerator, denominator):
    return numerator / denominator if denominator else float("inf")


def compare(small, large):
    """Each page's cost at the large size over the small, both relative to /healthz."""
    print(f"\n{large['size']:,} / {small['size']:,} stories (relative to /healthz in each run)")
    header = (
        f"{'page':<11} {'queries':>9} {'cold ms':>8} {'p50':>6} {'p99':>6} {'req/s':>6}  verdict"
    )
    print(header)
    print("-" * len(header))
    failures = []
    for name in PAGES:
        a, b = small["pages"][name], large["pages"][name]
        ha, hb = a["healthz"], b["healthz"]
        p50 = (b["p50"] / hb["p50"]) / (a["p50"] / ha["p50"])
        p99 = (b["p99"] / hb["p99"]) / (a["p99"] / ha["p99"])
        rate = ratio(a["per_second"] / ha["per_second"], b["per_second"] / hb["per_second"])
        cold = b["cold_ms"] / a["cold_ms"]
        slower = max(p50, rate)
        verdict = "ok" if slower <= TARGET else f"over {TARGET}×"
        if slower > TARGET:
            failures.append(name)
        print(
            f"{name:<11} {a['queries']:>4}→{b['queries']:<4} {cold:>8.2f} {p50:>6.2f} {p99:>6.2f}"
            f" {rate:>6.2f}  {verdict}"
        )
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--seconds", type=float, default=3, help="load time per page (≤ 60)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (≤ 64)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--rounds", type=int, default=3, help="measurements of each page (≤ 9)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    options.seconds = max(0.5, min(options.seconds, 60))
    options.clients = max(1, min(options.clients, 64))
    options.rounds = max(1, min(options.rounds, 9))
    sizes = [max(1, min(size, 1_000_000)) for size in options.sizes]
    vendor = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(
        f"{vendor}; gunicorn, {options.workers} workers; {options.clients} clients; "
        f"{options.seconds:g} s per page, median of {options.rounds} rounds; "
        f"Python {sys.version.split()[0]}"
    )
    results = []
    for size in sizes:
        results.append(measure_size(size, options, vendor))
        report(results[-1])
    failures = []
    for small, large in zip(results, results[1:], strict=False):
        failures += compare(small, large)
    if options.json:
        options.json.write_text(json.dumps({"vendor": vendor, "results": results}, indent=2))
    errors = sum(page["errors"] for result in results for page in result["pages"].values())
    if failures:
        print(f"\nSlower than {TARGET}× at scale: {', '.join(failures)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
