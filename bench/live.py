"""
A live story under load: 500 readers polling it while a journalist posts an
update every 10 seconds, on one machine.

A throwaway newsroom (the demo content, whose featured story is covered
live, ``DEBUG=0``, the production settings as ``bench/load.py`` uses them) is
served by gunicorn on 127.0.0.1. For ``--seconds`` (60 by default):

* ``--readers`` asyncio clients each ask for the story's poll address
  (``…/updates/``, what ``reader/static/reader/live.js`` fetches) every
  ``--interval`` seconds (5 by default: the page's 20 s compressed, so a
  minute holds as many polls as four would), starting at random moments
  within the first interval, as anonymous readers without validators;
* a journalist (``manage.py shell``, against the same database and cache)
  posts an update every ``--post-every`` seconds (10), noting the moment
  the post was committed.

Reported: the update latency to readers (from a post's commit to each
reader's first poll answer that lists it: p50, p95, max), responses per
second, the server's CPU seconds per 1,000 polls (user + system time of the
gunicorn master and workers, from /proc), how many polls were answered from
the page cache (``X-Page-Cache: hit``) and how many were computed, and 5xx
(must be 0). Then, in the same run, the poll address and a bare Django view
(``bench/bare.py``, same gunicorn configuration and workers) are each asked
as fast as ``--clients`` clients can for ``--ratio-seconds``: the poll's rate
as a share of the bare view's.

    .venv/bin/python bench/live.py [--seconds 60] [--readers 500] [--interval 5]

Only 127.0.0.1 is contacted; every loop is bounded by time (a hard deadline
stops the run), and only the servers and the shell started here are stopped,
by their process ids.
"""

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_load import percentile  # noqa: E402
from run import free_port, start_bare_server, start_server, wait_until_up  # noqa: E402
from scale import SqliteDatabase, environment, manage  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TIMEOUT = 10
# Past this the run stops whatever happens: the load, the ratio, set-up spare.
HARD_DEADLINE = 900

FIND_STORY = """
from django.urls import reverse
from articles.models import Article
story = Article.objects.published().filter(live_coverage__isnull=False, language="en").get()
print(reverse("reader:live_updates", kwargs={
    "year": story.month.year, "month": story.month.month, "slug": story.slug}))
print(story.get_absolute_url())
"""

# The journalist: an update every POST_EVERY seconds until LIVE_SECONDS are up;
# each line printed once the update is committed: its id and the moment.
JOURNALIST = """
import json, os, time
from django.contrib.auth.models import User
from articles.models import Article, LiveUpdate
story = Article.objects.published().filter(live_coverage__isnull=False, language="en").get()
author = User.objects.get(username="journalist2")
every, until = float(os.environ["POST_EVERY"]), time.time() + float(os.environ["LIVE_SECONDS"])
number, next_post = 0, time.time() + every / 2
while next_post < until - every / 2:
    time.sleep(max(0, next_post - time.time()))
    number += 1
    update = LiveUpdate.objects.create(
        article=story, author=author, title=f"Bench update {number}",
        body=f"The count goes on: update {number} of the load run.",
    )
    print(json.dumps({"id": update.pk, "at": time.time()}), flush=True)
    next_post += every
"""


async def ask(port, path):
    """One GET on a new connection (gunicorn's sync workers close each): status, headers, body."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), TIMEOUT)
    try:
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
            "Accept-Encoding: identity\r\nConnection: close\r\n\r\n".encode()
        )
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(-1), TIMEOUT)
    finally:
        writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


class Polls:
    """What the readers saw: each answer's time, status, whether cached, and the newest update."""

    def __init__(self):
        self.answers = []  # (reader, sent at, answered at, status, from cache, update ids listed)
        self.errors = {}

    def error(self, kind):
        self.errors[kind] = self.errors.get(kind, 0) + 1


