"""The KPI dashboard and indicator pages: the seed's figures, statuses, export, permissions and query counts."""

import csv
import io
import re
from datetime import timedelta
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators import selectors
from indicators import services as kpi_services
from indicators.demo.loader import read_streefcijfers
from indicators.models import Category, Figure, Indicator, Norm, Target
from indicators.selectors import Revision
from projects.models import Region
from tests.factories import FigureFactory
from tests.urls import reverse

ANON, MANAGER, STEERING, LEADER, ADMIN = None, "programmamanager", "stuurgroep", "projectleider", "beheerder"
SEED = read_streefcijfers()


def _dutch(value: str) -> str:
    return f"{Decimal(value):.2f}".replace(".", ",") + "%"


def _row(html: str, name: str) -> str:
    """The dashboard table row of one indicator."""
    start = html.index(f">{name}</a>")
    return html[start : html.index("</tr>", start)]


def test_dashboard_2024_shows_the_seeds_baselines_and_targets(steering_client):
    html = steering_client.get(reverse("kpi_dashboard"), {"jaar": "2023-2024"}).content.decode()
    assert '<h1 class="utrecht-heading-1">KPI\'s voortgang programma</h1>' in html
    assert len(SEED["indicators"]) == 9
    for item in SEED["indicators"]:
        row = _row(html, item["name"].replace("’", "’"))
        assert _dutch(item["baseline"]) in row
        assert _dutch(item["targets"][2024]) in row
        assert "4e streefpercentage 1-10-2024" in row
        assert "voorlopig" in row  # the demo file's 2023-2024 figures are provisional
    # Spot checks against the plan's own text (hoofdstuk 4.1), as a person would read them.
    assert "17,92%" in _row(html, "VSV MBO niveau 1") and "15,00%" in _row(html, "VSV MBO niveau 1")
    # The plan's norms are for 2024-2025; the seeds give none for 2023-2024, so the year shows none.
    assert "22,00%" not in _row(html, "VSV MBO niveau 1")
    assert "27,00%" in _row(html, "Terugkeer VSV’ers naar school") and "40,00%" in _row(
        html, "Terugkeer VSV’ers naar school"
    )


def test_every_year_shows_the_norm_and_the_national_figure_of_that_year(steering_client):
    """Seed 004 Tabel 3 and seed 000 Tabel 2: in 2018-2019 the norm for MBO niveau 1 was 26,40% (the 22,00% of
    the plan is the norm for 2024-2025), and the nation stood at 23,26%."""
    html = steering_client.get(reverse("kpi_dashboard"), {"jaar": "2018-2019"}).content.decode()
    row = _row(html, "VSV MBO niveau 1")
    assert "26,40%" in row and "23,26%" in row and "22,00%" not in row
    row = _row(html, "VSV MBO niveau 3")
    assert "3,20%" in row and "4,21%" in row
    page = steering_client.get(reverse("indicator_detail", kwargs={"code": "mbo-niveau-1"})).content.decode()
    table = page[page.index('id="jaar-2017-2018"') :]
    assert "27,50%" in table[: table.index("</tr>")]  # seed 000: the 2017-2018 norm
    assert "26,20%" in page[page.index('id="jaar-2019-2020"') :].split("</tr>")[0]
    assert "22,00%" in page[page.index('id="jaar-2024-2025"') :].split("</tr>")[0]


def test_default_year_is_the_last_target_year_and_groups_are_in_order(steering_client):
    html = steering_client.get(reverse("kpi_dashboard")).content.decode()
    assert 'value="2023-2024" selected' in html
    assert html.index('id="groep-vo"') < html.index('id="groep-mbo"') < html.index('id="groep-terugkeer"')


def test_first_target_year_shows_both_labels(steering_client):
    html = steering_client.get(reverse("kpi_dashboard"), {"jaar": "2020-2021"}).content.decode()
    assert "1e streefpercentage 1-10-2021" in _row(html, "VSV MBO niveau 3")
    assert "3,70%" in _row(html, "VSV MBO niveau 3")
    assert "2020-2021 (peildatum 1-10-2021)" in html


