"""Periods, in one place: school years (with DUO's peildatum), half-years of the plan cycle, quarters of the
progress reports. Pure Python, no ORM: models, forms, importers and pages all ask here.

- School years ("2020-2021") and DUO peildata, in one place. Pure Python: the KPI forms and the DUO importer use it.
- Half-year periods ("2025-H1"): the one place that knows how to parse them and where they start and end.
- Quarters ("2026-K4"): the one place that parses them and knows where they start and end. Pure: no ORM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# School years
_SCHOOL_YEAR_PATTERN = re.compile(r"^\s*(\d{4})\s*[-/–—]\s*(\d{4}|\d{2})\s*$")
FIRST, LAST = 1990, 2100
PEILDATUM_DAY, PEILDATUM_MONTH = 1, 10


@dataclass(frozen=True, order=True)
class SchoolYear:
    start: int

    def __post_init__(self):
        if not FIRST <= self.start < LAST:
            raise ValueError(f"school year out of range: {self.start}")

    @classmethod
    def parse(cls, text) -> SchoolYear:
        """Read "2020-2021", "2020/2021", "2020 - 2021", "2020–2021" or "2020-21"; the second year must follow."""
        if isinstance(text, SchoolYear):
            return text
        match = _SCHOOL_YEAR_PATTERN.match(str(text or ""))
        if not match:
            raise ValueError(f"not a school year: {text!r}")
        start, end = int(match[1]), int(match[2])
        if len(match[2]) == 2:  # "2019-20"
            end += start - start % 100 + (100 if end < start % 100 else 0)
        if end != start + 1:
            raise ValueError(f"the second year does not follow the first: {text!r}")
        return cls(start)

    @classmethod
    def measured_on(cls, peildatum: date | int) -> SchoolYear:
        """The school year whose figure is fixed on this peildatum (1-10-2021 → 2020-2021).

        A bare year means 1 October of that year. A date before 1 October falls in the school year before.
        """
        if isinstance(peildatum, int):
            return cls(peildatum - 1)
        if (peildatum.month, peildatum.day) >= (PEILDATUM_MONTH, PEILDATUM_DAY):
            return cls(peildatum.year - 1)
        return cls(peildatum.year - 2)

    @property
    def end(self) -> int:
        return self.start + 1

    @property
    def peildatum(self) -> date:
        """1 October after the school year: the date the seed's streefpercentages are labelled with."""
        return date(self.end, PEILDATUM_MONTH, PEILDATUM_DAY)

    @property
    def peildatum_label(self) -> str:
        return f"{PEILDATUM_DAY}-{PEILDATUM_MONTH}-{self.end}"

    def previous(self) -> SchoolYear:
        return SchoolYear(self.start - 1)

    def next(self) -> SchoolYear:
        return SchoolYear(self.start + 1)

    def __str__(self) -> str:
        return f"{self.start}-{self.end}"


def normalise_school_year(text) -> str:
    """The stored form "2020-2021" of any accepted spelling; ValueError otherwise."""
    return str(SchoolYear.parse(text))


def validate_school_year(value) -> None:
    """Model-field validator: only the stored form "2020-2021" is valid."""
    try:
        year = SchoolYear.parse(value)
    except ValueError as exc:
        raise ValidationError(
            _("Vul een schooljaar in als 2020-2021."), code="invalid_school_year", params={"value": value}
        ) from exc
    if str(year) != value:
        raise ValidationError(_("Vul een schooljaar in als 2020-2021."), code="invalid_school_year")


# Half-years of the plan cycle
_HALF_YEAR_PATTERN = re.compile(r"^(?P<year>\d{4})-H(?P<half>[12])$")


@dataclass(frozen=True, order=True)
class HalfYear:
    year: int
    half: int

    def __post_init__(self):
        if self.half not in (1, 2):
            raise ValueError(f"half must be 1 or 2, not {self.half!r}")
        if not 1900 <= self.year <= 2999:
            raise ValueError(f"year out of range: {self.year!r}")

    @classmethod
    def parse(cls, value: str | HalfYear) -> HalfYear:
        if isinstance(value, HalfYear):
            return value
        match = _HALF_YEAR_PATTERN.match(str(value).strip().upper())
        if not match:
            raise ValueError(f"not a half-year period: {value!r}")
        return cls(int(match["year"]), int(match["half"]))

    @classmethod
    def for_date(cls, day: date) -> HalfYear:
        return cls(day.year, 1 if day.month <= 6 else 2)

    def __str__(self) -> str:
        return f"{self.year}-H{self.half}"

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def label(self) -> str:
        """Dutch label: "1e halfjaar 2025"."""
        return f"{self.half}e halfjaar {self.year}"

    def next(self) -> HalfYear:
        return HalfYear(self.year, 2) if self.half == 1 else HalfYear(self.year + 1, 1)

    def previous(self) -> HalfYear:
        return HalfYear(self.year, 1) if self.half == 2 else HalfYear(self.year - 1, 2)

    def __add__(self, steps: int) -> HalfYear:
        index = self.year * 2 + (self.half - 1) + steps
        return HalfYear(index // 2, index % 2 + 1)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def month_end(self, month: int) -> date:
        """The last day of the n-th month (1–6) of the half-year."""
        if not 1 <= month <= 6:
            raise ValueError("month must be 1-6")
        calendar_month = month + (0 if self.half == 1 else 6)
        if calendar_month == 12:
            return date(self.year, 12, 31)
        return date(self.year, calendar_month + 1, 1) - timedelta(days=1)


def validate_period(value: str) -> None:
    """Model/form validator for a period string."""
    try:
        HalfYear.parse(value)
    except ValueError as exc:
        raise ValidationError(
            _("Een periode heeft de vorm 2025-H1 (eerste halfjaar) of 2025-H2 (tweede halfjaar)."), code="period"
        ) from exc


# Quarters of the progress reports
_QUARTER_PATTERN = re.compile(r"^(?P<year>\d{4})-K(?P<quarter>[1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    def __post_init__(self):
        if self.quarter not in (1, 2, 3, 4):
            raise ValueError(f"quarter must be 1-4, not {self.quarter!r}")
        if not 1900 <= self.year <= 2999:
            raise ValueError(f"year out of range: {self.year!r}")

    @classmethod
    def parse(cls, value: str | Quarter) -> Quarter:
        if isinstance(value, Quarter):
            return value
        match = _QUARTER_PATTERN.match(str(value).strip().upper())
        if not match:
            raise ValueError(f"not a quarter: {value!r}")
        return cls(int(match["year"]), int(match["quarter"]))

    @classmethod
    def for_date(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def __str__(self) -> str:
        return f"{self.year}-K{self.quarter}"

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    @property
    def label(self) -> str:
        """Dutch label: "4e kwartaal 2026"."""
        return f"{self.quarter}e kwartaal {self.year}"

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.quarter == 4 else Quarter(self.year, self.quarter + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.quarter == 1 else Quarter(self.year, self.quarter - 1)


def validate_quarter(value: str) -> None:
    try:
        Quarter.parse(value)
    except ValueError as exc:
        raise ValidationError(
            _("Een kwartaal heeft de vorm 2026-K4 (jaar, K, kwartaal 1 tot en met 4)."), code="quarter"
        ) from exc
