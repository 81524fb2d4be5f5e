"""Template helpers shared by every page: form widgets in the NL Design System style, Dutch numbers, badges."""

import uuid

from django import template
from django.utils.html import format_html

from core import badges, formatting
from core.middleware import SUBMISSION_FIELD

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


register.filter("number", formatting.number)
register.filter("euro", formatting.euro)
register.filter("pct", formatting.pct)
register.filter("person", formatting.person)


@register.simple_tag
def badge(tone, word, extra_class=""):
    """{% badge "ok" _("op koers") %}: a (tone, word) pair as a status badge (core/badges.py)."""
    return badges.badge(tone, word, extra_class=extra_class)


@register.simple_tag
def submit_once():
    """A hidden field with a fresh token, beside {% csrf_token %} in every POST form: the same form sent twice
    (a double click, a reload) is saved once (core.middleware.SubmitOnceMiddleware)."""
    return format_html('<input type="hidden" name="{}" value="{}">', SUBMISSION_FIELD, uuid.uuid4().hex)
