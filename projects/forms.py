"""Forms for the plan: input cleaning and clear Dutch messages, nothing else."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Activity, Membership, Organisation, Project, Theme
from .selectors import programme_people


class VersionedForm(forms.ModelForm):
    """Carries the row's version (to refuse stale edits) and the reason for the change (kept in the history)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Toelichting bij de wijziging"),
        required=False,
        max_length=100,
        help_text=_("Optioneel. Komt in de geschiedenis te staan, bijvoorbeeld: besluit stuurgroep 12 maart."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["reason"]

    @property
    def expected_version(self):
        return self.cleaned_data.get("version") if self.instance.pk else None


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the field it names where the form has that field."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ThemeForm(VersionedForm):
    class Meta:
        model = Theme
        fields = ["number", "title", "ambition"]
        widgets = {"ambition": forms.Textarea(attrs={"rows": 6})}

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = Theme.objects.filter(programme=self.instance.programme, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Er is al een thema met nummer %(number)s."), params={"number": number})
        return number


class ProjectForm(VersionedForm):
    class Meta:
        model = Project
        fields = [
            "theme",
            "code",
            "title",
            "description",
            "goal",
            "target_group",
            "leaders",
            "lead_organisations",
            "partners",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "target_group": forms.Textarea(attrs={"rows": 2}),
            "leaders": forms.CheckboxSelectMultiple,
            "lead_organisations": forms.CheckboxSelectMultiple,
            "partners": forms.CheckboxSelectMultiple,
        }
        help_texts = {"leaders": _("Projectleiders mogen de activiteiten van dit project bewerken.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programme = self.instance.programme
        self.fields["theme"].queryset = programme.themes.order_by("number")
        self.fields["theme"].empty_label = _("Kies een thema")
        self.fields["leaders"].queryset = programme_people(programme=programme, role=Membership.Role.PROJECT_LEADER)
        self.fields["leaders"].label_from_instance = lambda user: user.get_full_name() or user.username
        organisations = Organisation.objects.order_by("name")
        self.fields["lead_organisations"].queryset = organisations
        self.fields["partners"].queryset = organisations

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        taken = Project.objects.filter(programme=self.instance.programme, code=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Er is al een project met code %(code)s."), params={"code": code})
        return code


class ActivityForm(VersionedForm):
    class Meta:
        model = Activity
        fields = ["number", "title", "description", "who", "when"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = Activity.objects.filter(project=self.instance.project, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(
                _("Dit project heeft al een activiteit met nummer %(number)s."), params={"number": number}
            )
        return number


class DeleteForm(forms.Form):
    reason = forms.CharField(label=_("Reden van verwijderen"), max_length=100, required=False)


class LoginForm(AuthenticationForm):
    """Django's login form without autofocus: the page starts at the top, so keyboard and screen-reader
    users meet the skip link and the page's heading first (focus is not moved for them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.pop("autofocus", None)
