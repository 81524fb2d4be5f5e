"""The one rule for a percentage and its counts (indicators.figures): within one unit of its last written
decimal, unknown counts never an error. Pure: no database."""

from decimal import Decimal

import pytest

from indicators.figures import check_percentage, percentage_of, tolerance


def test_percentage_of_rounds_half_up_to_two_decimals():
    assert percentage_of(281, 7595) == Decimal("3.70")  # seed 004, mbo niveau 4: 3,6998…
    assert percentage_of(1, 8) == Decimal("12.50")
    assert percentage_of(1, 800) == Decimal("0.13")  # 0,125 rounds up


@pytest.mark.parametrize(("part", "whole"), [(None, 7595), (281, None), (None, None), (0, 0), (5, 0)])
def test_percentage_of_unknown_counts_or_no_whole_is_none(part, whole):
    assert percentage_of(part, whole) is None


@pytest.mark.parametrize(("written", "unit"), [("3.70", "0.01"), ("0.2", "0.1"), ("27", "1"), ("4.4712", "0.0001")])
def test_tolerance_is_one_unit_in_the_last_written_decimal(written, unit):
    assert tolerance(Decimal(written)) == Decimal(unit)


@pytest.mark.parametrize(
    ("percentage", "part", "whole"),
    [
        ("3.70", 281, 7595),  # as DUO prints it
        ("3.71", 370, 10000),  # 3,70 exactly: one unit off is still within
        ("27", 164, 608),  # Tabel 4 prints whole percentages (26,97)
        ("0.2", 39, 20000),  # 0,195 rounded
        ("0.1", 39, 20000),  # 0,195 cut off
        ("0", 0, 608),
        ("100", 608, 608),
    ],
)
def test_a_percentage_that_agrees_with_its_counts_passes(percentage, part, whole):
    assert check_percentage(Decimal(percentage), part, whole) is None


def test_just_outside_the_tolerance_fails_with_the_counts_and_the_computed_figure():
    assert check_percentage(Decimal("3.72"), 370, 10000) == "3,72% past niet bij 370 van 10.000 (3,70%)."
    assert check_percentage(Decimal("3.711"), 370, 10000) is not None  # more decimals written: a smaller unit
    assert check_percentage(Decimal("28"), 164, 608) is not None  # 26,97: 1,03 off a whole percentage
    assert check_percentage(Decimal("27.1"), 164, 608) is not None  # 0,13 off, more than 0,1


@pytest.mark.parametrize(
    ("percentage", "part", "whole"),
    [("3.70", None, 7595), ("3.70", 281, None), ("3.70", None, None), ("3.70", 0, 0), (None, 281, 7595)],
)
def test_masked_or_missing_counts_cannot_be_checked_and_give_no_message(percentage, part, whole):
    assert check_percentage(None if percentage is None else Decimal(percentage), part, whole) is None


def test_the_message_can_be_the_callers_own():
    message = check_percentage(
        Decimal("4.70"),
        281,
        7595,
        message="%(what)s %(percentage)s klopt niet met %(part)s van %(whole)s (%(computed)s).",
        what="Vsv-percentage",
    )
    assert message == "Vsv-percentage 4,70 klopt niet met 281 van 7.595 (3,70)."
