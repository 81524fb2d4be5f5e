"""Composite pages: what a person sees first and the pages that combine several apps' data. Each view asks each
app's selectors for its part and renders them together; no app below knows about the others' parts."""

from django.shortcuts import render

from budget import selectors as budget_selectors
from projects import permissions, selectors
from projects.views import _get_project, programme_view


@programme_view()
def home(request, programme):
    themes = selectors.themes_with_projects(programme=programme)
    return render(request, "dashboards/home.html", {"themes": themes})


@programme_view()
def project_detail(request, programme, code):
    project = _get_project(programme, code)
    context = {
        "project": project,
        "can_edit_activities": permissions.can_edit_activities(request.user, project),
        "budget": budget_selectors.project_budget(project=project, today=budget_selectors.today()),
    }
    return render(request, "dashboards/project_detail.html", context)
