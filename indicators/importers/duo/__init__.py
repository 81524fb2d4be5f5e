"""DUO's VSV figures per area (nation, RMC region, municipality), category, school year and breakdown: read a file
into validated rows, then load them as shared figures.

    result = read_vsv_file(data)          # bytes of a CSV or XLSX file; no writes, a fixed number of queries
    if result.ok: load_rows(run, result.rows)

Every row is checked before anything is written; any error refuses the whole file, and every problem is
listed with its line number and column. Warnings (masked counts, a region name that differs from ours) are
listed but do not block. Header and category spellings come from ColumnAlias and CategoryAlias (admin).

"One year later" files (seed 004, Tabel 4: startpopulatie, vsv'ers, terug in onderwijs, werkend) are
recognised by their AANTAL TERUG IN ONDERWIJS column; each row yields the two terugkeer categories.

cells.py parses one cell, rows.py holds what a file reads to, reader.py reads and checks a file, loader.py
stores the rows. This package re-exports what callers use, so `duo.read_vsv_file(...)` is the way in.
"""

from .cells import Masked, parse_count, parse_percentage, parse_region_cell, parse_region_code, parse_school_year
from .loader import LoadCounts, batch_size, load_rows
from .reader import known_regions, read_vsv_file
from .rows import (
    ONE_YEAR_LATER,
    RETURN_TO_SCHOOL,
    RETURN_TO_WORK,
    STATUS_WORDS,
    TOTAL,
    FigureValue,
    ReadResult,
    VsvRow,
)

__all__ = [
    "ONE_YEAR_LATER",
    "RETURN_TO_SCHOOL",
    "RETURN_TO_WORK",
    "STATUS_WORDS",
    "TOTAL",
    "FigureValue",
    "LoadCounts",
    "Masked",
    "ReadResult",
    "VsvRow",
    "batch_size",
    "known_regions",
    "load_rows",
    "parse_count",
    "parse_percentage",
    "parse_region_cell",
    "parse_region_code",
    "parse_school_year",
    "read_vsv_file",
]
