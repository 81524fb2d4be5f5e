"""Template helpers for reports: the report's figures (stored as plain strings) shown the Dutch way with the same
badges as the live pages. Filters over the data they are given; none runs a query."""

from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from budget.pace import Pace, PaceResult
from core.charts import responsive
from core.formatting import euro
from halfyear.models import ProjectStatus
from indicators.status import Assessment, Level
from indicators.templatetags.kpi import format_delta, format_value, status_badge

from .. import charts

register = template.Library()


def _unit(unit: str):
    return SimpleNamespace(is_percentage=unit == "percentage")


@register.filter
def figure(value, unit):
    """A stored figure in its unit: 3,70% for a percentage, € 62.500 for money, 13.405 for a count."""
    if unit == "euro":
        return euro(value)
    if unit == "projectstatus":
        return project_status_word(value)
    return format_value(None if value is None else Decimal(value), _unit(unit))


@register.filter
def delta(trend, unit):
    if not trend:
        return ""
    return format_delta(Decimal(trend.delta), _unit(unit))


@register.filter
def kpi_badge(level):
    return status_badge(Assessment(Level(level)))


@register.filter
def pace_badge(key):
    result = PaceResult(Pace(key), None, Decimal(0))
    return mark_safe(render_to_string("budget/_pace.html", {"result": result}).strip())


@register.filter
def project_status_word(key):
    if not key:
        return "nog geen status"
    return str(ProjectStatus.Status(key).label)


@register.filter
def project_badge(key):
    return mark_safe(
        render_to_string("halfyear/_badge.html", {"key": key or "geen", "word": project_status_word(key)}).strip()
    )


@register.filter
def state_badge(pair):
    """A (key, word) pair as the half-year dashboard shows it."""
    key, word = pair
    return mark_safe(render_to_string("halfyear/_badge.html", {"key": key, "word": word}).strip())


@register.filter
def isodate(value):
    """A snapshot's date or moment for the |date filter: already a date/datetime in a typed Snapshot, an ISO
    string in raw stored JSON."""
    if not value:
        return None
    if isinstance(value, date):  # datetime too
        return value
    if "T" in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value)


@register.filter
def kpi_chart(row):
    return mark_safe(responsive(charts.kpi_chart(row)))


@register.filter
def budget_chart(budget):
    return mark_safe(responsive(charts.budget_chart(budget.sections, budget.year))) if budget else ""


@register.filter
def kpi_groups(kpi):
    """[(group label, rows)] in the dashboard's order."""
    groups = {}
    for row in kpi.rows:
        groups.setdefault(row.group_label, []).append(row)
    return list(groups.items())


@register.filter
def count_status(rows, level):
    return sum(1 for row in rows if row.status == level)


@register.filter
def person(user):
    """A user's full name, else the username; "vsvplan" for a change the system made."""
    if user is None:
        return "vsvplan"
    return user.get_full_name() or user.username
