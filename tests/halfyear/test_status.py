"""Project status: recorded by programme managers and the project's leaders, with its course over time."""

import pytest

from halfyear.models import ProjectStatus
from tests.urls import reverse


@pytest.mark.parametrize(
    ("username", "code", "allowed"),
    [
        ("programmamanager", "1.1", True),
        ("projectleider", "2.1", True),
        ("projectleider", "1.1", False),
        ("stuurgroep", "2.1", False),
    ],
)
def test_who_may_record_a_status(role_client, demo, today, username, code, allowed):
    client = role_client(username)
    url = reverse("project_status_record", kwargs={"code": code})
    before = ProjectStatus.objects.count()
    response = client.post(url, {"status": "risico", "date": today.isoformat(), "explanation": "Capaciteit krap."})
    if allowed:
        assert response.status_code == 302
        assert ProjectStatus.objects.count() == before + 1
        page = client.get(reverse("project_detail", kwargs={"code": code})).content.decode()
        assert "risico" in page and "Capaciteit krap." in page
    else:
        assert response.status_code == 403
        assert "Alleen programmamanagers en de projectleiders van dit project leggen de status vast." in (
            response.content.decode()
        )
        assert ProjectStatus.objects.count() == before


def test_status_needs_an_explanation(role_client, demo, today):
    client = role_client("programmamanager")
    before = ProjectStatus.objects.count()
    response = client.post(
        reverse("project_status_record", kwargs={"code": "1.1"}), {"status": "achter", "date": today.isoformat()}
    )
    assert "Licht de status toe" in response.content.decode()
    assert ProjectStatus.objects.count() == before


def test_status_history_shows_the_course_newest_first(role_client, demo):
    html = role_client("stuurgroep").get(reverse("halfyear_plan_list", kwargs={"code": "2.1"})).content.decode()
    section = html[html.index("Verloop van de projectstatus") :]
    blauwdruk = section.index("Blauwdruk vastgesteld")
    loopt_uit = section.index("De blauwdruk voor overstapmomenten loopt uit")
    paspoort = section.index("Paspoort voor Succes op alle pro/vso-scholen ingevoerd")
    assert blauwdruk < loopt_uit < paspoort


def test_project_page_shows_latest_status_as_word_and_icon(role_client, demo):
    html = role_client("stuurgroep").get(reverse("project_detail", kwargs={"code": "4.1"})).content.decode()
    assert 'class="badge badge--behind"' in html
    assert '<span class="badge__icon" aria-hidden="true">✕</span> achter' in html
    empty = role_client("stuurgroep").get(reverse("project_detail", kwargs={"code": "3.3"})).content.decode()
    assert "Voor dit project is nog geen status vastgelegd." in empty


def test_status_in_the_future_is_refused(role_client, demo, today):
    from datetime import timedelta

    client = role_client("programmamanager")
    before = ProjectStatus.objects.count()
    response = client.post(
        reverse("project_status_record", kwargs={"code": "1.1"}),
        {"status": "risico", "date": (today + timedelta(days=3)).isoformat(), "explanation": "x"},
    )
    assert "De datum ligt in de toekomst" in response.content.decode()
    assert ProjectStatus.objects.count() == before
