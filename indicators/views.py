"""KPI pages and the import pages. Thin: the programme and role come from `programme_view` (the import and region
pages: `data_view`, which also lets the data stewards in), reads from selectors, writes from services and, for
DUO imports, from importers/runs.py."""

from datetime import datetime, time
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.timezone import localdate, make_aware
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from core.charts import responsive
from core.export import export_response
from core.forms import DeleteForm
from core.views import save_form
from projects import permissions
from projects.selectors import programme_for_user
from projects.views import programme_view, to_current_programme

from . import selectors, services
from .charts import indicator_chart
from .forms import FigureForm, ImportUploadForm, IndicatorForm, NormForm, SinceForm, TargetForm, YearForm
from .importers import runs
from .models import Figure, ImportRun, Indicator, Norm, Target
from .tables import DashboardTable, ImportRunTable, RegionTable
from .tasks import import_check_task


def data_view(*, imports: bool = True):
    """The import pages (`imports=True`) and the shared pages (regions, norms). Inside a programme's URL the import
    pages are its managers' (their runs); without one they are the data stewards' (theirs), and send anyone else
    to their current programme. The shared pages are for every role, with the user's current programme in the
    menu."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            steward = permissions.is_data_steward(request.user)
            if imports:
                programme = getattr(request, "url_programme", None)
                if programme is None and not steward:
                    return to_current_programme(request)
                if programme is not None:
                    permissions.require_view(request.user, programme)
                permissions.require_import(request.user, programme)
            else:
                programme = programme_for_user(request.user)  # only programmes the user has a role in
                permissions.require(programme is not None or steward, permissions.NO_PROGRAMME)
            if programme is not None:
                request.programme = programme
            return view(request, programme, *args, **kwargs)

        return wrapper

    return decorator


def _get_indicator(programme, code) -> Indicator:
    try:
        return Indicator.objects.select_related("programme__region", "category").get(programme=programme, code=code)
    except Indicator.DoesNotExist as exc:
        raise Http404(_("Indicator %(code)s bestaat niet in dit programma.") % {"code": code}) from exc


def _since(request):
    """The "herzien sinds" form and its moment: the date picked (from its start), else the last import's start."""
    default = selectors.last_import_started()
    form = SinceForm(request.GET if "sinds" in request.GET else None, initial={"sinds": default and localdate(default)})
    if form.is_bound and form.is_valid() and form.cleaned_data["sinds"]:
        return form, make_aware(datetime.combine(form.cleaned_data["sinds"], time.min))
    return form, default


@programme_view()
def dashboard(request, programme):
    since_form, since = _since(request)
    data = selectors.dashboard(programme=programme, school_year=request.GET.get("jaar"), since=since)
    year_form = YearForm(initial={"jaar": data.selected_year}, school_years=data.school_years)
    if response := export_response(request, DashboardTable(data.rows), f"kpi-{data.selected_year or 'dashboard'}"):
        return response
    groups = []
    for value, label, rows in data.groups:
        table = DashboardTable(rows, prefix=f"{value}-")
        RequestConfig(request, paginate=False).configure(table)
        groups.append((value, label, table))
    context = {"dashboard": data, "groups": groups, "year_form": year_form, "since_form": since_form}
    return render(request, "indicators/dashboard.html", context)


@programme_view()
def indicator_detail(request, programme, code):
    try:
        since_form, since = _since(request)
        row = selectors.indicator_detail(programme=programme, code=code, since=since)
    except Indicator.DoesNotExist as exc:
        raise Http404(_("Indicator %(code)s bestaat niet in dit programma.") % {"code": code}) from exc
    indicator, area = row.indicator, row.indicator.area
    norms = [year.norm for year in row.years.values() if year.norm]
    context = {
        "row": row,
        "indicator": indicator,
        "area_name": selectors.area_name(area),
        "latest_norm": norms[-1] if norms else None,
        "can_write_figures": area.kind == "regio"
        and permissions.can_write_region_figures(request.user, programme, area.code),
        "chart": mark_safe(responsive(indicator_chart(row), wide=720, plot_height=200)),
        "years": list(row.years.values()),
        "since_form": since_form,
        "since": since,
    }
    return render(request, "indicators/indicator_detail.html", context)


@programme_view()
def indicator_history(request, programme, code):
    indicator = _get_indicator(programme, code)
    rows = selectors.indicator_history(indicator=indicator)
    return render(request, "indicators/indicator_history.html", {"indicator": indicator, "rows": rows})


