"""
Mixed load on a production-like instance: 50 readers and 5 editors at once.

A throwaway newsroom (the demo content, collected static files, ``DEBUG=0``)
is served by gunicorn on 127.0.0.1. For ``--seconds`` (60 by default):

* reader threads load the home page and published stories, as anonymous
  readers, and check that no response holds a draft's headline or staff
  markup (``/admin/`` links, "Edit story", the preview banner);
* editor threads, each signed in through ``/admin/login/`` and the
  second-factor step with a code from its authenticator app's key (a real form post
  with the CSRF cookie and token), save their own draft story again and again
  through the admin's change form: open it, post every field back with a new
  marker in the body, and count a redirect as a save;
* ``/healthz`` is asked once a second and must answer 200.

Afterwards the database must hold every save that was answered as a success:
the last one is the story's body, and each one is among the story's
revisions. No response may be a 5xx. Figures are printed; the exit status is
1 when anything failed (a 503 with ``Retry-After``, the "database is busy"
page, is counted apart from other 5xx but is a failure too).

    .venv/bin/python bench/load.py [--seconds 60] [--readers 50] [--editors 5] [--workers 4]
    scripts/with-postgres .venv/bin/python bench/load.py    # on PostgreSQL

On SQLite the database is a file in a temporary folder; on PostgreSQL (when
DATABASE_URL says postgres://) a database of its own in that cluster, dropped
afterwards. Only 127.0.0.1 is contacted; every loop is bounded by time and all
requests together by a cap. The clients themselves are in ``load_clients.py``;
this file prepares the instance, runs them, checks the saves and reports.
"""

import argparse
import html
import json
import os
import re
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_clients import (  # noqa: E402
    TIMEOUT,
    Budget,
    Editor,
    Servers,
    Tally,
    editor_loop,
    health_loop,
    reader,
)
from page_load import MAX_REQUESTS, percentile  # noqa: E402
from run import free_port, start_server, wait_until_up  # noqa: E402
from scale import PostgresDatabase, SqliteDatabase, environment, manage  # noqa: E402

STAFF_MARKUP = [
    b"/admin/",
    b"Edit story",
    "Preview — not published".encode(),
    b"preview-banner",
    b"load-marker-",
]

# Run inside the instance by `manage.py shell` before the load: the editors,
# one draft of their own each, the stories readers load and the headlines
# readers must never see.
SETUP = """
import json, os, random
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from articles.models import Article, Section

password = os.environ["LOAD_EDITOR_PASSWORD"]
token = os.environ["LOAD_TOKEN"]
count = int(os.environ["LOAD_EDITORS"])
editors = Group.objects.get(name="Editors")
section = Section.objects.order_by("position").first()
result = {"editors": [], "stories": [], "hidden": []}
for number in range(1, count + 1):
    user = User.objects.create_user(
        f"load-editor-{number}", f"load-editor-{number}@newsroom.example.org", password,
        is_staff=True, first_name="Load", last_name=f"Editor {number}",
    )
    user.groups.add(editors)
    # Editors sign in with a second factor: an authenticator app whose key the
    # client computes its codes from.
    app = TOTPDevice.objects.create(user=user, name="Load app", confirmed=True)
    draft = Article.objects.create(
        headline=f"Load draft {token} of editor {number}",
        standfirst="A draft only its editor saves during the load test.",
        body="The first paragraph of a draft under load.",
        section=section,
        language="en",
        updated_by=user,
    )
    assert draft.status == Article.Status.DRAFT
    result["editors"].append({
        "username": user.username,
        "app_key": app.key,
        "story": draft.pk,
        "headline": draft.headline,
        "body": draft.body,
    })
published = Article.objects.published()
live = list(published.values_list("pk", flat=True))
random.Random(0).shuffle(live)
result["stories"] = [article.get_absolute_url() for article in published.filter(pk__in=live[:30])]
live_headlines = set(published.values_list("headline", flat=True))
result["hidden"] = sorted(
    {headline for headline in Article.objects.exclude(pk__in=published.values("pk"))
     .values_list("headline", flat=True) if headline not in live_headlines}
)
print(json.dumps(result))
"""

# Run afterwards: each draft's body, status and the bodies of its revisions.
VERIFY = """
import json, os
from articles.models import Article
from workflow.models import Revision

result = {}
for pk in json.loads(os.environ["LOAD_STORIES"]):
    article = Article.objects.get(pk=pk)
    result[str(pk)] = {
        "body": article.body,
        "status": article.status,
        "version": article.version,
        "revisions": [
            revision.content.get("body", "")
            for revision in Revision.objects.filter(article=article).order_by("number")
        ],
    }
print(json.dumps(result))
"""


# The run.


