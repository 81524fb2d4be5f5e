"""Reads for the budget pages. Each runs a fixed number of queries, whatever the number of lines,
changes or spending entries, and adds up money as Decimal in Python (never as floats in the database)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet

from budget.pace import PaceBands, PaceResult, pace
from core.periods import BudgetYear
from projects.models import Programme, Project

from .models import (
    DEFAULT_HOURLY_RATE,
    BudgetAmount,
    BudgetChange,
    BudgetLine,
    BudgetSection,
    BudgetSettings,
    SpendingEntry,
)

ZERO = Decimal(0)


@dataclass
class Figures:
    """Per year: the adopted budget, the current budget (after approved changes) and what was spent.
    A year without a budget is None, shown as "—"; € 0 is a budget of zero."""

    years: list[int]
    original: dict[int, Decimal | None] = field(default_factory=dict)
    current: dict[int, Decimal | None] = field(default_factory=dict)
    spent: dict[int, Decimal] = field(default_factory=dict)

    @staticmethod
    def _total(values):
        present = [value for value in values if value is not None]
        return sum(present, ZERO) if present else None

    @property
    def original_total(self):
        return self._total(self.original.get(year) for year in self.years)

    @property
    def current_total(self):
        return self._total(self.current.get(year) for year in self.years)

    @property
    def spent_total(self):
        return sum((self.spent.get(year, ZERO) for year in self.years), ZERO)

    def changed(self, year) -> bool:
        return self.original.get(year) != self.current.get(year)

    @property
    def total_changed(self) -> bool:
        return self.original_total != self.current_total

    def per_year(self):
        """(year, original, current, spent, changed) for templates."""
        return [
            (year, self.original.get(year), self.current.get(year), self.spent.get(year, ZERO), self.changed(year))
            for year in self.years
        ]

    @classmethod
    def add(cls, years, parts) -> "Figures":
        parts = list(parts)
        return cls(
            years=years,
            original={year: cls._total(part.original.get(year) for part in parts) for year in years},
            current={year: cls._total(part.current.get(year) for part in parts) for year in years},
            spent={year: sum((part.spent.get(year, ZERO) for part in parts), ZERO) for year in years},
        )


@dataclass
class Pacer:
    """Binds the pace to one year, one `today` and the programme's bands."""

    year: int
    today: date
    bands: PaceBands

    def __call__(self, figures: Figures) -> PaceResult:
        return pace(
            spent=figures.spent.get(self.year, ZERO),
            budget=figures.current.get(self.year),
            year=self.year,
            today=self.today,
            bands=self.bands,
        )


def budget_settings(*, programme: Programme) -> BudgetSettings | None:
    return BudgetSettings.objects.filter(programme=programme).first()


def hourly_rate(*, programme: Programme) -> Decimal:
    """The programme's hourly rate (its budget settings); the default rate while it has no budget yet."""
    rate = BudgetSettings.objects.filter(programme=programme).values_list("hourly_rate", flat=True).first()
    return DEFAULT_HOURLY_RATE if rate is None else rate


def default_year(settings: BudgetSettings, today: date) -> int:
    """The current budget year (the one `today` falls in), kept within the budget's years."""
    return min(max(BudgetYear.for_date(today).year, settings.first_year), settings.last_year)


def line_figures(lines: QuerySet[BudgetLine], years: list[int]) -> dict[int, Figures]:
    """Figures for every line in `lines`, in three queries (amounts, approved changes, spending)."""
    original = defaultdict(dict)
    for line_id, year, amount in BudgetAmount.objects.filter(line__in=lines).values_list("line_id", "year", "amount"):
        original[line_id][year] = amount
    delta = defaultdict(lambda: ZERO)
    changes = BudgetChange.objects.filter(status=BudgetChange.Status.APPROVED).filter(
        Q(from_line__in=lines) | Q(to_line__in=lines)
    )
    for from_id, to_id, year, amount in changes.values_list("from_line_id", "to_line_id", "year", "amount"):
        delta[(from_id, year)] -= amount
        delta[(to_id, year)] += amount
    spent = defaultdict(lambda: defaultdict(lambda: ZERO))
    for line_id, day, amount in SpendingEntry.objects.filter(line__in=lines).values_list("line_id", "date", "amount"):
        spent[line_id][day.year] += amount

    result = {}
    for line in lines:
        figures = Figures(years=years, original=dict(original[line.pk]), spent=dict(spent[line.pk]))
        for year in years:
            base, change = figures.original.get(year), delta.get((line.pk, year), ZERO)
            figures.current[year] = None if base is None and not change else (base or ZERO) + change
        result[line.pk] = figures
    return result


@dataclass
class LineRow:
    line: BudgetLine
    figures: Figures
    pace: PaceResult


@dataclass
class SectionBlock:
    section: BudgetSection
    rows: list[LineRow]
    figures: Figures
    pace: PaceResult


@dataclass
class Overview:
    settings: BudgetSettings
    years: list[int]
    year: int
    today: date
    sections: list[SectionBlock]
    total: Figures
    total_pace: PaceResult
    municipality_total: Figures
    municipality_label: str
    pending_changes: int


def _lines(programme):
    return BudgetLine.objects.filter(programme=programme).select_related("project", "section__theme")


def contact_municipality_label(programme: Programme) -> str:
    """ "Tbv contactgemeente Zwolle", as the seed's table words its second totals row."""
    org = programme.contact_municipality
    name = org.name.removeprefix("Gemeente ").strip() if org else ""
    return f"Tbv contactgemeente {name}".strip()


