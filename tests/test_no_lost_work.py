"""Two people (or two tabs) editing the same half-year plan, SMART goal, meeting or concept report: both open the
form, the first saves, the second is refused with a Dutch message and the first one's text stays. A form sent
without its version is refused too, never applied blindly."""

import re

import pytest
from django.core.exceptions import ValidationError

from core import clock
from halfyear import services as halfyear_services
from halfyear.models import HalfYearEvaluation, HalfYearPlan, SmartGoal
from reports import services as report_services
from reports.models import Meeting, ProgressReport
from tests.factories import smart_goal
from tests.urls import reverse

STALE = "Iemand anders heeft dit intussen gewijzigd"
INCOMPLETE = "Het formulier is onvolledig verstuurd"


def _plan(programme, leader):
    project = programme.projects.get(code="2.1")
    period = programme.periods(clock.today()).half_year.next()
    plan = HalfYearPlan.objects.filter(project=project, period=str(period)).first()
    return plan or halfyear_services.halfyear_plan_start(project=project, period=period, user=leader)


def plan_case(programme, manager, leader):
    plan = _plan(programme, leader)
    url = reverse("halfyear_plan_edit", kwargs={"code": "2.1", "period": plan.period}, programme=programme)
    data = {"context": "", "lessons": "", "hours_requested": "0", "other_costs": "0"}
    return "projectleider", url, "aim", data, lambda: HalfYearPlan.objects.get(pk=plan.pk).aim


def goal_case(programme, manager, leader):
    plan = _plan(programme, leader)
    goal = halfyear_services.smart_goal_save(goal=smart_goal(plan, "Begin"), user=leader)
    data = {
        "measure_description": goal.measure_description,
        "measure_unit": goal.measure_unit,
        "target_value": "20",
        "deadline": goal.deadline.isoformat(),
    }
    url = reverse(
        "halfyear_goal_edit",
        kwargs={"code": "2.1", "period": plan.period, "number": goal.number},
        programme=programme,
    )
    return "projectleider", url, "description", data, lambda: SmartGoal.objects.get(pk=goal.pk).description


def meeting_case(programme, manager, leader):
    meeting = Meeting.objects.filter(programme=programme).order_by("date").first()
    url = reverse("meeting_edit", kwargs={"pk": meeting.pk}, programme=programme)
    data = {"kind": meeting.kind, "date": meeting.date.isoformat(), "location": meeting.location}
    return "programmamanager", url, "notes", data, lambda: Meeting.objects.get(pk=meeting.pk).notes


def report_case(programme, manager, leader):
    quarter = str(programme.periods(clock.today()).quarter.next())
    report = report_services.report_create(programme=programme, user=manager, period=quarter)
    url = reverse("report_edit", kwargs={"pk": report.pk}, programme=programme)
    data = {"title": report.title}
    return "programmamanager", url, "highlights", data, lambda: ProgressReport.objects.get(pk=report.pk).highlights


@pytest.mark.parametrize("case", [plan_case, goal_case, meeting_case, report_case], ids=lambda case: case.__name__)
def test_the_second_of_two_edits_is_refused_and_the_first_stays(case, current_programme, demo_user, role_client):
    username, url, field, data, stored = case(
        current_programme, demo_user("programmamanager"), demo_user("projectleider")
    )
    client = role_client(username)
    opened = client.get(url).content.decode()
    version = re.search(r'name="version" value="(\d+)"', opened)[1]  # both tabs opened the form now

    first = client.post(url, {**data, field: "Eerste versie", "version": version})
    assert first.status_code == 302
    second = client.post(url, {**data, field: "Tweede versie", "version": version})
    assert second.status_code == 200 and STALE in second.content.decode()
    assert stored() == "Eerste versie"

    blind = client.post(url, {**data, field: "Zonder versie"})
    assert blind.status_code == 200 and INCOMPLETE in blind.content.decode()
    assert stored() == "Eerste versie"


def test_an_evaluation_saved_from_a_stale_form_is_refused(current_programme, demo_user):
    """The evaluation form carries the evaluation's version like the other forms: two leaders writing the
    evaluation of one half-year, the second one opened before the first saved, is refused."""
    leader = demo_user("projectleider")
    period = current_programme.periods(clock.today()).half_year
    plan = HalfYearPlan.objects.get(project__programme=current_programme, project__code="2.1", period=str(period))
    day = plan.period_obj.end
    HalfYearEvaluation.objects.filter(plan=plan).delete()
    results = [{"goal": goal, "result": "", "value_reached": None} for goal in plan.goals.all()]
    first = halfyear_services.halfyear_evaluation_save(
        plan=plan, user=leader, reflection="Eerste", goal_results=results, today=day
    )
    opened_at = first.version
    halfyear_services.halfyear_evaluation_save(
        plan=plan, user=leader, reflection="Tweede", goal_results=results, today=day, expected_version=opened_at
    )
    with pytest.raises(ValidationError, match=STALE):
        halfyear_services.halfyear_evaluation_save(
            plan=plan, user=leader, reflection="Derde", goal_results=results, today=day, expected_version=opened_at
        )
    assert HalfYearEvaluation.objects.get(plan=plan).reflection == "Tweede"
