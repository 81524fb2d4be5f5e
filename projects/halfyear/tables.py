"""The project dashboard as a django-tables2 table: badges on screen, plain words in CSV/XLSX."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import HalfYearEvaluation

HIDE_ON_PHONE = {"td": {"class": "hide-sm"}, "th": {"class": "hide-sm"}}


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
    return render_to_string("projects/halfyear/_badge.html", {"key": key, "word": word})


class DashboardTable(tables.Table):
    """On screen: project (with theme), status (with date), plans, evaluation, goals met.
    In CSV/XLSX also code, theme, status date and explanation in columns of their own."""

    code = tables.Column(verbose_name=gettext_lazy("Code"), accessor="project__code", visible=False)
    project = tables.Column(verbose_name=gettext_lazy("Project"), accessor="project__title", orderable=False)
    theme = tables.Column(verbose_name=gettext_lazy("Thema"), accessor="project__theme__number", visible=False)
    status = tables.Column(verbose_name=gettext_lazy("Status"), empty_values=(), orderable=False)
    status_date = tables.Column(
        verbose_name=gettext_lazy("Status per"), accessor="status", empty_values=(), visible=False
    )
    status_explanation = tables.Column(
        verbose_name=gettext_lazy("Toelichting status"), accessor="status", empty_values=(), visible=False
    )
    plan_current = tables.Column(accessor="current", empty_values=(), orderable=False)
    evaluation_previous = tables.Column(accessor="previous", empty_values=(), orderable=False)
    goals_previous = tables.Column(
        accessor="previous", empty_values=(), orderable=False, attrs={"td": {"class": "nowrap"}}
    )
    plan_next = tables.Column(accessor="next", empty_values=(), orderable=False)

    class Meta:
        empty_text = gettext_lazy("Geen projecten met deze filters. Kies een ander thema of een andere status.")
        template_name = "django_tables2/table.html"
        attrs = {"class": "utrecht-table utrecht-table--html-table dashboard-table"}

    def __init__(self, data, *, periods, today, **kwargs):
        previous, current, following = periods
        self.today = today
        super().__init__(data, **kwargs)
        self.columns["plan_current"].column.verbose_name = _("Plan %(period)s") % {"period": current}
        self.columns["evaluation_previous"].column.verbose_name = _("Evaluatie %(period)s") % {"period": previous}
        self.columns["goals_previous"].column.verbose_name = _("Doelen behaald %(period)s") % {"period": previous}
        self.columns["plan_next"].column.verbose_name = _("Plan %(period)s") % {"period": following}

    # On screen
    def render_project(self, record):
        project = record.project
        return format_html(
            '<a class="utrecht-link" href="{}">{} {}</a><span class="cell-sub">{} {}</span>',
            reverse("halfyear_plan_list", kwargs={"code": project.code}),
            project.code,
            project.title,
            _("thema"),
            project.theme.number,
        )

    def render_status(self, record):
        if record.status is None:
            return badge("geen", _("nog geen status"))
        return format_html(
            '{}<span class="cell-sub">{}</span>',
            badge(record.status.status, record.status.get_status_display()),
            _("per %(date)s") % {"date": date_format(record.status.date, "j b Y")},
        )

    def render_plan_current(self, record):
        return badge(*plan_state(record.current, self.today))

    def render_plan_next(self, record):
        return badge(*plan_state(record.next, self.today))

    def render_evaluation_previous(self, record):
        return badge(*evaluation_state(record.previous, self.today))

    def render_goals_previous(self, record):
        return goals_text(record.previous)

    # In CSV/XLSX: words, no markup
    def value_code(self, record):
        return record.project.code

    def value_project(self, record):
        return record.project.title

    def value_status(self, record):
        return record.status.get_status_display() if record.status else _("nog geen status")

    def value_status_date(self, record):
        return record.status.date.isoformat() if record.status else ""

    def value_status_explanation(self, record):
        return record.status.explanation if record.status else ""

    def value_plan_current(self, record):
        return plan_state(record.current, self.today)[1]

    def value_plan_next(self, record):
        return plan_state(record.next, self.today)[1]

    def value_evaluation_previous(self, record):
        return evaluation_state(record.previous, self.today)[1]

    def value_goals_previous(self, record):
        return goals_text(record.previous)
