"""Where a project stands in a half-year, as (key, Dutch word) and as a badge: for the project dashboard's table
(dashboards/tables.py) and the quarterly report (reports/snapshot/, which stores the keys)."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.badges import Tone, badge

from .models import HalfYearEvaluation, HalfYearPlan, ProjectStatus, SmartGoal

# The keys of the half-year cycle's badges and their tones: each status's own (models.py) and the states the
# cycle adds, "te laat" (overdue) and the nothing-yet ones. A stored report keeps the keys, so they stay valid.
LATE, MISSING, NONE, OPEN = "te-laat", "ontbreekt", "geen", "open"
STATE_TONES = {
    **{key: look.tone for key, look in HalfYearPlan.STATUS_LOOKS.items()},
    **{key: look.tone for key, look in HalfYearEvaluation.STATUS_LOOKS.items()},
    **{key: look.tone for key, look in SmartGoal.RESULT_LOOKS.items()},
    **{key: look.tone for key, look in ProjectStatus.STATUS_LOOKS.items()},
    LATE: Tone.BEHIND,
    MISSING: Tone.OPEN,  # no plan yet
    NONE: Tone.OPEN,  # no status, no plan to evaluate
    OPEN: Tone.OPEN,  # not evaluated yet
}


def plan_state(state, today) -> tuple[str, str]:
    """(key, Dutch word) of a half-year's plan: its newest version, or missing/late."""
    plan = state.latest
    if plan is None:
        return (LATE, _("te laat")) if state.plan_late(today) else (MISSING, _("nog geen plan"))
    if plan.status in (plan.Status.CONCEPT, plan.Status.RETURNED) and state.approved is None and state.plan_late(today):
        return LATE, _("te laat (%(status)s)") % {"status": plan.get_status_display()}
    word = plan.get_status_display()
    if plan.revision > 1:
        word = _("%(status)s (versie %(revision)s)") % {"status": word, "revision": plan.revision}
    return plan.status, word


def evaluation_state(state, today) -> tuple[str, str]:
    if state.approved is None:
        return NONE, _("geen plan")
    evaluation = state.evaluation
    if evaluation is not None and evaluation.status == HalfYearEvaluation.Status.SUBMITTED:
        return "ingediend", _("ingediend")
    if state.evaluation_late(today):
        return LATE, _("te laat")
    if evaluation is not None:
        return "concept", _("concept")
    if state.evaluation_deadline is None:  # a closed programme: it can no longer be written
        return NONE, _("niet geëvalueerd")
    return OPEN, _("nog te doen (uiterlijk %(date)s)") % {"date": date_format(state.evaluation_deadline, "j F Y")}


def goals_text(state) -> str:
    if state.goals_met_pct is None:
        return "—"
    return _("%(met)s van %(total)s (%(pct)s%%)") % {
        "met": state.goals_met,
        "total": state.goals_total,
        "pct": state.goals_met_pct,
    }


def state_badge(key: str, word) -> str:
    """The badge of a (key, word) pair of the cycle: a status of a plan, evaluation, goal or project, or a state."""
    return badge(STATE_TONES.get(key or NONE, Tone.OPEN), word)


def status_badge(report) -> str:
    """A project's latest status report as a badge; "nog geen status" without one."""
    if report is None:
        return state_badge(NONE, _("nog geen status"))
    return report.STATUS_LOOKS[report.status].badge()
