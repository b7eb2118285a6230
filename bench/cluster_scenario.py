"""
The desk's part of bench/cluster.py, run while readers and editors load both
servers: changes through A seen on B, a photo's renditions, and A killed and
restarted. Each check is kept with its outcome and each delay as a figure.
"""

import html
import secrets
import threading
import time

from cluster_desk import (
    RENDITIONS_WITHIN,
    VISIBLE_WITHIN,
    Desk,
    DeskError,
    fetch,
    gone,
    picture_bytes,
    read,
    rendition_address,
    shows,
    statuses_across,
    until,
)

# When A is killed and restarted, as shares of the run's length (later if the
# desk's checks before take longer).
KILL_AT, RESTART_AT, LATEST_KILL = 0.3, 0.5, 0.7


class Scenario:
    def __init__(self, cluster, servers, stories, editor, password, options):
        self.cluster, self.servers, self.stories = cluster, servers, stories
        self.username, self.password = editor["username"], password
        self.app_key = editor["app_key"]
        self.seconds = options.seconds
        self.token = secrets.token_hex(3)
        self.checks = []  # (what, passed, detail)
        self.figures = {}  # what -> seconds
        self.headlines = {}  # story pk -> the headline it must end with
        self.photo = None  # (story, alt text) of the uploaded photo
        self.desks = {}

    @property
    def failed(self):
        return not self.checks or any(not passed for _what, passed, _detail in self.checks)

    def check(self, what, passed, detail=""):
        self.checks.append((what, bool(passed), detail))

    def step(self, what, action):
        try:
            return action()
        except (DeskError, OSError, KeyError) as error:
            self.check(what, False, f"{type(error).__name__}: {error}")
            return None

    def port(self, name):
        return self.cluster.ports[name]

    def visible(self, what, seen):
        """
        A check that the first read asked for after a change was answered
        shows it (``seen()``), within a second; and the figure of how long
        until an answer did, which is mostly that server's time to answer.
        """
        seconds, reads, asked = until(seen, within=VISIBLE_WITHIN)
        self.figures[what] = seconds
        if seconds is None:
            detail = f"not within {VISIBLE_WITHIN:g} s"
        else:
            detail = (
                f"the read asked at {asked * 1000:.0f} ms"
                + (f", after {reads - 1} stale one(s)" if reads > 1 else "")
                + f" showed it, answered at {seconds * 1000:.0f} ms"
            )
        self.check(what, seconds is not None and reads == 1 and asked <= 1.0, detail)
        return seconds

    def new_headline(self, story, number):
        headline = f"{story['headline'][:120]} (cluster check {self.token}-{number})"
        self.headlines[story["pk"]] = headline
        return headline

    # The run.

    def sign_in(self):
        """
        An editor signs in through each server, before the load starts: a
        sign-in queued behind forty readers took up to half the run, and A
        must be killed while readers and editors work.
        """
        for name in ("A", "B"):
            began = time.monotonic()
            desk = self.step(
                f"an editor signs in through {name}",
                lambda name=name: Desk(
                    self.port(name), name, self.username, self.password, self.app_key
                ),
            )
            if desk:
                self.desks[name] = desk
                self.figures[f"an editor signing in through {name}"] = time.monotonic() - began

    def run(self):
        started = time.monotonic()
        time.sleep(2)  # Readers and editors under way first.
        waiting = None
        if len(self.desks) == 2:
            waiting = self.step("a photo uploaded through A, on B", self.photo_through_a)
            self.step(
                "a headline saved through A, on B",
                lambda: self.headline(1, "A", "B", "headline saved through A, shown by B"),
            )
        self.sleep_until(started + KILL_AT * self.seconds)
        self.outage(started)
        if "A" in self.desks:
            self.step("a takedown and a publish through A, on B", self.takedown_through_a)
        self.step("limits counted across servers", self.limits_across_servers)
        if waiting is not None:
            waiting.join(timeout=RENDITIONS_WITHIN + 30)

    def sleep_until(self, moment):
        time.sleep(max(0.0, moment - time.monotonic()))

    def headline(self, number, through, shown_by, what):
        """Save the first desk story with a new headline through one server; read it on another."""
        story = self.stories[0]
        headline = self.new_headline(story, number)
        self.desks[through].save_story(story["pk"], headline=headline)
        self.visible(what, lambda: shows(self.port(shown_by), story["path"], html.escape(headline)))

    def takedown_through_a(self):
        story = self.stories[1]
        self.desks["A"].move(story["pk"], "unpublish", note="Taken down for the cluster run.")
        self.visible("takedown through A, a 404 on B", lambda: gone(self.port("B"), story["path"]))
        self.desks["A"].move(story["pk"], "publish")
        self.visible(
            "publish through A, shown by B",
            lambda: shows(self.port("B"), story["path"], html.escape(story["headline"])),
        )
        self.headlines[story["pk"]] = story["headline"]

    def photo_through_a(self):
        """
        Upload a photo through A and make it a story's lead photo; then, in a
        thread of its own, wait for B's story page to serve its renditions.
        """
        story = self.stories[2]
        alt_text = f"Rice fields at dusk, cluster check {self.token}"
        picture = picture_bytes()
        sent = time.perf_counter()
        photo = self.desks["A"].upload_photo(alt_text, picture)
        answered = time.perf_counter()
        self.figures["upload of a 2400 × 1600 JPEG answered by A"] = answered - sent
        self.desks["A"].save_story(story["pk"], lead_photo=str(photo))
        self.photo = (story, alt_text)
        waiting = threading.Thread(target=self.renditions_on_b, args=(story, alt_text, answered))
        waiting.start()
        return waiting

    def renditions_on_b(self, story, alt_text, answered):
        found = []

        def served():
            status, body = read(self.port("B"), story["path"])
            address = rendition_address(body, alt_text) if status == 200 else None
            found[:] = [address] if address else []
            return bool(found)

        waited, _reads, _asked = until(served, within=RENDITIONS_WITHIN, every=0.2)
        total = None if waited is None else time.perf_counter() - answered
        self.figures["renditions on B's story page after the upload"] = total
        self.check(
            "renditions made by the worker, served on B's story page",
            total is not None,
            f"{total:.1f} s after the upload" if total else f"not within {RENDITIONS_WITHIN} s",
        )
        if found:
            status, kind = fetch(found[0])
            self.check(
                "a rendition read from the bucket at the address B's page gives",
                status == 200 and kind.startswith("image/"),
                f"{status} {kind}",
            )

    def limits_across_servers(self):
        """
        Failed sign-ins through B lock the username out on the restarted A
        too (django-axes, in the database); password-reset requests through B
        count on A (the shared cache).
        """
        ports = [self.port("B"), self.port("A")]
        signing_in = statuses_across(
            ports,
            "/admin/login/?next=/admin/",
            {"username": f"cluster-{self.token}", "password": "not-the-password"},
            tries=5,
        )
        self.check(
            "5 failed sign-ins through B: the username is locked out on A",
            signing_in[-1] == 429,
            f"statuses {signing_in}",
        )
        resetting = statuses_across(
            ports,
            "/admin/password_reset/",
            {"email": f"cluster-{self.token}@example.org"},
            tries=10,
        )
        self.check(
            "10 password-reset requests through B: the next, through A, is refused",
            resetting[-1] == 429,
            f"statuses {resetting}",
        )

    def outage(self, started):
        """Kill A; change a story through B; restart A; both agree."""
        self.servers.down.add("A")
        killed = time.monotonic()
        self.cluster.kill("A")
        # Mid-run: readers and editors must meet the dead server.
        self.check(
            "A killed with SIGKILL (master and workers) while readers and editors work",
            killed - started < LATEST_KILL * self.seconds,
            f"at {killed - started:.1f} s of {self.seconds:g}",
        )
        story = self.stories[0]
        if "B" in self.desks:
            self.step(
                "a headline saved through B while A is down",
                lambda: self.headline(
                    2, "B", "B", "headline saved through B while A is down, shown by B"
                ),
            )
        self.sleep_until(started + RESTART_AT * self.seconds)
        self.cluster.start("A")
        self.servers.down.discard("A")
        self.figures["A down (killed to answering /healthz again)"] = time.monotonic() - killed
        self.visible(
            "the headline saved through B while A was down, shown by the restarted A",
            lambda: shows(self.port("A"), story["path"], html.escape(self.headlines[story["pk"]])),
        )
        if "A" in self.desks:
            self.step(
                "a headline saved through the restarted A",
                lambda: self.headline(
                    3, "A", "B", "headline saved through the restarted A, shown by B"
                ),
            )
