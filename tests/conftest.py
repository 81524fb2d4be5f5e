"""Fixtures for the whole suite: the demo (loaded once per test database), the clock, logged-in clients.

The demo is loaded once per test database (one per xdist worker), right after pytest-django creates it, and is
committed there. What a test sees is what it always saw:

- `demo` (and every fixture built on it): seed 004's 2020–2024 plan, **open**. The demo as shipped has it closed
  and the example 2026–2029 programme active; `demo` swaps the two statuses inside the test's transaction (the
  2026–2029 programme becomes a concept), so the many tests of writing in a programme write in the one with
  targets, amounts and seed 004's data. Each test runs in a transaction that is rolled back, so whatever it
  changes is gone for the next test. `demo` hands out a fresh Programme instance every time.
- `shipped_demo`: the demo exactly as `make demo` loads it (2020–2024 closed, 2026–2029 active);
  `current_programme` is its 2026–2029 programme, with today's half-year plans, meetings and report.
- `db` without `demo`: the database as migrations leave it. The demo's rows are deleted inside the test's
  transaction (rolled back with it), so a test that counts rows, creates region "10" or a second programme
  sees only what it made.
- transactional tests (`transactional_db`, `live_server`, `django_db(transaction=True)`): they start from an
  empty database, as before; `demo` loads the demo for them. Django flushes the database after such a test, so
  the next non-transactional test finds the demo gone and loads it again first (`pytest_runtest_setup` below).
  pytest-django runs transactional tests after the others, so in practice that reload never happens.
- dates: the demo places half-years, statuses, meetings and its report relative to "today". If `core.clock`
  says another day when `demo` is set up (the `clock` fixture pinned it, or midnight passed), `demo` moves
  those rows to that day inside the test's transaction, as `load_demo()` does when run on that day.
"""

import os
from datetime import date, datetime, time
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.http import HttpRequest
from django.utils import timezone

from core import clock as core_clock
from dashboards.demo import load_demo
from indicators.categories import ensure_categories
from projects.demo.loader import DEMO_PASSWORD
from projects.models import Programme
from vsvplan.celery import app as celery_app

# live_server runs in a thread beside Playwright's event loop; Django must allow the ORM there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The tests that start a real Celery worker (marker celery_worker) send their tasks to a queue of their own per
# xdist worker: each pytest process's Celery worker then takes only its own tasks, which read its own test
# database, and a `make worker` on the same broker takes none of them.
celery_app.conf.task_default_queue = f"vsvplan-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


# ── the demo, once per test database ─────────────────────────────────────────────────────────────────


# The fixtures that load the demo (the clients and demo_user ask `the_demo` for the one the test wants).
DEMO_FIXTURES = {
    "demo",
    "shipped_demo",
    "current_programme",
    "manager_client",
    "steering_client",
    "leader_client",
    "role_client",
    "demo_user",
}


def _marked_transactional(node) -> bool:
    """django_db(transaction=True) or django_db(reset_sequences=True), by keyword or position."""
    marker = node.get_closest_marker("django_db")
    if marker is None:
        return False
    positional = dict(zip(("transaction", "reset_sequences"), marker.args, strict=False))
    return any({**positional, **marker.kwargs}.get(name) for name in ("transaction", "reset_sequences"))


def _is_transactional(node, fixturenames) -> bool:
    """The same rule pytest-django applies: such a test commits, and Django flushes the database after it."""
    return _marked_transactional(node) or bool({"transactional_db", "live_server"} & set(fixturenames))


def _uses_db(node, fixturenames) -> bool:
    """The test uses the database: marked, or through a fixture (the demo's fixtures ask for it themselves)."""
    return bool(node.get_closest_marker("django_db")) or bool(
        {"db", "transactional_db", "live_server", *DEMO_FIXTURES} & set(fixturenames)
    )


def _tables():
    """Every table Django manages once, with the model that reads it (m2m and history tables included)."""
    seen = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and not meta.swapped and meta.db_table not in seen:
            seen[meta.db_table] = model
    return seen


