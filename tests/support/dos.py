"""
A regression guard against input that once made work blow up (quadratic
parsing, catastrophic regexes): the work must finish within a generous number
of seconds of this process's own CPU time.

CPU time, not the clock: other processes on a busy machine (a parallel test
worker, a browser) slow the clock but not the work, and a guard that fails
on a loaded machine guards nothing. The work measured runs in this process:
a view through the test client, with SQLite's queries included.
"""

import time
from contextlib import contextmanager


@contextmanager
def cpu_seconds_under(testcase, seconds):
    started = time.process_time()
    yield
    testcase.assertLess(time.process_time() - started, seconds)
