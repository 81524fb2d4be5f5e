"""Reads for the KPI pages and the import pages. Each runs a fixed number of queries, whatever the number of
indicators and years: one for the indicators, one for all their targets, one for all their figures (the
programme's areas and the nation at once), one for the norms (and one for projects on the indicator page); the
rest is computed in memory.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from core.periods import SchoolYear
from projects import permissions
from projects.models import Municipality, Programme, Project, Region
from projects.selectors import with_changes

from . import areas
from .models import Figure, ImportRun, Indicator, Norm, Target
from .status import Assessment, Comparison, assess, compare


@dataclass(frozen=True)
class Trend:
    """The change from the last earlier figure to this one."""

    previous_year: str
    delta: Decimal
    comparison: Comparison


@dataclass
class YearRow:
    """One indicator in one school year: what was aimed at, what was measured, the nation and the norm of that
    year, and the status."""

    school_year: str
    target: Target | None
    target_label: str
    figure: Figure | None
    assessment: Assessment
    trend: Trend | None = None
    revision: "Revision | None" = None
    national: Figure | None = None
    norm: Norm | None = None
    # The target of the same KPI (category and area) in another programme of the region, for its own years: the
    # KPI page draws the series across periods, each with its own period's targets.
    other_target: Target | None = None

    @property
    def peildatum_label(self) -> str:
        return SchoolYear.parse(self.school_year).peildatum_label

    @property
    def actual(self) -> Decimal | None:
        return self.figure.value if self.figure else None


@dataclass
class IndicatorRow:
    """An indicator with its rows per school year, for the dashboard (one selected year) and its own page."""

    indicator: Indicator
    years: dict[str, YearRow]
    selected: YearRow | None = None
    history: list[Decimal | None] = field(default_factory=list)  # actual figures up to the selected year
    # the indicator page only: (school year, dimension label, figures) per breakdown, newest year first
    breakdowns: list[tuple[str, str, list[Figure]]] = field(default_factory=list)


@dataclass(frozen=True)
class Revision:
    """A figure whose value or finality changed since a date: what it was then (e.g. provisional → definitive)."""

    previous_value: Decimal
    previous_finality: str
    changed_at: datetime

    @property
    def previous_finality_label(self) -> str:
        return Figure.Finality(self.previous_finality).label


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
        .select_related("category", "programme__region")
        .order_by("position", "code")
        .prefetch_related(Prefetch("targets", queryset=Target.objects.order_by("school_year")))
    )


@dataclass
class _Series:
    """The figures and norms a set of indicators reads, by (category, area) and school year."""

    figures: dict[tuple[str, areas.Area], dict[str, Figure]]
    norms: dict[str, dict[str, Norm]]

    def of(self, indicator: Indicator) -> dict[str, Figure]:
        return self.figures.get((indicator.category_id, indicator.area), {})

    def national(self, indicator: Indicator) -> dict[str, Figure]:
        return self.figures.get((indicator.category_id, areas.NATION_AREA), {})


def _series(indicators: list[Indicator]) -> _Series:
    """Every category total the indicators read, for their areas and the nation (one query), and the norms of their
    categories (one query)."""
    wanted = defaultdict(set)
    for indicator in indicators:
        wanted[indicator.area].add(indicator.category_id)
        wanted[areas.NATION_AREA].add(indicator.category_id)
    figures = defaultdict(dict)
    norms = defaultdict(dict)
    if not wanted:
        return _Series(figures, norms)
    where = Q()
    for area, codes in wanted.items():
        where |= Q(area_kind=area.kind, area_code=area.code, category_id__in=codes)
    for figure in (
        Figure.objects.filter(where, breakdown="").select_related("entered_by", "category").order_by("school_year")
    ):
        figures[(figure.category_id, figure.area)][figure.school_year] = figure
    for norm in Norm.objects.filter(category_id__in={i.category_id for i in indicators}):
        norms[norm.category_id][norm.school_year] = norm
    return _Series(figures, norms)


def target_labels(indicator: Indicator) -> dict[str, str]:
    """{"2020-2021": "1e streefpercentage 1-10-2021", …}: the plan's own names for its targets, in year order."""
    labels = {}
    for number, target in enumerate(indicator.targets.all(), start=1):
        labels[target.school_year] = f"{number}e {indicator.target_word} {target.peildatum_label}"
    return labels


