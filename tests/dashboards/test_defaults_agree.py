"""Every page of a programme takes its defaults from one day: today, kept within the programme's period. With the
clock pinned, the project dashboard, a project's page, the budget, the KPI dashboard and the new-report form of
each demo programme name the same half-year, budget year, quarter and school year; the closed 2020–2024
programme reads as on its last day, not as today."""

import csv
import io
import re
from datetime import date

import pytest

from core.periods import current_periods
from dashboards import succession
from halfyear import reminders
from halfyear import selectors as halfyear_selectors
from halfyear.models import HalfYearPlan
from indicators import selectors as kpi_selectors
from projects.models import Programme
from tests.urls import reverse

DAYS = [date(2026, 12, 2), date(2027, 3, 15)]


def _selected(html: str, name: str) -> str:
    """The selected option of the <select name=…> on the page."""
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S)
    assert select, f"geen keuzelijst {name}"
    option = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(0))
    assert option, f"niets gekozen in {name}"
    return option.group(1)


def _running(html: str) -> list[str]:
    """The plans the project page marks as "lopend halfjaar"."""
    return [item for item in re.findall(r"<li>(.*?)</li>", html, re.S) if "lopend halfjaar" in item]


def _pages(client, programme):
    get = lambda name, **kwargs: client.get(reverse(name, programme=programme, **kwargs)).content.decode()  # noqa: E731
    return {
        "dashboard": get("project_dashboard"),
        "project": get("project_detail", kwargs={"code": "2.1"}),
        "budget": get("budget_overview"),
        "kpi": get("kpi_dashboard"),
    }


@pytest.mark.parametrize("day", DAYS)
def test_the_defaults_of_every_page_agree_in_both_demo_programmes(clock, day, shipped_demo, manager_client):
    clock.set(day)
    # An approved plan of the closed programme's last half-year: its column must hold it, not today's half-year.
    HalfYearPlan.objects.create(
        project=shipped_demo.projects.get(code="2.1"), period="2024-H2", status=HalfYearPlan.Status.APPROVED
    )
    for programme in Programme.objects.filter(region=shipped_demo.region).order_by("first_year"):
        # the closed programme as on its last day; the running one as today
        expected = current_periods(date(2024, 12, 31) if programme.first_year == 2020 else day)
        half, year = str(expected.half_year), str(expected.budget_year.year)
        school_year = kpi_selectors.dashboard(programme=programme).selected_year
        pages = _pages(manager_client, programme)
        label = programme.slug

        assert f"Plan {half}" in pages["dashboard"], label
        export = manager_client.get(reverse("project_dashboard", programme=programme), {"_export": "csv"})
        rows = {r["Code"]: r for r in csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";")}
        if programme.status == Programme.Status.CLOSED:
            assert rows["2.1"][f"Plan {half}"] == "goedgekeurd", label
        assert f"Budget {year}" in pages["dashboard"], label
        assert f"KPI&#x27;s (status {school_year})" in pages["dashboard"], label
        assert f"Besteed {year}" in pages["project"] and f"Ritme {year}" in pages["project"], label
        running = [re.search(r"Plan (\d{4}-H[12])", item)[1] for item in _running(pages["project"])]
        assert running == [half], label  # each programme has a plan of its day's half-year
        assert _selected(pages["budget"], "jaar") == year, label
        assert _selected(pages["kpi"], "jaar") == school_year, label
        if programme.status != Programme.Status.CLOSED:
            form = manager_client.get(reverse("report_create", programme=programme)).content.decode()
            assert _selected(form, "period") == str(expected.quarter), label


def test_a_concept_that_starts_later_is_not_late_before_its_deadlines(clock, current_programme, demo_user, client):
    """A concept for 2030–2033 shows its first half-years, but today (December 2026) is long before their
    deadlines: no "te laat" on its dashboard."""
    clock.set(date(2026, 12, 2))
    manager = demo_user("programmamanager")
    concept = succession.start_next_programme(
        programme=current_programme, user=manager, first_year=2030, last_year=2033
    )
    client.force_login(manager)
    html = client.get(reverse("project_dashboard", programme=concept)).content.decode()
    assert "Plan 2030-H1" in html
    assert "te laat" not in html


def test_an_active_programme_past_its_end_shows_and_reminds_the_same_half_years(clock, current_programme):
    """Past 2029 the running programme's dashboard shows its last half-years; the reminders read the same rows, so
    they never name a half-year the dashboard does not show."""
    day = date(2030, 3, 2)
    clock.set(day)
    rows = halfyear_selectors.dashboard_rows(programme=current_programme, today=day)
    assert {str(row.current.period) for row in rows} == {"2029-H2"}
    shown = {str(state.period) for row in rows for state in (row.previous, row.current, row.next)}
    assert {str(item.period) for item in reminders.outstanding(programme=current_programme, today=day)} <= shown
