"""Plan, do, check, act: evaluating a half-year and carrying unmet goals and lessons into the next plan."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.periods import HalfYear
from halfyear import selectors, services
from halfyear.models import HalfYearEvaluation, HalfYearPlan, SmartGoal
from tests.urls import reverse

LEADER, MANAGER = "projectleider", "programmamanager"


@pytest.fixture
def evaluated(demo, demo_user, today):
    """3.2's plan for this half-year, approved in the demo, evaluated by its leader: met, partly, not met."""
    leader = demo_user(LEADER)
    plan = HalfYearPlan.objects.get(project__code="3.2", period=str(HalfYear.for_date(today)))
    for number, text in ((2, "Tweede doel"), (3, "Derde doel")):
        SmartGoal.objects.create(
            plan=plan,
            number=number,
            description=text,
            measure_description="aantal",
            measure_unit="scholen",
            target_value=4,
            deadline=plan.period_obj.end,
        )
    goals = list(plan.goals.order_by("number"))
    results = [
        {"goal": goals[0], "result": "behaald", "value_reached": Decimal(5), "explanation": "", "lesson": ""},
        {
            "goal": goals[1],
            "result": "deels",
            "value_reached": Decimal(2),
            "explanation": "Ziekte.",
            "lesson": "Eerder beginnen.",
        },
        {
            "goal": goals[2],
            "result": "niet",
            "value_reached": None,
            "explanation": "Geen capaciteit.",
            "lesson": "Capaciteit vooraf vastleggen.",
        },
    ]
    day = plan.period_obj.end
    services.halfyear_evaluation_save(
        plan=plan, user=leader, reflection="Goed halfjaar.", goal_results=results, today=day
    )
    services.halfyear_evaluation_submit(plan=plan, user=leader, today=day)
    return plan


def test_starting_the_next_plan_copies_unmet_goals_and_lessons(evaluated, demo_user, today):
    following = HalfYear.for_date(today).next()
    new = services.halfyear_plan_start(project=evaluated.project, period=following, user=demo_user(LEADER))
    goals = list(new.goals.order_by("number"))
    assert [goal.description for goal in goals] == ["Tweede doel", "Derde doel"]
    assert [goal.carried_from.plan_id for goal in goals] == [evaluated.pk, evaluated.pk]
    assert all(goal.deadline in following for goal in goals)
    assert all(goal.result == "" and goal.value_reached is None for goal in goals)
    assert "Eerder beginnen." in new.lessons and "Capaciteit vooraf vastleggen." in new.lessons
    assert "Goed halfjaar." in new.lessons
    assert new.status == "concept" and new.hourly_rate == Decimal("50.00")
    assert set(new.activities.all()) == set(evaluated.activities.all())


def test_a_goal_can_be_followed_across_half_years(evaluated, demo_user, today, role_client):
    following = HalfYear.for_date(today).next()
    new = services.halfyear_plan_start(project=evaluated.project, period=following, user=demo_user(LEADER))
    carried = new.goals.get(number=2)
    chain = selectors.goal_chain(goal=carried)
    assert [(goal.plan.period, goal.number) for goal in chain] == [(evaluated.period, 3), (new.period, 2)]
    html = (
        role_client("stuurgroep")
        .get(reverse("halfyear_goal_chain", kwargs={"code": "3.2", "period": new.period, "number": 2}))
        .content.decode()
    )
    assert "niet behaald" in html and "Capaciteit vooraf vastleggen." in html
    plan_page = (
        role_client("stuurgroep")
        .get(reverse("halfyear_plan_detail", kwargs={"code": "3.2", "period": new.period}))
        .content.decode()
    )
    assert f"Voortgezet uit {evaluated.period}, doel 3" in plan_page


