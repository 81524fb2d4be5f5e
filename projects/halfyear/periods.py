"""Half-year periods ("2025-H1"): the one place that knows how to parse them and where they start and end.

Pure: no ORM, no settings. H1 is 1 January – 30 June, H2 is 1 July – 31 December.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PATTERN = re.compile(r"^(?P<year>\d{4})-H(?P<half>[12])$")


@dataclass(frozen=True, order=True)
class Period:
    year: int
    half: int

    def __post_init__(self):
        if self.half not in (1, 2):
            raise ValueError(f"half must be 1 or 2, not {self.half!r}")
        if not 1900 <= self.year <= 2999:
            raise ValueError(f"year out of range: {self.year!r}")

    @classmethod
    def parse(cls, value: str | Period) -> Period:
        if isinstance(value, Period):
            return value
        match = PATTERN.match(str(value).strip().upper())
        if not match:
            raise ValueError(f"not a half-year period: {value!r}")
        return cls(int(match["year"]), int(match["half"]))

    @classmethod
    def for_date(cls, day: date) -> Period:
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

    def next(self) -> Period:
        return Period(self.year, 2) if self.half == 1 else Period(self.year + 1, 1)

    def previous(self) -> Period:
        return Period(self.year, 1) if self.half == 2 else Period(self.year - 1, 2)

    def __add__(self, steps: int) -> Period:
        index = self.year * 2 + (self.half - 1) + steps
        return Period(index // 2, index % 2 + 1)

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
        Period.parse(value)
    except ValueError as exc:
        raise ValidationError(
            _("Een periode heeft de vorm 2025-H1 (eerste halfjaar) of 2025-H2 (tweede halfjaar)."), code="period"
        ) from exc
