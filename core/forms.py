"""Form bases every app uses: server-side validation with Dutch messages, numbers typed the Dutch way, the row
version that refuses stale edits, the reason that goes into the history, and a service's ValidationError shown on
the form."""

from decimal import Decimal

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .history import lock_version
from .numbers import format_decimal, parse_count, parse_decimal

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NUMBER_HINT = _("Vul een getal in, bijvoorbeeld 3,70.")


class DutchDecimalField(forms.DecimalField):
    """A decimal typed the Dutch way ("12,5", "1.234,5", "3,70%"; see core.numbers), shown back with a comma
    ("3,70", "1.500,50"). A text box, not a number box: a browser's number box refuses "12,5" in some locales.
    `dots_group_thousands` reads "1.500" as 1500 (amounts and hours), not as 1.5 (DUO's notation, the default)."""

    default_error_messages = {
        "invalid": NUMBER_HINT,
        "max_decimal_places": _("Gebruik hoogstens %(max)s cijfers achter de komma."),
        "max_digits": _("Dit getal is te groot."),
        "max_whole_digits": _("Dit getal is te groot."),
        "min_value": _("Vul een getal van %(limit_value)s of meer in."),
        "max_value": _("Vul een getal van hoogstens %(limit_value)s in."),
    }

    def __init__(self, *args, dots_group_thousands: bool = False, **kwargs):
        self.dots_group_thousands = dots_group_thousands
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return parse_decimal(self.strip_text(str(value)), dots_group_thousands=self.dots_group_thousands)
        except ValueError as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc

    def strip_text(self, text: str) -> str:
        """What may surround the number (a subclass strips its unit; ValueError refuses it) goes before parsing."""
        return text

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float):
            if self.decimal_places is None:
                return format_decimal(Decimal(value))  # no thousands dots: they could be read back as decimals
            return number_format(value, decimal_pos=self.decimal_places, use_l10n=True)
        return value

    def widget_attrs(self, widget):
        return {}  # no step/min/max: it is a text box, so "3,70" can be typed


class DutchMoneyField(DutchDecimalField):
    """An amount in euro's: "1.500,50", "€ 1.500,50", "1500", "1.500" (fifteen hundred). Not "10%"."""

    default_error_messages = {"invalid": _("Vul een bedrag in, bijvoorbeeld 1250,50.")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("dots_group_thousands", True)
        super().__init__(*args, **kwargs)

    def strip_text(self, text: str) -> str:
        text = text.strip()
        if "%" in text:
            raise ValueError(text)
        return text.removeprefix("€").strip()


class DutchHoursField(DutchDecimalField):
    """A number of hours: "12,5", "1.500" (fifteen hundred hours, as with amounts)."""

    default_error_messages = {"invalid": _("Vul een aantal uren in, bijvoorbeeld 12,5.")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("dots_group_thousands", True)
        super().__init__(*args, **kwargs)


class DutchIntegerField(forms.IntegerField):
    """A count, with or without thousands dots: "13.405", "13405", "13 405". Shown back with dots ("13.405")."""

    default_error_messages = {"invalid": _("Vul een heel getal in, bijvoorbeeld 13.405.")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, int):
            return value
        try:
            return parse_count(value)
        except ValueError as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return number_format(value, use_l10n=True)
        return value

    def widget_attrs(self, widget):
        return {}


class NoBrowserValidation:
    """The server says what is wrong (aria-invalid, a message); without the `required` attribute the browser
    does not paint every empty required field red (:invalid) before anything was sent. `styled` still sets
    aria-required, and the label shows which fields are optional."""

    use_required_attribute = False


MAX_KEY_DIGITS = 18  # a 64-bit database key has at most 19 digits; 18 keep every such number in range


class KeyedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of several rows by their numeric key. A value that is no such key (text, or a number past the
    database's range, which SQLite cannot even compare) is "not one of the choices" before any query is made."""

    def _check_values(self, value):
        for key in value if isinstance(value, list | tuple) else []:
            text = str(key)
            if not (text.isascii() and text.isdecimal()) or len(text) > MAX_KEY_DIGITS:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": text[:20]}
                )
        return super()._check_values(value)


class ModelForm(forms.ModelForm):
    """Django's ModelForm whose many-to-many fields check their keys before any query
    (`KeyedModelMultipleChoiceField`). Every model form of the site derives from it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field) is forms.ModelMultipleChoiceField:
                field.__class__ = KeyedModelMultipleChoiceField


class LockedForm(ModelForm):
    """Carries the row's lock counter (`core.history.lock_version`) as it was when the form was opened, so the
    service refuses the save when somebody saved the row in between. An edit of an existing row must send it: a
    form without it (tampered, or from a page cached before this rule) is refused, never applied blindly."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        min_value=0,
        max_value=2**31 - 1,
        error_messages={"required": _("Het formulier is onvolledig verstuurd. Open de pagina opnieuw.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = lock_version(self.instance)
            self.fields["version"].required = True

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and "version" in self.errors:  # hidden: say it where the user reads it
            self.add_error(None, self.errors.pop("version"))
        return cleaned

    @property
    def expected_version(self):
        return self.cleaned_data.get("version") if self.instance.pk else None


def reason_field(help_text=None) -> forms.CharField:
    """The optional reason for a change, kept in the row's history (100 characters, django-simple-history's)."""
    return forms.CharField(
        label=_("Toelichting bij de wijziging"),
        required=False,
        max_length=100,
        help_text=help_text
        or _("Optioneel. Komt in de geschiedenis te staan, bijvoorbeeld: besluit stuurgroep 12 maart."),
    )


class VersionedForm(LockedForm):
    """A LockedForm with the reason for the change (kept in the history)."""

    reason = reason_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["reason"]


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the field it names where the form has that field."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class DeleteForm(forms.Form):
    """Every delete says why: the reason goes into the history beside who deleted it."""

    reason = forms.CharField(
        label=_("Reden van verwijderen"),
        max_length=100,
        error_messages={"required": _("Geef de reden van verwijderen; die komt in de geschiedenis.")},
    )


class LoginForm(AuthenticationForm):
    """Django's login form without autofocus: the page starts at the top, so keyboard and screen-reader
    users meet the skip link and the page's heading first (focus is not moved for them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.pop("autofocus", None)
