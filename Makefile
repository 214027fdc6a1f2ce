# Shortcuts; each is one line of dev.py or manage.py, so nothing here is needed to run the app.
PY := .venv/bin/python

.PHONY: run test lint format ci demo jobs messages

run:            ## serve the demo on http://127.0.0.1:8000 (SQLite, eager tasks)
	python3 dev.py run

test:           ## the whole test suite
	python3 dev.py test

messages:       ## refresh the translation catalogues and compile them (GNU gettext for makemessages)
	python3 dev.py messages

lint:
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

format:
	$(PY) -m ruff check --fix . && $(PY) -m ruff format .

ci:             ## what CI runs, on PostgreSQL and Redis
	.ci/run

demo:
	$(PY) manage.py demo

jobs:           ## run the scheduled jobs once (embedded default, e.g. from cron)
	$(PY) manage.py run_scheduled_jobs
