# Klyngeportal. `make run` serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install install-test system-deps assets run test test-fast lint format bench bench-pg messages clean

help:
	@echo "make run    – install, migrate, seed the demo and serve http://$(HOST):$(PORT)"
	@echo "make test   – install what the tests need, start PostgreSQL and Redis, run the suite"
	@echo "make lint   – ruff, system checks, missing migrations, message catalogues"
	@echo "make bench  – benchmarks in bench/ on SQLite (figures for docs/performance.md)"
	@echo "make bench-pg – pages on PostgreSQL and Redis, and search at national scale"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Exact versions: direct pins in pyproject.toml, every transitive one in requirements.lock.
$(VENV)/.installed: pyproject.toml requirements.lock | $(VENV)/bin/python
	$(PIP) install --quiet -c requirements.lock -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements.lock $(VENV)/.installed
	$(PIP) install --quiet -c requirements.lock -e ".[test]"
	touch $@

install: $(VENV)/.installed assets
install-test: $(VENV)/.installed-test assets

# Leaflet (and axe-core for the tests) from the npm registry, served from our origin.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed

# Debian packages the tests need: PostgreSQL, Redis and Chromium.
system-deps:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# The whole suite on PostgreSQL and Redis (as in production), then the parts that do
# not need them once more on SQLite, the embedded default of `make run`.
test: install-test system-deps
	@set -euo pipefail; \
	svc=$$(mktemp -d /tmp/klyngeportal-services.XXXXXX); \
	trap 'scripts/services.sh stop "$$svc"' EXIT; \
	scripts/services.sh start "$$svc"; \
	source "$$svc/env"; \
	export CHROMIUM_PATH=$$(command -v chromium); \
	$(VENV)/bin/pytest -p no:cacheprovider; \
	env -u DATABASE_URL -u REDIS_URL $(VENV)/bin/pytest -p no:cacheprovider -q -m "not integration and not browser"

test-fast: install-test
	$(VENV)/bin/pytest -q -m "not integration and not browser"

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	for po in locale/*/LC_MESSAGES/django.po; do msgfmt --check-format -o /dev/null $$po; done

format: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# On SQLite, the embedded default (the seeded database is kept under bench/results/).
bench: install-test
	@status=0; \
	for script in bench/pages.py bench/matching_quality.py bench/matching_speed.py bench/readings.py; do \
	  echo "== $$script"; $(PY) $$script || status=1; \
	done; \
	exit $$status

# On PostgreSQL with the Redis cache, as in production (data kept in bench/results/pg).
bench-pg: install-test system-deps
	@set -euo pipefail; \
	svc=$(CURDIR)/bench/results/pg; \
	trap 'scripts/services.sh halt "$$svc"' EXIT; \
	PG_PORT=55532 REDIS_PORT=56479 scripts/services.sh start "$$svc"; \
	source "$$svc/env"; \
	scripts/services.sh createdb "$$svc"; \
	status=0; \
	$(PY) bench/pages.py || status=1; \
	$(PY) bench/search.py || status=1; \
	exit $$status

messages: install-test
	$(PY) manage.py makemessages -l da -l en --no-obsolete --ignore=node_modules --ignore=.venv
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media static
