"""
Benchmark the reader site as production serves it: gunicorn on 127.0.0.1.

A throwaway instance (SQLite, the demo newsroom, collected static files) is
served by gunicorn twice: once as configured (pages kept in the page cache,
"warm") and once with ``PAGE_CACHE=0``, which keeps no whole page, so every
page is a page-cache miss ("cold"), served as misses are: from the stored
story parts and the cached fragments (``bench/cold.py`` measures misses
in-process, with those emptied too). Beside them, with the same configuration
file and worker count, gunicorn serves ``bench/bare.py``: one Django view
returning a short HTML string, with no middleware. It is the anchor: the
fastest a Django page can be on this machine, measured just before each
page, and every reader page is reported as its requests per second over the
anchor's (``/healthz`` too, for the record; it is not the anchor). The
clients ask as browsers do, accepting gzip: kept pages are sent compressed.

Then the hit ratio after a publish: every story page is warmed, one story
waiting for an editor is published through the workflow's own service
(``manage.py shell``, against the served newsroom's database and cache),
and the share of the other story pages still answered from the page cache is
counted by their ``X-Page-Cache: hit`` header (``PAGE_CACHE_HEADER=1``).

    .venv/bin/python bench/run.py [--seconds 3] [--clients 8] [--workers 2]

Only 127.0.0.1 is contacted; every loop is bounded by time and by a request
cap, and only the servers started here are stopped, by their process ids.
"""

import argparse
import http.client
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from page_load import get, load  # noqa: E402
from partners import measure_api, prepare_api, report, webhook_latency  # noqa: E402

PYTHON = sys.executable
GUNICORN = Path(PYTHON).with_name("gunicorn")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(folder):
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        # The address the clients ask at: only its pages go to the page cache.
        "SITE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "VAR_DIR": str(folder / "var"),
        "STATIC_ROOT": str(folder / "static"),
        "DATABASE_URL": "",
        "LOG_LEVEL": "WARNING",
        "PAGE_CACHE_HEADER": "1",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }


def manage(env, *args):
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def prepare(env):
    """A throwaway newsroom: migrated, the demo with its photos' renditions, static files."""
    print("Preparing a throwaway newsroom (migrate, demo content, renditions, collectstatic)…")
    manage(env, "migrate", "--noinput")
    manage(env, "demo_content")
    # The renditions are made in the background (media.tasks): made here, before any page.
    manage(env, "run_worker", "--batch", "--no-startup-delay")
    manage(env, "collectstatic", "--noinput")


PUBLISH_ONE = """
from django.contrib.auth import get_user_model
from articles.models import Article
from workflow import services
editor = get_user_model().objects.filter(is_superuser=True).first()
for story in Article.objects.filter(status__in=["in_review", "approved"]).order_by("pk"):
    try:
        services.publish(article=story, editor=editor)
    except services.WorkflowError:
        continue
    print(story.get_absolute_url())
    break
else:
    raise SystemExit("No story waiting for an editor could be published.")
"""


def story_pages(port):
    """Every published story's address, from the sitemap."""
    status, body = get(port, "/sitemap.xml")
    assert status == 200, status
    paths = {
        urllib.parse.urlsplit(chunk.split("</loc>", 1)[0]).path
        for chunk in body.decode().split("<loc>")[1:]
    }
    return sorted(path for path in paths if "/articles/" in path and path.count("/") > 3)


