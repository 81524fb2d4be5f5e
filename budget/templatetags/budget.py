"""Template filters for the budget pages: one year's figure out of a `Figures` object."""

from django import template

register = template.Library()


@register.filter
def current_in(figures, year):
    return figures.current.get(year)


@register.filter
def original_in(figures, year):
    return figures.original.get(year)


@register.filter
def spent_in(figures, year):
    return figures.spent.get(year, 0)