def run_load(servers, setup, password, options, scenario=None):
    """
    Readers, editors and the health probe against ``servers`` for
    ``options.seconds``; editors are spread over the servers. ``scenario()``,
    when given, runs in this thread meanwhile, and its result is returned
    as ``scenario``.
    """
    pages = ["/", *setup["stories"]]
    forbidden = list(STAFF_MARKUP)
    for headline in [entry["headline"] for entry in setup["editors"]] + setup["hidden"]:
        for form in {headline, html.escape(headline), html.escape(headline, quote=False)}:
            forbidden.append(form.encode())

    editors = []
    for number, entry in enumerate(setup["editors"]):
        editor = Editor(
            servers, entry["username"], password, entry["app_key"], home=number % len(servers.ports)
        )
        editor.log_in()
        editors.append((editor, entry))
    for index in range(len(servers.ports)):  # Warm up: fill the page cache, open the database.
        for path in pages:
            servers.send("GET", path, prefer=index)

    tally = Tally()
    budget = Budget(options.seconds, options.max_requests)
    reader_latencies, lock = [], threading.Lock()
    records = {entry["story"]: {"saved": [], "unconfirmed": [], "latencies": []}
               for entry in setup["editors"]}  # fmt: skip
    health, stop = [], threading.Event()
    threads = [
        threading.Thread(
            target=reader, args=(servers, pages, forbidden, budget, tally, reader_latencies, lock)
        )
        for _ in range(options.readers)
    ]
    threads += [
        threading.Thread(
            target=editor_loop,
            args=(
                editor,
                number,
                entry["story"],
                entry["body"],
                budget,
                tally,
                records[entry["story"]],
            ),
        )
        for number, (editor, entry) in enumerate(editors, start=1)
    ]
    poller = threading.Thread(target=health_loop, args=(servers, budget, stop, health))
    started = time.monotonic()
    poller.start()
    for thread in threads:
        thread.start()
    try:
        outcome = scenario() if scenario else None
    except BaseException:
        budget.deadline = 0  # The run is over: every client stops at its next request.
        raise
    for thread in threads:
        thread.join(timeout=max(0, budget.deadline - time.monotonic()) + 2 * TIMEOUT + 30)
    elapsed = time.monotonic() - started
    stop.set()
    poller.join(timeout=2 * TIMEOUT + 10)
    stuck = sum(thread.is_alive() for thread in threads)
    if stuck:
        tally.add("client: threads still running after the deadline", str(stuck))
    return {
        "elapsed": elapsed,
        "readers": reader_latencies,
        "records": records,
        "health": health,
        "tally": tally,
        "requests": budget.used,
        "scenario": outcome,
        "editors": [editor for editor, _entry in editors],
    }


def check_saves(setup, records, stored, tally):
    """No lost save: the last success is the body, every success is a revision."""
    lost = 0
    for entry in setup["editors"]:
        story, record = entry["story"], records[entry["story"]]
        row = stored[str(story)]
        if row["status"] != "draft":
            tally.add("database: a load draft is no longer a draft", f"{story}: {row['status']}")
        revisions = "\n".join(row["revisions"])
        for marker in record["saved"]:
            if marker not in revisions:
                lost += 1
                tally.add("database: a successful save is missing from the revisions", marker)
        if not record["saved"]:
            continue
        last = record["saved"][-1]
        expected = {f"{entry['body']}\n\n{last}"}
        # A later save whose answer was lost may have been kept: then it is the body.
        later = [m for m in record["unconfirmed"] if m > last]
        expected |= {f"{entry['body']}\n\n{marker}" for marker in later}
        if row["body"] not in expected:
            lost += 1
            found = re.findall(r"load-marker-\d+-\d+", row["body"])
            tally.add(
                "database: the story's body is not its last successful save",
                f"story {story}: expected {last}, found {found}",
            )
    return lost


def server_errors(log_path):
    """Tracebacks and error lines gunicorn's workers wrote, for the report."""
    try:
        text = Path(log_path).read_text(errors="replace")
    except OSError:
        return []
    lines = [line for line in text.splitlines() if re.search(r"Error|Traceback|CRITICAL", line)]
    return lines[-15:]


def report(vendor, options, result, lost, log_lines):
    readers, health = result["readers"], result["health"]
    elapsed = result["elapsed"]
    saves = [latency for record in result["records"].values() for latency in record["latencies"]]
    tally = result["tally"]
    ms = 1000
    print(
        f"\n{vendor}; gunicorn, {options.workers} workers; {options.readers} readers and "
        f"{options.editors} editors for {elapsed:.1f} s; Python {sys.version.split()[0]}"
    )
    print(
        f"readers: {len(readers)} responses, {len(readers) / elapsed:.1f} req/s, "
        f"p50 {percentile(readers, 50) * ms:.1f} ms, p95 {percentile(readers, 95) * ms:.1f} ms, "
        f"p99 {percentile(readers, 99) * ms:.1f} ms"
    )
    print(
        f"saves:   {len(saves)} done, {len(saves) / elapsed:.2f} saves/s, "
        f"p50 {percentile(saves, 50) * ms:.1f} ms, p99 {percentile(saves, 99) * ms:.1f} ms "
        f"({', '.join(str(len(r['saved'])) for r in result['records'].values())} per editor)"
    )
    probes = [(status, seconds) for _name, status, seconds, down in health if not down]
    ok = sum(1 for status, _ in probes if status == 200)
    slowest = max((seconds for _, seconds in probes), default=0) * ms
    print(f"health:  {ok}/{len(probes)} answered 200 (slowest {slowest:.0f} ms)")
    print(f"lost saves: {lost}; requests in all: {result['requests']} (cap {options.max_requests})")
    print_errors(tally)
    if log_lines:
        print("server log (errors, last lines):")
        for line in log_lines:
            print(f"  {line[:300]}")


