"""The national norms page: every role reads the norms per category and school year; only the data stewards add
or correct one (with a reason, kept in the history), and the KPI pages show the corrected norm of that year."""

from decimal import Decimal

import pytest

from indicators.models import Norm
from tests.urls import reverse


def test_every_role_reads_the_norms_per_category_and_year(role_client):
    for username in ("programmamanager", "stuurgroep", "projectleider", "gegevensbeheerder"):
        html = role_client(username).get(reverse("norm_list")).content.decode()
        niveau1 = html[html.index('id="norm-mbo-niveau-1"') :].split("</table>")[0]
        assert "2017-2018" in niveau1 and "27,50%" in niveau1 and "26,40%" in niveau1 and "22,00%" in niveau1
        assert ("Norm toevoegen" in html) == (username == "gegevensbeheerder")


@pytest.mark.parametrize("username", ["programmamanager", "stuurgroep"])
def test_only_the_data_stewards_keep_the_norms(role_client, username):
    norm = Norm.objects.get(category_id="mbo-niveau-1", school_year="2018-2019")
    client = role_client(username)
    assert client.get(reverse("norm_create")).status_code == 403
    response = client.post(reverse("norm_edit", args=[norm.pk]), {"value": "1", "reason": "x", "version": norm.version})
    assert response.status_code == 403 and "Alleen gegevensbeheerders" in response.content.decode()
    norm.refresh_from_db()
    assert norm.value == Decimal("26.40")


def test_a_steward_adds_and_corrects_a_norm_and_the_dashboard_shows_it(role_client):
    steward = role_client("gegevensbeheerder")
    url = reverse("norm_create")
    data = {"category": "mbo-niveau-1", "school_year": "2023/2024", "value": "22,5%", "source_detail": "OCW"}
    assert steward.post(url, data).status_code == 302
    norm = Norm.objects.get(category_id="mbo-niveau-1", school_year="2023-2024")
    assert norm.value == Decimal("22.5")
    again = steward.post(url, data).content.decode()
    assert "Voor MBO niveau 1 in 2023-2024 is al een norm." in again
    bad = steward.post(url, {**data, "school_year": "2022-2023", "value": "120"}).content.decode()
    assert "Vul een getal van hoogstens 100 in." in bad
    assert not Norm.objects.filter(school_year="2022-2023").exists()
    edit = reverse("norm_edit", args=[norm.pk])
    assert "Geef een reden" in steward.post(edit, {"value": "22", "version": norm.version}).content.decode()
    assert steward.post(edit, {"value": "22", "version": norm.version, "reason": "brief OCW"}).status_code == 302
    norm.refresh_from_db()
    assert norm.value == Decimal("22") and norm.history.latest().history_change_reason == "brief OCW"
    page = role_client("stuurgroep").get(reverse("kpi_dashboard"), {"jaar": "2023-2024"}).content.decode()
    row = page[page.index(">VSV MBO niveau 1</a>") :].split("</tr>")[0]
    assert "22,00%" in row
