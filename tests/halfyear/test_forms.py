"""Numbers on the half-year forms are typed the Dutch way ("12,5", "€ 1.500,50") and shown back that way."""

from decimal import Decimal

from halfyear.forms import GoalResultForm, PlanForm
from tests.urls import reverse

LEADER = "projectleider"


def _plan_post(plan, **overrides):
    data = {
        "version": plan.version,
        "context": plan.context,
        "aim": "Exitgesprekken uitbreiden naar Alfa-college.",
        "lessons": plan.lessons,
        "activities": [activity.pk for activity in plan.activities.all()],
        "hours_requested": "12,5",
        "other_costs": "€ 1.500,50",
    }
    data.update(overrides)
    return data


def test_plan_with_hours_and_costs_in_dutch_notation_saves_them(role_client, concept):
    client = role_client(LEADER)
    url = reverse("halfyear_plan_edit", kwargs={"code": "2.1", "period": concept.period})
    response = client.post(url, _plan_post(concept))
    assert response.status_code == 302
    concept.refresh_from_db()
    assert (concept.hours_requested, concept.other_costs) == (Decimal("12.5"), Decimal("1500.50"))
    html = client.get(url).content.decode()
    assert 'value="12,5"' in html and 'value="1.500,50"' in html  # shown back with a comma


def test_plan_form_refuses_what_is_not_a_number_in_dutch(concept):
    form = PlanForm(_plan_post(concept, hours_requested="twaalf", other_costs="10%"), instance=concept)
    assert not form.is_valid()
    assert form.errors["hours_requested"] == ["Vul een aantal uren in, bijvoorbeeld 12,5."]
    assert form.errors["other_costs"] == ["Vul een bedrag in, bijvoorbeeld 1250,50."]
    form = PlanForm(_plan_post(concept, hours_requested="12,55"), instance=concept)
    assert form.errors["hours_requested"] == ["Gebruik hoogstens 1 cijfers achter de komma."]


def test_goal_with_a_target_of_twelve_and_a_half_saves_it(role_client, concept):
    client = role_client(LEADER)
    url = reverse("halfyear_goal_create", kwargs={"code": "2.1", "period": concept.period})
    count = concept.goals.count()
    response = client.post(
        url,
        {
            "description": "Verzuim per leerling omlaag.",
            "measure_description": "uren verzuim per leerling",
            "measure_unit": "uur",
            "target_value": "12,5",
            "achievable": "",
            "deadline": concept.period_obj.end.isoformat(),
            "responsible": "RMC",
        },
    )
    assert response.status_code == 302
    assert concept.goals.count() == count + 1
    assert concept.goals.order_by("-number").first().target_value == Decimal("12.5")


def test_goal_result_reads_a_comma(concept):
    goal = concept.goals.first()
    form = GoalResultForm({"result": "deels", "value_reached": "12,5"}, instance=goal)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["value_reached"] == Decimal("12.5")