def budget_overview(*, programme: Programme, today: date, year: int | None = None) -> Overview | None:
    """The whole budget laid out as the seed's table: sections with their lines, the totals rows."""
    settings = budget_settings(programme=programme)
    if settings is None:
        return None
    years = settings.years
    year = year if year in years else default_year(settings, today)
    pacer = Pacer(year, today, settings.bands)
    lines = list(_lines(programme).order_by("section__position", "position", "pk"))
    figures = line_figures(_lines(programme), years)
    by_section = defaultdict(list)
    for line in lines:
        by_section[line.section_id].append(LineRow(line, figures[line.pk], pacer(figures[line.pk])))
    blocks = []
    for section in BudgetSection.objects.filter(programme=programme).select_related("theme").order_by("position"):
        rows = by_section.get(section.pk, [])
        section_figures = Figures.add(years, (row.figures for row in rows))
        blocks.append(SectionBlock(section, rows, section_figures, pacer(section_figures)))
    total = Figures.add(years, (figures[line.pk] for line in lines))
    municipality = Figures.add(
        years,
        (figures[line.pk] for line in lines if line.recipient == BudgetLine.Recipient.CONTACT_MUNICIPALITY),
    )
    pending = BudgetChange.objects.filter(programme=programme, status=BudgetChange.Status.PROPOSED).count()
    return Overview(
        settings=settings,
        years=years,
        year=year,
        today=today,
        sections=blocks,
        total=total,
        total_pace=pacer(total),
        municipality_total=municipality,
        municipality_label=contact_municipality_label(programme),
        pending_changes=pending,
    )


@dataclass
class ProjectBudget:
    year: int
    years: list[int]
    rows: list[LineRow]
    total: Figures
    total_pace: PaceResult

    @property
    def current(self) -> Decimal | None:
        """The project's current budget in `year` (None: no line of the project has a budget that year)."""
        return self.total.current.get(self.year)

    @property
    def spent(self) -> Decimal:
        return self.total.spent.get(self.year, ZERO)


def project_budgets(*, programme: Programme, projects, today: date) -> dict[int, ProjectBudget] | None:
    """`project_budget` for many projects at once, by project id: the same six queries for one project or
    for all of them (the project dashboard). None when the programme has no budget."""
    settings = budget_settings(programme=programme)
    if settings is None:
        return None
    years = settings.years
    pacer = Pacer(default_year(settings, today), today, settings.bands)
    lines_qs = BudgetLine.objects.filter(programme=programme, project__in=[project.pk for project in projects])
    lines = list(lines_qs.select_related("section__theme").order_by("section__position", "position", "pk"))
    figures = line_figures(lines_qs, years)
    rows_by_project = defaultdict(list)
    for line in lines:
        rows_by_project[line.project_id].append(LineRow(line, figures[line.pk], pacer(figures[line.pk])))
    result = {}
    for project in projects:
        rows = rows_by_project.get(project.pk, [])
        total = Figures.add(years, (row.figures for row in rows))
        result[project.pk] = ProjectBudget(pacer.year, years, rows, total, pacer(total))
    return result


def project_budget(*, project: Project, today: date) -> ProjectBudget | None:
    """The budget lines that serve a project, with their total and pace in the current budget year
    (the last budget year once the budget's period is over)."""
    budgets = project_budgets(programme=project.programme, projects=[project], today=today)
    return None if budgets is None else budgets[project.pk]


@dataclass
class LineDetail:
    line: BudgetLine
    settings: BudgetSettings
    year: int
    figures: Figures
    pace: PaceResult
    paces: dict[int, PaceResult]
    entries: list[SpendingEntry]
    changes: list[BudgetChange]

    @property
    def rows(self):
        """(year, original, current, spent, changed, pace) per budget year."""
        return [(*row, self.paces[row[0]]) for row in self.figures.per_year()]


def line_detail(*, programme: Programme, pk: int, today: date) -> LineDetail:
    """One line with its figures per year, its spending entries and every change that touched it."""
    settings = budget_settings(programme=programme)
    line = (
        BudgetLine.objects.select_related("project", "section__theme", "programme")
        .filter(programme=programme)
        .get(pk=pk)
    )
    years = settings.years
    year = default_year(settings, today)
    figures = line_figures(BudgetLine.objects.filter(pk=line.pk), years)[line.pk]
    paces = {y: Pacer(y, today, settings.bands)(figures) for y in years}
    entries = list(line.spending.select_related("recorded_by").order_by("-date", "-pk"))
    changes = list(
        BudgetChange.objects.filter(Q(from_line=line) | Q(to_line=line))
        .select_related("from_line", "to_line", "proposed_by", "decided_by")
        .order_by("-proposed_at", "-pk")
    )
    return LineDetail(line, settings, year, figures, paces[year], paces, entries, changes)


def budget_changes(*, programme: Programme) -> QuerySet[BudgetChange]:
    return (
        BudgetChange.objects.filter(programme=programme)
        .select_related("from_line__project", "to_line__project", "proposed_by", "decided_by")
        .order_by("-proposed_at", "-pk")
    )


def budget_change_detail(*, programme: Programme, pk: int) -> BudgetChange:
    return budget_changes(programme=programme).get(pk=pk)


def budget_change_history(*, change: BudgetChange):
    return list(change.history.select_related("history_user").order_by("-history_date", "-history_id"))


def line_current_amount(*, line: BudgetLine, year: int) -> Decimal | None:
    """The current budget of one line in one year (adopted plus approved changes)."""
    settings = budget_settings(programme=line.programme)
    years = settings.years if settings else [year]
    return line_figures(BudgetLine.objects.filter(pk=line.pk), years)[line.pk].current.get(year)


def lines_for_choice(*, programme: Programme) -> QuerySet[BudgetLine]:
    return (
        BudgetLine.objects.filter(programme=programme)
        .select_related("section", "project")
        .order_by("section__position", "position", "pk")
    )
