"""The region page: every role reads it, it lists municipalities per region, exports, and runs fixed queries."""

from html import unescape

import pytest
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext

from projects.models import Municipality
from tests.factories import RegionFactory
from tests.urls import reverse

URL = reverse("region_list")


@pytest.mark.parametrize("username", ["programmamanager", "stuurgroep", "projectleider"])
def test_every_role_reads_the_region_page(role_client, username):
    html = role_client(username).get(URL).content.decode()
    assert "RMC-regio's en gemeenten" in html
    assert "IJssel-Vecht" in html and "uw regio" in html
    assert "Dalfsen, Hardenberg, Hattem, Heerde, Kampen, Ommen, Raalte, Staphorst, Steenwijkerland" in html
    assert "Alleen uw eigen regio is bekend" in html


def test_anonymous_goes_to_login_and_user_without_role_is_refused(role_client, client, django_user_model):
    assert role_client(None).get(URL)["Location"].startswith(reverse("login"))
    django_user_model.objects.create_user("zonderrol", password="geheim-wachtwoord")
    client.login(request=HttpRequest(), username="zonderrol", password="geheim-wachtwoord")
    response = client.get(URL)
    assert response.status_code == 403
    assert "U heeft nog geen rol in een programma. Vraag de beheerder om u toe te voegen." in response.content.decode()


def test_search_finds_a_region_by_municipality(steering_client, demo):
    twente = RegionFactory(code="12", name="Twente")
    Municipality.objects.create(code="0153", name="Enschede", region=twente)
    html = steering_client.get(URL, {"q": "enschede"}).content.decode()
    assert "Enschede" in html and "Dalfsen" not in html
    assert "1 regio<" in html
    html = unescape(steering_client.get(URL, {"q": "bestaat-niet"}).content.decode())
    assert "Geen regio's gevonden." in html and "0 regio's" in html


def test_export_csv_and_xlsx(steering_client):
    response = steering_client.get(URL, {"_export": "csv"})
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Code;RMC-regio;Gemeenten;Aantal gemeenten"
    assert lines[1].startswith("10;IJssel-Vecht;Dalfsen, Hardenberg") and lines[1].endswith(";11")
    assert steering_client.get(URL, {"_export": "xlsx"}).content[:2] == b"PK"


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_region_page_runs_a_fixed_number_of_queries(manager_client, demo):
    before = _queries(manager_client)
    for number in range(20, 40):
        region = RegionFactory(code=str(number), name=f"Regio {number}")
        for index in range(5):
            Municipality.objects.create(code=f"{number}{index:02d}", name=f"Gemeente {number}-{index}", region=region)
    assert _queries(manager_client) == before
