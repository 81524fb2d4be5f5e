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
        expected = current_periods(day, programme.period)
        assert expected == programme.periods(day)
        half, year = str(expected.half_year), str(expected.budget_year.year)
        school_year = kpi_selectors.dashboard(programme=programme).selected_year
        pages = _pages(manager_client, programme)
        label = programme.slug

        assert f"Plan {half}" in pages["dashboard"], label
        export = manager_client.get(reverse("project_dashboard", programme=programme), {"_export": "csv"})
        rows = {r["Code"]: r for r in csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")))}
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

    closed = Programme.objects.get(pk=shipped_demo.pk)
    periods = closed.periods(day)
    assert (str(periods.half_year), str(periods.quarter), periods.budget_year.year) == ("2024-H2", "2024-K4", 2024)
    current = Programme.objects.get(region=shipped_demo.region, first_year=2026)
    assert current.periods(day).budget_year.year == day.year  # inside its period: today's own year
