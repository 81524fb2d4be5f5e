"""Reads for the KPI pages. Each runs a fixed number of queries, whatever the number of indicators and years:
one for the indicators, one for all their targets, one for all their measurements (and one for projects
on the indicator page); the rest is computed in memory.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from core.periods import SchoolYear
from projects.models import Municipality, Programme, Project, Region
from projects.selectors import with_changes

from .models import ImportRun, Indicator, Measurement, Target
from .status import Assessment, Comparison, assess, compare


@dataclass(frozen=True)
class Trend:
    """The change from the last earlier figure to this one."""

    previous_year: str
    delta: Decimal
    comparison: Comparison


@dataclass
class YearRow:
    """One indicator in one school year: what was aimed at, what was measured, and the status."""

    school_year: str
    target: Target | None
    target_label: str
    measurement: Measurement | None
    assessment: Assessment
    trend: Trend | None = None
    revision: "Revision | None" = None

    @property
    def peildatum_label(self) -> str:
        return SchoolYear.parse(self.school_year).peildatum_label

    @property
    def actual(self) -> Decimal | None:
        return self.measurement.value if self.measurement else None


@dataclass
class IndicatorRow:
    """An indicator with its rows per school year, for the dashboard (one selected year) and its own page."""

    indicator: Indicator
    years: dict[str, YearRow]
    selected: YearRow | None = None
    history: list[Decimal | None] = field(default_factory=list)  # actual figures up to the selected year


@dataclass(frozen=True)
class Revision:
    """A figure whose value or finality changed since a date: what it was then (e.g. provisional → definitive)."""

    previous_value: Decimal
    previous_finality: str
    changed_at: datetime

    @property
    def previous_finality_label(self) -> str:
        return Measurement.Finality(self.previous_finality).label


@dataclass
class Dashboard:
    school_years: list[str]
    selected_year: str | None
    rows: list[IndicatorRow]
    since: datetime | None = None

    @property
    def groups(self):
        """(group label, rows) in the order VO, MBO, terugkeer; empty groups left out."""
        result = []
        for value, label in Indicator.Group.choices:
            rows = [row for row in self.rows if row.indicator.group == value]
            if rows:
                result.append((value, label, rows))
        return result


def _indicators(*, programme: Programme) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(programme=programme)
        .order_by("position", "code")
        .prefetch_related(
            Prefetch("targets", queryset=Target.objects.order_by("school_year")),
            Prefetch(
                "measurements",
                queryset=Measurement.objects.filter(region_id=programme.region_id)
                .select_related("entered_by")
                .order_by("school_year"),
            ),
        )
    )


def target_labels(indicator: Indicator) -> dict[str, str]:
    """{"2020-2021": "1e streefpercentage 1-10-2021", …}: the plan's own names for its targets, in year order."""
    labels = {}
    for number, target in enumerate(indicator.targets.all(), start=1):
        labels[target.school_year] = f"{number}e {indicator.target_word} {target.peildatum_label}"
    return labels


def _year_rows(indicator: Indicator) -> dict[str, YearRow]:
    targets = {target.school_year: target for target in indicator.targets.all()}
    measurements = {m.school_year: m for m in indicator.measurements.all()}
    labels = target_labels(indicator)
    rows, previous = {}, None
    for year in sorted(targets.keys() | measurements.keys()):
        target, measurement = targets.get(year), measurements.get(year)
        row = YearRow(
            school_year=year,
            target=target,
            target_label=labels.get(year, ""),
            measurement=measurement,
            assessment=assess(
                baseline=indicator.baseline,
                target=target.value if target else None,
                actual=measurement.value if measurement else None,
                direction=indicator.direction,
                margin_pct=indicator.risk_margin_pct,
            ),
        )
        if measurement is not None:
            if previous is not None:
                row.trend = Trend(
                    previous.school_year,
                    measurement.value - previous.value,
                    compare(measurement.value, previous.value, indicator.direction),
                )
            previous = measurement
        rows[year] = row
    return rows


def _default_year(rows: list[IndicatorRow]) -> str | None:
    """The newest school year with a target and a figure; else the newest year with a target; else the newest."""
    with_both = {y for row in rows for y, r in row.years.items() if r.target and r.measurement}
    with_target = {y for row in rows for y, r in row.years.items() if r.target}
    every = {y for row in rows for y in row.years}
    for years in (with_both, with_target, every):
        if years:
            return max(years)
    return None


def last_import_started() -> datetime | None:
    """When the most recent successful import of figures began: the default "changed since" of the KPI pages."""
    run = (
        ImportRun.objects.filter(kind=ImportRun.Kind.FIGURES, status=ImportRun.Status.SUCCEEDED)
        .order_by("-finished_at")
        .only("started_at", "created_at")
        .first()
    )
    return (run.started_at or run.created_at) if run else None


def revisions(*, measurements: list[Measurement], since: datetime | None) -> dict[int, Revision]:
    """{measurement pk: Revision} for the figures whose value or finality differs from what they were just before
    `since` (simple-history's `as_of`). One query, whatever the number of figures. Figures that did not exist yet
    (or were deleted) then are not revisions."""
    if since is None or not measurements:
        return {}
    current = {m.pk: m for m in measurements}
    # as_of includes a history row made at `since` itself; a revision made at that moment is not yet what the
    # figure was, so ask for the state one microsecond (the resolution of history_date) earlier.
    as_of = Measurement.history.as_of(since - timedelta(microseconds=1)).filter(id__in=current)
    then = {old.pk: old for old in as_of.order_by("history_date", "history_id")}
    result = {}
    for pk, old in then.items():
        measurement = current[pk]
        if (old.value, old.finality) != (measurement.value, measurement.finality):
            result[pk] = Revision(old.value, old.finality, measurement.updated_at)
    return result


