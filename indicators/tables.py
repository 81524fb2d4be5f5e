"""The dashboard table: one row per indicator for the selected school year; CSV/XLSX export of the same figures."""

from decimal import Decimal

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.export import Percent
from projects.models import Region
from projects.tables import HIDE_ON_PHONE

from .templatetags.kpi import (
    format_value,
    import_status_badge,
    revision_mark,
    revision_text,
    sparkline,
    status_badge,
    trend_html,
    trend_text,
)

NUM = {"td": {"class": "num"}, "th": {"class": "num"}}
NUM_HIDE_ON_PHONE = {"td": {"class": "num hide-sm"}, "th": {"class": "num hide-sm"}}


class DashboardTable(tables.Table):
    group = tables.Column(accessor="indicator__get_group_display", verbose_name=_("Groep"), visible=False)
    indicator = tables.Column(accessor="indicator__name", verbose_name=_("Indicator"))
    school_year = tables.Column(accessor="selected__school_year", verbose_name=_("Schooljaar"), visible=False)
    baseline = tables.Column(accessor="indicator__baseline", verbose_name=_("Nulmeting"), attrs=NUM_HIDE_ON_PHONE)
    target = tables.Column(
        accessor="selected__target__value", verbose_name=_("Streefcijfer"), attrs=NUM, empty_values=()
    )
    target_label = tables.Column(
        accessor="selected__target_label", verbose_name=_("Streefcijfer (plan)"), visible=False
    )
    actual = tables.Column(accessor="selected__actual", verbose_name=_("Cijfer"), attrs=NUM, empty_values=())
    finality = tables.Column(
        accessor="selected__figure__get_finality_display", verbose_name=_("Voorlopig"), visible=False
    )
    revision = tables.Column(accessor="selected__revision", verbose_name=_("Herzien"), visible=False)
    national = tables.Column(accessor="selected__national__value", verbose_name=_("Nederland"), attrs=NUM_HIDE_ON_PHONE)
    norm = tables.Column(accessor="selected__norm__value", verbose_name=_("Landelijke norm"), attrs=NUM_HIDE_ON_PHONE)
    status = tables.Column(accessor="selected__assessment", verbose_name=_("Status"))
    progress = tables.Column(
        accessor="selected__assessment__progress_pct", verbose_name=_("Voortgang (%)"), visible=False
    )
    trend = tables.Column(accessor="selected__trend", verbose_name=_("Trend"), attrs=HIDE_ON_PHONE, empty_values=())

    class Meta:
        orderable = False
        empty_text = _("Nog geen indicatoren in dit programma.")
        template_name = "django_tables2/table.html"
        attrs = {"class": "utrecht-table utrecht-table--html-table kpi-table"}

    def render_indicator(self, record):
        return format_html(
            '<a class="utrecht-link" href="{}">{}</a>',
            reverse("indicator_detail", kwargs={"code": record.indicator.code}),
            record.indicator.name,
        )

    def value_indicator(self, record):
        return record.indicator.name

    def _value(self, value, record):
        return format_value(value, record.indicator)

    @staticmethod
    def _number(value, record):
        """For the exports: the figure as a number (a Percent for a percentage KPI), empty when there is none."""
        if value is None or value == "":
            return None
        return Percent(value) if record.indicator.is_percentage else Decimal(value)

    def value_baseline(self, value, record):
        return self._number(value, record)

    def value_norm(self, value, record):
        return self._number(value, record)

    def value_national(self, value, record):
        return self._number(value, record)

    def render_baseline(self, value, record):
        return self._value(value, record)

    def render_norm(self, value, record):
        return self._value(value, record)

    def render_national(self, value, record):
        return self._value(value, record)

    def render_target(self, value, record):
        return format_html(
            '{}<span class="kpi-sub hide-sm">{}</span>', self._value(value, record), record.selected.target_label
        )

    def value_target(self, value, record):
        return self._number(value, record)

    def render_actual(self, value, record):
        figure = record.selected.figure
        if figure is None:
            return format_html(
                '<span class="muted"><span class="hide-sm">{}</span>'
                '<span class="show-sm" aria-hidden="true">—</span></span>',
                _("nog geen cijfer"),
            )
        provisional = ""
        if figure.is_provisional:
            provisional = format_html(' <span class="kpi-provisional">{}</span>', _("voorlopig"))
        revision = revision_mark(record.selected.revision, record.indicator)
        return format_html("{}{}{}", self._value(value, record), provisional, revision)

    def value_actual(self, value, record):
        return self._number(value, record) if record.selected.figure else None

    def render_status(self, value, record):
        notes = [text for text in (value.versus_baseline_text, value.note_text) if text]
        return format_html(
            "{}{}", status_badge(value), format_html_join("", '<span class="kpi-sub">{}</span>', ((n,) for n in notes))
        )

    def value_revision(self, value, record):
        return revision_text(value, record.indicator)

    def value_status(self, value, record):
        return str(value.label)

    def render_trend(self, value, record):
        return format_html("{} {}", sparkline(record.history), trend_html(value, record.indicator))

    def value_trend(self, value, record):
        return trend_text(value, record.indicator)


class RegionTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"), attrs={"td": {"class": "col-code"}, "th": {"class": "col-code"}})
    name = tables.Column(verbose_name=_("RMC-regio"))
    municipalities = tables.Column(verbose_name=_("Gemeenten"), orderable=False, empty_values=())
    municipality_count = tables.Column(
        verbose_name=_("Aantal gemeenten"),
        attrs=NUM_HIDE_ON_PHONE,
    )

    class Meta:
        model = Region
        fields = ["code", "name", "municipalities", "municipality_count"]
        order_by = ("code",)
        empty_text = _("Geen regio's gevonden.")
        template_name = "django_tables2/table.html"

    def __init__(self, *args, own_region=None, **kwargs):
        self.own_region_pk = own_region.pk if own_region else None
        kwargs.setdefault(
            "row_attrs", {"class": lambda record: "own-region" if record.pk == self.own_region_pk else ""}
        )
        super().__init__(*args, **kwargs)

    def render_name(self, record, value):
        if record.pk == self.own_region_pk:
            return format_html('{} <span class="tag">{}</span>', value, _("uw regio"))
        return value

    def render_municipalities(self, record):
        names = [municipality.name for municipality in record.municipalities.all()]
        return ", ".join(names) or "—"

    def value_municipalities(self, record):
        return ", ".join(municipality.name for municipality in record.municipalities.all())

    def value_name(self, record, value):
        return value


class ImportRunTable(tables.Table):
    """Past import runs, newest first: what, by whom, how it ended."""

    pk = tables.Column(verbose_name=_("Nr."), attrs=NUM)
    created_at = tables.DateTimeColumn(verbose_name=_("Datum"), format="j F Y, H:i")
    kind = tables.Column(verbose_name=_("Soort"))
    file_name = tables.Column(verbose_name=_("Bestand"))
    source = tables.Column(verbose_name=_("Bron"), attrs=HIDE_ON_PHONE)
    created_by = tables.Column(verbose_name=_("Door"), attrs=HIDE_ON_PHONE, default="—")
    status = tables.Column(verbose_name=_("Status"))
    summary = tables.Column(verbose_name=_("Resultaat"), attrs=HIDE_ON_PHONE)

    class Meta:
        orderable = False
        empty_text = _("Nog geen imports.")
        template_name = "django_tables2/table.html"
        attrs = {"class": "utrecht-table utrecht-table--html-table"}

    def render_file_name(self, record, value):
        url = reverse("import_detail", args=[record.pk])
        return format_html('<a class="utrecht-link" href="{}">{}</a>', url, value)

    def value_file_name(self, value):
        return value

    def render_created_by(self, value):
        return value.get_full_name() or value.username

    def render_status(self, record):
        return import_status_badge(record)

    def value_status(self, record):
        return record.get_status_display()
