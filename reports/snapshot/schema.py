"""The typed shape of a report's content: what `gather()` returns and what publishing stores as JSON in
`ProgressReport.snapshot`.

Every record is a frozen dataclass. In Python the fields carry real types (Decimal, date, datetime, int);
`to_json()` writes them the way the report has always stored them (numbers as strings of Decimals, dates and
moments as ISO strings, statuses as their keys, pairs as lists), and `from_json()` reads that JSON back. So a
snapshot stored before these types existed (format 1, e.g. the demo report) reads into the same records, and
`Snapshot.from_json(stored).to_json() == stored`.

A key missing from stored JSON takes the field's default where it has one (so a field added later, with a
default, still reads old snapshots); keys the types do not know are ignored.
"""

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, Self

FORMAT = 1


def _to_json(value):
    if isinstance(value, Record):
        return value.to_json()
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_to_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _to_json(item) for key, item in value.items()}
    raise TypeError(f"cannot store {type(value).__name__} in a snapshot")


def _from_json(kind, value):
    """Read one JSON value as `kind` (a type hint of a Record field)."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):  # X | None
        if value is None:
            return None
        (kind,) = [arg for arg in args if arg is not type(None)]
        return _from_json(kind, value)
    if origin is list:
        return [_from_json(args[0], item) for item in value]
    if origin is tuple:
        return tuple(_from_json(arg, item) for arg, item in zip(args, value, strict=True))
    if origin is dict:
        return {_from_json(args[0], key): _from_json(args[1], item) for key, item in value.items()}
    if isinstance(kind, type) and issubclass(kind, Record):
        return kind.from_json(value)
    if kind is Decimal:
        return Decimal(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind in (str, int, bool):
        return value
    raise TypeError(f"cannot read {kind!r} from a snapshot")


@cache
def _hints(cls) -> dict[str, Any]:
    return typing.get_type_hints(cls)


class Record:
    """A dataclass that is written to and read from the snapshot's JSON field by field, in field order."""

    def to_json(self) -> dict:
        return {item.name: _to_json(getattr(self, item.name)) for item in dataclasses.fields(self)}

    @classmethod
    def from_json(cls, data: dict) -> Self:
        hints = _hints(cls)
        values = {}
        for item in dataclasses.fields(cls):
            if item.name in data:
                values[item.name] = _from_json(hints[item.name], data[item.name])
            elif item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING:
                raise ValueError(f"{cls.__name__}: '{item.name}' ontbreekt in de vastgelegde inhoud")
        return cls(**values)


# ── KPIs ─────────────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class KpiYear(Record):
    """An indicator in one school year: the figure (provisional or not), the target, and the nation's figure and
    the national norm of that year (None in reports made before norms were kept per year)."""

    school_year: str
    actual: Decimal | None
    provisional: bool
    target: Decimal | None
    national: Decimal | None = None
    norm: Decimal | None = None


@dataclass(frozen=True)
class Trend(Record):
    previous_year: str
    delta: Decimal
    comparison: str  # indicators.status.Comparison value


@dataclass(frozen=True)
class KpiRow(Record):
    """One indicator as the KPI dashboard shows it in the selected school year, with its years for the chart."""

    code: str
    name: str
    group: str
    group_label: str
    unit: str  # "percentage" or "aantal"
    baseline: Decimal | None
    norm: Decimal | None  # the national norm of the selected school year
    target: Decimal | None
    target_label: str
    actual: Decimal | None
    provisional: bool
    status: str  # indicators.status.Level value
    progress_pct: Decimal | None
    note: str
    trend: Trend | None
    series: list[KpiYear]
    national: Decimal | None = None  # the nation's figure in the selected school year (reports made since 2026-12)


@dataclass(frozen=True)
class KpiSection(Record):
    school_year: str | None
    rows: list[KpiRow] = field(default_factory=list)


# ── budget ───────────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class BudgetFigures(Record):
    budget: Decimal | None
    spent: Decimal


@dataclass(frozen=True)
class BudgetBlock(Record):
    """A budget section (or the total): the year's budget, spending and pace, and the same figures per year."""

    title: str
    theme: int | None
    budget: Decimal | None
    spent: Decimal
    spent_pct: Decimal | None
    pace: str  # budget.pace.Pace value
    per_year: dict[str, BudgetFigures]


@dataclass(frozen=True)
class BudgetSection(Record):
    year: int
    first_year: int
    last_year: int
    expected_pct: Decimal
    total_all_years: Decimal | None
    spent_all_years: Decimal | None
    total: BudgetBlock
    sections: list[BudgetBlock]
    pending_changes: int


# ── projects ─────────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class ProjectRow(Record):
    code: str
    title: str
    theme: int
    leaders: list[str]
    status: str | None  # halfyear ProjectStatus.Status value, None before the first status
    status_date: date | None
    explanation: str
    period: str
    plan: tuple[str, str]  # (state key, word), as the half-year dashboard shows it
    plan_late: bool
    evaluation_period: str
    evaluation: tuple[str, str]
    evaluation_late: bool


@dataclass(frozen=True)
class ProjectsSection(Record):
    summary: list[tuple[str, str, int]]  # (status key, word, count)
    total: int
    approved_current: int
    rows: list[ProjectRow] = field(default_factory=list)


# ── what changed since the previous report ───────────────────────────────────────────────────────────


@dataclass(frozen=True)
class PreviousReport(Record):
    id: int
    title: str
    period: str
    published_at: datetime


@dataclass(frozen=True)
class FigureChange(Record):
    """A figure that is new, revised or deleted between two reports (from the shared Figure history)."""

    indicator: str
    code: str
    unit: str
    school_year: str
    kind: str  # "nieuw", "herzien" or "verwijderd"
    old: Decimal | None
    new: Decimal | None
    finality: str
    source: str
    when: date
    who: str
    reason: str


@dataclass(frozen=True)
class KpiStatusChange(Record):
    code: str
    name: str
    old: str
    new: str
    direction: str  # "omhoog", "omlaag" or "anders"


@dataclass(frozen=True)
class ProjectStatusChange(Record):
    code: str
    title: str
    old: str | None
    new: str | None
    date: date | None
    explanation: str
    direction: str


@dataclass(frozen=True)
class PlanApproved(Record):
    code: str
    title: str
    period: str
    revision: int
    when: date


@dataclass(frozen=True)
class Overdue(Record):
    code: str
    title: str
    what: str  # "plan" or "evaluatie"
    period: str


@dataclass(frozen=True)
class Changes(Record):
    since: datetime
    figures: list[FigureChange]
    kpi_statuses: list[KpiStatusChange]
    project_statuses: list[ProjectStatusChange]
    plans_approved: list[PlanApproved]
    overdue: list[Overdue]


# ── the whole report ─────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class ProgrammeInfo(Record):
    title: str
    region: str


@dataclass(frozen=True)
class Snapshot(Record):
    """Everything a report shows: a draft's fresh gather, or a published report's stored snapshot."""

    format: int
    gathered_at: datetime
    today: date
    programme: ProgrammeInfo
    kpi: KpiSection
    budget: BudgetSection | None
    projects: ProjectsSection
    previous: PreviousReport | None = None
    changes: Changes | None = None


@dataclass(frozen=True)
class DriftItem:
    """A figure a published report shows that reads differently in the live data now (not stored).
    `unit` says how to show old and new: "percentage", "aantal", "euro" or "projectstatus"."""

    label: str
    old: Decimal | str | None
    new: Decimal | str | None
    unit: str
