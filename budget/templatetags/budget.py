"""Template filters for the budget pages: one year's figure out of a `Figures` object, the pace legend."""

from decimal import Decimal

from django import template

from budget.pace import Pace, PaceResult

register = template.Library()

LEGEND = (Pace.BEHIND, Pace.ON_TRACK, Pace.AHEAD, Pace.FAR_AHEAD, Pace.OVER_BUDGET)


@register.simple_tag
def pace_legend():
    """The statuses the legend explains, for `budget/_pace.html`: word and icon come from pace.py, once."""
    return [PaceResult(status, None, Decimal(0)) for status in LEGEND]


@register.filter
def current_in(figures, year):
    return figures.current.get(year)


@register.filter
def original_in(figures, year):
    return figures.original.get(year)


@register.filter
def spent_in(figures, year):
    return figures.spent.get(year, 0)
