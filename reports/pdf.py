"""The report as an A4 PDF (WeasyPrint): the same content and SVG charts as the web page, with page numbers,
a table of contents with page numbers, the programme's name and the date on every page."""

from django.template.loader import render_to_string

from .snapshot import Snapshot


def render_pdf(*, report, content: Snapshot, request=None) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, and only this page needs it.
    from weasyprint import HTML

    html = render_to_string("reports/report_pdf.html", {"report": report, "content": content}, request=request)
    base_url = request.build_absolute_uri("/") if request is not None else None
    return HTML(string=html, base_url=base_url).write_pdf()