def print_errors(tally, heading="errors by kind"):
    if not tally.counts:
        print(f"{heading}: none")
        return
    print(f"{heading}:")
    for kind, count in tally.counts.most_common():
        print(f"  {count:>6}  {kind}  e.g. {tally.examples[kind][:160]}")


def failures(options, result, lost):
    """Whether the run failed: an error not expected, a failed health probe, a lost save."""
    unexpected = [kind for kind in result["tally"].counts if not kind.startswith("expected")]
    probes = [status for _name, status, _seconds, down in result["health"] if not down]
    saved = sum(len(record["saved"]) for record in result["records"].values())
    failed = bool(unexpected) or not probes or any(status != 200 for status in probes) or lost
    return bool(failed or (options.editors and not saved))


def options_parser(description, *, seconds, readers, editors, workers):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seconds", type=float, default=seconds, help="load time (≤ 600)")
    parser.add_argument("--readers", type=int, default=readers, help="reader threads (≤ 200)")
    parser.add_argument(
        "--editors", type=int, default=editors, help="editor threads (≤ 20; 0: readers only)"
    )
    parser.add_argument(
        "--workers", type=int, default=workers, help="gunicorn worker processes per server"
    )
    parser.add_argument(
        "--max-requests", type=int, default=MAX_REQUESTS, help="cap on all requests together"
    )
    return parser


def bounded(options):
    options.seconds = max(1.0, min(options.seconds, 600))
    options.readers = max(1, min(options.readers, 200))
    options.editors = max(0, min(options.editors, 20))
    options.max_requests = max(1, min(options.max_requests, MAX_REQUESTS))
    return options


def prepare(env, editors):
    """
    The throwaway newsroom in ``env``'s database: migrated, the demo newsroom,
    collected static files, ``editors`` load editors with a draft each.
    Return the setup (``SETUP``'s answer) and the editors' password.
    """
    manage(env, "migrate", "--noinput")
    manage(env, "demo_content")
    manage(env, "collectstatic", "--noinput")
    password = secrets.token_urlsafe(18)
    setup_env = {
        **env,
        "LOAD_EDITOR_PASSWORD": password,
        "LOAD_TOKEN": secrets.token_hex(4),
        "LOAD_EDITORS": str(editors),
    }
    return json.loads(
        manage(setup_env, "shell", "--no-imports", "-c", SETUP, capture=True)
    ), password


def stored_saves(env, setup):
    """Each load draft's body, status, version and revisions, read from the database."""
    stories = json.dumps([entry["story"] for entry in setup["editors"]])
    verify_env = {**env, "LOAD_STORIES": stories}
    return json.loads(manage(verify_env, "shell", "--no-imports", "-c", VERIFY, capture=True))


def main():
    parser = options_parser(__doc__.split("\n\n")[0], seconds=60, readers=50, editors=5, workers=4)
    options = bounded(parser.parse_args())
    vendor = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"

    with tempfile.TemporaryDirectory(prefix="newsroom-load-") as folder:
        folder = Path(folder)
        database = (
            PostgresDatabase(os.environ["DATABASE_URL"])
            if vendor == "PostgreSQL"
            else SqliteDatabase(folder)
        )
        with database as url:
            env = {**environment(folder, url), "SERVE_UPLOADS": "1"}
            print(f"Preparing a throwaway newsroom on {vendor} (migrate, demo content, static)…")
            setup, password = prepare(env, options.editors)
            port = free_port()
            log_path = folder / "gunicorn.log"
            with open(log_path, "w") as log:
                server = start_server(env, port, options.workers, log)
                try:
                    wait_until_up(port, server)
                    print(
                        f"Serving on 127.0.0.1:{port}: the home page and "
                        f"{len(setup['stories'])} stories for readers, "
                        f"{len(setup['editors'])} editors' drafts; {options.seconds:g} s…",
                        flush=True,
                    )
                    result = run_load(Servers([port], names=[""]), setup, password, options)
                finally:
                    server.terminate()
                    server.wait(timeout=30)
            stored = stored_saves(env, setup)
            lost = check_saves(setup, result["records"], stored, result["tally"])
            log_lines = server_errors(log_path)

    report(vendor, options, result, lost, log_lines)
    failed = failures(options, result, lost)
    print("\nFAIL" if failed else "\nOK: no 5xx, no lost save, no leak, health always 200.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