async def poller(number, port, path, interval, deadline, polls):
    await asyncio.sleep(random.uniform(0, interval))  # noqa: S311 - spread, not security
    while time.monotonic() < deadline:
        started, sent_at = time.monotonic(), time.time()
        try:
            status, headers, body = await ask(port, path)
        except (OSError, TimeoutError, ValueError, IndexError) as failure:
            polls.error(f"client: {type(failure).__name__}")
        else:
            ids = set()
            if status == 200:
                ids = {pk for pk, _version in json.loads(body)["shown"]}
            cached = headers.get("x-page-cache") == "hit"
            polls.answers.append((number, sent_at, time.time(), status, cached, ids))
        next_poll = started + interval
        if next_poll >= deadline:
            return
        await asyncio.sleep(max(0, next_poll - time.monotonic()))


async def readers(port, path, options):
    polls = Polls()
    deadline = time.monotonic() + options.seconds
    await asyncio.gather(
        *(
            poller(number, port, path, options.interval, deadline, polls)
            for number in range(options.readers)
        )
    )
    return polls


async def flat_out(port, path, seconds, clients):
    """``clients`` clients asking ``path`` back to back for ``seconds``: answers, 5xx."""
    deadline = time.monotonic() + seconds
    counts = {"answers": 0, "5xx": 0, "errors": 0}

    async def client():
        while time.monotonic() < deadline:
            try:
                status, _headers, _body = await ask(port, path)
            except (OSError, TimeoutError, ValueError, IndexError):
                counts["errors"] += 1
                continue
            counts["answers"] += 1
            counts["5xx"] += status >= 500

    started = time.monotonic()
    await asyncio.gather(*(client() for _ in range(clients)))
    return counts, counts["answers"] / (time.monotonic() - started)


def process_tree(pid):
    """``pid`` and its children (gunicorn's master and workers)."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                children.append(int(entry.name))
    return [pid, *children]


def cpu_seconds(pids):
    """User + system CPU seconds of each process still running, by pid."""
    ticks = os.sysconf("SC_CLK_TCK")
    used = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return used


def latencies(posts, answers):
    """For each post and reader, seconds from the commit to the reader's first answer listing it."""
    by_reader = {}
    for number, sent_at, answered_at, status, _cached, ids in answers:
        if status == 200:
            by_reader.setdefault(number, []).append((sent_at, answered_at, ids))
    found, missed = [], 0
    for post in posts:
        for seen in by_reader.values():
            first = next(
                (at for _sent, at, ids in seen if at >= post["at"] and post["id"] in ids), None
            )
            if first is not None:
                found.append(first - post["at"])
            elif any(sent >= post["at"] for sent, _at, _ids in seen):
                # Asked after the post was committed, and answered without it.
                missed += 1
    return found, missed


def report(options, polls, posts, cpu, elapsed, ratio):
    answers = polls.answers
    statuses = {}
    for _number, _sent, _at, status, _cached, _ids in answers:
        statuses[status] = statuses.get(status, 0) + 1
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    cached = sum(1 for answer in answers if answer[4])
    delays, missed = latencies(posts, answers)
    print(
        f"\n{options.readers} readers polling every {options.interval:g} s for {elapsed:.1f} s, "
        f"an update every {options.post_every:g} s; gunicorn, {options.workers} sync workers; "
        f"SQLite, file-based cache; Python {sys.version.split()[0]}"
    )
    print(f"updates posted: {len(posts)}")
    print(
        f"polls: {len(answers)} answered, {len(answers) / elapsed:.1f} responses/s; "
        f"statuses {dict(sorted(statuses.items()))}"
    )
    print(
        f"from the page cache: {cached} ({100 * cached / max(1, len(answers)):.1f} %); "
        f"computed: {len(answers) - cached}"
    )
    if delays:
        print(
            f"update latency to readers: p50 {percentile(delays, 50):.2f} s, "
            f"p95 {percentile(delays, 95):.2f} s, max {max(delays):.2f} s "
            f"({len(delays)} reader×update pairs; a poll every {options.interval:g} s "
            f"bounds it at about {options.interval:g} s)"
        )
    if missed:
        print(f"  NOT SEEN: {missed} reader×update pairs polled after a post without it")
    print(
        f"server CPU: {cpu:.2f} s for {len(answers)} polls, "
        f"{1000 * cpu / max(1, len(answers)):.2f} s per 1,000 polls"
    )
    (poll_counts, poll_rate), (bare_counts, bare_rate) = ratio
    print(
        f"flat out, {options.clients} clients, {options.ratio_seconds:g} s each: poll "
        f"{poll_rate:.0f} req/s, bare Django view {bare_rate:.0f} req/s: "
        f"the poll at {100 * poll_rate / max(bare_rate, 1):.0f} % of the bare view"
    )
    if polls.errors:
        print(f"client errors: {polls.errors}")
    failed = server_errors or poll_counts["5xx"] or missed or not posts or not delays
    return bool(failed)


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="load time (≤ 300)")
    parser.add_argument("--readers", type=int, default=500, help="polling readers (≤ 2000)")
    parser.add_argument(
        "--interval", type=float, default=5, help="seconds between a reader's polls"
    )
    parser.add_argument("--post-every", type=float, default=10, help="seconds between updates")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--clients", type=int, default=16, help="clients for the ratio")
    parser.add_argument("--ratio-seconds", type=float, default=8, help="each ratio measure")
    options = parser.parse_args()
    options.seconds = max(10.0, min(options.seconds, 300))
    options.readers = max(1, min(options.readers, 2000))
    options.interval = max(1.0, min(options.interval, 60))
    options.ratio_seconds = max(1.0, min(options.ratio_seconds, 60))
    return options


