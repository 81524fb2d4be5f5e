"""The list of reports and the list of meetings: django-tables2 with CSV/XLSX export."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Meeting, ProgressReport
from .templatetags.reports import report_badge

HIDE_ON_PHONE = {"td": {"class": "hide-sm"}, "th": {"class": "hide-sm"}}


class ReportTable(tables.Table):
    period = tables.Column(verbose_name=_("Kwartaal"))
    title = tables.Column(verbose_name=_("Rapportage"))
    status = tables.Column(verbose_name=_("Status"))
    meeting = tables.Column(verbose_name=_("Vergadering"), attrs=HIDE_ON_PHONE)
    published_at = tables.Column(verbose_name=_("Gepubliceerd op"), attrs=HIDE_ON_PHONE)
    comment_count = tables.Column(verbose_name=_("Reacties en besluiten"), attrs=HIDE_ON_PHONE)

    class Meta:
        model = ProgressReport
        fields = ("period", "title", "status", "meeting", "published_at", "comment_count")
        orderable = False
        empty_text = _("Nog geen rapportages.")
        attrs = {"class": "utrecht-table utrecht-table--html-table"}

    def render_period(self, record):
        return record.quarter.label

    def render_title(self, record):
        note = ""
        if getattr(record, "superseded_by", None) is not None:
            note = format_html(
                ' <span class="cell-sub">{}</span>', _("vervangen door versie %(v)s") % {"v": record.version + 1}
            )
        return format_html(
            '<a class="utrecht-link" href="{}">{}</a>{}',
            reverse("report_detail", kwargs={"pk": record.pk}),
            record,
            note,
        )

    def value_title(self, record):
        return str(record)

    def render_status(self, record):
        return report_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_published_at(self, value):
        return date_format(value, "j F Y")

    def value_published_at(self, value):
        return value.date().isoformat() if value else ""


class MeetingTable(tables.Table):
    date = tables.Column(verbose_name=_("Datum"))
    kind = tables.Column(verbose_name=_("Overleg"))
    location = tables.Column(verbose_name=_("Plaats"), attrs=HIDE_ON_PHONE)
    notes = tables.Column(verbose_name=_("Toelichting"), attrs=HIDE_ON_PHONE)
    actions = tables.TemplateColumn(
        template_name="reports/_meeting_actions.html",
        verbose_name=_("Acties"),
        orderable=False,
        exclude_from_export=True,
    )

    class Meta:
        model = Meeting
        fields = ("date", "kind", "location", "notes")
        orderable = False
        empty_text = _("Nog geen vergaderingen gepland.")
        attrs = {"class": "utrecht-table utrecht-table--html-table"}

    def __init__(self, *args, can_manage=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_manage:
            self.columns.hide("actions")

    def render_date(self, value):
        return date_format(value, "l j F Y")

    def value_date(self, value):
        return value.isoformat()
