"""
Benchmark the reader site as production serves it: gunicorn on 127.0.0.1.

A throwaway instance (SQLite, the demo newsroom, collected static files) is
served by gunicorn; the home page, a story, a filtered archive page and a
search are each loaded by concurrent clients for a bounded time, and so is
``/healthz`` (a page that only checks the database and the upload storage),
before and after them. Each page's requests per second and latency are
printed, and as a ratio to ``/healthz`` measured the same way in the same run.

    .venv/bin/python bench/run.py [--seconds 5] [--clients 8] [--workers 4]

Only 127.0.0.1 is contacted; every loop is bounded by time and by a request cap.
"""

import argparse
import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = Path(PYTHON).with_name("gunicorn")
MAX_REQUESTS = 200_000


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
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }


def manage(env, *args):
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def get(port, path, cookie=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": "127.0.0.1"}
    if cookie:
        headers["Cookie"] = cookie
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


def start_server(env, port, workers, log=subprocess.DEVNULL):
    """gunicorn with the project's config file on 127.0.0.1:``port``."""
    return subprocess.Popen(  # noqa: S603
        [
            str(GUNICORN),
            "-c",
            "newsroom/gunicorn.conf.py",
            "newsroom.wsgi",
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
    )


def wait_until_up(port, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped while starting.")
        try:
            if get(port, "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz in time.")


def pick_pages(port):
    """A story, a filtered archive page and a search that find something."""
    status, feed = get(port, "/feeds/latest/")
    assert status == 200, status
    text = feed.decode()
    story = None
    for chunk in text.split("<link>")[2:]:
        link = chunk.split("</link>", 1)[0]
        path = urllib.parse.urlsplit(link).path
        if path.startswith("/articles/") and all(ord(c) < 128 for c in urllib.parse.unquote(path)):
            story = path
            break
    status, archive = get(port, "/articles/")
    assert status == 200, status
    section = archive.decode().split('href="/sections/', 1)[1].split("/", 1)[0]
    return {
        "home": "/",
        "story": story,
        "archive": f"/articles/?section={section}&language=en",
        "search": "/search/?q=land",
    }


def load(port, path, *, seconds, clients, cookie=None):
    """Request ``path`` from ``clients`` threads for ``seconds``; return latencies and errors."""
    latencies, errors = [], []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        mine, failed = [], 0
        while time.monotonic() < deadline and len(mine) < MAX_REQUESTS // clients:
            started = time.perf_counter()
            try:
                status, _ = get(port, path, cookie)
            except OSError:
                status = 0
            if status == 200:
                mine.append(time.perf_counter() - started)
            else:
                failed += 1
        with lock:
            latencies.extend(mine)
            errors.append(failed)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {
        "requests": len(latencies),
        "errors": sum(errors),
        "per_second": len(latencies) / elapsed,
        "p50": percentile(latencies, 50),
        "p99": percentile(latencies, 99),
    }


def percentile(values, rank):
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[rank - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5, help="load time per page (≤ 60)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (≤ 64)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    options = parser.parse_args()
    seconds = min(options.seconds, 60)
    clients = max(1, min(options.clients, 64))

    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as folder:
        env = environment(Path(folder))
        print("Preparing a throwaway newsroom (migrate, demo content, collectstatic)…")
        manage(env, "migrate", "--noinput")
        manage(env, "demo_content")
        manage(env, "collectstatic", "--noinput")
        port = free_port()
        server = start_server(env, port, options.workers)
        try:
            wait_until_up(port, server)
            pages = pick_pages(port)
            print(
                f"gunicorn, {options.workers} workers; {clients} clients; "
                f"{seconds:g} s per page; SQLite; Python {sys.version.split()[0]}"
            )
            for path in pages.values():
                for _ in range(5):  # Warm up: fill the page cache, open the database.
                    get(port, path)
            results = {"healthz": load(port, "/healthz", seconds=seconds, clients=clients)}
            for name, path in pages.items():
                results[name] = load(port, path, seconds=seconds, clients=clients)
            again = load(port, "/healthz", seconds=seconds, clients=clients)
        finally:
            server.terminate()
            server.wait(timeout=30)

    first = results["healthz"]
    baseline = {key: (first[key] + again[key]) / 2 for key in ("per_second", "p50", "p99")}
    results["healthz"] = {**first, **baseline, "requests": first["requests"] + again["requests"]}
    results["healthz"]["errors"] = first["errors"] + again["errors"]
    print()
    header = (
        f"{'page':<9} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}"
        f"   {'req/s ÷ healthz':>15} {'p50 ÷ healthz':>13} {'p99 ÷ healthz':>13}"
    )
    print(header)
    print("-" * len(header))
    for name, result in results.items():
        p50, p99 = result["p50"] * 1000, result["p99"] * 1000
        print(
            f"{name:<9} {result['requests']:>8} {result['errors']:>6} "
            f"{result['per_second']:>8.0f} {p50:>8.2f} {p99:>8.2f}"
            f"   {result['per_second'] / baseline['per_second']:>15.2f}"
            f" {result['p50'] / baseline['p50']:>13.2f} {result['p99'] / baseline['p99']:>13.2f}"
        )
    print()
    for name, path in pages.items():
        print(f"{name:<9} {path}")
    story = results["story"]["per_second"] / baseline["per_second"]
    verdict = "meets" if story >= 0.5 else "misses"
    print(f"\nA story page serves {story:.0%} of /healthz's rate: {verdict} the 50% target.")
    return 0 if results["story"]["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