def test_the_demo_chain_links_goals_across_half_years(demo, today):
    current = HalfYear.for_date(today)
    goal = SmartGoal.objects.get(plan__project__code="2.1", plan__period=str(current), number=1)
    chain = selectors.goal_chain(goal=goal)
    assert [(g.plan.period, g.number, g.result) for g in chain] == [
        (str(current.previous()), 2, "deels"),
        (str(current), 1, ""),
    ]
    proposal = SmartGoal.objects.get(plan__project__code="2.1", plan__period=str(current.next()), number=1)
    assert [(g.plan.period, g.number) for g in selectors.goal_chain(goal=proposal)] == [
        (str(current), 2),
        (str(current.next()), 1),
    ]


def test_a_past_half_year_or_a_second_plan_cannot_be_started(demo, demo_user, today):
    project = HalfYearPlan.objects.filter(project__code="2.1").first().project
    leader = demo_user(LEADER)
    with pytest.raises(ValidationError, match="al voorbij"):
        services.halfyear_plan_start(project=project, period=HalfYear.for_date(today).previous(), user=leader)
    with pytest.raises(ValidationError, match="Er is al een plan"):
        services.halfyear_plan_start(project=project, period=HalfYear.for_date(today), user=leader)
    with pytest.raises(ValidationError, match="Het halfjaar 2030-H1 valt buiten Vervolgaanpak VSV 2026-2029"):
        services.halfyear_plan_start(project=project, period="2030-H1", user=leader)


def test_evaluation_opens_in_the_last_month_and_locks_when_submitted(demo, demo_user, today):
    plan = HalfYearPlan.objects.get(project__code="2.1", period=str(HalfYear.for_date(today)))
    leader = demo_user(LEADER)
    opens = services.evaluation_opens(plan.period_obj)
    results = [{"goal": goal, "result": "behaald", "value_reached": goal.target_value} for goal in plan.goals.all()]
    with pytest.raises(ValidationError, match="wordt geëvalueerd vanaf"):
        services.halfyear_evaluation_save(
            plan=plan, user=leader, reflection="x", goal_results=results, today=opens - timedelta(days=1)
        )
    assert not HalfYearEvaluation.objects.filter(plan=plan).exists()
    with pytest.raises(ValidationError, match="Schrijf een reflectie"):
        services.halfyear_evaluation_submit(plan=plan, user=leader, today=opens)
    services.halfyear_evaluation_save(plan=plan, user=leader, reflection="Klaar.", goal_results=results, today=opens)
    services.halfyear_evaluation_submit(plan=plan, user=leader, today=opens)
    with pytest.raises(ValidationError, match="al ingediend"):
        services.halfyear_evaluation_save(plan=plan, user=leader, reflection="Anders", goal_results=[], today=opens)
    assert HalfYearEvaluation.objects.get(plan=plan).reflection == "Klaar."


def test_partly_met_goal_needs_the_value_reached(demo, demo_user, today):
    plan = HalfYearPlan.objects.get(project__code="2.1", period=str(HalfYear.for_date(today)))
    goal = plan.goals.get(number=1)
    with pytest.raises(ValidationError, match="bereikte waarde"):
        services.halfyear_evaluation_save(
            plan=plan,
            user=demo_user(LEADER),
            reflection="x",
            goal_results=[{"goal": goal, "result": "deels"}],
            today=plan.period_obj.end,
        )
    goal.refresh_from_db()
    assert goal.result == ""


def test_only_the_leader_evaluates(demo, demo_user, today):
    from django.core.exceptions import PermissionDenied

    plan = HalfYearPlan.objects.get(project__code="2.1", period=str(HalfYear.for_date(today)))
    with pytest.raises(PermissionDenied):
        services.halfyear_evaluation_save(
            plan=plan, user=demo_user(MANAGER), reflection="x", goal_results=[], today=plan.period_obj.end
        )


