"""Every write of the half-year cycle: validated, in a transaction, with a history row (who and why)."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from budget.selectors import hourly_rate
from core import clock
from core.history import save_versioned, save_with_history
from core.periods import HalfYear
from projects import permissions

from .models import CycleSettings, HalfYearEvaluation, HalfYearPlan, ProjectStatus, SmartGoal
from .workflow import Action, can_start, check, check_evaluation

# What a goal keeps when it is copied into the next half-year (PDCA) or a new plan version; `indicator_id`, not
# `indicator`, so copying reads no KPI rows.
GOAL_COPY_FIELDS = (
    "description",
    "measure_description",
    "measure_unit",
    "indicator_id",
    "target_value",
    "achievable",
    "responsible",
)
PLAN_COPY_FIELDS = ("context", "aim", "lessons", "hours_requested", "other_costs", "hourly_rate")


def cycle_settings(*, programme) -> CycleSettings:
    """The programme's cycle settings, created with the defaults when missing."""
    found, _created = CycleSettings.objects.get_or_create(programme=programme)
    return found


def _lock(plan: HalfYearPlan) -> HalfYearPlan:
    """Re-read the plan under a row lock, so two clicks on "indienen" cannot both pass the state check."""
    return HalfYearPlan.objects.select_for_update().select_related("project__programme").get(pk=plan.pk)


def evaluation_opens(period: HalfYear) -> date:
    """A half-year can be evaluated from the first day of its last month."""
    return period.month_end(5) + timedelta(days=1)


# ── plans ────────────────────────────────────────────────────────────────────────────────────────────


@transaction.atomic
def halfyear_plan_start(*, project, period: HalfYear | str, user, today: date | None = None) -> HalfYearPlan:
    """Start the concept plan for a period. The PDCA step: goals of the previous half-year's plan that were not
    (yet) met come in as proposals, linked to the goal they continue, and its lessons and reflection are
    copied into "lessen uit het vorige halfjaar"."""
    permissions.require_open(project.programme)
    if not can_start(user, project):
        raise PermissionDenied(_("Alleen de projectleiders van dit project schrijven het halfjaarplan."))
    period = HalfYear.parse(period)
    today = today or clock.today()
    if period < HalfYear.for_date(today):
        raise ValidationError(
            _("Het halfjaar %(period)s is al voorbij; daarvoor start u geen plan meer.") % {"period": period}
        )
    programme = project.programme
    if not programme.period.contains(period.start):
        raise ValidationError(
            _("Het halfjaar %(period)s valt buiten %(title)s (%(years)s).")
            % {"period": period, "title": programme.title, "years": programme.period_label}
        )
    if HalfYearPlan.objects.filter(project=project, period=str(period)).exists():
        raise ValidationError(_("Er is al een plan voor %(period)s.") % {"period": period})
    plan = HalfYearPlan(project=project, period=str(period), hourly_rate=hourly_rate(programme=project.programme))
    previous = latest_approved(project=project, period=period.previous())
    if previous is not None:
        plan.lessons = _lessons_text(previous)
    save_with_history(plan, user=user, reason=_("plan gestart"))
    if previous is not None:
        plan.activities.set(previous.activities.all())
        number = 0
        for goal in previous.goals.order_by("number"):
            if goal.result == SmartGoal.Result.MET:
                continue
            number += 1
            copy = SmartGoal(plan=plan, number=number, carried_from=goal, deadline=period.end)
            for field in GOAL_COPY_FIELDS:
                setattr(copy, field, getattr(goal, field))
            save_with_history(copy, user=user, reason=_("voorstel uit %(period)s") % {"period": previous.period})
    return plan


def _lessons_text(previous: HalfYearPlan) -> str:
    lines = []
    for goal in previous.goals.order_by("number"):
        if goal.lesson.strip():
            lines.append(
                f"• {_('Doel')} {goal.number} ({goal.get_result_display() or _('niet geëvalueerd')}): "
                f"{goal.lesson.strip()}"
            )
    evaluation = HalfYearEvaluation.objects.filter(plan=previous).first()
    if evaluation and evaluation.reflection.strip():
        lines.append(f"{_('Reflectie')} {previous.period}: {evaluation.reflection.strip()}")
    return "\n".join(lines)


def latest_approved(*, project, period: HalfYear | str) -> HalfYearPlan | None:
    return (
        HalfYearPlan.objects.filter(project=project, period=str(period), status=HalfYearPlan.Status.APPROVED)
        .order_by("-revision")
        .first()
    )