def _mark_revisions(year_rows: list[YearRow], since: datetime | None) -> None:
    found = revisions(measurements=[row.measurement for row in year_rows if row.measurement], since=since)
    for row in year_rows:
        if row.measurement is not None:
            row.revision = found.get(row.measurement.pk)


def dashboard(*, programme: Programme, school_year: str | None = None, since: datetime | None = None) -> Dashboard:
    """Every indicator of the programme in one school year (the default year when none or an unknown one is asked)."""
    rows = [IndicatorRow(indicator, _year_rows(indicator)) for indicator in _indicators(programme=programme)]
    years = sorted({year for row in rows for year in row.years})
    selected = school_year if school_year in years else _default_year(rows)
    for row in rows:
        row.selected = row.years.get(selected) or YearRow(
            selected or "", None, "", None, assess(baseline=None, target=None, actual=None, direction="lower")
        )
        row.history = [r.actual for y, r in row.years.items() if y <= (selected or "") and r.measurement]
    _mark_revisions([row.selected for row in rows], since)
    return Dashboard(school_years=years, selected_year=selected, rows=rows, since=since)


def indicator_detail(*, programme: Programme, code: str, since: datetime | None = None) -> IndicatorRow:
    """One indicator with a row for every school year from its first to its last year (gaps included, for the chart)."""
    indicator = (
        _indicators(programme=programme)
        .prefetch_related(Prefetch("projects", queryset=Project.objects.order_by("code")))
        .get(code=code)
    )
    rows = _year_rows(indicator)
    if rows:
        first, last = SchoolYear.parse(min(rows)), SchoolYear.parse(max(rows))
        year = first
        while year <= last:
            key = str(year)
            if key not in rows:
                rows[key] = YearRow(
                    key, None, "", None, assess(baseline=None, target=None, actual=None, direction="lower")
                )
            year = year.next()
        rows = dict(sorted(rows.items()))
    _mark_revisions(list(rows.values()), since)
    return IndicatorRow(indicator, rows)


def indicator_history(*, indicator: Indicator, limit: int = 200):
    """Changes to the indicator, its targets and its figures, newest first, with who, what and why."""
    indicator_fields = [
        Indicator._meta.get_field(name)
        for name in ("name", "baseline", "baseline_when", "norm", "norm_school_year", "risk_margin_pct", "definition")
    ]
    target_fields = [Target._meta.get_field(name) for name in ("school_year", "value")]
    measurement_fields = [
        Measurement._meta.get_field(name)
        for name in ("school_year", "value", "numerator", "denominator", "finality", "source", "source_detail")
    ]
    sources = (
        (indicator.history.all(), indicator_fields, "indicator"),
        (Target.history.filter(indicator_id=indicator.pk), target_fields, "target"),
        (Measurement.history.filter(indicator_id=indicator.pk), measurement_fields, "measurement"),
    )
    rows = []
    for queryset, fields, kind in sources:
        chunk = list(queryset.select_related("history_user").order_by("-history_date")[:limit])
        for row in with_changes(chunk, fields):
            row.kind = kind
        rows.extend(chunk)
    rows.sort(key=lambda row: row.history_date, reverse=True)
    return rows[:limit]


def import_runs() -> QuerySet[ImportRun]:
    """Every import run, newest first, with who started it (one query per page)."""
    return (
        ImportRun.objects.exclude(status=ImportRun.Status.PREVIEW)
        .select_related("created_by")
        .order_by("-created_at", "-pk")
    )


def file_seen(*, checksum: str) -> bool:
    """Has the scheduled job nothing to do with this file: imported before, or refused by an earlier scheduled run?"""
    return (
        ImportRun.objects.filter(kind=ImportRun.Kind.FIGURES, checksum=checksum)
        .filter(
            Q(status=ImportRun.Status.SUCCEEDED) | Q(source=ImportRun.Source.SCHEDULED, status=ImportRun.Status.FAILED)
        )
        .exists()
    )


def unfinished_scheduled_run(*, checksum: str) -> ImportRun | None:
    """A scheduled run of this file that a crash left queued or running: the next job resumes it."""
    return ImportRun.objects.filter(
        kind=ImportRun.Kind.FIGURES,
        checksum=checksum,
        source=ImportRun.Source.SCHEDULED,
        status__in=[ImportRun.Status.QUEUED, ImportRun.Status.RUNNING],
    ).first()


def previous_import(*, kind: str, checksum: str, exclude_pk: int | None = None) -> ImportRun | None:
    """The successful run that already imported a file with this checksum, if any."""
    runs = ImportRun.objects.filter(kind=kind, checksum=checksum, status=ImportRun.Status.SUCCEEDED)
    if exclude_pk is not None:
        runs = runs.exclude(pk=exclude_pk)
    return runs.order_by("finished_at").first()


def regions_with_municipalities(*, search: str = "") -> QuerySet[Region]:
    """Every region with its municipalities (two queries), optionally those whose name, code or municipality
    matches `search`."""
    regions = Region.objects.annotate(municipality_count=Count("municipalities")).order_by("code")
    if search:
        matching = Municipality.objects.filter(name__icontains=search).values("region_id")
        regions = regions.filter(Q(code__iexact=search) | Q(name__icontains=search) | Q(pk__in=matching))
    return regions.prefetch_related(Prefetch("municipalities", queryset=Municipality.objects.order_by("name")))