def test_entered_figure_gives_a_status_with_word_and_icon(steering_client, demo):
    Figure.objects.filter(school_year="2023-2024").delete()  # start from a year without figures
    FigureFactory(category_id="mbo-niveau-3", value=Decimal("3.25"))
    html = steering_client.get(reverse("kpi_dashboard"), {"jaar": "2023-2024"}).content.decode()
    row = _row(html, "VSV MBO niveau 3")
    assert "3,25%" in row and "voorlopig" in row
    assert "badge--risk" in row and "risico" in row and "!" in row
    assert "t.o.v. 2022-2023 (beter)" in row  # trend against the demo file's 3,61%
    # "Terug naar werk": target 25% below the 36% baseline; 30% meets it, so "op koers", honestly noted.
    FigureFactory(category_id="terugkeer-werk", value=Decimal("30"))
    row = _row(steering_client.get(reverse("kpi_dashboard")).content.decode(), "Terugkeer VSV’ers naar werk")
    assert "op koers" in row and "badge--ok" in row and "nulmeting haalt dit streefcijfer al" in row
    assert "slechter dan de nulmeting" in row


def test_indicator_page_has_a_chart_and_the_same_figures_in_a_table(steering_client):
    response = steering_client.get(reverse("indicator_detail", kwargs={"code": "mbo-niveau-4"}))
    html = response.content.decode()
    # The chart is SVG drawn on the server (wide and narrow), no script: years, figures, targets, the nation, the
    # norm of each year (seed 000 for 2017-2020, the plan's for 2024-2025) and the baseline.
    wide = html[html.index('<div class="chart__wide">') : html.index('<div class="chart__narrow">')]
    assert html.count('role="img"') == 2 and "<script" not in html.split("</main>")[0].split("<main")[-1]
    assert '<title id="chart-mbo-niveau-4-t">Grafiek van VSV MBO niveau 4 per schooljaar</title>' in wide
    x_labels = re.findall(r'class="chart-x-label"[^>]*>([^<]+)<', wide)
    assert x_labels[0] == "2017-2018" and x_labels[-1] == "2024-2025"
    description = re.search(r"<desc[^>]*>([^<]+)</desc>", wide)[1]
    assert description.startswith("2017-2018 Nederland 3,34% landelijke norm 2,75%; 2018-2019 cijfer 3,70% ")
    assert "2019-2020 cijfer 3,55% Nederland 2,92% landelijke norm 2,55%" in description
    assert "2023-2024 cijfer 3,06% (voorlopig) streefcijfer 3,00%; 2024-2025 landelijke norm 3,00%" in description
    assert description.endswith("nulmeting 3,70%")
    # figure, target, the nation and the norm as lines; only the baseline is one value across
    assert wide.count('class="chart-series"') == 4 and wide.count('class="chart-reference"') == 1
    assert "chart.umd.min.js" not in html and "kpi-chart.js" not in html
    assert "1e streefpercentage 1-10-2021" in html and "3,50%" in html
    assert "281 / 7.595" in html
    assert "cijfers aangeleverd in maart 2020" in html and "schooljaar 2024-2025" in html


def test_unknown_indicator_is_404(steering_client):
    assert steering_client.get(reverse("indicator_detail", kwargs={"code": "bestaat-niet"})).status_code == 404


