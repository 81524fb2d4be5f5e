"""django-tables2 tables for the budget. HTML columns show Dutch-formatted money; export columns hold
real numbers (whole euros as integers, cents as Decimal) so CSV and XLSX open in a spreadsheet as numbers."""

from decimal import Decimal

import django_tables2 as tables
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.export import Money
from core.formatting import euro, pct

from .models import BudgetChange, SpendingEntry
from .templatetags.budget import change_badge, pace_badge

NUM = {"td": {"class": "num"}, "th": {"class": "num"}}
NUM_HIDE_SM = {"td": {"class": "num hide-sm"}, "th": {"class": "num hide-sm"}}
HIDE_SM = {"td": {"class": "hide-sm"}, "th": {"class": "hide-sm"}}


def number(value):
    """A real number for export: 12 for whole hours, 12.50 otherwise, None (an empty cell) for no value."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else value.quantize(Decimal("0.01"))


def money(value):
    """An amount for export: a number in euros (an XLSX cell with a € format), None for no value."""
    return None if value is None else Money(Decimal(value).quantize(Decimal("0.01")))


def money_with_original(current, original, changed):
    """The current amount; when a budget change moved it, the adopted amount struck through beneath."""
    if not changed:
        return euro(current)
    return format_html(
        '{}<br><del class="original"><span class="visually-hidden">{} </span>{}</del>',
        euro(current),
        _("oorspronkelijk"),
        euro(original),
    )


class ExportColumn(tables.Column):
    """Only in CSV/XLSX: `getter(record)` gives the value."""

    def __init__(self, getter, **kwargs):
        super().__init__(empty_values=(), visible=False, orderable=False, **kwargs)
        self.getter = getter

    def value(self, record, **kwargs):
        return self.getter(record)


class YearColumn(tables.Column):
    """On screen: the current budget of one year, with the original when it differs."""

    def __init__(self, year, **kwargs):
        super().__init__(
            verbose_name=str(year), empty_values=(), orderable=False, exclude_from_export=True, attrs=NUM, **kwargs
        )
        self.year = year

    def render(self, record):
        figures = record["figures"]
        return money_with_original(
            figures.current.get(self.year), figures.original.get(self.year), figures.changed(self.year)
        )


class BudgetOverviewTable(tables.Table):
    """The seed's table: rows are dicts with kind (section, line or total), label, figures and pace."""

    label = tables.Column(verbose_name=_("Omschrijving"), empty_values=(), orderable=False)
    # On screen the recipient sits under the description (keeps the table narrow); the export has a column.
    recipient = tables.Column(verbose_name=_("Ontvanger"), empty_values=(), orderable=False, visible=False)

    class Meta:
        template_name = "django_tables2/table.html"
        orderable = False
        attrs = {"class": "utrecht-table utrecht-table--html-table budget-table"}
        row_attrs = {"class": lambda record: f"budget-row budget-row--{record['kind']}"}
        empty_text = _("Deze begroting heeft nog geen regels.")

    def __init__(self, data, *, years, year, **kwargs):
        extra = [(f"y{y}", YearColumn(y)) for y in years]
        extra += [
            (
                "total",
                tables.Column(
                    verbose_name=_("Totaal"), empty_values=(), orderable=False, exclude_from_export=True, attrs=NUM
                ),
            ),
            (
                "spent",
                tables.Column(
                    verbose_name=_("Besteed %(year)s") % {"year": year},
                    empty_values=(),
                    orderable=False,
                    exclude_from_export=True,
                    attrs=NUM_HIDE_SM,
                ),
            ),
            (
                "pace",
                tables.Column(
                    verbose_name=_("Uitgavenritme %(year)s") % {"year": year},
                    empty_values=(),
                    orderable=False,
                    exclude_from_export=True,
                ),
            ),
            (
                "x_project",
                ExportColumn(
                    lambda r: r["line"].project.code if r.get("line") and r["line"].project_id else "",
                    verbose_name=_("Project"),
                ),
            ),
            (
                "x_kind",
                ExportColumn(lambda r: r["line"].get_kind_display() if r.get("line") else "", verbose_name=_("Soort")),
            ),
        ]
        for y in years:
            extra.append(
                (
                    f"x_original_{y}",
                    ExportColumn(
                        lambda r, y=y: money(r["figures"].original.get(y)),
                        verbose_name=_("Oorspronkelijk %(year)s") % {"year": y},
                    ),
                )
            )
        extra.append(
            (
                "x_original_total",
                ExportColumn(lambda r: money(r["figures"].original_total), verbose_name=_("Oorspronkelijk totaal")),
            )
        )
        for y in years:
            extra.append(
                (
                    f"x_current_{y}",
                    ExportColumn(
                        lambda r, y=y: money(r["figures"].current.get(y)),
                        verbose_name=_("Actueel %(year)s") % {"year": y},
                    ),
                )
            )
        extra += [
            (
                "x_current_total",
                ExportColumn(lambda r: money(r["figures"].current_total), verbose_name=_("Actueel totaal")),
            ),
            (
                "x_spent",
                ExportColumn(
                    lambda r: money(r["figures"].spent.get(year, 0)),
                    verbose_name=_("Besteed %(year)s") % {"year": year},
                ),
            ),
            (
                "x_spent_pct",
                ExportColumn(
                    lambda r: None if r["pace"].spent_pct is None else r["pace"].spent_pct.quantize(Decimal("0.01")),
                    verbose_name=_("Besteed %% %(year)s") % {"year": year},
                ),
            ),
            (
                "x_pace",
                ExportColumn(lambda r: r["pace"].label, verbose_name=_("Uitgavenritme %(year)s") % {"year": year}),
            ),
        ]
        self.year = year
        super().__init__(data, extra_columns=extra, **kwargs)

    def render_label(self, record):
        if record["kind"] == "line":
            line = record["line"]
            code = format_html('<span class="code-badge">{}</span> ', line.project.code) if line.project_id else ""
            return format_html(
                '{}<a class="utrecht-link" href="{}">{}</a><br><span class="line-recipient">{}</span>',
                code,
                reverse("budget_line", kwargs={"pk": line.pk}),
                line.description,
                line.get_recipient_display(),
            )
        note = format_html(' <span class="muted">({})</span>', record["note"]) if record.get("note") else ""
        return format_html("<strong>{}</strong>{}", record["label"], note)

    def value_label(self, record):
        return record["label"]

    def render_recipient(self, record):
        line = record.get("line")
        return line.get_recipient_display() if line else ""

    def value_recipient(self, record):
        return self.render_recipient(record)

    def render_total(self, record):
        figures = record["figures"]
        return money_with_original(figures.current_total, figures.original_total, figures.total_changed)

    def render_spent(self, record):
        result = record["pace"]
        spent = record["figures"].spent.get(self.year, 0)
        share = (
            format_html('<br><span class="muted">{}</span>', pct(result.spent_pct, 1))
            if result.spent_pct is not None
            else ""
        )
        return format_html("{}{}", euro(spent), share)

    def render_pace(self, record):
        return pace_badge(record["pace"])


