"""The report's charts, drawn from a snapshot as it is stored: per KPI its figures, targets and norm through the
school years; the budget per theme. The same charts as on the KPI page and the budget page (core.charts)."""

import xml.etree.ElementTree as ET

import pytest

from core.charts import render
from reports.charts import budget_chart, kpi_chart
from reports.snapshot.schema import BudgetBlock, KpiRow

SVG = "{http://www.w3.org/2000/svg}"
ROW = KpiRow.from_json(
    {
        "code": "mbo-niveau-3",
        "name": "VSV MBO niveau 3",
        "group": "mbo",
        "group_label": "MBO",
        "unit": "percentage",
        "baseline": "3.72",
        "norm": "3.60",
        "target": "3.50",
        "target_label": "2e streefpercentage 1-10-2022",
        "actual": "3.40",
        "provisional": True,
        "status": "op-koers",
        "progress_pct": "100",
        "note": "",
        "trend": None,
        "series": [
            {"school_year": "2018-2019", "actual": "3.72", "provisional": False, "target": None},
            {"school_year": "2020-2021", "actual": None, "provisional": False, "target": "3.70"},
            {"school_year": "2021-2022", "actual": "3.40", "provisional": True, "target": "3.50"},
        ],
    }
)


def _block(title, budget, spent):
    return BudgetBlock.from_json(
        {
            "title": title,
            "theme": None,
            "budget": budget,
            "spent": spent,
            "spent_pct": None,
            "pace": "achter",
            "per_year": {"2024": {"budget": budget, "spent": spent}},
        }
    )


def _classed(root, cls):
    return [node for node in root.iter() if node.get("class") == cls]


def _scale(labels, lines, attribute, parse):
    """Where a value sits on an axis, from the axis's own labels and their grid lines (first and last)."""
    (low, low_at), (high, high_at) = (
        (parse(label.text), float(line.get(attribute)))
        for label, line in ((labels[0], lines[0]), (labels[-1], lines[-1]))
    )
    return lambda value: low_at + (high_at - low_at) * (value - low) / (high - low)


def _percentage(text):
    return float(text.removesuffix("%").replace(",", "."))


def _euros(text):
    return float(text.removeprefix("€ ").replace(".", ""))


def test_kpi_chart_draws_the_figures_and_says_them_in_words():
    svg = render(kpi_chart(ROW))
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="chart-mbo-niveau-3-t">VSV MBO niveau 3</title>' in svg
    # The description reads the same figures the Dutch way, provisional marked.
    assert "2018-2019 cijfer 3,72%" in svg and "2021-2022 cijfer 3,40% (voorlopig) streefcijfer 3,50%" in svg
    assert "landelijke norm 3,60%" in svg
    assert svg.count("<circle") == 3  # two figures and the legend
    assert "<polyline" in svg  # the line through the figures and the target line

    root = ET.fromstring(svg)
    assert (
        root.get("aria-labelledby") == "chart-mbo-niveau-3-t" and root.get("aria-describedby") == "chart-mbo-niveau-3-d"
    )
    # Every school year from the first to the last is on the axis, the one without figures too.
    assert [node.text for node in _classed(root, "chart-x-label")] == [
        "2018-2019",
        "2019-2020",
        "2020-2021",
        "2021-2022",
    ]
    assert [node.text for node in _classed(root, "chart-y-label")][-1].endswith("%")
    figures, targets = _classed(root, "chart-series")
    assert [len(_classed(group, "chart-point")) for group in (figures, targets)] == [2, 2]
    assert [point.get("fill") for point in _classed(figures, "chart-point")] == [
        "#1d4ed8",
        "#ffffff",
    ]  # open: voorlopig
    assert len(_classed(root, "chart-reference")) == 1  # the norm; the report draws no baseline
    # Each point sits at its value on the y axis and under its school year on the x axis.
    grid = [node for node in _classed(root, "chart-grid")[0] if node.tag == f"{SVG}line"]
    height = _scale(_classed(root, "chart-y-label"), grid, "y1", _percentage)
    under = {node.text: float(node.get("x")) for node in _classed(root, "chart-x-label")}
    circles = _classed(figures, "chart-point")
    assert [(float(p.get("cx")), float(p.get("cy"))) for p in circles] == [
        (under["2018-2019"], pytest.approx(height(3.72), abs=0.1)),
        (under["2021-2022"], pytest.approx(height(3.40), abs=0.1)),
    ]
    line = [tuple(map(float, pair.split(","))) for pair in figures.find(f"{SVG}polyline").get("points").split()]
    assert line == [(float(p.get("cx")), float(p.get("cy"))) for p in circles]  # the line runs through the points
    targets_line = targets.find(f"{SVG}polyline").get("points").split()
    assert [tuple(map(float, pair.split(","))) for pair in targets_line] == [
        (under["2020-2021"], pytest.approx(height(3.70), abs=0.1)),
        (under["2021-2022"], pytest.approx(height(3.50), abs=0.1)),
    ]
    assert float(_classed(root, "chart-reference")[0].get("y1")) == pytest.approx(height(3.60), abs=0.1)
    assert [node.text for node in _classed(root, "chart-legend-label")] == [
        "cijfer (open rondje: voorlopig)",
        "streefcijfer",
        "landelijke norm",
    ]


def test_no_chart_without_figures_or_targets():
    empty = KpiRow.from_json(
        {
            **ROW.to_json(),
            "series": [{"school_year": "2020-2021", "actual": None, "provisional": False, "target": None}],
        }
    )
    assert kpi_chart(empty) is None and render(kpi_chart(empty)) == ""


def test_budget_chart_names_every_theme_with_its_budget():
    sections = [
        _block("1. Ondersteunen en versterken LOB", "62500.00", "12000"),
        _block("Werkbudget programma", "81842.00", "0"),
        _block("Zonder budget en zonder besteding", None, "0"),
    ]
    svg = render(budget_chart(sections, 2024))
    assert "Begroot en besteed per thema in 2024" in svg
    assert "€ 62.500" in svg and "besteed € 12.000" in svg

    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "Begroot en besteed per thema in 2024"
    assert [node.text for node in _classed(root, "chart-category")] == [
        "1. Ondersteunen en versterken LOB",
        "Werkbudget programma",
    ]
    assert len(_classed(root, "chart-bar")) == 4  # begroot and besteed for each of the two themes
    assert [node.text for node in _classed(root, "chart-value")] == ["€ 62.500", "€ 12.000", "€ 81.842", "€ 0"]
    assert [node.text for node in _classed(root, "chart-legend-label")] == ["begroot", "besteed"]
    assert [node.text for node in _classed(root, "chart-x-label")][0] == "€ 0"
    # Each bar as long as its amount on the euro axis: begroot and besteed per theme, in the themes' order.
    grid = [node for node in _classed(root, "chart-grid")[0] if node.tag == f"{SVG}line"][::2]  # one per tick
    length = _scale(_classed(root, "chart-x-label"), grid, "x1", _euros)
    bars = _classed(root, "chart-bar")
    assert [float(bar.get("x")) for bar in bars] == [pytest.approx(length(0), abs=0.1)] * 4
    assert [float(bar.get("width")) for bar in bars] == [
        pytest.approx(length(amount) - length(0), abs=0.1) for amount in (62500, 12000, 81842, 0)
    ]