def _edit(request, form, service, indicator, message):
    if request.method == "POST" and form.is_valid():
        saved = save_form(request, form, service)
        if saved:
            messages.success(request, message)
            return redirect("indicator_detail", code=indicator.code)
    return None


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def indicator_edit(request, programme, code):
    indicator = _get_indicator(programme, code)
    form = IndicatorForm(request.POST or None, instance=indicator)
    response = _edit(
        request,
        form,
        lambda: services.indicator_update(
            indicator=form.instance,
            user=request.user,
            projects=form.cleaned_data["projects"],
            reason=form.cleaned_data.get("reason", ""),
            expected_version=form.expected_version,
        ),
        indicator,
        _("%(indicator)s is opgeslagen.") % {"indicator": indicator},
    )
    context = {"form": form, "indicator": indicator, "title": _("Nulmeting, norm en marge")}
    return response or render(request, "indicators/form.html", context)


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def target_edit(request, programme, code, school_year=None):
    indicator = _get_indicator(programme, code)
    if school_year is None:
        target = Target(indicator=indicator)
    else:
        target = get_object_or_404(Target, indicator=indicator, school_year=school_year)
    form = TargetForm(request.POST or None, instance=target)
    response = _edit(
        request,
        form,
        lambda: services.target_save(
            target=form.instance,
            user=request.user,
            reason=form.cleaned_data.get("reason", ""),
            expected_version=form.expected_version,
        ),
        indicator,
        _("Het streefcijfer is opgeslagen."),
    )
    context = {
        "form": form,
        "indicator": indicator,
        "title": _("Streefcijfer %(year)s") % {"year": school_year} if school_year else _("Nieuw streefcijfer"),
        "delete_url": reverse("target_delete", args=[code, school_year]) if school_year else None,
    }
    return response or render(request, "indicators/form.html", context)


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def figure_edit(request, programme, code, school_year=None):
    """A figure of the KPI's category and area by hand: new, or a correction of the one there is (any source)."""
    indicator = _get_indicator(programme, code)
    area = indicator.area
    key = {"category": indicator.category, "area_kind": area.kind, "area_code": area.code, "breakdown": ""}
    figure = Figure(**key) if school_year is None else get_object_or_404(Figure, school_year=school_year, **key)
    # an early 403; figure_save checks the same
    permissions.require_write_figure(request.user, programme, area.kind, area.code, figure.programme_id)
    form = FigureForm(request.POST or None, instance=figure)
    response = _edit(
        request,
        form,
        lambda: services.figure_save(
            figure=form.instance,
            programme=programme,
            user=request.user,
            reason=form.cleaned_data.get("reason", ""),
            expected_version=form.expected_version,
        ),
        indicator,
        _("Het cijfer is opgeslagen."),
    )
    title = _("Cijfer %(year)s") % {"year": school_year} if school_year else _("Cijfer invoeren")
    return response or render(request, "indicators/form.html", {"form": form, "indicator": indicator, "title": title})


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def target_delete(request, programme, code, school_year):
    indicator = _get_indicator(programme, code)
    target = get_object_or_404(Target, indicator=indicator, school_year=school_year)
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.target_delete(target=target, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Het streefcijfer voor %(year)s is verwijderd.") % {"year": school_year})
        return redirect("indicator_detail", code=indicator.code)
    return render(request, "indicators/confirm_delete.html", {"form": form, "object": target, "indicator": indicator})


@data_view(imports=False)
def region_list(request, programme):
    """Every RMC region with its municipalities; every role reads it."""
    search = request.GET.get("q", "").strip()[:100]
    table = RegionTable(
        selectors.regions_with_municipalities(search=search), own_region=programme.region if programme else None
    )
    RequestConfig(request, paginate=False).configure(table)
    if response := export_response(request, table, "rmc-regios"):
        return response
    context = {"table": table, "search": search, "can_edit_regions": permissions.is_data_steward(request.user)}
    return render(request, "indicators/region_list.html", context)


@data_view(imports=False)
def norm_list(request, programme):
    """The national norms per category and school year; every role reads them, the data stewards keep them."""
    context = {"groups": selectors.norms_by_category(), "can_edit": permissions.is_data_steward(request.user)}
    return render(request, "indicators/norm_list.html", context)


@data_view(imports=False)
@require_http_methods(["GET", "POST"])
def norm_edit(request, programme, pk=None):
    permissions.require_keep_norms(request.user)  # an early 403; norm_save checks the same
    norm = Norm() if pk is None else get_object_or_404(Norm.objects.select_related("category"), pk=pk)
    form = NormForm(request.POST or None, instance=norm)
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: services.norm_save(
                norm=form.instance,
                user=request.user,
                reason=form.cleaned_data.get("reason", ""),
                expected_version=form.expected_version,
            ),
        )
        if saved:
            messages.success(request, _("De norm voor %(year)s is opgeslagen.") % {"year": saved.school_year})
            return redirect("norm_list")
    title = (
        _("Norm %(category)s %(year)s") % {"category": norm.category, "year": norm.school_year}
        if pk
        else _("Nieuwe landelijke norm")
    )
    return render(request, "indicators/norm_form.html", {"form": form, "title": title})


