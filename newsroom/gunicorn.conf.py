"""
gunicorn settings for serving Newsroom (``make serve``, production).

    gunicorn -c newsroom/gunicorn.conf.py newsroom.wsgi

Every value can be changed from the environment: GUNICORN_BIND,
WEB_CONCURRENCY (worker processes), GUNICORN_TIMEOUT.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# The usual 2 × cores + 1 sync workers, capped: each holds a database
# connection, and SQLite serialises writers anyway.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9)))
worker_class = "sync"

# A request taking longer than this is stuck: the worker is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Workers are replaced now and then, so a slow leak never grows for long;
# the application is loaded once, before the workers are forked, so a new
# worker starts at once instead of importing Django again. (With a worker
# replaced every 2,000 requests and loading the app itself, a busy site
# spent a large share of its time starting workers: cached pages measured
# at 0.77 of a bare view were at 0.9+ without it.)
preload_app = True
max_requests = 20000
max_requests_jitter = 2000

# Request lines are written by the application (operations.middleware), with
# the request id; gunicorn's own access line leaves out the address, which
# can hold a preview link's token, and keeps the id to match the two.
accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Only a proxy on this machine may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
