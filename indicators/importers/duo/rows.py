"""What reading a DUO file of VSV figures gives: a VsvRow per area × category × school year × breakdown, the
FigureValues each row yields for the loader, and the ReadResult of a whole file; with the fixed words of
DUO's files (STATUS_WORDS) and the category codes of rows that are not a normcategorie (ONE_YEAR_LATER,
TOTAL, the two terugkeer categories). Pure Python: no database, no file.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ...areas import Area
from ...figures import TWO_PLACES, percentage_of
from ..tabular import CheckedResult, Problems

ONE_YEAR_LATER = "een-jaar-later"  # category of a row of a "one year later" file
TOTAL = "totaal"
RETURN_TO_SCHOOL = "terugkeer-school"
RETURN_TO_WORK = "terugkeer-werk"

# The words DUO uses for the status of a figure. Few and fixed, unlike the column and category names.
STATUS_WORDS = {
    "VOORLOPIG": "voorlopig",
    "VI": "voorlopig",
    "V": "voorlopig",
    "VOORLOPIGE CIJFERS": "voorlopig",
    "DEFINITIEF": "definitief",
    "DI": "definitief",
    "D": "definitief",
    "DEFINITIEVE CIJFERS": "definitief",
    "NIET VERMELD": "niet-vermeld",  # a source that does not say (seed 004's Tabel 2 and 3)
}


@dataclass(frozen=True, slots=True)
class FigureValue:
    """What the loader stores for one category × area × school year × breakdown (numerator/denominator where DUO
    gives them, so a masked count stays unknown)."""

    category_code: str
    area: Area
    school_year: str
    status: str
    value_pct: Decimal | None
    numerator: int | None
    denominator: int | None
    line: int
    note: str = ""
    breakdown: str = ""  # "" (the category total), "leerweg", "geslacht", "leeftijd"
    breakdown_value: str = ""

    @property
    def key(self) -> tuple:
        return (
            self.category_code,
            self.area.kind,
            self.area.code,
            self.school_year,
            self.breakdown,
            self.breakdown_value,
        )


@dataclass(frozen=True, slots=True)
class VsvRow:
    line: int
    area: Area  # the nation, a region (code as our Region has it) or a municipality
    category_code: str  # Category code, or ONE_YEAR_LATER
    school_year: str  # "2019-2020"
    status: str  # "voorlopig" / "definitief"
    participants: int | None  # deelnemers (startpopulatie in "one year later" files); None = unknown
    dropouts: int | None  # vsv'ers; None = unknown
    percentage: Decimal | None  # vsv-percentage, 3.70 for 3,70%
    back_in_education: int | None = None  # "one year later" files only
    working: int | None = None
    share_back_in_education: Decimal | None = None  # as published (whole percentages); else computed
    share_working: Decimal | None = None
    note: str = ""  # a BRON column: where the figure comes from
    breakdown: str = ""  # the dimension of a breakdown row ("leerweg"); "" for a category total
    breakdown_value: str = ""  # "Bbl3", "Havo 4-5", "man", "18-"

    @property
    def key(self) -> tuple:
        return (self.area, self.category_code, self.school_year, self.breakdown, self.breakdown_value)

    def figure_values(self) -> list[FigureValue]:
        """The figures this row gives: its category, or for a "one year later" row the share of vsv'ers back in
        education and the share working."""
        common = {
            "area": self.area,
            "school_year": self.school_year,
            "status": self.status,
            "note": self.note,
            "breakdown": self.breakdown,
            "breakdown_value": self.breakdown_value,
        }
        if self.category_code != ONE_YEAR_LATER:
            return [
                FigureValue(
                    self.category_code,
                    value_pct=None if self.percentage is None else self.percentage.quantize(TWO_PLACES, ROUND_HALF_UP),
                    numerator=self.dropouts,
                    denominator=self.participants,
                    line=self.line,
                    **common,
                )
            ]
        return [
            FigureValue(
                code,
                value_pct=share.quantize(TWO_PLACES, ROUND_HALF_UP)
                if share is not None
                else percentage_of(part, self.dropouts),
                numerator=part,
                denominator=self.dropouts,
                line=self.line,
                **common,
            )
            for code, part, share in (
                (RETURN_TO_SCHOOL, self.back_in_education, self.share_back_in_education),
                (RETURN_TO_WORK, self.working, self.share_working),
            )
        ]


@dataclass
class ReadResult(CheckedResult):
    rows: list[VsvRow] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    rows_read: int = 0
    rows_skipped: int = 0  # rows of names that are no category of their own ("MBO onbekend")
    rows_rejected: int = 0  # rows with an error or an unknown category
    file_format: str = ""
    one_year_later: bool = False
    breakdown: str = ""  # the breakdown dimension of the file, if it has one
    derived_totals: int = 0  # category totals computed from the breakdown rows (the file gave none)

    def summary_by_year(self) -> list[tuple[str, str, int]]:
        """(school year, status, rows) for a preview."""
        counts = Counter((row.school_year, row.status) for row in self.rows)
        return [(year, status, count) for (year, status), count in sorted(counts.items())]
