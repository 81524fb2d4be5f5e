"""Reminders: each goes out once, at the right moment ("today" is injected, so time stands still)."""

import os
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core import mail

from halfyear import reminders
from halfyear.models import HalfYearPlan, SentReminder
from halfyear.tasks import send_halfyear_reminders
from projects.models import Membership
from tests.factories import MembershipFactory, ProgrammeFactory, ProjectFactory, ThemeFactory, UserFactory

# With the default settings (plan due 14 days before the half-year, reminder 7 days before the deadline,
# evaluation due 6 weeks after it), the plan for 2027-H1 is due on Friday 18 December 2026.
DEADLINE = date(2026, 12, 18)


@pytest.fixture
def cycle(db):
    # a programme of the period the half-years below fall in (no reminders outside a programme's period)
    theme = ThemeFactory(programme=ProgrammeFactory(first_year=2026, last_year=2029))
    programme = theme.programme
    leader = UserFactory(username="leider", email="leider@example.org")
    manager = UserFactory(username="manager", email="manager@example.org")
    MembershipFactory(user=leader, programme=programme, role=Membership.Role.PROJECT_LEADER)
    MembershipFactory(user=manager, programme=programme, role=Membership.Role.PROGRAMME_MANAGER)
    project = ProjectFactory(theme=theme, programme=programme, title="Warme overstap")
    project.leaders.add(leader)
    # The running half-year (2026-H2) has its approved plan, so only 2027-H1 is outstanding.
    HalfYearPlan.objects.create(project=project, period="2026-H2", status=HalfYearPlan.Status.APPROVED)
    return {"project": project, "leader": leader, "manager": manager, "programme": programme}


def run(day):
    mail.outbox.clear()
    result = reminders.send_reminders(today=day)
    return result, [(message.to[0], message.subject) for message in mail.outbox]


def test_plan_reminders_before_on_the_day_and_overdue_each_once(cycle):
    code = cycle["project"].code
    assert run(DEADLINE - timedelta(days=8))[1] == []
    sent = run(DEADLINE - timedelta(days=7))[1]
    assert sent == [("leider@example.org", f"[vsvplan] Herinnering: halfjaarplan 2027-H1 van project {code}")]
    body = mail.outbox[0].body
    link = f"/programmas/{cycle['programme'].slug}/projecten/{code}/halfjaarplannen/"
    assert "18 december 2026" in body and link in body
    assert run(DEADLINE - timedelta(days=7))[1] == []  # the same day again: nothing
    assert run(DEADLINE - timedelta(days=3))[1] == []
    assert run(DEADLINE)[1] == [
        ("leider@example.org", f"[vsvplan] Vandaag: halfjaarplan 2027-H1 van project {code} indienen")
    ]
    assert run(DEADLINE)[1] == []
    late = run(DEADLINE + timedelta(days=1))[1]
    assert ("leider@example.org", f"[vsvplan] Te laat: halfjaarplan 2027-H1 van project {code}") in late
    assert run(DEADLINE + timedelta(days=2))[1] == []
    keys = set(SentReminder.objects.filter(recipient=cycle["leader"]).values_list("key", flat=True))
    pk = cycle["project"].pk
    assert keys == {f"plan:vooraf:{pk}:2027-H1", f"plan:vandaag:{pk}:2027-H1", f"plan:te-laat:{pk}:2027-H1"}


def test_a_submitted_plan_gets_no_more_reminders(cycle):
    HalfYearPlan.objects.create(project=cycle["project"], period="2027-H1", status=HalfYearPlan.Status.SUBMITTED)
    for offset in (-7, 0, 1):
        assert [to for to, _subject in run(DEADLINE + timedelta(days=offset))[1] if to == "leider@example.org"] == []


def test_a_returned_plan_still_counts_as_not_handed_in(cycle):
    HalfYearPlan.objects.create(project=cycle["project"], period="2027-H1", status=HalfYearPlan.Status.RETURNED)
    assert len(run(DEADLINE)[1]) == 1