# --- DUO import: upload → preview → confirm → progress and result --------------------------------------------------


def _get_run(request, programme, pk) -> ImportRun:
    """A run of the user's own (their programme's, or the stewards'); 404 for another programme's."""
    try:
        return selectors.import_run(user=request.user, programme=programme, pk=pk)
    except ImportRun.DoesNotExist as exc:
        raise Http404(_("Import %(pk)s bestaat niet, of is van een ander programma.") % {"pk": pk}) from exc


@data_view()
@require_http_methods(["GET", "POST"])
def import_start(request, programme):
    """Choose a file (figures, or for the stewards regions); the user's own past runs below. A valid upload goes
    to its preview."""
    steward = permissions.is_data_steward(request.user)
    owner = None if steward else programme
    form = ImportUploadForm(
        request.POST or None, request.FILES or None, can_load_regions=steward, owner_id=owner.pk if owner else None
    )
    if request.method == "POST" and form.is_valid():
        run = runs.import_run_create(
            kind=form.cleaned_data["kind"],
            data=form.data_bytes,
            file_name=form.cleaned_data["file"].name,
            source=ImportRun.Source.UPLOAD,
            user=request.user,
            programme=programme,
            school_year=form.cleaned_data["school_year"] or "",
            figure_status=form.cleaned_data["figure_status"],
            status=ImportRun.Status.CHECKING,
        )
        import_check_task.delay(run.pk)  # the run is committed: a worker may take it at once
        return redirect("import_detail", pk=run.pk)
    table = ImportRunTable(selectors.import_runs(user=request.user, programme=programme))
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    if response := export_response(request, table, "imports"):
        return response
    context = {"form": form, "table": table, "steward": steward, "own_region": owner.region if owner else None}
    return render(request, "indicators/import_start.html", context)


@data_view()
def import_detail(request, programme, pk):
    """A preview (what would change, errors, warnings) awaiting confirmation; else the run's progress or result."""
    run = _get_run(request, programme, pk)
    return render(request, "indicators/import_detail.html", {"run": run, "preview": run.preview or {}})


@data_view()
def import_file(request, programme, pk):
    """The uploaded file itself, for the run's own people only (uploads are never served from /media/)."""
    run = _get_run(request, programme, pk)
    if not run.file or not run.file.storage.exists(run.file.name):
        raise Http404(_("Het bestand van import %(pk)s is er niet meer (geannuleerd of opgeruimd).") % {"pk": pk})
    return FileResponse(run.file.open("rb"), as_attachment=True, filename=run.file_name or "import.csv")


@data_view()
def import_status(request, programme, pk):
    """The progress/result block alone, for htmx to poll until the run is finished. Once the check has made its
    preview, the whole page is shown again (it holds the preview and the confirm button)."""
    run = _get_run(request, programme, pk)
    response = render(request, "indicators/_import_status.html", {"run": run})
    if run.status == ImportRun.Status.PREVIEW and request.htmx:
        response["HX-Refresh"] = "true"
    return response


@data_view()
@require_http_methods(["POST"])
def import_confirm(request, programme, pk):
    run = runs.import_run_confirm(run=_get_run(request, programme, pk), user=request.user)
    return redirect("import_detail", pk=run.pk)


@data_view()
@require_http_methods(["POST"])
def import_cancel(request, programme, pk):
    runs.import_run_cancel(run=_get_run(request, programme, pk), user=request.user)
    messages.info(request, _("De import is geannuleerd; er is niets opgeslagen."))
    return redirect("import_start")
