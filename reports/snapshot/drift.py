"""Drift: what a published report's snapshot shows that reads differently in the live data now
(the banner "Sinds publicatie gewijzigd" on a published report)."""

from decimal import Decimal

from .schema import DriftItem, Snapshot


def _differs(old: Decimal | None, new: Decimal | None) -> bool:
    if old is None or new is None:
        return old is not new
    return old != new


def drift(snapshot: Snapshot, fresh: Snapshot) -> list[DriftItem]:
    """Every figure the snapshot shows that reads differently in the live data now:
    KPI figures and targets per school year, baselines and norms, budget and spending per theme, project statuses.
    Each entry: label, old, new and the unit to show them in ("percentage", "aantal", "euro", "projectstatus")."""
    changes = []
    fresh_kpis = {row.code: row for row in fresh.kpi.rows}
    for row in snapshot.kpi.rows:
        now = fresh_kpis.get(row.code)
        if now is None:
            changes.append(DriftItem(label=row.name, old=row.actual, new=None, unit=row.unit))
            continue
        for field, word in (("baseline", "nulmeting"), ("norm", "landelijke norm")):
            old, new = getattr(row, field), getattr(now, field)
            if _differs(old, new):
                changes.append(DriftItem(label=f"{row.name}: {word}", old=old, new=new, unit=row.unit))
        years_now = {year.school_year: year for year in now.series}
        for year in row.series:
            later = years_now.get(year.school_year)
            for field, word in (("actual", "cijfer"), ("target", "streefcijfer")):
                old, new = getattr(year, field), getattr(later, field, None)
                if _differs(old, new):
                    changes.append(
                        DriftItem(label=f"{row.name}: {word} {year.school_year}", old=old, new=new, unit=row.unit)
                    )
        known = {year.school_year for year in row.series}
        for school_year, later in years_now.items():
            if school_year not in known and later.actual is not None:
                changes.append(
                    DriftItem(label=f"{row.name}: cijfer {school_year}", old=None, new=later.actual, unit=row.unit)
                )
    budget, budget_now = snapshot.budget, fresh.budget
    if budget and budget_now:
        year = str(budget.year)
        sections_now = {section.title: section for section in budget_now.sections}
        for section in [*budget.sections, budget.total]:
            now = budget_now.total if section is budget.total else sections_now.get(section.title)
            now_year = now.per_year.get(year) if now is not None else None
            for field, word in (("budget", "begroot"), ("spent", "besteed")):
                old, new = getattr(section.per_year[year], field), getattr(now_year, field, None)
                if _differs(old, new):
                    changes.append(DriftItem(label=f"{section.title}: {word} {year}", old=old, new=new, unit="euro"))
    projects_now = {row.code: row for row in fresh.projects.rows}
    for row in snapshot.projects.rows:
        now = projects_now.get(row.code)
        status_now = now.status if now is not None else None
        if row.status != status_now:
            changes.append(
                DriftItem(
                    label=f"Project {row.code} {row.title}: status",
                    old=row.status,
                    new=status_now,
                    unit="projectstatus",
                )
            )
    return changes
