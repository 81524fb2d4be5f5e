"""The one helper that owns half-year periods: parse, dates, next/previous, the period of a date."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.periods import HalfYear, validate_period


def test_parse_and_str_round_trip():
    assert HalfYear.parse("2025-H1") == HalfYear(2025, 1)
    assert str(HalfYear.parse(" 2025-h2 ")) == "2025-H2"


@pytest.mark.parametrize("bad", ["2025", "2025-H3", "2025-H0", "25-H1", "2025H1", "", "H1-2025"])
def test_parse_refuses_other_text(bad):
    with pytest.raises(ValueError):
        HalfYear.parse(bad)
    with pytest.raises(ValidationError, match="2025-H1"):
        validate_period(bad)


def test_start_and_end():
    assert (HalfYear(2025, 1).start, HalfYear(2025, 1).end) == (date(2025, 1, 1), date(2025, 6, 30))
    assert (HalfYear(2025, 2).start, HalfYear(2025, 2).end) == (date(2025, 7, 1), date(2025, 12, 31))


def test_next_previous_and_steps_cross_the_year():
    assert HalfYear(2025, 2).next() == HalfYear(2026, 1)
    assert HalfYear(2026, 1).previous() == HalfYear(2025, 2)
    assert HalfYear(2026, 2) + 1 == HalfYear(2027, 1)
    assert HalfYear(2026, 2) + -2 == HalfYear(2025, 2)
    assert HalfYear(2025, 1) < HalfYear(2025, 2) < HalfYear(2026, 1)


@pytest.mark.parametrize(
    ("day", "period"),
    [
        (date(2026, 1, 1), "2026-H1"),
        (date(2026, 6, 30), "2026-H1"),
        (date(2026, 7, 1), "2026-H2"),
        (date(2026, 11, 26), "2026-H2"),
        (date(2026, 12, 31), "2026-H2"),
    ],
)
def test_period_for_a_date(day, period):
    assert str(HalfYear.for_date(day)) == period
    assert day in HalfYear.parse(period)


def test_month_end_within_the_half_year():
    assert HalfYear(2027, 1).month_end(2) == date(2027, 2, 28)
    assert HalfYear(2028, 1).month_end(2) == date(2028, 2, 29)
    assert HalfYear(2026, 2).month_end(6) == date(2026, 12, 31)
    assert HalfYear(2026, 2).month_end(3) == date(2026, 9, 30)
    with pytest.raises(ValueError):
        HalfYear(2026, 2).month_end(7)


def test_label_is_dutch():
    assert HalfYear(2027, 1).label == "1e halfjaar 2027"
