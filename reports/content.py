"""What a progress report shows, gathered from the existing selectors as plain JSON-ready data.

`gather()` is the one function that collects the whole content: the KPI dashboard (statuses and the series
the charts draw), the budget per theme with its pace, the project dashboard, and the changes since the
previous published report. Numbers are strings of Decimals, dates ISO strings, statuses their keys; so the
same dict renders a draft (gathered afresh on every view) and a published report (stored in `snapshot`).

`drift()` compares a stored snapshot with a fresh gather and names every figure that changed since.
Nothing here computes a KPI status, a pace or a plan state itself: that stays with indicators/status.py,
budget/pace.py and the half-year selectors.
"""

from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from budget import selectors as budget_selectors
from halfyear import selectors as halfyear_selectors
from halfyear.models import HalfYearPlan
from halfyear.tables import evaluation_state, plan_state
from indicators import selectors as kpi_selectors
from indicators.models import Measurement
from indicators.status import Level

FORMAT = 1
# Higher is better: how KPI statuses and project statuses rank when the report says "up" or "down".
KPI_RANK = {Level.BEHIND.value: 0, Level.AT_RISK.value: 1, Level.ON_TRACK.value: 2}
PROJECT_RANK = {"achter": 0, "risico": 1, "op_schema": 2, "afgerond": 3}


def _str(value) -> str | None:
    return None if value is None else str(value)


def _series(row) -> list[dict]:
    return [
        {
            "school_year": year.school_year,
            "actual": _str(year.actual),
            "provisional": bool(year.measurement and year.measurement.is_provisional),
            "target": _str(year.target.value if year.target else None),
        }
        for year in row.years.values()
    ]


def _kpi(programme) -> dict:
    data = kpi_selectors.dashboard(programme=programme)
    rows = []
    for row in data.rows:
        indicator, selected = row.indicator, row.selected
        assessment = selected.assessment
        trend = selected.trend
        rows.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "group": indicator.group,
                "group_label": str(indicator.get_group_display()),
                "unit": indicator.unit,
                "baseline": _str(indicator.baseline),
                "norm": _str(indicator.norm),
                "target": _str(selected.target.value if selected.target else None),
                "target_label": selected.target_label,
                "actual": _str(selected.actual),
                "provisional": bool(selected.measurement and selected.measurement.is_provisional),
                "status": assessment.level.value,
                "progress_pct": _str(assessment.progress_pct),
                "note": str(assessment.note_text),
                "trend": None
                if trend is None
                else {
                    "previous_year": trend.previous_year,
                    "delta": str(trend.delta),
                    "comparison": trend.comparison.value,
                },
                "series": _series(row),
            }
        )
    return {"school_year": data.selected_year, "rows": rows}


def _figures(figures, year) -> dict:
    return {"budget": _str(figures.current.get(year)), "spent": _str(figures.spent.get(year, Decimal(0)))}


def _budget(programme, today) -> dict | None:
    overview = budget_selectors.budget_overview(programme=programme, today=today)
    if overview is None:
        return None
    year = overview.year

    def block(title, figures, pace, theme=None):
        return {
            "title": title,
            "theme": theme,
            **_figures(figures, year),
            "spent_pct": _str(pace.spent_pct.quantize(Decimal("0.1")) if pace.spent_pct is not None else None),
            "pace": pace.status.value,
            "per_year": {str(y): _figures(figures, y) for y in overview.years},
        }

    return {
        "year": year,
        "first_year": overview.settings.first_year,
        "last_year": overview.settings.last_year,
        "expected_pct": str(overview.total_pace.expected_pct.quantize(Decimal("1"))),
        "total_all_years": _str(overview.total.current_total),
        "spent_all_years": _str(overview.total.spent_total),
        "total": block(str(_("Totaal")), overview.total, overview.total_pace),
        "sections": [
            block(
                item.section.title,
                item.figures,
                item.pace,
                item.section.theme.number if item.section.theme_id else None,
            )
            for item in overview.sections
        ],
        "pending_changes": overview.pending_changes,
    }


