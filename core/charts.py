"""Charts drawn on the server as SVG: the same picture on a web page and in a PDF, and no JavaScript.

Two kinds, both generic: `line_chart` (one or more series over categories such as school years, plus
horizontal reference lines such as a norm) and `bar_chart` (horizontal bars, one or more series per
category). Pure: a `LineChart` or `BarChart` of plain values in, SVG markup (escaped) out.

Accessible: every chart is role="img", named by its <title> (aria-labelledby) and described by a <desc>
that says the figures in words (aria-describedby); the pages show the same figures in a table as well.
Nothing is told by colour alone: lines differ in dash pattern and marker, bars in fill pattern, and a
legend names every series. Numbers are written the Dutch way (3,70%, € 62.500).

An SVG scales as a whole, so a chart drawn for a wide column has tiny letters on a phone. `responsive()`
draws a chart twice, wide and narrow, each laid out for its width; a container query on `.chart`
(static/css/vsvplan.css) shows the one that fits. A PDF shows the wide one.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape

from core.formatting import euro, number  # noqa: F401  (charts.euro / charts.number: the labels' format)

INK, MUTED, GRID, PAPER = "#1f2937", "#4b5563", "#d1d5db", "#ffffff"
FONT = 12  # px of the labels at the width the chart is drawn for
WIDE, NARROW = 560, 360
DASHES = {"solid": None, "dashed": "7 4", "dotted": "2 3", "dashdot": "9 3 2 3"}
MARKERS = ("circle", "diamond", "square", "triangle", "none")
FILLS = ("solid", "outline", "hatched")
ROTATE = 45  # degrees: x labels too wide to stand side by side are turned


def nice_ticks(top: Decimal, count: int = 4) -> list[Decimal]:
    """Round tick values from 0 to at least `top`, in `count` or `count + 1` steps of 1, 2, 2,5 or 5 times a power
    of ten, whichever ends lowest: 0, 1, 2, 3, 4, 5 for a top of 4,07; 0, 100.000, ..., 400.000 for 320.000."""
    top = Decimal(top)
    if top <= 0:
        top = Decimal(1)
    best = None
    for steps in (count, count + 1):
        raw = top / steps
        magnitude = Decimal(10) ** (len(str(int(raw))) - 1) if raw >= 1 else Decimal("0.1")
        while magnitude > raw:
            magnitude /= 10
        size = next(
            (magnitude * Decimal(f) for f in ("1", "2", "2.5", "5", "10") if magnitude * Decimal(f) * steps >= top),
            raw,
        )
        ticks = [size * i for i in range(steps + 1)]
        if best is None or ticks[-1] < best[-1]:
            best = ticks
    return best


_NARROW_CHARS, _WIDE_CHARS = set(" .,:;'’|!iljtf()[]/-"), set("mwMW%@")


def text_width(text: str, size: float = FONT) -> float:
    """An estimate of a label's width (there are no font metrics on the server), on the generous side so that a
    label fits in DejaVu Sans (the PDF's font) as well as in the pages' Noto Sans."""
    em = 0.0
    for char in text:
        if char in _NARROW_CHARS:
            em += 0.36
        elif char in _WIDE_CHARS:
            em += 0.92
        elif char.isdigit() or char == "€":
            em += 0.64
        elif char.isupper():
            em += 0.7
        else:
            em += 0.58
    return em * size


@dataclass(frozen=True)
class Series:
    """One line: a value per category (None: no point there; the line runs on to the next value)."""

    label: str
    values: Sequence[Decimal | None]
    colour: str = INK
    line: str = "solid"  # a key of DASHES, or "none" for markers only
    marker: str = "circle"  # one of MARKERS
    hollow: Sequence[bool] = ()  # per value: an open marker, e.g. a provisional figure
    width: float = 2


@dataclass(frozen=True)
class Reference:
    """A horizontal line across the plot at one value: a norm, a baseline."""

    label: str
    value: Decimal
    colour: str = MUTED
    line: str = "dotted"


@dataclass(frozen=True)
class LineChart:
    id: str  # unique on the page: the ids of <title> and <desc> derive from it
    title: str
    x_labels: Sequence[str]
    series: Sequence[Series]
    references: Sequence[Reference] = ()
    description: str = ""  # the figures in words; said per series when empty
    value_label: Callable[[Decimal], str] = number


@dataclass(frozen=True)
class BarSeries:
    """One bar per category; the series are told apart by `fill` (one of FILLS) and named in the legend."""

    label: str
    values: Sequence[Decimal | None]
    colour: str = INK
    fill: str = "solid"
    pale: str = PAPER  # the ground of an "outline" or "hatched" bar


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    categories: Sequence[str]
    series: Sequence[BarSeries]
    description: str = ""
    value_label: Callable[[Decimal], str] = euro


# ── pieces ───────────────────────────────────────────────────────────────────────────────────────────


def _f(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _text(x, y, text, *, cls, anchor="start", colour=INK, size=FONT, extra="") -> str:
    return (
        f'<text class="{cls}" x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}" font-size="{size}" fill="{colour}"'
        f"{extra}>{escape(text)}</text>"
    )


def _dash(line: str) -> str:
    dash = DASHES[line]
    return f' stroke-dasharray="{dash}"' if dash else ""


def _marker(kind: str, x: float, y: float, colour: str, *, hollow=False, cls="chart-point", size=4.5) -> str:
    fill = PAPER if hollow else colour
    paint = f'fill="{fill}" stroke="{colour}" stroke-width="2"'
    if kind == "circle":
        return f'<circle class="{cls}" cx="{_f(x)}" cy="{_f(y)}" r="{size}" {paint}/>'
    if kind == "square":
        side = size * 2
        return f'<rect class="{cls}" x="{_f(x - size)}" y="{_f(y - size)}" width="{side}" height="{side}" {paint}/>'
    if kind == "diamond":
        s = size * 1.25
        d = f"M{_f(x)} {_f(y - s)}L{_f(x + s)} {_f(y)}L{_f(x)} {_f(y + s)}L{_f(x - s)} {_f(y)}Z"
        return f'<path class="{cls}" d="{d}" {paint}/>'
    if kind == "triangle":
        s = size * 1.25
        d = f"M{_f(x)} {_f(y - s)}L{_f(x + s)} {_f(y + s * 0.8)}L{_f(x - s)} {_f(y + s * 0.8)}Z"
        return f'<path class="{cls}" d="{d}" {paint}/>'
    return ""


def _legend(entries: list[tuple[Callable[[float, float], str], str]], width: float, top: float) -> tuple[list, float]:
    """Legend entries (a symbol drawn at x, y and a label), left to right, wrapping onto more rows; its height."""
    parts, x, y, row = ['<g class="chart-legend">'], 4.0, top + 8, 20
    for symbol, label in entries:
        item = 28 + text_width(label) + 14
        if x > 4 and x + item > width:
            x, y = 4.0, y + row
        parts.append(symbol(x, y))
        parts.append(_text(x + 28, y + 4, label, cls="chart-legend-label"))
        x += item
    parts.append("</g>")
    return parts, (y + row - 4 - top) if entries else 0


def _open(chart_id: str, width: float, height: float, title: str, description: str) -> list[str]:
    return [
        f'<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(width)} {_f(height)}" '
        f'width="{_f(width)}" height="{_f(height)}" role="img" aria-labelledby="{chart_id}-t" '
        f'aria-describedby="{chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
        f'<rect x="0" y="0" width="{_f(width)}" height="{_f(height)}" fill="{PAPER}"/>',
    ]


def _wrap(text: str, width: float, max_lines: int = 2) -> list[str]:
    """A label in lines that fit `width`; what does not fit in `max_lines` ends in an ellipsis."""
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and text_width(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += "…"
    fitted = []
    for line in lines:
        while text_width(line) > width and len(line) > 2:
            line = line[:-2].rstrip() + "…"
        fitted.append(line)
    return fitted


# ── line chart ───────────────────────────────────────────────────────────────────────────────────────


def _line_description(chart: LineChart) -> str:
    words = []
    for series in chart.series:
        points = [
            f"{label} {chart.value_label(value)}"
            for label, value in zip(chart.x_labels, series.values, strict=True)
            if value is not None
        ]
        if points:
            words.append(f"{series.label}: {', '.join(points)}")
    words += [f"{reference.label} {chart.value_label(reference.value)}" for reference in chart.references]
    return "; ".join(words)


def line_chart(chart: LineChart, *, width: float = WIDE, plot_height: float = 150, id_suffix: str = "") -> str:
    """The series as lines with markers over the x labels, the references as horizontal lines, a legend on top;
    the y axis from 0 with round ticks. Empty string when there is nothing to draw."""
    values = [Decimal(v) for series in chart.series for v in series.values if v is not None]
    if not chart.x_labels or not values:
        return ""
    chart_id = f"{chart.id}{id_suffix}"
    ticks = nice_ticks(max([*values, *(Decimal(r.value) for r in chart.references)]) * Decimal("1.1"))
    tick_labels = [chart.value_label(tick) for tick in ticks]
    count = len(chart.x_labels)
    label_w = max(text_width(label) for label in chart.x_labels)
    left = max(text_width(label) for label in tick_labels) + 12
    pad = 10  # between the y axis and the first point
    right = max(12.0, label_w / 2 - pad + 6)
    step = (width - right - pad - left - pad) / (count - 1) if count > 1 else 0
    rotate = count > 1 and step < label_w + 8
    if rotate:
        slant = math.cos(math.radians(ROTATE))
        right = 12.0
        left = max(left, label_w * slant + 4 - pad)
        bottom = (label_w + FONT) * slant + 12
    else:
        bottom = FONT + 14

    entries = []
    for series in chart.series:

        def symbol(x, y, series=series):
            line = (
                ""
                if series.line == "none"
                else f'<line x1="{_f(x)}" y1="{_f(y)}" x2="{_f(x + 22)}" y2="{_f(y)}" stroke="{series.colour}" '
                f'stroke-width="{series.width}"{_dash(series.line)}/>'
            )
            return line + _marker(series.marker, x + 11, y, series.colour, cls="chart-legend-symbol")

        entries.append((symbol, series.label))
    for reference in chart.references:

        def rule(x, y, reference=reference):
            return (
                f'<line x1="{_f(x)}" y1="{_f(y)}" x2="{_f(x + 22)}" y2="{_f(y)}" stroke="{reference.colour}" '
                f'stroke-width="2"{_dash(reference.line)}/>'
            )

        entries.append((rule, reference.label))
    legend, legend_h = _legend(entries, width, 4)
    top = legend_h + 16
    height = top + plot_height + bottom
    x_first, x_last = left + pad, width - right - pad

    def x_of(index):
        return x_first + index * step if count > 1 else (x_first + x_last) / 2

    def y_of(value):
        return top + plot_height * (1 - float(Decimal(value) / ticks[-1]))

    parts = _open(chart_id, width, height, chart.title, chart.description or _line_description(chart))
    parts += legend
    parts.append('<g class="chart-grid">')
    for tick, label in zip(ticks, tick_labels, strict=True):
        y = y_of(tick)
        parts.append(
            f'<line x1="{_f(left)}" y1="{_f(y)}" x2="{_f(width - right)}" y2="{_f(y)}" stroke="{GRID}" '
            'stroke-width="1"/>'
        )
        parts.append(_text(left - 6, y + 4, label, cls="chart-y-label", anchor="end", colour=MUTED))
    parts.append("</g>")
    base = top + plot_height + FONT + 6
    for index, label in enumerate(chart.x_labels):
        x = x_of(index)
        if rotate:
            y = top + plot_height + 10
            turn = f' transform="rotate(-{ROTATE} {_f(x)} {_f(y)})"'
            parts.append(_text(x + 4, y + 4, label, cls="chart-x-label", anchor="end", colour=MUTED, extra=turn))
        else:
            parts.append(_text(x, base, label, cls="chart-x-label", anchor="middle", colour=MUTED))
    for reference in chart.references:
        y = y_of(reference.value)
        parts.append(
            f'<line class="chart-reference" x1="{_f(left)}" y1="{_f(y)}" x2="{_f(width - right)}" y2="{_f(y)}" '
            f'stroke="{reference.colour}" stroke-width="2"{_dash(reference.line)}/>'
        )
    for series in chart.series:
        hollow = list(series.hollow) + [False] * (count - len(series.hollow))
        points = [
            (x_of(index), y_of(value), hollow[index]) for index, value in enumerate(series.values) if value is not None
        ]
        parts.append(f'<g class="chart-series" data-series="{escape(series.label)}">')
        if len(points) > 1 and series.line != "none":
            coords = " ".join(f"{_f(x)},{_f(y)}" for x, y, _hollow in points)
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{series.colour}" stroke-width="{series.width}"'
                f"{_dash(series.line)}/>"
            )
        parts += [_marker(series.marker, x, y, series.colour, hollow=open_) for x, y, open_ in points]
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


# ── bar chart ────────────────────────────────────────────────────────────────────────────────────────

BAR, BAR_GAP, CATEGORY_GAP = 14, 3, 12


def _bar_paint(series: BarSeries, pattern_id: str) -> str:
    if series.fill == "solid":
        return f'fill="{series.colour}"'
    if series.fill == "hatched":
        return f'fill="url(#{pattern_id})" stroke="{series.colour}" stroke-width="1"'
    return f'fill="{series.pale}" stroke="{series.colour}" stroke-width="1"'


def _bar_description(chart: BarChart) -> str:
    return "; ".join(
        f"{category}: "
        + ", ".join(
            f"{series.label} {chart.value_label(series.values[index])}"
            for series in chart.series
            if series.values[index] is not None
        )
        for index, category in enumerate(chart.categories)
    )


def bar_chart(chart: BarChart, *, width: float = WIDE, id_suffix: str = "") -> str:
    """Per category its label (wrapped onto two lines at most) and under it one bar per series, with the value
    at the end of the bar; a legend on top and the value axis (from 0) at the foot."""
    if not chart.categories or not chart.series:
        return ""
    chart_id = f"{chart.id}{id_suffix}"
    values = [Decimal(v) for series in chart.series for v in series.values if v is not None]
    top_value = max(values, default=Decimal(0))
    ticks = nice_ticks(top_value)
    tick_labels = [chart.value_label(tick) for tick in ticks]
    value_w = max(text_width(chart.value_label(v)) for v in [*values, Decimal(0)]) + 10
    x0 = text_width(tick_labels[0]) / 2 + 6  # room for the first tick label, centred under the axis
    x1 = width - max(value_w, text_width(tick_labels[-1]) / 2 + 4)
    if (x1 - x0) / (len(ticks) - 1) < max(text_width(label) for label in tick_labels) + 8:
        ticks = nice_ticks(top_value, count=2)
        tick_labels = [chart.value_label(tick) for tick in ticks]
        x1 = width - max(value_w, text_width(tick_labels[-1]) / 2 + 4)
    span = float(ticks[-1])

    def x_of(value):
        return x0 + (x1 - x0) * float(Decimal(value)) / span

    defs = ["<defs>"]
    entries = []
    for number_, series in enumerate(chart.series):
        pattern_id = f"{chart_id}-p{number_}"
        if series.fill == "hatched":
            defs.append(
                f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="6" height="6">'
                f'<rect width="6" height="6" fill="{series.pale}"/>'
                f'<path d="M-1 1L1 -1M0 6L6 0M5 7L7 5" stroke="{series.colour}" stroke-width="1.5"/></pattern>'
            )

        def swatch(x, y, series=series, pattern_id=pattern_id):
            return f'<rect x="{_f(x + 4)}" y="{_f(y - 6)}" width="14" height="12" {_bar_paint(series, pattern_id)}/>'

        entries.append((swatch, series.label))
    defs.append("</defs>")
    legend, legend_h = _legend(entries, width, 4)

    rows, blocks, y = [], [], legend_h + 14
    for index, category in enumerate(chart.categories):
        for line in _wrap(category, width - x0 - 4):
            rows.append(_text(x0, y + FONT, line, cls="chart-category"))
            y += FONT + 4
        y += 3
        block_top = y - 2
        for number_, series in enumerate(chart.series):
            value = series.values[index]
            if value is not None:
                end = x_of(value)
                paint = _bar_paint(series, f"{chart_id}-p{number_}")
                rows.append(
                    f'<rect class="chart-bar" x="{_f(x0)}" y="{_f(y)}" width="{_f(end - x0)}" height="{BAR}" {paint}/>'
                )
                amount = chart.value_label(value)
                # On paper-coloured ground, so that a grid line does not run through the amount.
                rows.append(
                    f'<rect x="{_f(end + 3)}" y="{_f(y - 1)}" width="{_f(text_width(amount, FONT - 1) + 4)}" '
                    f'height="{BAR + 2}" fill="{PAPER}"/>'
                )
                rows.append(_text(end + 5, y + BAR - 3, amount, cls="chart-value", colour=INK, size=FONT - 1))
            y += BAR + BAR_GAP
        blocks.append((block_top, y - BAR_GAP + 2))
        y += CATEGORY_GAP
    axis = y - CATEGORY_GAP + 2
    height = axis + FONT + 10

    parts = _open(chart_id, width, height, chart.title, chart.description or _bar_description(chart))
    parts += defs if len(defs) > 2 else []
    parts += legend
    parts.append('<g class="chart-grid">')
    for tick, label in zip(ticks, tick_labels, strict=True):
        x = x_of(tick)
        # Grid lines behind the bars only, not through the category labels.
        parts += [
            f'<line x1="{_f(x)}" y1="{_f(start)}" x2="{_f(x)}" y2="{_f(end)}" stroke="{GRID}" stroke-width="1"/>'
            for start, end in blocks
        ]
        parts.append(_text(x, axis + FONT, label, cls="chart-x-label", anchor="middle", colour=MUTED))
    parts.append("</g>")
    parts += rows
    parts.append("</svg>")
    return "".join(parts)


# ── on a page ────────────────────────────────────────────────────────────────────────────────────────


def render(chart: LineChart | BarChart | None, *, width: float = WIDE, id_suffix: str = "", **options) -> str:
    """One SVG of the chart at `width` ("" for no chart); `options` go to line_chart (plot_height)."""
    if chart is None:
        return ""
    if isinstance(chart, LineChart):
        return line_chart(chart, width=width, id_suffix=id_suffix, **options)
    return bar_chart(chart, width=width, id_suffix=id_suffix)


def responsive(chart: LineChart | BarChart | None, *, wide: float = WIDE, narrow: float = NARROW, **options) -> str:
    """The chart drawn for a wide and for a narrow box; the page's CSS shows the one that fits ("" for no chart)."""
    wide_svg = render(chart, width=wide, **options)
    if not wide_svg:
        return ""
    narrow_svg = render(chart, width=narrow, id_suffix="-smal", **options)
    return (
        f'<div class="chart"><div class="chart__wide">{wide_svg}</div>'
        f'<div class="chart__narrow">{narrow_svg}</div></div>'
    )