@transaction.atomic
def halfyear_plan_update(
    *, plan: HalfYearPlan, user, activities=None, reason: str = "", expected_version: int | None = None
) -> HalfYearPlan:
    """Save the plan's own fields (the caller has set them on `plan`); only while it is concept or returned."""
    current = _lock(plan)
    check(Action.EDIT, current, user)
    for field in ("status", "revision", "submitted_at", "decided_at", "review_comment"):
        setattr(plan, field, getattr(current, field))
    if activities is not None:
        wrong = [activity for activity in activities if activity.project_id != plan.project_id]
        if wrong:
            raise ValidationError({"activities": _("Kies alleen activiteiten van dit project.")})
    save_versioned(plan, user=user, reason=reason, expected_version=expected_version)
    if activities is not None:
        plan.activities.set(activities)
    return plan


@transaction.atomic
def halfyear_plan_submit(*, plan: HalfYearPlan, user) -> HalfYearPlan:
    plan = _lock(plan)
    move = check(Action.SUBMIT, plan, user)
    errors = []
    if not plan.context.strip():
        errors.append(_("Beschrijf de context van het project."))
    if not plan.aim.strip():
        errors.append(_("Beschrijf het doel van dit halfjaar."))
    if plan.hours_requested is None:
        errors.append(_("Vul de gevraagde uren in (0 als u geen uren vraagt)."))
    goals = list(plan.goals.select_related("plan"))
    if not goals:
        errors.append(_("Voeg minstens één SMART-doel toe."))
    for goal in goals:
        try:
            goal.full_clean()
        except ValidationError:
            errors.append(_("Doel %(number)s is nog niet SMART: vul het aan.") % {"number": goal.number})
    if errors:
        raise ValidationError(errors, code="incomplete")
    plan.status = move.target
    plan.submitted_at = clock.now()
    plan.submitted_by = user
    return save_with_history(plan, user=user, reason=_("ingediend"))


@transaction.atomic
def halfyear_plan_approve(*, plan: HalfYearPlan, user, comment: str = "") -> HalfYearPlan:
    plan = _lock(plan)
    move = check(Action.APPROVE, plan, user)
    plan.status = move.target
    plan.decided_at = clock.now()
    plan.decided_by = user
    plan.review_comment = comment.strip()
    return save_with_history(plan, user=user, reason=_("goedgekeurd"))


@transaction.atomic
def halfyear_plan_return(*, plan: HalfYearPlan, user, comment: str) -> HalfYearPlan:
    plan = _lock(plan)
    move = check(Action.RETURN, plan, user)
    if not comment.strip():
        raise ValidationError({"comment": _("Schrijf erbij wat de projectleider moet aanpassen.")})
    plan.status = move.target
    plan.decided_at = clock.now()
    plan.decided_by = user
    plan.review_comment = comment.strip()
    return save_with_history(plan, user=user, reason=_("teruggestuurd: %(comment)s") % {"comment": comment.strip()})


@transaction.atomic
def halfyear_plan_revise(*, plan: HalfYearPlan, user, reason: str) -> HalfYearPlan:
    """A change after approval: a new version (concept) with a reason; the approved version stays as it was."""
    plan = _lock(plan)
    move = check(Action.REVISE, plan, user)
    if not reason.strip():
        raise ValidationError({"reason": _("Geef de reden voor een nieuwe versie.")})
    newest = HalfYearPlan.objects.filter(project=plan.project, period=plan.period).aggregate(Max("revision"))
    if newest["revision__max"] != plan.revision:
        raise ValidationError(_("Er is al een nieuwere versie van dit plan."))
    revision = HalfYearPlan(
        project=plan.project,
        period=plan.period,
        revision=plan.revision + 1,
        revision_reason=reason.strip(),
        status=move.target,
        is_demo=plan.is_demo,
    )
    for field in PLAN_COPY_FIELDS:
        setattr(revision, field, getattr(plan, field))
    save_with_history(revision, user=user, reason=_("nieuwe versie: %(reason)s") % {"reason": reason.strip()})
    revision.activities.set(plan.activities.all())
    for goal in plan.goals.order_by("number"):
        copy = SmartGoal(plan=revision, number=goal.number, carried_from=goal.carried_from, deadline=goal.deadline)
        for field in GOAL_COPY_FIELDS:
            setattr(copy, field, getattr(goal, field))
        save_with_history(copy, user=user, reason=_("nieuwe versie"))
    return revision


# ── goals ────────────────────────────────────────────────────────────────────────────────────────────


