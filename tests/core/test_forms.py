"""The Dutch number fields every form uses (core.forms): what they read, what they refuse, how they show a value."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.forms import DutchDecimalField, DutchHoursField, DutchIntegerField, DutchMoneyField


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12,5", "12.5"), ("1.500,50", "1500.50"), ("3,70%", "3.70"), ("3.70", "3.70"), (" 7 ", "7"), (",5", "0.5")],
)
def test_decimal_reads_dutch_notation(text, expected):
    assert DutchDecimalField().clean(text) == Decimal(expected)


def test_decimal_reads_a_lone_dot_as_duo_does_unless_dots_group_thousands():
    with pytest.raises(ValidationError, match="hoogstens 2 cijfers achter de komma"):
        DutchDecimalField().clean("1.500")  # 1,500: three decimals
    assert DutchDecimalField(dots_group_thousands=True).clean("1.500") == 1500
    assert DutchDecimalField(dots_group_thousands=True).clean("1.250.000") == 1250000
    assert DutchDecimalField(dots_group_thousands=True).clean("1.50") == Decimal("1.5")
    assert DutchDecimalField(dots_group_thousands=True).clean("0.5") == Decimal("0.5")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.500,50", "1500.50"),
        ("€ 1.500,50", "1500.50"),
        ("€1500,5", "1500.5"),
        ("\u20ac\u00a01.500", "1500"),  # a non-breaking space, as a copied amount has it
        ("1.500", "1500"),
        ("1500.50", "1500.50"),
        ("12,5", "12.5"),
    ],
)
def test_money_reads_amounts_with_or_without_euro_sign(text, expected):
    assert DutchMoneyField().clean(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["tien euro", "1.500,50 €", "10%", "€", "1,500.50", "€ €5"])
def test_money_refuses_what_is_not_an_amount_with_a_clear_message(text):
    with pytest.raises(ValidationError, match="Vul een bedrag in, bijvoorbeeld 1250,50."):
        DutchMoneyField().clean(text)


def test_messages_are_dutch():
    field = DutchDecimalField(min_value=0, max_value=100, max_digits=5, decimal_places=1)
    for text, message in [
        ("drie", "Vul een getal in, bijvoorbeeld 3,70."),
        ("-1", "Vul een getal van 0 of meer in."),
        ("101", "Vul een getal van hoogstens 100 in."),
        ("12,55", "Gebruik hoogstens 1 cijfers achter de komma."),
    ]:
        with pytest.raises(ValidationError, match=message):
            field.clean(text)
    with pytest.raises(ValidationError, match="Dit getal is te groot."):
        DutchDecimalField(max_digits=5, decimal_places=1).clean("123456")


def test_values_are_shown_back_the_dutch_way_and_read_back_the_same():
    assert DutchDecimalField().prepare_value(Decimal("3.7")) == "3,70"
    assert DutchDecimalField(decimal_places=1).prepare_value(Decimal("12.5")) == "12,5"
    money = DutchMoneyField()
    shown = money.prepare_value(Decimal("1500.5"))
    assert shown == "1.500,50" and money.clean(shown) == Decimal("1500.50")
    assert DutchIntegerField().prepare_value(13405) == "13.405"
    assert DutchIntegerField().clean("13.405") == 13405
    assert money.prepare_value("1.500,5") == "1.500,5"  # typed text is shown as it was typed


def test_fields_are_text_boxes_so_a_comma_can_be_typed():
    for field in (DutchDecimalField(), DutchMoneyField(), DutchIntegerField()):
        html = field.widget.render("x", "1,5", attrs=field.widget_attrs(field.widget))
        assert 'type="text"' in html and "step" not in html


def test_hours_read_a_comma_and_thousands_dots():
    hours = DutchHoursField(decimal_places=1)
    assert (hours.clean("12,5"), hours.clean("1.500"), hours.clean("0.5")) == (Decimal("12.5"), 1500, Decimal("0.5"))
    with pytest.raises(ValidationError, match="Vul een aantal uren in, bijvoorbeeld 12,5."):
        hours.clean("twaalf")


@pytest.mark.parametrize("text", ["10,5", "1.23", "-3", "veel"])
def test_integer_refuses_what_is_not_a_whole_number(text):
    with pytest.raises(ValidationError, match="Vul een heel getal in, bijvoorbeeld 13.405."):
        DutchIntegerField(min_value=None).clean(text)


def test_every_model_form_of_the_site_checks_its_keys():
    """Each app's model forms derive from core.forms.ModelForm, whose many-to-many fields refuse a key the database
    cannot hold before any query (else SQLite answers a 500)."""
    import importlib

    from django import forms as django_forms

    from core import forms as core_forms

    found = []
    for app in ("core", "projects", "indicators", "budget", "halfyear", "reports", "dashboards"):
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, django_forms.ModelForm)
                and value.__module__ == module.__name__
            ):
                found.append(value)
                assert issubclass(value, core_forms.ModelForm), value
    assert len(found) > 5
