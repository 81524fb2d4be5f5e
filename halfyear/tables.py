"""Where a project stands in a half-year, as (key, Dutch word) and as a badge: for the project dashboard's table
(dashboards/tables.py) and the quarterly report (reports/snapshot/)."""

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import HalfYearEvaluation


def plan_state(state, today) -> tuple[str, str]:
    """(key, Dutch word) of a half-year's plan: its newest version, or missing/late."""
    plan = state.latest
    if plan is None:
        return ("te-laat", _("te laat")) if state.plan_late(today) else ("ontbreekt", _("nog geen plan"))
    if plan.status in (plan.Status.CONCEPT, plan.Status.RETURNED) and state.approved is None and state.plan_late(today):
        return "te-laat", _("te laat (%(status)s)") % {"status": plan.get_status_display()}
    word = plan.get_status_display()
    if plan.revision > 1:
        word = _("%(status)s (versie %(revision)s)") % {"status": word, "revision": plan.revision}
    return plan.status, word


def evaluation_state(state, today) -> tuple[str, str]:
    if state.approved is None:
        return "geen", _("geen plan")
    evaluation = state.evaluation
    if evaluation is not None and evaluation.status == HalfYearEvaluation.Status.SUBMITTED:
        return "ingediend", _("ingediend")
    if state.evaluation_late(today):
        return "te-laat", _("te laat")
    if evaluation is not None:
        return "concept", _("concept")
    return "open", _("nog te doen (uiterlijk %(date)s)") % {"date": date_format(state.evaluation_deadline, "j F Y")}


def goals_text(state) -> str:
    if state.goals_met_pct is None:
        return "—"
    return _("%(met)s van %(total)s (%(pct)s%%)") % {
        "met": state.goals_met,
        "total": state.goals_total,
        "pct": state.goals_met_pct,
    }


def badge(key: str, word: str) -> str:
    return render_to_string("halfyear/_badge.html", {"key": key, "word": word})
