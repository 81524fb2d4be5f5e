"""The pace bands at their edges (seed 002: <20%, 20-30%, 30-50%, >50% of a year's budget per quarter)."""

from datetime import date
from decimal import Decimal

import pytest

from budget.models import BudgetSettings
from budget.pace import DEFAULT_BANDS, Pace, PaceBands, classify, pace, year_elapsed

QUARTER, HALF = Decimal("0.25"), Decimal("0.5")
BUDGET = Decimal(1000)


@pytest.mark.parametrize(
    ("spent", "elapsed", "expected"),
    [
        ("199.99", QUARTER, Pace.BEHIND),
        ("200.00", QUARTER, Pace.ON_TRACK),  # exactly 20%: on schedule
        ("300.00", QUARTER, Pace.ON_TRACK),  # exactly 30%: still on schedule
        ("300.01", QUARTER, Pace.AHEAD),
        ("500.00", QUARTER, Pace.AHEAD),  # exactly 50%
        ("500.01", QUARTER, Pace.FAR_AHEAD),
        # Half way through the year the bands double: 40%, 60%, 100%.
        ("399.99", HALF, Pace.BEHIND),
        ("400.00", HALF, Pace.ON_TRACK),
        ("600.00", HALF, Pace.ON_TRACK),
        ("600.01", HALF, Pace.AHEAD),
        ("1000.00", HALF, Pace.AHEAD),
        # After the year: under 80% spent is behind; more than the budget is over budget.
        ("799.99", Decimal(1), Pace.BEHIND),
        ("800.00", Decimal(1), Pace.ON_TRACK),
        ("1000.00", Decimal(1), Pace.ON_TRACK),
        ("1000.01", Decimal(1), Pace.OVER_BUDGET),
        ("0", Decimal(0), Pace.NOT_STARTED),
    ],
)
def test_bands_at_their_edges(spent, elapsed, expected):
    assert classify(spent=Decimal(spent), budget=BUDGET, elapsed=elapsed).status == expected


def test_configurable_bands():
    strict = PaceBands(Decimal(24), Decimal(26), Decimal(40))
    assert classify(spent=Decimal(230), budget=BUDGET, elapsed=QUARTER, bands=strict).status == Pace.BEHIND
    assert classify(spent=Decimal(230), budget=BUDGET, elapsed=QUARTER).status == Pace.ON_TRACK


def test_no_budget_and_zero_budget():
    assert classify(spent=Decimal(0), budget=None, elapsed=HALF).status == Pace.NO_BUDGET
    assert classify(spent=Decimal(0), budget=Decimal(0), elapsed=HALF).status == Pace.NO_BUDGET
    assert classify(spent=Decimal(10), budget=Decimal(0), elapsed=HALF).status == Pace.OVER_BUDGET


def test_year_elapsed_uses_the_given_day():
    assert year_elapsed(2024, date(2023, 12, 31)) == 0
    assert year_elapsed(2024, date(2024, 12, 31)) == 1
    assert year_elapsed(2024, date(2025, 3, 1)) == 1
    assert year_elapsed(2023, date(2023, 1, 1)) == Decimal(1) / Decimal(365)
    assert year_elapsed(2024, date(2024, 7, 1)) == Decimal(183) / Decimal(366)  # leap year


def test_pace_reports_percentages_as_decimals():
    result = pace(spent=Decimal("12500.50"), budget=Decimal(50000), year=2024, today=date(2024, 12, 31))
    assert result.spent_pct == Decimal("25.001")
    assert result.expected_pct == 100
    assert result.status == Pace.BEHIND
    assert (result.label, result.icon) == ("achter op schema", "▼")


def test_budget_settings_default_to_the_seeds_bands():
    assert BudgetSettings(first_year=2021, last_year=2024).bands == DEFAULT_BANDS
    assert classify(spent=Decimal(0), budget=BUDGET, elapsed=QUARTER).status == Pace.BEHIND  # DEFAULT_BANDS


def test_a_year_that_is_over_with_nothing_spent_says_so_rather_than_behind():
    over = classify(spent=Decimal(0), budget=BUDGET, elapsed=Decimal(1))
    assert over.status == Pace.NOTHING_RECORDED and over.label == "jaar om, niets vastgelegd"
    assert classify(spent=Decimal(1), budget=BUDGET, elapsed=Decimal(1)).status == Pace.BEHIND  # something, too little
    assert classify(spent=Decimal(0), budget=BUDGET, elapsed=Decimal("0.99")).status == Pace.BEHIND  # still running
