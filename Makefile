# Everything a developer or an operator does, as a target. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
PORT ?= 8000
STAMP := $(VENV)/.installed
# Debian packages WeasyPrint needs to make the PDF editions of report issues:
# pango, and fonts covering Latin, Cyrillic and the Central Asian letters.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core

.DEFAULT_GOAL := help
.PHONY: help install system-packages run test lint format migrate setup demo admin messages serve collectstatic check-deploy backup restore clean

help: ## List every target
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

install: system-packages $(STAMP) ## Create .venv and install the pinned requirements (and, as root, the system packages)

system-packages: ## Install the Debian packages WeasyPrint needs when missing (as root), else say which
	@command -v dpkg-query >/dev/null || { echo "PDF editions need pango and DejaVu fonts (Debian: $(SYSTEM_PACKAGES))."; exit 0; }; \
	missing=""; for package in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "Installing$$missing (PDF editions of report issues)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "PDF editions of report issues need system packages; install them with:"; \
		echo "  sudo apt-get install -y$$missing"; \
	fi

messages: $(STAMP) ## Compile the interface translations (.po to .mo)
	$(MANAGE) compile_translations

migrate: $(STAMP) ## Apply database migrations
	$(MANAGE) migrate --noinput

# The workflows are named from the compiled catalogues (English / Russian), hence `messages`.
setup: migrate messages ## Create locales, groups, collections and workflows (idempotent)
	$(MANAGE) setup_newsroom

demo: migrate messages ## Load the demo content from Issue 1 of the report (keeps editors' changes), then `setup`
	$(MANAGE) load_demo_content
	$(MANAGE) setup_newsroom

admin: $(STAMP) ## Create an administrator if none exists (ADMIN_USERNAME, ADMIN_PASSWORD)
	$(MANAGE) ensure_admin

run: install messages demo admin ## Set up everything and serve the sites on http://localhost:$(PORT)
	$(MANAGE) create_demo_team
	$(MANAGE) list_sites
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: $(STAMP) ## ruff: lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: install messages lint ## Lint, migration and system checks, then the test suite
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check
	$(BIN)/pytest -n auto

.PHONY: browser-test
browser-test: install messages ## Browser tests only (Chromium); BROWSER_BASE_URL=http://localhost:8000 to visit a running server; screenshots in artifacts/screenshots/
	$(BIN)/pytest tests/browser tests/search/test_suggest_browser.py -n 0 -rs

collectstatic: $(STAMP) ## Collect, compress and hash static files (production storage)
	DJANGO_SETTINGS_MODULE=website.settings.production \
		SECRET_KEY=$${SECRET_KEY:-collectstatic-only} ALLOWED_HOSTS=$${ALLOWED_HOSTS:-localhost} \
		$(MANAGE) collectstatic --noinput --verbosity 0

serve: install messages collectstatic ## Production-like: gunicorn (2 workers) and the task worker (db_worker), production settings, on 127.0.0.1:$(PORT)
	@export DJANGO_SETTINGS_MODULE=website.settings.production \
		SECRET_KEY=$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')} \
		ALLOWED_HOSTS=$${ALLOWED_HOSTS:-.localhost,localhost,127.0.0.1} \
		SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} SERVE_MEDIA=$${SERVE_MEDIA:-true}; \
	$(MANAGE) db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT; \
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py --bind 127.0.0.1:$(PORT) website.wsgi:application

check-deploy: $(STAMP) ## `check --deploy` with production settings (needs SECRET_KEY, ALLOWED_HOSTS)
	DJANGO_SETTINGS_MODULE=website.settings.production $(MANAGE) check --deploy --fail-level WARNING

backup: $(STAMP) ## Back up the database and MEDIA_ROOT into BACKUP_DIR/<timestamp>/ (default backups/)
	$(MANAGE) backup

restore: $(STAMP) ## Restore a backup, replacing the database and media: make restore BACKUP=backups/<timestamp>
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/<timestamp>"; exit 2; }
	$(MANAGE) restore "$(BACKUP)"

clean: ## Remove the virtualenv, collected static files and caches (keeps the database)
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

.PHONY: bench
bench: install ## Measure make serve with wrk on BENCH_PORT (8108) with BENCH_STORIES (20000) stories; JSON in bench-results/
	$(PY) bench/run.py

.PHONY: cluster-test
cluster-test: install messages ## Two gunicorn hosts on one PostgreSQL (CLUSTER_DATABASE_URL), Redis db 12 and a SeaweedFS bucket; figures in artifacts/cluster-figures.json
	CLUSTER_TESTS=on $(BIN)/pytest tests/cluster -n 0 -rs -s