def _year_rows(indicator: Indicator, series: _Series) -> dict[str, YearRow]:
    targets = {target.school_year: target for target in indicator.targets.all()}
    figures = series.of(indicator)
    national = series.national(indicator)
    norms = series.norms.get(indicator.category_id, {})
    labels = target_labels(indicator)
    rows, previous = {}, None
    for year in sorted(targets.keys() | figures.keys()):
        target, figure = targets.get(year), figures.get(year)
        row = YearRow(
            school_year=year,
            target=target,
            target_label=labels.get(year, ""),
            figure=figure,
            assessment=assess(
                baseline=indicator.baseline,
                target=target.value if target else None,
                actual=figure.exact_value if figure else None,
                direction=indicator.direction,
                margin_pct=indicator.risk_margin_pct,
            ),
            national=national.get(year),
            norm=norms.get(year),
        )
        if figure is not None:
            if previous is not None:
                row.trend = Trend(
                    previous.school_year,
                    figure.value - previous.value,
                    compare(figure.value, previous.value, indicator.direction),
                )
            previous = figure
        rows[year] = row
    return rows


def _empty_row(year: str, indicator: Indicator, series: _Series) -> YearRow:
    """A year without target or figure: still with the nation's figure and the norm of that year."""
    return YearRow(
        year,
        None,
        "",
        None,
        assess(baseline=None, target=None, actual=None, direction="lower"),
        national=series.national(indicator).get(year),
        norm=series.norms.get(indicator.category_id, {}).get(year),
    )


def _default_year(rows: list[IndicatorRow]) -> str | None:
    """The newest school year with a target and a figure; else the newest year with a target; else the newest."""
    with_both = {y for row in rows for y, r in row.years.items() if r.target and r.figure}
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


def revisions(*, figures: list[Figure], since: datetime | None) -> dict[int, Revision]:
    """{figure pk: Revision} for the figures whose value or finality differs from what they were just before
    `since` (simple-history's `as_of`). One query, whatever the number of figures. Figures that did not exist yet
    (or were deleted) then are not revisions."""
    if since is None or not figures:
        return {}
    current = {figure.pk: figure for figure in figures}
    # as_of includes a history row made at `since` itself; a revision made at that moment is not yet what the
    # figure was, so ask for the state one microsecond (the resolution of history_date) earlier.
    as_of = Figure.history.as_of(since - timedelta(microseconds=1)).filter(id__in=current)
    then = {old.pk: old for old in as_of.order_by("history_date", "history_id")}
    result = {}
    for pk, old in then.items():
        figure = current[pk]
        if (old.value, old.finality) != (figure.value, figure.finality):
            result[pk] = Revision(old.value, old.finality, figure.updated_at)
    return result


def _mark_revisions(year_rows: list[YearRow], since: datetime | None) -> None:
    found = revisions(figures=[row.figure for row in year_rows if row.figure], since=since)
    for row in year_rows:
        if row.figure is not None:
            row.revision = found.get(row.figure.pk)


def dashboard(*, programme: Programme, school_year: str | None = None, since: datetime | None = None) -> Dashboard:
    """Every indicator of the programme in one school year (the default year when none or an unknown one is asked)."""
    indicators = list(_indicators(programme=programme))
    series = _series(indicators)
    rows = [IndicatorRow(indicator, _year_rows(indicator, series)) for indicator in indicators]
    years = sorted({year for row in rows for year in row.years})
    selected = school_year if school_year in years else _default_year(rows)
    for row in rows:
        row.selected = row.years.get(selected) or _empty_row(selected or "", row.indicator, series)
        row.history = [r.actual for y, r in row.years.items() if y <= (selected or "") and r.figure]
    _mark_revisions([row.selected for row in rows], since)
    return Dashboard(school_years=years, selected_year=selected, rows=rows, since=since)


