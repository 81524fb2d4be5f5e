"""Template helpers of the half-year cycle: status badges (word + icon + colour, core/badges.py) of the data they
are given."""

from django import template
from django.utils.translation import gettext as _

from .. import tables
from ..tables import OPEN, state_badge

register = template.Library()


@register.simple_tag(name="state_badge")
def state_badge_tag(key, word):
    """A (key, word) pair of the cycle, as `plan_state` and the dashboard summary give them."""
    return state_badge(key, word)


@register.simple_tag
def plan_badge(plan):
    return plan.STATUS_LOOKS[plan.status].badge()


@register.simple_tag
def evaluation_badge(evaluation):
    return evaluation.STATUS_LOOKS[evaluation.status].badge()


@register.simple_tag
def status_badge(report):
    return tables.status_badge(report)


@register.simple_tag
def result_badge(goal):
    if not goal.result:
        return state_badge(OPEN, _("niet geëvalueerd"))
    return goal.RESULT_LOOKS[goal.result].badge()
