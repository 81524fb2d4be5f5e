"""The project dashboard's filters: a theme of the plan and a project status of the half-year cycle."""

from django import forms
from django.utils.translation import gettext_lazy as _

from halfyear.models import ProjectStatus
from halfyear.selectors import NO_STATUS
from projects.models import Theme


class DashboardFilterForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Thema"), queryset=Theme.objects.none(), required=False, empty_label=_("Alle thema's")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = programme.themes.order_by("number")
        self.fields["theme"].label_from_instance = lambda theme: f"{theme.number}. {theme.title}"
        self.fields["status"].choices = [
            ("", _("Alle statussen")),
            *ProjectStatus.Status.choices,
            (NO_STATUS, _("nog geen status")),
        ]


class NextProgrammeForm(forms.Form):
    """The next programme's title and period, and whether people and roles come along."""

    title = forms.CharField(label=_("Titel"), max_length=200)
    first_year = forms.IntegerField(label=_("Eerste jaar"), min_value=2000, max_value=2100)
    last_year = forms.IntegerField(label=_("Laatste jaar"), min_value=2000, max_value=2100)
    copy_people = forms.BooleanField(
        label=_("Projectleiders en rollen overnemen"),
        required=False,
        help_text=_(
            "Iedereen krijgt in het nieuwe programma dezelfde rol, en de projectleiders blijven hun projecten "
            "leiden. Zonder vinkje bent u de enige programmamanager en wijst u de rollen zelf toe."
        ),
    )


class CloseProgrammeForm(forms.Form):
    """Closing asks for the final report, and for a confirmation: afterwards nothing can be changed."""

    final_report = forms.ModelChoiceField(
        label=_("Eindrapportage"),
        queryset=None,
        empty_label=None,
        help_text=_("Een gepubliceerde rapportage van dit programma; die blijft, met haar pdf, te lezen."),
    )
    confirm = forms.BooleanField(
        label=_("Ik begrijp dat het programma daarna alleen nog te lezen is."),
        error_messages={"required": _("Bevestig dat het programma daarna alleen nog te lezen is.")},
    )

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["final_report"].queryset = reports
        self.fields["final_report"].label_from_instance = lambda report: f"{report} ({report.period})"