def indicator_detail(*, programme: Programme, code: str, since: datetime | None = None) -> IndicatorRow:
    """One indicator with a row for every school year from its first to its last year (gaps included, for the
    chart), and the years of its norms and national figures."""
    indicator = (
        _indicators(programme=programme)
        .prefetch_related(Prefetch("projects", queryset=Project.objects.order_by("code")))
        .get(code=code)
    )
    series = _series([indicator])
    rows = _year_rows(indicator, series)
    others = _other_programmes_targets(indicator)
    years = set(rows) | set(series.national(indicator)) | set(series.norms.get(indicator.category_id, {})) | set(others)
    if years:
        first, last = SchoolYear.parse(min(years)), SchoolYear.parse(max(years))
        year = first
        while year <= last:
            key = str(year)
            if key not in rows:
                rows[key] = _empty_row(key, indicator, series)
            year = year.next()
        rows = dict(sorted(rows.items()))
    for year, target in others.items():
        if rows[year].target is None:
            rows[year].other_target = target
    _mark_revisions(list(rows.values()), since)
    return IndicatorRow(indicator, rows, breakdowns=_breakdowns(indicator))


def _other_programmes_targets(indicator: Indicator) -> dict[str, Target]:
    """The targets of the same KPI (category and area) in the region's other programmes, by school year (one
    query): the earlier period's aims beside this one's. A concept's targets are not shown elsewhere: they are not
    decided yet, and its people may differ from this programme's."""
    area = indicator.area
    kinds = [area.kind, ""] if area == areas.Area.region(indicator.programme.region.code) else [area.kind]
    targets = (
        Target.objects.filter(
            indicator__programme__region_id=indicator.programme.region_id,
            indicator__category_id=indicator.category_id,
            indicator__area_kind__in=kinds,
        )
        .exclude(indicator__programme_id=indicator.programme_id)
        .exclude(indicator__programme__status=Programme.Status.DRAFT)
        .select_related("indicator__programme__region")
        .order_by("school_year", "-indicator__programme__first_year")
    )
    found = {}
    for target in targets:
        if target.indicator.area == area:
            found.setdefault(target.school_year, target)
    return found


def _breakdowns(indicator: Indicator) -> list[tuple[str, str, list[Figure]]]:
    """The indicator's figures per leerweg (or sex, age) in each school year DUO split them, newest first: one
    query."""
    area = indicator.area
    groups = defaultdict(list)
    for figure in (
        Figure.objects.filter(category_id=indicator.category_id, area_kind=area.kind, area_code=area.code)
        .exclude(breakdown="")
        .order_by("-school_year", "breakdown", "breakdown_value")
    ):
        groups[(figure.school_year, figure.breakdown)].append(figure)
    labels = dict(Figure.Breakdown.choices)
    return [(year, labels[dimension], figures) for (year, dimension), figures in groups.items()]


def indicator_history(*, indicator: Indicator, limit: int = 200):
    """Changes to the indicator, its targets and its figures, newest first, with who, what and why."""
    indicator_fields = [
        Indicator._meta.get_field(name)
        for name in ("name", "baseline", "baseline_when", "risk_margin_pct", "definition")
    ]
    target_fields = [Target._meta.get_field(name) for name in ("school_year", "value")]
    figure_fields = [
        Figure._meta.get_field(name)
        for name in ("school_year", "value", "numerator", "denominator", "finality", "source", "source_detail")
    ]
    area = indicator.area
    figures = Figure.history.filter(
        category_id=indicator.category_id, area_kind=area.kind, area_code=area.code, breakdown=""
    )
    sources = (
        (indicator.history.all(), indicator_fields, "indicator"),
        (Target.history.filter(indicator_id=indicator.pk), target_fields, "target"),
        (figures, figure_fields, "figure"),
    )
    rows = []
    for queryset, fields, kind in sources:
        chunk = list(queryset.select_related("history_user").order_by("-history_date")[:limit])
        for row in with_changes(chunk, fields):
            row.kind = kind
        rows.extend(chunk)
    rows.sort(key=lambda row: row.history_date, reverse=True)
    return rows[:limit]


def _runs_of(user, programme: Programme | None) -> Q:
    """The runs the user may see: their programme's (as its manager) and the stewards' (as a steward)."""
    owners = Q(pk__in=[])
    if programme is not None and permissions.can_manage(user, programme):
        owners |= Q(programme=programme)
    if permissions.is_data_steward(user):
        owners |= Q(programme=None)
    return owners


