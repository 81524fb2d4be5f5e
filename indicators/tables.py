import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from projects.models import Region
from projects.tables import HIDE_ON_PHONE


class RegionTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"), attrs={"td": {"class": "col-code"}, "th": {"class": "col-code"}})
    name = tables.Column(verbose_name=_("RMC-regio"))
    municipalities = tables.Column(verbose_name=_("Gemeenten"), orderable=False, empty_values=())
    municipality_count = tables.Column(
        verbose_name=_("Aantal gemeenten"),
        attrs={"td": {"class": f"num {HIDE_ON_PHONE['td']['class']}"}, "th": {"class": "num hide-sm"}},
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
