"""Databases made before a restructure migrate forward without losing a row.

tests/data/migrations/demo_main_e3a8ba6.sqlite3.gz is a SQLite database made with commit e3a8ba6 (budget and the
half-year cycle still inside `projects`, a goal's KPI in the side table indicators_goalindicator): migrated, the
demo loaded, two SMART goals linked to a KPI and one spending entry added.

tests/data/migrations/demo_main_ea60d6a.sqlite3.gz was made with commit ea60d6a, the last one before a programme's
measurements became shared figures (indicators 0006-0008): the demo (region 10, programme 1, 60 imported
measurements), programme 2 in region 11 with its own hand-entered MBO niveau 3 figure, and programme 3 in region 10
whose KPI "mbo-3" holds the same MBO niveau 3 fact as programme 1, written later. So it has a figure of a region
of its own and two measurements that must merge into one figure.

`manage.py migrate` runs on a copy in a subprocess, on SQLite whatever DATABASE_URL the suite itself uses (CI:
PostgreSQL), so it runs everywhere. "Before" is read from the unpacked file, "after" from the migrated copy.
"""

import gzip
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT / "tests" / "data" / "migrations" / "demo_main_e3a8ba6.sqlite3.gz"
DUMP_MEASUREMENTS = ROOT / "tests" / "data" / "migrations" / "demo_main_ea60d6a.sqlite3.gz"

# Tables that are not where they were; every other table keeps its name and its number of rows.
RENAMED = {"projects_historicalhalfyearplan_activities": "halfyear_historicalhalfyearplan_activities"}
# The goal ↔ KPI side table became SmartGoal.indicator (checked below); the history of those links goes with it.
DROPPED = {"indicators_goalindicator", "indicators_historicalgoalindicator"}
# A programme's measurements became shared figures (checked row by row below, with their history).
CARRIED = {"indicators_measurement", "indicators_historicalmeasurement"}
# The models the shared figures brought; their tables are new (their rows are checked below).
NEW_MODELS = ["category", "figure", "historicalfigure", "norm", "historicalnorm"]
NEW = {f"indicators_{model}" for model in NEW_MODELS}
# post_migrate gives each new model a content type and its four permissions: they grow by exactly those.
REGISTERED = {"django_content_type", "auth_permission"}
# One row per migration applied: grows by design (checked with migrate --check instead).
GROWING = {"django_migrations"}
# Apps installed after the dumps were made (django-axes: the login lockout): their tables come empty, their models'
# content types and permissions are registered.
LATER_MODELS = {"axes": ["accessattempt", "accessattemptexpiration", "accessfailurelog", "accesslog"]}
LATER = {f"{app}_{model}" for app, models in LATER_MODELS.items() for model in models}

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


def _rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


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


