"""What changed between the previous published report and this one: new and revised figures of the programme's
KPIs (from the shared Figure history), KPIs and projects whose status moved, plans approved in between, what is
overdue."""

from datetime import datetime

from django.db.models import Q
from simple_history.models import to_historic

from core import clock
from halfyear.models import HalfYearPlan
from indicators.areas import Area
from indicators.models import Figure, Indicator
from indicators.status import Level

from .schema import (
    Changes,
    FigureChange,
    KpiStatusChange,
    Overdue,
    PlanApproved,
    ProjectStatusChange,
    Snapshot,
)

# Higher is better: how KPI statuses and project statuses rank when the report says "up" or "down".
KPI_RANK = {Level.BEHIND.value: 0, Level.AT_RISK.value: 1, Level.ON_TRACK.value: 2}
PROJECT_RANK = {"achter": 0, "risico": 1, "op_schema": 2, "afgerond": 3}
# A figure counts as changed when one of these differs between its history rows.
FIGURE_FIELDS = ["value", "finality"]


def _rank_change(rank: dict, old, new) -> str:
    if old in rank and new in rank:
        return "omhoog" if rank[new] > rank[old] else "omlaag"
    return "anders"


def figure_changes(*, programme, since: datetime, until: datetime) -> list[FigureChange]:
    """New, revised and deleted figures (DUO imports and hand entries) between two moments: one entry per
    figure, from what it was at `since` (simple-history's `as_of`) to its last history row up to `until`,
    compared with `diff_against`. Three queries."""
    indicators = {}
    for indicator in Indicator.objects.filter(programme=programme).select_related("programme__region"):
        indicators.setdefault((indicator.category_id, indicator.area), indicator)
    if not indicators:
        return []
    followed = Q()
    for category, area in indicators:
        followed |= Q(category_id=category, area_kind=area.kind, area_code=area.code)
    window = list(
        Figure.history.filter(followed, breakdown="", history_date__gt=since, history_date__lte=until)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    if not window:
        return []
    last = {}
    for row in window:
        last[row.id] = row
    # The figures as they were at `since` (one deleted by then is not among them), as history rows to diff.
    before = {
        figure.pk: to_historic(figure)
        for figure in Figure.history.as_of(since).filter(id__in=list(last)).order_by("history_date", "history_id")
    }
    changes = []
    for figure_id, row in last.items():
        old = before.get(figure_id)
        indicator = indicators[(row.category_id, Area(row.area_kind, row.area_code))]
        deleted = row.history_type == "-"
        if old is None and deleted:
            continue
        if old is not None and not deleted and not row.diff_against(old, included_fields=FIGURE_FIELDS).changes:
            continue
        changes.append(
            FigureChange(
                indicator=indicator.name,
                code=indicator.code,
                unit=indicator.unit,
                school_year=row.school_year,
                kind="verwijderd" if deleted else ("nieuw" if old is None else "herzien"),
                old=old.value if old is not None else None,
                new=None if deleted else row.value,
                finality=str(row.get_finality_display()),
                source=str(row.get_source_display()),
                when=clock.local_date(row.history_date),
                who=(row.history_user.get_full_name() or row.history_user.username) if row.history_user else "",
                reason=row.history_change_reason or "",
            )
        )
    changes.sort(key=lambda item: (item.code, item.school_year))
    return changes


def changes_since(*, programme, previous: Snapshot, current: Snapshot, since: datetime, until: datetime) -> Changes:
    """What changed between the previous published report (its snapshot and moment) and this one."""
    old_kpis = {row.code: row for row in previous.kpi.rows}
    kpi_statuses = []
    for row in current.kpi.rows:
        old = old_kpis.get(row.code)
        if old is not None and old.status != row.status:
            kpi_statuses.append(
                KpiStatusChange(
                    code=row.code,
                    name=row.name,
                    old=old.status,
                    new=row.status,
                    direction=_rank_change(KPI_RANK, old.status, row.status),
                )
            )
    old_projects = {row.code: row.status for row in previous.projects.rows}
    project_statuses = []
    for row in current.projects.rows:
        old = old_projects.get(row.code)
        if old != row.status:
            project_statuses.append(
                ProjectStatusChange(
                    code=row.code,
                    title=row.title,
                    old=old,
                    new=row.status,
                    date=row.status_date,
                    explanation=row.explanation,
                    direction=_rank_change(PROJECT_RANK, old, row.status),
                )
            )
    approved = (
        HalfYearPlan.objects.filter(
            project__programme=programme,
            status=HalfYearPlan.Status.APPROVED,
            decided_at__gt=since,
            decided_at__lte=until,
        )
        .select_related("project")
        .order_by("project__code", "period", "revision")
    )
    overdue = [
        Overdue(code=row.code, title=row.title, what="plan", period=row.period)
        for row in current.projects.rows
        if row.plan_late
    ] + [
        Overdue(code=row.code, title=row.title, what="evaluatie", period=row.evaluation_period)
        for row in current.projects.rows
        if row.evaluation_late
    ]
    return Changes(
        since=since,
        figures=figure_changes(programme=programme, since=since, until=until),
        kpi_statuses=kpi_statuses,
        project_statuses=project_statuses,
        plans_approved=[
            PlanApproved(
                code=plan.project.code,
                title=plan.project.title,
                period=plan.period,
                revision=plan.revision,
                when=clock.local_date(plan.decided_at),
            )
            for plan in approved
        ],
        overdue=overdue,
    )
