"""The plan workflow per role, through the pages (including direct POSTs), and locking after approval."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from halfyear import services
from halfyear.models import HalfYearPlan, SmartGoal
from tests.factories import smart_goal
from tests.urls import reverse

from .conftest import complete

MANAGER, STEERING, LEADER, ADMIN = "programmamanager", "stuurgroep", "projectleider", "beheerder"


def _action_url(plan, action):
    return reverse("halfyear_plan_action", kwargs={"code": plan.project.code, "period": plan.period, "action": action})


def _snapshot(plan):
    plan = HalfYearPlan.objects.get(pk=plan.pk)
    return (plan.status, plan.review_comment, HalfYearPlan.objects.filter(project=plan.project).count())


# (state, action, user, resulting status of the newest version; None = refused with 403)
MATRIX = [
    ("concept", "indienen", LEADER, "ingediend"),
    ("teruggestuurd", "indienen", LEADER, "ingediend"),
    ("concept", "indienen", MANAGER, None),
    ("concept", "indienen", STEERING, None),
    ("ingediend", "indienen", LEADER, "ingediend"),
    ("goedgekeurd", "indienen", LEADER, "goedgekeurd"),
    ("ingediend", "goedkeuren", MANAGER, "goedgekeurd"),
    ("ingediend", "goedkeuren", ADMIN, "goedgekeurd"),
    ("ingediend", "goedkeuren", LEADER, None),
    ("ingediend", "goedkeuren", STEERING, None),
    ("concept", "goedkeuren", MANAGER, "concept"),
    ("teruggestuurd", "goedkeuren", MANAGER, "teruggestuurd"),
    ("ingediend", "terugsturen", MANAGER, "teruggestuurd"),
    ("ingediend", "terugsturen", LEADER, None),
    ("ingediend", "terugsturen", STEERING, None),
    ("goedgekeurd", "terugsturen", MANAGER, "goedgekeurd"),
    ("goedgekeurd", "nieuwe-versie", LEADER, "concept"),
    ("goedgekeurd", "nieuwe-versie", MANAGER, None),
    ("goedgekeurd", "nieuwe-versie", STEERING, None),
    ("concept", "nieuwe-versie", LEADER, "concept"),
]


# What the 403 page says to a user without the role for the step, and what the plan page says when the plan's
# state does not allow it (the Dutch text a user reads, written out here rather than taken from the workflow).
WRONG_ROLE = {
    "indienen": "Alleen de projectleiders van dit project dienen het halfjaarplan in.",
    "goedkeuren": "Alleen programmamanagers keuren een halfjaarplan goed.",
    "terugsturen": "Alleen programmamanagers sturen een halfjaarplan terug.",
    "nieuwe-versie": "Alleen de projectleiders van dit project maken een nieuwe versie van het plan.",
}
WRONG_STATE = {
    ("ingediend", "indienen"): "Dit plan is ingediend en kan niet (opnieuw) worden ingediend.",
    ("goedgekeurd", "indienen"): "Dit plan is goedgekeurd en kan niet (opnieuw) worden ingediend.",
    ("concept", "goedkeuren"): "Dit plan is concept; alleen een ingediend plan kan worden goedgekeurd.",
    ("teruggestuurd", "goedkeuren"): "Dit plan is teruggestuurd; alleen een ingediend plan kan worden goedgekeurd.",
    ("goedgekeurd", "terugsturen"): "Dit plan is goedgekeurd; alleen een ingediend plan kan worden teruggestuurd.",
    ("concept", "nieuwe-versie"): "Dit plan is concept; alleen van een goedgekeurd plan maakt u een nieuwe versie.",
}


@pytest.mark.parametrize(("state", "action", "username", "result"), MATRIX)
def test_transition_per_role_by_direct_post(role_client, plan_in, state, action, username, result):
    plan = plan_in(state)
    client = role_client(username)
    before = _snapshot(plan)
    response = client.post(_action_url(plan, action), {"comment": "Toelichting bij de stap."})
    newest = HalfYearPlan.objects.filter(project=plan.project, period=plan.period).order_by("-revision").first()
    if result is None:
        assert response.status_code == 403
        html = response.content.decode()
        assert "Geen toegang" in html and WRONG_ROLE[action] in html
        assert _snapshot(plan) == before
        return
    assert response.status_code == 302
    assert newest.status == result
    refused = (state, action) in WRONG_STATE
    assert refused == (
        result == state and action != "nieuwe-versie" or (action == "nieuwe-versie" and state != "goedgekeurd")
    )
    if refused:
        # Refused for its state: nothing changed, and the reason is shown on the plan page.
        assert _snapshot(plan) == before
        assert response.url == reverse("halfyear_plan_detail", kwargs={"code": "2.1", "period": plan.period})
        page = client.get(response.url).content.decode()
        assert WRONG_STATE[(state, action)] in page


def test_steering_group_reads_plans_but_sees_no_buttons(role_client, plan_in):
    plan = plan_in("ingediend")
    html = (
        role_client(STEERING)
        .get(reverse("halfyear_plan_detail", kwargs={"code": "2.1", "period": plan.period}))
        .content.decode()
    )
    assert "Halfjaarplan" in html and plan.goals.first().description in html
    for button in ("Goedkeuren", "Terugsturen", "Plan indienen", "Plan bewerken", "Doel toevoegen"):
        assert button not in html


def test_manager_sees_approve_and_return_on_a_submitted_plan(role_client, plan_in):
    plan = plan_in("ingediend")
    html = (
        role_client(MANAGER)
        .get(reverse("halfyear_plan_detail", kwargs={"code": "2.1", "period": plan.period}))
        .content.decode()
    )
    assert "Goedkeuren" in html and "Terugsturen" in html and "Plan bewerken" not in html


def test_return_needs_a_comment_and_the_leader_sees_it(role_client, plan_in):
    plan = plan_in("ingediend")
    client = role_client(MANAGER)
    before = _snapshot(plan)
    response = client.post(_action_url(plan, "terugsturen"), {"comment": "  "})
    assert response.status_code == 200
    assert "Dit veld is verplicht: licht het toe." in response.content.decode()
    assert HalfYearPlan.objects.get(pk=plan.pk).status == "ingediend"
    assert _snapshot(plan) == before
    client.post(_action_url(plan, "terugsturen"), {"comment": "Maak doel 1 meetbaar per school."})
    html = (
        role_client(LEADER)
        .get(reverse("halfyear_plan_detail", kwargs={"code": "2.1", "period": plan.period}))
        .content.decode()
    )
    assert "Teruggestuurd door Marieke Jansen" in html and "Maak doel 1 meetbaar per school." in html
    assert "Plan indienen" in html and "Plan bewerken" in html


def test_submitting_an_incomplete_plan_is_refused_with_what_is_missing(role_client, concept):
    client = role_client(LEADER)
    response = client.post(_action_url(concept, "indienen"), follow=True)
    html = response.content.decode()
    assert "Beschrijf het doel van dit halfjaar." in html
    assert "Vul de gevraagde uren in" in html
    assert HalfYearPlan.objects.get(pk=concept.pk).status == "concept"


def test_submitting_without_goals_is_refused(demo_user, concept):
    plan = complete(concept)
    plan.goals.all().delete()
    with pytest.raises(ValidationError, match="minstens één SMART-doel"):
        services.halfyear_plan_submit(plan=plan, user=demo_user(LEADER))


def test_leader_of_another_project_cannot_write_or_submit(role_client, demo, next_period):
    """`projectleider` does not lead 1.2: its plan pages are read-only for them, a direct POST gets 403."""
    other = HalfYearPlan.objects.filter(project__code="1.2").first()
    client = role_client(LEADER)
    before = _snapshot(other)
    edit = reverse("halfyear_plan_edit", kwargs={"code": "1.2", "period": other.period})
    start = reverse("halfyear_plan_start", kwargs={"code": "1.2"})
    for response, message in [
        (
            client.post(edit, {"context": "Gekaapt"}),
            "Alleen de projectleiders van dit project schrijven het halfjaarplan.",
        ),
        (client.post(_action_url(other, "nieuwe-versie"), {"comment": "x"}), WRONG_ROLE["nieuwe-versie"]),
        (
            client.post(start, {"period": str(next_period)}),
            "Alleen de projectleiders van dit project schrijven het halfjaarplan.",
        ),
    ]:
        assert response.status_code == 403
        assert message in response.content.decode()
    assert not HalfYearPlan.objects.filter(project__code="1.2", period=str(next_period)).exists()
    assert _snapshot(other) == before


# ── locking after approval ───────────────────────────────────────────────────────────────────────────


def test_approved_plan_is_locked_for_every_edit(role_client, plan_in, demo_user):
    plan = plan_in("goedgekeurd")
    goal = plan.goals.get(number=1)
    client = role_client(LEADER)
    kwargs = {"code": "2.1", "period": plan.period}
    responses = [
        client.post(reverse("halfyear_plan_edit", kwargs=kwargs), {"context": "Anders", "aim": "Anders"}),
        client.post(reverse("halfyear_goal_edit", kwargs={**kwargs, "number": 1}), {"description": "Anders"}),
        client.post(reverse("halfyear_goal_delete", kwargs={**kwargs, "number": 1})),
        client.post(reverse("halfyear_goal_create", kwargs=kwargs), {"description": "Nieuw"}),
    ]
    assert all(response.status_code == 302 for response in responses)
    plan.refresh_from_db()
    assert plan.context != "Anders" and plan.goals.count() == 1
    assert SmartGoal.objects.get(pk=goal.pk).description == goal.description
    page = client.get(responses[0].url).content.decode()
    assert "kan niet meer worden gewijzigd" in page
    with pytest.raises(ValidationError):
        services.smart_goal_save(goal=goal, user=demo_user(LEADER))


def test_a_change_after_approval_is_a_new_version_with_a_reason(role_client, plan_in):
    plan = plan_in("goedgekeurd")
    client = role_client(LEADER)
    before = _snapshot(plan)
    refused = client.post(_action_url(plan, "nieuwe-versie"), {"comment": ""})
    assert refused.status_code == 200 and "Dit veld is verplicht: licht het toe." in refused.content.decode()
    assert _snapshot(plan) == before  # no second version
    response = client.post(_action_url(plan, "nieuwe-versie"), {"comment": "Alfa-college doet ook mee"})
    assert response.status_code == 302
    versions = list(HalfYearPlan.objects.filter(project=plan.project, period=plan.period).order_by("revision"))
    assert [(v.revision, v.status) for v in versions] == [(1, "goedgekeurd"), (2, "concept")]
    assert versions[1].revision_reason == "Alfa-college doet ook mee"
    assert versions[1].goals.count() == versions[0].goals.count()
    html = client.get(response.url).content.decode()
    assert "versie 2" in html and "Alfa-college doet ook mee" in html
    # The approved version stays as it was, and a second "new version" of it is refused.
    with pytest.raises(ValidationError, match="nieuwere versie"):
        services.halfyear_plan_revise(plan=versions[0], user=plan.project.leaders.get(), reason="nog een")


# ── SMART goals ──────────────────────────────────────────────────────────────────────────────────────


def _goal_post(plan, **overrides):
    data = {
        "description": "Twintig oud-VSV'ers starten een opleiding.",
        "measure_description": "aantal oud-VSV'ers ingeschreven",
        "measure_unit": "jongeren",
        "target_value": "20",
        "achievable": "Vorig halfjaar waren het er 15.",
        "deadline": plan.period_obj.end.isoformat(),
        "responsible": "RMC",
    }
    data.update(overrides)
    return data


def test_goal_without_measure_is_refused_with_a_clear_message(role_client, concept):
    client = role_client(LEADER)
    url = reverse("halfyear_goal_create", kwargs={"code": "2.1", "period": concept.period})
    count = concept.goals.count()
    response = client.post(url, _goal_post(concept, measure_description=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Een SMART-doel is meetbaar: geef aan waarmee het wordt gemeten." in html
    assert html.count("Een SMART-doel is meetbaar") == 1
    assert concept.goals.count() == count


def test_goal_with_deadline_outside_the_half_year_is_refused(role_client, concept):
    client = role_client(LEADER)
    url = reverse("halfyear_goal_create", kwargs={"code": "2.1", "period": concept.period})
    count = concept.goals.count()
    too_late = concept.period_obj.end.replace(day=1).replace(month=concept.period_obj.end.month).isoformat()
    outside = date(concept.period_obj.end.year + 1, 1, 15).isoformat()
    response = client.post(url, _goal_post(concept, deadline=outside))
    html = response.content.decode()
    assert f"De deadline valt buiten het halfjaar {concept.period}" in html
    assert concept.goals.count() == count
    assert client.post(url, _goal_post(concept, deadline=too_late)).status_code == 302
    assert concept.goals.count() == count + 1


def test_goal_without_deadline_is_refused(role_client, concept):
    client = role_client(LEADER)
    url = reverse("halfyear_goal_create", kwargs={"code": "2.1", "period": concept.period})
    html = client.post(url, _goal_post(concept, deadline="")).content.decode()
    assert "Een SMART-doel is tijdgebonden" in html


def test_service_refuses_a_goal_from_a_user_who_does_not_lead(demo_user, concept):
    goal = smart_goal(concept, "x")
    with pytest.raises(PermissionDenied):
        services.smart_goal_save(goal=goal, user=demo_user(MANAGER))
    assert not SmartGoal.objects.filter(description="x").exists()