def test_evaluation_reminders_after_the_half_year(cycle):
    # 2026-H2's evaluation is due 6 weeks after 31 December: 11 February 2027.
    HalfYearPlan.objects.create(project=cycle["project"], period="2027-H1", status=HalfYearPlan.Status.APPROVED)
    due = date(2027, 2, 11)
    code = cycle["project"].code
    assert run(due - timedelta(days=8))[1] == []
    assert run(due - timedelta(days=7))[1] == [
        ("leider@example.org", f"[vsvplan] Herinnering: evaluatie 2026-H2 van project {code}")
    ]
    overdue = run(due + timedelta(days=1))[1]
    assert ("leider@example.org", f"[vsvplan] Te laat: evaluatie 2026-H2 van project {code}") in overdue


def test_weekly_summary_for_managers_once_a_week(cycle):
    monday = date(2026, 12, 21)  # the 2027-H1 plan is three days late
    sent = run(monday)[1]
    summary = [subject for to, subject in sent if to == "manager@example.org"]
    assert summary == ["[vsvplan] Weekoverzicht halfjaarplannen: 1 te laat, 0 wacht op beoordeling"]
    body = next(message.body for message in mail.outbox if message.to == ["manager@example.org"])
    assert "Warme overstap: plan 2027-H1, deadline 18 december 2026" in body
    assert [to for to, _ in run(monday + timedelta(days=1))[1] if to == "manager@example.org"] == []
    assert [to for to, _ in run(monday + timedelta(days=7))[1] if to == "manager@example.org"] == [
        "manager@example.org"
    ]


def test_no_summary_when_nothing_is_late_or_waiting(cycle):
    assert run(date(2026, 11, 30))[1] == []


def test_a_failed_send_is_not_recorded_and_is_tried_again(cycle, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(reminders, "send_mail", broken)
    with pytest.raises(ConnectionRefusedError):
        reminders.send_reminders(today=DEADLINE)
    assert not SentReminder.objects.exists()
    monkeypatch.undo()
    assert len(run(DEADLINE)[1]) == 1


def test_leaders_without_email_are_skipped(cycle):
    cycle["leader"].email = ""
    cycle["leader"].save()
    assert run(DEADLINE)[1] == []
    assert not SentReminder.objects.exists()


def test_closed_programmes_get_no_reminders(cycle):
    cycle["programme"].status = "afgesloten"
    cycle["programme"].save()
    assert run(DEADLINE)[1] == []


def test_the_daily_beat_entry_runs_the_reminder_task(cycle):
    entry = settings.CELERY_BEAT_SCHEDULE["halfyear-reminders"]
    assert entry["task"] == send_halfyear_reminders.name
    mail.outbox.clear()
    assert send_halfyear_reminders.delay(DEADLINE.isoformat()).get() == {"leiders": 1, "weekoverzicht": 0}
    assert len(mail.outbox) == 1


@pytest.mark.celery_worker
@pytest.mark.skipif(
    not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
    reason="geen Redis-broker ingesteld (CELERY_BROKER_URL=redis://…); CI stelt er een in",
)
@pytest.mark.django_db(transaction=True)
def test_reminders_run_on_a_real_worker(cycle):
    from celery.contrib.testing.worker import start_worker

    from vsvplan.celery import app

    mail.outbox.clear()
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            first = send_halfyear_reminders.delay(DEADLINE.isoformat()).get(timeout=30)
            again = send_halfyear_reminders.delay(DEADLINE.isoformat()).get(timeout=30)
    finally:
        app.conf.task_always_eager = True
    assert (first, again) == ({"leiders": 1, "weekoverzicht": 0}, {"leiders": 0, "weekoverzicht": 0})
    assert SentReminder.objects.filter(recipient=cycle["leader"]).count() == 1
