# Two commands set everything up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
MESSAGE_IGNORES := --ignore '.venv/*' --ignore 'var/*' --ignore 'benchmarks/*' --ignore 'tests/*' --ignore 'frontend/*'

.PHONY: run test lint api-lint install install-dev migrate demo check clean messages css backup restore screenshots

# The stamp files make re-runs cheap: pip runs again only when a requirements file changed.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

install: $(VENV)/.runtime-installed
install-dev: $(VENV)/.dev-installed

## run: the portal on SQLite with the database search engine and the demo content, at http://$(HOST):$(PORT)
## (the set-up's output goes to var/make-run.log; VERBOSE=1 make run shows it, and every log line, here)
VERBOSE ?=
RUN_LOG := var/make-run.log
# Links in mail (two-factor pairing) point at the port this run serves on.
RUN_ENV := WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} $(if $(VERBOSE),,LOG_LEVEL=$${LOG_LEVEL:-WARNING} DJANGO_RUNSERVER_HIDE_WARNING=true)
SETUP_OUTPUT := $(if $(VERBOSE),,>>$(RUN_LOG) 2>&1 || { tail -n 30 $(RUN_LOG); echo "make run: set-up failed; the whole output is in $(RUN_LOG)"; exit 1; })
run: install
	@mkdir -p var && : > $(RUN_LOG)
	@$(RUN_ENV) $(BIN)/python manage.py migrate --no-input $(SETUP_OUTPUT)
	@$(RUN_ENV) $(BIN)/python manage.py load_demo_content $(SETUP_OUTPUT)
	@$(RUN_ENV) $(BIN)/python manage.py rebuild_search_index $(SETUP_OUTPUT)
	@$(RUN_ENV) $(BIN)/python manage.py demo_welcome --base-url http://$(HOST):$(PORT)
	@$(RUN_ENV) $(BIN)/python manage.py runserver $(if $(VERBOSE),,--skip-checks) $(HOST):$(PORT)

## test: the whole test suite; exits non-zero on any failure
test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## lint: ruff's checks and its formatting, as configured in pyproject.toml (`ruff format .` fixes the formatting)
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## api-lint: the NL GOV API Design Rules linter (Spectral, Logius' ruleset in api/design-rules/) on /api/v1/openapi.json; needs npm
api-lint: install-dev
	PYTHON=$(BIN)/python scripts/api-design-rules-lint

check: install-dev
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py check

## messages: collect the interface strings into locale/en/LC_MESSAGES/django.po, then compile (needs GNU gettext)
messages: install-dev
	$(BIN)/python manage.py makemessages --locale en --no-location $(MESSAGE_IGNORES)
	$(BIN)/python manage.py compilemessages --ignore '.venv/*' --ignore 'frontend/*'

clean:
	rm -rf $(VENV) var/ .pytest_cache

## screenshots: every page type in both languages at 375 and 1280 px into docs/screenshots/ (needs Chromium)
screenshots: install-dev
	rm -rf test-output/gallery
	SCREENSHOT_GALLERY=1 BROWSER_TESTS=required $(BIN)/python -m pytest tests/browser/test_accessibility.py --numprocesses=0
	$(BIN)/python scripts/screenshot_gallery.py

## css: rebuild the vendored NL Design System CSS (needs Node.js; the result is committed, so `make run` does not)
css:
	npm ci --prefix frontend --no-audit --no-fund --ignore-scripts
	mkdir -p portal/static/portal/vendor/utrecht
	cp frontend/node_modules/@utrecht/component-library-css/dist/html.css portal/static/portal/vendor/utrecht/html.css

## backup: database (pg_dump or SQLite backup) plus media into var/backups/<time>/ (BACKUP_DIR=... to choose)
backup: install
	$(BIN)/python manage.py backup $(BACKUP_DIR)

## restore: replace database and media with a backup: make restore BACKUP_DIR=var/backups/<time> (stop the site first)
restore: install
	@test -n "$(BACKUP_DIR)" || (echo "usage: make restore BACKUP_DIR=var/backups/<time>"; exit 2)
	$(BIN)/python manage.py restore --yes $(BACKUP_DIR)
