"""Spending pace (uitgavenritme): is a budget being spent as fast as the year is passing?

Modelled on the national Werkagenda monitor (seed 002): a budget that is spent evenly over its period
is "op schema"; the monitor reads spending per quarter of the year, as a percentage of a year's budget, in
bands: behind, on schedule, ahead and far ahead. The seed's bands are DEFAULT_BANDS, the one place their
numbers are written (the budget settings' defaults are read from it); a programme may set its own. The bands
are per quarter, so they scale with the share of the year that has passed: after half a year, twice as much.

Pure Decimal arithmetic, no ORM and no clock: `today` is always a parameter.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from core.badges import Look, Tone
from core.periods import BudgetYear

HUNDRED = Decimal(100)
QUARTER = Decimal("0.25")


class Pace(StrEnum):
    NOT_STARTED = "niet-begonnen"
    NOTHING_RECORDED = "niets-vastgelegd"
    NO_BUDGET = "geen-budget"
    BEHIND = "achter"
    ON_TRACK = "op-schema"
    AHEAD = "voor"
    FAR_AHEAD = "ruim-voor"
    OVER_BUDGET = "boven-budget"

    @property
    def look(self) -> Look:
        return PACE_LOOKS[self]

    @property
    def label(self) -> str:
        return str(self.look.word)

    @property
    def icon(self) -> str:
        return self.look.symbol


# Tone (colour, core/badges.py), word and icon of every pace: the one place a pace gets its look. Spending ahead
# of schedule is a risk too (money runs out before the year does); the arrows say which way the pace is off.
PACE_LOOKS = {
    Pace.NOT_STARTED: Look(Tone.OPEN, _("jaar nog niet begonnen")),
    # A year that is over with no spending at all: the spending was not recorded here, not "behind".
    Pace.NOTHING_RECORDED: Look(Tone.OPEN, _("jaar om, niets vastgelegd")),
    Pace.NO_BUDGET: Look(Tone.NONE, _("geen budget")),
    Pace.BEHIND: Look(Tone.BEHIND, _("achter op schema"), "▼"),
    Pace.ON_TRACK: Look(Tone.OK, _("op schema"), "✔"),
    Pace.AHEAD: Look(Tone.RISK, _("voor op schema"), "▲"),
    Pace.FAR_AHEAD: Look(Tone.RISK, _("ruim voor op schema"), "▲▲"),
    Pace.OVER_BUDGET: Look(Tone.BEHIND, _("boven budget"), "✖"),
}


@dataclass(frozen=True)
class PaceBands:
    """Percentages of a year's budget spent per quarter of the year: below `behind_below` is behind,
    up to and including `ahead_above` is on schedule, up to and including `far_ahead_above` is ahead."""

    behind_below: Decimal
    ahead_above: Decimal
    far_ahead_above: Decimal


# Seed 002's bands (the Werkagenda monitor). Written here only: the budget settings' defaults, classify() and the
# pages' legend (through the settings) all read them from this constant.
DEFAULT_BANDS = PaceBands(behind_below=Decimal(20), ahead_above=Decimal(30), far_ahead_above=Decimal(50))


@dataclass(frozen=True)
class PaceResult:
    status: Pace
    spent_pct: Decimal | None  # spent as a percentage of the budget
    expected_pct: Decimal  # share of the year that has passed, in percent

    @property
    def label(self) -> str:
        return self.status.label

    @property
    def icon(self) -> str:
        return self.status.icon


def year_elapsed(year: int | BudgetYear, today: date) -> Decimal:
    """The share of budget year `year` that has passed on `today` (today included): 0 before the year, 1 after it."""
    year = BudgetYear.parse(year)
    if today < year.start:
        return Decimal(0)
    if today >= year.end:
        return Decimal(1)
    return Decimal((today - year.start).days + 1) / Decimal(year.days)


def spent_pct(spent: Decimal, budget: Decimal | None) -> Decimal | None:
    if not budget:
        return None
    return spent * HUNDRED / budget


def classify(
    *, spent: Decimal, budget: Decimal | None, elapsed: Decimal, bands: PaceBands = DEFAULT_BANDS
) -> PaceResult:
    """The pace of `spent` against `budget` when `elapsed` (0..1) of the year has passed."""
    spent = Decimal(spent or 0)
    expected = elapsed * HUNDRED
    pct = spent_pct(spent, budget)
    if budget is not None and spent > budget:
        return PaceResult(Pace.OVER_BUDGET, pct, expected)
    if not budget:
        return PaceResult(Pace.NO_BUDGET, pct, expected)
    if elapsed <= 0:
        return PaceResult(Pace.NOT_STARTED, pct, expected)
    if elapsed >= 1 and not spent:
        return PaceResult(Pace.NOTHING_RECORDED, pct, expected)
    quarters = elapsed / QUARTER
    if pct < bands.behind_below * quarters:
        status = Pace.BEHIND
    elif pct <= bands.ahead_above * quarters:
        status = Pace.ON_TRACK
    elif pct <= bands.far_ahead_above * quarters:
        status = Pace.AHEAD
    else:
        status = Pace.FAR_AHEAD
    return PaceResult(status, pct, expected)


def pace(
    *, spent: Decimal, budget: Decimal | None, year: int, today: date, bands: PaceBands = DEFAULT_BANDS
) -> PaceResult:
    return classify(spent=spent, budget=budget, elapsed=year_elapsed(year, today), bands=bands)
