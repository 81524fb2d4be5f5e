# The two commands of the README:
#   make demo   set up, migrate, load the IJssel-Vecht demo plan and serve on http://127.0.0.1:8000
#   make test   set up and run the whole test suite (lint, migrations check, unit, integration, browser)
# and for the inner loop:
#   make unit   the suite without the browser, PDF and migration tests, in parallel
.PHONY: demo test unit browser lint format worker beat vendor

PY := .venv/bin/python
# One pytest-xdist worker per core, each with its own test database (and the demo loaded once in it). The
# default distribution hands each worker its tests in collection order, so pytest-django's order holds per
# worker: the transactional tests (which flush the database) after the others.
XDIST := -n auto

demo:
	scripts/setup-venv.sh requirements.txt
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

test:
	scripts/setup-venv.sh requirements-dev.txt
	scripts/system-packages.sh
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=vsvplan.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_ALLOW_ASYNC_UNSAFE=true .venv/bin/pytest $(XDIST) $(PYTEST_ARGS)

# No browser, PDF or migration tests (markers in pyproject.toml), in parallel: what to run while working on the code.
# --no-migrations builds each worker's test database from the models (seconds) instead of running every
# migration (about half a minute per worker); make test keeps the migrations, checks they match the models, and
# runs the tests of the migrations themselves.
unit:
	scripts/setup-venv.sh requirements-dev.txt
	DJANGO_ALLOW_ASYNC_UNSAFE=true .venv/bin/pytest $(XDIST) --no-migrations -m "not browser and not pdf and not migrations" $(PYTEST_ARGS)

# Only the browser tests (Playwright + the system Chromium, axe-core on every main page); screenshots in screenshots/.
browser:
	scripts/setup-venv.sh requirements-dev.txt
	scripts/system-packages.sh
	DJANGO_ALLOW_ASYNC_UNSAFE=true .venv/bin/pytest $(XDIST) -m browser $(PYTEST_ARGS)

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

worker:
	.venv/bin/celery -A vsvplan worker --loglevel=info

beat:
	.venv/bin/celery -A vsvplan beat --loglevel=info

# Refresh the vendored front-end files from npm (versions in package.json).
vendor:
	rm -rf /tmp/vsvplan-vendor && mkdir -p /tmp/vsvplan-vendor && cp package.json /tmp/vsvplan-vendor/
	cd /tmp/vsvplan-vendor && npm install --silent --no-audit --no-fund
	cp /tmp/vsvplan-vendor/node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht/component-library.css
	cp /tmp/vsvplan-vendor/node_modules/@utrecht/design-tokens/dist/theme.css static/vendor/utrecht/design-tokens.css
	cp /tmp/vsvplan-vendor/node_modules/axe-core/axe.min.js static/vendor/axe-core/
	cp /tmp/vsvplan-vendor/node_modules/htmx.org/dist/htmx.min.js /tmp/vsvplan-vendor/node_modules/htmx.org/LICENSE static/vendor/htmx/
