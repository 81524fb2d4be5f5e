"""load_demo adds the nine IJssel-Vecht KPIs from the checked YAML, with the seed's own figures, and is idempotent."""

from decimal import Decimal

from dashboards.demo import load_demo
from indicators.demo.loader import read_streefcijfers
from indicators.models import ImportRun, Indicator, Measurement, Target


def test_nine_indicators_with_targets_stored_against_the_school_year_they_measure(demo):
    assert Indicator.objects.filter(programme=demo).count() == 9
    niveau3 = Indicator.objects.get(code="mbo-niveau-3")
    assert (niveau3.baseline, niveau3.norm, niveau3.norm_school_year) == (Decimal("3.72"), Decimal("3.6"), "2024-2025")
    assert dict(niveau3.targets.values_list("school_year", "value")) == {
        "2020-2021": Decimal("3.70"),
        "2021-2022": Decimal("3.50"),
        "2022-2023": Decimal("3.30"),
        "2023-2024": Decimal("3.20"),
    }
    school = Indicator.objects.get(code="terugkeer-school")
    assert (school.direction, school.norm) == ("higher", None)


def test_seed_figures_arrive_through_the_duo_importer_once(demo):
    figure = Measurement.objects.get(indicator__code="mbo-niveau-4", school_year="2018-2019")
    assert (figure.value, figure.numerator, figure.denominator) == (Decimal("3.70"), 281, 7595)
    assert figure.finality == Measurement.Finality.UNSTATED  # Tabel 3 does not say voorlopig or definitief
    assert figure.source == Measurement.Source.IMPORT and "seed 004, Bijlage 1, Tabel 3" in figure.source_detail
    assert figure.import_run.source == ImportRun.Source.DEMO
    work = Measurement.objects.get(indicator__code="terugkeer-werk", school_year="2018-2019")
    assert (work.value, work.numerator, work.denominator, work.is_provisional) == (Decimal("36"), 216, 608, True)
    # One figure per indicator and school year: the seed's 2018-2019 (and Tabel 4's earlier years), then demo years.
    assert Measurement.objects.filter(school_year="2018-2019").count() == 9
    assert set(Measurement.objects.values_list("school_year", flat=True)) >= {"2019-2020", "2023-2024"}
    assert "demo" in Measurement.objects.get(indicator__code="mbo-niveau-4", school_year="2023-2024").source_detail


def test_load_demo_twice_adds_no_rows_and_no_history(demo):
    def counts():
        return [m.objects.count() for m in (Indicator, Target, Measurement, ImportRun)] + [
            m.history.count() for m in (Indicator, Target, Measurement)
        ]

    before = counts()
    load_demo()
    assert counts() == before


def test_yaml_figures_are_the_seeds(seed004):
    text = seed004
    for item in read_streefcijfers()["indicators"]:
        for value in [item["baseline"], *item["targets"].values()]:
            assert f"{Decimal(value):.2f}".replace(".", ",") in text or f"{Decimal(value):.0f}%" in text
