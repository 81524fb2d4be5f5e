"""Periods, in one place: school years (with DUO's peildatum), half-years of the plan cycle, quarters of the
progress reports and budget years. Pure Python, no ORM: models, forms, importers and pages all ask here.

Every kind is a run of whole months of one fixed length, so they share one base (`_Period`) that knows
start and end (inclusive dates), which period a day falls in, the next and previous one, ordering and
ranges. A kind only says how long it is, in which month it starts, how it is written and how it is read:

- `SchoolYear` ("2020-2021"): DUO's convenantjaar, 1 October 2020 – 30 September 2021. Its figure is fixed
  on the peildatum the day after it ends (1-10-2021), so the figure with peildatum 1-10-2021 is 2020-2021.
  (The legal school year runs 1 August – 31 July; nothing in vsvplan measures by it.)
- `HalfYear` ("2025-H1"): a half-year of the plan cycle, January–June or July–December.
- `Quarter` ("2026-K4"): a quarter of the progress reports.
- `BudgetYear` ("2024"): a calendar year of the budget, 1 January – 31 December.
- `ProgrammePeriod` ("2026–2029"): a programme's statutory period, 1 January of its first year – 31 December of
  its last (not a run of equal periods: its length is the programme's).

`current_periods(day, period)` gives all four for one day, kept within a programme's period, so every page of a
programme shares its defaults.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar, Self

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ONE_DAY = timedelta(days=1)


def _first_of_month(month_index: int) -> date:
    """The first day of a month counted from year 0 (year * 12 + month - 1)."""
    return date(month_index // 12, month_index % 12 + 1, 1)


@dataclass(frozen=True)
class _Period:
    """A run of `months` whole months starting in `first_month`, numbered by `ordinal` (consecutive periods
    have consecutive ordinals). Subclasses are frozen dataclasses that give `ordinal`, `_from_ordinal`,
    `_parse_text` and `__str__`, and the Dutch message their validator shows."""

    months: ClassVar[int]
    first_month: ClassVar[int] = 1
    invalid_message: ClassVar[str]
    invalid_code: ClassVar[str]

    # ── what a kind provides ──

    @property
    def ordinal(self) -> int:
        raise NotImplementedError

    @classmethod
    def _from_ordinal(cls, ordinal: int) -> Self:
        raise NotImplementedError

    @classmethod
    def _parse_text(cls, text) -> Self:
        """The period written as `text`; ValueError when it is not one."""
        raise NotImplementedError

    # ── shared ──

    @classmethod
    def parse(cls, value) -> Self:
        """A period of this kind from its text (a period of this kind is returned as it is); ValueError otherwise."""
        if isinstance(value, cls):
            return value
        return cls._parse_text(value)

    @classmethod
    def validate(cls, value, *, stored_form_only: bool = False) -> None:
        """ValidationError with the kind's Dutch message unless `value` parses (and, with `stored_form_only`,
        is written exactly as it is stored)."""
        try:
            period = cls.parse(value)
        except ValueError as exc:
            raise ValidationError(cls.invalid_message, code=cls.invalid_code, params={"value": value}) from exc
        if stored_form_only and str(period) != value:
            raise ValidationError(cls.invalid_message, code=cls.invalid_code, params={"value": value})

    @classmethod
    def _start_of(cls, ordinal: int) -> date:
        return _first_of_month(ordinal * cls.months + cls.first_month - 1)

    @classmethod
    def _ordinal_of(cls, day: date) -> int:
        return (day.year * 12 + day.month - cls.first_month) // cls.months

    @classmethod
    def for_date(cls, day: date) -> Self:
        """The period `day` falls in."""
        return cls._from_ordinal(cls._ordinal_of(day))

    @property
    def start(self) -> date:
        """The first day of the period."""
        return self._start_of(self.ordinal)

    @property
    def end(self) -> date:
        """The last day of the period (inclusive)."""
        return self._start_of(self.ordinal + 1) - ONE_DAY

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __contains__(self, day: date) -> bool:
        return self.contains(day)

    def __add__(self, steps: int) -> Self:
        if not isinstance(steps, int):
            return NotImplemented
        return self._from_ordinal(self.ordinal + steps)

    def __sub__(self, steps: int) -> Self:
        if not isinstance(steps, int):
            return NotImplemented
        return self._from_ordinal(self.ordinal - steps)

    def next(self) -> Self:
        return self + 1

    def previous(self) -> Self:
        return self - 1

    def _comparable(self, other) -> bool:
        return type(other) is type(self)

    def __lt__(self, other) -> bool:
        return self.ordinal < other.ordinal if self._comparable(other) else NotImplemented

    def __le__(self, other) -> bool:
        return self.ordinal <= other.ordinal if self._comparable(other) else NotImplemented

    def __gt__(self, other) -> bool:
        return self.ordinal > other.ordinal if self._comparable(other) else NotImplemented

    def __ge__(self, other) -> bool:
        return self.ordinal >= other.ordinal if self._comparable(other) else NotImplemented

    def __str__(self) -> str:
        raise NotImplementedError

    @classmethod
    def range(cls, first, last) -> list[Self]:
        """Every period from `first` to `last`, both included (periods or their text); empty when last < first."""
        first, last = cls.parse(first), cls.parse(last)
        return [cls._from_ordinal(ordinal) for ordinal in builtins.range(first.ordinal, last.ordinal + 1)]


def _check_year(year: int, first: int, last: int, what: str = "year") -> None:
    if not isinstance(year, int) or not first <= year <= last:
        raise ValueError(f"{what} out of range: {year!r}")


# School years
_SCHOOL_YEAR_PATTERN = re.compile(r"^\s*(\d{4})\s*[-/–—]\s*(\d{4}|\d{2})\s*$")
FIRST, LAST = 1990, 2100
PEILDATUM_DAY, PEILDATUM_MONTH = 1, 10


@dataclass(frozen=True)
class SchoolYear(_Period):
    """The school year that starts (on 1 October, DUO's convenantjaar) in calendar year `year`."""

    year: int

    months: ClassVar[int] = 12
    first_month: ClassVar[int] = PEILDATUM_MONTH
    invalid_message: ClassVar[str] = _("Vul een schooljaar in als 2020-2021.")
    invalid_code: ClassVar[str] = "invalid_school_year"

    def __post_init__(self):
        _check_year(self.year, FIRST, LAST - 1, "school year")

    @property
    def ordinal(self) -> int:
        return self.year

    @classmethod
    def _from_ordinal(cls, ordinal: int) -> SchoolYear:
        return cls(ordinal)

    @classmethod
    def _parse_text(cls, text) -> SchoolYear:
        """Read "2020-2021", "2020/2021", "2020 - 2021", "2020–2021" or "2020-21"; the second year must follow."""
        match = _SCHOOL_YEAR_PATTERN.match(str(text or ""))
        if not match:
            raise ValueError(f"not a school year: {text!r}")
        first, second = int(match[1]), int(match[2])
        if len(match[2]) == 2:  # "2019-20"
            second += first - first % 100 + (100 if second < first % 100 else 0)
        if second != first + 1:
            raise ValueError(f"the second year does not follow the first: {text!r}")
        return cls(first)

    @classmethod
    def measured_on(cls, peildatum: date | int) -> SchoolYear:
        """The school year whose figure is fixed on this peildatum (1-10-2021 → 2020-2021): the last school
        year that ended before it. A bare year means 1 October of that year."""
        if isinstance(peildatum, int):
            return cls(peildatum - 1)
        return cls._from_ordinal(cls._ordinal_of(peildatum) - 1)

    @property
    def peildatum(self) -> date:
        """1 October after the school year: the date the seed's streefpercentages are labelled with."""
        return self.end + ONE_DAY

    @property
    def peildatum_label(self) -> str:
        return f"{PEILDATUM_DAY}-{PEILDATUM_MONTH}-{self.year + 1}"

    def __str__(self) -> str:
        return f"{self.year}-{self.year + 1}"


def normalise_school_year(text) -> str:
    """The stored form "2020-2021" of any accepted spelling; ValueError otherwise."""
    return str(SchoolYear.parse(text))


def validate_school_year(value) -> None:
    """Model-field validator: only the stored form "2020-2021" is valid."""
    SchoolYear.validate(value, stored_form_only=True)


# Half-years of the plan cycle
_HALF_YEAR_PATTERN = re.compile(r"^(?P<year>\d{4})-H(?P<half>[12])$")


@dataclass(frozen=True)
class HalfYear(_Period):
    year: int
    half: int

    months: ClassVar[int] = 6
    invalid_message: ClassVar[str] = _(
        "Een periode heeft de vorm 2025-H1 (eerste halfjaar) of 2025-H2 (tweede halfjaar)."
    )
    invalid_code: ClassVar[str] = "period"

    def __post_init__(self):
        if self.half not in (1, 2):
            raise ValueError(f"half must be 1 or 2, not {self.half!r}")
        _check_year(self.year, 1900, 2999)

    @property
    def ordinal(self) -> int:
        return self.year * 2 + self.half - 1

    @classmethod
    def _from_ordinal(cls, ordinal: int) -> HalfYear:
        return cls(ordinal // 2, ordinal % 2 + 1)

    @classmethod
    def _parse_text(cls, value) -> HalfYear:
        match = _HALF_YEAR_PATTERN.match(str(value).strip().upper())
        if not match:
            raise ValueError(f"not a half-year period: {value!r}")
        return cls(int(match["year"]), int(match["half"]))

    def __str__(self) -> str:
        return f"{self.year}-H{self.half}"

    @property
    def label(self) -> str:
        """Dutch label: "1e halfjaar 2025"."""
        return f"{self.half}e halfjaar {self.year}"

    def month_end(self, month: int) -> date:
        """The last day of the n-th month (1–6) of the half-year."""
        if not 1 <= month <= 6:
            raise ValueError("month must be 1-6")
        return _first_of_month(self.ordinal * self.months + month) - ONE_DAY


def validate_period(value: str) -> None:
    """Model/form validator for a half-year string."""
    HalfYear.validate(value)


# Quarters of the progress reports
_QUARTER_PATTERN = re.compile(r"^(?P<year>\d{4})-K(?P<quarter>[1-4])$")


@dataclass(frozen=True)
class Quarter(_Period):
    year: int
    quarter: int

    months: ClassVar[int] = 3
    invalid_message: ClassVar[str] = _("Een kwartaal heeft de vorm 2026-K4 (jaar, K, kwartaal 1 tot en met 4).")
    invalid_code: ClassVar[str] = "quarter"

    def __post_init__(self):
        if self.quarter not in (1, 2, 3, 4):
            raise ValueError(f"quarter must be 1-4, not {self.quarter!r}")
        _check_year(self.year, 1900, 2999)

    @property
    def ordinal(self) -> int:
        return self.year * 4 + self.quarter - 1

    @classmethod
    def _from_ordinal(cls, ordinal: int) -> Quarter:
        return cls(ordinal // 4, ordinal % 4 + 1)

    @classmethod
    def _parse_text(cls, value) -> Quarter:
        match = _QUARTER_PATTERN.match(str(value).strip().upper())
        if not match:
            raise ValueError(f"not a quarter: {value!r}")
        return cls(int(match["year"]), int(match["quarter"]))

    def __str__(self) -> str:
        return f"{self.year}-K{self.quarter}"

    @property
    def label(self) -> str:
        """Dutch label: "4e kwartaal 2026"."""
        return f"{self.quarter}e kwartaal {self.year}"


def validate_quarter(value: str) -> None:
    """Model/form validator for a quarter string."""
    Quarter.validate(value)


# Budget years
_BUDGET_YEAR_PATTERN = re.compile(r"^\s*(?P<year>\d{4})\s*$")


@dataclass(frozen=True)
class BudgetYear(_Period):
    """A calendar year of the budget. Amounts, changes and spending store it as a plain int (`year`)."""

    year: int

    months: ClassVar[int] = 12
    invalid_message: ClassVar[str] = _("Vul een begrotingsjaar in als 2024.")
    invalid_code: ClassVar[str] = "budget_year"

    def __post_init__(self):
        _check_year(self.year, 1900, 2999)

    @property
    def ordinal(self) -> int:
        return self.year

    @classmethod
    def _from_ordinal(cls, ordinal: int) -> BudgetYear:
        return cls(ordinal)

    @classmethod
    def parse(cls, value) -> BudgetYear:
        """Also takes the plain int the budget stores."""
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        return super().parse(value)

    @classmethod
    def _parse_text(cls, value) -> BudgetYear:
        match = _BUDGET_YEAR_PATTERN.match(str(value))
        if not match:
            raise ValueError(f"not a budget year: {value!r}")
        return cls(int(match["year"]))

    def __str__(self) -> str:
        return str(self.year)

    def __int__(self) -> int:
        return self.year


# A programme's period
@dataclass(frozen=True)
class ProgrammePeriod:
    """1 January of `first_year` to 31 December of `last_year`: the years a programme plans, budgets and reports."""

    first_year: int
    last_year: int

    @property
    def start(self) -> date:
        return date(self.first_year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.last_year, 12, 31)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __contains__(self, day: date) -> bool:
        return self.contains(day)

    def contains_year(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def clamp(self, day: date) -> date:
        """The day itself inside the period; else the period's first or last day. A programme that has ended is
        read as it stood on its last day, one that has not begun as on its first."""
        return min(max(day, self.start), self.end)

    @property
    def budget_years(self) -> list[BudgetYear]:
        return BudgetYear.range(BudgetYear(self.first_year), BudgetYear(self.last_year))

    def quarters(self) -> list[Quarter]:
        return Quarter.range(Quarter.for_date(self.start), Quarter.for_date(self.end))

    def __str__(self) -> str:
        return f"{self.first_year}–{self.last_year}"


# One day's periods
@dataclass(frozen=True)
class CurrentPeriods:
    """The periods pages default to on one day."""

    school_year: SchoolYear  # the newest school year that can have a figure: its peildatum has passed
    half_year: HalfYear
    quarter: Quarter
    budget_year: BudgetYear


def current_periods(day: date, period: ProgrammePeriod | None = None) -> CurrentPeriods:
    """The school year, half-year, quarter and budget year pages default to on `day`; with a programme's
    `period`, on the day kept within it (`ProgrammePeriod.clamp`), so on 2 December 2026 the closed 2020–2024
    programme defaults to 2024-H2, 2024-K4, budget year 2024 and school year 2023-2024 (measured on 1-10-2024),
    and the 2026–2029 programme to 2026-H2, 2026-K4, 2026 and 2025-2026.

    The half-year, quarter and budget year are the ones `day` falls in. The school year is not the one in
    progress but the newest one measured: `SchoolYear.measured_on(day)`, whose peildatum has passed
    (2 December 2026 → 2025-2026, measured on 1-10-2026; 2026-2027 in progress is measured on 1-10-2027).
    The KPI dashboard defaults to the newest school year with a target and a figure (from the data, not the
    date), and no year has a figure before its peildatum, so this is the newest year it could show filled
    in; the year in progress would always be empty. `SchoolYear.for_date(day)` gives the year in progress.
    """
    if period is not None:
        day = period.clamp(day)
    return CurrentPeriods(
        school_year=SchoolYear.measured_on(day),
        half_year=HalfYear.for_date(day),
        quarter=Quarter.for_date(day),
        budget_year=BudgetYear.for_date(day),
    )
