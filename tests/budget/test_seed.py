"""The budget of seed 004 (chapter 7) is in vsvplan to the euro: every line, every theme total and the two
totals rows reconcile, and the numbers are the seed's own."""

import re
from decimal import Decimal

from budget.demo.loader import read_budget
from budget.models import BudgetAmount, BudgetChange, BudgetLine
from budget.selectors import budget_overview
from projects.models import Programme

from .conftest import TODAY

YEARS = [2021, 2022, 2023, 2024]


def _amounts(line):
    return [None if line["amounts"][y] is None else Decimal(line["amounts"][y]) for y in YEARS]


def test_every_line_and_theme_total_reconciles_in_the_yaml():
    data = read_budget()
    for section in data["sections"]:
        for line in section["lines"]:
            assert sum(a for a in _amounts(line) if a is not None) == line["total"], line["description"]
        if section["total"]:
            for year in YEARS:
                per_year = sum((line["amounts"][year] or 0) for line in section["lines"])
                assert per_year == section["total"][year], (section["title"], year)
            assert sum(section["total"][y] for y in YEARS) == section["total"]["total"]
    grand = {y: sum(line["amounts"][y] or 0 for s in data["sections"] for line in s["lines"]) for y in YEARS}
    totals = {row["label"]: row for row in data["totals"]}
    assert grand == totals["Totaal Projecten"]["amounts"]
    assert sum(grand.values()) == totals["Totaal Projecten"]["total"] == 3464156
    zwolle = {
        y: sum(
            line["amounts"][y] or 0
            for s in data["sections"]
            for line in s["lines"]
            if line["recipient"] == "contactgemeente Zwolle"
        )
        for y in YEARS
    }
    assert (
        zwolle
        == totals["Tbv contactgemeente Zwolle"]["amounts"]
        == {2021: 599500, 2022: 640788, 2023: 574500, 2024: 562000}
    )
    assert sum(zwolle.values()) == 2376788


def _euros(text):
    return [int(amount.replace(".", "")) for amount in re.findall(r"€ ([\d.]+)", text)]


def test_the_yaml_holds_the_seed_lines_as_printed(seed004):
    """Each line of the table occurs in the seed with the same amounts in the same order (empty years left out)."""
    seed = seed004
    start = seed.index("2021 2022 2023 2024 totaal")
    table = seed[start : seed.index("Geel: Werkbudget", start)].splitlines()
    printed = {}
    for row in table:
        if "€" in row:
            label = row[: row.index("€")].strip()
            printed.setdefault(label, _euros(row))
    data = read_budget()
    for section in data["sections"]:
        for line in section["lines"]:
            expected = [int(a) for a in _amounts(line) if a is not None] + [line["total"]]
            assert printed[line["description"]] == expected, line["description"]
        if section["total"]:
            heading = next(label for label in printed if label.startswith(section["title"]))
            assert printed[heading] == [section["total"][y] for y in YEARS] + [section["total"]["total"]]
    for row in data["totals"]:
        assert printed[row["label"]] == [row["amounts"][y] for y in YEARS] + [row["total"]]


def test_load_demo_loads_the_budget_to_the_euro(demo):
    overview = budget_overview(programme=demo, today=TODAY)
    assert overview.years == YEARS
    assert [overview.total.current[y] for y in YEARS] == [871342, 912630, 846342, 833842]
    assert overview.total.current_total == Decimal("3464156")
    assert [overview.municipality_total.current[y] for y in YEARS] == [599500, 640788, 574500, 562000]
    assert overview.municipality_total.current_total == Decimal("2376788")
    assert overview.municipality_label == "Tbv contactgemeente Zwolle"
    themes = {block.section.title: block.figures for block in overview.sections}
    assert [themes["2. Overstapmomenten en jongeren in beeld"].current[y] for y in YEARS] == [
        189500,
        187000,
        164500,
        157000,
    ]
    assert themes["3. Preventie en ondersteuning"].current_total == 520000  # excl. Plusvoorziening
    assert themes["5. Onderzoek, monitoring maatregelen en vervolg"].current_total == 173788
    assert BudgetLine.objects.filter(programme=demo).count() == 18
    # Empty years are empty, not zero; printed zeros are zero.
    netwerkcafes = BudgetLine.objects.get(programme=demo, description="Netwerkcafe's")
    assert not BudgetAmount.objects.filter(line=netwerkcafes, year=2024).exists()
    smp = BudgetLine.objects.get(programme=demo, description__startswith="Evalueren en onderzoek")
    assert BudgetAmount.objects.get(line=smp, year=2024).amount == 0


def test_demo_lines_serve_the_right_projects_and_recipients(demo):
    assert BudgetLine.objects.get(programme=demo, description="Verzuimaanpak 3.0").project.code == "3.2"
    plus = BudgetLine.objects.get(programme=demo, description="Plusvoorziening")
    assert (plus.project.code, plus.recipient, plus.kind) == ("3.3", "contactschool", "plusvoorziening")
    assert BudgetLine.objects.get(programme=demo, description="Regelruimte nieuwe maatregelen").kind == "regelruimte"
    assert BudgetLine.objects.filter(programme=demo, kind="werkbudget", project__isnull=True).count() == 2


def test_load_demo_twice_writes_nothing_new(demo):
    from dashboards.demo import load_demo

    def snapshot():
        return (
            list(BudgetAmount.objects.order_by("pk").values_list("pk", "year", "amount")),
            list(BudgetLine.objects.order_by("pk").values_list("pk", "description", "position")),
            BudgetAmount.history.count(),
            BudgetLine.history.count(),
            BudgetChange.objects.count(),
        )

    before = snapshot()
    load_demo()
    assert snapshot() == before
    assert Programme.objects.count() == 2  # 2020–2024 and the example 2026–2029 started from it
