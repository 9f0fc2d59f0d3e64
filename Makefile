# Mindwell: `make run` serves the site, `make test` runs every test.
HOST ?= 127.0.0.1
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export MINDWELL_DATA_DIR ?= $(CURDIR)/.data

.PHONY: run test setup migrate lint typecheck bench clean help

help:
	@echo "make run   - set up, migrate, load demo content once, serve on http://$(HOST):$(PORT)"
	@echo "make test  - set up and run the whole test suite"
	@echo "make bench - load-test the production stack (bench/run.py; BENCH_ARGS=\"--posts 1000000\")"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Mindwell needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP) node_modules/.installed

# The browser tests' checkers (axe-core, the Nu Html Checker): package.json; node_modules is
# never committed. --ignore-scripts: vnu-jar would download a Java of its own; it uses the system's.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the accessibility and HTML checks in tests/browser will fail (Debian: apt-get install npm)"; fi

migrate: setup
	@mkdir -p $(MINDWELL_DATA_DIR)
	$(BIN)/mindwell ensure_database
	$(BIN)/mindwell migrate --noinput

run: migrate
	$(BIN)/mindwell load_demo --if-empty
	$(BIN)/mindwell collectstatic --noinput --verbosity 0
	@echo "Mindwell is at http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	@# The background worker (badges, recalculations, email) runs beside the server and stops
	@# with it. Emails print in this terminal unless EMAIL_URL is set; their links need the
	@# site's address, which the worker cannot take from a request.
	MINDWELL_SITE_URL="$${MINDWELL_SITE_URL:-http://$(HOST):$(PORT)}" \
		$(BIN)/mindwell run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-localhost,127.0.0.1,[::1],$(HOST)}" \
		$(BIN)/mindwell runserver --noreload --insecure $(HOST):$(PORT)

test: setup
	@sh scripts/browser-check.sh $(BIN)
	$(BIN)/ruff check .
	$(BIN)/mypy mindwell
	$(BIN)/mindwell makemigrations --check --dry-run --settings=mindwell.config.settings.test
	$(BIN)/pytest $(PYTEST_ARGS)

# The production stack (gunicorn, PostgreSQL, Redis, nginx) under wrk; see bench/README.md.
bench: setup
	$(BIN)/python bench/run.py $(BENCH_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy mindwell

clean:
	rm -rf $(VENV) .data
