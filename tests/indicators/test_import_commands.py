"""`import_duo` and `import_regions` on the command line, and the import runs they record."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from indicators.importers import runs
from indicators.models import Figure, ImportRun
from projects.models import Municipality, Region

DATA = "tests/data/"


def _call(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_dry_run_reports_rows_and_writes_nothing(regions):
    output = _call("import_duo", DATA + "duo/vsv_utf8_bom.csv", "--dry-run")
    assert "12 regels gelezen, 11 te laden, 1 overgeslagen (geen eigen categorie), 0 afgekeurd" in output
    assert "2018-2019 voorlopig: 11 rijen" in output
    assert "Het bestand is in orde" in output
    assert ImportRun.objects.count() == 0


def test_dry_run_of_a_broken_file_lists_the_problems_and_fails(regions):
    out = StringIO()
    with pytest.raises(CommandError, match="afgekeurd"):
        call_command("import_duo", DATA + "duo/broken_percentage.csv", "--dry-run", stdout=out)
    assert "regel 3, kolom VSV-PERCENTAGE: Het vsv-percentage 4,70 klopt niet" in out.getvalue()
    assert ImportRun.objects.count() == 0


def test_options_fill_what_the_file_does_not_say(regions):
    with pytest.raises(CommandError):
        _call("import_duo", DATA + "duo/vsv_seed004_bijlage1.csv", "--dry-run")
    output = _call("import_duo", DATA + "duo/vsv_seed004_bijlage1.csv", "--dry-run", "--status", "voorlopig")
    assert "2018-2019 voorlopig: 9 rijen" in output


def test_import_loads_every_region_and_records_the_run(kpis):
    output = _call("import_duo", DATA + "duo/vsv_utf8_bom.csv", "--schooljaar", "2018-2019")
    run = ImportRun.objects.get()
    assert f"Import {run.pk}: geslaagd. Gelezen: 12; nieuw: 11; gewijzigd: 0; ongewijzigd: 0; overgeslagen: 1" in output
    assert (run.kind, run.source, run.status, run.programme) == ("vsv-cijfers", "opdracht", "geslaagd", None)
    assert (run.rows_read, run.rows_skipped, run.school_year) == (12, 1, "2018-2019")
    assert run.file.read().startswith(b"\xef\xbb\xbfSCHOOLJAAR")
    # Region 04 is not the programme's region, but the command runs as the data stewards: every area is stored.
    friesland = Figure.objects.get(area_code="04", category_id="mbo-niveau-1")
    assert (friesland.value, friesland.numerator, friesland.denominator) == (Decimal("16.35"), 51, 312)
    assert friesland.import_run == run and friesland.source == Figure.Source.IMPORT


def test_a_broken_file_records_its_errors_on_the_run(regions):
    with pytest.raises(CommandError):
        _call("import_duo", DATA + "duo/broken_unknown_region.csv")
    run = ImportRun.objects.get()
    assert run.status == "mislukt" and run.summary == "Niets geïmporteerd: 1 fout(en) in het bestand."
    assert run.errors == [
        {
            "line": 3,
            "column": "RMC-REGIO CODE",
            "message": "Onbekende RMC-regio 99. Importeer eerst de regio's (adressenbestand van DUO).",
            "level": "fout",
        }
    ]


def test_the_same_file_twice_is_already_imported_and_changes_nothing(regions, data_file):
    data = data_file("duo/vsv_utf8_bom.csv")
    earlier = runs.import_run_create(
        kind=ImportRun.Kind.FIGURES, data=data, file_name="vsv.csv", source=ImportRun.Source.COMMAND
    )
    ImportRun.objects.filter(pk=earlier.pk).update(status=ImportRun.Status.SUCCEEDED, finished_at=earlier.created_at)
    output = _call("import_duo", DATA + "duo/vsv_utf8_bom.csv")
    assert output.startswith("Dit bestand is al geïmporteerd op ")
    assert "er verandert niets" in output
    assert ImportRun.objects.count() == 1
    # A run queued before the first one finished is refused when it runs, never applied twice.
    late = runs.import_run_create(
        kind=ImportRun.Kind.FIGURES, data=data, file_name="vsv.csv", source=ImportRun.Source.SCHEDULED
    )
    late = runs.import_run_execute(run=late)
    assert late.status == "mislukt" and "al geïmporteerd op" in late.errors[0]["message"]


def test_a_finished_run_is_not_executed_again(regions, data_file):
    run = runs.import_run_create(
        kind=ImportRun.Kind.FIGURES,
        data=data_file("duo/broken_duplicate.csv"),
        file_name="x.csv",
        source=ImportRun.Source.COMMAND,
    )
    run = runs.import_run_execute(run=run)
    finished_at = run.finished_at
    assert runs.import_run_execute(run=run).finished_at == finished_at


def test_import_regions_prints_counts_and_is_rerunnable(db):
    output = _call("import_regions", DATA + "regions/adressen_po_2013_fragment.csv")
    assert output.startswith("4 regio's, 7 gemeenten (regio's: 4 nieuw")
    output = _call("import_regions", DATA + "regions/adressen_po_2013_fragment.csv")
    assert "regio's: 0 nieuw, 0 hernoemd; gemeenten: 0 nieuw, 0 naar een andere regio, 0 hernoemd" in output
    runs = ImportRun.objects.filter(kind=ImportRun.Kind.REGIONS, status=ImportRun.Status.SUCCEEDED)
    assert runs.count() == 2 and runs.first().rows_unchanged == 11


def test_import_regions_refuses_a_broken_file_and_changes_nothing(db):
    _call("import_regions", DATA + "regions/adressen_utf8_tab.tsv")
    before = list(Municipality.objects.values_list("code", "region__code")), Region.objects.count()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_regions", DATA + "regions/broken_two_regions.csv", stdout=out)
    assert "regel 4, kolom RMC-REGIO CODE: Gemeente 0193 ZWOLLE staat hier in regio 11" in out.getvalue()
    assert (list(Municipality.objects.values_list("code", "region__code")), Region.objects.count()) == before


def test_missing_file_is_a_clear_error(db):
    with pytest.raises(CommandError, match="Kan bestaat-niet.csv niet lezen"):
        _call("import_regions", "bestaat-niet.csv")
