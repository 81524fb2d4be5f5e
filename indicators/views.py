"""Pages of the indicators app. Thin: permission (programme_view), selector, render."""

from django.shortcuts import render
from django_tables2 import RequestConfig
from django_tables2.export import TableExport

from projects.views import EXPORT_FORMATS, programme_view

from . import selectors
from .tables import RegionTable


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
