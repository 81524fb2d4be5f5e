"""Gather what a progress report shows from the existing selectors, as a typed `Snapshot`.

`gather()` is the one function that collects the whole content: the KPI dashboard (statuses and the series
the charts draw), the budget per theme with its pace, the project dashboard, and the changes since the
previous published report. The same Snapshot renders a draft (gathered afresh on every view) and a published
report (stored as JSON in `ProgressReport.snapshot`, read back with `Snapshot.from_json`).

Nothing here computes a KPI status, a pace or a plan state itself: that stays with indicators/status.py,
budget/pace.py and the half-year selectors.
"""

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from budget import selectors as budget_selectors
from core import clock
from halfyear import selectors as halfyear_selectors
from halfyear.tables import evaluation_state, plan_state
from indicators import selectors as kpi_selectors

from .changes import changes_since
from .schema import (
    FORMAT,
    BudgetBlock,
    BudgetFigures,
    BudgetSection,
    KpiRow,
    KpiSection,
    KpiYear,
    PreviousReport,
    ProgrammeInfo,
    ProjectRow,
    ProjectsSection,
    Snapshot,
    Trend,
)


def _decimal(value) -> Decimal | None:
    """A figure as the snapshot keeps it: the Decimal it is (an int percentage such as a progress of 86 too)."""
    return None if value is None else Decimal(value)


def _series(row) -> list[KpiYear]:
    return [
        KpiYear(
            school_year=year.school_year,
            actual=_decimal(year.actual),
            provisional=bool(year.figure and year.figure.is_provisional),
            target=_decimal(year.target.value if year.target else None),
            national=_decimal(year.national.value if year.national else None),
            norm=_decimal(year.norm.value if year.norm else None),
        )
        for year in row.years.values()
    ]


def _kpi(programme) -> KpiSection:
    data = kpi_selectors.dashboard(programme=programme)
    rows = []
    for row in data.rows:
        indicator, selected = row.indicator, row.selected
        assessment = selected.assessment
        trend = selected.trend
        rows.append(
            KpiRow(
                code=indicator.code,
                name=indicator.name,
                group=indicator.group,
                group_label=str(indicator.get_group_display()),
                unit=indicator.unit,
                baseline=_decimal(indicator.baseline),
                norm=_decimal(selected.norm.value if selected.norm else None),
                national=_decimal(selected.national.value if selected.national else None),
                target=_decimal(selected.target.value if selected.target else None),
                target_label=selected.target_label,
                actual=_decimal(selected.actual),
                provisional=bool(selected.figure and selected.figure.is_provisional),
                status=assessment.level.value,
                progress_pct=_decimal(assessment.progress_pct),
                note=str(assessment.note_text),
                trend=None
                if trend is None
                else Trend(
                    previous_year=trend.previous_year,
                    delta=Decimal(trend.delta),
                    comparison=trend.comparison.value,
                ),
                series=_series(row),
            )
        )
    return KpiSection(school_year=data.selected_year, rows=rows)


def _figures(figures, year) -> BudgetFigures:
    return BudgetFigures(budget=_decimal(figures.current.get(year)), spent=Decimal(figures.spent.get(year, 0)))


def _budget(programme, today) -> BudgetSection | None:
    overview = budget_selectors.budget_overview(programme=programme, today=today)
    if overview is None:
        return None
    year = overview.year

    def block(title, figures, pace, theme=None) -> BudgetBlock:
        this_year = _figures(figures, year)
        return BudgetBlock(
            title=title,
            theme=theme,
            budget=this_year.budget,
            spent=this_year.spent,
            spent_pct=pace.spent_pct.quantize(Decimal("0.1")) if pace.spent_pct is not None else None,
            pace=pace.status.value,
            per_year={str(y): _figures(figures, y) for y in overview.years},
        )

    return BudgetSection(
        year=year,
        first_year=overview.settings.first_year,
        last_year=overview.settings.last_year,
        expected_pct=overview.total_pace.expected_pct.quantize(Decimal("1")),
        total_all_years=_decimal(overview.total.current_total),
        spent_all_years=_decimal(overview.total.spent_total),
        total=block(str(_("Totaal")), overview.total, overview.total_pace),
        sections=[
            block(
                item.section.title,
                item.figures,
                item.pace,
                item.section.theme.number if item.section.theme_id else None,
            )
            for item in overview.sections
        ],
        pending_changes=overview.pending_changes,
    )


def _projects(programme, today) -> ProjectsSection:
    rows = halfyear_selectors.dashboard_rows(programme=programme, today=today)
    summary = halfyear_selectors.dashboard_summary(rows)
    result = []
    for row in rows:
        plan_key, plan_word = plan_state(row.current, today)
        evaluation_key, evaluation_word = evaluation_state(row.previous, today)
        result.append(
            ProjectRow(
                code=row.project.code,
                title=row.project.title,
                theme=row.project.theme.number,
                leaders=[leader.get_full_name() or leader.username for leader in row.project.leaders.all()],
                status=row.status.status if row.status else None,
                status_date=row.status.date if row.status else None,
                explanation=row.status.explanation if row.status else "",
                period=str(row.current.period),
                plan=(plan_key, str(plan_word)),
                plan_late=row.current.plan_late(today),
                evaluation_period=str(row.previous.period),
                evaluation=(evaluation_key, str(evaluation_word)),
                evaluation_late=row.previous.evaluation_late(today),
            )
        )
    return ProjectsSection(
        summary=[(key, str(label), count) for key, label, count in summary["statuses"]],
        total=summary["total"],
        approved_current=summary["approved_current"],
        rows=result,
    )


def gather(*, programme, now: datetime | None = None, previous=None) -> Snapshot:
    """The whole content of a report as of `now`. `previous` is the previous published report (or None)."""
    now = now or clock.now()
    today = programme.day(clock.local_date(now))  # a closed programme's report reads as on its last day
    content = Snapshot(
        format=FORMAT,
        gathered_at=now,
        today=today,
        programme=ProgrammeInfo(title=programme.title, region=str(programme.region)),
        kpi=_kpi(programme),
        budget=_budget(programme, today),
        projects=_projects(programme, today),
    )
    if previous is None or not previous.snapshot:
        return content
    return replace(
        content,
        previous=PreviousReport(
            id=previous.pk, title=str(previous), period=previous.period, published_at=previous.published_at
        ),
        changes=changes_since(
            programme=programme,
            previous=Snapshot.from_json(previous.snapshot),
            current=content,
            since=previous.published_at,
            until=now,
        ),
    )
