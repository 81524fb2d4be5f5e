from xml.etree import ElementTree

import pytest

from reports.charts import budget_chart, kpi_chart

ROW = {
    "code": "mbo-niveau-3",
    "name": "VSV MBO niveau 3",
    "unit": "percentage",
    "norm": "3.60",
    "series": [
        {"school_year": "2018-2019", "actual": "3.72", "provisional": False, "target": None},
        {"school_year": "2020-2021", "actual": None, "provisional": False, "target": "3.70"},
        {"school_year": "2021-2022", "actual": "3.40", "provisional": True, "target": "3.50"},
    ],
}
SVG = "{http://www.w3.org/2000/svg}"
ACTUAL, TARGET, NORM, GRID = "#1d4ed8", "#b45309", "#6b7280", "#d1d5db"
BUDGET_FILL, SPENT_FILL = "#bfdbfe", "#1e3a8a"


def _parse(markup):
    """The chart as an XML tree (it must be well-formed SVG to appear in the PDF at all)."""
    root = ElementTree.fromstring(markup)
    assert root.tag == f"{SVG}svg"
    return root


def _all(root, tag, **attributes):
    return [
        element
        for element in root.iter(f"{SVG}{tag}")
        if all(element.get(name.replace("_", "-")) == value for name, value in attributes.items())
    ]


def _points(polyline):
    """x1, y1, x2, y2, … of a polyline."""
    return [float(number) for pair in polyline.get("points").split() for number in pair.split(",")]


def test_kpi_chart_draws_the_figures_and_says_them_in_words():
    svg = kpi_chart(ROW)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="chart-mbo-niveau-3-t">VSV MBO niveau 3</title>' in svg
    # The description reads the same figures the Dutch way, provisional marked.
    assert "2018-2019 cijfer 3,72%" in svg and "2021-2022 cijfer 3,40% (voorlopig) streefcijfer 3,50%" in svg
    assert "landelijke norm 3,60%" in svg
    assert svg.count("<circle") == 3  # two figures and the legend
    assert "<polyline" in svg  # the line through the figures and the target line

    root = _parse(svg)
    assert root.get("aria-labelledby") == "chart-mbo-niveau-3-t chart-mbo-niveau-3-d"
    assert root.find(f"{SVG}desc").get("id") == "chart-mbo-niveau-3-d"
    assert root.find(f"{SVG}desc").text == (
        "2018-2019 cijfer 3,72%; 2020-2021 streefcijfer 3,70%; 2021-2022 cijfer 3,40% (voorlopig) "
        "streefcijfer 3,50%; landelijke norm 3,60%"
    )
    texts = [(element.text, element) for element in root.iter(f"{SVG}text")]
    # The x axis names every school year with a figure or a target, left to right.
    years = [(text, float(element.get("x"))) for text, element in texts if text and text[:2] == "20"]
    assert [text for text, _x in years] == ["2018-2019", "2020-2021", "2021-2022"]
    assert years[0][1] < years[1][1] < years[2][1]
    # The y axis: round percentages from 0 (at the bottom) up past the highest value, each with its grid line.
    labels = [text for text, element in texts if element.get("text-anchor") == "end"]
    assert labels == ["0,00%", "2,00%", "4,00%", "6,00%", "8,00%"]
    lines = [float(line.get("y1")) for line in _all(root, "line", stroke=GRID)]
    assert len(lines) == len(labels) and lines == sorted(lines, reverse=True)
    grid = dict(zip(labels, lines, strict=True))

    def height_of(value):  # where a value sits on that axis
        zero, eight = grid["0,00%"], grid["8,00%"]
        return zero + (eight - zero) * value / 8

    # Figures: one point per school year with a figure, at its value; the provisional one open (white).
    points = [circle for circle in _all(root, "circle", stroke=ACTUAL)]
    assert [(float(p.get("cx")), p.get("fill")) for p in points] == [(years[0][1], ACTUAL), (years[2][1], "#ffffff")]
    assert [float(p.get("cy")) for p in points] == pytest.approx([height_of(3.72), height_of(3.40)], abs=0.1)
    # The two lines: figures (solid) and targets (dashed), each through its own points.
    figures, targets = _all(root, "polyline", stroke=ACTUAL), _all(root, "polyline", stroke=TARGET)
    assert len(figures) == len(targets) == 1 and len(_all(root, "polyline")) == 2
    assert _points(figures[0]) == pytest.approx([years[0][1], height_of(3.72), years[2][1], height_of(3.40)], abs=0.1)
    assert targets[0].get("stroke-dasharray") == "6 4"
    assert _points(targets[0]) == pytest.approx([years[1][1], height_of(3.70), years[2][1], height_of(3.50)], abs=0.1)
    # A diamond per target, plus the legend's.
    assert len(_all(root, "rect", fill=TARGET)) == 2 + 1
    # The national norm: one dotted line across the plot at 3,60%, plus the legend's short one.
    norm = [line for line in _all(root, "line", stroke=NORM) if line.get("y1") == line.get("y2")]
    assert sorted(float(line.get("y1")) for line in norm)[-1] == pytest.approx(height_of(3.60), abs=0.1)
    assert len(norm) == 2
    legend = [text for text, element in texts if element.get("fill") == "#1f2937"]
    assert legend == ["cijfer (open rondje: voorlopig)", "streefcijfer", "landelijke norm"]


def test_no_chart_without_figures_or_targets():
    assert kpi_chart({**ROW, "series": [{"school_year": "2020-2021", "actual": None, "target": None}]}) == ""


def test_budget_chart_names_every_theme_with_its_budget():
    sections = [
        {"title": "1. Ondersteunen en versterken LOB", "budget": "62500.00", "spent": "12000"},
        {"title": "Werkbudget programma", "budget": "81842.00", "spent": "0"},
    ]
    svg = budget_chart(sections, 2024)
    assert "Begroot en besteed per thema in 2024" in svg
    assert "€ 62.500" in svg and "besteed € 12.000" in svg

    root = _parse(svg)
    assert root.find(f"{SVG}title").text == "Begroot en besteed per thema in 2024"
    assert root.find(f"{SVG}desc").text == (
        "1. Ondersteunen en versterken LOB: begroot € 62.500, besteed € 12.000; "
        "Werkbudget programma: begroot € 81.842, besteed € 0"
    )
    texts = [element.text for element in root.iter(f"{SVG}text")]
    # Legend, then per theme its (shortened) name and its budget, top to bottom.
    assert texts == [
        "begroot",
        "besteed",
        "1. Ondersteunen en versterken L…",
        "€ 62.500",
        "Werkbudget programma",
        "€ 81.842",
    ]
    # One budget bar per theme (the legend's square aside), as long as its budget against the biggest one;
    # a spent bar only where something was spent, as long as the spending.
    budget_bars = [bar for bar in _all(root, "rect", fill=BUDGET_FILL) if bar.get("height") == "18"]
    spent_bars = [bar for bar in _all(root, "rect", fill=SPENT_FILL) if bar.get("height") == "10"]
    assert len(budget_bars) == 2 and len(spent_bars) == 1
    lob, werkbudget = (float(bar.get("width")) for bar in budget_bars)
    assert lob / werkbudget == pytest.approx(62500 / 81842, abs=0.001)
    assert float(spent_bars[0].get("width")) / lob == pytest.approx(12000 / 62500, abs=0.001)
    assert float(budget_bars[0].get("y")) < float(spent_bars[0].get("y")) < float(budget_bars[1].get("y"))


def test_no_budget_chart_without_budget_or_spending():
    assert budget_chart([{"title": "Leeg", "budget": None, "spent": "0"}], 2024) == ""