def test_dashboard_exports_csv_and_xlsx(steering_client):
    """Dutch Excel opens the CSV in columns with 3,72 as a number; programs get 3.72; the XLSX holds numbers with
    a percentage format (0,0372 shown as 3,72%)."""
    url = reverse("kpi_dashboard")
    response = steering_client.get(url, {"jaar": "2023-2024", "_export": "csv"})
    assert response["Content-Type"].startswith("text/csv") and response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, niveau3 = rows[0], next(row for row in rows if row[1] == "VSV MBO niveau 3")
    assert header[:5] == ["Groep", "Indicator", "Schooljaar", "Nulmeting", "Streefcijfer"] and len(rows) == 10
    assert [niveau3[header.index(name)] for name in ("Nulmeting", "Streefcijfer", "Cijfer")] == ["3,72", "3,2", "3,71"]
    assert "4e streefpercentage 1-10-2024" in niveau3

    plain = steering_client.get(url, {"jaar": "2023-2024", "_export": "csv-punt"}).content.decode()
    rows = list(csv.reader(io.StringIO(plain)))
    assert next(row for row in rows if row[1] == "VSV MBO niveau 3")[header.index("Cijfer")] == "3.71"

    xlsx = steering_client.get(url, {"jaar": "2023-2024", "_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(values_only=False))
    titles = [cell.value for cell in values[0]]
    row = next(cells for cells in values if cells[1].value == "VSV MBO niveau 3")
    cell = row[titles.index("Cijfer")]
    assert cell.value == pytest.approx(0.0371) and cell.number_format == "0.00%"


def test_empty_programme_has_an_empty_state(manager_client):
    Indicator.objects.all().delete()
    html = manager_client.get(reverse("kpi_dashboard")).content.decode()
    assert "nog geen indicatoren" in html


PAGES = [
    ("kpi_dashboard", {}, {MANAGER, STEERING, LEADER, ADMIN}),
    ("indicator_detail", {"code": "mbo-niveau-3"}, {MANAGER, STEERING, LEADER, ADMIN}),
    ("indicator_history", {"code": "mbo-niveau-3"}, {MANAGER, STEERING, LEADER, ADMIN}),
    ("indicator_edit", {"code": "mbo-niveau-3"}, {MANAGER, ADMIN}),
    ("target_create", {"code": "mbo-niveau-3"}, {MANAGER, ADMIN}),
    ("target_edit", {"code": "mbo-niveau-3", "school_year": "2021-2022"}, {MANAGER, ADMIN}),
    ("target_delete", {"code": "mbo-niveau-3", "school_year": "2021-2022"}, {MANAGER, ADMIN}),
    ("figure_create", {"code": "mbo-niveau-3"}, {MANAGER, ADMIN}),
    ("figure_edit", {"code": "mbo-niveau-3", "school_year": "2018-2019"}, {MANAGER, ADMIN}),
]


@pytest.mark.parametrize("username", [ANON, MANAGER, STEERING, LEADER, ADMIN])
@pytest.mark.parametrize(("name", "kwargs", "allowed"), PAGES)
def test_get_per_role(role_client, username, name, kwargs, allowed):
    response = role_client(username).get(reverse(name, kwargs=kwargs))
    if username is None:
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    elif username in allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert "Alleen programmamanagers mogen dit wijzigen." in response.content.decode()


@pytest.mark.parametrize("username", [STEERING, LEADER])
def test_readers_see_no_edit_buttons_and_cannot_post(role_client, username):
    client = role_client(username)
    html = client.get(reverse("indicator_detail", kwargs={"code": "mbo-niveau-3"})).content.decode()
    assert "Cijfer invoeren" not in html and "Streefcijfer wijzigen" not in html
    url = reverse("figure_create", kwargs={"code": "mbo-niveau-3"})
    response = client.post(url, {"school_year": "2024-2025", "value": "3,00", "finality": "voorlopig"})
    assert response.status_code == 403
    assert "Alleen programmamanagers mogen dit wijzigen." in response.content.decode()
    assert not Figure.objects.filter(school_year="2024-2025").exists()
    target = Target.objects.get(indicator__code="mbo-niveau-3", school_year="2023-2024")
    url = reverse("target_edit", kwargs={"code": "mbo-niveau-3", "school_year": "2023-2024"})
    response = client.post(url, {"value": "1,00", "reason": "x", "version": target.version})
    assert response.status_code == 403 and "Alleen programmamanagers mogen dit wijzigen." in response.content.decode()
    target.refresh_from_db()
    assert target.value == Decimal("3.20")


def test_manager_sees_edit_buttons(manager_client):
    html = manager_client.get(reverse("indicator_detail", kwargs={"code": "mbo-niveau-3"})).content.decode()
    assert "Cijfer invoeren" in html and "Streefcijfer wijzigen" in html


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def test_pages_run_a_fixed_number_of_queries(manager_client, demo):
    urls = [
        (reverse("kpi_dashboard"), None),
        (reverse("kpi_dashboard"), {"_export": "csv"}),
        (reverse("indicator_detail", kwargs={"code": "mbo-niveau-3"}), None),
        (reverse("indicator_history", kwargs={"code": "mbo-niveau-3"}), None),
    ]
    before = [_queries(manager_client, url, params) for url, params in urls]
    # 20 more indicators, each with 8 targets and 8 figures, and more years for mbo-niveau-3: not one query more.
    other_region = Region.objects.create(code="99", name="Elders")
    for number in range(20):
        category = Category.objects.create(code=f"extra-{number}", name=f"Extra {number}", group="mbo")
        indicator = Indicator.objects.create(
            programme=demo, code=f"extra-{number}", name=f"Extra {number}", group="mbo", category=category, baseline=5
        )
        indicator.projects.set(demo.projects.all()[:2])
        for start in range(2016, 2024):
            year = f"{start}-{start + 1}"
            Target.objects.create(indicator=indicator, school_year=year, value=4)
            FigureFactory(category_id=category.code, school_year=year, value=3)
            FigureFactory(category_id=category.code, area_code=other_region.code, school_year=year, value=9)
            FigureFactory(category_id=category.code, area_kind="land", area_code="nl", school_year=year, value=2)
            Norm.objects.create(category=category, school_year=year, value=1)
    niveau3 = Indicator.objects.get(programme=demo, code="mbo-niveau-3")
    niveau3.projects.set(demo.projects.all())
    for start in range(2010, 2018):
        FigureFactory(category_id="mbo-niveau-3", school_year=f"{start}-{start + 1}", value=4)
    assert [_queries(manager_client, url, params) for url, params in urls] == before


def test_dashboard_ignores_other_regions_figures(steering_client, demo):
    elsewhere = Region.objects.create(code="98", name="Elders")
    FigureFactory(category_id="mbo-niveau-3", area_code=elsewhere.code, value=Decimal("9.99"))
    html = steering_client.get(reverse("kpi_dashboard"), {"jaar": "2023-2024"}).content.decode()
    assert "9,99%" not in html and "3,71%" in _row(html, "VSV MBO niveau 3")  # region 10's demo figure


@pytest.mark.parametrize("year", ["onzin", "2030-2031", "2023/2024'"])
def test_unknown_year_falls_back_to_the_default_year(steering_client, year):
    response = steering_client.get(reverse("kpi_dashboard"), {"jaar": year})
    assert response.status_code == 200
    assert response.context["dashboard"].selected_year == "2023-2024"


def _demo_figure(category: str, year: str) -> Figure:
    """Region 10's total of the category in that year, as the demo import stored it."""
    return Figure.objects.get(category_id=category, area_code="10", school_year=year, breakdown="")


def _change_lists(html: str) -> list[str]:
    return re.findall(r'<ul class="change-list">(.*?)</ul>', html)


def test_history_lists_each_changed_field_in_the_forms_order(manager_client, demo, demo_user):
    manager = demo_user(MANAGER)
    figure = _demo_figure("mbo-niveau-3", "2023-2024")  # the demo import's
    figure.numerator, figure.denominator, figure.finality = 12, 400, Figure.Finality.DEFINITIVE
    figure.source_detail = "factsheet"
    kpi_services.figure_save(figure=figure, programme=demo, user=manager, reason="definitief")
    figure.finality = Figure.Finality.UNSTATED
    kpi_services.figure_save(figure=figure, programme=demo, user=manager, reason="onbekend")
    indicator = Indicator.objects.get(programme=demo, code="mbo-niveau-2")
    indicator.risk_margin_pct, indicator.baseline = Decimal("20"), Decimal("6.00")
    kpi_services.indicator_update(indicator=indicator, user=manager, reason="nulmeting bijgesteld")

    html = manager_client.get(reverse("indicator_history", kwargs={"code": "mbo-niveau-3"})).content.decode()
    # Newest first; values as the history has always shown them (the stored choice, Dutch numbers).
    assert _change_lists(html)[:2] == [
        "<li><strong>Voorlopig of definitief</strong>: <del>definitief</del> → <ins>niet-vermeld</ins></li>",
        "<li><strong>Teller</strong>: <del>112</del> → <ins>12</ins></li>"
        "<li><strong>Noemer</strong>: <del>3.021</del> → <ins>400</ins></li>"
        "<li><strong>Voorlopig of definitief</strong>: <del>voorlopig</del> → <ins>definitief</ins></li>"
        "<li><strong>Bron</strong>: <del>import</del> → <ins>hand</ins></li>"
        "<li><strong>Bron, toelichting</strong>: <del>DUO-import #1, duo_vsv_regio10.csv, regel 42; bron: demo"
        " (verzonnen)</del> → <ins>factsheet</ins></li>",
    ]
    html = manager_client.get(reverse("indicator_history", kwargs={"code": "mbo-niveau-2"})).content.decode()
    assert _change_lists(html) == [
        "<li><strong>Nulmeting</strong>: <del>8,55</del> → <ins>6,00</ins></li>"
        "<li><strong>Marge voor risico</strong>: <del>10,00</del> → <ins>20,00</ins></li>"
    ]


def test_a_revision_is_measured_against_the_figure_just_before_the_moment(demo, demo_user):
    figure = _demo_figure("mbo-niveau-3", "2023-2024")  # 3,71% voorlopig
    created = figure.history.earliest()
    figure.value, figure.finality = Decimal("3.60"), Figure.Finality.DEFINITIVE
    kpi_services.figure_save(figure=figure, programme=demo, user=demo_user(MANAGER), reason="definitief")
    revised = figure.history.latest()
    found = selectors.revisions(figures=[figure], since=revised.history_date)
    # The revision made at that very moment is not yet what the figure was then.
    assert found == {figure.pk: Revision(Decimal("3.71"), "voorlopig", figure.updated_at)}
    assert found[figure.pk].previous_finality_label == "voorlopig"
    assert selectors.revisions(figures=[figure], since=revised.history_date + timedelta(microseconds=1)) == {}
    # A figure that did not exist yet is new, not revised.
    assert selectors.revisions(figures=[figure], since=created.history_date) == {}
    assert selectors.revisions(figures=[figure], since=None) == {}


def test_indicator_page_shows_the_breakdown_per_leerweg(steering_client):
    """Seed 004 Bijlage 1 Tabel 3: MBO niveau 3 in 2018-2019 was 3,34% in the bbl and 3,88% in the bol."""
    html = steering_client.get(reverse("indicator_detail", kwargs={"code": "mbo-niveau-3"})).content.decode()
    section = html[html.index('id="kop-uitsplitsing"') :]
    assert "2018-2019, naar leerweg en leerjaar" in section
    bbl = section[section.index(">Bbl3<") :].split("</tr>")[0]
    assert "899" in bbl and "30" in bbl and "3,34%" in bbl
    assert "3,88%" in section[section.index(">Bol3<") :].split("</tr>")[0]
    terugkeer = steering_client.get(reverse("indicator_detail", kwargs={"code": "terugkeer-school"}))
    assert 'id="kop-uitsplitsing"' not in terugkeer.content.decode()  # no breakdown, no empty section