class SessionDemo:
    """The demo as committed in this worker's test database, and how to hide it or move it in a test."""

    def __init__(self):
        self.blocker = None  # pytest-django's django_db_blocker, once the test database exists
        self.loaded = False  # the demo is committed in the database
        self.programme_pk = None
        self.day = None  # the day its dates were placed on
        self.added = {}  # table -> (model, pks that were there before the demo, or None: the table was empty)

    def load(self):
        """Load the demo and commit it; remember which rows it added. Runs outside any test transaction."""
        if Programme.objects.exists():  # a database kept from an earlier run (--reuse-db): start from empty
            self.flush()  # (so the demo rows of that run are not taken for rows that were there before it)
        # The built-in categories are written by a migration: part of the database as migrated, not of the demo
        # (with --no-migrations, or after a flush, they are written here).
        ensure_categories()
        before = {}
        for table, model in _tables().items():
            pks = set(model._base_manager.values_list("pk", flat=True))
            before[table] = (model, pks, self._rows(model, pks) if pks else None)
        programme = load_demo()
        self.added = {}
        for table, (model, pks, rows) in before.items():
            if rows is not None and self._rows(model, pks) != rows:
                raise RuntimeError(
                    f"load_demo() changed rows of {table} that were there before it; tests without the demo "
                    "cannot undo that by deleting what it added (tests/conftest.py)"
                )
            if model._base_manager.exclude(pk__in=pks).exists():
                self.added[table] = (model, pks or None)
        self.programme_pk, self.day, self.loaded = programme.pk, core_clock.today(), True
        self.current_pk = Programme.objects.get(region=programme.region, status=Programme.Status.ACTIVE).pk

    @staticmethod
    def _rows(model, pks):
        return list(model._base_manager.filter(pk__in=pks).order_by("pk").values_list())

    def flush(self):
        """Empty the database (committed), as Django does after a transactional test."""
        call_command("flush", verbosity=0, interactive=False)
        self.loaded = False

    def hide(self):
        """Delete every row the demo added, inside the current (test) transaction: the database as migrated.

        Raw deletes, in any order: foreign keys are checked at the end of the transaction (deferred in SQLite
        and PostgreSQL), by which time every demo row is gone; no signals, so no history rows either."""
        for model, pks in self.added.values():
            rows = model._base_manager.all() if pks is None else model._base_manager.exclude(pk__in=pks)
            rows._raw_delete(connection.alias)

    def current(self):
        """A fresh instance of the 2026–2029 programme, the demo's dates placed on core.clock's day."""
        current = Programme.objects.get(pk=self.current_pk)
        day = core_clock.today()
        if day != self.day:
            place_demo_dates(current, day, core_clock.now())
        return current

    def programme(self, *, open_it: bool):
        """A fresh instance of the 2020–2024 programme; `open_it`: active, with 2026–2029 a concept beside it."""
        self.current()
        if open_it:
            Programme.objects.filter(pk=self.current_pk).update(status=Programme.Status.DRAFT)
            Programme.objects.filter(pk=self.programme_pk).update(status=Programme.Status.ACTIVE)
        return Programme.objects.get(pk=self.programme_pk)


def place_demo_dates(programme, day: date, moment: datetime):
    """Move the demo's dated rows to `day`, as `load_demo()` run on that day would place them.

    The half-year loader moves its plans and statuses itself (it drops demo plans that fall outside the
    window); the reports loader leaves a meeting still ahead and an existing demo report alone, so those go
    first. Inside the test's transaction: rolled back with it."""
    from halfyear.demo.loader import load_halfyear_demo
    from reports.demo.loader import load_reports_demo
    from reports.models import Meeting, ProgressReport

    load_halfyear_demo(programme=programme, today=day)
    Meeting.objects.filter(programme=programme, is_demo=True).delete()
    ProgressReport.objects.filter(programme=programme, is_demo=True).delete()
    load_reports_demo(programme=programme, now=moment)


SESSION_DEMO = SessionDemo()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database (one per xdist worker), with the demo committed in it."""
    SESSION_DEMO.blocker = django_db_blocker
    with django_db_blocker.unblock():
        SESSION_DEMO.load()
    yield
    SESSION_DEMO.blocker = None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before the fixtures (so before the test's transaction opens): load the demo again if a transactional
    test flushed it and this test runs in a rolled-back transaction."""
    fixturenames = getattr(item, "fixturenames", ())
    if SESSION_DEMO.blocker is None or SESSION_DEMO.loaded or not _uses_db(item, fixturenames):
        return
    if not _is_transactional(item, fixturenames):
        with SESSION_DEMO.blocker.unblock():
            SESSION_DEMO.load()


def uses_demo(request) -> bool:
    return bool(DEMO_FIXTURES & set(request.fixturenames))


def the_demo(request):
    """The demo as the test asked for it: as shipped when it asked for `shipped_demo` or `current_programme`, else
    open."""
    shipped = {"shipped_demo", "current_programme"} & set(request.fixturenames)
    return request.getfixturevalue("shipped_demo" if shipped else "demo")


