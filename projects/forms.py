"""Forms for the plan: input cleaning and clear Dutch messages, nothing else."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import DutchIntegerField, VersionedForm

from .models import Activity, Membership, Organisation, Project, Theme
from .selectors import programme_people


class ThemeForm(VersionedForm):
    class Meta:
        model = Theme
        fields = ["number", "title", "ambition"]
        widgets = {"ambition": forms.Textarea(attrs={"rows": 6})}
        field_classes = {"number": DutchIntegerField}

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
        field_classes = {"number": DutchIntegerField}

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = Activity.objects.filter(project=self.instance.project, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(
                _("Dit project heeft al een activiteit met nummer %(number)s."), params={"number": number}
            )
        return number
