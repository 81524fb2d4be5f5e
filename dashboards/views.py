"""Composite pages: what a person sees first and the pages that combine several apps' data. Each view asks each
app's selectors for its part and renders them together; no app below knows about the others' parts."""

from django.shortcuts import render
from django_tables2 import RequestConfig

from budget import selectors as budget_selectors
from core import clock
from core.periods import HalfYear
from core.views import export_response
from halfyear import selectors as halfyear_selectors
from halfyear import workflow as halfyear_workflow
from indicators.contributions import kpis_by_project
from projects import permissions, selectors
from projects.views import _get_project, programme_view
from reports import selectors as reports_selectors

from .forms import DashboardFilterForm
from .tables import ProjectDashboardTable


@programme_view()
def home(request, programme):
    context = {
        "themes": selectors.themes_with_projects(programme=programme),
        "meetings": reports_selectors.upcoming_meetings(programme=programme, limit=3),
    }
    return render(request, "dashboards/home.html", context)


@programme_view()
def project_detail(request, programme, code):
    """The plan's project with its KPIs (indicators), budget (budget) and half-year cycle (halfyear)."""
    project = _get_project(programme, code)
    kpis = kpis_by_project(programme=programme, projects=[project])
    today = clock.today()
    cycle = halfyear_selectors.project_cycle(project=project, today=today)
    cycle["can_record_status"] = permissions.can_record_status(request.user, project)
    cycle["can_start"] = halfyear_workflow.can_start(request.user, project)
    context = {
        "project": project,
        "can_edit_activities": permissions.can_edit_activities(request.user, project),
        "kpis": {"contributions": kpis.of(project), "school_year": kpis.school_year},
        "budget": budget_selectors.project_budget(project=project, today=today),
        "cycle": cycle,
    }
    return render(request, "dashboards/project_detail.html", context)


@programme_view()
def project_dashboard(request, programme):
    """Per project its status and half-year cycle (halfyear), budget vs spent (budget) and the KPIs it
    contributes to (indicators), each read for all projects at once: a fixed number of queries."""
    today = clock.today()
    form = DashboardFilterForm(request.GET or None, programme=programme)
    theme = status = None
    if form.is_valid():
        theme, status = form.cleaned_data["theme"], form.cleaned_data["status"] or None
    rows = halfyear_selectors.dashboard_rows(programme=programme, today=today, theme=theme, status=status)
    projects = [row.project for row in rows]
    budgets = budget_selectors.project_budgets(programme=programme, projects=projects, today=today)
    current = HalfYear.for_date(today)
    table = ProjectDashboardTable(
        rows,
        periods=(current.previous(), current, current.next()),
        today=today,
        kpis=kpis_by_project(programme=programme, projects=projects),
        budgets=budgets,
    )
    printing = request.GET.get("weergave") == "print"
    RequestConfig(request, paginate=False).configure(table)
    if response := export_response(request, table, f"projectdashboard-{today:%Y-%m-%d}"):
        return response
    context = {
        "table": table,
        "rows": rows,
        "summary": halfyear_selectors.dashboard_summary(rows),
        "filter_form": form,
        "current": current,
        "today": today,
        "printing": printing,
        "filtered": bool(theme or status),
    }
    return render(request, "dashboards/project_dashboard.html", context)