@transaction.atomic
def smart_goal_save(*, goal: SmartGoal, user, reason: str = "", expected_version: int | None = None) -> SmartGoal:
    """Save a goal; a change of its KPI is named in the history row (which KPI, or that it was unlinked)."""
    check(Action.EDIT, _lock(goal.plan), user)
    if goal.pk is None and not goal.number:
        goal.number = next_goal_number(plan=goal.plan)
    stored = SmartGoal.objects.filter(pk=goal.pk).values_list("indicator_id", flat=True).first() if goal.pk else None
    if goal.indicator_id != stored:
        change = (
            _("gemeten met KPI %(kpi)s") % {"kpi": goal.indicator.name} if goal.indicator_id else _("KPI losgekoppeld")
        )
        reason = f"{reason}; {change}" if reason else change
    save_versioned(goal, user=user, reason=reason, expected_version=expected_version)
    return goal


@transaction.atomic
def smart_goal_delete(*, goal: SmartGoal, user, reason: str = "") -> None:
    check(Action.EDIT, _lock(goal.plan), user)
    goal._history_user = user
    goal._change_reason = (_("verwijderd: %(reason)s") % {"reason": reason} if reason else _("verwijderd"))[:100]
    goal.delete()


def next_goal_number(*, plan: HalfYearPlan) -> int:
    last = plan.goals.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


# ── evaluation ───────────────────────────────────────────────────────────────────────────────────────


def _check_evaluation_open(plan: HalfYearPlan, today: date | None) -> None:
    opens = evaluation_opens(plan.period_obj)
    if (today or clock.today()) < opens:
        raise ValidationError(
            _("Het halfjaar %(period)s wordt geëvalueerd vanaf %(date)s.")
            % {"period": plan.period, "date": date_format(opens, "j F Y")},
            code="too_early",
        )


@transaction.atomic
def halfyear_evaluation_save(
    *,
    plan: HalfYearPlan,
    user,
    reflection: str,
    goal_results: list[dict],
    today: date | None = None,
    expected_version: int | None = None,
) -> HalfYearEvaluation:
    """Save the evaluation as concept: the reflection, and per goal its result, value, explanation and lesson. A
    form opened before somebody else saved the evaluation (`expected_version`) is refused, nothing saved."""
    plan = _lock(plan)
    evaluation = HalfYearEvaluation.objects.select_for_update().filter(plan=plan).first()
    check_evaluation(plan, user, evaluation)
    _check_evaluation_open(plan, today)
    evaluation = evaluation or HalfYearEvaluation(plan=plan)
    evaluation.reflection = reflection
    save_versioned(evaluation, user=user, reason=_("evaluatie opgeslagen"), expected_version=expected_version)
    goals = {goal.pk: goal for goal in plan.goals.all()}
    errors = []
    for row in goal_results:
        goal = goals.get(row["goal"].pk)
        if goal is None:
            raise ValidationError(_("Dit doel hoort niet bij dit plan."))
        goal.result = row.get("result") or ""
        goal.value_reached = row.get("value_reached")
        goal.explanation = row.get("explanation") or ""
        goal.lesson = row.get("lesson") or ""
        try:
            save_with_history(goal, user=user, reason=_("evaluatie"))
        except ValidationError as error:
            errors.append(
                _("Doel %(number)s: %(errors)s") % {"number": goal.number, "errors": " ".join(error.messages)}
            )
    if errors:
        raise ValidationError(errors)
    return evaluation


@transaction.atomic
def halfyear_evaluation_submit(*, plan: HalfYearPlan, user, today: date | None = None) -> HalfYearEvaluation:
    plan = _lock(plan)
    evaluation = HalfYearEvaluation.objects.select_for_update().filter(plan=plan).first()
    check_evaluation(plan, user, evaluation)
    _check_evaluation_open(plan, today)
    errors = []
    if evaluation is None or not evaluation.reflection.strip():
        errors.append(_("Schrijf een reflectie op het halfjaar."))
    for goal in plan.goals.order_by("number"):
        if not goal.result:
            errors.append(_("Geef bij doel %(number)s aan of het is behaald.") % {"number": goal.number})
    if errors:
        raise ValidationError(errors, code="incomplete")
    evaluation.status = HalfYearEvaluation.Status.SUBMITTED
    evaluation.submitted_at = clock.now()
    evaluation.submitted_by = user
    return save_with_history(evaluation, user=user, reason=_("evaluatie ingediend"))


# ── project status ───────────────────────────────────────────────────────────────────────────────────


@transaction.atomic
def project_status_record(*, project, user, status: str, explanation: str, day: date | None = None) -> ProjectStatus:
    permissions.require_record_status(user, project)
    report = ProjectStatus(
        project=project,
        status=status,
        explanation=explanation.strip(),
        date=day or clock.today(),
        recorded_by=user,
    )
    return save_with_history(report, user=user, reason=_("status vastgelegd"))