def test_leader_evaluates_through_the_page_and_then_it_is_locked(role_client, demo, today):
    """Last half-year's plan of 2.1, its evaluation not yet written: the leader fills and submits the form."""
    plan = HalfYearPlan.objects.get(project__code="2.1", period=str(HalfYear.for_date(today).previous()))
    HalfYearEvaluation.objects.filter(plan=plan).delete()
    SmartGoal.objects.filter(plan=plan).update(result="", value_reached=None, lesson="")
    url = reverse("halfyear_evaluation_edit", kwargs={"code": "2.1", "period": plan.period})
    refused = role_client("stuurgroep").get(url)
    assert refused.status_code == 403
    assert "Alleen de projectleiders van dit project schrijven de evaluatie." in refused.content.decode()
    client = role_client(LEADER)
    assert "Resultaat" in client.get(url).content.decode()
    data = {
        "doel-TOTAL_FORMS": "2",
        "doel-INITIAL_FORMS": "2",
        "doel-0-result": "behaald",
        "doel-0-value_reached": "85",
        "doel-0-lesson": "Vaste aanleverdatum houden.",
        "doel-1-result": "deels",
        "doel-1-value_reached": "",
        "evaluatie-reflection": "Goed op weg.",
        "indienen": "1",
    }
    evaluations = HalfYearEvaluation.objects.count()
    goals = list(plan.goals.order_by("number").values_list("result", "value_reached", "lesson"))
    for total in ("1", "3"):  # a form sent for other goals (tampered, or the plan changed): refused, not a 500
        tampered = client.post(url, {**data, "doel-TOTAL_FORMS": total})
        assert tampered.status_code == 200
        assert "hoort niet meer bij de doelen van dit plan" in tampered.content.decode()
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Doel 2: Geef de bereikte waarde bij een (deels) behaald doel." in response.content.decode()
    assert not HalfYearEvaluation.objects.filter(plan=plan).exists()
    assert HalfYearEvaluation.objects.count() == evaluations
    assert plan.goals.get(number=1).result == ""  # bad input changes nothing
    assert list(plan.goals.order_by("number").values_list("result", "value_reached", "lesson")) == goals
    data["doel-1-value_reached"] = "0.5"
    response = client.post(url, data)
    assert response.status_code == 302
    evaluation = HalfYearEvaluation.objects.get(plan=plan)
    assert (evaluation.status, evaluation.reflection) == ("ingediend", "Goed op weg.")
    assert list(plan.goals.order_by("number").values_list("result", flat=True)) == ["behaald", "deels"]
    page = client.get(response.url).content.decode()
    assert "Evaluatie schrijven" not in page and "Goed op weg." in page
    assert client.get(url).status_code == 302  # locked: back to the plan with the reason


def test_leader_starts_the_next_plan_from_the_project_page(role_client, demo, today):
    following = HalfYear.for_date(today).next()
    client = role_client(LEADER)
    page = client.get(reverse("halfyear_plan_list", kwargs={"code": "3.2"})).content.decode()
    assert f"Plan {following} starten" in page
    assert (
        "Plan " + str(following) + " starten"
        not in role_client("stuurgroep").get(reverse("halfyear_plan_list", kwargs={"code": "3.2"})).content.decode()
    )
    client = role_client(LEADER)
    response = client.post(reverse("halfyear_plan_start", kwargs={"code": "3.2"}), {"period": str(following)})
    plan = HalfYearPlan.objects.get(project__code="3.2", period=str(following))
    assert response.status_code == 302 and plan.status == "concept"
    html = client.get(response.url).content.decode()
    assert "1 doel uit het vorige halfjaar staat erin als voorstel." in html
    assert "Voortgezet uit" in html


def test_a_half_year_after_the_programme_is_not_offered(role_client, clock, demo):
    """In the programme's last half-year (2029-H2) the page offers no plan for 2030-H1: that half-year belongs to
    the next programme."""
    clock.set(date(2029, 10, 1))
    page = role_client(LEADER).get(reverse("halfyear_plan_list", kwargs={"code": "3.2"})).content.decode()
    assert "Plan 2029-H2 starten" in page
    assert "2030-H1" not in page
