"""KPI figures the Dutch way, status badges (word + icon + colour) and a small trend line: formatting of the
data a view gives the template, never a query."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.formatting import pct
from indicators.models import Indicator

register = template.Library()


def format_value(value, indicator: Indicator) -> str:
    """3,70% for a percentage indicator, 13.405 for a count; a dash when there is no figure."""
    if value is None or value == "":
        return "—"
    if indicator.is_percentage:
        return pct(value, 2)
    value = Decimal(value)
    decimals = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@register.filter
def kpi_value(value, indicator):
    return format_value(value, indicator)


def format_delta(delta, indicator: Indicator) -> str:
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    magnitude = format_value(abs(delta), indicator)
    return f"{sign}{magnitude.removesuffix('%')}{' procentpunt' if indicator.is_percentage else ''}"


def status_badge(assessment) -> str:
    return format_html(
        '<span class="kpi-status kpi-status--{}"><span class="kpi-status__icon" aria-hidden="true">{}</span> {}</span>',
        assessment.css,
        assessment.icon,
        assessment.label,
    )


@register.filter
def badge(assessment):
    return status_badge(assessment)


def trend_text(trend, indicator: Indicator) -> str:
    if trend is None:
        return ""
    word = {"beter": _("beter"), "slechter": _("slechter"), "gelijk": _("gelijk")}[trend.comparison.value]
    return _("%(delta)s t.o.v. %(year)s (%(word)s)") % {
        "delta": format_delta(trend.delta, indicator),
        "year": trend.previous_year,
        "word": word,
    }


def trend_html(trend, indicator: Indicator) -> str:
    if trend is None:
        return mark_safe('<span class="muted">—</span>')
    arrow = "▲" if trend.delta > 0 else ("▼" if trend.delta < 0 else "▶")
    return format_html(
        '<span class="kpi-trend kpi-trend--{}"><span aria-hidden="true">{}</span> {}</span>',
        trend.comparison.value,
        arrow,
        trend_text(trend, indicator),
    )


@register.filter
def trend(trend, indicator):
    return trend_html(trend, indicator)


@register.simple_tag
def sparkline(values, width=80, height=24):
    """A decorative line of the figures so far (the text next to it says the same); empty for fewer than two."""
    points = [Decimal(v) for v in values if v is not None]
    if len(points) < 2:
        return ""
    low, high = min(points), max(points)
    span = (high - low) or Decimal(1)
    step = Decimal(width - 4) / (len(points) - 1)
    coords = " ".join(
        f"{2 + step * i:.1f},{2 + (height - 4) * (1 - (v - low) / span):.1f}" for i, v in enumerate(points)
    )
    return format_html(
        '<svg class="sparkline" width="{}" height="{}" viewBox="0 0 {} {}" aria-hidden="true" focusable="false">'
        '<polyline points="{}" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
        width,
        height,
        width,
        height,
        coords,
    )


@register.filter
def change_value(value):
    """A value in the history list: numbers the Dutch way (3,72), nothing as "(leeg)", long text shortened."""
    if value is None or value == "":
        return _("(leeg)")
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return number_format(value, use_l10n=True, force_grouping=isinstance(value, int))
    text = str(value)
    return text if len(text) <= 120 else text[:119] + "…"


def revision_text(revision, indicator: Indicator) -> str:
    if revision is None:
        return ""
    return _("herzien: was %(value)s (%(finality)s)") % {
        "value": format_value(revision.previous_value, indicator),
        "finality": revision.previous_finality_label,
    }


@register.simple_tag
def revision_mark(revision, indicator):
    """ "↻ herzien: was 3,61% (voorlopig)": a figure that changed since the date the reader picked."""
    if revision is None:
        return ""
    return format_html(
        '<span class="kpi-revised"><span aria-hidden="true">↻</span> {}</span>', revision_text(revision, indicator)
    )


# Word, icon and CSS modifier of an import run's status: never colour alone.
IMPORT_STATUS_DISPLAY = {
    "voorbeeld": ("…", "none"),
    "wachtrij": ("⏳", "none"),
    "bezig": ("⟳", "risk"),
    "geslaagd": ("✓", "ok"),
    "mislukt": ("✕", "behind"),
}


@register.filter
def import_status_badge(run) -> str:
    icon, css = IMPORT_STATUS_DISPLAY[run.status]
    return format_html(
        '<span class="kpi-status kpi-status--{}"><span class="kpi-status__icon" aria-hidden="true">{}</span> {}</span>',
        css,
        icon,
        run.get_status_display(),
    )
