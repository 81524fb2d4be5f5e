"""Template helpers of the half-year cycle: status badges (word + icon + colour) of the data they are given."""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def badge(key, word):
    """A status as word, icon and colour, never colour alone."""
    return render_to_string("halfyear/_badge.html", {"key": key, "word": word})


@register.simple_tag
def plan_badge(plan):
    return badge(plan.status, plan.get_status_display())


@register.simple_tag
def status_badge(report):
    if report is None:
        return badge("geen", _("nog geen status"))
    return badge(report.status, report.get_status_display())


@register.simple_tag
def result_badge(goal):
    if not goal.result:
        return badge("open", _("niet geëvalueerd"))
    return badge(goal.result, goal.get_result_display())
