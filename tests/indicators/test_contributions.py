"""The KPIs each project contributes to: on the project dashboard (screen and export) and on the project page,
with the status the KPI dashboard shows; the demo's links from seed 004. (That `projects` never imports
`indicators` is part of the layer contract: tests/test_layers.py.)"""

import csv
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dashboards.demo import load_demo
from indicators.contributions import kpis_by_project
from indicators.demo.loader import read_streefcijfers
from indicators.models import Category, Figure, Indicator, Target
from projects.models import Project
from tests.factories import FigureFactory, ProjectFactory
from tests.urls import reverse

DASHBOARD = reverse("project_dashboard")
KPI_COLUMN = "KPI's (status 2023-2024)"  # the KPI dashboard's default year: the last year with a target


@pytest.fixture
def demo(demo):
    """The demo plan without the figures load_demo imports: each test sets the figures whose status it checks."""
    Figure.objects.filter(area_kind="regio", area_code=demo.region.code).delete()
    return demo


def _export(client):
    response = client.get(DASHBOARD, {"_export": "csv"})
    return {
        row["Code"]: row for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    }


def _figure(demo, code, value, school_year="2023-2024"):
    return FigureFactory(
        category_id=Indicator.objects.get(programme=demo, code=code).category_id,
        area_code=demo.region.code,
        school_year=school_year,
        value=Decimal(value),
    )


def test_demo_links_are_the_ones_in_the_yaml(demo):
    expected = {item["code"]: set(item.get("projects", [])) for item in read_streefcijfers()["indicators"]}
    linked = {
        indicator.code: {project.code for project in indicator.projects.all()}
        for indicator in Indicator.objects.filter(programme=demo).prefetch_related("projects")
    }
    assert linked == expected
    # Spot checks a reader of seed 004 can follow: 4.1 brings oud-VSV'ers back to school or work (Maatregel 4);
    # 3.1 is the prevention programme for the vo; 3.4 and 5.1 work with professionals and move no KPI directly.
    assert {i.code for i in Project.objects.get(programme=demo, code="4.1").indicators.all()} == {
        "terugkeer-school",
        "terugkeer-werk",
    }
    assert {i.code for i in Project.objects.get(programme=demo, code="3.1").indicators.all()} == {
        "vo-onderbouw",
        "vo-bovenbouw-vmbo",
        "vo-bovenbouw-havo-vwo",
    }
    assert not Project.objects.get(programme=demo, code="3.4").indicators.exists()
    assert not Project.objects.get(programme=demo, code="5.1").indicators.exists()


def test_load_demo_again_leaves_links_and_their_history_alone(demo):
    m2m_history = apps.get_model("indicators", "HistoricalIndicator_projects")
    before = (Indicator.projects.through.objects.count(), m2m_history.objects.count(), Indicator.history.count())
    load_demo()
    assert (Indicator.projects.through.objects.count(), m2m_history.objects.count(), Indicator.history.count()) == (
        before
    )


def test_load_demo_restores_a_removed_link(demo):
    project = Project.objects.get(programme=demo, code="4.1")
    project.indicators.clear()
    load_demo()
    assert {i.code for i in project.indicators.all()} == {"terugkeer-school", "terugkeer-werk"}


def test_dashboard_shows_each_projects_kpis_with_their_status(steering_client, demo):
    _figure(demo, "vo-bovenbouw-vmbo", "0.45")  # target 0,50%, lower is better: op koers
    _figure(demo, "terugkeer-werk", "21")  # target 25% (higher is better), baseline 36%: far off, achter
    rows = _export(steering_client)
    assert rows["2.2"][KPI_COLUMN] == "VSV VO bovenbouw vmbo: op koers"
    assert (
        rows["4.1"][KPI_COLUMN] == "Terugkeer VSV’ers naar school: nog geen cijfer; Terugkeer VSV’ers naar werk: achter"
    )
    assert rows["3.4"][KPI_COLUMN] == ""
    assert rows["3.2"][KPI_COLUMN].count(";") == 6  # seven KPIs: every VO and MBO category

    html = steering_client.get(DASHBOARD).content.decode()
    assert "KPI&#x27;s (status 2023-2024)" in html
    # Word + icon + colour, and each KPI a link to its own page.
    assert (
        '<span class="badge badge--ok kpi-status"><span class="badge__icon" aria-hidden="true">✓</span> op koers'
        in html
    )
    assert 'badge--behind kpi-status"><span class="badge__icon" aria-hidden="true">✕</span> achter' in html
    assert f'href="{reverse("indicator_detail", kwargs={"code": "vo-bovenbouw-vmbo"})}"' in html
    assert "geen KPI gekoppeld" in html  # 3.4 and 5.1


