"""The project dashboard as a django-tables2 table: badges on screen, plain words in CSV/XLSX. Each column reads
what the view gathered from halfyear (the rows), budget and indicators; the table itself runs no query."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from budget.tables import number, pace_badge
from core.formatting import euro, pct
from halfyear.tables import badge, evaluation_state, goals_text, plan_state
from indicators.contributions import KpiColumn, ProjectKpis


def budget_of(budgets, record):
    """The project's ProjectBudget (budget/selectors.py), or None when the programme has no budget."""
    return budgets.get(record.project.pk) if budgets else None


class ProjectDashboardTable(tables.Table):
    """On screen: project (with theme), status (with date), plans, evaluation, goals met, budget vs spent with
    the pace, and the KPIs the project contributes to with their status.
    In CSV/XLSX also code, theme, status date and explanation, budget, spent and pace in columns of their own."""

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
    # On screen the share of goals met sits under the evaluation (room for budget and KPIs); in CSV/XLSX its own.
    goals_previous = tables.Column(accessor="previous", empty_values=(), orderable=False, visible=False)
    plan_next = tables.Column(accessor="next", empty_values=(), orderable=False)
    budget = tables.Column(empty_values=(), orderable=False, attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    # Only in CSV/XLSX (on screen they share the budget cell); headings name the budget year, set in __init__.
    budget_spent = tables.Column(empty_values=(), orderable=False, visible=False)
    budget_spent_pct = tables.Column(empty_values=(), orderable=False, visible=False)
    budget_pace = tables.Column(empty_values=(), orderable=False, visible=False)

    class Meta:
        empty_text = gettext_lazy("Geen projecten met deze filters. Kies een ander thema of een andere status.")
        template_name = "django_tables2/table.html"
        attrs = {"class": "utrecht-table utrecht-table--html-table dashboard-table"}

    def __init__(self, data, *, periods, today, kpis: ProjectKpis, budgets=None, **kwargs):
        """`kpis`: the KPIs of the rows' projects from `kpis_by_project`, read for all of them at once;
        `budgets`: {project id: ProjectBudget} from `project_budgets`, None when the programme has no budget."""
        previous, current, following = periods
        self.today = today
        self.budgets = budgets
        super().__init__(data, extra_columns=[("kpis", KpiColumn(kpis))], **kwargs)
        year = next(iter(budgets.values())).year if budgets else None
        labels = {
            "budget": _("Budget %(year)s") % {"year": year} if year else _("Budget"),
            "budget_spent": _("Besteed %(year)s") % {"year": year} if year else _("Besteed"),
            "budget_spent_pct": _("Besteed %(year)s (%% van budget)") % {"year": year} if year else _("Besteed (%)"),
            "budget_pace": _("Uitgavenritme %(year)s") % {"year": year} if year else _("Uitgavenritme"),
        }
        for name, label in labels.items():
            self.columns[name].column.verbose_name = label
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
        state = badge(*evaluation_state(record.previous, self.today))
        if record.previous.goals_met_pct is None:
            return state
        goals = goals_text(record.previous)
        return format_html('{}<span class="cell-sub cell-sub--wrap">{} {}</span>', state, _("doelen behaald:"), goals)

    def render_budget(self, record):
        budget = budget_of(self.budgets, record)
        if budget is None or not budget.rows:
            return format_html('<span class="muted">{}</span>', self.value_budget_pace(record))
        return format_html(
            '{}<span class="cell-sub">{} {}{}</span><span class="cell-sub">{}</span>',
            euro(budget.current),
            euro(budget.spent),
            _("besteed"),
            f" ({pct(budget.total_pace.spent_pct, 0)})" if budget.total_pace.spent_pct is not None else "",
            pace_badge(budget.total_pace),
        )

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

    def value_budget(self, record):
        budget = budget_of(self.budgets, record)
        return number(budget.current) if budget and budget.rows else None

    def value_budget_spent(self, record):
        budget = budget_of(self.budgets, record)
        return number(budget.spent) if budget and budget.rows else None

    def value_budget_spent_pct(self, record):
        budget = budget_of(self.budgets, record)
        spent_pct = budget.total_pace.spent_pct if budget and budget.rows else None
        return None if spent_pct is None else round(spent_pct, 1)

    def value_budget_pace(self, record):
        if self.budgets is None:
            return _("nog geen begroting")
        budget = budget_of(self.budgets, record)
        if budget is None or not budget.rows:
            return _("geen eigen begrotingsregel")
        return budget.total_pace.label
