"""A SMART goal may be measured by a programme KPI: chosen on the goal form, saved with history, shown on the
plan page, carried into the next half-year and into a new plan version; refused from another programme."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.periods import HalfYear
from halfyear import services
from halfyear.models import HalfYearPlan, SmartGoal
from indicators.models import Indicator
from tests.factories import ProgrammeFactory
from tests.urls import reverse

LEADER, MANAGER, STEERING = "projectleider", "programmamanager", "stuurgroep"


@pytest.fixture
def concept(demo):
    """The demo's concept plan of 2.1 for the next half-year, written by `projectleider`."""
    return HalfYearPlan.objects.get(project__code="2.1", period=str(HalfYear.for_date(timezone.localdate()).next()))


@pytest.fixture
def niveau3(demo):
    return Indicator.objects.get(programme=demo, code="mbo-niveau-3")


def _url(plan, number):
    return reverse("halfyear_goal_edit", kwargs={"code": plan.project.code, "period": plan.period, "number": number})


def _post(goal, **overrides):
    """The goal's edit form as opened now (its current version), with `overrides`."""
    data = {
        "version": type(goal).objects.get(pk=goal.pk).version,
        "description": goal.description,
        "measure_description": goal.measure_description or "exitgesprekken gevoerd",
        "measure_unit": goal.measure_unit or "gesprekken",
        "target_value": str(goal.target_value or 10),
        "achievable": goal.achievable,
        "deadline": (goal.deadline or goal.plan.period_obj.end).isoformat(),
        "responsible": goal.responsible,
    }
    data.update(overrides)
    return data


def test_leader_picks_a_kpi_for_a_goal_and_the_plan_page_shows_it(role_client, concept, niveau3, demo_user):
    client = role_client(LEADER)
    goal = concept.goals.get(number=1)
    form = client.get(_url(concept, 1)).content.decode()
    assert "KPI van het programma" in form and "VSV MBO niveau 3" in form
    assert form.index('name="measure_unit"') < form.index('name="kpi"') < form.index('name="target_value"')

    response = client.post(_url(concept, 1), _post(goal, kpi=niveau3.pk))
    assert response.status_code == 302
    saved = SmartGoal.objects.get(pk=goal.pk)
    assert saved.indicator == niveau3
    record = saved.history.latest()
    assert record.indicator_id == niveau3.pk
    assert record.history_user == demo_user(LEADER) and "VSV MBO niveau 3" in record.history_change_reason

    page = client.get(response.url.split("#")[0]).content.decode()
    assert "KPI van het programma" in page
    assert f'href="{reverse("indicator_detail", kwargs={"code": "mbo-niveau-3"})}">VSV MBO niveau 3</a>' in page
    assert f'value="{niveau3.pk}" selected' in client.get(_url(concept, 1)).content.decode()


def test_clearing_the_kpi_removes_the_link_with_history(role_client, concept, niveau3):
    client = role_client(LEADER)
    goal = concept.goals.get(number=1)
    client.post(_url(concept, 1), _post(goal, kpi=niveau3.pk))
    assert client.post(_url(concept, 1), _post(goal, kpi="")).status_code == 302
    assert SmartGoal.objects.get(pk=goal.pk).indicator is None
    record = goal.history.latest()
    assert record.indicator_id is None and record.prev_record.indicator_id == niveau3.pk


def test_kpi_of_another_programme_is_refused_and_nothing_changes(role_client, concept):
    foreign = Indicator.objects.create(
        programme=ProgrammeFactory(), code="elders", name="Elders", group="vo", category_id="vo-onderbouw"
    )
    goal = concept.goals.get(number=1)
    response = role_client(LEADER).post(_url(concept, 1), _post(goal, description="Gewijzigd", kpi=foreign.pk))
    assert response.status_code == 200
    assert "Kies een KPI uit de lijst." in response.content.decode()
    assert not SmartGoal.objects.filter(indicator__isnull=False).exists()
    assert SmartGoal.objects.get(pk=goal.pk).description == goal.description