class SpendingTable(tables.Table):
    date = tables.DateColumn(verbose_name=_("Datum"), format="j F Y", attrs={"td": {"class": "nowrap"}})
    description = tables.Column(verbose_name=_("Omschrijving"))
    hours = tables.Column(verbose_name=_("Uren"), attrs=NUM_HIDE_SM, default="")
    hourly_rate = tables.Column(verbose_name=_("Uurtarief"), attrs=NUM_HIDE_SM, default="")
    amount = tables.Column(verbose_name=_("Bedrag"), attrs=NUM)
    recorded_by = tables.Column(verbose_name=_("Vastgelegd door"), attrs=HIDE_SM)

    class Meta:
        model = SpendingEntry
        fields = ["date", "description", "hours", "hourly_rate", "amount", "recorded_by"]
        order_by = ("-date",)
        empty_text = _("Op deze regel is nog niets besteed.")
        template_name = "django_tables2/table.html"

    def render_hours(self, value):
        return number_format(value, decimal_pos=2, use_l10n=True)

    def value_hours(self, value):
        return number(value)

    def render_hourly_rate(self, value):
        return euro(value, 2)

    def value_hourly_rate(self, value):
        return money(value)

    def render_amount(self, value):
        return euro(value, 2)

    def value_amount(self, value):
        return money(value)

    def value_date(self, value):
        return value

    def render_recorded_by(self, value):
        return value.get_full_name() or value.username

    def value_recorded_by(self, value):
        return self.render_recorded_by(value)


def _line_text(line):
    return f"{line.project.code} {line.description}" if line.project_id else line.description


class BudgetChangeTable(tables.Table):
    pk = tables.Column(verbose_name=_("Nr."), linkify=("budget_change", {"pk": tables.A("pk")}))
    year = tables.Column(verbose_name=_("Jaar"))
    amount = tables.Column(verbose_name=_("Bedrag"), attrs=NUM)
    from_line = tables.Column(verbose_name=_("Van"), orderable=False)
    to_line = tables.Column(verbose_name=_("Naar"), orderable=False)
    status = tables.Column(verbose_name=_("Status"))
    proposed_by = tables.Column(verbose_name=_("Voorgesteld door"), attrs=HIDE_SM, orderable=False)
    decided_on = tables.DateColumn(
        verbose_name=_("Besluit"),
        format="j F Y",
        default="—",
        attrs={"td": {"class": "hide-sm nowrap"}, "th": {"class": "hide-sm"}},
    )

    class Meta:
        model = BudgetChange
        fields = ["pk", "year", "amount", "from_line", "to_line", "status", "proposed_by", "decided_on"]
        order_by = ("-pk",)
        empty_text = _("Nog geen begrotingswijzigingen.")
        template_name = "django_tables2/table.html"

    def render_year(self, value):
        return str(value)

    def render_amount(self, value):
        return euro(value, 2)

    def value_amount(self, value):
        return money(value)

    def render_from_line(self, value):
        return _line_text(value)

    def render_to_line(self, value):
        return _line_text(value)

    def render_status(self, record):
        return change_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_proposed_by(self, value):
        return value.get_full_name() or value.username

    def value_proposed_by(self, value):
        return self.render_proposed_by(value)

    def value_decided_on(self, value):
        return value