def answered_from_cache(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        return response.status == 200 and response.getheader("X-Page-Cache") == "hit"
    finally:
        connection.close()


def hit_ratio_after_publish(env, port):
    """
    The share of the story pages warmed before one publish still answered
    from the cache after it (the new story is not among them).
    """
    stories = story_pages(port)
    for path in stories:
        get(port, path)
    before = sum(answered_from_cache(port, path) for path in stories)
    published = (
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "shell", "--no-imports", "-c", PUBLISH_ONE],
            cwd=ROOT,
            # The desk's e-mails about the move go nowhere.
            env={**env, "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    after = sum(answered_from_cache(port, path) for path in stories)
    return {"stories": len(stories), "before": before, "after": after, "published": published}


def start_server(
    env, port, workers, log=subprocess.DEVNULL, app="newsroom.wsgi", extra=(), new_session=False
):
    """
    gunicorn with the project's config file on 127.0.0.1:``port``, serving
    ``app``; with ``new_session``, in a process group of its own (its id is
    gunicorn's), so the master and its workers can be killed together.
    """
    return subprocess.Popen(  # noqa: S603
        [
            str(GUNICORN),
            "-c",
            "newsroom/gunicorn.conf.py",
            *extra,
            app,
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--access-logfile",
            "/dev/null",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT if log is not subprocess.DEVNULL else None,
        start_new_session=new_session,
    )


def start_bare_server(env, port, workers):
    """``bench/bare.py`` served exactly as the newsroom is, on 127.0.0.1:``port``."""
    bare = {**env, "DJANGO_SETTINGS_MODULE": "bare"}
    return start_server(bare, port, workers, app="bare", extra=["--pythonpath", "bench"])


def wait_until_up(port, server, seconds=60, path="/healthz"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped while starting.")
        try:
            if get(port, path)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer {path} in time.")


def link_from(port, page, prefix):
    """The first address on ``page`` starting with ``prefix`` (plain ASCII, for the table)."""
    status, body = get(port, page)
    assert status == 200, (page, status)
    for chunk in body.decode().split(f'href="{prefix}')[1:]:
        path = prefix + chunk.split('"', 1)[0]
        if all(ord(c) < 128 for c in urllib.parse.unquote(path)):
            return path
    raise SystemExit(f"No link to {prefix}… on {page}.")


def pick_pages(port):
    """Every kind of reader page the table reports, at addresses that show something."""
    status, feed = get(port, "/feeds/latest/")
    assert status == 200, status
    story = None
    for chunk in feed.decode().split("<link>")[2:]:
        path = urllib.parse.urlsplit(chunk.split("</link>", 1)[0]).path
        if path.startswith("/articles/") and all(ord(c) < 128 for c in urllib.parse.unquote(path)):
            story = path
            break
    return {
        "home": "/",
        "story": story,
        "person": link_from(port, story, "/people/"),
        "section": link_from(port, "/articles/", "/sections/"),
        "archive": "/articles/",
        "search": "/search/?q=land",
        "feed": "/feeds/latest/",
        "km home": "/km/",
    }


def serve(env, workers, started):
    """Start the bare view, the newsroom (warm) and the newsroom keeping no page (cold)."""
    ports = {name: free_port() for name in ("bare", "warm", "cold")}
    cold = {**env, "PAGE_CACHE": "0"}
    started["bare"] = start_bare_server(env, ports["bare"], workers)
    started["warm"] = start_server(env, ports["warm"], workers)
    started["cold"] = start_server(cold, ports["cold"], workers)
    wait_until_up(ports["bare"], started["bare"], path="/")
    wait_until_up(ports["warm"], started["warm"])
    wait_until_up(ports["cold"], started["cold"])
    return ports


def measure(ports, pages, *, seconds, clients):
    """
    Each page cold and warm, each right after a run of the bare view: the
    machine is shared, so a page is compared with the anchor of its moment.
    """
    arguments = {"seconds": seconds, "clients": clients}
    rows = {}
    for name, path in [*pages.items(), ("healthz", "/healthz")]:
        rows[name] = {}
        for state in ("cold", "warm"):
            anchor = load(ports["bare"], "/", **arguments)
            result = load(ports[state], path, **arguments)
            rows[name][state] = {**result, "anchor": anchor}
    return rows


def print_table(rows, pages, *, workers, clients, seconds):
    print(
        f"\ngunicorn, {workers} sync workers each; {clients} clients; {seconds:g} s per run; "
        f"SQLite; Python {sys.version.split()[0]}. cold: no page kept (PAGE_CACHE=0); "
        "warm: the page cache as configured, filled beforehand."
    )
    header = (
        f"{'page':<9} {'cold req/s':>10} {'÷ bare':>7} {'p50 ms':>7}   "
        f"{'warm req/s':>10} {'÷ bare':>7} {'p50 ms':>7}   {'bare req/s':>10} {'errors':>6}"
    )
    print(header)
    print("-" * len(header))
    for name, states in rows.items():
        cold, warm = states["cold"], states["warm"]
        bare = (cold["anchor"]["per_second"] + warm["anchor"]["per_second"]) / 2
        errors = cold["errors"] + warm["errors"]
        columns = [
            f"{state['per_second']:>10.0f} {ratio(state):>7.2f} {state['p50'] * 1000:>7.2f}"
            for state in (cold, warm)
        ]
        print(f"{name:<9} {columns[0]}   {columns[1]}   {bare:>10.0f} {errors:>6}")
    print()
    for name, path in pages.items():
        print(f"{name:<9} {path}")


def ratio(result):
    return result["per_second"] / result["anchor"]["per_second"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3, help="load time per run (≤ 60)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (≤ 64)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    options = parser.parse_args()
    seconds = min(options.seconds, 60)
    clients = max(1, min(options.clients, 64))
    workers = max(1, min(options.workers, 16))

    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as folder:
        env = environment(Path(folder))
        prepare(env)
        key = prepare_api(env)
        started = {}
        try:
            ports = serve(env, workers, started)
            pages = pick_pages(ports["warm"])
            for path in pages.values():
                for port in (ports["warm"], ports["cold"]):
                    status, _ = get(port, path)
                    if status != 200:
                        raise SystemExit(f"{path} answered {status}.")
                for _ in range(5):  # Warm up: fill the page cache, open the database.
                    get(ports["warm"], path)
            rows = measure(ports, pages, seconds=seconds, clients=clients)
            api = measure_api(ports, key, seconds=seconds, clients=clients)
            hits = hit_ratio_after_publish(env, ports["warm"])
            latency = webhook_latency(env)
        finally:
            for server in started.values():
                server.terminate()
            for server in started.values():
                server.wait(timeout=30)

    print_table(rows, pages, workers=workers, clients=clients, seconds=seconds)
    target = {name: ratio(rows[name]["warm"]) for name in ("story", "home")}
    verdict = "meets" if min(target.values()) >= 0.9 else "misses"
    print(
        f"\nCached story {target['story']:.2f}, cached home {target['home']:.2f} of the bare "
        f"view's rate: {verdict} the 0.90 target."
    )
    report(api, latency)
    share = hits["after"] / max(hits["stories"], 1)
    print(
        f"Hit ratio after publishing {hits['published']}: {hits['after']} of the "
        f"{hits['stories']} other story pages still answered from the cache ({share:.0%}; "
        f"{hits['before']} before it): {'meets' if share >= 0.9 else 'misses'} the 90 % target."
    )
    return 0 if not any(s["errors"] for states in rows.values() for s in states.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
