"""Composite pages: what a person sees first and the pages that combine several apps' data. Each view asks each
app's selectors for its part and renders them together; no app below knows about the others' parts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from budget import selectors as budget_selectors
from core import clock
from core.export import export_response
from core.views import save_form
from halfyear import selectors as halfyear_selectors
from halfyear import workflow as halfyear_workflow
from indicators.contributions import kpis_by_project
from projects import permissions, selectors
from projects.links import programme_path
from projects.views import _get_project, programme_view
from reports import selectors as reports_selectors

from . import succession
from .forms import CloseProgrammeForm, DashboardFilterForm, NextProgrammeForm
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
    today = programme.day(clock.today())
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
    contributes to (indicators), each read for all projects at once: a fixed number of queries. Its half-years and
    budget year are those of the programme's day (today within its period), so they agree."""
    real_today = clock.today()
    today = programme.day(real_today)
    form = DashboardFilterForm(request.GET or None, programme=programme)
    theme = status = None
    if form.is_valid():
        theme, status = form.cleaned_data["theme"], form.cleaned_data["status"] or None
    rows = halfyear_selectors.dashboard_rows(programme=programme, today=real_today, theme=theme, status=status)
    projects = [row.project for row in rows]
    budgets = budget_selectors.project_budgets(programme=programme, projects=projects, today=today)
    current = programme.periods(today).half_year
    table = ProjectDashboardTable(
        rows,
        periods=(current.previous(), current, current.next()),
        today=real_today,
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


# ── the programme itself: its period, the next one, activating and closing ────────────────────────────


@programme_view()
def programme_detail(request, programme):
    user = request.user
    context = {
        "region_programmes": succession.region_programmes(programme=programme, user=user),
        "final_report": succession.final_report(programme=programme),
        "can_start_next": permissions.can_start_next(user, programme) and succession.newer_programme(programme) is None,
        "can_manage": permissions.can_manage(user, programme),
    }
    return render(request, "dashboards/programme_detail.html", context)


@programme_view()
@require_http_methods(["GET", "POST"])
def programme_start_next(request, programme):
    permissions.require_start_next(request.user, programme)
    if (newer := succession.newer_programme(programme)) is not None:
        messages.info(
            request,
            _("%(title)s volgt al op dit programma; start het volgende programma vanuit dat programma.")
            % {"title": newer.title},
        )
        return redirect("programme_detail")
    first, last = succession.proposed_years(programme, clock.today().year)
    initial = {"first_year": first, "last_year": last, "title": succession.proposed_title(programme, first, last)}
    form = NextProgrammeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        started = save_form(
            request,
            form,
            lambda: succession.start_next_programme(programme=programme, user=request.user, **form.cleaned_data),
        )
        if started:
            messages.success(
                request,
                _("%(title)s is gestart als concept. Vul de streefcijfers en de begroting in.") % {"title": started},
            )
            return redirect(programme_path(started, "programme_detail"))
    context = {"form": form, "carry_over": succession.carry_over(programme)}
    return render(request, "dashboards/programme_start_next.html", context)


@programme_view(manage=True)
@require_http_methods(["POST"])
def programme_activate(request, programme):
    try:
        succession.activate_programme(programme=programme, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(title)s is nu het actieve programma.") % {"title": programme})
    return redirect("programme_detail")


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def programme_close(request, programme):
    reports = succession.final_report_choices(programme=programme)
    form = CloseProgrammeForm(request.POST or None, reports=reports)
    if request.method == "POST" and form.is_valid():
        closed = save_form(
            request,
            form,
            lambda: succession.close_programme(
                programme=programme, user=request.user, final_report=form.cleaned_data["final_report"]
            ),
        )
        if closed:
            messages.success(request, _("%(title)s is afgesloten.") % {"title": closed})
            return redirect("programme_detail")
    return render(request, "dashboards/programme_close.html", {"form": form, "has_reports": reports.exists()})
