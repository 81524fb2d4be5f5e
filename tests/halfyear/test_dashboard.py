"""The project dashboard: the figures a regiegroep member reads, filters, export, print view, fixed queries."""

import csv
import io
from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from budget.models import BudgetAmount, BudgetChange, BudgetLine, SpendingEntry
from core.periods import HalfYear
from halfyear.models import HalfYearEvaluation, HalfYearPlan, ProjectStatus, SmartGoal
from indicators.models import Indicator
from tests.factories import ProjectFactory
from tests.urls import reverse


def url():
    """The project dashboard of the programme the test works in (here 2026–2029, tests/halfyear/conftest.py)."""
    return reverse("project_dashboard")


def _export(client, **params):
    response = client.get(url(), {"_export": "csv", **params})
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_dashboard_figures_match_the_demo(steering_client, today):
    current = HalfYear.for_date(today)
    rows = {row["Code"]: row for row in _export(steering_client)}
    assert len(rows) == 11
    warm = rows["2.1"]
    assert warm["Project"] == "Warme overstap" and warm["Thema"] == "2"
    assert warm["Status"] == "op schema"
    assert warm["Toelichting status"].startswith("Blauwdruk vastgesteld")
    assert warm[f"Plan {current}"] == "goedgekeurd"
    assert warm[f"Evaluatie {current.previous()}"] == "ingediend"
    # 2.1 last half-year: goal 1 met (83% of 80%), goal 2 partly (concept blueprint): 1 of 2.
    assert warm[f"Doelen behaald {current.previous()}"] == "1 van 2 (50%)"
    assert warm[f"Plan {current.next()}"] == "concept"
    assert rows["3.2"][f"Doelen behaald {current.previous()}"] == "2 van 2 (100%)"
    assert rows["1.2"]["Status"] == "risico"
    assert rows["3.3"]["Status"] == "nog geen status"
    assert rows["3.3"][f"Plan {current}"] == "te laat"  # due before the half-year began, never written


def test_dashboard_page_shows_words_icons_and_the_heading(steering_client, today):
    html = steering_client.get(url()).content.decode()
    assert '<h1 class="utrecht-heading-1">KPI\'s voortgang projecten</h1>' in html
    assert '<span class="badge__icon" aria-hidden="true">✓</span> op schema' in html
    assert "te laat" in html and "1 van 2 (50%)" in html
    assert f"Plan {HalfYear.for_date(today).next()}" in html


def test_filters_by_theme_and_status(steering_client, demo):
    theme3 = demo.themes.get(number=3)
    codes = [row["Code"] for row in _export(steering_client, theme=theme3.pk)]
    assert codes == ["3.1", "3.2", "3.3", "3.4"]
    assert [row["Code"] for row in _export(steering_client, status="op_schema")] == ["2.1", "2.2", "3.2"]
    assert [row["Code"] for row in _export(steering_client, status="achter")] == ["4.1"]
    assert len(_export(steering_client, status="geen")) == 5
    html = steering_client.get(url(), {"theme": theme3.pk, "status": "afgerond"}).content.decode()
    assert "Geen projecten met deze filters" in html


def test_latest_status_counts_not_an_older_one(manager_client, demo, today):
    ProjectStatus.objects.create(project=demo.projects.get(code="2.1"), status="achter", explanation="x", date=today)
    assert [row["Code"] for row in _export(manager_client, status="achter")] == ["2.1", "4.1"]


def test_xlsx_export_and_print_view(steering_client):
    assert steering_client.get(url(), {"_export": "xlsx"}).content[:2] == b"PK"
    html = steering_client.get(url(), {"weergave": "print"}).content.decode()
    assert "Terug naar het dashboard" in html and "print-view" in html


def test_dashboard_shows_an_approved_plan_after_approval(manager_client, demo, today):
    plan = HalfYearPlan.objects.get(project__code="2.1", period=str(HalfYear.for_date(today).next()))
    HalfYearPlan.objects.filter(pk=plan.pk).update(status="goedgekeurd")
    row = next(row for row in _export(manager_client) if row["Code"] == "2.1")
    assert row[f"Plan {plan.period}"] == "goedgekeurd"


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url()).status_code == 200
    return len(captured)


def test_dashboard_runs_a_fixed_number_of_queries(manager_client, demo, today, demo_user):
    before = _queries(manager_client)
    theme = demo.themes.get(number=4)
    section = BudgetLine.objects.get(programme=demo, project__code="4.1").section
    other_line = BudgetLine.objects.get(programme=demo, project__code="3.2")
    indicators = list(Indicator.objects.filter(programme=demo))
    manager = demo_user("programmamanager")
    current = HalfYear.for_date(today)
    for index in range(15):
        project = ProjectFactory(theme=theme, programme=demo)
        project.indicators.set(indicators[: 1 + index % len(indicators)])
        for position in range(2):  # two budget lines each, with amounts, spending and an approved change
            line = BudgetLine.objects.create(
                programme=demo, section=section, description=f"{project.code}-{position}", project=project
            )
            for year in (2026, 2027, 2028, 2029):  # the years of the 2026–2029 budget
                BudgetAmount.objects.create(line=line, year=year, amount=Decimal(1000))
            SpendingEntry.objects.create(
                line=line, date=date(2026, 3, 1), amount=Decimal(10), description="x", recorded_by=manager
            )
            BudgetChange.objects.create(
                programme=demo,
                year=2026,
                amount=Decimal(1),
                from_line=line,
                to_line=other_line,
                reason="x",
                proposed_by=manager,
                status=BudgetChange.Status.APPROVED,
                decided_by=manager,
                decided_on=date(2026, 2, 1),
            )
        ProjectStatus.objects.create(project=project, status="risico", explanation="x", date=today)
        for period in (current.previous(), current, current.next()):
            plan = HalfYearPlan.objects.create(project=project, period=str(period), status="goedgekeurd")
            SmartGoal.objects.create(
                plan=plan,
                number=1,
                description="d",
                measure_description="m",
                measure_unit="u",
                target_value=1,
                deadline=period.end,
                result="behaald" if index % 2 else "",
            )
            HalfYearEvaluation.objects.create(plan=plan, status="ingediend")
    assert _queries(manager_client) == before
    rows = {row["Code"]: row for row in _export(manager_client)}
    assert len(rows) == 11 + 15  # the new projects are on the dashboard, with their figures
    newest = rows[project.code]
    assert newest["Besteed 2026"] == "20" and newest["KPI's (status 2023-2024)"].count(":") == 15 % 9


def test_plan_and_project_pages_run_a_fixed_number_of_queries(manager_client, demo, today):
    current = HalfYear.for_date(today)
    plan = HalfYearPlan.objects.get(project__code="2.1", period=str(current))
    urls = [
        reverse("halfyear_plan_detail", kwargs={"code": "2.1", "period": plan.period}),
        reverse("project_detail", kwargs={"code": "2.1"}),
        reverse("halfyear_plan_list", kwargs={"code": "2.1"}),
    ]

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert manager_client.get(url).status_code == 200
            result.append(len(captured))
        return result

    before = counts()
    earlier = SmartGoal.objects.filter(plan__project__code="2.1", plan__period=str(current.previous())).first()
    for number in range(3, 13):
        SmartGoal.objects.create(
            plan=plan,
            number=number,
            description="d",
            measure_description="m",
            measure_unit="u",
            target_value=1,
            deadline=current.end,
            carried_from=earlier,
        )
        ProjectStatus.objects.create(project=plan.project, status="risico", explanation=f"x{number}", date=today)
    assert counts() == before


# ── budget vs spent (budget/selectors.py) ──────────────────────────────────────────────────
