"""Reads for the half-year pages and the project dashboard, each with a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from core.periods import HalfYear
from projects.models import Activity, Project

from .models import HalfYearEvaluation, HalfYearPlan, ProjectStatus, SmartGoal
from .services import cycle_settings

Plan = HalfYearPlan.Status
NO_STATUS = "geen"


@dataclass(repr=False)
class PeriodState:
    """Where one project stands for one half-year: its newest plan version and the approved one (if any)."""

    period: HalfYear
    latest: HalfYearPlan | None = None
    approved: HalfYearPlan | None = None
    plan_deadline: date | None = None
    evaluation_deadline: date | None = None

    @property
    def plan_done(self) -> bool:
        return self.approved is not None or (self.latest is not None and self.latest.status == Plan.SUBMITTED)

    def plan_late(self, today: date) -> bool:
        return not self.plan_done and self.plan_deadline is not None and today > self.plan_deadline

    @property
    def evaluation(self) -> HalfYearEvaluation | None:
        return getattr(self.approved, "evaluation_or_none", None) if self.approved else None

    @property
    def evaluation_done(self) -> bool:
        return self.evaluation is not None and self.evaluation.status == HalfYearEvaluation.Status.SUBMITTED

    def evaluation_late(self, today: date) -> bool:
        return (
            self.approved is not None
            and not self.evaluation_done
            and self.evaluation_deadline is not None
            and today > self.evaluation_deadline
        )

    @property
    def goals_total(self) -> int:
        return getattr(self.approved, "goal_count", 0) if self.approved else 0

    @property
    def goals_met(self) -> int:
        return getattr(self.approved, "goals_met", 0) if self.approved else 0

    @property
    def goals_met_pct(self):
        if not self.evaluation_done or not self.goals_total:
            return None
        return round(100 * self.goals_met / self.goals_total)


@dataclass(repr=False)
class DashboardRow:
    project: Project
    status: ProjectStatus | None
    previous: PeriodState
    current: PeriodState
    next: PeriodState
    today: date


def _plans_by_period(projects, periods: list[HalfYear], settings, programme) -> dict[tuple[int, str], PeriodState]:
    """One query: every plan version of these projects in these periods, with its evaluation and goal counts. A
    closed programme, or a half-year outside the programme's period, has no deadlines: nothing there can still be
    written, so nothing is "te laat"."""
    plans = (
        HalfYearPlan.objects.filter(project__in=projects, period__in=[str(p) for p in periods])
        .select_related("evaluation")
        .annotate(
            goal_count=Count("goals", distinct=True),
            goals_met=Count("goals", filter=Q(goals__result=SmartGoal.Result.MET), distinct=True),
        )
        .order_by("project_id", "period", "revision")
    )
    states = {}
    closed = programme.status == programme.Status.CLOSED
    for project in projects:
        for period in periods:
            has_deadlines = not closed and programme.period.contains(period.start)
            states[(project.pk, str(period))] = PeriodState(
                period,
                plan_deadline=settings.plan_deadline(period) if has_deadlines else None,
                evaluation_deadline=settings.evaluation_deadline(period) if has_deadlines else None,
            )
    for plan in plans:
        _attach_evaluation(plan)
        state = states[(plan.project_id, plan.period)]
        state.latest = plan
        if plan.status == Plan.APPROVED:
            state.approved = plan
    return states


def _attach_evaluation(plan: HalfYearPlan) -> None:
    """`evaluation_or_none` on a plan read with select_related("evaluation"): no query, no exception."""
    try:
        plan.evaluation_or_none = plan.evaluation
    except HalfYearEvaluation.DoesNotExist:
        plan.evaluation_or_none = None


def _latest_status_subquery(field_name):
    newest = ProjectStatus.objects.filter(project=OuterRef("pk")).order_by("-date", "-id")
    return Subquery(newest.values(field_name)[:1])


def dashboard_rows(*, programme, today: date, theme=None, status: str | None = None) -> list[DashboardRow]:
    """Per project: its latest status, and the plans and evaluations of last, this and next half-year.

    `today` is the real day: the half-years are those of the programme's day (today kept within its period), and
    lateness is judged against the real day, so a concept that starts later is not "te laat" before its deadlines.
    Four queries whatever the number of projects: settings, projects (with the latest status), leaders, plans.
    """
    settings = cycle_settings(programme=programme)
    current = HalfYear.for_date(programme.day(today))
    periods = [current.previous(), current, current.next()]
    projects = (
        Project.objects.filter(programme=programme)
        .select_related("theme")
        .prefetch_related(
            Prefetch("leaders", queryset=get_user_model().objects.order_by("last_name", "first_name", "username"))
        )
        .annotate(
            latest_status_id=_latest_status_subquery("id"),
            latest_status=_latest_status_subquery("status"),
            latest_status_date=_latest_status_subquery("date"),
            latest_status_explanation=_latest_status_subquery("explanation"),
        )
        .order_by("theme__number", "code")
    )
    if theme is not None:
        projects = projects.filter(theme=theme)
    if status == NO_STATUS:
        projects = projects.filter(latest_status__isnull=True)
    elif status:
        projects = projects.filter(latest_status=status)
    projects = sorted(projects, key=lambda project: project.sort_key)
    states = _plans_by_period(projects, periods, settings, programme)
    rows = []
    for project in projects:
        report = None
        if project.latest_status_id:
            report = ProjectStatus(
                id=project.latest_status_id,
                project=project,
                status=project.latest_status,
                date=project.latest_status_date,
                explanation=project.latest_status_explanation,
            )
        rows.append(
            DashboardRow(
                project=project,
                status=report,
                previous=states[(project.pk, str(periods[0]))],
                current=states[(project.pk, str(periods[1]))],
                next=states[(project.pk, str(periods[2]))],
                today=today,
            )
        )
    return rows


def project_cycle(*, project, today: date, history: int = 6) -> dict:
    """For the panel on the project page: the status course and the plan per recent half-year (`today`: the
    programme's day)."""
    reports = list(
        ProjectStatus.objects.filter(project=project).select_related("recorded_by").order_by("-date", "-id")[:history]
    )
    plans = list(
        HalfYearPlan.objects.filter(project=project).select_related("evaluation").order_by("-period", "-revision")
    )
    newest = {}
    for plan in plans:
        newest.setdefault(plan.period, plan)
    return {
        "reports": reports,
        "latest_report": reports[0] if reports else None,
        "plans": list(newest.values())[:6],
        "current_period": HalfYear.for_date(today),
    }


def project_plans(*, project) -> list[HalfYearPlan]:
    """All plan versions of a project, newest period first, with goal counts and the evaluation."""
    plans = list(
        HalfYearPlan.objects.filter(project=project)
        .select_related("evaluation", "submitted_by", "decided_by")
        .annotate(
            goal_count=Count("goals", distinct=True),
            goals_met=Count("goals", filter=Q(goals__result=SmartGoal.Result.MET), distinct=True),
        )
        .order_by("-period", "-revision")
    )
    for plan in plans:
        _attach_evaluation(plan)
    return plans


def plan_for(*, project, period: HalfYear | str, revision: int | None = None) -> HalfYearPlan:
    """The plan (newest version unless one is asked for) with everything its page shows."""
    goals = SmartGoal.objects.select_related("carried_from__plan", "indicator").order_by("number")
    plans = (
        HalfYearPlan.objects.filter(project=project, period=str(period))
        .select_related("project__programme", "project__theme", "submitted_by", "decided_by")
        .prefetch_related(
            Prefetch("goals", queryset=goals),
            Prefetch("activities", queryset=Activity.objects.order_by("number")),
        )
        .order_by("-revision")
    )
    if revision is not None:
        plans = plans.filter(revision=revision)
    plan = plans.first()
    if plan is None:
        raise HalfYearPlan.DoesNotExist
    plan.project = project
    return plan


def evaluation_of(plan: HalfYearPlan) -> HalfYearEvaluation | None:
    return HalfYearEvaluation.objects.filter(plan=plan).select_related("submitted_by").first()


def plan_versions(*, plan: HalfYearPlan) -> QuerySet[HalfYearPlan]:
    return HalfYearPlan.objects.filter(project_id=plan.project_id, period=plan.period).order_by("revision")


def plan_history(*, plan: HalfYearPlan, limit: int = 50):
    """The plan's course through the workflow: who moved it, when, and why (the comment when sent back)."""
    return list(
        HalfYearPlan.history.filter(id=plan.pk)
        .select_related("history_user")
        .order_by("-history_date")
        .only("history_date", "history_user", "history_change_reason", "status", "history_type")[:limit]
    )


def goal_chain(*, goal: SmartGoal, limit: int = 12) -> list[SmartGoal]:
    """The goal through the half-years: the goals it continues, itself, and the goals that continue it."""
    chain = [goal]
    current = goal
    while current.carried_from_id and len(chain) < limit:
        current = SmartGoal.objects.select_related("plan").get(pk=current.carried_from_id)
        chain.insert(0, current)
    current = goal
    while len(chain) < limit:
        following = SmartGoal.objects.select_related("plan").filter(carried_from=current).order_by("-plan__revision")
        current = following.first()
        if current is None:
            break
        chain.append(current)
    return chain


def dashboard_summary(rows: list[DashboardRow]) -> dict:
    """Counts above the dashboard table, from the rows already read (no queries)."""
    counts = {key: 0 for key, _label in ProjectStatus.Status.choices}
    without = 0
    for row in rows:
        if row.status is None:
            without += 1
        else:
            counts[row.status.status] += 1
    statuses = [(key, label, counts[key]) for key, label in ProjectStatus.Status.choices]
    statuses.append(("geen", _("nog geen status"), without))
    return {
        "statuses": statuses,
        "total": len(rows),
        "approved_current": sum(1 for row in rows if row.current.approved is not None),
        "planned_previous": sum(1 for row in rows if row.previous.approved is not None),
        "evaluated_previous": sum(1 for row in rows if row.previous.evaluation_done),
    }
