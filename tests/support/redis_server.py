"""A throwaway redis-server on 127.0.0.1 for the tests that need a real one."""

import shutil
import socket
import subprocess
import tempfile
import time

from django.core.cache.backends.redis import RedisCache

REDIS_SERVER = shutil.which("redis-server")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_redis(cleanups):
    """
    Start redis-server on a free port, without persistence, and wait until it
    answers. ``cleanups(function, *args)`` (``addClassCleanup``) is told how to
    stop it and remove its folder. Return its address, ``redis://…/0``.
    """
    folder = tempfile.mkdtemp(prefix="newsroom-redis-")
    cleanups(shutil.rmtree, folder, ignore_errors=True)
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"
    server = subprocess.Popen(  # noqa: S603 - the system's redis-server, fixed arguments
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            folder,
        ],  # fmt: skip
        stdout=subprocess.DEVNULL,
    )
    cleanups(server.wait, timeout=10)
    cleanups(server.terminate)
    probe = RedisCache(url, {})
    deadline = time.monotonic() + 10
    while True:
        try:
            probe.get("ping")
            return url
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