@pytest.fixture(autouse=True)
def _database_as_the_test_expects(request):
    """A test without `demo` gets the database as migrated; a transactional test starts from an empty one."""
    node, fixturenames = request.node, request.fixturenames
    if not _uses_db(node, fixturenames):
        return
    if _is_transactional(node, fixturenames):
        request.getfixturevalue("transactional_db")
        if SESSION_DEMO.loaded:
            SESSION_DEMO.flush()
        SESSION_DEMO.loaded = False  # Django flushes after the test in any case
        return
    request.getfixturevalue("db")
    if not uses_demo(request):
        SESSION_DEMO.hide()


def _demo(request, *, open_it: bool):
    if _is_transactional(request.node, request.fixturenames):
        programme = load_demo()  # an empty database, flushed again after the test
        if open_it:
            Programme.objects.filter(region=programme.region).exclude(pk=programme.pk).update(status="concept")
            Programme.objects.filter(pk=programme.pk).update(status="actief")
            programme.refresh_from_db()
        return programme
    return SESSION_DEMO.programme(open_it=open_it)


@pytest.fixture
def demo(request, db):
    """Seed 004's IJssel-Vecht plan 2020–2024 with the demo users, open for writing (see the module docstring)."""
    return _demo(request, open_it=True)


@pytest.fixture
def shipped_demo(request, db):
    """The 2020–2024 programme as `make demo` leaves it: closed, the example 2026–2029 programme active."""
    return _demo(request, open_it=False)


@pytest.fixture
def current_programme(shipped_demo):
    """The demo's 2026–2029 programme (active, an example started from 2020–2024), with today's half-year plans."""
    return Programme.objects.get(region=shipped_demo.region, first_year=2026)


# ── the clock ────────────────────────────────────────────────────────────────────────────────────────


class Clock:
    """Pins `core.clock` for one test: `clock.set(date or datetime)`; undone after the test.

    A date stands for noon of that day in the site's time zone; a naive datetime is taken in that time zone.
    Time stands still at the moment set until the next `set`. Code that asks `core.clock` (`clock.now()`,
    `clock.today()`) sees it; `timezone.now()` is left alone, so sessions, `auto_now` and history stamps keep
    the real time."""

    def __init__(self, monkeypatch):
        self._monkeypatch = monkeypatch

    def set(self, when: date | datetime) -> datetime:
        if not isinstance(when, datetime):
            when = datetime.combine(when, time(12))
        moment = when if timezone.is_aware(when) else timezone.make_aware(when)
        day = core_clock.local_date(moment)
        self._monkeypatch.setattr(core_clock, "now", lambda: moment)
        self._monkeypatch.setattr(core_clock, "today", lambda: day)
        return moment

    def now(self) -> datetime:
        return core_clock.now()

    def today(self) -> date:
        return core_clock.today()


@pytest.fixture
def clock(monkeypatch):
    """Pin "now" for this test: `clock.set(date(2024, 6, 30))`. Set it before `demo` is set up to have the
    demo's half-years, meetings and report placed on that day (see the module docstring)."""
    return Clock(monkeypatch)


# ── users and clients ────────────────────────────────────────────────────────────────────────────────


def _login(client, username):
    assert client.login(request=HttpRequest(), username=username, password=DEMO_PASSWORD)
    return client


@pytest.fixture
def manager_client(request, db, client):
    the_demo(request)
    return _login(client, "programmamanager")


@pytest.fixture
def steering_client(request, db, client):
    the_demo(request)
    return _login(client, "stuurgroep")


@pytest.fixture
def leader_client(request, db, client):
    the_demo(request)
    return _login(client, "projectleider")


@pytest.fixture
def role_client(request, db, client):
    """A client logged in as the named demo user, or anonymous for None."""
    the_demo(request)

    def make(username):
        client.logout()
        if username:
            _login(client, username)
        return client

    return make


@pytest.fixture
def demo_user(request, db):
    """A fresh instance of a demo user on every call (nothing cached on it from an earlier call)."""
    the_demo(request)
    return lambda username: get_user_model().objects.get(username=username)


# The source documents live in shared/ beside the repository (CI lays a copy there); VSVPLAN_SHARED overrides.
SHARED = Path(os.environ.get("VSVPLAN_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.fixture(scope="session")
def seed004():
    """The text of seed 004 (the IJssel-Vecht plan), to check the demo data against; skipped where absent."""
    path = SHARED / "seeds" / "004_d8af3e3cd9013636.txt"
    if not path.exists():
        pytest.skip("seed 004 (shared/seeds) ligt niet naast de repository; zet VSVPLAN_SHARED")
    return path.read_text(encoding="utf-8")
