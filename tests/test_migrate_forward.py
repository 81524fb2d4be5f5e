"""A database made before the restructure migrates forward without losing a row.

tests/data/migrations/demo_main_e3a8ba6.sqlite3.gz is a SQLite database made with commit e3a8ba6 (budget and the
half-year cycle still inside `projects`, a goal's KPI in the side table indicators_goalindicator): migrated, the
demo loaded, two SMART goals linked to a KPI and one spending entry added. `manage.py migrate` runs on a copy in
a subprocess, on SQLite whatever DATABASE_URL the suite itself uses (CI: PostgreSQL), so it runs everywhere.
"""

import gzip
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT / "tests" / "data" / "migrations" / "demo_main_e3a8ba6.sqlite3.gz"

# Tables that are not where they were; every other table keeps its name and its number of rows.
RENAMED = {"projects_historicalhalfyearplan_activities": "halfyear_historicalhalfyearplan_activities"}
# The goal ↔ KPI side table became SmartGoal.indicator (checked below); the history of those links goes with it.
DROPPED = {"indicators_goalindicator", "indicators_historicalgoalindicator"}
# One row per migration applied: grows by design (checked with migrate --check instead).
GROWING = {"django_migrations"}

BUDGET = ["budgetamount", "budgetchange", "budgetline", "budgetsection", "budgetsettings", "spendingentry"]
HALFYEAR = ["cyclesettings", "halfyearevaluation", "halfyearplan", "projectstatus", "sentreminder", "smartgoal"]
MOVED_MODELS = {
    "budget": BUDGET + [f"historical{name}" for name in BUDGET if name != "budgetsection"],
    "halfyear": HALFYEAR
    + [f"historical{name}" for name in HALFYEAR if name != "sentreminder"]
    + ["historicalhalfyearplan_activities"],
}


def _tables(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def _manage(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DJANGO_SETTINGS_MODULE": "vsvplan.settings.local"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


# Not a database test of pytest-django (it makes its own SQLite file), and never skipped: the file is in the
# repository and the subprocess needs nothing CI lacks. `-m migrations` runs only this.
@pytest.mark.migrations
def test_a_database_from_before_the_restructure_migrates_forward_without_losing_rows(tmp_path):
    assert DUMP.exists(), f"{DUMP.relative_to(ROOT)} ontbreekt"
    db = tmp_path / "demo.sqlite3"
    with gzip.open(DUMP) as packed, open(db, "wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    before = _tables(db)
    links = sorted(_rows(db, "SELECT goal_id, indicator_id FROM indicators_goalindicator"))
    content_types = dict(_rows(db, "SELECT id, app_label || '.' || model FROM django_content_type"))
    assert len(links) == 2 and before["projects_spendingentry"] == 1  # what the file was made with
    assert set(RENAMED) | DROPPED <= set(before)

    migrated = _manage(db, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    after = _tables(db)

    # Every table is still there with as many rows; the renamed one under its new name; the dropped ones gone.
    expected = {RENAMED.get(name, name): count for name, count in before.items() if name not in DROPPED | GROWING}
    assert {name: count for name, count in after.items() if name not in GROWING} == expected
    assert after["django_migrations"] > before["django_migrations"]

    # Each goal ↔ KPI link is now the goal's own indicator: the same goals, the same KPIs.
    assert sorted(_rows(db, "SELECT id, indicator_id FROM projects_smartgoal WHERE indicator_id IS NOT NULL")) == links

    # Content types (and so permissions and admin log entries, by id) followed the models to budget and halfyear.
    moved = {f"projects.{model}": f"{app}.{model}" for app, models in MOVED_MODELS.items() for model in models}
    assert set(moved) <= set(content_types.values())
    now = dict(_rows(db, "SELECT id, app_label || '.' || model FROM django_content_type"))
    assert now == {pk: moved.get(label, label) for pk, label in content_types.items()}

    check = _manage(db, "migrate", "--check")
    assert check.returncode == 0, f"migraties niet toegepast:\n{check.stdout}{check.stderr}"
    plan = _manage(db, "showmigrations", "--plan")
    assert plan.returncode == 0 and "[ ]" not in plan.stdout, plan.stdout
