# The two commands a newcomer needs: `make run` and `make test`. The rest are for developers.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Servers install requirements.lock; tests and lint add the tools in requirements-dev.lock.
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)
DEV_STAMP := $(VENV)/.installed-dev-$(shell sha1sum requirements-dev.lock | cut -c1-12)
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/torino_portal
# Tests run in as many processes as the machine has cores (pytest-xdist); each has its own
# test database.
PYTEST_ARGS ?=
PYTEST_WORKERS ?= auto
PORT ?= 8000

.PHONY: run serve bench install install-dev test test-sqlite test-postgres chromium lint messages lock check-deploy

# `make run` is safe to repeat: the loaders add only what is missing, never undo an edit.
run: install  ## install, migrate, load the content and the demo, serve on 127.0.0.1:$(PORT)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content
	$(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: install  ## production settings here: static files collected, gunicorn (PORT, WEB_CONCURRENCY)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v 0
	DEBUG=0 $(VENV)/bin/gunicorn -c gunicorn.conf.py

bench: install-dev  ## fill PostgreSQL with a large data set, drive every page type with wrk
	$(PY) bench/site_load.py $(BENCH_ARGS)

install: $(STAMP)

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	rm -f $(VENV)/.installed-[0-9a-f]* && touch $@

install-dev: $(DEV_STAMP)

$(DEV_STAMP): requirements-dev.lock $(STAMP)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	rm -f $(VENV)/.installed-dev-* && touch $@

test: install-dev chromium  ## the whole suite, on SQLite and then on PostgreSQL
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: install-dev
	env -u DATABASE_URL $(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-postgres: install-dev
	@pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not answering on 127.0.0.1:5432 (.ci/run starts it)."; exit 1; }
	DATABASE_URL=$(POSTGRES_URL) $(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Debian's Chromium drives the browser tests (Playwright cannot download one here); DejaVu is
# the font the demo's PDFs and covers are drawn with (every Italian letter).
chromium:
	@test -x /usr/bin/chromium && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
		|| { apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

lint: install-dev  ## ruff, the dependency rules between the apps (import-linter), migrations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

messages: install-dev  ## collect the interface strings into locale/ and compile them
	flock locale/.lock $(PY) manage.py makemessages -l it -l en --no-obsolete \
		--ignore=.venv --ignore=staticfiles --ignore=media --ignore=bench
	flock locale/.lock $(PY) manage.py compilemessages --ignore=.venv

lock:  ## re-pin both locks after changing pyproject.toml (the dev lock within the server's)
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.11 \
		--generate-hashes -q -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --python-version 3.11 \
		--generate-hashes -q -c requirements.lock -o requirements-dev.lock

check-deploy: install  ## Django's deployment checks with production-like settings (Redis included)
	DEBUG=0 SECRET_KEY=$$(openssl rand -hex 40) ALLOWED_HOSTS=www.torinointernazionale.org \
		REDIS_URL=redis://127.0.0.1:6379/0 \
		$(PY) manage.py check --deploy --fail-level WARNING
