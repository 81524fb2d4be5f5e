#!/usr/bin/env python
"""Benchmark of the DUO figures reader (not a test): rows per second next to plain `csv` parsing.

Generates a national-size file (40 RMC regions × 10 school years × all categories, with DUO's subtotal
rows) and one 100× larger (400 regions × 100 school years) in a temporary folder, then reads each with
`indicators.importers.duo.read_vsv_file` and with a bare `csv.reader`, and prints both speeds and their
ratio. The national file is then loaded into the shared figures (`load_rows`, every region, as the data stewards'
run) and the queries per batch are printed: a fixed number, whatever the number of rows.
Runs against a throw-away in-memory SQLite database, so it touches no real data.

    .venv/bin/python scripts/bench_duo_import.py [--repeat 3]
"""

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "vsvplan.settings.test"
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from indicators.demo.loader import load_indicators  # noqa: E402
from indicators.importers.duo import batch_size, load_rows, read_vsv_file  # noqa: E402
from indicators.models import ImportRun  # noqa: E402
from projects.models import Programme, Region  # noqa: E402

REGION_CODES = [f"{number:02d}" for number in range(1, 42) if number != 14]  # 40 regions today
MANY_REGION_CODES = [f"{number:02d}" for number in range(1, 401)]
CATEGORIES = [
    "Onderbouw VO",
    "Bovenbouw vmbo",
    "Bovenbouw havo/vwo",
    "Totaal VO",
    "MBO niveau 1",
    "MBO niveau 2",
    "MBO niveau 3",
    "MBO niveau 4",
    "Totaal MBO",
]
HEADER = "SCHOOLJAAR;RMC-REGIO CODE;RMC-REGIO NAAM;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;VSV-PERCENTAGE;STATUS"


def dutch(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def generate(path: Path, regions: list[str], years: int) -> int:
    lines = [HEADER]
    for offset in range(years):
        year = f"{1990 + offset}-{1991 + offset}"
        for region in regions:
            for index, category in enumerate(CATEGORIES):
                participants = 1000 + 37 * index + 13 * int(region) + offset % 97
                dropouts = (participants * (index + 1)) // 400
                percentage = f"{dropouts * 100 / participants:.2f}".replace(".", ",")
                counts = f"{dutch(participants)};{dropouts};{percentage}"
                lines.append(f"{year};{region};Regio {region};{category};{counts};DEFINITIEF")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    return len(lines) - 1


def plain_csv(data: bytes) -> int:
    return sum(1 for _row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")) - 1


def best_of(repeat, function, *args):
    best = None
    for _attempt in range(repeat):
        start = time.perf_counter()
        result = function(*args)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="take the best of this many runs (default 3)")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    Region.objects.bulk_create([Region(code=code, name=f"Regio {code}") for code in MANY_REGION_CODES])
    programme = Programme.objects.create(
        region=Region.objects.get(code="10"), title="Benchmark", first_year=2020, last_year=2024
    )
    load_indicators(programme)

    with tempfile.TemporaryDirectory() as folder:
        print(
            f"{'bestand':<12}{'rijen':>10}{'csv rijen/s':>16}{'importer rijen/s':>20}{'verhouding':>12}{'queries':>9}"
        )
        national = None
        for label, regions, years in (("landelijk", REGION_CODES, 10), ("100x", MANY_REGION_CODES, 100)):
            path = Path(folder) / f"vsv_{label}.csv"
            rows = generate(path, regions, years)
            data = path.read_bytes()
            csv_time, csv_rows = best_of(args.repeat, plain_csv, data)
            with CaptureQueriesContext(connection) as queries:
                reader_time, result = best_of(args.repeat, read_vsv_file, data)
            assert result.ok, result.errors[:3]
            assert csv_rows == rows == result.rows_read
            print(
                f"{label:<12}{rows:>10,}{rows / csv_time:>16,.0f}{rows / reader_time:>20,.0f}"
                f"{reader_time / csv_time:>11.1f}x{len(queries) // args.repeat:>9}"
            )
            national = national or result
        print("verhouding = tijd van de importer / tijd van alleen csv-parsen; queries per leesbeurt.")
        run = ImportRun.objects.create(kind=ImportRun.Kind.FIGURES, source=ImportRun.Source.COMMAND, checksum="x")
        size = batch_size()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            with transaction.atomic():
                counts = load_rows(run, national.rows)
            elapsed = time.perf_counter() - start
        batches = -(-(counts.created + counts.updated + counts.unchanged) // size)
        print(
            f"laden landelijk: {counts.created:,} cijfers in {elapsed:.1f} s ({counts.created / elapsed:,.0f}/s); "
            f"{len(queries)} queries in {batches} batches van {size} (2 vooraf + ten hoogste 5 per batch)"
        )


if __name__ == "__main__":
    main()
