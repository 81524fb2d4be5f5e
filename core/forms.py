"""Form bases every app uses: server-side validation with Dutch messages, the row version that refuses stale
edits, the reason that goes into the history, and a service's ValidationError shown on the form."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NoBrowserValidation:
    """The server says what is wrong (aria-invalid, a message); without the `required` attribute the browser
    does not paint every empty required field red (:invalid) before anything was sent. `styled` still sets
    aria-required, and the label shows which fields are optional."""

    use_required_attribute = False


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


class DeleteForm(forms.Form):
    reason = forms.CharField(label=_("Reden van verwijderen"), max_length=100, required=False)


class LoginForm(AuthenticationForm):
    """Django's login form without autofocus: the page starts at the top, so keyboard and screen-reader
    users meet the skip link and the page's heading first (focus is not moved for them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.pop("autofocus", None)
