"""What every kind of period shares (core.periods._Period): bounds, the period of a day, neighbours, order,
ranges, and parse errors in Dutch. The kind-specific rules have their own test files."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from core.periods import BudgetYear, HalfYear, ProgrammePeriod, Quarter, SchoolYear, current_periods

ONE_DAY = timedelta(days=1)

# (period, its text, first day, last day)
KINDS = [
    (SchoolYear(2020), "2020-2021", date(2020, 10, 1), date(2021, 9, 30)),
    (HalfYear(2025, 1), "2025-H1", date(2025, 1, 1), date(2025, 6, 30)),
    (HalfYear(2025, 2), "2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
    (Quarter(2028, 1), "2028-K1", date(2028, 1, 1), date(2028, 3, 31)),
    (Quarter(2026, 4), "2026-K4", date(2026, 10, 1), date(2026, 12, 31)),
    (BudgetYear(2024), "2024", date(2024, 1, 1), date(2024, 12, 31)),
]
IDS = [text for _period, text, _start, _end in KINDS]


@pytest.mark.parametrize(("period", "text", "start", "end"), KINDS, ids=IDS)
def test_text_round_trip_and_bounds(period, text, start, end):
    kind = type(period)
    assert str(period) == text
    assert kind.parse(text) == period
    assert kind.parse(period) is period
    assert (period.start, period.end) == (start, end)
    assert period.days == (end - start).days + 1


@pytest.mark.parametrize(("period", "text", "start", "end"), KINDS, ids=IDS)
def test_contains_and_for_date_at_both_edges(period, text, start, end):
    kind = type(period)
    for day in (start, end):
        assert period.contains(day) and day in period
        assert kind.for_date(day) == period
    for day in (start - ONE_DAY, end + ONE_DAY):
        assert not period.contains(day) and day not in period
    assert kind.for_date(start - ONE_DAY) == period.previous()
    assert kind.for_date(end + ONE_DAY) == period.next()


@pytest.mark.parametrize(("period", "text", "start", "end"), KINDS, ids=IDS)
def test_neighbours_meet_without_gap_or_overlap(period, text, start, end):
    assert period.next().previous() == period == period.previous().next()
    assert period.next().start == period.end + ONE_DAY
    assert period.previous().end == period.start - ONE_DAY
    assert period + 1 == period.next() and period - 1 == period.previous() and period + 0 == period
    assert period.previous() < period < period.next()
    assert period <= period >= period


@pytest.mark.parametrize(("period", "text", "start", "end"), KINDS, ids=IDS)
def test_a_year_of_periods_covers_every_day_once(period, text, start, end):
    kind = type(period)
    periods = kind.range(period, period + 11)
    assert len(periods) == 12 and periods == sorted(periods) and len(set(periods)) == 12
    day = period.start
    for each in periods:
        assert each.start == day
        day = each.end + ONE_DAY
    assert [kind.for_date(p.start) for p in periods] == periods


@pytest.mark.parametrize(
    ("kind", "before", "after", "first", "second"),
    [
        (HalfYear, date(2026, 6, 30), date(2026, 7, 1), "2026-H1", "2026-H2"),
        (HalfYear, date(2026, 12, 31), date(2027, 1, 1), "2026-H2", "2027-H1"),
        (Quarter, date(2026, 6, 30), date(2026, 7, 1), "2026-K2", "2026-K3"),
        (Quarter, date(2026, 12, 31), date(2027, 1, 1), "2026-K4", "2027-K1"),
        (BudgetYear, date(2026, 6, 30), date(2026, 7, 1), "2026", "2026"),
        (BudgetYear, date(2026, 12, 31), date(2027, 1, 1), "2026", "2027"),
        (SchoolYear, date(2026, 9, 30), date(2026, 10, 1), "2025-2026", "2026-2027"),
        (SchoolYear, date(2026, 12, 31), date(2027, 1, 1), "2026-2027", "2026-2027"),
        (SchoolYear, date(2026, 7, 31), date(2026, 8, 1), "2025-2026", "2025-2026"),  # not the legal 1 August
    ],
)
def test_for_date_on_boundaries(kind, before, after, first, second):
    assert str(kind.for_date(before)) == first
    assert str(kind.for_date(after)) == second


def test_range_takes_text_and_is_empty_when_reversed():
    assert [str(p) for p in HalfYear.range("2025-H2", "2026-H2")] == ["2025-H2", "2026-H1", "2026-H2"]
    assert [str(p) for p in Quarter.range("2026-K4", "2026-K4")] == ["2026-K4"]
    assert [str(p) for p in SchoolYear.range("2019/2020", "2021-22")] == ["2019-2020", "2020-2021", "2021-2022"]
    assert [int(p) for p in BudgetYear.range(2024, "2026")] == [2024, 2025, 2026]
    assert BudgetYear.range(2026, 2024) == []


def test_kinds_do_not_compare_with_each_other():
    assert BudgetYear(2026) != SchoolYear(2026)
    with pytest.raises(TypeError):
        assert BudgetYear(2026) < SchoolYear(2027)
    with pytest.raises(TypeError):
        assert HalfYear(2026, 1) < Quarter(2026, 2)


def test_periods_are_values():
    assert {HalfYear.parse("2026-H1"), HalfYear(2026, 1)} == {HalfYear(2026, 1)}
    with pytest.raises(AttributeError):
        HalfYear(2026, 1).year = 2027


def test_peildatum_is_the_day_after_the_school_year():
    for year in SchoolYear.range("2018-2019", "2026-2027"):
        assert year.peildatum == year.end + ONE_DAY
        assert SchoolYear.measured_on(year.peildatum) == year
        assert SchoolYear.measured_on(year.peildatum - ONE_DAY) == year.previous()


@pytest.mark.parametrize(
    ("kind", "bad", "message"),
    [
        (SchoolYear, "2020", "Vul een schooljaar in als 2020-2021."),
        (SchoolYear, "2020-2022", "Vul een schooljaar in als 2020-2021."),
        (HalfYear, "2025-H3", "Een periode heeft de vorm 2025-H1 (eerste halfjaar) of 2025-H2 (tweede halfjaar)."),
        (Quarter, "2026-Q1", "Een kwartaal heeft de vorm 2026-K4 (jaar, K, kwartaal 1 tot en met 4)."),
        (BudgetYear, "2024-2025", "Vul een begrotingsjaar in als 2024."),
        (BudgetYear, "24", "Vul een begrotingsjaar in als 2024."),
        (BudgetYear, "", "Vul een begrotingsjaar in als 2024."),
    ],
)
def test_parse_errors_and_their_dutch_messages(kind, bad, message):
    with pytest.raises(ValueError):
        kind.parse(bad)
    with pytest.raises(ValidationError) as info:
        kind.validate(bad)
    assert info.value.messages == [message]


def test_out_of_range_years_are_refused():
    with pytest.raises(ValueError):
        SchoolYear(2100)
    with pytest.raises(ValueError):
        HalfYear(3000, 1)
    with pytest.raises(ValueError):
        BudgetYear.parse("1899")


def test_budget_year_reads_the_int_the_budget_stores():
    assert BudgetYear.parse(2024) == BudgetYear.parse(" 2024 ") == BudgetYear(2024)
    assert int(BudgetYear(2024)) == 2024
    assert BudgetYear(2024).days == 366 and BudgetYear(2025).days == 365


@pytest.mark.parametrize(
    ("day", "school_year", "half_year", "quarter", "budget_year"),
    [
        (date(2026, 12, 2), "2025-2026", "2026-H2", "2026-K4", "2026"),
        (date(2026, 9, 30), "2024-2025", "2026-H2", "2026-K3", "2026"),  # 2025-2026 is measured tomorrow
        (date(2026, 10, 1), "2025-2026", "2026-H2", "2026-K4", "2026"),  # its peildatum
        (date(2026, 12, 31), "2025-2026", "2026-H2", "2026-K4", "2026"),
        (date(2027, 1, 1), "2025-2026", "2027-H1", "2027-K1", "2027"),
        (date(2027, 6, 30), "2025-2026", "2027-H1", "2027-K2", "2027"),
        (date(2027, 7, 1), "2025-2026", "2027-H2", "2027-K3", "2027"),
    ],
)
def test_current_periods_of_a_day(day, school_year, half_year, quarter, budget_year):
    current = current_periods(day)
    texts = tuple(map(str, (current.school_year, current.half_year, current.quarter, current.budget_year)))
    assert texts == (school_year, half_year, quarter, budget_year)
    # The newest school year measured, not the one in progress; the other three are the ones the day is in.
    assert current.school_year.peildatum <= day < current.school_year.next().peildatum
    assert current.school_year == SchoolYear.for_date(day).previous()
    assert all(day in period for period in (current.half_year, current.quarter, current.budget_year))


def test_a_programme_period_keeps_a_day_within_its_years():
    period = ProgrammePeriod(2020, 2024)
    assert (period.start, period.end, str(period)) == (date(2020, 1, 1), date(2024, 12, 31), "2020–2024")
    assert period.clamp(date(2026, 12, 2)) == date(2024, 12, 31)  # ended: read as on its last day
    assert period.clamp(date(2019, 5, 1)) == date(2020, 1, 1)  # not begun: as on its first
    assert period.clamp(date(2022, 6, 30)) == date(2022, 6, 30)
    assert [int(year) for year in period.budget_years] == [2020, 2021, 2022, 2023, 2024]
    quarters = period.quarters()
    assert (str(quarters[0]), str(quarters[-1]), len(quarters)) == ("2020-K1", "2024-K4", 20)
    assert date(2024, 12, 31) in period and date(2025, 1, 1) not in period


def test_current_periods_within_a_programme_agree_on_one_day():
    closed = current_periods(date(2026, 12, 2), ProgrammePeriod(2020, 2024))
    assert (str(closed.school_year), str(closed.half_year), str(closed.quarter), int(closed.budget_year)) == (
        "2023-2024",
        "2024-H2",
        "2024-K4",
        2024,
    )
    running = current_periods(date(2026, 12, 2), ProgrammePeriod(2026, 2029))
    assert running == current_periods(date(2026, 12, 2))  # inside its period: today's own
