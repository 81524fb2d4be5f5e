"""KPI pages. Thin: the programme and role come from `programme_view`, reads from selectors, writes from services."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig
from django_tables2.export import TableExport

from projects.forms import DeleteForm
from projects.views import EXPORT_FORMATS, _save_form, programme_view

from . import selectors, services
from .forms import IndicatorForm, MeasurementForm, TargetForm, YearForm
from .models import Indicator, Measurement, Target
from .tables import DashboardTable, RegionTable


def _get_indicator(programme, code) -> Indicator:
    try:
        return Indicator.objects.select_related("programme").get(programme=programme, code=code)
    except Indicator.DoesNotExist as exc:
        raise Http404(_("Indicator %(code)s bestaat niet in dit programma.") % {"code": code}) from exc


@programme_view()
def dashboard(request, programme):
    data = selectors.dashboard(programme=programme, school_year=request.GET.get("jaar"))
    year_form = YearForm(initial={"jaar": data.selected_year}, school_years=data.school_years)
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS and TableExport.is_valid_format(export_format):
        table = DashboardTable(data.rows)
        return TableExport(export_format, table).response(f"kpi-{data.selected_year or 'dashboard'}.{export_format}")
    groups = []
    for value, label, rows in data.groups:
        table = DashboardTable(rows, prefix=f"{value}-")
        RequestConfig(request, paginate=False).configure(table)
        groups.append((value, label, table))
    context = {"dashboard": data, "groups": groups, "year_form": year_form}
    return render(request, "indicators/dashboard.html", context)


@programme_view()
def indicator_detail(request, programme, code):
    try:
        row = selectors.indicator_detail(programme=programme, code=code)
    except Indicator.DoesNotExist as exc:
        raise Http404(_("Indicator %(code)s bestaat niet in dit programma.") % {"code": code}) from exc
    context = {
        "row": row,
        "indicator": row.indicator,
        "chart": selectors.chart_data(row),
        "years": list(row.years.values()),
    }
    return render(request, "indicators/indicator_detail.html", context)


@programme_view()
def indicator_history(request, programme, code):
    indicator = _get_indicator(programme, code)
    rows = selectors.indicator_history(indicator=indicator)
    return render(request, "indicators/indicator_history.html", {"indicator": indicator, "rows": rows})


def _edit(request, form, service, indicator, message):
    if request.method == "POST" and form.is_valid():
        saved = _save_form(request, form, service)
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
def measurement_edit(request, programme, code, school_year=None):
    indicator = _get_indicator(programme, code)
    if school_year is None:
        measurement = Measurement(indicator=indicator, region_id=programme.region_id)
    else:
        measurement = get_object_or_404(
            Measurement, indicator=indicator, region_id=programme.region_id, school_year=school_year
        )
    form = MeasurementForm(request.POST or None, instance=measurement)
    response = _edit(
        request,
        form,
        lambda: services.measurement_save(
            measurement=form.instance,
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
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.target_delete(target=target, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Het streefcijfer voor %(year)s is verwijderd.") % {"year": school_year})
        return redirect("indicator_detail", code=indicator.code)
    return render(request, "indicators/confirm_delete.html", {"form": form, "object": target, "indicator": indicator})


@programme_view()
def region_list(request, programme):
    """Every RMC region with its municipalities; every role reads it."""
    search = request.GET.get("q", "").strip()[:100]
    table = RegionTable(selectors.regions_with_municipalities(search=search), own_region=programme.region)
    RequestConfig(request, paginate=False).configure(table)
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS and TableExport.is_valid_format(export_format):
        return TableExport(export_format, table).response(f"rmc-regios.{export_format}")
    return render(request, "indicators/region_list.html", {"table": table, "search": search})
