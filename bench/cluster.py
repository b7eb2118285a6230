"""
Newsroom as a newsroom that outgrew one machine runs it: two app servers
behind one address, sharing the database, the cache and the photo storage.

Started here, all on 127.0.0.1, and stopped by their process ids at the end,
on failure and on SIGTERM or Ctrl-C too: a database of its own in the
PostgreSQL cluster ``DATABASE_URL`` names (``scripts/with-postgres``), Redis
as the shared cache (``REDIS_URL``), moto's S3 server as the photos' bucket,
two gunicorn servers A and B (``DEBUG=0``, the newsroom ``bench/load.py``
prepares, its photos in the bucket) and one task worker (``manage.py
run_worker``). Then, for
``--seconds``, readers and editors as in the load run, spread over both
servers, while the desk checks, through A and B:

* a published story's headline saved through A is shown by B at once (within
  a second); a takedown through A is a 404 on B at once, and so is the story
  again once published through A;
* a photo uploaded through A (into the bucket) and made a story's lead photo
  gets its renditions from the worker, and B's story page serves them;
* A is killed (SIGKILL to its process group: master and workers) mid-run;
  B keeps serving, editors whose server refuses connections go on through B,
  a change saved through B meanwhile is shown by A once restarted, and a
  change through the restarted A by B.

Afterwards every save answered as a success must be in the database and
shown alike through both servers. No 5xx anywhere, and no error on B at all;
on A only the connections dropped by the kill. The exit status is 1 on any
failure.

    make cluster
    scripts/with-postgres .venv/bin/python bench/cluster.py [--seconds 45] [--readers 40]
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import boto3  # noqa: E402
from cluster_report import agreement, report  # noqa: E402
from cluster_scenario import Scenario  # noqa: E402
from load import (  # noqa: E402
    bounded,
    check_saves,
    failures,
    options_parser,
    prepare,
    run_load,
    server_errors,
    stored_saves,
)
from load_clients import Servers  # noqa: E402
from run import free_port, start_server, wait_until_up  # noqa: E402
from scale import PostgresDatabase, environment, manage  # noqa: E402

from tests.support.object_storage import BUCKET, CREDENTIALS, storage_environment  # noqa: E402
from tests.support.redis_server import REDIS_SERVER, start_redis  # noqa: E402

PYTHON = sys.executable
# The whole run, from the first process started to the last stopped, is cut
# off after this many seconds (make cluster adds PostgreSQL's start and stop).
TIME_LIMIT = 225
MOTO_SERVER = Path(PYTHON).with_name("moto_server")

# The published stories the desk changes (readers leave them alone: one is
# taken down for a moment), with their photos' renditions made, since a
# story is published again only with them. The demo's other photos keep their
# cleaned originals, as in the one-server load run: their renditions (60
# photos) would keep the one worker busy for minutes on a small machine, and
# the run's own upload would wait behind them.
DESK_STORIES = """
import json
from django_tasks_db.models import DBTaskResult
from articles.models import Article
from media.models import Photograph
from media.services import make_missing_renditions
DBTaskResult.objects.filter(status="READY", task_path="media.tasks.make_renditions").delete()
stories = list(Article.objects.published().filter(language="en").order_by("-published_at")[:3])
for photograph in Photograph.objects.filter(pk__in=[
    *(story.lead_photo_id for story in stories),
    *(pk for story in stories for pk in story.placed_photos.values_list("photograph", flat=True)),
]):
    make_missing_renditions(photograph=photograph)
print(json.dumps([
    {"pk": story.pk, "path": story.get_absolute_url(), "headline": story.headline}
    for story in stories
]))
"""


def stop(process, timeout=30):
    """Stop a process this run started, by its id: SIGTERM, then SIGKILL if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)


def stop_server(server):
    """A gunicorn server: its master stops its workers; a group left behind is killed."""
    stop(server)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)


