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
