"""The project dashboard: the figures a regiegroep member reads, filters, export, print view, fixed queries."""

import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from budget import selectors as budget_selectors
from budget import services as budget_services
from budget.models import BudgetAmount, BudgetChange, BudgetLine, SpendingEntry
from core.periods import HalfYear
from halfyear.models import HalfYearEvaluation, HalfYearPlan, ProjectStatus, SmartGoal
from indicators.models import Indicator
from tests.factories import ProjectFactory
from tests.urls import reverse

URL = reverse("project_dashboard")


def _export(client, **params):
    response = client.get(URL, {"_export": "csv", **params})
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


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
    html = steering_client.get(URL).content.decode()
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
    html = steering_client.get(URL, {"theme": theme3.pk, "status": "afgerond"}).content.decode()
    assert "Geen projecten met deze filters" in html


def test_latest_status_counts_not_an_older_one(manager_client, demo, today):
    ProjectStatus.objects.create(project=demo.projects.get(code="2.1"), status="achter", explanation="x", date=today)
    assert [row["Code"] for row in _export(manager_client, status="achter")] == ["2.1", "4.1"]


def test_xlsx_export_and_print_view(steering_client):
    assert steering_client.get(URL, {"_export": "xlsx"}).content[:2] == b"PK"
    html = steering_client.get(URL, {"weergave": "print"}).content.decode()
    assert "Terug naar het dashboard" in html and ".filter-bar" in html


def test_dashboard_shows_an_approved_plan_after_approval(manager_client, demo, today):
    plan = HalfYearPlan.objects.get(project__code="2.1", period=str(HalfYear.for_date(today).next()))
    HalfYearPlan.objects.filter(pk=plan.pk).update(status="goedgekeurd")
    row = next(row for row in _export(manager_client) if row["Code"] == "2.1")
    assert row[f"Plan {plan.period}"] == "goedgekeurd"


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
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
            for year in (2021, 2022, 2023, 2024):
                BudgetAmount.objects.create(line=line, year=year, amount=Decimal(1000))
            SpendingEntry.objects.create(
                line=line, date=date(2024, 3, 1), amount=Decimal(10), description="x", recorded_by=manager
            )
            BudgetChange.objects.create(
                programme=demo,
                year=2024,
                amount=Decimal(1),
                from_line=line,
                to_line=other_line,
                reason="x",
                proposed_by=manager,
                status=BudgetChange.Status.APPROVED,
                decided_by=manager,
                decided_on=date(2024, 2, 1),
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
    assert newest["Besteed 2024"] == "20" and newest["KPI's (status 2023-2024)"].count(":") == 15 % 9


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


BUDGET_DAY = date(2024, 6, 30)  # half way through 2024, the last budget year of the demo


@pytest.fixture
def budget_day(clock):
    """Pin the budget's "today" the way the budget tests do, so the pace has a year in progress."""
    clock.set(BUDGET_DAY)
    return BUDGET_DAY


def test_budget_columns_match_the_budget_selectors_and_the_seed(manager_client, demo, demo_user, budget_day):
    verzuim = BudgetLine.objects.get(programme=demo, description="Verzuimaanpak 3.0")
    budget_services.spending_record(
        line=verzuim,
        user=demo_user("programmamanager"),
        date=date(2024, 5, 1),
        amount=Decimal("40000"),
        description="Verzuimconsulenten",
        today=budget_day,
    )
    rows = {row["Code"]: row for row in _export(manager_client)}
    for project in demo.projects.all():
        expected = budget_selectors.project_budget(project=project, today=budget_day)
        row = rows[project.code]
        # The export writes whole euros as plain digits (a spreadsheet reads them as numbers).
        for column, amount in (("Budget 2024", expected.current), ("Besteed 2024", expected.spent)):
            assert amount == amount.to_integral_value(), project.code  # the demo's amounts are whole euros
            assert row[column] == f"{amount:.0f}", (project.code, column)
        assert row["Uitgavenritme 2024"] == expected.total_pace.label, project.code
    # Seed 004, hoofdstuk 7, column 2024: 2.1 € 125.000; 1.1 has two lines, € 5.000 + € 7.500; 3.1 gets € 0.
    assert rows["2.1"]["Budget 2024"] == "125000" and rows["2.1"]["Uitgavenritme 2024"] == "achter op schema"
    assert rows["1.1"]["Budget 2024"] == "12500"
    assert (rows["3.1"]["Budget 2024"], rows["3.1"]["Uitgavenritme 2024"]) == ("0", "geen budget")
    # 3.2: € 40.000 of € 80.000 half way through the year is on schedule.
    verzuim_row = rows["3.2"]
    assert (verzuim_row["Besteed 2024"], verzuim_row["Besteed 2024 (% van budget)"]) == ("40000", "50.0")
    assert verzuim_row["Uitgavenritme 2024"] == "op schema"

    html = manager_client.get(URL).content.decode()
    assert "Budget 2024" in html and "€ 80.000" in html and "€ 40.000 besteed (50%)" in html
    assert '<span class="badge__icon" aria-hidden="true">✔</span> op schema' in html  # word and icon, not colour alone


def test_budget_export_holds_real_numbers(steering_client, budget_day):
    response = steering_client.get(URL, {"_export": "xlsx"})
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    by_code = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_code["4.1"]["Budget 2024"] == 140000 and isinstance(by_code["4.1"]["Budget 2024"], int)
    assert by_code["4.1"]["Besteed 2024"] == 0


def test_project_without_budget_line_says_so_on_the_dashboard(manager_client, demo, budget_day):
    BudgetLine.objects.filter(project__code="2.2").update(project=None)
    row = next(row for row in _export(manager_client) if row["Code"] == "2.2")
    assert (row["Budget 2024"], row["Besteed 2024"]) == ("", "")
    assert row["Uitgavenritme 2024"] == "geen eigen begrotingsregel"
    html = manager_client.get(URL, {"theme": demo.themes.get(number=2).pk}).content.decode()
    assert "geen eigen begrotingsregel" in html


def test_budget_year_is_the_current_year_while_the_budget_runs(manager_client, clock):
    clock.set(date(2022, 3, 1))
    row = next(row for row in _export(manager_client) if row["Code"] == "1.1")
    assert row["Budget 2022"] == "17500"  # seed: € 10.000 + € 7.500 in 2022


def test_programme_without_budget_says_so_on_the_dashboard(manager_client, demo):
    BudgetChange.objects.all().delete()
    BudgetAmount.objects.all().delete()
    BudgetLine.objects.all().delete()
    demo.budget_settings.delete()
    row = next(row for row in _export(manager_client) if row["Code"] == "2.1")
    assert (row["Budget"], row["Uitgavenritme"]) == ("", "nog geen begroting")
    assert "nog geen begroting" in manager_client.get(URL).content.decode()
