"""The typed snapshot reads the JSON that publishing has always stored, and writes it back unchanged.

data/snapshot_format1.json is a published report's snapshot as the code before the typed snapshot wrote it
(format 1; lists shortened): a report published then must still read and show the same figures."""

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from reports.models import ProgressReport
from reports.snapshot import FORMAT, Snapshot, gather
from reports.snapshot.schema import KpiYear, ProgrammeInfo
from tests.urls import reverse

STORED = json.loads((Path(__file__).parent / "data" / "snapshot_format1.json").read_text(encoding="utf-8"))


def _without_later_fields(data: dict) -> dict:
    """The JSON without the fields added after format 1 at their defaults: a KPI's national figure, and per year
    the national figure and norm (kept since the figures are shared facts)."""
    data = json.loads(json.dumps(data))
    for row in data["kpi"]["rows"]:
        assert row.pop("national") is None
        for year in row["series"]:
            assert year.pop("national") is None and year.pop("norm") is None
    return data


def test_a_stored_snapshot_reads_into_types_and_writes_back_unchanged():
    snapshot = Snapshot.from_json(STORED)
    assert _without_later_fields(snapshot.to_json()) == STORED
    assert snapshot.format == FORMAT == 1
    assert snapshot.gathered_at == datetime(2026, 12, 2, 1, 10, 59, 598320, tzinfo=UTC)
    assert snapshot.today == date(2026, 12, 2)
    row = snapshot.kpi.rows[0]
    assert (row.code, row.baseline, row.actual, row.provisional) == (
        "vo-onderbouw",
        Decimal("0.17"),
        Decimal("0.11"),
        True,
    )
    assert row.trend.delta == Decimal("-0.01") and row.trend.comparison == "beter"
    assert row.series[0] == KpiYear(school_year="2018-2019", actual=Decimal("0.21"), provisional=False, target=None)
    assert snapshot.budget.year == 2024 and snapshot.budget.total.per_year["2024"].budget == Decimal("833842.00")
    assert snapshot.projects.rows[0].plan == ("te-laat", "te laat")
    assert snapshot.projects.summary[0] == ("op_schema", "op schema", 3)
    assert snapshot.previous.published_at.tzinfo is not None
    figure = snapshot.changes.figures[0]
    assert (figure.code, figure.old, figure.new, figure.when) == (
        "mbo-niveau-3",
        Decimal("3.71"),
        Decimal("3.10"),
        date(2026, 12, 2),
    )
    assert snapshot.changes.project_statuses[0].old is None
    assert snapshot.changes.project_statuses[0].date == date(2026, 12, 2)


def test_optional_parts_may_be_missing_but_required_ones_may_not():
    without = {key: value for key, value in STORED.items() if key not in ("previous", "changes")}
    snapshot = Snapshot.from_json({**without, "later_addition": "ignored"})
    assert snapshot.previous is None and snapshot.changes is None
    with pytest.raises(ValueError, match="region"):
        ProgrammeInfo.from_json({"title": "Vervolgaanpak"})


def test_a_report_published_with_the_old_json_still_shows_its_figures(demo, steering_client):
    report = ProgressReport.objects.create(
        programme=demo,
        period="2025-K1",
        title="Voortgangsrapportage 1e kwartaal 2025",
        status=ProgressReport.Status.PUBLISHED,
        snapshot=STORED,
        published_at=datetime(2026, 12, 2, 2, 0, tzinfo=UTC),
    )
    html = steering_client.get(reverse("report_detail", kwargs={"pk": report.pk})).content.decode()
    assert "Vergeleken met „Voortgangsrapportage 3e kwartaal 2026 (demo)”, gepubliceerd op 2 december 2026." in html
    assert "2018-2019 cijfer 0,21%" in html  # the stored series, not today's figure
    assert "€ 833.842" in html and "€ 3.464.156" in html
    assert "Trager." in html
    report.refresh_from_db()
    assert report.snapshot == STORED


def test_what_publishing_stores_is_plain_json_that_reads_back(demo):
    stored = gather(programme=demo).to_json()
    assert json.loads(json.dumps(stored)) == stored
    assert Snapshot.from_json(stored).to_json() == stored
    demo_report = ProgressReport.objects.get(programme=demo, is_demo=True)
    assert Snapshot.from_json(demo_report.snapshot).to_json() == demo_report.snapshot
