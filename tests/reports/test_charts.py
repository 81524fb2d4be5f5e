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


def test_kpi_chart_draws_the_figures_and_says_them_in_words():
    svg = kpi_chart(ROW)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="chart-mbo-niveau-3-t">VSV MBO niveau 3</title>' in svg
    # The description reads the same figures the Dutch way, provisional marked.
    assert "2018-2019 cijfer 3,72%" in svg and "2021-2022 cijfer 3,40% (voorlopig) streefcijfer 3,50%" in svg
    assert "landelijke norm 3,60%" in svg
    assert svg.count("<circle") == 3  # two figures and the legend
    assert "<polyline" in svg  # the line through the figures and the target line


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
