"""The DUO figures reader on real-format files: every variant reads to the same rows; broken files are refused
with the right Dutch message, line and column, and nothing is written."""

from decimal import Decimal

import pytest
from openpyxl import Workbook

from indicators.importers.duo import (
    ONE_YEAR_LATER,
    parse_count,
    parse_percentage,
    parse_region_code,
    parse_school_year,
    read_vsv_file,
)
from indicators.importers.vocabulary import BUILT_IN_CATEGORIES
from indicators.models import CategoryAlias, ColumnAlias

# Seed 004, Bijlage 1 (Tabel 2 and 3), region 10, 2018-2019; region 04 made up for the tests.
EXPECTED = {
    ("10", "vo-onderbouw"): (13405, 23, Decimal("0.17")),
    ("10", "vo-bovenbouw-vmbo"): (6643, 37, Decimal("0.56")),
    ("10", "vo-bovenbouw-havo-vwo"): (6433, 20, Decimal("0.31")),
    ("10", "mbo-niveau-1"): (240, 43, Decimal("17.92")),
    ("10", "mbo-niveau-2"): (2105, 180, Decimal("8.55")),
    ("10", "mbo-niveau-3"): (2933, 109, Decimal("3.72")),
    ("10", "mbo-niveau-4"): (7595, 281, Decimal("3.70")),
    ("04", "mbo-niveau-1"): (312, 51, Decimal("16.35")),
    ("04", "mbo-niveau-2"): (1874, 150, Decimal("8.00")),
}
# The totals DUO prints under each group: since categories are data, they load as categories of their own.
TOTALS = {("10", "totaal-vo"): (26481, 80, Decimal("0.30")), ("10", "totaal-mbo"): (12875, 613, Decimal("4.76"))}
VARIANTS = ["duo/vsv_utf8_bom.csv", "duo/vsv_cp1252_komma.csv", "duo/vsv_tab.tsv", "duo/vsv_onderwijssoort.csv"]


def _figures(result):
    return {(row.area.code, row.category_code): (row.participants, row.dropouts, row.percentage) for row in result.rows}


@pytest.mark.parametrize("name", VARIANTS)
def test_every_variant_reads_to_the_same_rows(name, data_file, regions):
    result = read_vsv_file(data_file(name))
    assert result.errors == []
    assert result.warnings == []
    assert _figures(result) == EXPECTED | TOTALS
    assert {(row.school_year, row.status) for row in result.rows} == {("2018-2019", "voorlopig")}
    assert result.rows_read == 12 and result.rows_skipped == 1  # MBO onbekend: no category of its own