def _migrated_copy(dump: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The dump unpacked (left as it was, to read "before" from) and a copy of it migrated forward."""
    assert dump.exists(), f"{dump.relative_to(ROOT)} ontbreekt"
    before = tmp_path / "before.sqlite3"
    with gzip.open(dump) as packed, open(before, "wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    db = tmp_path / "migrated.sqlite3"
    shutil.copyfile(before, db)
    migrated = _manage(db, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    return before, db


def _assert_row_counts_kept(before: Path, db: Path) -> None:
    """Every table is still there with as many rows; the renamed one under its new name; the dropped and the
    carried-over ones gone; the new ones there. (Their rows, and the grown tables, are checked by the callers.)"""
    counts_before, counts_after = _tables(before), _tables(db)
    gone = DROPPED | CARRIED | GROWING | REGISTERED
    expected = {RENAMED.get(name, name): count for name, count in counts_before.items() if name not in gone}
    left_out = NEW | GROWING | REGISTERED | LATER
    assert {name: count for name, count in counts_after.items() if name not in left_out} == expected
    assert all(counts_after[name] == 0 for name in LATER)
    assert set(counts_after) >= NEW and not CARRIED & set(counts_after)
    assert counts_after["django_migrations"] > counts_before["django_migrations"]


def _assert_only_the_new_models_registered(before: Path, db: Path) -> None:
    """The content types and permissions that were there are still there, under the same ids (so permissions
    given to users and groups, and admin log entries, still point at them); the only new ones are the new models'."""
    types_before = dict(_rows(before, "SELECT id, app_label || '.' || model FROM django_content_type"))
    types_after = dict(_rows(db, "SELECT id, app_label || '.' || model FROM django_content_type"))
    assert set(types_before) <= set(types_after)
    added = {pk: label for pk, label in types_after.items() if pk not in types_before}
    later = [(app, model) for app, models in LATER_MODELS.items() for model in models]
    assert sorted(added.values()) == sorted(
        [f"indicators.{model}" for model in NEW_MODELS] + [f"{app}.{model}" for app, model in later]
    )

    permissions = "SELECT id, content_type_id, codename FROM auth_permission"
    permissions_before, permissions_after = set(_rows(before, permissions)), set(_rows(db, permissions))
    assert permissions_before <= permissions_after
    added_permissions = permissions_after - permissions_before
    actions = ("add", "change", "delete", "view")
    assert sorted((types_after[type_id], codename) for _, type_id, codename in added_permissions) == sorted(
        [(f"indicators.{model}", f"{action}_{model}") for model in NEW_MODELS for action in actions]
        + [(f"{app}.{model}", f"{action}_{model}") for app, model in later for action in actions]
    )


def _assert_every_measurement_is_a_figure(before: Path, db: Path) -> dict[tuple[str, str, str], tuple[int, float]]:
    """Each measurement of a KPI is now the figure of the KPI's category for its region and school year: one
    figure per distinct category × region × school year (where two KPIs held the same fact they share one), and the
    measurement's value is the figure's or one of its history. Every history row of a measurement is a history row
    of its figure with the same value, date and user, so no earlier value is lost. Returns the figures by
    (category, region code, school year) as (id, value)."""
    category_of = dict(_rows(db, "SELECT id, category_id FROM indicators_indicator"))
    measurements = _rows(
        before,
        "SELECT m.indicator_id, r.code, m.school_year, m.value FROM indicators_measurement m "
        "JOIN projects_region r ON r.id = m.region_id",
    )
    figures = {
        (category, area, year): (pk, value)
        for pk, category, area, year, value in _rows(
            db,
            "SELECT id, category_id, area_code, school_year, value FROM indicators_figure "
            "WHERE area_kind = 'regio' AND breakdown = '' AND breakdown_value = ''",
        )
    }
    assert _rows(db, "SELECT COUNT(*) FROM indicators_figure") == [(len(figures),)]  # all are region totals
    keys = {(category_of[indicator], region, year) for indicator, region, year, _ in measurements}
    assert set(figures) == keys and len(figures) == len(keys)

    history = defaultdict(list)
    for pk, value in _rows(db, "SELECT id, value FROM indicators_historicalfigure"):
        history[pk].append(value)
    unaccounted = [
        (indicator, region, year, value)
        for indicator, region, year, value in measurements
        if value != figures[category_of[indicator], region, year][1]
        and value not in history[figures[category_of[indicator], region, year][0]]
    ]
    assert unaccounted == []

    # LEFT JOIN: a history row whose measurement (or region) is gone must still be found, not silently skipped.
    old_history = _rows(
        before,
        "SELECT h.indicator_id, r.code, h.school_year, h.value, h.history_date, h.history_user_id "
        "FROM indicators_historicalmeasurement h LEFT JOIN projects_region r ON r.id = h.region_id",
    )
    expected = Counter(
        (figures.get((category_of.get(indicator), region, year), (None,))[0], value, date, user)
        for indicator, region, year, value, date, user in old_history
    )
    found = Counter(_rows(db, "SELECT id, value, history_date, history_user_id FROM indicators_historicalfigure"))
    assert expected - found == Counter(), "geschiedenis van metingen zonder geschiedenis van een cijfer"
    return figures


def _assert_every_norm_is_a_norm_row(before: Path, db: Path) -> None:
    """A KPI's norm is now the norm of its category for the KPI's norm school year: one row per category and
    year, with the KPI's value (two KPIs of one category with different norms for a year would lose one)."""
    category_of = dict(_rows(db, "SELECT id, category_id FROM indicators_indicator"))
    kpi_norms = {
        (category_of[pk], year, norm)
        for pk, year, norm in _rows(
            before,
            "SELECT id, norm_school_year, norm FROM indicators_indicator "
            "WHERE norm IS NOT NULL AND norm_school_year != ''",
        )
    }
    norms = _rows(db, "SELECT category_id, school_year, value FROM indicators_norm")
    assert set(norms) == kpi_norms and len(norms) == len(kpi_norms)
    assert sorted(_rows(db, "SELECT category_id, school_year, value FROM indicators_historicalnorm")) == sorted(norms)


def _assert_nothing_left_to_apply(db: Path) -> None:
    check = _manage(db, "migrate", "--check")
    assert check.returncode == 0, f"migraties niet toegepast:\n{check.stdout}{check.stderr}"
    plan = _manage(db, "showmigrations", "--plan")
    assert plan.returncode == 0 and "[ ]" not in plan.stdout, plan.stdout


# Not database tests of pytest-django (it makes its own SQLite file), and never skipped: the files are in the
# repository and the subprocess needs nothing CI lacks. `-m migrations` runs only these.
@pytest.mark.migrations
def test_a_database_from_before_the_restructure_migrates_forward_without_losing_rows(tmp_path):
    before, db = _migrated_copy(DUMP, tmp_path)
    links = sorted(_rows(before, "SELECT goal_id, indicator_id FROM indicators_goalindicator"))
    content_types = dict(_rows(before, "SELECT id, app_label || '.' || model FROM django_content_type"))
    assert len(links) == 2 and _tables(before)["projects_spendingentry"] == 1  # what the file was made with
    assert set(RENAMED) | DROPPED | CARRIED <= set(_tables(before))

    _assert_row_counts_kept(before, db)

    # Each goal ↔ KPI link is now the goal's own indicator: the same goals, the same KPIs.
    assert sorted(_rows(db, "SELECT id, indicator_id FROM projects_smartgoal WHERE indicator_id IS NOT NULL")) == links

    # Content types (and so permissions and admin log entries, by id) followed the models to budget and halfyear.
    moved = {f"projects.{model}": f"{app}.{model}" for app, models in MOVED_MODELS.items() for model in models}
    assert set(moved) <= set(content_types.values())
    now = dict(_rows(db, "SELECT id, app_label || '.' || model FROM django_content_type"))
    assert {pk: label for pk, label in now.items() if pk in content_types} == {
        pk: moved.get(label, label) for pk, label in content_types.items()
    }
    _assert_only_the_new_models_registered(before, db)

    # The demo's 60 measurements (one programme, one region) are 60 figures; its KPIs' norms are norms.
    assert len(_assert_every_measurement_is_a_figure(before, db)) == 60
    _assert_every_norm_is_a_norm_row(before, db)

    _assert_nothing_left_to_apply(db)


@pytest.mark.migrations
def test_measurements_of_three_programmes_become_shared_figures_without_losing_any(tmp_path):
    before, db = _migrated_copy(DUMP_MEASUREMENTS, tmp_path)
    counts = _tables(before)
    # What the file was made with: 62 measurements each created once, the demo's two import runs, and the regions
    # and programmes the figures belong to.
    assert (counts["indicators_measurement"], counts["indicators_historicalmeasurement"]) == (62, 62)
    assert _rows(before, "SELECT id, created_by_id FROM indicators_importrun ORDER BY id") == [(1, None), (2, None)]
    assert _rows(before, "SELECT id, code FROM projects_region ORDER BY id") == [(1, "10"), (2, "11")]
    programmes = dict(_rows(before, "SELECT title, id FROM projects_programme"))
    twente, old = programmes["Programma Twente 2020-2024"], programmes["Oud programma 2017-2020"]
    users = dict(_rows(before, "SELECT username, id FROM auth_user"))
    indicators = _rows(before, "SELECT id, programme_id, code FROM indicators_indicator ORDER BY id")
    assert len([pk for pk, programme, _ in indicators if programme not in (twente, old)]) == 9

    _assert_row_counts_kept(before, db)
    _assert_only_the_new_models_registered(before, db)

    # Every KPI names its category: the demo's nine and Twente's by their code, programme 3's "mbo-3" by its text
    # category "MBO niveau 3" as DUO spells it. No KPI needed a category of its own. The KPIs' history says the same.
    expected_categories = {pk: "mbo-niveau-3" if code == "mbo-3" else code for pk, _, code in indicators}
    assert dict(_rows(db, "SELECT id, category_id FROM indicators_indicator")) == expected_categories
    assert _rows(db, "SELECT code FROM indicators_category WHERE kind = 'eigen' OR programme_id IS NOT NULL") == []
    historical = _rows(db, "SELECT id, category_id FROM indicators_historicalindicator")
    assert historical and all(category == expected_categories[pk] for pk, category in historical)

    # 62 measurements, 61 figures: only programme 1's and programme 3's MBO niveau 3 2018-2019 in region 10 merged.
    figures = _assert_every_measurement_is_a_figure(before, db)
    assert len(figures) == 61

    # The merged figure is the later measurement (programme 3's 3.80, by hand, voorlopig); the history keeps the
    # DUO import's 3.72 with its own counts, then 3.80 as a change of the same figure (not a second "created"),
    # then a last row that names the merge.
    merged, value = figures["mbo-niveau-3", "10", "2018-2019"]
    assert value == pytest.approx(3.80)
    assert _rows(
        db,
        "SELECT numerator, denominator, finality, source, programme_id, entered_by_id FROM indicators_figure "
        "WHERE id = ?",
        (merged,),
    ) == [(None, None, "voorlopig", "hand", old, users["programmamanager"])]
    merged_history = _rows(
        db,
        "SELECT value, numerator, denominator, import_run_id, history_type, history_user_id, history_change_reason "
        "FROM indicators_historicalfigure WHERE id = ? ORDER BY history_id",
        (merged,),
    )
    assert [(row[0], row[4]) for row in merged_history] == [(3.72, "+"), (3.8, "~"), (3.8, "~")]
    assert merged_history[0][1:4] == (109, 2933, 1)
    assert merged_history[1][5] == users["programmamanager"]
    assert merged_history[-1][6].startswith("samengevoegd")
    assert _rows(db, "SELECT id FROM indicators_historicalfigure WHERE history_change_reason LIKE 'samengevoegd%'") == [
        (merged,)
    ]

    # Region 11's figure is its own, not merged with region 10's: Twente's 4.10, 41 of 1000, definitief, editable
    # by Twente's programme managers, created once by pm-twente.
    twente_figure, value = figures["mbo-niveau-3", "11", "2018-2019"]
    assert value == pytest.approx(4.10)
    assert _rows(
        db,
        "SELECT numerator, denominator, finality, source, programme_id, entered_by_id FROM indicators_figure "
        "WHERE id = ?",
        (twente_figure,),
    ) == [(41, 1000, "definitief", "hand", twente, users["pm-twente"])]
    assert _rows(
        db,
        "SELECT value, history_type, history_user_id FROM indicators_historicalfigure WHERE id = ?",
        (twente_figure,),
    ) == [(4.1, "+", users["pm-twente"])]
    # 62 history rows carried over, one added for the merge.
    assert _tables(db)["indicators_historicalfigure"] == 63

    # The demo KPIs' seven 2024-2025 norms are the seven norms, one per category: Twente's 3.6 for MBO niveau 3
    # 2024-2025 is the same norm, not a second row.
    _assert_every_norm_is_a_norm_row(before, db)
    demo_norms = _rows(
        before,
        "SELECT code, norm_school_year, norm FROM indicators_indicator WHERE programme_id NOT IN (?, ?) "
        "AND norm IS NOT NULL",
        (twente, old),
    )
    assert len(demo_norms) == 7
    assert sorted(_rows(db, "SELECT category_id, school_year, value FROM indicators_norm")) == sorted(demo_norms)

    # The demo's import runs were made by no user, so they stay the data stewards' (no programme).
    assert _rows(db, "SELECT id, programme_id FROM indicators_importrun ORDER BY id") == [(1, None), (2, None)]

    _assert_nothing_left_to_apply(db)


# tests/data/migrations/demo_main_3a7547c.sqlite3.gz was made with commit 3a7547c, the last one before programme
# periods (projects 0006, reports 0002): the demo (programme 1, region 10, 2020-2024, active) and a closed programme
# 2 of region 11 for 2017-2020 (then stored as "afgerond"), in which the demo's programme manager has a role.
DUMP_PERIODS = ROOT / "tests" / "data" / "migrations" / "demo_main_3a7547c.sqlite3.gz"

# Run in the migrated copy: the pages a user of that database opens, through the site's URLs and middleware.
PAGES_SCRIPT = """
from django.contrib.auth import get_user_model
from django.test import Client
client = Client(HTTP_HOST="localhost")
client.force_login(get_user_model().objects.get(username="programmamanager"))
old = client.get("/projecten/")
print("redirect", old.status_code, old["Location"])
page = client.get(old["Location"])
print("projects", page.status_code, "Warme overstap" in page.content.decode())
closed = client.get("/programmas/11-2017-2020/")
print("closed", closed.status_code, "is afgesloten: alles is nog te lezen" in closed.content.decode())
"""


@pytest.mark.migrations
def test_a_database_from_before_programme_periods_keeps_every_row_and_gets_its_programme_url(tmp_path):
    before, db = _migrated_copy(DUMP_PERIODS, tmp_path)
    counts_before, counts_after = _tables(before), _tables(db)
    left_out = GROWING | REGISTERED | LATER
    assert {name: count for name, count in counts_after.items() if name not in left_out} == {
        name: count for name, count in counts_before.items() if name not in left_out
    }
    assert all(counts_after[name] == 0 for name in LATER)
    assert _rows(db, "SELECT id, status FROM projects_programme ORDER BY id") == [(1, "actief"), (2, "afgesloten")]
    assert not _rows(db, "SELECT 1 FROM projects_historicalprogramme WHERE status = 'afgerond'")
    assert _rows(db, "SELECT COUNT(*) FROM reports_progressreport WHERE is_final") == [(0,)]

    pages = _manage(db, "shell", "-c", PAGES_SCRIPT)
    assert pages.returncode == 0, pages.stdout + pages.stderr
    assert pages.stdout.splitlines()[-3:] == [
        "redirect 302 /programmas/10-2020-2024/projecten/",
        "projects 200 True",
        "closed 200 True",
    ]
