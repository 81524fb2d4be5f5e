"""The report's charts from its snapshot: per KPI the same chart as the KPI page (without the baseline, as the
report has always drawn it), and the budget per theme as on the budget page. Drawn by core.charts, so they
look the same on screen and in the PDF."""

from budget.charts import budget_chart as budget_bars
from core import charts
from indicators.charts import kpi_chart as kpi_lines

from .snapshot.schema import BudgetBlock, KpiRow


def kpi_chart(row: KpiRow) -> charts.LineChart | None:
    """Norms per year where the snapshot has them; a report made before that draws its one norm as a line."""
    per_year = any(year.norm is not None for year in row.series)
    return kpi_lines(code=row.code, name=row.name, unit=row.unit, years=row.series, norm=None if per_year else row.norm)


def budget_chart(sections: list[BudgetBlock], year: int) -> charts.BarChart | None:
    return budget_bars([(section.title, section.budget, section.spent) for section in sections], year)
