"""What a change leaves behind: every delete needs a reason (kept in the history), a SMART-goal edit keeps its
reason, a comment has a sensible length, and a report title cannot break the e-mail sent about it."""

import pytest
from django.core import mail

from core import clock
from halfyear import services as halfyear_services
from halfyear.models import HalfYearPlan, SmartGoal
from indicators.models import Target
from projects.models import Activity
from reports import services as report_services
from reports.forms import COMMENT_MAX_LENGTH
from reports.models import Meeting, ProgressReport, ReportComment
from tests.factories import smart_goal
from tests.urls import reverse

NO_REASON = "Geef de reden van verwijderen; die komt in de geschiedenis."


def _activity(programme):
    activity = Activity.objects.get(project__programme=programme, project__code="3.2", number=3)
    url = reverse("activity_delete", kwargs={"code": "3.2", "number": 3})
    return url, lambda: Activity.objects.filter(pk=activity.pk).exists(), activity.history


def _target(programme):
    target = Target.objects.get(indicator__programme=programme, indicator__code="mbo-niveau-3", school_year="2021-2022")
    url = reverse("target_delete", kwargs={"code": "mbo-niveau-3", "school_year": "2021-2022"})
    return url, lambda: Target.objects.filter(pk=target.pk).exists(), target.history


def _meeting(programme):
    meeting = Meeting.objects.filter(programme__region=programme.region).first()  # the demo's are 2026–2029's
    url = reverse("meeting_delete", kwargs={"pk": meeting.pk}, programme=meeting.programme)
    return url, lambda: Meeting.objects.filter(pk=meeting.pk).exists(), meeting.history


@pytest.mark.parametrize("row", [_activity, _target, _meeting], ids=["activiteit", "streefcijfer", "vergadering"])
def test_a_delete_without_a_reason_is_refused_and_the_reason_is_kept(row, demo, manager_client):
    url, exists, history = row(demo)
    refused = manager_client.post(url, {"reason": "  "})
    assert refused.status_code == 200 and NO_REASON in refused.content.decode()
    assert exists()
    assert manager_client.post(url, {"reason": "dubbel ingevoerd"}).status_code == 302
    assert not exists()
    assert "dubbel ingevoerd" in history.model.objects.order_by("-history_id").first().history_change_reason


def test_a_goal_delete_and_a_goal_edit_keep_their_reason(role_client, current_programme, demo_user):
    leader = demo_user("projectleider")
    project = current_programme.projects.get(code="2.1")
    period = current_programme.periods(clock.today()).half_year.next()
    plan = HalfYearPlan.objects.filter(project=project, period=str(period)).first()
    plan = plan or halfyear_services.halfyear_plan_start(project=project, period=period, user=leader)
    goal = halfyear_services.smart_goal_save(goal=smart_goal(plan), user=leader)
    client = role_client("projectleider")
    kwargs = {"code": "2.1", "period": plan.period, "number": goal.number}
    edit = reverse("halfyear_goal_edit", kwargs=kwargs, programme=current_programme)
    response = client.post(
        edit,
        {
            "description": "Vijfentwintig warme overdrachten",
            "measure_description": "warme overdrachten",
            "measure_unit": "leerlingen",
            "target_value": "25",
            "deadline": plan.period_obj.end.isoformat(),
            "version": goal.version,
            "reason": "afspraak met Deltion",
        },
    )
    assert response.status_code == 302
    assert goal.history.order_by("-history_id").first().history_change_reason == "afspraak met Deltion"

    delete = reverse("halfyear_goal_delete", kwargs=kwargs, programme=current_programme)
    assert NO_REASON in client.post(delete, {}).content.decode()
    assert SmartGoal.objects.filter(pk=goal.pk).exists()
    assert client.post(delete, {"reason": "niet haalbaar"}).status_code == 302
    assert not SmartGoal.objects.filter(pk=goal.pk).exists()
    assert goal.history.order_by("-history_id").first().history_change_reason == "verwijderd: niet haalbaar"


def test_a_comment_is_at_most_five_thousand_characters(steering_client, demo, demo_user):
    report = ProgressReport.objects.filter(programme=demo, status=ProgressReport.Status.PUBLISHED).first()
    url = reverse("report_comment", kwargs={"pk": report.pk})
    count = ReportComment.objects.count()
    response = steering_client.post(url, {"kind": "reactie", "text": "x" * (COMMENT_MAX_LENGTH + 1)}, follow=True)
    assert f"niet meer dan {COMMENT_MAX_LENGTH} tekens bevat" in response.content.decode()
    assert ReportComment.objects.count() == count


def test_a_title_with_a_line_break_is_one_line_in_the_report_and_its_e_mail(
    manager_client, demo, demo_user, django_capture_on_commit_callbacks
):
    response = manager_client.post(
        reverse("report_create"), {"period": "2024-K3", "title": "Rapportage\r\nBcc: iedereen@example.org"}
    )
    report = ProgressReport.objects.get(programme=demo, period="2024-K3")
    assert response.status_code == 302 and report.title == "Rapportage Bcc: iedereen@example.org"
    ProgressReport.objects.filter(pk=report.pk).update(title="Rapportage\nBcc: iedereen@example.org")  # an old row
    with django_capture_on_commit_callbacks(execute=True):
        report_services.report_publish(
            report=ProgressReport.objects.get(pk=report.pk), user=demo_user("programmamanager")
        )
    assert mail.outbox
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert message.message()["Bcc"] is None and not message.bcc  # the text stayed in the subject
