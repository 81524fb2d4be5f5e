"""Support staff extend DUO's column and category names in the admin; spellings are stored normalised."""

from indicators.models import ColumnAlias
from tests.urls import reverse


def test_admin_adds_a_column_name_once_whatever_its_spelling(client, demo_user):
    client.force_login(demo_user("beheerder"))
    url = reverse("admin:indicators_columnalias_add")
    response = client.post(url, {"field": "dropouts", "alias": "aantal_uitvallers"})
    assert response.status_code == 302
    assert ColumnAlias.objects.get(alias="AANTAL UITVALLERS").field == "dropouts"
    response = client.post(url, {"field": "participants", "alias": "Aantal-Uitvallers"})
    assert response.status_code == 200
    assert "Er bestaat al een Kolomnaam van DUO met eenzelfde Kolomnaam." in response.content.decode()
    assert list(ColumnAlias.objects.values_list("alias", "field")) == [("AANTAL UITVALLERS", "dropouts")]


def test_import_runs_are_read_only_in_the_admin(client, demo_user):
    client.force_login(demo_user("beheerder"))
    assert client.get(reverse("admin:indicators_importrun_changelist")).status_code == 200
    assert client.get(reverse("admin:indicators_importrun_add")).status_code == 403
