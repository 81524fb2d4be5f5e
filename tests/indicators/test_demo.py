"""load_demo adds the nine IJssel-Vecht KPIs from the checked YAML, the national norms per school year, the seed's
own figures (with Bijlage 1's breakdowns per leerweg and seed 000's national figures), and is idempotent."""

from decimal import Decimal

from dashboards.demo import load_demo
from indicators.demo.loader import read_streefcijfers
from indicators.models import Figure, ImportRun, Indicator, Norm, Target


def test_nine_indicators_with_targets_stored_against_the_school_year_they_measure(demo):
    assert Indicator.objects.filter(programme=demo).count() == 9
    niveau3 = Indicator.objects.get(programme=demo, code="mbo-niveau-3")
    assert (niveau3.baseline, niveau3.category_id, niveau3.area.key) == (Decimal("3.72"), "mbo-niveau-3", "regio-10")
    assert dict(niveau3.targets.values_list("school_year", "value")) == {
        "2020-2021": Decimal("3.70"),
        "2021-2022": Decimal("3.50"),
        "2022-2023": Decimal("3.30"),
        "2023-2024": Decimal("3.20"),
    }
    school = Indicator.objects.get(programme=demo, code="terugkeer-school")
    assert school.direction == "higher" and not Norm.objects.filter(category=school.category).exists()


def test_norms_per_school_year_from_seeds_000_and_004(demo):
    norms = {(n.category_id, n.school_year): n.value for n in Norm.objects.all()}
    # seed 000 Tabel 2 (2017-2018 to 2019-2020), seed 004 Tabel 2 (VO 2018-2019), hoofdstuk 4.1 (2024-2025)
    assert norms[("mbo-niveau-1", "2017-2018")] == Decimal("27.50")
    assert norms[("mbo-niveau-1", "2018-2019")] == Decimal("26.40")
    assert norms[("mbo-niveau-1", "2024-2025")] == Decimal("22")
    assert norms[("vo-bovenbouw-vmbo", "2018-2019")] == Decimal("1.00")
    assert norms[("vo-bovenbouw-vmbo", "2024-2025")] == Decimal("0.90")
    assert len(norms) == 12 + 3 + 7


def test_seed_figures_arrive_through_the_duo_importer_once(demo):
    totals = Figure.objects.filter(area_kind="regio", area_code="10", breakdown="")
    figure = totals.get(category_id="mbo-niveau-4", school_year="2018-2019")
    assert (figure.value, figure.numerator, figure.denominator) == (Decimal("3.70"), 281, 7595)
    assert figure.finality == Figure.Finality.UNSTATED  # Tabel 3 does not say voorlopig or definitief
    assert figure.source == Figure.Source.IMPORT and "seed 004, Bijlage 1, Tabel 3" in figure.source_detail
    assert figure.import_run.source == ImportRun.Source.DEMO and figure.import_run.programme is None
    work = totals.get(category_id="terugkeer-werk", school_year="2018-2019")
    assert (work.value, work.numerator, work.denominator, work.is_provisional) == (Decimal("36"), 216, 608, True)
    # One total per category and school year: the seed's 2018-2019 (the nine KPIs' categories and Totaal VO and
    # Totaal MBO of Bijlage 1), then the demo years.
    assert totals.filter(school_year="2018-2019").count() == 9 + 2
    assert set(totals.values_list("school_year", flat=True)) >= {"2019-2020", "2023-2024"}
    assert "demo" in totals.get(category_id="mbo-niveau-4", school_year="2023-2024").source_detail
    # Bijlage 1 per leerweg, as breakdowns of the 2018-2019 totals.
    bbl3 = Figure.objects.get(category_id="mbo-niveau-3", breakdown="leerweg", breakdown_value="Bbl3")
    assert (bbl3.area_code, bbl3.school_year, bbl3.numerator, bbl3.denominator) == ("10", "2018-2019", 30, 899)
    assert Figure.objects.filter(breakdown="leerweg").count() == 20
    # Seed 000's national percentages (no counts).
    nation = Figure.objects.get(area_kind="land", category_id="mbo-niveau-1", school_year="2018-2019")
    assert (nation.value, nation.numerator) == (Decimal("23.26"), None)


def test_load_demo_twice_adds_no_rows_and_no_history(demo):
    def counts():
        return [m.objects.count() for m in (Indicator, Target, Figure, Norm, ImportRun)] + [
            m.history.count() for m in (Indicator, Target, Figure, Norm)
        ]

    before = counts()
    load_demo()
    assert counts() == before


def test_yaml_figures_are_the_seeds(seed004):
    text = seed004
    for item in read_streefcijfers()["indicators"]:
        for value in [item["baseline"], *item["targets"].values()]:
            assert f"{Decimal(value):.2f}".replace(".", ",") in text or f"{Decimal(value):.0f}%" in text
