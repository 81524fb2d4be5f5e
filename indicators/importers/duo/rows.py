"""What reading a DUO file of VSV figures gives: a VsvRow per region × category × school year, the
IndicatorValues each row yields for the loader, and the ReadResult of a whole file; with the fixed words of
DUO's files (STATUS_WORDS) and the category codes of rows that are not a normcategorie (ONE_YEAR_LATER,
TOTAL, the two terugkeer indicators). Pure Python: no database, no file.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

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
class IndicatorValue:
    """What the loader stores for one indicator × region × school year (numerator/denominator where DUO gives
    them, so a masked count stays unknown)."""

    indicator_code: str
    region_code: str
    school_year: str
    status: str
    value_pct: Decimal | None
    numerator: int | None
    denominator: int | None
    line: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class VsvRow:
    line: int
    region_code: str  # as our Region has it
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

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.region_code, self.category_code, self.school_year)

    def indicator_values(self) -> list[IndicatorValue]:
        """The indicator values this row gives: its category, or for a "one year later" row the share of
        vsv'ers back in education and the share working."""
        common = {
            "region_code": self.region_code,
            "school_year": self.school_year,
            "status": self.status,
            "note": self.note,
        }
        if self.category_code != ONE_YEAR_LATER:
            return [
                IndicatorValue(
                    self.category_code,
                    value_pct=None if self.percentage is None else self.percentage.quantize(TWO_PLACES, ROUND_HALF_UP),
                    numerator=self.dropouts,
                    denominator=self.participants,
                    line=self.line,
                    **common,
                )
            ]
        return [
            IndicatorValue(
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
    rows_skipped: int = 0  # subtotals and categories that are known but not loaded
    rows_rejected: int = 0  # rows with an error or an unknown category
    file_format: str = ""
    one_year_later: bool = False

    def summary_by_year(self) -> list[tuple[str, str, int]]:
        """(school year, status, rows) for a preview."""
        counts = Counter((row.school_year, row.status) for row in self.rows)
        return [(year, status, count) for (year, status), count in sorted(counts.items())]
