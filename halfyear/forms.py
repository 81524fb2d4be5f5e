"""Forms of the half-year cycle: input cleaning and clear Dutch messages, nothing else."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import clock
from core.formatting import euro
from core.forms import (
    DATE_INPUT,
    DutchDecimalField,
    DutchHoursField,
    DutchMoneyField,
    LockedForm,
    ModelForm,
    NoBrowserValidation,
    reason_field,
)
from core.periods import HalfYear
from indicators.models import Indicator

from .models import HalfYearEvaluation, HalfYearPlan, ProjectStatus, SmartGoal


class PlanForm(NoBrowserValidation, LockedForm):
    reason = reason_field(_("Optioneel. Komt in de geschiedenis van het plan te staan."))

    class Meta:
        model = HalfYearPlan
        fields = ["context", "aim", "lessons", "activities", "hours_requested", "other_costs"]
        widgets = {
            "context": forms.Textarea(attrs={"rows": 4}),
            "aim": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 4}),
            "activities": forms.CheckboxSelectMultiple,
        }
        field_classes = {"hours_requested": DutchHoursField, "other_costs": DutchMoneyField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].queryset = self.instance.project.activities.order_by("number")
        self.fields["activities"].label_from_instance = lambda activity: f"{activity.number}. {activity.title}"
        self.fields["activities"].help_text = _("Welke activiteiten van het project voert u dit halfjaar uit?")
        self.fields["hours_requested"].required = True
        self.fields["hours_requested"].error_messages["required"] = _(
            "Vul de gevraagde uren in (0 als u geen uren vraagt)."
        )
        self.fields["hours_requested"].help_text = _("Tegen het uurtarief van het programma: %(rate)s per uur.") % {
            "rate": euro(self.instance.hourly_rate, 2)
        }


class GoalForm(NoBrowserValidation, LockedForm):
    reason = reason_field(_("Optioneel. Komt in de geschiedenis van het doel te staan."))

    class Meta:
        model = SmartGoal
        fields = [
            "description",
            "measure_description",
            "measure_unit",
            "indicator",
            "target_value",
            "achievable",
            "deadline",
            "responsible",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "achievable": forms.Textarea(attrs={"rows": 3}),
            "deadline": DATE_INPUT,
        }
        error_messages = {"indicator": {"invalid_choice": _("Kies een KPI uit de lijst.")}}
        field_classes = {"target_value": DutchDecimalField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["reason"]  # a new goal has no change to explain
        period = self.instance.plan.period_obj
        self.fields["deadline"].help_text = _("Tijdgebonden: een datum van %(start)s tot en met %(end)s.") % {
            "start": period.start.strftime("%d-%m-%Y"),
            "end": period.end.strftime("%d-%m-%Y"),
        }
        for name in ("measure_description", "measure_unit", "target_value", "achievable", "deadline", "responsible"):
            self.fields[name].required = name not in ("achievable", "responsible")
        self.fields["measure_description"].error_messages["required"] = _(
            "Een SMART-doel is meetbaar: geef aan waarmee het wordt gemeten."
        )
        self.fields["deadline"].error_messages["required"] = _(
            "Een SMART-doel is tijdgebonden: geef een deadline binnen het halfjaar."
        )
        self.fields["deadline"].error_messages["invalid"] = _("Vul een geldige datum in, bijvoorbeeld 30-06-2027.")
        self.fields["target_value"].error_messages["invalid"] = _("Vul een getal in, bijvoorbeeld 40 of 12,5.")
        kpi = self.fields["indicator"]
        kpi.queryset = Indicator.objects.filter(programme_id=self.instance.plan.project.programme_id).order_by(
            "position", "code"
        )
        kpi.empty_label = _("Geen KPI: alleen de eigen meting hierboven")
        kpi.label_from_instance = lambda indicator: indicator.name

    def add_prefix(self, field_name):
        # The KPI choice is posted as "kpi", the name it has had on this page since issue 8.
        return super().add_prefix("kpi" if field_name == "indicator" else field_name)

    def _post_clean(self):
        # The model's clean() repeats the "required" messages of the form; show each message once.
        super()._post_clean()
        for name, errors in self._errors.items():
            unique = list(dict.fromkeys(errors))
            if len(unique) != len(errors):
                self._errors[name] = self.error_class(unique)


class CommentForm(NoBrowserValidation, forms.Form):
    comment = forms.CharField(label=_("Opmerking"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, required=False, label=None, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["comment"]
        field.required = required
        if label:
            field.label = label
        field.help_text = help_text
        field.error_messages["required"] = _("Dit veld is verplicht: licht het toe.")


class StartPlanForm(forms.Form):
    period = forms.CharField(widget=forms.HiddenInput)

    def clean_period(self):
        try:
            return HalfYear.parse(self.cleaned_data["period"])
        except ValueError as exc:
            raise forms.ValidationError(_("Onbekend halfjaar.")) from exc


class EvaluationForm(NoBrowserValidation, LockedForm):
    class Meta:
        model = HalfYearEvaluation
        fields = ["reflection"]
        widgets = {"reflection": forms.Textarea(attrs={"rows": 5})}


class GoalResultForm(NoBrowserValidation, ModelForm):
    class Meta:
        model = SmartGoal
        fields = ["result", "value_reached", "explanation", "lesson"]
        widgets = {
            "result": forms.RadioSelect,
            "explanation": forms.Textarea(attrs={"rows": 2}),
            "lesson": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"value_reached": DutchDecimalField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].choices = SmartGoal.Result.choices
        self.fields["result"].required = False
        self.fields["value_reached"].error_messages["invalid"] = _("Vul een getal in, bijvoorbeeld 40 of 12,5.")

    def _post_clean(self):
        # The service validates the goal as a whole (deadline, measure); the form only cleans the input.
        pass


class StatusForm(NoBrowserValidation, ModelForm):
    class Meta:
        model = ProjectStatus
        fields = ["status", "date", "explanation"]
        widgets = {
            "date": DATE_INPUT,
            "explanation": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "status": {"required": _("Kies de status van het project.")},
            "explanation": {"required": _("Licht de status toe: wat gaat goed, wat niet?")},
            "date": {"required": _("Geef de datum van deze status."), "invalid": _("Vul een geldige datum in.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Kies een status")), *ProjectStatus.Status.choices]

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > clock.today():
            raise forms.ValidationError(_("De datum ligt in de toekomst: leg de status vast die nu geldt."))
        return day