def test_status_is_the_kpi_dashboards(steering_client, demo):
    """The project shows the status of the year the KPI dashboard shows by default, computed the same way."""
    _figure(demo, "mbo-niveau-3", "3.25")  # target 3,20%, baseline 3,72%: 0,05 short, margin 0,052: risico
    kpi_html = steering_client.get(reverse("kpi_dashboard")).content.decode()
    row = kpi_html[kpi_html.index(">VSV MBO niveau 3</a>") :]
    assert "risico" in row[: row.index("</tr>")]
    assert "VSV MBO niveau 3: risico" in _export(steering_client)["1.1"][KPI_COLUMN]


def test_project_page_lists_its_kpis_with_target_figure_and_status(steering_client, demo):
    _figure(demo, "terugkeer-school", "41")
    html = steering_client.get(reverse("project_detail", kwargs={"code": "4.1"})).content.decode()
    section = html[html.index('id="kpis"') : html.index('id="begroting"')]
    assert "Draagt bij aan de KPI" in section and "schooljaar 2023-2024" in section
    assert "Terugkeer VSV’ers naar school" in section and "40,00%" in section and "41,00%" in section
    assert "✓</span> op koers" in section
    assert "Terugkeer VSV’ers naar werk" in section and "nog geen cijfer" in section


def test_project_page_without_kpis_says_so(role_client):
    manager = role_client("programmamanager").get(reverse("project_detail", kwargs={"code": "5.1"})).content.decode()
    assert (
        "nog aan geen KPI van het programma gekoppeld" in manager and "Koppel het op de pagina van een KPI" in manager
    )
    reader = role_client("stuurgroep").get(reverse("project_detail", kwargs={"code": "5.1"})).content.decode()
    assert "nog aan geen KPI van het programma gekoppeld" in reader and "Koppel het" not in reader


def test_kpis_by_project_reads_a_fixed_number_of_queries(demo, django_assert_num_queries):
    projects = list(Project.objects.filter(programme=demo))
    with django_assert_num_queries(5):  # links, indicators, targets, figures (own and national), norms
        few = kpis_by_project(programme=demo, projects=projects[:1])
    indicators = list(Indicator.objects.filter(programme=demo))
    for number in range(5):
        category = Category.objects.create(code=f"extra-{number}", name=f"Extra {number}", group="mbo")
        indicator = Indicator.objects.create(
            programme=demo, code=f"extra-{number}", name=f"Extra {number}", group="mbo", category=category
        )
        Target.objects.create(indicator=indicator, school_year="2023-2024", value=Decimal("1"))
        FigureFactory(category_id=category.code, school_year="2023-2024", value=Decimal(2))
        indicators.append(indicator)
    for project in [*projects, *(ProjectFactory(theme=projects[0].theme, programme=demo) for _ in range(5))]:
        project.indicators.set(indicators)
    projects = list(Project.objects.filter(programme=demo))
    with django_assert_num_queries(5):
        many = kpis_by_project(programme=demo, projects=projects)
    assert len(few.by_project) == 1 and len(many.by_project) == len(projects)
    assert all(len(kpis) == len(indicators) for kpis in many.by_project.values())


def test_project_page_runs_a_fixed_number_of_queries(manager_client, demo):
    url = reverse("project_detail", kwargs={"code": "2.1"})

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert manager_client.get(url).status_code == 200
        return len(captured)

    before = count()
    project = Project.objects.get(programme=demo, code="2.1")
    for number in range(6):
        indicator = Indicator.objects.create(
            programme=demo, code=f"extra-{number}", name=f"Extra {number}", group="vo", category_id="vo-onderbouw"
        )
        Target.objects.create(indicator=indicator, school_year="2023-2024", value=Decimal("1"))
        indicator.projects.add(project)
    assert count() == before
    assert "Extra 5" in manager_client.get(url).content.decode()
