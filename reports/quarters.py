"""Quarters ("2026-K4"): the one place that parses them and knows where they start and end. Pure: no ORM."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PATTERN = re.compile(r"^(?P<year>\d{4})-K(?P<quarter>[1-4])$")


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
        match = PATTERN.match(str(value).strip().upper())
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
