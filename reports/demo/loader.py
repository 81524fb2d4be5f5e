"""The reports part of `load_demo` (reports.yaml beside this module): for the current programme two meetings ahead,
on weekdays, and one published report; for the closed 2020-2024 programme the final report it was closed with.

Called last by `dashboards.demo.load_demo`, after the plan, figures, budget and
half-year data are loaded. Idempotent: a demo meeting still ahead is left alone, and the demo report is made
once and then never touched again (it is published, so it must not change), so a second run adds no rows
and no history.
"""

from datetime import date, timedelta
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction

from core import clock
from core.periods import Quarter

from ..models import Meeting, ProgressReport
from ..snapshot import gather

DEMO_FILE = Path(__file__).with_name("reports.yaml")
REASON = "demo geladen"


def read_demo(path: Path = DEMO_FILE) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _text(value) -> str:
    return "\n\n".join(" ".join(part.split()) for part in str(value or "").split("\n\n") if part.strip())


def on_a_weekday(day: date) -> date:
    """The day itself, or the Monday after it when it falls in a weekend: a stuurgroep meets on weekdays."""
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


@transaction.atomic
def load_reports_demo(*, programme, now=None) -> None:
    now = now or clock.now()
    today = clock.local_date(now)
    data = read_demo()
    for item in data["meetings"]:
        ahead = Meeting.objects.filter(programme=programme, kind=item["kind"], is_demo=True, date__gte=today)
        if ahead.exists():
            continue
        meeting = Meeting(
            programme=programme,
            kind=item["kind"],
            date=on_a_weekday(today + timedelta(days=item["days_ahead"])),
            location=item.get("location", ""),
            notes=_text(item.get("notes")),
            is_demo=True,
        )
        meeting._change_reason = REASON
        meeting.full_clean()
        meeting.save()

    if ProgressReport.objects.filter(programme=programme, is_demo=True).exists():
        return
    spec = data["report"]
    quarter = programme.periods(today).quarter - spec["quarters_back"]
    if not programme.period.contains(quarter.start):  # the programme's first quarter: there is none before it
        quarter = programme.periods(today).quarter
    if ProgressReport.objects.filter(programme=programme, period=str(quarter)).exists():
        return  # a real report for that quarter exists: the demo does not overwrite it
    _published_demo_report(programme, quarter, spec["title"].format(quarter=quarter.label), spec, now)


@transaction.atomic
def load_final_report_demo(*, programme) -> ProgressReport:
    """The final report the closed programme was closed with, made once (published: never touched again)."""
    existing = ProgressReport.objects.filter(programme=programme, is_final=True).first()
    if existing is not None:
        return existing
    spec = read_demo()["final_report"]
    # Published with the figures as the demo loads them, so "changed since" starts from here.
    return _published_demo_report(programme, Quarter.parse(spec["period"]), spec["title"], spec, clock.now(), True)


def _published_demo_report(programme, quarter, title, spec, now, is_final=False) -> ProgressReport:
    manager = get_user_model().objects.filter(username="programmamanager").first()
    report = ProgressReport(
        programme=programme,
        period=str(quarter),
        title=title,
        highlights=_text(spec["highlights"]),
        risks=_text(spec["risks"]),
        decisions_requested=_text(spec["decisions_requested"]),
        status=ProgressReport.Status.PUBLISHED,
        snapshot=gather(programme=programme, now=now).to_json(),
        published_at=now,
        published_by=manager,
        created_by=manager,
        is_final=is_final,
        is_demo=True,
    )
    report.full_clean()
    report._history_user = manager
    report._change_reason = REASON
    report.save()
    return report