def main():
    options = parse()
    started_at = time.monotonic()
    servers = []
    journalist = None
    with tempfile.TemporaryDirectory(prefix="newsroom-live-") as folder:
        folder = Path(folder)
        with SqliteDatabase(folder) as url:
            env = environment(folder, url)
            print("Preparing a throwaway newsroom (migrate, demo content, static)…", flush=True)
            manage(env, "migrate", "--noinput")
            manage(env, "demo_content")
            manage(env, "collectstatic", "--noinput")
            poll_path, story_path = manage(
                env, "shell", "--no-imports", "-c", FIND_STORY, capture=True
            ).split()
            try:
                port, bare_port = free_port(), free_port()
                server = start_server(env, port, options.workers)
                servers.append(server)
                bare = start_bare_server(env, bare_port, options.workers)
                servers.append(bare)
                wait_until_up(port, server)
                wait_until_up(bare_port, bare, path="/")
                pids = process_tree(server.pid)
                print(
                    f"Serving {story_path} on 127.0.0.1:{port}; {options.readers} readers poll "
                    f"{poll_path} for {options.seconds:g} s…",
                    flush=True,
                )
                asyncio.run(ask(port, poll_path))  # The first poll fills the cache.
                journalist = subprocess.Popen(  # noqa: S603
                    [PYTHON, "manage.py", "shell", "--no-imports", "-c", JOURNALIST],
                    cwd=ROOT,
                    env={
                        **env,
                        "POST_EVERY": str(options.post_every),
                        "LIVE_SECONDS": str(options.seconds),
                    },
                    stdout=subprocess.PIPE,
                    text=True,
                )
                before = cpu_seconds(pids)
                load_started = time.monotonic()
                polls = asyncio.run(
                    asyncio.wait_for(
                        readers(port, poll_path, options),
                        timeout=max(1, HARD_DEADLINE - (time.monotonic() - started_at)),
                    )
                )
                elapsed = time.monotonic() - load_started
                after = cpu_seconds(pids)
                output, _ = journalist.communicate(timeout=options.post_every + 30)
                posts = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
                cpu = sum(after[pid] - before[pid] for pid in after if pid in before)
                ratio = (
                    asyncio.run(flat_out(port, poll_path, options.ratio_seconds, options.clients)),
                    asyncio.run(flat_out(bare_port, "/", options.ratio_seconds, options.clients)),
                )
            finally:
                if journalist is not None and journalist.poll() is None:
                    journalist.kill()
                for process in servers:
                    process.terminate()
                for process in servers:
                    process.wait(timeout=30)
    failed = report(options, polls, posts, cpu, elapsed, ratio)
    print("\nFAIL" if failed else "\nOK: no 5xx, every reader saw every update it polled after.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
