"""The half-year demo: relative to today, labelled demo, the 2.1 concept for `projectleider`, idempotent."""

import io

from django.core.management import call_command

from core.periods import HalfYear
from halfyear.models import HalfYearEvaluation, HalfYearPlan, ProjectStatus, SmartGoal
from tests.urls import reverse


def test_two_evaluated_half_years_a_running_one_and_a_concept(demo, today):
    """Relative to today, as far as the half-years lie in the programme (2026–2029 began in 2026-H1: on 2 December
    2026 the half-year two back, 2025-H2, is before it and has no plan)."""
    current = HalfYear.for_date(today)
    inside = [offset for offset in (-2, -1, 0, 1) if demo.period.contains((current + offset).start)]
    assert inside[-2:] == [0, 1]
    plans = HalfYearPlan.objects.filter(project__code="2.1")
    words = {-2: "goedgekeurd", -1: "goedgekeurd", 0: "goedgekeurd", 1: "concept"}
    assert {plan.period: plan.status for plan in plans} == {str(current + offset): words[offset] for offset in inside}
    evaluated = set(
        HalfYearEvaluation.objects.filter(plan__project__code__in=["2.1", "3.2"]).values_list(
            "plan__project__code", "plan__period"
        )
    )
    expected = {(code, str(current + offset)) for code in ("2.1", "3.2") for offset in (-2, -1) if offset in inside}
    assert evaluated == expected
    assert HalfYearPlan.objects.filter(period__lt=str(HalfYear.for_date(demo.period.start))).count() == 0
    assert all(plan.is_demo for plan in HalfYearPlan.objects.all())
    for goal in SmartGoal.objects.select_related("plan"):
        goal.full_clean()  # every demo goal is SMART: measure, unit, target, deadline inside its half-year


def test_costs_use_the_programmes_hourly_rate(demo, today):
    plan = HalfYearPlan.objects.get(project__code="2.1", period=str(HalfYear.for_date(today)))
    assert plan.hourly_rate == 50 and plan.hours_costs == 160 * 50 and plan.total_costs == 160 * 50 + 2500


def test_concept_is_open_for_projectleider(leader_client, today):
    period = HalfYear.for_date(today).next()
    html = leader_client.get(reverse("halfyear_plan_detail", kwargs={"code": "2.1", "period": period})).content.decode()
    assert "Plan bewerken" in html and "Plan indienen" in html and "Doel toevoegen" in html
    assert ">demo<" in html


def test_load_demo_twice_adds_no_rows_and_no_history(demo):
    def snapshot():
        return (
            HalfYearPlan.objects.count(),
            SmartGoal.objects.count(),
            ProjectStatus.objects.count(),
            HalfYearEvaluation.objects.count(),
            HalfYearPlan.history.count(),
            SmartGoal.history.count(),
            ProjectStatus.history.count(),
            HalfYearEvaluation.history.count(),
            HalfYearPlan.activities.through.objects.count(),
        )

    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before


def test_load_demo_restores_the_concept_after_a_demo_run(demo, today):
    plan = HalfYearPlan.objects.get(project__code="2.1", period=str(HalfYear.for_date(today).next()))
    HalfYearPlan.objects.filter(pk=plan.pk).update(status="goedgekeurd", aim="Gedaan")
    call_command("load_demo", stdout=io.StringIO())
    plan.refresh_from_db()
    assert (plan.status, plan.aim) == ("concept", "")


def test_every_demo_plan_page_opens_for_each_role(demo, role_client):
    """Plans of projects without a leader have evaluations nobody submitted; their pages must still open."""
    plans = list(HalfYearPlan.objects.select_related("project"))
    assert any(plan.evaluation.submitted_by is None for plan in plans if hasattr(plan, "evaluation"))
    for username in ("programmamanager", "stuurgroep", "projectleider"):
        client = role_client(username)
        for plan in plans:
            url = reverse("halfyear_plan_detail", kwargs={"code": plan.project.code, "period": plan.period})
            response = client.get(url)
            assert response.status_code == 200, (username, url, response.status_code)
