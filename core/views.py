"""View helpers every app uses: run a service for a valid form, and export a table as CSV or XLSX."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django_tables2.export import TableExport

from .forms import add_service_error

EXPORT_FORMATS = ("csv", "xlsx")


def save_form(request, form, save):
    """Run the service for a valid form; a ValidationError (e.g. a stale edit) goes back onto the form."""
    try:
        with transaction.atomic():
            return save()
    except ValidationError as error:
        add_service_error(form, error)
        return None


def export_response(request, table, filename: str):
    """The table as a download when the request asks for one (`?_export=csv` or `xlsx`), else None."""
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS and TableExport.is_valid_format(export_format):
        return TableExport(export_format, table).response(f"{filename}.{export_format}")
    return None