def _projects(programme, today) -> dict:
    rows = halfyear_selectors.dashboard_rows(programme=programme, today=today)
    summary = halfyear_selectors.dashboard_summary(rows)
    result = []
    for row in rows:
        plan_key, plan_word = plan_state(row.current, today)
        evaluation_key, evaluation_word = evaluation_state(row.previous, today)
        result.append(
            {
                "code": row.project.code,
                "title": row.project.title,
                "theme": row.project.theme.number,
                "leaders": [leader.get_full_name() or leader.username for leader in row.project.leaders.all()],
                "status": row.status.status if row.status else None,
                "status_date": row.status.date.isoformat() if row.status else None,
                "explanation": row.status.explanation if row.status else "",
                "period": str(row.current.period),
                "plan": [plan_key, str(plan_word)],
                "plan_late": row.current.plan_late(today),
                "evaluation_period": str(row.previous.period),
                "evaluation": [evaluation_key, str(evaluation_word)],
                "evaluation_late": row.previous.evaluation_late(today),
            }
        )
    return {
        "summary": [[key, str(label), count] for key, label, count in summary["statuses"]],
        "total": summary["total"],
        "approved_current": summary["approved_current"],
        "rows": result,
    }


def _rank_change(rank: dict, old, new) -> str:
    if old in rank and new in rank:
        return "omhoog" if rank[new] > rank[old] else "omlaag"
    return "anders"


def figure_changes(*, programme, since: datetime, until: datetime) -> list[dict]:
    """New and revised figures (DUO imports and hand entries) between two moments, from the Measurement history:
    one entry per figure, from its value before `since` to its value at `until`. Two queries."""
    window = list(
        Measurement.history.filter(
            indicator__programme=programme,
            region_id=programme.region_id,
            history_date__gt=since,
            history_date__lte=until,
        )
        .select_related("indicator", "history_user")
        .order_by("history_date", "history_id")
    )
    if not window:
        return []
    before = {}
    for row in (
        Measurement.history.filter(id__in={row.id for row in window}, history_date__lte=since)
        .order_by("history_date", "history_id")
        .only("id", "value", "finality", "history_type")
    ):
        before[row.id] = None if row.history_type == "-" else row
    last = {}
    for row in window:
        last[row.id] = row
    changes = []
    for measurement_id, row in last.items():
        old = before.get(measurement_id)
        deleted = row.history_type == "-"
        if old is not None and not deleted and old.value == row.value and old.finality == row.finality:
            continue
        if old is None and deleted:
            continue
        changes.append(
            {
                "indicator": row.indicator.name,
                "code": row.indicator.code,
                "unit": row.indicator.unit,
                "school_year": row.school_year,
                "kind": "verwijderd" if deleted else ("nieuw" if old is None else "herzien"),
                "old": _str(old.value) if old is not None else None,
                "new": None if deleted else str(row.value),
                "finality": str(row.get_finality_display()),
                "source": str(row.get_source_display()),
                "when": timezone.localtime(row.history_date).date().isoformat(),
                "who": (row.history_user.get_full_name() or row.history_user.username) if row.history_user else "",
                "reason": row.history_change_reason or "",
            }
        )
    changes.sort(key=lambda item: (item["code"], item["school_year"]))
    return changes


def changes_since(*, programme, previous: dict, current: dict, since: datetime, until: datetime) -> dict:
    """What changed between the previous published report (its snapshot and moment) and this one."""
    old_kpis = {row["code"]: row for row in previous.get("kpi", {}).get("rows", [])}
    kpi_statuses = []
    for row in current["kpi"]["rows"]:
        old = old_kpis.get(row["code"])
        if old is not None and old["status"] != row["status"]:
            kpi_statuses.append(
                {
                    "code": row["code"],
                    "name": row["name"],
                    "old": old["status"],
                    "new": row["status"],
                    "direction": _rank_change(KPI_RANK, old["status"], row["status"]),
                }
            )
    old_projects = {row["code"]: row for row in previous.get("projects", {}).get("rows", [])}
    project_statuses = []
    for row in current["projects"]["rows"]:
        old = old_projects.get(row["code"], {}).get("status")
        if old != row["status"]:
            project_statuses.append(
                {
                    "code": row["code"],
                    "title": row["title"],
                    "old": old,
                    "new": row["status"],
                    "date": row["status_date"],
                    "explanation": row["explanation"],
                    "direction": _rank_change(PROJECT_RANK, old, row["status"]),
                }
            )
    approved = (
        HalfYearPlan.objects.filter(
            project__programme=programme,
            status=HalfYearPlan.Status.APPROVED,
            decided_at__gt=since,
            decided_at__lte=until,
        )
        .select_related("project")
        .order_by("project__code", "period", "revision")
    )
    overdue = [
        {"code": row["code"], "title": row["title"], "what": "plan", "period": row["period"]}
        for row in current["projects"]["rows"]
        if row["plan_late"]
    ] + [
        {"code": row["code"], "title": row["title"], "what": "evaluatie", "period": row["evaluation_period"]}
        for row in current["projects"]["rows"]
        if row["evaluation_late"]
    ]
    return {
        "since": since.isoformat(),
        "figures": figure_changes(programme=programme, since=since, until=until),
        "kpi_statuses": kpi_statuses,
        "project_statuses": project_statuses,
        "plans_approved": [
            {
                "code": plan.project.code,
                "title": plan.project.title,
                "period": plan.period,
                "revision": plan.revision,
                "when": timezone.localtime(plan.decided_at).date().isoformat(),
            }
            for plan in approved
        ],
        "overdue": overdue,
    }


