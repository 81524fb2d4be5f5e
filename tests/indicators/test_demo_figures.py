"""The demo figures files (indicators/demo/duo_*.csv) read cleanly, and their seed rows are the seed's figures."""

from decimal import Decimal
from pathlib import Path

import yaml

from indicators.importers.duo import read_vsv_file

DEMO = Path(__file__).resolve().parents[2] / "indicators" / "demo"
SEED = yaml.safe_load((DEMO / "streefcijfers.yaml").read_text(encoding="utf-8"))
CODES = {indicator["category"]: indicator["code"] for indicator in SEED["indicators"]}


def test_vsv_demo_file_reads_cleanly_and_its_2018_2019_rows_are_seed_004(demo):
    result = read_vsv_file((DEMO / "duo_vsv_regio10.csv").read_bytes())
    assert result.errors == [] and result.warnings == []
    years = sorted({row.school_year for row in result.rows})
    assert years == ["2018-2019", "2019-2020", "2020-2021", "2021-2022", "2022-2023", "2023-2024"]
    assert len(result.rows) == 6 * 7
    rows = {row.category_code: row for row in result.rows if row.school_year == "2018-2019"}
    seed_rows = [
        figure
        for figure in SEED["figures"]
        if figure["leerweg"] is None and figure["school_year"] == "2018-2019" and figure["category"] in CODES
    ]
    assert len(seed_rows) == 7
    for figure in seed_rows:
        row = rows[CODES[figure["category"]]]
        assert (row.participants, row.dropouts, row.percentage) == (
            figure["participants"],
            figure["dropouts"],
            Decimal(figure["percentage"]),
        )
    baselines = {indicator["code"]: Decimal(indicator["baseline"]) for indicator in SEED["indicators"]}
    assert all(rows[code].percentage == baselines[code] for code in rows)


def test_one_year_later_demo_file_matches_seed_004_tabel_4(demo):
    result = read_vsv_file((DEMO / "duo_een_jaar_later_regio10.csv").read_bytes())
    assert result.errors == [] and result.one_year_later
    rows = {row.school_year: row for row in result.rows}
    for entry, year in zip(SEED["one_year_later"], ["2015-2016", "2016-2017", "2017-2018", "2018-2019"], strict=True):
        row = rows[year]
        assert (row.participants, row.dropouts, row.back_in_education, row.working) == (
            entry["start_population"],
            entry["dropouts"],
            entry["back_in_education"],
            entry["working"],
        )
        values = {value.category_code: value.value_pct for value in row.figure_values()}
        assert round(values["terugkeer-school"]) == int(entry["share_back_in_education"])
        assert round(values["terugkeer-werk"]) == int(entry["share_working"])
    assert rows["2018-2019"].status == "voorlopig"


def test_leerweg_demo_file_is_seed_004_bijlage_1_with_its_two_misprints_corrected_and_said(demo):
    """Tabel 2 and 3 as breakdowns per leerweg: every row of the transcription, the category totals as the seed
    prints them (so they agree with the sum of their parts: no warning), and the two corrected counts named."""
    result = read_vsv_file((DEMO / "duo_vsv_regio10_leerweg.csv").read_bytes())
    assert result.errors == [] and result.warnings == []
    assert result.breakdown == "leerweg" and result.derived_totals == 0
    rows = {(row.category_code, row.breakdown_value): row for row in result.rows}
    corrected = {("VO bovenbouw havo/vwo", "Vavo-vwo"): 55, ("MBO niveau 2", "Bbl2"): 839}
    seed_rows = [
        figure
        for figure in SEED["figures"]
        if figure["school_year"] == "2018-2019" and figure["category"] in {*CODES, "Totaal VO", "Totaal MBO"}
    ]
    assert len(seed_rows) == 7 * 1 + 20 + 2  # seven category totals, twenty leerwegen, the VO and MBO totals
    codes = {**CODES, "Totaal VO": "totaal-vo", "Totaal MBO": "totaal-mbo"}
    for figure in seed_rows:
        row = rows[(codes[figure["category"]], figure["leerweg"] or "")]
        participants = corrected.get((figure["category"], figure["leerweg"]), figure["participants"])
        assert (row.participants, row.dropouts, row.percentage) == (
            participants,
            figure["dropouts"],
            Decimal(figure["percentage"]),
        )
        if (figure["category"], figure["leerweg"]) in corrected:
            assert f"gedrukt als {figure['participants']}" in row.note
    assert len(result.rows) == len(seed_rows) and result.rows_skipped == 2  # "MBO onbekend" and its subtotal