def _xlsx_bytes(tmp_path):
    """An Excel file as DUO's download page gives it: a title row, numbers as numbers, percentages as %."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["VSV-cijfers per RMC-regio, voorlopige cijfers"])
    sheet.append(["Schooljaar", "RMC-regio code", "RMC-regio naam", "Normcategorie", "Aantal deelnemers",
                  "Aantal vsv'ers", "VSV-percentage", "Status"])  # fmt: skip
    for (region, category), (participants, dropouts, percentage) in EXPECTED.items():
        name = next(alias for alias, code in BUILT_IN_CATEGORIES.items() if code == category)
        sheet.append(
            ["2018-2019", int(region), "", name.title(), participants, dropouts, float(percentage) / 100, "VI"]
        )
        sheet.cell(row=sheet.max_row, column=7).number_format = "0.00%"
    path = tmp_path / "vsv.xlsx"
    workbook.save(path)
    return path.read_bytes()


def test_excel_reads_to_the_same_rows(tmp_path, regions):
    result = read_vsv_file(_xlsx_bytes(tmp_path))
    assert result.file_format == "xlsx"
    assert result.errors == []
    assert _figures(result) == EXPECTED


def test_seed_004_bijlage_1_with_status_given_on_the_command_line(data_file, regions):
    data = data_file("duo/vsv_seed004_bijlage1.csv")
    refused = read_vsv_file(data)
    assert [error.message for error in refused.errors] == [
        "De kolom 'status (voorlopig/definitief)' ontbreekt (bijvoorbeeld CIJFERSTATUS / DEFINITIEF / VOORLOPIG / "
        "DEFINITIEF OF VOORLOPIG / PEILSTATUS)."
    ]
    result = read_vsv_file(data, status="voorlopig")
    assert result.errors == []
    assert _figures(result) == {key: value for key, value in (EXPECTED | TOTALS).items() if key[0] == "10"}


def test_school_year_option_fills_what_the_file_does_not_say(data_file, regions):
    text = data_file("duo/vsv_seed004_bijlage1.csv").decode().replace("CONVENANTJAAR;", "").replace("2018-2019;", "")
    result = read_vsv_file(text.encode(), school_year="2018/2019", status="definitief")
    assert result.errors == []
    assert {(row.school_year, row.status) for row in result.rows} == {("2018-2019", "definitief")}


def test_masked_counts_are_unknown_not_zero_and_only_warn(data_file, regions):
    result = read_vsv_file(data_file("duo/vsv_masked.csv"))
    assert result.errors == []
    rows = {row.category_code: row for row in result.rows}
    assert rows["mbo-niveau-1"].dropouts is None and rows["mbo-niveau-1"].percentage is None
    assert rows["mbo-niveau-1"].participants == 251
    assert rows["mbo-niveau-2"].participants is None and rows["mbo-niveau-2"].percentage is None
    assert rows["mbo-niveau-3"].percentage == Decimal("3.49")
    assert [(w.line, w.column) for w in result.warnings] == [
        (2, "AANTAL VSV'ERS"),
        (3, "AANTAL DEELNEMERS"),
        (3, "VSV-PERCENTAGE"),
    ]
    assert "afgeschermd ('<5'): onbekend, niet nul" in result.warnings[0].message


def test_one_year_later_file_gives_both_terugkeer_categories(data_file, regions):
    result = read_vsv_file(data_file("duo/vsv_een_jaar_later.csv"))
    assert result.errors == [] and result.one_year_later
    assert [row.category_code for row in result.rows] == [ONE_YEAR_LATER] * 4
    last = result.rows[-1]
    assert (last.school_year, last.status, last.participants, last.dropouts) == ("2018-2019", "voorlopig", 40011, 608)
    values = {value.category_code: value for value in last.figure_values()}
    # Seed 004, Tabel 4 (startpopulatie 2017): 27% back in education, 36% working.
    assert values["terugkeer-school"].value_pct == Decimal("26.97")
    assert values["terugkeer-werk"].value_pct == Decimal("35.53")
    assert (values["terugkeer-school"].numerator, values["terugkeer-school"].denominator) == (164, 608)


def test_region_name_that_differs_from_ours_only_warns(data_file, regions):
    regions[1].name = "Friesland-Noord"
    regions[1].save()
    result = read_vsv_file(data_file("duo/vsv_utf8_bom.csv"))
    assert result.errors == []
    assert len(result.rows) == 11
    assert [str(warning) for warning in result.warnings] == [
        "regel 12, kolom RMC-REGIO NAAM: Regio 04 heet in het bestand 'Fryslân-Noord', bij ons 'Friesland-Noord'; "
        "de code telt."
    ]


BROKEN = [
    ("duo/broken_empty.csv", None, "", "Het bestand is leeg."),
    ("duo/broken_binary.csv", None, "", "Dit is geen CSV- of Excelbestand (XLSX)"),
    ("duo/broken_separator.csv", 2, "", "Deze regel heeft maar één kolom: er staat een ander scheidingsteken in"),
    ("duo/broken_missing_column.csv", 1, "", "De kolom 'aantal vsv'ers' ontbreekt"),
    ("duo/broken_unknown_region.csv", 3, "RMC-REGIO CODE", "Onbekende RMC-regio 99."),
    ("duo/broken_percentage.csv", 3, "VSV-PERCENTAGE", "Het vsv-percentage 4,70 klopt niet met 281 vsv'ers van 7.595"),
    ("duo/broken_duplicate.csv", 4, "", "Dubbel: regio 10, vo-onderbouw, schooljaar 2018-2019 staat ook op regel 2."),
    ("duo/broken_text_in_number.csv", 2, "AANTAL DEELNEMERS", "'veel' is geen getal (aantal deelnemers)."),
]


@pytest.mark.parametrize(("name", "line", "column", "message"), BROKEN)
def test_broken_file_is_refused_with_line_column_and_message(name, line, column, message, data_file, regions):
    result = read_vsv_file(data_file(name))
    assert not result.ok
    # A file-level problem reads no rows; a problem in some rows leaves the others read (and none is loaded).
    assert (result.rows == []) == (not name.endswith(("_percentage.csv", "_duplicate.csv", "_unknown_region.csv")))
    first = result.errors[0]
    assert (first.line, first.column) == (line, column)
    assert first.message.startswith(message)


def test_every_problem_is_listed_not_only_the_first(regions):
    head = "SCHOOLJAAR;RMC-REGIO CODE;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;VSV-PERCENTAGE;STATUS\n"
    rows = (
        "2018-2019;10;MBO niveau 1;veel;1;;VI\n"
        "2018-2020;10;MBO niveau 2;100;1;1,00;VI\n"
        "2018-2019;77;MBO niveau 3;10;1;;XX\n"
    )
    result = read_vsv_file((head + rows).encode())
    assert [(e.line, e.column) for e in result.errors] == [
        (2, "AANTAL DEELNEMERS"),
        (3, "SCHOOLJAAR"),
        (4, "RMC-REGIO CODE"),
        (4, "STATUS"),
    ]


def test_unknown_category_is_listed_and_the_row_left_out(regions):
    data = "SCHOOLJAAR;RMC-REGIO CODE;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;STATUS\n"
    data += "2018-2019;10;Praktijkonderwijs;500;3;VI\n2018-2019;10;MBO niveau 1;240;43;VI\n"
    result = read_vsv_file(data.encode())
    assert result.ok and result.rows_rejected == 1
    assert [row.category_code for row in result.rows] == ["mbo-niveau-1"]
    assert result.rows[0].percentage == Decimal("17.92")  # computed when the file has no percentage
    assert "Onbekende categorie 'Praktijkonderwijs'" in result.warnings[0].message


def test_aliases_are_data_an_admin_extends(regions):
    data = b"PERIODE;RMC;CAT;N;UITVALLERS;STATUS\n2018-2019;10;Entreeopleiding mbo;240;43;VI\n"
    assert not read_vsv_file(data).ok
    for alias, field in [("periode", "school_year"), ("rmc", "region_code"), ("cat", "category"),
                         ("n", "participants"), ("Uitvallers", "dropouts")]:  # fmt: skip
        ColumnAlias.objects.create(alias=alias, field=field)
    CategoryAlias.objects.create(alias="ENTREEOPLEIDING_MBO", category_id="mbo-niveau-1")
    result = read_vsv_file(data)
    assert result.errors == []
    assert [(row.category_code, row.dropouts) for row in result.rows] == [("mbo-niveau-1", 43)]


def test_reading_writes_nothing_and_costs_a_fixed_number_of_queries(data_file, regions, django_assert_num_queries):
    with django_assert_num_queries(4):  # column aliases, categories, category aliases, regions
        read_vsv_file(data_file("duo/vsv_utf8_bom.csv"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-2020", "2019-2020"),
        ("2019/2020", "2019-2020"),
        ("2019 - 2020", "2019-2020"),
        ("2019-20", "2019-2020"),
        ("2019-2021", None),
        ("2019", None),
        ("", None),
    ],  # fmt: skip
)
def test_school_year_notations(text, expected):
    assert parse_school_year(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10", "10"),
        ("010", "10"),
        ("REGIO 10", "10"),
        ("RMC-regio 10", "10"),
        ("1", "01"),
        ("0", None),
        ("tien", None),
    ],  # fmt: skip
)
def test_region_code_notations(text, expected):
    assert parse_region_code(text) == expected


def test_dutch_numbers():
    assert parse_count("10.492") == 10492 and parse_count("23") == 23 and parse_count("") is None
    assert parse_percentage("4,47") == Decimal("4.47") == parse_percentage("4,47%") == parse_percentage("4.47")
    assert parse_percentage("0.00") == Decimal("0") and parse_percentage("0,2") == Decimal("0.2")
    assert parse_percentage("1.234,5") == Decimal("1234.5")
    for bad in ("10,5", "1.23", "veel"):
        with pytest.raises(ValueError):
            parse_count(bad)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 dit is geen echt Excelbestand", "Het Excelbestand kan niet worden gelezen; is het beschadigd?"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Dit is een oud Excelbestand (.xls)."),
        (b"SCHOOLJAAR|RMC-REGIO CODE|NORMCATEGORIE\n2018-2019|10|MBO niveau 1\n", "Geen scheidingsteken gevonden"),
        (b"SCHOOLJAAR;RMC-REGIO CODE;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;STATUS\r\n", "alleen een kopregel"),
    ],
)
def test_files_that_are_not_a_table_of_figures(data, message, regions):
    result = read_vsv_file(data)
    assert len(result.errors) == 1 and message in result.errors[0].message
    assert result.rows == []


def test_a_long_list_of_errors_is_cut_off_with_a_count(regions):
    head = "SCHOOLJAAR;RMC-REGIO CODE;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;STATUS\n"
    body = "".join(f"2018-2019;99;MBO niveau 1;{n};1;VI\n" for n in range(100, 700))
    result = read_vsv_file((head + body).encode())
    errors = result.problems.error_dicts()
    assert len(errors) == 501
    assert errors[-1]["message"] == "… en nog 100 meldingen van dezelfde soort."


def test_one_year_later_file_with_categories_uses_only_the_total(regions):
    data = (
        "SCHOOLJAAR;RMC-REGIO CODE;CATEGORIE;STARTPOPULATIE;AANTAL VSV;"
        "AANTAL TERUG IN ONDERWIJS;AANTAL WERKEND;STATUS\n"
        "2018-2019;10;Totaal VO;26.000;100;40;30;VI\n"
        "2018-2019;10;Totaal;40.011;608;164;216;VI\n"
        "2019-2020;10;;40.120;621;186;205;DI\n"
    )
    result = read_vsv_file(data.encode())
    assert result.errors == [] and result.rows_skipped == 1
    assert [(row.school_year, row.dropouts, row.status) for row in result.rows] == [
        ("2018-2019", 608, "voorlopig"),
        ("2019-2020", 621, "definitief"),
    ]
