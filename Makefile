# Newsroom: `make run` serves the site with demo content, `make test` runs every test.

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
HOST ?= 127.0.0.1
PORT ?= 8000

# The first Python 3.12 or newer found: on PATH, then in pyenv's versions.
PYTHON_FOR_VENV := $(shell for candidate in python3.14 python3.13 python3.12 python3 python \
	$$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] 2>/dev/null); do \
	if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	command -v $$candidate; break; fi; done)

.PHONY: run test test-postgres bench lint format migrate demo check-deploy clean

$(PY):
	@test -n "$(PYTHON_FOR_VENV)" || { echo "Python 3.12 or newer is needed: install it (for example 'pyenv install 3.12' or Debian's python3.12) and run make again."; exit 1; }
	"$(PYTHON_FOR_VENV)" -m venv $(VENV)

$(STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py demo_content

run: demo
	@echo "Serving on http://$(HOST):$(PORT)/ (workspace: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	scripts/ensure-chromium
	scripts/ensure-quality-tools
	$(PY) manage.py makemigrations --check --dry-run --settings=tests.settings
	$(PY) -m pytest $(PYTEST_ARGS)

# The same suite on a throwaway PostgreSQL 15 cluster (scripts/with-postgres).
test-postgres: $(STAMP)
	scripts/with-postgres $(MAKE) --no-print-directory test

# Serve a throwaway demo newsroom with gunicorn and measure pages against /healthz.
bench: $(STAMP)
	$(PY) bench/run.py

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

check-deploy: $(STAMP)
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-not-a-real-secret-key-0123456789abcdef \
	ALLOWED_HOSTS=news.example.org $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
