"""Template helpers shared by every page: form widgets in the NL Design System style, Dutch numbers, badges."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

from core import badges

register = template.Library()

WIDGET_CLASSES = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radio": "utrecht-radio-button utrecht-radio-button--html-input",
}


@register.filter
def styled(field):
    """Render a bound field with the design-system class and the ARIA links to its help text and errors."""
    widget = field.field.widget
    kind = getattr(widget, "input_type", None) or ("textarea" if widget.__class__.__name__ == "Textarea" else "select")
    css = WIDGET_CLASSES.get(kind, "utrecht-textbox utrecht-textbox--html-input")
    attrs = {"class": f"{css}{' utrecht-textbox--invalid' if field.errors else ''}"}
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.field.required:
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def euro(value, decimals=0):
    """€ 3.464.156 (Dutch grouping); an empty value shows a dash."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    return f"€ {number_format(amount, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)}"


@register.filter
def pct(value, decimals=2):
    """3,70% the Dutch way; an empty value shows a dash."""
    number = _decimal(value)
    if number is None:
        return "—"
    return f"{number_format(number, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)}%"


@register.filter
def person(user) -> str:
    """The name to show for a user: the full name, else the user name; empty for nobody (so `|default:` works)."""
    if user is None or not getattr(user, "pk", None):
        return ""
    return user.get_full_name() or user.get_username()


@register.simple_tag
def badge(tone, word, extra_class=""):
    """{% badge "ok" _("op koers") %}: a (tone, word) pair as a status badge (core/badges.py)."""
    return badges.badge(tone, word, extra_class=extra_class)
