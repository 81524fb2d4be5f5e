"""A table as a download that spreadsheets and BI tools read as numbers, and that can never run a formula.

Three formats (`?_export=`):
- `csv`: for Excel in Dutch (;-separated, UTF-8 with BOM, decimal comma), as Excel NL opens it in columns;
- `csv-punt`: for programs (,-separated, UTF-8, decimal point);
- `xlsx`: numbers as numbers with a number format (a percentage is a number with a % format, money € ).

A table's export values (django-tables2 `value_<column>`) may be numbers; `Percent` and `Money` say what a number
is. Any text that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return) is
neutralised with a leading apostrophe, in every format: a project title or a spending description written as
`=HYPERLINK(…)` stays text in the programme manager's spreadsheet.
"""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse

FORMATS = ("csv", "csv-punt", "xlsx")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Percent(Decimal):
    """A percentage as its number of percents: Percent("3.70") is 3,70%."""


class Money(Decimal):
    """An amount in euros."""


def neutralised(text: str) -> str:
    """Text that no spreadsheet runs as a formula (OWASP's advice: a leading apostrophe)."""
    return f"'{text}" if len(text) > 1 and text.startswith(FORMULA_STARTS) else text


def _csv_cell(value, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Money) and value != value.to_integral_value():
        text = format(value.quantize(Decimal("0.01")), "f")  # 1250,50: cents as written
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, int | float | Decimal):
        text = format(Decimal(str(value)).normalize(), "f") if not isinstance(value, int) else str(value)
        return text.replace(".", ",") if decimal_comma else text
    return neutralised(str(value))


def _rows(table) -> list[list]:
    return [list(row) for row in table.as_values()]


def csv_bytes(table, *, dutch: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if dutch else ",", lineterminator="\r\n")
    for row in _rows(table):
        writer.writerow([_csv_cell(value, dutch) for value in row])
    text = buffer.getvalue()
    return ("\ufeff" + text).encode("utf-8") if dutch else text.encode("utf-8")


def xlsx_bytes(table, *, title: str = "Export") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31] or "Export"
    for row_number, row in enumerate(_rows(table), start=1):
        for column_number, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            if isinstance(value, Percent):
                cell.value, cell.number_format = float(value) / 100, "0.00%"
            elif isinstance(value, Money):
                cell.value, cell.number_format = float(value), '"€" #,##0.00'
            elif isinstance(value, bool) or value is None:
                cell.value = "" if value is None else ("ja" if value else "nee")
            elif isinstance(value, int | float | Decimal):
                cell.value = float(value) if isinstance(value, Decimal) else value
            else:
                cell.value = neutralised(str(value))
                cell.data_type = "s"  # never a formula, whatever openpyxl would guess
            if row_number == 1:
                cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(request, table, filename: str):
    """The table as a download when the request asks for one (`?_export=csv`, `csv-punt` or `xlsx`), else None."""
    export_format = request.GET.get("_export")
    if export_format not in FORMATS:
        return None
    if export_format == "xlsx":
        response = HttpResponse(xlsx_bytes(table, title=filename), content_type=XLSX_TYPE)
        extension = "xlsx"
    else:
        dutch = export_format == "csv"
        response = HttpResponse(csv_bytes(table, dutch=dutch), content_type="text/csv; charset=utf-8")
        extension = "csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response