def gather(*, programme, now: datetime | None = None, previous=None) -> dict:
    """The whole content of a report as of `now`. `previous` is the previous published report (or None)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    content = {
        "format": FORMAT,
        "gathered_at": now.isoformat(),
        "today": today.isoformat(),
        "programme": {"title": programme.title, "region": str(programme.region)},
        "kpi": _kpi(programme),
        "budget": _budget(programme, today),
        "projects": _projects(programme, today),
        "previous": None,
        "changes": None,
    }
    if previous is not None and previous.snapshot:
        content["previous"] = {
            "id": previous.pk,
            "title": str(previous),
            "period": previous.period,
            "published_at": previous.published_at.isoformat(),
        }
        content["changes"] = changes_since(
            programme=programme, previous=previous.snapshot, current=content, since=previous.published_at, until=now
        )
    return content


def drift(snapshot: dict, fresh: dict) -> list[dict]:
    """Every figure the snapshot shows that reads differently in the live data now:
    KPI figures and targets per school year, baselines and norms, budget and spending per theme, project statuses.
    Each entry: label, old, new and the unit to show them in ("percentage", "aantal", "euro", "projectstatus")."""
    changes = []
    fresh_kpis = {row["code"]: row for row in fresh["kpi"]["rows"]}
    for row in snapshot["kpi"]["rows"]:
        now = fresh_kpis.get(row["code"])
        if now is None:
            changes.append({"label": row["name"], "old": row["actual"], "new": None, "unit": row["unit"]})
            continue
        for field, word in (("baseline", "nulmeting"), ("norm", "landelijke norm")):
            if _differs(row[field], now[field]):
                changes.append(
                    {"label": f"{row['name']}: {word}", "old": row[field], "new": now[field], "unit": row["unit"]}
                )
        years_now = {year["school_year"]: year for year in now["series"]}
        for year in row["series"]:
            later = years_now.get(year["school_year"], {})
            for field, word in (("actual", "cijfer"), ("target", "streefcijfer")):
                if _differs(year[field], later.get(field)):
                    changes.append(
                        {
                            "label": f"{row['name']}: {word} {year['school_year']}",
                            "old": year[field],
                            "new": later.get(field),
                            "unit": row["unit"],
                        }
                    )
        known = {year["school_year"] for year in row["series"]}
        for school_year, later in years_now.items():
            if school_year not in known and later["actual"] is not None:
                changes.append(
                    {
                        "label": f"{row['name']}: cijfer {school_year}",
                        "old": None,
                        "new": later["actual"],
                        "unit": row["unit"],
                    }
                )
    budget, budget_now = snapshot.get("budget"), fresh.get("budget")
    if budget and budget_now:
        year = str(budget["year"])
        sections_now = {section["title"]: section for section in budget_now["sections"]}
        for section in [*budget["sections"], budget["total"]]:
            now = budget_now["total"] if section is budget["total"] else sections_now.get(section["title"])
            now_year = (now or {}).get("per_year", {}).get(year, {})
            for field, word in (("budget", "begroot"), ("spent", "besteed")):
                if _differs(section["per_year"][year][field], now_year.get(field)):
                    changes.append(
                        {
                            "label": f"{section['title']}: {word} {year}",
                            "old": section["per_year"][year][field],
                            "new": now_year.get(field),
                            "unit": "euro",
                        }
                    )
    projects_now = {row["code"]: row for row in fresh["projects"]["rows"]}
    for row in snapshot["projects"]["rows"]:
        now = projects_now.get(row["code"], {})
        if row["status"] != now.get("status"):
            changes.append(
                {
                    "label": f"Project {row['code']} {row['title']}: status",
                    "old": row["status"],
                    "new": now.get("status"),
                    "unit": "projectstatus",
                }
            )
    return changes


def _differs(old: str | None, new: str | None) -> bool:
    if old is None or new is None:
        return old is not new
    return Decimal(old) != Decimal(new)
