"""KPI forms: Dutch notation, clear Dutch errors that change nothing, and a reason kept in the history."""

from decimal import Decimal

import pytest

from core.forms import DutchDecimalField
from core.numbers import parse_decimal
from indicators.models import Figure, Indicator, Target
from tests.urls import reverse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,70", "3.70"),
        ("3,70%", "3.70"),
        ("3.70", "3.70"),
        (" 3,7 ", "3.7"),
        ("3,70 %", "3.70"),
        ("17", "17"),
        ("1.234,5", "1234.5"),
        (",5", "0.5"),
    ],
)
def test_dutch_decimal_accepted(text, expected):
    assert parse_decimal(text) == Decimal(expected)
    assert DutchDecimalField().clean(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["drie", "3,7,0", "3..7", "%", "3,70€", "1,2.3"])
def test_dutch_decimal_refused_with_a_clear_message(text):
    with pytest.raises(Exception) as info:
        DutchDecimalField().clean(text)
    assert "Vul een getal in, bijvoorbeeld 3,70." in str(info.value)


def test_dutch_decimal_shows_a_comma():
    assert DutchDecimalField().prepare_value(Decimal("3.7")) == "3,70"


def test_manager_enters_figure_in_dutch_notation(manager_client, demo_user):
    url = reverse("figure_create", kwargs={"code": "mbo-niveau-3"})
    response = manager_client.post(
        url,
        {
            "school_year": "2024/2025",  # the demo has figures up to 2023-2024
            "value": "3,25%",
            "numerator": "",
            "denominator": "",
            "finality": "voorlopig",
            "source_detail": "DUO-factsheet",
        },
    )
    assert response.status_code == 302
    figure = Figure.objects.get(category_id="mbo-niveau-3", area_code="10", school_year="2024-2025", breakdown="")
    assert figure.value == Decimal("3.25") and figure.is_provisional
    assert figure.source == Figure.Source.HAND and figure.entered_by == demo_user("programmamanager")
    assert figure.programme.region.code == "10" and figure.area_code == "10"  # entered for, and only changed by, it
    assert figure.history.first().history_user.username == "programmamanager"


def test_percentage_computed_from_numerator_and_denominator(manager_client):
    url = reverse("figure_create", kwargs={"code": "mbo-niveau-4"})
    data = {
        "school_year": "2024-2025",
        "value": "",
        "numerator": "250",
        "denominator": "7.600",
        "finality": "definitief",
    }
    assert manager_client.post(url, data).status_code == 302
    figure = Figure.objects.get(category_id="mbo-niveau-4", area_code="10", school_year="2024-2025", breakdown="")
    assert (figure.value, figure.numerator, figure.denominator) == (Decimal("3.29"), 250, 7600)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"value": "drie"}, "Vul een getal in, bijvoorbeeld 3,70."),
        ({"value": "120"}, "Een percentage ligt tussen 0 en 100."),
        ({"value": "-1"}, "Vul een getal van 0 of meer in."),
        ({"value": ""}, "Vul het cijfer in, of teller en noemer."),
        ({"school_year": "2023-2025"}, "Vul een schooljaar in als 2020-2021."),
        ({"school_year": "2018-2019"}, "Voor 2018-2019 is al een cijfer."),
        ({"value": "9,30", "numerator": "78", "denominator": "893"}, "9,30% past niet bij 78 van 893 (8,73%)."),
        ({"numerator": "78"}, "Vul teller en noemer allebei in, of allebei niet."),
        ({"value": "", "numerator": "900", "denominator": "800"}, "De teller is groter dan de noemer."),
    ],
)
def test_bad_figure_is_refused_and_changes_nothing(manager_client, data, message):
    before = list(Figure.objects.values_list("pk", "value", "version"))
    url = reverse("figure_create", kwargs={"code": "mbo-niveau-2"})
    post = {"school_year": "2024-2025", "value": "8,00", "numerator": "", "denominator": "", "finality": "voorlopig"}
    response = manager_client.post(url, {**post, **data})
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert list(Figure.objects.values_list("pk", "value", "version")) == before


