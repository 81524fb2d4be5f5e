import django_tables2 as tables
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from .models import Project

HIDE_ON_PHONE = {"td": {"class": "hide-sm"}, "th": {"class": "hide-sm"}}


class ProjectTable(tables.Table):
    code = tables.LinkColumn("project_detail", args=[tables.A("code")], verbose_name=_("Code"))
    title = tables.LinkColumn("project_detail", args=[tables.A("code")], verbose_name=_("Project"))
    theme = tables.Column(verbose_name=_("Thema"), order_by=("theme__number", "code"), attrs=HIDE_ON_PHONE)
    leaders = tables.Column(verbose_name=_("Projectleiders"), orderable=False, empty_values=())
    lead_organisations = tables.Column(
        verbose_name=_("Trekkers"), orderable=False, empty_values=(), attrs=HIDE_ON_PHONE
    )
    activity_count = tables.Column(
        verbose_name=_("Activiteiten"), attrs={"td": {"class": "num hide-sm"}, "th": {"class": "num hide-sm"}}
    )

    class Meta:
        model = Project
        fields = ["code", "title", "theme", "leaders", "lead_organisations", "activity_count"]
        order_by = ("code",)
        empty_text = _("Geen projecten gevonden. Pas de filters aan of maak een project aan.")
        template_name = "django_tables2/table.html"

    def render_leaders(self, record):
        return ", ".join(user.get_full_name() or user.username for user in record.leaders.all()) or "—"

    def value_leaders(self, record):
        return ", ".join(user.get_full_name() or user.username for user in record.leaders.all())

    def render_lead_organisations(self, record):
        return ", ".join(org.name for org in record.lead_organisations.all()) or "—"

    def value_lead_organisations(self, record):
        return ", ".join(org.name for org in record.lead_organisations.all())

    def order_code(self, queryset, is_descending):
        # "1.10" sorts after "1.9": order by theme number, then by the code's length and text.
        queryset = queryset.annotate(code_length=Length("code")).order_by(
            *(f"{'-' if is_descending else ''}{field}" for field in ("theme__number", "code_length", "code"))
        )
        return queryset, True
