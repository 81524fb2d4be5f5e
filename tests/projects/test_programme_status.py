"""A region's programmes: one active at a time, the user's active one is the one they work in, and a closed one is
read-only for everyone and says so on every page."""

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from projects.models import Membership, Programme
from projects.selectors import programme_for_user
from tests.urls import reverse

CLOSED_BANNER = "is afgesloten: alles is nog te lezen"
PAGES = ["home", "project_list", "project_dashboard", "kpi_dashboard", "budget_overview", "report_list"]


@pytest.fixture
def closed(demo):
    demo.status = Programme.Status.CLOSED
    demo.save()
    return demo


def test_the_demo_runs_2026_2029_and_shows_2020_2024_closed(shipped_demo, current_programme, manager_client):
    """As shipped: today's URLs lead the manager into the 2026–2029 example; the old plan says it is closed."""
    response = manager_client.get("/projecten/")
    assert response.status_code == 302 and response["Location"] == "/programmas/10-2026-2029/projecten/"
    home = manager_client.get(reverse("home", programme=current_programme)).content.decode()
    assert "Voorbeeld — concept, overgenomen uit 2020–2024" in home and CLOSED_BANNER not in home
    old = manager_client.get(reverse("home", programme=shipped_demo)).content.decode()
    assert CLOSED_BANNER in old


def test_a_new_concept_programme_does_not_take_its_manager_away_from_the_active_one(demo, demo_user):
    manager = demo_user("programmamanager")
    newer = Programme.objects.create(
        region=demo.region, title="Programma 2030-2033", first_year=2030, last_year=2033, status="concept"
    )
    Membership.objects.create(user=manager, programme=newer, role=Membership.Role.PROGRAMME_MANAGER)
    assert programme_for_user(manager) == demo
    Programme.objects.filter(region=demo.region, first_year=2026).update(status=Programme.Status.CLOSED)
    demo.status = Programme.Status.CLOSED
    demo.save()
    assert programme_for_user(demo_user("programmamanager")) == newer  # no active one: the newest


def test_a_region_has_one_active_programme_at_a_time(demo):
    second = Programme(region=demo.region, title="Nog een", first_year=2030, last_year=2033, status="actief")
    with pytest.raises(ValidationError, match="Deze regio heeft al een actief programma"):
        second.full_clean()
    second.status = Programme.Status.DRAFT
    second.full_clean()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_of_a_closed_programme_says_so_and_offers_no_edits(closed, manager_client, page):
    html = manager_client.get(reverse(page)).content.decode()
    assert CLOSED_BANNER in html
    assert "Importeren" not in html  # the managers' menu item goes with their rights


def test_an_edit_form_of_a_closed_programme_is_refused_with_the_reason(closed, manager_client, leader_client):
    response = manager_client.get(reverse("indicator_edit", kwargs={"code": "mbo-niveau-3"}))
    assert response.status_code == 403 and "Dit programma is afgesloten" in response.content.decode()
    page = manager_client.get(reverse("indicator_detail", kwargs={"code": "mbo-niveau-3"})).content.decode()
    assert "Cijfer invoeren" not in page and "Streefcijfer toevoegen" not in page
    project = leader_client.get(reverse("project_detail", kwargs={"code": "2.1"})).content.decode()
    assert CLOSED_BANNER in project and "Activiteit toevoegen" not in project


def test_a_closed_programme_has_nothing_late_on_its_dashboard(shipped_demo, manager_client, clock):
    """2020–2024 is read as on 31 December 2024; its half-year cycle can no longer be written, so no plan or
    evaluation is "te laat", and 2024's budget with nothing spent says so instead of "achter op schema"."""
    clock.set(date(2026, 12, 2))
    response = manager_client.get(reverse("project_dashboard", programme=shipped_demo), {"_export": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 11
    for row in rows:
        assert not any(value.startswith("te laat") for value in row.values()), row["Code"]
    warm = next(row for row in rows if row["Code"] == "2.1")
    assert warm["Plan 2024-H2"] == "nog geen plan"
    assert warm["Uitgavenritme 2024"] == "jaar om, niets vastgelegd"
