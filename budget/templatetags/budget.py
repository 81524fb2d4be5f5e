"""Template filters for the budget pages: one year's figure out of a `Figures` object, the pace legend, the pace and
the status of a change as badges (core/badges.py)."""

from decimal import Decimal

from django import template

from budget.pace import Pace, PaceResult

register = template.Library()

LEGEND = (Pace.BEHIND, Pace.ON_TRACK, Pace.AHEAD, Pace.FAR_AHEAD, Pace.OVER_BUDGET)


@register.simple_tag
def pace_legend():
    """The statuses the legend explains, each drawn with `pace_badge`: word and icon come from pace.py, once."""
    return [PaceResult(status, None, Decimal(0)) for status in LEGEND]


# In the budget's tables the pace is coloured text beside the figures, not a pill (`badge--text`).
PACE_CLASS = "badge--text pace"


@register.filter
def pace_badge(pace: PaceResult | Pace | str):
    """A pace (a result, or its key as a report stores it) as icon + word in its colour."""
    status = pace.status if isinstance(pace, PaceResult) else Pace(pace)
    return status.look.badge(extra_class=PACE_CLASS)


@register.filter
def change_badge(change):
    return change.STATUS_LOOKS[change.status].badge(extra_class="badge--text change-status")


@register.filter
def current_in(figures, year):
    return figures.current.get(year)


@register.filter
def original_in(figures, year):
    return figures.original.get(year)


@register.filter
def spent_in(figures, year):
    return figures.spent.get(year, 0)
