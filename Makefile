# The README's commands. Every target installs what it needs first.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
PY := $(VENV)/bin/python
UV := .tools/bin/uv
LANGS := -l fi -l sv -l en

.PHONY: install run test lint bench bench-pytest up worker beat messages lock clean

install: $(VENV)/.installed

$(UV):
	$(PYTHON) -m venv .tools
	@# (filters a harmless notice about this machine's pip config naming local folders that do not exist)
	set -o pipefail; .tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)" 2>&1 \
	  | { grep -v "is ignored: it is neither a file nor a directory" || true; }

$(VENV)/.installed: requirements.lock $(UV)
	test -x $(PY) || $(UV) venv --quiet --python $(PYTHON) $(VENV)
	$(UV) pip sync --quiet --python $(PY) requirements.lock
	mkdir -p var/static var/mail var/media
	touch $@

## make run: the embedded default (SQLite, inline tasks, e-mail to var/mail/)
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

## make test: the whole suite; PostgreSQL and Redis tests run when DATABASE_URL / REDIS_URL are set
test: install
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

## make bench: pages, enrolment and the newsletter under load (benchmarks/run.py; needs wrk, PostgreSQL and Redis).
## BENCH_DATABASE_URL (default DATABASE_URL, name must contain "bench": it is recreated), BENCH_REDIS_URL (flushed),
## BENCH_SCALE=0.05 BENCH_SECONDS=2 BENCH_ROUNDS=1 for a quick run. The older pytest benchmarks: make bench-pytest.
bench: install
	@command -v wrk >/dev/null || { echo "make bench needs wrk (Debian: apt-get install wrk)"; exit 1; }
	$(PY) -m benchmarks.run

bench-pytest: install
	$(VENV)/bin/pytest benchmarks -p no:cacheprovider -s

## make up: the full stack on local PostgreSQL and Redis (web, worker, beat), in production mode (DEBUG off) on
## plain-HTTP loopback: a secret key kept in var/secret_key, no HTTPS redirect or HSTS, cookies not marked Secure.
UP_ENV := DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/hyte} REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
  DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$(cat var/secret_key)" DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
  DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_HSTS_SECONDS=0 DJANGO_SECURE_COOKIES=0 SITE_URL=http://127.0.0.1:8000
var/secret_key:
	mkdir -p var && umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

up: install var/secret_key
	$(UP_ENV) $(PY) manage.py createdb_if_missing
	$(UP_ENV) $(PY) manage.py migrate --no-input
	$(UP_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(UP_ENV) $(PY) manage.py seed_demo
	$(UP_ENV) sh -c '$(VENV)/bin/celery -A hyte_portal worker --loglevel=info & \
	  $(VENV)/bin/celery -A hyte_portal beat --loglevel=info --schedule var/celerybeat-schedule & \
	  $(VENV)/bin/gunicorn hyte_portal.wsgi --bind 127.0.0.1:8000 --workers 2 --access-logfile - ; \
	  kill 0'

## make messages: collect UI strings into locale/*/django.po and compile them
messages: install
	$(PY) manage.py makemessages $(LANGS) --no-obsolete --ignore='.venv/*' --ignore='.tools/*' --ignore='tests/*' --ignore='benchmarks/*'
	$(PY) manage.py compilemessages --ignore='.venv/*' --ignore='.tools/*'

## make lock: refresh requirements.lock from pyproject.toml
lock: $(UV)
	$(UV) pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes --quiet -o requirements.lock

clean:
	rm -rf $(VENV) .tools var/mail
