"""The project dashboard's budget columns, read in seed 004's 2020–2024 programme (the one with a budget) on a day
inside its last budget year."""

import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from budget import selectors as budget_selectors
from budget import services as budget_services
from budget.models import BudgetAmount, BudgetChange, BudgetLine
from tests.urls import reverse

URL = reverse("project_dashboard")


def _export(client, **params):
    response = client.get(URL, {"_export": "csv", **params})
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


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
    assert (verzuim_row["Besteed 2024"], verzuim_row["Besteed 2024 (% van budget)"]) == ("40000", "50")
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
