"""The chart of one indicator through the school years, drawn with core.charts: the figure per year (a solid
line with round markers, open where the figure is provisional), the targets (a dashed line with diamonds),
the national figure (a thin line with square markers) and the national norm of each year (dotted, with
triangles: norms change by year), and as a horizontal line the baseline (dash-dot). The KPI page and the
progress report draw this same chart; an old report without norms per year draws its one norm as a line."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.utils.translation import gettext as _

from core import charts
from core.periods import SchoolYear

ACTUAL, TARGET, BASELINE, NORM, NATIONAL = "#1d4ed8", "#b45309", "#374151", "#6b7280", "#047857"
OTHER_TARGET = "#7c3aed"  # the targets of another period's programme


class ChartYear(Protocol):
    school_year: str
    actual: Decimal | None
    provisional: bool
    target: Decimal | None
    national: Decimal | None
    norm: Decimal | None


@dataclass(frozen=True)
class Year:
    school_year: str
    actual: Decimal | None
    provisional: bool
    target: Decimal | None
    national: Decimal | None = None
    norm: Decimal | None = None
    other_target: Decimal | None = None  # the target of the same KPI in another programme of the region


def figure_label(value, unit: str) -> str:
    """3,70% for a percentage, 13.405 or 12,50 for a count; a dash for no figure."""
    if value is None:
        return "—"
    value = Decimal(value)
    if unit == "percentage":
        return f"{charts.number(value)}%"
    return charts.number(value, 0 if value == value.to_integral_value() else 2)


def kpi_chart(
    *,
    code: str,
    name: str,
    unit: str,
    years: Iterable[ChartYear],
    norm: Decimal | None = None,
    baseline: Decimal | None = None,
    title: str | None = None,
    target_label: str = "",
    other_targets_label: str = "",
) -> charts.LineChart | None:
    """Every school year from the first to the last with a figure, a target, a national figure or a norm (gaps
    included); None without any. `norm` is one norm for every year (old reports); else each year has its own."""
    known = {
        year.school_year: year
        for year in years
        if any(
            getattr(year, attribute, None) is not None
            for attribute in ("actual", "target", "national", "norm", "other_target")
        )
    }
    if not known:
        return None
    other_targets_label = other_targets_label or _("ander programma")
    target_legend = f"streefcijfer {target_label}" if target_label else "streefcijfer"
    labels, year, last = [], SchoolYear.parse(min(known)), SchoolYear.parse(max(known))
    while year <= last:
        labels.append(str(year))
        year = year.next()
    rows = [known.get(label) for label in labels]

    def label(value):
        return figure_label(value, unit)

    words = []
    for row in filter(None, rows):
        piece = [row.school_year]
        if row.actual is not None:
            piece.append(f"cijfer {label(row.actual)}{' (voorlopig)' if row.provisional else ''}")
        if row.target is not None:
            piece.append(f"{target_legend} {label(row.target)}")
        if getattr(row, "other_target", None) is not None:
            piece.append(f"streefcijfer {other_targets_label} {label(row.other_target)}")
        if getattr(row, "national", None) is not None:
            piece.append(f"Nederland {label(row.national)}")
        if getattr(row, "norm", None) is not None:
            piece.append(f"landelijke norm {label(row.norm)}")
        words.append(" ".join(piece))
    references = []
    if baseline is not None:
        words.append(f"nulmeting {label(baseline)}")
        references.append(charts.Reference("nulmeting", Decimal(baseline), colour=BASELINE, line="dashdot"))
    if norm is not None:
        words.append(f"landelijke norm {label(norm)}")
        references.append(charts.Reference("landelijke norm", Decimal(norm), colour=NORM, line="dotted"))
    series = [
        charts.Series(
            "cijfer (open rondje: voorlopig)",
            values=[row.actual if row else None for row in rows],
            hollow=[bool(row and row.provisional) for row in rows],
            colour=ACTUAL,
            marker="circle",
            width=2.5,
        ),
        charts.Series(
            target_legend,
            values=[row.target if row else None for row in rows],
            colour=TARGET,
            line="dashed",
            marker="diamond",
        ),
    ]
    for attribute, legend, colour, line, marker in (
        ("other_target", f"streefcijfer {other_targets_label}", OTHER_TARGET, "dashed", "diamond"),
        ("national", "Nederland", NATIONAL, "solid", "square"),
        ("norm", "landelijke norm", NORM, "dotted", "triangle"),
    ):
        values = [getattr(row, attribute, None) if row else None for row in rows]
        if any(value is not None for value in values):
            series.append(charts.Series(legend, values=values, colour=colour, line=line, marker=marker, width=1.5))
    return charts.LineChart(
        id=f"chart-{code}",
        title=title or name,
        x_labels=labels,
        series=series,
        references=references,
        description="; ".join(words),
        value_label=label,
    )


def indicator_chart(row) -> charts.LineChart | None:
    """The KPI page's chart of an indicators.selectors.IndicatorRow, with the baseline as well."""
    indicator = row.indicator
    years = [
        Year(
            school_year=year.school_year,
            actual=year.actual,
            provisional=bool(year.figure and year.figure.is_provisional),
            target=year.target.value if year.target else None,
            national=year.national.value if year.national else None,
            norm=year.norm.value if year.norm else None,
            other_target=year.other_target.value if year.other_target else None,
        )
        for year in row.years.values()
    ]
    others = {year.other_target.indicator.programme.period_label for year in row.years.values() if year.other_target}
    return kpi_chart(
        code=indicator.code,
        name=indicator.name,
        unit=indicator.unit,
        years=years,
        baseline=indicator.baseline,
        title=_("Grafiek van %(name)s per schooljaar") % {"name": indicator.name},
        target_label=indicator.programme.period_label if others else "",
        other_targets_label=", ".join(sorted(others)),
    )