def test_correcting_a_figure_needs_a_reason_and_keeps_the_old_one(manager_client):
    figure = Figure.objects.get(category_id="mbo-niveau-3", area_code="10", school_year="2018-2019", breakdown="")
    url = reverse("figure_edit", kwargs={"code": "mbo-niveau-3", "school_year": "2018-2019"})
    data = {"value": "3,80", "numerator": "", "denominator": "", "finality": "definitief", "version": figure.version}
    response = manager_client.post(url, {**data, "reason": ""})
    assert "Geef een reden voor deze wijziging." in response.content.decode()
    figure.refresh_from_db()
    assert figure.value == Decimal("3.72")
    response = manager_client.post(url, {**data, "reason": "definitief DUO-cijfer"})
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.value == Decimal("3.80") and figure.finality == "definitief"
    old, new = figure.history.order_by("history_date")[0], figure.history.order_by("history_date").last()
    assert old.value == Decimal("3.72") and new.history_change_reason == "definitief DUO-cijfer"
    history = manager_client.get(reverse("indicator_history", kwargs={"code": "mbo-niveau-3"})).content.decode()
    assert "definitief DUO-cijfer" in history and "<del>3,72</del> → <ins>3,80</ins>" in history


def test_stale_form_is_refused(manager_client):
    target = Target.objects.get(indicator__code="mbo-niveau-3", school_year="2021-2022")
    url = reverse("target_edit", kwargs={"code": "mbo-niveau-3", "school_year": "2021-2022"})
    manager_client.post(url, {"value": "3,40", "reason": "eerste", "version": target.version})
    response = manager_client.post(url, {"value": "3,30", "reason": "tweede", "version": target.version})
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    target.refresh_from_db()
    assert target.value == Decimal("3.40")


def test_manager_corrects_baseline_and_margin(manager_client, demo):
    indicator = Indicator.objects.get(programme=demo, code="mbo-niveau-1")
    url = reverse("indicator_edit", kwargs={"code": "mbo-niveau-1"})
    data = {
        "name": indicator.name,
        "definition": indicator.definition,
        "baseline": "17,9%",
        "baseline_when": "maart 2020",
        "risk_margin_pct": "15",
        "projects": [],
        "version": indicator.version,
        "reason": "afronding zoals in het plan",
    }
    assert manager_client.post(url, data).status_code == 302
    indicator.refresh_from_db()
    assert (indicator.baseline, indicator.risk_margin_pct) == (Decimal("17.9"), Decimal("15"))
    assert indicator.history.first().history_change_reason == "afronding zoals in het plan"


def test_new_target_for_a_year_that_has_one_is_refused(manager_client):
    url = reverse("target_create", kwargs={"code": "mbo-niveau-3"})
    response = manager_client.post(url, {"school_year": "2021-2022", "value": "3,1"})
    assert "Voor 2021-2022 is al een streefcijfer" in response.content.decode()
    assert Target.objects.get(indicator__code="mbo-niveau-3", school_year="2021-2022").value == Decimal("3.50")
    assert manager_client.post(url, {"school_year": "2024-2025", "value": "3,1"}).status_code == 302
    assert Target.objects.get(indicator__code="mbo-niveau-3", school_year="2024-2025").value == Decimal("3.10")


def test_whole_percentage_from_duo_saves_unchanged_but_a_changed_one_is_checked(manager_client):
    """DUO prints "een jaar later" shares as whole percentages ("36" for 216 of 608, 35,53%); the form shows them
    as 36,00. Changing only the status must not refuse the figure the importer accepted; a new value is checked."""
    figures = Figure.objects.filter(category_id="terugkeer-school", area_code="10", numerator__isnull=False)
    # one whose two-decimal value the strict rule would refuse (|36,00 − 35,53| > 0,01)
    figure = next(f for f in figures if abs(f.value - Decimal(f.numerator) * 100 / f.denominator) > Decimal("0.01"))
    url = reverse("figure_edit", kwargs={"code": "terugkeer-school", "school_year": figure.school_year})
    data = {
        "value": f"{figure.value:.2f}".replace(".", ","),
        "numerator": str(figure.numerator),
        "denominator": str(figure.denominator),
        "finality": "definitief",
        "source_detail": figure.source_detail,
        "version": figure.version,
        "reason": "definitief volgens DUO",
    }
    response = manager_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    figure.refresh_from_db()
    assert figure.finality == "definitief"
    response = manager_client.post(url, {**data, "value": str(int(figure.value) + 1), "version": figure.version})
    assert "past niet bij" in response.content.decode()