def start_s3(folder, stack):
    """moto's S3 server in a process of its own, with the photos' bucket; its address."""
    port = free_port()
    log = stack.enter_context(open(folder / "s3.log", "w"))  # noqa: SIM115 - closed by the stack
    server = subprocess.Popen(  # noqa: S603 - the virtualenv's moto_server, fixed arguments
        [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=log
    )
    stack.callback(stop, server)
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            client.create_bucket(Bucket=BUCKET)
            return endpoint
        except Exception:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("moto's S3 server did not start: see s3.log") from None
            time.sleep(0.2)


class Cluster:
    """The processes of the run, each stopped by its id when ``stack`` closes."""

    def __init__(self, folder, stack, env, workers):
        self.folder, self.stack, self.env, self.workers = folder, stack, env, workers
        self.ports = {"A": free_port(), "B": free_port()}
        self.servers = {}
        self.started = {"A": 0, "B": 0}

    def log(self, name):
        # Closed by the stack, after the process writing to it is stopped.
        return self.stack.enter_context(open(self.folder / f"{name}.log", "a"))  # noqa: SIM115

    def start(self, name):
        """Start app server ``name`` and wait until it answers /healthz."""
        self.started[name] += 1
        server = start_server(
            self.env, self.ports[name], self.workers, self.log(name), new_session=True
        )
        self.servers[name] = server
        self.stack.callback(stop_server, server)
        wait_until_up(self.ports[name], server)
        return server

    def kill(self, name):
        """SIGKILL to server ``name``'s process group, as when its machine dies."""
        server = self.servers[name]
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)

    def start_worker(self):
        worker = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [PYTHON, "manage.py", "run_worker", "--no-reload", "--no-startup-delay"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log("worker"),
            stderr=subprocess.STDOUT,
        )
        self.stack.callback(stop, worker)
        return worker

    def error_lines(self):
        return {name: server_errors(self.folder / f"{name}.log") for name in ("A", "B", "worker")}


def stop_on_signal(signum, _frame):
    # Raised in the main thread: the ExitStack stops every process started.
    raise SystemExit(128 + signum)


def out_of_time(_signum, _frame):
    raise SystemExit(f"FAIL: still running after {TIME_LIMIT} s; every process is stopped.")


def main():
    parser = options_parser(
        __doc__.split("\n\n")[0].replace("\n", " "), seconds=45, readers=40, editors=4, workers=2
    )
    options = bounded(parser.parse_args())
    options.editors = max(1, options.editors)
    options.seconds = max(30.0, min(options.seconds, 120))
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Run it on PostgreSQL: make cluster (scripts/with-postgres in front).")
    if not REDIS_SERVER or not MOTO_SERVER.exists():
        raise SystemExit("redis-server and moto_server are needed: scripts/ensure-redis, make.")
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGHUP, stop_on_signal)
    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(TIME_LIMIT)
    began = time.monotonic()

    with (
        tempfile.TemporaryDirectory(prefix="newsroom-cluster-") as folder,
        contextlib.ExitStack() as stack,
    ):
        folder = Path(folder)
        redis_url = start_redis(stack.callback)
        endpoint = start_s3(folder, stack)
        url = stack.enter_context(PostgresDatabase(os.environ["DATABASE_URL"]))
        env = {
            **environment(folder, url),
            "REDIS_URL": redis_url,
            **storage_environment(endpoint),
            # Workflow mail goes nowhere: there is no mail server here.
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
        print(
            f"Redis at {redis_url}, S3 at {endpoint}; preparing a throwaway newsroom on "
            "PostgreSQL (migrate, demo content into the bucket, static)…",
            flush=True,
        )
        setup, password = prepare(env, options.editors)
        desk_stories = json.loads(
            manage(env, "shell", "--no-imports", "-c", DESK_STORIES, capture=True)
        )
        changed = {story["path"] for story in desk_stories}
        setup["stories"] = [path for path in setup["stories"] if path not in changed]

        cluster = Cluster(folder, stack, env, options.workers)
        cluster.start_worker()
        cluster.start("A")
        cluster.start("B")
        servers = Servers([cluster.ports["A"], cluster.ports["B"]], names=["A", "B"])
        print(
            f"  {time.monotonic() - began:.0f} s: "
            f"A on 127.0.0.1:{cluster.ports['A']}, B on 127.0.0.1:{cluster.ports['B']}, "
            f"one task worker; {options.readers} readers and {options.editors} editors "
            f"over both for {options.seconds:g} s…",
            flush=True,
        )
        scenario = Scenario(cluster, servers, desk_stories, setup["editors"][0], password, options)
        scenario.sign_in()
        result = run_load(servers, setup, password, options, scenario=scenario.run)
        stored = stored_saves(env, setup)
        lost = check_saves(setup, result["records"], stored, result["tally"])
        agreed = agreement(cluster, scenario, setup, stored, password)
        agreed["unanswered kept"] = sum(
            marker in "\n".join(stored[str(story)]["revisions"])
            for story, record in result["records"].items()
            for marker in record["unconfirmed"]
        )
        log_lines = cluster.error_lines()

    signal.alarm(0)
    elapsed = time.monotonic() - began
    failed = failures(options, result, lost) or scenario.failed or agreed["failed"]
    report(options, servers, result, lost, scenario, agreed, log_lines, elapsed)
    print("\nFAIL" if failed else "\nOK: two servers, one address; nothing lost, nothing stale.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
