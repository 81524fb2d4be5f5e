"""E-mail reminders for the half-year cycle, so nobody has to chase anybody by hand.

Leaders get, per missing plan or evaluation, one reminder `reminder_days_before` days before the deadline,
one on the day and one when it is overdue. Programme managers get one summary a week (the first run of each
ISO week, i.e. Monday with the daily beat) of what is late and what waits for their approval.
Every e-mail is recorded in SentReminder under a unique key, so no reminder is ever sent twice.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from core import clock
from core.formatting import one_line
from core.periods import HalfYear
from projects.links import programme_link
from projects.models import Membership, Programme

from .models import HalfYearPlan, SentReminder
from .selectors import dashboard_rows
from .services import cycle_settings

BEFORE, ON_THE_DAY, OVERDUE = "vooraf", "vandaag", "te-laat"


@dataclass(frozen=True)
class Outstanding:
    kind: str  # "plan" or "evaluatie"
    project: object
    period: HalfYear
    deadline: date
    stage: str | None

    @property
    def url(self) -> str:
        return programme_link(self.project.programme, "halfyear_plan_list", kwargs={"code": self.project.code})


def stage(*, deadline: date, today: date, days_before: int) -> str | None:
    if today > deadline:
        return OVERDUE
    if today == deadline:
        return ON_THE_DAY
    if today >= deadline - timedelta(days=days_before):
        return BEFORE
    return None


def outstanding(*, programme: Programme, today: date) -> list[Outstanding]:
    """Plans (this and next half-year) and evaluations (last half-year) that are not yet handed in."""
    settings = cycle_settings(programme=programme)
    items = []
    for row in dashboard_rows(programme=programme, today=today):
        for state in (row.current, row.next):
            if not state.plan_done and state.plan_deadline is not None:  # none: outside the programme's period
                items.append(
                    Outstanding(
                        "plan",
                        row.project,
                        state.period,
                        state.plan_deadline,
                        stage(deadline=state.plan_deadline, today=today, days_before=settings.reminder_days_before),
                    )
                )
        previous = row.previous
        if previous.approved is not None and not previous.evaluation_done and previous.evaluation_deadline is not None:
            items.append(
                Outstanding(
                    "evaluatie",
                    row.project,
                    previous.period,
                    previous.evaluation_deadline,
                    stage(
                        deadline=previous.evaluation_deadline,
                        today=today,
                        days_before=settings.reminder_days_before,
                    ),
                )
            )
    return items


def _send_once(*, recipient, key: str, subject: str, body: str, today: date) -> bool:
    """Record and send in one transaction: a failed send leaves no record (and is tried again tomorrow);
    a record that already exists means it was sent before, so nothing goes out."""
    if not recipient.email or SentReminder.objects.filter(recipient=recipient, key=key).exists():
        return False
    try:
        with transaction.atomic():
            SentReminder.objects.create(recipient=recipient, key=key, subject=subject[:200], sent_for=today)
            send_mail(subject, body, None, [recipient.email])
    except IntegrityError:  # another run recorded it between our check and our insert
        return False
    return True


def send_reminders(*, today: date | None = None) -> dict:
    """Send what is due today. Safe to run any number of times a day: each reminder goes out once."""
    today = today or clock.today()
    sent = {"leiders": 0, "weekoverzicht": 0}
    for programme in Programme.objects.filter(status=Programme.Status.ACTIVE).select_related("region"):
        items = outstanding(programme=programme, today=today)
        for item in items:
            if item.stage is None:
                continue
            context = {"item": item, "programme": programme, "today": today}
            subject = one_line(render_to_string("halfyear/email/reminder_subject.txt", context))
            body = render_to_string("halfyear/email/reminder.txt", context)
            key = f"{item.kind}:{item.stage}:{item.project.pk}:{item.period}"
            for leader in item.project.leaders.all():
                sent["leiders"] += _send_once(recipient=leader, key=key, subject=subject, body=body, today=today)
        late = [item for item in items if item.stage == OVERDUE]
        waiting = _waiting_for_approval(programme)
        if late or waiting:
            year, week, _weekday = today.isocalendar()
            key = f"weekoverzicht:{programme.pk}:{year}-W{week:02d}"
            context = {
                "late": late,
                "waiting": waiting,
                "programme": programme,
                "today": today,
                "dashboard_url": programme_link(programme, "project_dashboard"),
            }
            subject = one_line(render_to_string("halfyear/email/summary_subject.txt", context))
            body = render_to_string("halfyear/email/summary.txt", context)
            for manager in _managers(programme):
                sent["weekoverzicht"] += _send_once(recipient=manager, key=key, subject=subject, body=body, today=today)
    return sent


def _waiting_for_approval(programme):
    return list(
        HalfYearPlan.objects.filter(project__programme=programme, status=HalfYearPlan.Status.SUBMITTED)
        .select_related("project")
        .order_by("period", "project__code")
    )


def _managers(programme):
    return (
        get_user_model()
        .objects.filter(memberships__programme=programme, memberships__role=Membership.Role.PROGRAMME_MANAGER)
        .distinct()
        .order_by("username")
    )
