"""Loading DUO figures into the shared figures: every area and category in the file (whether or not a KPI follows
it), provenance, revisions in the history, re-import is a no-op, a broken file changes nothing, and a fixed
number of queries per batch."""

import dataclasses
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.areas import Area
from indicators.importers import duo, runs
from indicators.models import Figure, ImportRun


def _import(data_file, name, **options):
    run = runs.import_run_create(
        kind=ImportRun.Kind.FIGURES, data=data_file(name), file_name=name, source=ImportRun.Source.COMMAND, **options
    )
    return runs.import_run_execute(run=run)


def _snapshot():
    figures = list(Figure.objects.order_by("pk").values_list("pk", "value", "finality", "version"))
    return figures, Figure.history.count()


def test_figures_land_for_every_region_with_their_run_as_provenance(kpis, data_file):
    run = _import(data_file, "duo/vsv_utf8_bom.csv")
    # Nine normcategorie figures and region 10's Totaal VO and Totaal MBO, stored as categories of their own.
    assert (run.status, run.rows_created, run.rows_updated, run.rows_unchanged) == ("geslaagd", 11, 0, 0)
    assert set(Figure.objects.values_list("area_kind", "area_code")) == {("regio", "10"), ("regio", "04")}
    assert Figure.objects.filter(category_id="totaal-mbo", area_code="10").get().value == Decimal("4.76")
    figure = Figure.objects.get(area_code="10", category_id="vo-onderbouw")
    assert (figure.value, figure.numerator, figure.denominator, figure.finality) == (
        Decimal("0.17"),
        23,
        13405,
        "voorlopig",
    )
    assert figure.import_run == run and f"DUO-import #{run.pk}, vsv_utf8_bom.csv, regel 2" in figure.source_detail
    assert figure.history.get().history_change_reason == f"DUO-import #{run.pk}"


def test_provisional_to_definitive_is_a_revision_kept_in_the_history(kpis, data_file):
    first = _import(data_file, "duo/vsv_utf8_bom.csv")
    second = _import(data_file, "duo/vsv_definitief.csv")
    # Onderbouw: same figure, now definitive; MBO 4: corrected; Fryslân: the same provisional figure again.
    assert (second.status, second.rows_created, second.rows_updated, second.rows_unchanged) == ("geslaagd", 0, 2, 1)
    figure = Figure.objects.get(area_code="10", category_id="mbo-niveau-4")
    assert (figure.value, figure.numerator, figure.finality, figure.import_run) == (
        Decimal("3.62"),
        275,
        "definitief",
        second,
    )
    old, new = figure.history.order_by("history_date", "history_id")
    assert (old.value, old.finality, old.import_run_id) == (Decimal("3.70"), "voorlopig", first.pk)
    assert (new.value, new.finality, new.import_run_id) == (Decimal("3.62"), "definitief", second.pk)
    assert new.history_change_reason == f"DUO-import #{second.pk}"
    unchanged = Figure.objects.get(area_code="04", category_id="mbo-niveau-1")
    assert unchanged.import_run == first and unchanged.history.count() == 1


def test_the_same_file_again_changes_nothing(kpis, data_file):
    first = _import(data_file, "duo/vsv_utf8_bom.csv")
    before = _snapshot()
    again = _import(data_file, "duo/vsv_utf8_bom.csv")
    assert again.status == "mislukt" and "al geïmporteerd op" in again.errors[0]["message"]
    assert f"(import {first.pk})" in again.errors[0]["message"]
    assert _snapshot() == before
    # The same figures in another spelling (Windows-1252, commas, other headers) are all unchanged.
    other = _import(data_file, "duo/vsv_cp1252_komma.csv")
    assert (other.status, other.rows_created, other.rows_updated) == ("geslaagd", 0, 0)
    assert other.rows_unchanged == 11 and _snapshot() == before


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("duo/broken_empty.csv", "Het bestand is leeg."),
        ("duo/broken_binary.csv", "Dit is geen CSV- of Excelbestand"),
        ("duo/broken_separator.csv", "scheidingsteken"),
        ("duo/broken_missing_column.csv", "De kolom 'aantal vsv'ers' ontbreekt"),
        ("duo/broken_unknown_region.csv", "Onbekende RMC-regio 99"),
        ("duo/broken_percentage.csv", "Het vsv-percentage 4,70 klopt niet met 281 vsv'ers van 7.595"),
        ("duo/broken_duplicate.csv", "Dubbel: regio 10, vo-onderbouw, schooljaar 2018-2019 staat ook op regel 2"),
        ("duo/broken_text_in_number.csv", "'veel' is geen getal"),
    ],
)
def test_a_broken_file_fails_whole_and_leaves_the_database_as_it_was(kpis, data_file, name, message):
    _import(data_file, "duo/vsv_utf8_bom.csv")
    before = _snapshot()
    run = _import(data_file, name)
    assert run.status == "mislukt" and (run.rows_created, run.rows_updated) == (0, 0)
    assert any(message in error["message"] for error in run.errors), run.errors
    assert _snapshot() == before


def test_a_masked_count_stays_unknown_never_zero(kpis, data_file):
    run = _import(data_file, "duo/vsv_masked.csv")
    assert run.status == "geslaagd" and "afgeschermd ('<5'): onbekend, niet nul" in run.warnings[0]["message"]
    # Niveau 1 and 2 have no percentage and a masked count: unknown, so no figure (and certainly not 0%).
    assert list(Figure.objects.values_list("category_id", "value")) == [("mbo-niveau-3", Decimal("3.49"))]


def _rows(count):
    """`count` valid rows for region 10: the seven categories over as many school years as needed."""
    codes = ["vo-onderbouw", "vo-bovenbouw-vmbo", "vo-bovenbouw-havo-vwo"] + [f"mbo-niveau-{n}" for n in range(1, 5)]
    return [
        duo.VsvRow(
            n + 2,
            Area.region("10"),
            codes[n % 7],
            f"{2000 + n // 7}-{2001 + n // 7}",
            "voorlopig",
            1000,
            10,
            Decimal("1"),
        )
        for n in range(count)
    ]


def test_loading_costs_a_fixed_number_of_queries_per_batch_not_per_row(kpis):
    run = runs.import_run_create(
        kind=ImportRun.Kind.FIGURES, data=b"x", file_name="x.csv", source=ImportRun.Source.COMMAND
    )

    def queries(count):
        Figure.objects.all().delete()
        with CaptureQueriesContext(connection) as created:
            duo.load_rows(run, _rows(count), size=10)
        revised = [dataclasses.replace(row, status="definitief") for row in _rows(count)]
        with CaptureQueriesContext(connection) as updated:
            duo.load_rows(run, revised, size=10)
        return len(created), len(updated)

    one, two, four = queries(10), queries(20), queries(40)
    assert Figure.objects.count() == 40 and not Figure.objects.exclude(finality="definitief").exists()
    for first, second, third in zip(one, two, four, strict=True):
        per_batch = second - first
        assert 0 < per_batch <= 5  # read existing, insert, insert history (or update, insert history)
        # (and two for the whole load: the built-in categories present, the categories of the rows)
        assert third - second == 2 * per_batch
