"""
What partners get, measured on the benchmark's throwaway newsroom
(``bench/run.py`` calls these):

- the content API's page of 50 stories (``/api/v1/items``), served by the
  same gunicorn as the reader pages, as requests per second over the bare
  Django view measured just before it;
- webhook latency: from the moment a takedown or a publication is committed
  (the notice's task enqueued) to the moment a receiver on 127.0.0.1 has
  the signed POST, with one task worker running (``manage.py run_worker``,
  polling every second as in production).
"""

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from page_load import get, load

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STORIES = 60

MORE_STORIES = f"""
from articles.models import Article, Byline
from syndication.keys import create_key
published = list(Article.objects.published().filter(translation_of=None).order_by("pk"))
count, number = Article.objects.published().count(), 0
while count < {STORIES}:
    source = published[number % len(published)]
    copy = Article.objects.get(pk=source.pk)
    copy.pk = copy.id = None
    copy.slug, copy.headline = "", f"{{source.headline}} ({{number}})"
    copy.translation_of = copy.approved_revision = None
    copy._state.adding = True
    copy.save()
    for byline in source.bylines.all():
        Byline.objects.create(
            article=copy, person=byline.person, role=byline.role, position=byline.position
        )
    copy.topics.set(source.topics.all())
    copy.people.set(source.people.all())
    count, number = count + 1, number + 1
print(create_key(name="bench", rate_limit=10**9)[1])
"""

EVENTS = """
import time
from django.contrib.auth import get_user_model
from articles.models import Article
from syndication.models import Webhook
from syndication.ninjs import item_uri
from workflow import services
Webhook.objects.create(name="bench", url="{url}", secret="bench-secret")
editor = get_user_model().objects.filter(is_superuser=True).first()
for story in list(Article.objects.published().order_by("-published_at")[:{runs}]):
    services.unpublish(article=story, editor=editor, note="bench takedown")
    print("story.unpublished", item_uri(story.pk), time.time(), flush=True)
    time.sleep(2.5)
waiting = Article.objects.filter(status__in=["in_review", "approved"]).order_by("pk")
published = 0
for story in waiting:
    try:
        services.publish(article=story, editor=editor)
    except services.WorkflowError:
        continue
    print("story.published", item_uri(story.pk), time.time(), flush=True)
    time.sleep(2.5)
    published += 1
    if published == {runs}:
        break
"""


def shell(env, command):
    result = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"manage.py shell failed:\n{result.stderr}")
    return result.stdout


def prepare_api(env):
    """At least ``STORIES`` published stories (copies of the demo's) and a key: the key."""
    key = shell(env, MORE_STORIES).split()[-1]
    # Their publication notices, with no webhook yet: nobody is told.
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "run_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return key


def measure_api(ports, key, *, seconds, clients):
    """The API's page of 50 stories against the bare view measured just before it."""
    headers = {"Authorization": f"Bearer {key}"}
    status, body = get(ports["warm"], "/api/v1/items", headers=headers)
    assert status == 200, (status, body[:200])
    count = len(json.loads(body)["items"])
    assert count == 50, count
    anchor = load(ports["bare"], "/", seconds=seconds, clients=clients)
    result = load(ports["warm"], "/api/v1/items", seconds=seconds, clients=clients, headers=headers)
    return {**result, "anchor": anchor, "bytes": len(body)}


class Receiver(ThreadingHTTPServer):
    def __init__(self):
        self.received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(handler):
                length = int(handler.headers.get("Content-Length", 0))
                notice = json.loads(handler.rfile.read(length))
                self.received.append((notice["event"], notice["uri"], time.time()))
                handler.send_response(200)
                handler.send_header("Content-Length", "0")
                handler.end_headers()

            def log_message(handler, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)


def webhook_latency(env, *, runs=5):
    """Seconds from each committed takedown and publication to the receiver having it."""
    receiver = Receiver()
    thread = threading.Thread(target=receiver.serve_forever, daemon=True)
    thread.start()
    env = {**env, "WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "1"}
    worker = subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", "run_worker", "--no-reload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)  # The worker's start-up delay.
        url = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
        output = shell(env, EVENTS.format(url=url, runs=runs)).splitlines()
        lines = [line for line in output if line.startswith("story.")]
        deadline = time.time() + 30
        while len(receiver.received) < len(lines) and time.time() < deadline:
            time.sleep(0.2)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        receiver.shutdown()
        receiver.server_close()
    latencies = {"story.unpublished": [], "story.published": []}
    for line in lines:
        event, uri, committed = line.split()
        arrived = [at for kind, where, at in receiver.received if (kind, where) == (event, uri)]
        if arrived:
            latencies[event].append(
                min(at for at in arrived if at >= float(committed) - 1) - float(committed)
            )
    return {
        event: {
            "count": len(values),
            "median": statistics.median(values) if values else float("nan"),
            "max": max(values) if values else float("nan"),
        }
        for event, values in latencies.items()
    } | {"sent": len(lines), "received": len(receiver.received)}


def report(api, latency):
    ratio = api["per_second"] / api["anchor"]["per_second"]
    print(
        f"\nContent API, a page of 50 stories ({api['bytes'] / 1024:.0f} KB): "
        f"{api['per_second']:.0f} req/s, {ratio:.2f} of the bare view's "
        f"{api['anchor']['per_second']:.0f} req/s; p50 {api['p50'] * 1000:.1f} ms; "
        f"{api['errors']} errors."
    )
    for event in ("story.unpublished", "story.published"):
        figures = latency[event]
        print(
            f"Webhook {event}: {figures['count']} delivered, commit to receipt "
            f"median {figures['median']:.2f} s, max {figures['max']:.2f} s."
        )
    print(f"Webhook notices: {latency['sent']} events, {latency['received']} received.")
    return os.EX_OK
