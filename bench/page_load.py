"""
Asking the served newsroom for pages: one request (``get``), or one address
for a few seconds from several connections (``load``), with wrk, a load
generator in C (``scripts/ensure-wrk``), when installed, else from Python
threads. Only 127.0.0.1 is contacted, every loop bounded by time and by
``MAX_REQUESTS``.
"""

import http.client
import re
import shutil
import statistics
import subprocess
import threading
import time

MAX_REQUESTS = 200_000


def get(port, path, cookie=None, *, as_a_browser=False, headers=None):
    """
    GET ``path``: ``(status, body)``. ``as_a_browser`` accepts compressed
    bodies, as every browser does (the body is then read, not decompressed).
    """
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": "127.0.0.1", **(headers or {})}
    if as_a_browser:
        headers["Accept-Encoding"] = "gzip, deflate, br"
    if cookie:
        headers["Cookie"] = cookie
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


# Publishes the first story waiting for an editor whose checklist is
# complete, with the workflow's service, as the desk would; prints its id.


WRK = shutil.which("wrk")


def load(port, path, *, seconds, clients, cookie=None, headers=None):
    """
    Request ``path`` from ``clients`` connections for ``seconds``: with wrk
    (a load generator in C, scripts/ensure-wrk) when installed, so the
    clients take little of the machine's two cores from the server, else
    from Python threads.
    """
    if WRK and cookie is None:
        return load_with_wrk(port, path, seconds=seconds, clients=clients, headers=headers)
    return load_with_threads(
        port, path, seconds=seconds, clients=clients, cookie=cookie, headers=headers
    )


def load_with_wrk(port, path, *, seconds, clients, headers=None):
    result = subprocess.run(  # noqa: S603
        [
            WRK,
            "--threads",
            "2",
            "--connections",
            str(clients),
            "--duration",
            f"{max(1, round(seconds))}s",
            "--latency",
            "--header",
            "Host: 127.0.0.1",
            "--header",
            "Accept-Encoding: gzip, deflate, br",
            *[
                part
                for name, value in (headers or {}).items()
                for part in ("--header", f"{name}: {value}")
            ],
            f"http://127.0.0.1:{port}{path}",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    )
    out = result.stdout
    requests = int(re.search(r"(\d+) requests in", out)[1])
    errors = int(m[1]) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 1e-6, "ms": 1e-3, "s": 1.0}
    return {
        "requests": requests,
        "errors": errors,
        "per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50": float(p50[1]) * scale[p50[2]],
        "p99": float("nan"),
    }


def load_with_threads(port, path, *, seconds, clients, cookie=None, headers=None):
    """Request ``path`` from ``clients`` threads for ``seconds``; return latencies and errors."""
    latencies, errors = [], []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        mine, failed = [], 0
        while time.monotonic() < deadline and len(mine) < MAX_REQUESTS // clients:
            started = time.perf_counter()
            try:
                status, _ = get(port, path, cookie, as_a_browser=True, headers=headers)
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
