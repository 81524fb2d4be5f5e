"""A published report stays what the stuurgroep saw; a concept follows the data; the banner names what changed;
"veranderd sinds de vorige rapportage" holds exactly what changed between two reports."""

from decimal import Decimal

from halfyear import services as halfyear_services
from indicators.models import Figure
from projects.models import Project
from reports import selectors, services
from tests.urls import reverse


def _page(client, report):
    return client.get(reverse("report_detail", kwargs={"pk": report.pk})).content.decode()


def test_published_report_keeps_its_figures_and_says_which_changed(publish, set_figure, steering_client):
    report = publish("2024-K2")
    frozen = dict(report.snapshot)
    assert "Sinds publicatie gewijzigd" not in _page(steering_client, report)

    set_figure("vo-onderbouw", "2018-2019", "0.21", reason="DUO heeft het cijfer herzien")

    report.refresh_from_db()
    assert report.snapshot == frozen
    row = next(row for row in report.snapshot["kpi"]["rows"] if row["code"] == "vo-onderbouw")
    assert row["series"][0] == {
        "school_year": "2018-2019",
        "actual": "0.17",
        "provisional": False,
        "target": None,
        "national": None,
        "norm": "0.10",  # seed 004 Tabel 2: the norm of 2018-2019
    }
    html = _page(steering_client, report)
    # The chart still draws what was presented; the banner names the revised figure with both values.
    assert "2018-2019 cijfer 0,17%" in html and "2018-2019 cijfer 0,21%" not in html
    assert "Sinds publicatie gewijzigd" in html
    assert "VSV VO onderbouw: cijfer 2018-2019: was 0,17%, nu 0,21%" in html


def test_concept_follows_the_live_data(demo, manager, set_figure, steering_client):
    report = services.report_create(programme=demo, user=manager, period="2024-K2")
    set_figure("vo-onderbouw", "2018-2019", "0.21")
    html = _page(steering_client, report)
    assert "2018-2019 cijfer 0,21%" in html
    assert "Sinds publicatie gewijzigd" not in html
    report.refresh_from_db()
    assert report.snapshot is None


def test_changes_since_the_previous_report_are_exactly_those_in_between(demo, manager, publish, set_figure):
    # The demo's published report (previous quarter) is the base. Between it and K4: two revised figures
    # (the demo's imported 2023-2024 figure of MBO niveau 3 among them), and project 1.1 gets its first status.
    demo_figure = Figure.objects.get(category_id="mbo-niveau-3", area_code="10", school_year="2023-2024", breakdown="")
    assert demo_figure.value > Decimal("3.20")  # the demo figure misses the 2023-2024 target of 3,20%
    set_figure("vo-onderbouw", "2018-2019", "0.21", reason="DUO-herziening")
    set_figure("mbo-niveau-3", "2023-2024", "3.10")
    halfyear_services.project_status_record(
        project=Project.objects.get(programme=demo, code="1.1"), user=manager, status="risico", explanation="Trager."
    )
    k4 = publish("2024-K2")
    changes = k4.snapshot["changes"]
    assert k4.snapshot["previous"]["period"] == "2024-K4"  # the demo's final report of 2020–2024
    assert [(c["code"], c["school_year"], c["kind"], c["old"], c["new"]) for c in changes["figures"]] == [
        ("mbo-niveau-3", "2023-2024", "herzien", str(demo_figure.value), "3.10"),
        ("vo-onderbouw", "2018-2019", "herzien", "0.17", "0.21"),
    ]
    # 3,10% meets the 2023-2024 target of 3,20% where the demo figure missed it: that KPI is now on course.
    assert [(c["code"], c["old"], c["new"]) for c in changes["kpi_statuses"]] == [
        ("mbo-niveau-3", "achter", "op-koers")
    ]
    assert [(c["code"], c["old"], c["new"]) for c in changes["project_statuses"]] == [("1.1", None, "risico")]

    # After K4 only one more change: the next report lists that one and nothing from before K4.
    set_figure("mbo-niveau-3", "2023-2024", "3.60", reason="definitief cijfer")
    k1 = services.report_create(programme=demo, user=manager, period="2024-K3")
    later = selectors.report_content(report=k1).to_json()["changes"]
    assert later is not None and selectors.previous_report(report=k1) == k4
    assert [(c["code"], c["kind"], c["old"], c["new"]) for c in later["figures"]] == [
        ("mbo-niveau-3", "herzien", "3.10", "3.60")
    ]
    assert [(c["code"], c["old"], c["new"], c["direction"]) for c in later["kpi_statuses"]] == [
        ("mbo-niveau-3", "op-koers", "achter", "omlaag")
    ]
    assert later["project_statuses"] == []


def test_changes_section_on_the_page(publish, set_figure, steering_client):
    set_figure("vo-onderbouw", "2018-2019", "0.21", reason="DUO-herziening")
    html = _page(steering_client, publish("2024-K2"))
    assert "Nieuwe en herziene cijfers" in html
    assert "herzien" in html and "DUO-herziening" in html


def test_the_report_keeps_the_nations_figure_and_the_norm_of_its_school_year(publish, steering_client):
    """The KPI table of a report shows the nation beside the region, as the dashboard does, for the year shown."""
    Figure.objects.create(
        category_id="mbo-niveau-3", area_kind="land", area_code="nl", school_year="2023-2024", value=Decimal("3.55")
    )
    report = publish("2024-K2")
    row = next(row for row in report.snapshot["kpi"]["rows"] if row["code"] == "mbo-niveau-3")
    assert (report.snapshot["kpi"]["school_year"], row["national"], row["norm"]) == ("2023-2024", "3.55", None)
    html = _page(steering_client, report)
    table_row = html[html.index(">VSV MBO niveau 3</th>") :].split("</tr>")[0]
    assert "3,55%" in table_row
