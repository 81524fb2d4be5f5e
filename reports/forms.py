"""Forms for meetings and reports: input cleaning and clear Dutch messages, nothing else."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from core import clock
from core.formatting import one_line
from core.forms import DATE_INPUT, LockedForm, ModelForm, NoBrowserValidation, reason_field

from .models import Meeting, ProgressReport, ReportComment

# A reaction or decision, not a document: it is printed in the report and its PDF.
COMMENT_MAX_LENGTH = 5000

TEXTS = {
    "highlights": forms.Textarea(attrs={"rows": 6}),
    "risks": forms.Textarea(attrs={"rows": 5}),
    "decisions_requested": forms.Textarea(attrs={"rows": 4}),
}
HELP = {
    "highlights": _("Wat ging goed dit kwartaal, wat is bereikt? Een lege regel begint een nieuwe alinea."),
    "risks": _("Wat bedreigt de doelen of de planning, en wat doet u eraan?"),
    "decisions_requested": _("Waarover vraagt u de stuurgroep een besluit? Eén besluit per alinea."),
}


class MeetingForm(NoBrowserValidation, LockedForm):
    reason = reason_field(_("Optioneel. Komt in de geschiedenis te staan."))

    class Meta:
        model = Meeting
        fields = ["kind", "date", "location", "notes"]
        widgets = {"date": DATE_INPUT, "notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"date": {"required": _("Vul de datum van de vergadering in.")}}

    def clean(self):
        cleaned = super().clean()
        kind, day = cleaned.get("kind"), cleaned.get("date")
        if kind and day:
            clash = Meeting.objects.filter(programme=self.instance.programme, kind=kind, date=day)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("date", _("Op die dag staat al een vergadering van deze soort."))
        return cleaned

    def validate_unique(self):
        """The clash is reported on the date field above, in words a user understands."""


def quarter_choices(programme, today=None):
    """The quarter of the programme's day (core.periods: today within its period) with the one before and after,
    as far as they lie inside the programme's period."""
    current = programme.periods(today or clock.today()).quarter
    quarters = [q for q in (current.previous(), current, current.next()) if q in programme.period.quarters()]
    return [(str(q), f"{q.label} ({q})") for q in quarters]


class ReportTextsForm(NoBrowserValidation, LockedForm):
    class Meta:
        model = ProgressReport
        fields = ["title", "meeting", "highlights", "risks", "decisions_requested"]
        widgets = TEXTS
        help_texts = HELP

    def clean_title(self):
        return one_line(self.cleaned_data["title"])  # a title is one line (it heads pages, PDFs and e-mails)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(programme=programme).order_by("-date")
        self.fields["meeting"].empty_label = _("(geen vergadering gekozen)")
        self.fields["meeting"].help_text = _("De vergadering waarvoor deze rapportage is bedoeld.")


class ReportCreateForm(ReportTextsForm):
    period = forms.ChoiceField(label=_("Kwartaal"), choices=())

    class Meta(ReportTextsForm.Meta):
        fields = ["period", "title", "meeting", "highlights", "risks", "decisions_requested"]

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, programme=programme, **kwargs)
        self.fields["period"].choices = quarter_choices(programme)
        self.fields["period"].initial = str(programme.periods(clock.today()).quarter)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leeg laten: „Voortgangsrapportage” met het kwartaal.")


class ReportEditForm(ReportTextsForm):
    reason = reason_field(_("Optioneel. Komt in de geschiedenis te staan."))


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van de correctie"),
        max_length=300,
        help_text=_("Wat was er onjuist of onvolledig? Dit staat bovenaan de nieuwe versie en in de geschiedenis."),
        error_messages={"required": _("Geef de reden van de correctie.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    use_required_attribute = False


class CommentForm(NoBrowserValidation, ModelForm):
    class Meta:
        model = ReportComment
        fields = ["kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        labels = {"kind": _("Soort"), "text": _("Reactie of besluit")}
        error_messages = {"text": {"required": _("Schrijf uw reactie of het besluit.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].max_length = COMMENT_MAX_LENGTH
        self.fields["text"].validators.append(MaxLengthValidator(COMMENT_MAX_LENGTH))
        self.fields["text"].help_text = _("Hoogstens %(count)s tekens.") % {
            "count": number_format(COMMENT_MAX_LENGTH, force_grouping=True)
        }
