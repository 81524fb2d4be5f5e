"""The half-year part of `load_demo`: example plans, evaluations and status reports (halfyear/demo/halfyear.yaml).

Called by `dashboards.demo.load_demo` after the plan, budget and KPIs. Idempotent: rows are found by their
natural key and saved only when something changed, so a second run adds no rows and no history. Demo rows
that are no longer in the file (e.g. after the half-year moved on) are removed.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from budget.selectors import hourly_rate
from core import clock
from core.demo import upsert, yaml_decimal
from halfyear.models import HalfYearEvaluation, HalfYearPlan, ProjectStatus, SmartGoal
from halfyear.services import cycle_settings
from projects.models import Activity, Project

DEMO_FILE = Path(__file__).resolve().parent.parent / "demo" / "halfyear.yaml"


def read_demo(path: Path = DEMO_FILE) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _moment(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _text(value) -> str:
    return " ".join(str(value or "").split())


@transaction.atomic
def load_halfyear_demo(*, programme, today: date | None = None) -> None:
    today = today or clock.today()
    current = programme.periods(today).half_year
    settings = cycle_settings(programme=programme)
    rate = hourly_rate(programme=programme)  # the budget demo (loaded first) sets it
    data = read_demo()
    users = get_user_model().objects
    manager = users.filter(username="programmamanager").first()
    projects = {project.code: project for project in Project.objects.filter(programme=programme)}
    activities = {
        (activity.project.code, activity.number): activity
        for activity in Activity.objects.filter(project__programme=programme).select_related("project")
    }
    goals_by_plan: dict[tuple[str, int], dict[int, SmartGoal]] = {}
    kept_plans = []
    for item in sorted(data["plans"], key=lambda entry: (entry["project"], entry["offset"])):
        project = projects[item["project"]]
        period = current + item["offset"]
        if not programme.period.contains(period.start):
            continue  # before the programme began (its first year): that half-year was another programme's
        leader = project.leaders.order_by("username").first()
        status = item.get("status", HalfYearPlan.Status.APPROVED)
        approved = status == HalfYearPlan.Status.APPROVED
        deadline = settings.plan_deadline(period)
        previous_goals = goals_by_plan.get((project.code, item["offset"] - 1), {})
        # Lessons of the previous half-year, as the PDCA step of halfyear_plan_start copies them in.
        lessons = "\n".join(f"• {goal.lesson}" for goal in previous_goals.values() if goal.lesson)
        plan = upsert(
            HalfYearPlan,
            {
                "status": status,
                "context": _text(item.get("context")),
                "aim": _text(item.get("aim")),
                "lessons": lessons,
                "hours_requested": yaml_decimal(item.get("hours")),
                "hourly_rate": rate,
                "other_costs": yaml_decimal(item.get("other_costs", 0)),
                "review_comment": "",
                "submitted_at": _moment(deadline - timedelta(days=3)) if approved else None,
                "submitted_by": leader if approved else None,
                "decided_at": _moment(deadline + timedelta(days=4), 14) if approved else None,
                "decided_by": manager if approved else None,
                "is_demo": True,
            },
            project=project,
            period=str(period),
            revision=1,
        )
        kept_plans.append(plan.pk)
        wanted = [activities[(project.code, number)] for number in item.get("activities", [])]
        if set(plan.activities.all()) != set(wanted):
            plan.activities.set(wanted)
        goals = {}
        for number, goal_data in enumerate(item.get("goals", []), start=1):
            goals[number] = upsert(
                SmartGoal,
                {
                    "description": _text(goal_data["description"]),
                    "measure_description": _text(goal_data["measure"]),
                    "measure_unit": goal_data["unit"],
                    "target_value": yaml_decimal(goal_data["target"]),
                    "achievable": _text(goal_data.get("achievable")),
                    "deadline": period.month_end(goal_data["month"]),
                    "responsible": _text(goal_data.get("responsible")),
                    "carried_from": previous_goals.get(goal_data.get("continues")),
                    "result": goal_data.get("result", ""),
                    "value_reached": yaml_decimal(goal_data.get("reached")),
                    "explanation": _text(goal_data.get("explanation")),
                    "lesson": _text(goal_data.get("lesson")),
                },
                plan=plan,
                number=number,
            )
        plan.goals.exclude(number__in=goals).delete()
        goals_by_plan[(project.code, item["offset"])] = goals
        if item.get("reflection"):
            upsert(
                HalfYearEvaluation,
                {
                    "status": HalfYearEvaluation.Status.SUBMITTED,
                    "reflection": _text(item["reflection"]),
                    "submitted_at": _moment(settings.evaluation_deadline(period) - timedelta(days=7)),
                    "submitted_by": leader,
                },
                plan=plan,
            )
        else:
            HalfYearEvaluation.objects.filter(plan=plan).delete()
    HalfYearPlan.objects.filter(project__programme=programme, is_demo=True).exclude(pk__in=kept_plans).delete()

    kept_reports = []
    for item in data["statuses"]:
        if not programme.period.contains(today - timedelta(days=item["days_ago"])):
            continue
        report = upsert(
            ProjectStatus,
            {
                "status": item["status"],
                "date": today - timedelta(days=item["days_ago"]),
                "recorded_by": manager,
            },
            project=projects[item["project"]],
            explanation=_text(item["explanation"]),
            is_demo=True,
        )
        kept_reports.append(report.pk)
    ProjectStatus.objects.filter(project__programme=programme, is_demo=True).exclude(pk__in=kept_reports).delete()
