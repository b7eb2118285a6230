"""``manage.py`` run as production runs it: its own process, production settings."""

import json
import os
import subprocess
import sys
import tempfile

from django.db import connection

from tests.support import ROOT

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-for-the-deploy-check-3f9a1c7e5b2d",
    "ALLOWED_HOSTS": "news.example.org",
}

# Variables of the machine running the tests that would change what is checked.
STRIPPED = {
    "DJANGO_SETTINGS_MODULE",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "BEHIND_TLS_PROXY",
    "TRUSTED_PROXY_COUNT",
    "REDIS_URL",
    "CACHE_BACKEND",
    "CACHE_LOCATION",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_CUSTOM_DOMAIN",
}


def production_environment(**env):
    """
    The environment of a process run as production runs it: this machine's
    variables without those that would change what is checked, a cache of
    its own, newsroom.settings, and ``env``.
    """
    environment = {key: value for key, value in os.environ.items() if key not in STRIPPED}
    # A cache of its own: what a local server once recorded (newsroom.W002) is not checked.
    environment["CACHE_LOCATION"] = tempfile.mkdtemp(prefix="newsroom-test-cache-")
    environment.update(env, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return environment


def manage(*args, **env):
    """Run ``manage.py args`` with newsroom.settings and ``env``; the finished process."""
    return subprocess.run(  # noqa: S603 (fixed arguments, our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def database_url(name=None):
    """
    The address of this run's test database, for a process of its own: on
    PostgreSQL, of the database ``name`` on the same server when given.
    """
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{params['NAME']}"
    login = params["USER"] + (f":{params['PASSWORD']}" if params.get("PASSWORD") else "")
    return f"postgres://{login}@{params['HOST']}:{params['PORT']}/{name or params['NAME']}"


# Runs in ``manage.py shell``: each question's code with its own names, what
# it prints kept apart, then all the answers as one line of JSON.
ANSWERING = """
import contextlib, io, json
answers = {}
for name, code in QUESTIONS.items():
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        exec(code, {})
    answers[name] = printed.getvalue().strip()
print(json.dumps(answers))
"""


def settings_answers(questions, **env):
    """
    What each of ``questions`` ({name: code}) prints, as {name: text}: all of
    them asked of one ``manage.py shell`` with production settings and ``env``,
    so settings that take a process to load are loaded once for them all.
    """
    code = f"QUESTIONS = {questions!r}\n{ANSWERING}"
    result = manage("shell", "--no-imports", "-c", code, **{**PRODUCTION, **env})
    if result.returncode != 0:
        raise AssertionError(result.stderr)
    return json.loads(result.stdout.splitlines()[-1])