def import_runs(*, user, programme: Programme | None) -> QuerySet[ImportRun]:
    """The import runs the user may see (their programme's, and the stewards' for a steward), newest first, with
    who started it (one query per page)."""
    return (
        ImportRun.objects.filter(_runs_of(user, programme))
        .exclude(status=ImportRun.Status.PREVIEW)
        .select_related("created_by", "programme")
        .order_by("-created_at", "-pk")
    )


def import_run(*, user, programme: Programme | None, pk: int) -> ImportRun:
    """One run the user may see; ImportRun.DoesNotExist for another programme's (as for one that does not exist)."""
    return ImportRun.objects.select_related("created_by", "programme__region").get(_runs_of(user, programme), pk=pk)


def file_seen(*, checksum: str) -> bool:
    """Has the scheduled job (the stewards') nothing to do with this file: imported before by the stewards, or
    refused by an earlier scheduled run?"""
    return (
        ImportRun.objects.filter(kind=ImportRun.Kind.FIGURES, checksum=checksum, programme=None)
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


def previous_import(
    *, kind: str, checksum: str, programme_id: int | None = None, exclude_pk: int | None = None
) -> ImportRun | None:
    """The successful run of the same owner (a programme, or the stewards: None) that already imported a file with
    this checksum, if any."""
    runs = ImportRun.objects.filter(kind=kind, checksum=checksum, status=ImportRun.Status.SUCCEEDED)
    runs = runs.filter(programme=None) if programme_id is None else runs.filter(programme_id=programme_id)
    if exclude_pk is not None:
        runs = runs.exclude(pk=exclude_pk)
    return runs.order_by("finished_at").first()


def norms_by_category() -> list[tuple[object, list[Norm]]]:
    """Every national norm, per category in the categories' order, each category's years in order: one query."""
    groups = defaultdict(list)
    for norm in Norm.objects.select_related("category").order_by("category__position", "category__code", "school_year"):
        groups[norm.category].append(norm)
    return list(groups.items())


def area_names(keys) -> dict[areas.Area, str]:
    """{Area: "RMC-regio 10 IJssel-Vecht"} for the areas given: two queries at most."""
    keys = set(keys)
    names = {area: _("Nederland") for area in keys if area.is_nation}
    regions = {area.code: area for area in keys if area.kind == areas.REGION}
    for code, name in Region.objects.filter(code__in=regions).values_list("code", "name"):
        names[regions[code]] = _("RMC-regio %(code)s %(name)s") % {"code": code, "name": name}
    municipalities = {area.code: area for area in keys if area.kind == areas.MUNICIPALITY}
    for code, name in Municipality.objects.filter(code__in=municipalities).values_list("code", "name"):
        names[municipalities[code]] = _("gemeente %(name)s") % {"name": name}
    for area in keys - set(names):
        names[area] = area.key
    return names


def area_name(area: areas.Area) -> str:
    return area_names([area])[area]


def regions_with_municipalities(*, search: str = "") -> QuerySet[Region]:
    """Every region with its municipalities (two queries), optionally those whose name, code or municipality
    matches `search`."""
    regions = Region.objects.annotate(municipality_count=Count("municipalities")).order_by("code")
    if search:
        matching = Municipality.objects.filter(name__icontains=search).values("region_id")
        regions = regions.filter(Q(code__iexact=search) | Q(name__icontains=search) | Q(pk__in=matching))
    return regions.prefetch_related(Prefetch("municipalities", queryset=Municipality.objects.order_by("name")))


def latest_definitive_figures(*, indicators) -> dict[int, Figure]:
    """Per indicator (by pk) the newest definitive total figure of its category and area, or nothing: what a next
    programme proposes as its baseline. One query."""
    indicators = list(indicators)
    where = Q()
    for indicator in indicators:
        where |= Q(category_id=indicator.category_id, area_kind=indicator.area.kind, area_code=indicator.area.code)
    if not where:
        return {}
    newest = {}
    definitive = Figure.objects.filter(where, breakdown="", finality=Figure.Finality.DEFINITIVE)
    for figure in definitive.order_by("school_year"):
        newest[(figure.category_id, figure.area)] = figure
    found = {indicator.pk: newest.get((indicator.category_id, indicator.area)) for indicator in indicators}
    return {pk: figure for pk, figure in found.items() if figure is not None}
