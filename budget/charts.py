"""Budget against spending per theme in one year, as a bar chart drawn with core.charts: per theme a hatched
bar for the budget and a solid bar for what was spent, each with its amount. The budget page and the progress
report draw this same chart."""

from collections.abc import Iterable
from decimal import Decimal

from core import charts

SPENT, BUDGET_GROUND = "#1e3a8a", "#dbeafe"


def budget_chart(
    rows: Iterable[tuple[str, Decimal | None, Decimal | None]], year: int, *, chart_id: str = "budget-chart"
) -> charts.BarChart | None:
    """`rows`: (title, budget, spent) per theme; a theme without budget and without spending is left out.
    None when no theme is left."""
    rows = [(title, budget, spent or Decimal(0)) for title, budget, spent in rows if budget is not None or spent]
    if not rows:
        return None
    words = "; ".join(
        f"{title}: begroot {charts.euro(budget or 0)}, besteed {charts.euro(spent)}" for title, budget, spent in rows
    )
    return charts.BarChart(
        id=chart_id,
        title=f"Begroot en besteed per thema in {year}",
        categories=[title for title, _budget, _spent in rows],
        series=[
            charts.BarSeries(
                "begroot", [budget for _title, budget, _spent in rows], colour=SPENT, fill="hatched", pale=BUDGET_GROUND
            ),
            charts.BarSeries("besteed", [spent for _title, _budget, spent in rows], colour=SPENT, fill="solid"),
        ],
        description=words,
        value_label=charts.euro,
    )
