# Newsroom: `make run` serves the site with demo content, `make test` runs every test.

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Compiled modules are kept (__pycache__/, which git ignores): with the
# PYTHONDONTWRITEBYTECODE some machines set, every test process and every
# command the tests start would compile the project again, and pytest would
# rewrite every test module's assertions again in each process.
unexport PYTHONDONTWRITEBYTECODE

# Test processes (pytest-xdist): one more than the cores, so a core is not
# idle while a browser test waits on Chromium; TEST_WORKERS=0 runs in this one.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))

# The first Python 3.12 or newer found: on PATH, then in pyenv's versions.
PYTHON_FOR_VENV := $(shell for candidate in python3.14 python3.13 python3.12 python3 python \
	$$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] 2>/dev/null); do \
	if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	command -v $$candidate; break; fi; done)

.PHONY: run test test-postgres bench lint format migrate demo check-deploy clean \
	serve backup restore bench-scale load load-postgres live-load cluster

$(PY):
	@test -n "$(PYTHON_FOR_VENV)" || { echo "Python 3.12 or newer is needed: install it (for example 'pyenv install 3.12' or Debian's python3.12) and run make again."; exit 1; }
	"$(PYTHON_FOR_VENV)" -m venv $(VENV)

$(STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# The Khmer translation, compiled from locale/km/LC_MESSAGES/django.po (GNU gettext's msgfmt).
MO := locale/km/LC_MESSAGES/django.mo

$(MO): locale/km/LC_MESSAGES/django.po | $(STAMP)
	scripts/ensure-gettext
	$(PY) manage.py compilemessages --locale km --ignore '.venv' --ignore 'node_modules'

migrate: $(STAMP) $(MO)
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py demo_content

# The task worker (photo renditions) runs beside the server and is stopped,
# by its process id, when the server stops.
run: demo
	@echo "Serving on http://$(HOST):$(PORT)/ (workspace: http://$(HOST):$(PORT)/admin/), with a task worker"
	$(PY) manage.py run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# `check --deploy` with production settings and `makemigrations --check` are
# tests (tests/newsroom/test_settings.py, test_models_migrated.py).
test: $(STAMP) $(MO)
	scripts/ensure-chromium
	scripts/ensure-quality-tools
	scripts/ensure-redis
	$(PY) -m pytest --numprocesses $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

# The same suite on a throwaway PostgreSQL 15 cluster (scripts/with-postgres).
test-postgres: $(STAMP)
	scripts/with-postgres $(MAKE) --no-print-directory test

# Serve as production does, on http://$(HOST):$(PORT)/: DEBUG off, collected
# static files, gunicorn (newsroom/gunicorn.conf.py). SECRET_KEY and
# ALLOWED_HOSTS come from the environment, else a secret kept in var/secret_key
# (made once, readable only by you) and this machine's own addresses. HTTPS is
# not redirected: this is for serving locally; behind a TLS proxy set the
# production variables in the README instead.
serve: migrate
	@mkdir -p var
	@test -s var/secret_key || { umask 077; $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key; }
	DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost}" SECURE_SSL_REDIRECT=0 \
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" \
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Serving on http://$(HOST):$(PORT)/ with gunicorn and a task worker (Ctrl-C stops them)"
	export DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost}" SECURE_SSL_REDIRECT=0 \
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}"; \
	$(PY) manage.py run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	SERVE_UPLOADS=1 GUNICORN_BIND=$(HOST):$(PORT) $(VENV)/bin/gunicorn -c newsroom/gunicorn.conf.py newsroom.wsgi

# A consistent backup taken while the site runs: the database (SQLite's online
# backup, or pg_dump) and an archive of the uploads, in a new folder under
# BACKUP_DIR. `make restore BACKUP=var/backups/<folder>` puts one back into an
# empty instance (FORCE=1 to overwrite one that has content).
BACKUP_DIR ?= var/backups
backup: migrate
	$(PY) manage.py backup --output $(BACKUP_DIR)

restore: migrate
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=var/backups/<folder>"; exit 1; }
	$(PY) manage.py restore $(BACKUP) $(if $(FORCE),--force)

# Pages at 1,000 and at 100,000 stories on SQLite (bench/scale.py); with
# scripts/with-postgres in front, on PostgreSQL.
bench-scale: $(STAMP)
	$(PY) bench/scale.py $(BENCH_ARGS)

# Serve a throwaway demo newsroom with gunicorn and measure every reader page,
# cold and warm, against a bare Django view served the same way (bench/bare.py);
# then what a page-cache miss costs in-process, in queries and CPU time (bench/cold.py).
bench: $(STAMP)
	scripts/ensure-wrk
	$(PY) bench/run.py $(BENCH_ARGS)
	$(PY) bench/cold.py

# 50 readers and 5 editors saving through the admin for 60 s on a throwaway
# gunicorn instance (bench/load.py): no 5xx, no lost save, no draft or staff
# markup in reader pages, /healthz always 200. LOAD_ARGS="--seconds 10" for a short run.
load: $(STAMP)
	$(PY) bench/load.py $(LOAD_ARGS)

# 500 readers polling the demo's live story every 5 s while a journalist posts
# an update every 10 s, for 60 s (bench/live.py): update latency to readers,
# responses/s, server CPU per 1,000 polls, polls answered from the page cache,
# no 5xx; the poll's rate as a share of a bare Django view's. LIVE_ARGS="--seconds 20".
live-load: $(STAMP)
	$(PY) bench/live.py $(LIVE_ARGS)

# The same on a throwaway PostgreSQL 15 cluster (scripts/with-postgres).
load-postgres: $(STAMP)
	scripts/with-postgres $(PY) bench/load.py $(LOAD_ARGS)

# Two gunicorn servers behind one address, one task worker, PostgreSQL, Redis
# and moto's S3 server, all on 127.0.0.1 (bench/cluster.py): readers and
# editors over both for 45 s, changes through A seen on B at once, A killed
# and restarted mid-run, no lost save. CLUSTER_ARGS="--seconds 30" for a short run.
cluster: $(STAMP)
	scripts/ensure-redis
	scripts/with-postgres $(PY) bench/cluster.py $(CLUSTER_ARGS)

# ruff, and the import contract: each app imports only from the apps below it.
lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# With an empty cache of its own: what a local server once recorded there
# (newsroom.W002, forwarded headers seen) is not this configuration's.
check-deploy: $(STAMP)
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-not-a-real-secret-key-0123456789abcdef \
	ALLOWED_HOSTS=news.example.org CACHE_BACKEND=django.core.cache.backends.locmem.LocMemCache \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
