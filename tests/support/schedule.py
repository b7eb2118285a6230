"""
How ``make test`` shares the tests between its pytest-xdist workers.

``--dist loadscope`` keeps each test class (or module of test functions) on
one worker, and by default hands out the classes with the most tests first.
Ours are the other way round: the slowest classes hold one or two tests (a
crawl of every workspace page, a backup drill, the accessibility checks), so
they came last and one worker ran them while the other had finished. Here the
classes go out slowest first, as last measured (``SCOPE_TIMES``), and the
many quick ones fill in at the end.

``make test PYTEST_ARGS=--scope-times`` measures again and rewrites the file.
"""

import json
from collections import OrderedDict, defaultdict
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

SCOPE_TIMES = Path(__file__).resolve().parent.parent / "scope_times.json"
# A class not measured yet: about what a quick test takes, per test.
UNMEASURED_SECONDS_PER_TEST = 0.1
# Classes quicker than this are left out of the file: they just fill in.
KEPT_SECONDS = 1.0


def scope_of(nodeid):
    """xdist's own grouping for loadscope: the class, or the module of test functions."""
    return nodeid.rsplit("::", 1)[0]


class SlowestFirstScheduling(LoadScopeScheduling):
    def __init__(self, config, log=None):
        super().__init__(config, log)
        try:
            self.times = json.loads(SCOPE_TIMES.read_text())
        except (OSError, ValueError):
            self.times = {}
        self.ordered = False

    def expected_seconds(self, scope, nodeids):
        return self.times.get(scope, UNMEASURED_SECONDS_PER_TEST * len(nodeids))

    def _assign_work_unit(self, node):
        if not self.ordered:
            self.workqueue = OrderedDict(
                sorted(self.workqueue.items(), key=lambda item: -self.expected_seconds(*item))
            )
            self.ordered = True
        super()._assign_work_unit(node)


class ScopeTimes:
    """With ``--scope-times``: each class's time, all phases, written to ``SCOPE_TIMES``."""

    def __init__(self):
        self.seconds = defaultdict(float)
        self.workers_started = set()

    def pytest_runtest_logreport(self, report):
        worker = getattr(report, "node", None)  # the worker that ran it, under xdist
        if report.when == "setup" and worker not in self.workers_started:
            # A worker's first setup makes its test database: no class's own time.
            self.workers_started.add(worker)
            return
        self.seconds[scope_of(report.nodeid)] += report.duration

    def pytest_sessionfinish(self, session):
        kept = {
            scope: round(seconds, 1)
            for scope, seconds in sorted(self.seconds.items(), key=lambda item: -item[1])
            if seconds >= KEPT_SECONDS
        }
        SCOPE_TIMES.write_text(json.dumps(kept, indent=1) + "\n")
