"""The generic SVG charts: well-formed SVG, named and described for a screen reader, the series told apart
without colour (dash pattern, marker, fill) and named in a legend, Dutch numbers on the axes, and labels laid
out for the width the chart is drawn at."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from core.charts import (
    BarChart,
    BarSeries,
    LineChart,
    Reference,
    Series,
    bar_chart,
    line_chart,
    nice_ticks,
    number,
    render,
    responsive,
    text_width,
)

NS = {"svg": "http://www.w3.org/2000/svg"}
D = Decimal

LINES = LineChart(
    id="proef",
    title="Proefgrafiek",
    x_labels=["2019-2020", "2020-2021", "2021-2022", "2022-2023"],
    series=[
        Series("cijfer", [D("3.7"), None, D("3.4"), D("3.1")], hollow=[False, False, False, True], marker="circle"),
        Series("streefcijfer", [None, D("3.6"), D("3.3"), D("3.0")], line="dashed", marker="diamond"),
    ],
    references=[Reference("landelijke norm", D("2.5"), line="dotted")],
    value_label=lambda value: f"{number(value)}%",
)
BARS = BarChart(
    id="staaf",
    title="Begroot en besteed",
    categories=["Werkbudget programma", "2. Overstapmomenten en jongeren in beeld, met een titel die niet past"],
    series=[
        BarSeries("begroot", [D("81842"), D("320000")], fill="hatched", pale="#dbeafe"),
        BarSeries("besteed", [D("0"), D("12500")], fill="solid"),
    ],
)


def _svg(markup: str) -> ET.Element:
    root = ET.fromstring(markup)  # well-formed XML, as WeasyPrint needs it
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def _texts(root, cls) -> list[str]:
    return [node.text for node in root.iter("{http://www.w3.org/2000/svg}text") if node.get("class") == cls]


def _with_class(root, cls) -> list[ET.Element]:
    return [node for node in root.iter() if node.get("class") == cls]


def test_line_chart_structure_title_and_description():
    root = _svg(line_chart(LINES))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "proef-t" and root.get("aria-describedby") == "proef-d"
    assert root.find("svg:title", NS).get("id") == "proef-t" and root.find("svg:title", NS).text == "Proefgrafiek"
    # Without a description of its own the chart says every figure in words.
    assert root.find("svg:desc", NS).text == (
        "cijfer: 2019-2020 3,70%, 2021-2022 3,40%, 2022-2023 3,10%; "
        "streefcijfer: 2020-2021 3,60%, 2021-2022 3,30%, 2022-2023 3,00%; landelijke norm 2,50%"
    )
    series = _with_class(root, "chart-series")
    assert [group.get("data-series") for group in series] == ["cijfer", "streefcijfer"]
    # One marker per value (a gap is no point), one line through each series, one reference line.
    assert [len(_with_class(group, "chart-point")) for group in series] == [3, 3]
    assert [len(group.findall("svg:polyline", NS)) for group in series] == [1, 1]
    assert len(_with_class(root, "chart-reference")) == 1
    assert _texts(root, "chart-x-label") == LINES.x_labels
    assert _texts(root, "chart-y-label") == ["0,00%", "1,00%", "2,00%", "3,00%", "4,00%", "5,00%"]
    assert _texts(root, "chart-legend-label") == ["cijfer", "streefcijfer", "landelijke norm"]


def test_lines_are_told_apart_without_colour():
    root = _svg(line_chart(LINES))
    figures, targets = _with_class(root, "chart-series")
    assert figures.find("svg:polyline", NS).get("stroke-dasharray") is None
    assert targets.find("svg:polyline", NS).get("stroke-dasharray") == "7 4"
    assert _with_class(root, "chart-reference")[0].get("stroke-dasharray") == "2 3"
    assert {node.tag.split("}")[1] for node in _with_class(figures, "chart-point")} == {"circle"}
    assert {node.tag.split("}")[1] for node in _with_class(targets, "chart-point")} == {"path"}  # diamonds
    # A provisional figure is an open marker.
    assert [point.get("fill") for point in _with_class(figures, "chart-point")] == ["#1f2937", "#1f2937", "#ffffff"]
    # The legend draws each line's own dash and marker beside its name.
    symbols = _with_class(root, "chart-legend-symbol")
    assert [node.tag.split("}")[1] for node in symbols] == ["circle", "path"]


def test_x_labels_turn_when_they_do_not_fit_side_by_side():
    many = LineChart(
        id="veel",
        title="Tien jaar",
        x_labels=[f"{start}-{start + 1}" for start in range(2018, 2028)],
        series=[Series("cijfer", [D(start) for start in range(10)])],
    )
    wide = _svg(line_chart(many, width=900))
    assert not any(node.get("transform") for node in _with_class(wide, "chart-x-label"))
    narrow = _svg(line_chart(many, width=360))
    labels = _with_class(narrow, "chart-x-label")
    assert len(labels) == 10 and all("rotate(-45" in node.get("transform") for node in labels)
    # Turned labels need room below the plot: the narrow chart is taller.
    assert float(narrow.get("height")) > float(wide.get("height"))


def test_nothing_to_draw_is_an_empty_string():
    assert line_chart(LineChart(id="x", title="x", x_labels=["2020-2021"], series=[Series("cijfer", [None])])) == ""
    assert bar_chart(BarChart(id="x", title="x", categories=[], series=[])) == ""
    assert render(None) == "" and responsive(None) == ""


def test_bar_chart_structure():
    root = _svg(bar_chart(BARS, width=560))
    assert root.get("role") == "img" and root.find("svg:title", NS).text == "Begroot en besteed"
    assert root.find("svg:desc", NS).text == (
        "Werkbudget programma: begroot € 81.842, besteed € 0; "
        "2. Overstapmomenten en jongeren in beeld, met een titel die niet past: begroot € 320.000, besteed € 12.500"
    )
    bars = _with_class(root, "chart-bar")
    assert len(bars) == 4  # two categories, two series
    assert _texts(root, "chart-value") == ["€ 81.842", "€ 0", "€ 320.000", "€ 12.500"]
    assert _texts(root, "chart-legend-label") == ["begroot", "besteed"]
    assert _texts(root, "chart-x-label") == ["€ 0", "€ 100.000", "€ 200.000", "€ 300.000", "€ 400.000"]
    # The budget bars are hatched (a pattern), the spending bars solid: not told apart by colour alone.
    assert bars[0].get("fill") == "url(#staaf-p0)" and root.find(".//svg:pattern[@id='staaf-p0']", NS) is not None
    assert bars[1].get("fill") == "#1f2937"
    # Bars grow with their value.
    widths = [float(bar.get("width")) for bar in bars]
    assert widths[1] == 0 < widths[3] < widths[0] < widths[2]


def test_long_category_labels_wrap_and_shorten_to_fit_a_narrow_chart():
    wide = _texts(_svg(bar_chart(BARS, width=900)), "chart-category")
    assert wide == ["Werkbudget programma", "2. Overstapmomenten en jongeren in beeld, met een titel die niet past"]
    narrow = _texts(_svg(bar_chart(BARS, width=200)), "chart-category")
    assert narrow[0] == "Werkbudget programma"
    assert len(narrow) == 3 and narrow[1].startswith("2. Overstapmomenten") and narrow[2].endswith("…")
    assert all(text_width(line) <= 200 - 8 for line in narrow)
    # Fewer value ticks where the wide ones would collide.
    assert len(_texts(_svg(bar_chart(BARS, width=200)), "chart-x-label")) == 3


def test_responsive_draws_the_chart_wide_and_narrow_with_their_own_ids():
    html = responsive(LINES, wide=640, narrow=360)
    assert html.startswith('<div class="chart"><div class="chart__wide"><svg')
    wide, narrow = (part.split("</div>")[0] for part in html.split('<div class="chart__')[1:])
    wide_root, narrow_root = _svg(wide.removeprefix('wide">')), _svg(narrow.removeprefix('narrow">'))
    assert (wide_root.get("width"), narrow_root.get("width")) == ("640", "360")
    assert wide_root.find("svg:title", NS).get("id") == "proef-t"
    assert narrow_root.find("svg:title", NS).get("id") == "proef-smal-t"


def test_nice_ticks():
    assert nice_ticks(D("4.07")) == [D(0), D(1), D(2), D(3), D(4), D(5)]
    assert nice_ticks(D("0.234")) == [D(0), D("0.05"), D("0.1"), D("0.15"), D("0.2"), D("0.25")]
    assert nice_ticks(D("320000")) == [D(0), D(100000), D(200000), D(300000), D(400000)]
    assert nice_ticks(D(0)) == [D(0), D("0.25"), D("0.50"), D("0.75"), D("1.00")]
