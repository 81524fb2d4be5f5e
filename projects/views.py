"""Plan pages. Thin: resolve the programme, call a selector or service (which checks the write right), render."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from core.export import export_response
from core.forms import DeleteForm
from core.views import save_form

from . import permissions, selectors, services
from .filters import ProjectFilter
from .forms import ActivityForm, ProjectForm, ThemeForm
from .models import Activity, Project, Theme
from .tables import ProjectTable


def programme_view(manage: bool = False):
    """The programme in the URL, and the user's role in it; anonymous users go to the login page. A page asked
    for without a programme (today's URLs, old bookmarks) goes to the same page of the user's current
    programme."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            programme = getattr(request, "url_programme", None)
            if programme is None:
                return to_current_programme(request)
            permissions.require_view(request.user, programme)
            request.programme = programme  # also for the 403 page below, so it keeps the programme's menu
            if manage:  # an early 403 before a form is shown; the service checks the same right on save
                permissions.require_manage(request.user, programme)
            return view(request, programme, *args, **kwargs)

        return wrapper

    return decorator


def to_current_programme(request):
    """The same page (path and query) in the user's current programme: a redirect that keeps a form's method
    and body (307) for a POST; a data steward without a programme goes to the figures."""
    programme = selectors.programme_for_user(request.user)
    if programme is None and permissions.is_data_steward(request.user):
        messages.info(request, _("U heeft geen rol in een programma; als gegevensbeheerder beheert u de cijfers."))
        return redirect("import_start")
    if programme is None:
        raise PermissionDenied(permissions.NO_PROGRAMME)
    target = programme.url_prefix + request.path_info.lstrip("/")
    if request.META.get("QUERY_STRING"):
        target += "?" + request.META["QUERY_STRING"]
    if request.method in ("GET", "HEAD"):
        return redirect(target)
    return HttpResponseRedirect(target, status=307)


@login_required
def programme_list(request):
    """Every programme the user has a role in (administrators: all), per region, newest first: the switcher's
    page, and where a user with no current programme lands."""
    return render(request, "projects/programme_list.html", {"programmes": selectors.programmes_for_user(request.user)})


def programme_missing(request, slug, rest=""):
    raise Http404(_("Programma %(slug)s bestaat niet.") % {"slug": slug})


def _get_project(programme, code) -> Project:
    try:
        return selectors.project_detail(programme=programme, code=code)
    except Project.DoesNotExist as exc:
        raise Http404(_("Project %(code)s bestaat niet in dit programma.") % {"code": code}) from exc


@programme_view()
def project_list(request, programme):
    filterset = ProjectFilter(
        request.GET or None, queryset=selectors.project_list(programme=programme), programme=programme
    )
    table = ProjectTable(filterset.qs)
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    if response := export_response(request, table, "projecten"):
        return response
    return render(request, "projects/project_list.html", {"table": table, "filter": filterset})


@programme_view()
def theme_detail(request, programme, number):
    theme = get_object_or_404(selectors.themes_with_projects(programme=programme), number=number)
    return render(request, "projects/theme_detail.html", {"theme": theme})


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def theme_edit(request, programme, number=None):
    if number is None:
        theme = Theme(programme=programme, number=services.next_theme_number(programme=programme))
    else:
        theme = get_object_or_404(Theme, programme=programme, number=number)
    form = ThemeForm(request.POST or None, instance=theme)
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: services.theme_save(
                theme=form.instance,
                user=request.user,
                reason=form.cleaned_data.get("reason", ""),
                expected_version=form.expected_version,
            ),
        )
        if saved:
            messages.success(request, _("Thema %(theme)s is opgeslagen.") % {"theme": saved})
            return redirect("theme_detail", number=saved.number)
    return render(request, "projects/form.html", {"form": form, "object": theme, "kind": _("thema")})


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def project_edit(request, programme, code=None):
    project = Project(programme=programme) if code is None else _get_project(programme, code)
    if code is None and request.GET.get("thema"):
        project.theme = programme.themes.filter(number=request.GET["thema"]).first()
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: services.project_save(
                project=form.instance,
                user=request.user,
                leaders=form.cleaned_data["leaders"],
                lead_organisations=form.cleaned_data["lead_organisations"],
                partners=form.cleaned_data["partners"],
                reason=form.cleaned_data.get("reason", ""),
                expected_version=form.expected_version,
            ),
        )
        if saved:
            messages.success(request, _("Project %(project)s is opgeslagen.") % {"project": saved})
            return redirect("project_detail", code=saved.code)
    return render(request, "projects/form.html", {"form": form, "object": project, "kind": _("project")})


@programme_view()
@require_http_methods(["GET", "POST"])
def activity_edit(request, programme, code, number=None):
    project = _get_project(programme, code)
    permissions.require_edit_activities(request.user, project)  # early 403; activity_save checks it too
    if number is None:
        activity = Activity(project=project, number=services.next_activity_number(project=project))
    else:
        activity = get_object_or_404(Activity, project=project, number=number)
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: services.activity_save(
                activity=form.instance,
                user=request.user,
                reason=form.cleaned_data.get("reason", ""),
                expected_version=form.expected_version,
            ),
        )
        if saved:
            messages.success(request, _("Activiteit %(activity)s is opgeslagen.") % {"activity": saved})
            return redirect("project_detail", code=project.code)
    context = {"form": form, "object": activity, "kind": _("activiteit"), "project": project}
    return render(request, "projects/form.html", context)


@programme_view()
@require_http_methods(["GET", "POST"])
def activity_delete(request, programme, code, number):
    project = _get_project(programme, code)
    permissions.require_edit_activities(request.user, project)  # early 403; activity_delete checks it too
    activity = get_object_or_404(Activity, project=project, number=number)
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.activity_delete(activity=activity, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Activiteit %(activity)s is verwijderd.") % {"activity": activity})
        return redirect("project_detail", code=project.code)
    return render(request, "projects/confirm_delete.html", {"form": form, "object": activity, "project": project})


@programme_view()
def project_history(request, programme, code):
    project = _get_project(programme, code)
    rows = selectors.project_history(project=project)
    return render(request, "projects/project_history.html", {"project": project, "rows": rows})
