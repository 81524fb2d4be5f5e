"""Budget forms: input cleaning and clear Dutch messages. The line a spending entry goes to comes from the
URL (checked by the view), never from the form, so a tampered form cannot move spending to another line."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.formatting import euro
from core.forms import DutchHoursField, DutchMoneyField

from .models import BudgetLine

MONEY_HELP = _("In euro's, bijvoorbeeld 1250,50.")


def line_label(line: BudgetLine) -> str:
    code = f"{line.project.code} · " if line.project_id else ""
    return f"{line.section.title} – {code}{line.description}"


class SpendingForm(forms.Form):
    use_required_attribute = False  # the server validates; `styled` sets aria-required
    date = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Vul de datum van de besteding in."), "invalid": _("Vul een geldige datum in.")},
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        max_length=300,
        error_messages={"required": _("Beschrijf waaraan het geld is besteed.")},
    )
    amount = DutchMoneyField(
        label=_("Bedrag"),
        required=False,
        min_value=Decimal("0.01"),
        help_text=_("In euro's, bijvoorbeeld 1250,50. Laat leeg bij uren: dan wordt uren × uurtarief berekend."),
        error_messages={"min_value": _("Het bedrag moet groter zijn dan 0.")},
    )
    hours = DutchHoursField(label=_("Uren"), required=False, max_digits=7, min_value=Decimal("0.25"))
    hourly_rate = DutchMoneyField(
        label=_("Uurtarief"),
        required=False,
        max_digits=8,
        min_value=Decimal(0),
        error_messages={"invalid": _("Vul een uurtarief in, bijvoorbeeld 50.")},
    )

    def __init__(self, *args, default_rate: Decimal | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if default_rate is not None:
            whole = default_rate == default_rate.to_integral()
            self.fields["hourly_rate"].help_text = _("Leeg laten voor het uurtarief van het programma (%(rate)s).") % {
                "rate": euro(default_rate, 0 if whole else 2)
            }

    def clean(self):
        cleaned = super().clean()
        if not self.errors and cleaned.get("amount") is None and cleaned.get("hours") is None:
            raise forms.ValidationError(_("Vul een bedrag in, of het aantal uren."))
        return cleaned


class LineChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return line_label(obj)


class BudgetChangeForm(forms.Form):
    use_required_attribute = False
    from_line = LineChoiceField(
        label=_("Van begrotingsregel"),
        queryset=BudgetLine.objects.none(),
        empty_label=_("Kies de regel waar het geld vandaan komt"),
        error_messages={"required": _("Kies de regel waar het geld vandaan komt.")},
    )
    to_line = LineChoiceField(
        label=_("Naar begrotingsregel"),
        queryset=BudgetLine.objects.none(),
        empty_label=_("Kies de regel die het geld krijgt"),
        error_messages={"required": _("Kies de regel die het geld krijgt.")},
    )
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int)
    amount = DutchMoneyField(
        label=_("Bedrag"),
        min_value=Decimal("0.01"),
        help_text=MONEY_HELP,
        error_messages={"required": _("Vul het bedrag in."), "min_value": _("Het bedrag moet groter zijn dan 0.")},
    )
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Waarom is dit nodig? Komt in de geschiedenis te staan."),
        error_messages={"required": _("Geef de reden van de wijziging.")},
    )

    def __init__(self, *args, lines, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_line"].queryset = lines
        self.fields["to_line"].queryset = lines
        self.fields["year"].choices = [(year, str(year)) for year in years]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("from_line") and cleaned.get("from_line") == cleaned.get("to_line"):
            self.add_error("to_line", _("Kies twee verschillende begrotingsregels."))
        return cleaned


class DecisionForm(forms.Form):
    use_required_attribute = False
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("goedkeuren", _("Goedkeuren")), ("afwijzen", _("Afwijzen"))],
        widget=forms.HiddenInput,  # the two submit buttons carry the decision
        error_messages={"required": _("Kies goedkeuren of afwijzen.")},
    )
    decided_on = forms.DateField(
        label=_("Datum besluit"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Vul de datum van het besluit in."), "invalid": _("Vul een geldige datum in.")},
    )
    note = forms.CharField(
        label=_("Toelichting bij het besluit"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: besluit stuurgroep 12 maart."),
    )