def test_readers_cannot_set_a_kpi(role_client, concept, niveau3):
    goal = concept.goals.get(number=1)
    role_client(STEERING).post(_url(concept, 1), _post(goal, kpi=niveau3.pk))
    assert not SmartGoal.objects.filter(indicator__isnull=False).exists()


def test_a_save_without_the_field_leaves_the_link_alone(concept, niveau3, demo_user):
    goal = concept.goals.get(number=1)
    goal.indicator = niveau3
    goal.save()
    goal.measure_description, goal.measure_unit, goal.target_value = "gesprekken", "aantal", Decimal(3)
    goal.deadline = concept.period_obj.end
    services.smart_goal_save(goal=goal, user=demo_user(LEADER))
    assert SmartGoal.objects.get(pk=goal.pk).indicator == niveau3


def test_the_kpi_follows_the_goal_into_a_new_version_and_the_next_half_year(demo, niveau3, demo_user):
    leader, manager = demo_user(LEADER), demo_user(MANAGER)
    current = HalfYear.for_date(timezone.localdate())
    approved = HalfYearPlan.objects.get(project__code="3.2", period=str(current), status="goedgekeurd")
    goal = approved.goals.get(number=1)
    SmartGoal.objects.filter(pk=goal.pk).update(indicator=niveau3)

    revision = services.halfyear_plan_revise(plan=approved, user=leader, reason="Nieuwe school doet mee")
    assert SmartGoal.objects.get(plan=revision, number=1).indicator == niveau3

    # Not met at the end of the half-year: the goal comes back as a proposal in the next plan, with its KPI.
    services.halfyear_plan_submit(plan=revision, user=leader)
    revision = services.halfyear_plan_approve(plan=revision, user=manager)
    day = revision.period_obj.end
    copied = revision.goals.get(number=1)
    results = [
        {"goal": g, "result": "niet", "value_reached": None, "explanation": "x", "lesson": ""}
        for g in revision.goals.all()
    ]
    services.halfyear_evaluation_save(plan=revision, user=leader, reflection="r", goal_results=results, today=day)
    services.halfyear_evaluation_submit(plan=revision, user=leader, today=day)
    following = HalfYearPlan.objects.filter(project=revision.project, period=str(current.next()))
    following.delete()  # the demo may hold a concept for the next half-year already
    new = services.halfyear_plan_start(project=revision.project, period=current.next(), user=leader)
    carried = new.goals.get(carried_from=copied)
    assert SmartGoal.objects.get(pk=carried.pk).indicator == niveau3


def test_plan_page_reads_goal_kpis_in_a_fixed_number_of_queries(role_client, concept, niveau3):
    client = role_client(MANAGER)
    url = reverse("halfyear_plan_detail", kwargs={"code": "2.1", "period": concept.period})

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    concept.goals.filter(number=1).update(indicator=niveau3)
    before = count()
    for number in range(10, 16):
        SmartGoal.objects.create(
            plan=concept,
            number=number,
            description="d",
            measure_description="m",
            measure_unit="u",
            target_value=1,
            indicator=niveau3,
        )
    assert count() == before
    assert client.get(url).content.decode().count(">VSV MBO niveau 3</a>") == 7


def test_the_service_refuses_a_kpi_of_another_programme(concept, demo_user):
    foreign = Indicator.objects.create(
        programme=ProgrammeFactory(), code="elders", name="Elders", group="vo", category_id="vo-onderbouw"
    )
    goal = concept.goals.get(number=1)
    goal.indicator = foreign
    with pytest.raises(ValidationError) as refused:
        services.smart_goal_save(goal=goal, user=demo_user(LEADER))
    assert refused.value.message_dict["indicator"] == ["Kies een KPI van het programma van dit project."]
    assert SmartGoal.objects.get(pk=goal.pk).indicator is None
