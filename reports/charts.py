"""Charts drawn on the server as SVG, so the same picture appears on the web page and in the PDF.

Pure: plain data from a report's content in, SVG markup out. Each chart carries a <title> and a <desc>
that says the same figures in words, and the report shows them in a table as well.
"""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape

INK, MUTED, GRID = "#1f2937", "#4b5563", "#d1d5db"
ACTUAL, TARGET, NORM = "#1d4ed8", "#b45309", "#6b7280"
BUDGET_FILL, SPENT_FILL = "#bfdbfe", "#1e3a8a"


def _number(value, decimals=2) -> str:
    return number_format(Decimal(value), decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _fmt(value, unit: str) -> str:
    if value is None:
        return "—"
    value = Decimal(value)
    if unit == "percentage":
        return f"{_number(value)}%"
    return _number(value, 0 if value == value.to_integral_value() else 2)


def _ticks(top: Decimal, count: int = 4) -> list[Decimal]:
    """Round tick values from 0 to at least `top`."""
    if top <= 0:
        top = Decimal(1)
    raw = top / count
    magnitude = Decimal(10) ** (len(str(int(raw))) - 1) if raw >= 1 else Decimal("0.1")
    while magnitude > raw:
        magnitude /= 10
    for step in (1, 2, 2.5, 5, 10):
        size = magnitude * Decimal(str(step))
        if size * count >= top:
            return [size * i for i in range(count + 1)]
    return [raw * i for i in range(count + 1)]


def kpi_chart(row: dict, width: int = 560, height: int = 230) -> str:
    """The indicator's figures per school year (line), its targets (dashed) and the national norm (dotted)."""
    series = [year for year in row["series"] if year["actual"] is not None or year["target"] is not None]
    unit = row["unit"]
    title = escape(row["name"])
    if not series:
        return ""
    left, right, top, bottom = 64, 40, 34, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    starts = [int(year["school_year"][:4]) for year in series]
    first, last = min(starts), max(starts)
    span = max(last - first, 1)
    values = [Decimal(v) for year in series for v in (year["actual"], year["target"]) if v is not None]
    if row.get("norm") is not None:
        values.append(Decimal(row["norm"]))
    ticks = _ticks(max(values) * Decimal("1.1") if values else Decimal(1))
    y_max = ticks[-1]

    def x(start):
        return left + (plot_w * (start - first) / span if last > first else plot_w / 2)

    def y(value):
        return top + plot_h * (1 - float(Decimal(value) / y_max))

    parts = [
        f'<svg class="report-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="chart-{row["code"]}-t chart-{row["code"]}-d">',
        f'<title id="chart-{row["code"]}-t">{title}</title>',
    ]
    words = []
    for year in series:
        piece = [year["school_year"]]
        if year["actual"] is not None:
            piece.append(f"cijfer {_fmt(year['actual'], unit)}{' (voorlopig)' if year['provisional'] else ''}")
        if year["target"] is not None:
            piece.append(f"streefcijfer {_fmt(year['target'], unit)}")
        words.append(" ".join(piece))
    if row.get("norm") is not None:
        words.append(f"landelijke norm {_fmt(row['norm'], unit)}")
    parts.append(f'<desc id="chart-{row["code"]}-d">{escape("; ".join(words))}</desc>')
    parts.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>')
    for tick in ticks:
        ty = y(tick)
        parts.append(
            f'<line x1="{left}" y1="{ty:.1f}" x2="{width - right}" y2="{ty:.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11" fill="{MUTED}">'
            f"{escape(_fmt(tick, unit))}</text>"
        )
    for year, start in zip(series, starts, strict=True):
        parts.append(
            f'<text x="{x(start):.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="11" '
            f'fill="{MUTED}">{escape(year["school_year"])}</text>'
        )
    if row.get("norm") is not None:
        ny = y(row["norm"])
        parts.append(
            f'<line x1="{left}" y1="{ny:.1f}" x2="{width - right}" y2="{ny:.1f}" stroke="{NORM}" '
            'stroke-width="1.5" stroke-dasharray="2 3"/>'
        )
    targets = [(x(s), y(v["target"])) for v, s in zip(series, starts, strict=True) if v["target"] is not None]
    if len(targets) > 1:
        points = " ".join(f"{px:.1f},{py:.1f}" for px, py in targets)
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{TARGET}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
    for px, py in targets:
        parts.append(
            f'<rect x="{px - 4:.1f}" y="{py - 4:.1f}" width="8" height="8" fill="{TARGET}" '
            f'transform="rotate(45 {px:.1f} {py:.1f})"/>'
        )
    actuals = [(x(s), y(v["actual"]), v["provisional"]) for v, s in zip(series, starts, strict=True) if v["actual"]]
    if len(actuals) > 1:
        points = " ".join(f"{px:.1f},{py:.1f}" for px, py, _p in actuals)
        parts.append(f'<polyline points="{points}" fill="none" stroke="{ACTUAL}" stroke-width="2.5"/>')
    for px, py, provisional in actuals:
        fill = "#ffffff" if provisional else ACTUAL
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4.5" fill="{fill}" stroke="{ACTUAL}" stroke-width="2"/>')
    # Legend: symbol and word, so the lines are told apart without colour.
    lx = left
    parts.append(f'<circle cx="{lx + 5}" cy="14" r="4.5" fill="{ACTUAL}"/>')
    parts.append(f'<text x="{lx + 14}" y="18" font-size="11" fill="{INK}">cijfer (open rondje: voorlopig)</text>')
    lx += 200
    parts.append(f'<rect x="{lx + 1}" y="10" width="8" height="8" fill="{TARGET}" transform="rotate(45 {lx + 5} 14)"/>')
    parts.append(f'<text x="{lx + 14}" y="18" font-size="11" fill="{INK}">streefcijfer</text>')
    if row.get("norm") is not None:
        lx += 90
        parts.append(
            f'<line x1="{lx}" y1="14" x2="{lx + 12}" y2="14" stroke="{NORM}" stroke-width="2" stroke-dasharray="2 3"/>'
        )
        parts.append(f'<text x="{lx + 16}" y="18" font-size="11" fill="{INK}">landelijke norm</text>')
    parts.append("</svg>")
    return "".join(parts)


def budget_chart(sections: list[dict], year: int, width: int = 560) -> str:
    """Per theme: the year's budget (light bar) and what was spent (dark bar inside it)."""
    sections = [section for section in sections if section["budget"] is not None or Decimal(section["spent"])]
    if not sections:
        return ""
    label_w, right, row_h, top = 224, 90, 30, 30
    height = top + row_h * len(sections) + 10
    plot_w = width - label_w - right
    biggest = max(max(Decimal(s["budget"] or 0), Decimal(s["spent"] or 0)) for s in sections) or Decimal(1)
    words = "; ".join(
        f"{s['title']}: begroot € {_number(s['budget'] or 0, 0)}, besteed € {_number(s['spent'], 0)}" for s in sections
    )
    parts = [
        f'<svg class="report-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="budget-chart-t budget-chart-d">',
        f'<title id="budget-chart-t">Begroot en besteed per thema in {year}</title>',
        f'<desc id="budget-chart-d">{escape(words)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        f'<rect x="{label_w}" y="6" width="12" height="12" fill="{BUDGET_FILL}" stroke="{SPENT_FILL}"/>',
        f'<text x="{label_w + 18}" y="16" font-size="11" fill="{INK}">begroot</text>',
        f'<rect x="{label_w + 80}" y="6" width="12" height="12" fill="{SPENT_FILL}"/>',
        f'<text x="{label_w + 98}" y="16" font-size="11" fill="{INK}">besteed</text>',
    ]
    for index, section in enumerate(sections):
        y = top + index * row_h
        budget, spent = Decimal(section["budget"] or 0), Decimal(section["spent"] or 0)
        bw = float(budget / biggest) * plot_w
        sw = float(spent / biggest) * plot_w
        title = section["title"] if len(section["title"]) <= 32 else section["title"][:31] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" font-size="11" fill="{INK}">{escape(title)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 2}" width="{bw:.1f}" height="18" fill="{BUDGET_FILL}" stroke="{SPENT_FILL}" '
            'stroke-width="0.5"/>'
        )
        if sw:
            parts.append(f'<rect x="{label_w}" y="{y + 6}" width="{sw:.1f}" height="10" fill="{SPENT_FILL}"/>')
        parts.append(
            f'<text x="{label_w + max(bw, sw) + 6:.1f}" y="{y + 15}" font-size="11" fill="{MUTED}">'
            f"€ {escape(_number(budget, 0))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
