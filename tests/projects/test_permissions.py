"""Every page and form, for every role and for anonymous users: 200, 302 to login, or 403."""

import pytest
from django.http import HttpRequest

from projects.models import Activity
from tests.urls import reverse

ANON, MANAGER, STEERING, LEADER, ADMIN = None, "programmamanager", "stuurgroep", "projectleider", "beheerder"
# What the 403 page tells a user who may open the programme but not this page.
MANAGERS_ONLY = "Alleen programmamanagers mogen dit wijzigen."
ACTIVITIES = "Alleen programmamanagers en de projectleiders van dit project mogen dit wijzigen."

# (url name, kwargs, roles that may open it). 2.1 is led by `projectleider`, 1.1 is not.
PAGES = [
    ("home", {}, {MANAGER, STEERING, LEADER, ADMIN}),
    ("project_list", {}, {MANAGER, STEERING, LEADER, ADMIN}),
    ("theme_detail", {"number": 2}, {MANAGER, STEERING, LEADER, ADMIN}),
    ("project_detail", {"code": "1.1"}, {MANAGER, STEERING, LEADER, ADMIN}),
    ("project_history", {"code": "1.1"}, {MANAGER, STEERING, LEADER, ADMIN}),
    ("theme_create", {}, {MANAGER, ADMIN}),
    ("theme_edit", {"number": 2}, {MANAGER, ADMIN}),
    ("project_create", {}, {MANAGER, ADMIN}),
    ("project_edit", {"code": "2.1"}, {MANAGER, ADMIN}),
    ("activity_create", {"code": "2.1"}, {MANAGER, LEADER, ADMIN}),
    ("activity_edit", {"code": "2.1", "number": 1}, {MANAGER, LEADER, ADMIN}),
    ("activity_delete", {"code": "2.1", "number": 1}, {MANAGER, LEADER, ADMIN}),
    ("activity_create", {"code": "1.1"}, {MANAGER, ADMIN}),
    ("activity_edit", {"code": "1.1", "number": 1}, {MANAGER, ADMIN}),
    ("activity_delete", {"code": "1.1", "number": 1}, {MANAGER, ADMIN}),
]


@pytest.mark.parametrize("username", [ANON, MANAGER, STEERING, LEADER, ADMIN])
@pytest.mark.parametrize(("name", "kwargs", "allowed"), PAGES)
def test_get_per_role(role_client, username, name, kwargs, allowed):
    client = role_client(username)
    url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    if username is None:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login")) and "next=" in response.url
    elif username in allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        html = response.content.decode()
        assert "Geen toegang" in html
        assert (ACTIVITIES if name.startswith("activity_") else MANAGERS_ONLY) in html


@pytest.mark.parametrize("username", [STEERING, LEADER])
def test_forbidden_post_changes_nothing(role_client, username, demo):
    """A direct POST to an edit URL of a project the user may not edit is refused and writes nothing."""
    client = role_client(username)
    before = Activity.objects.get(project__programme=demo, project__code="1.1", number=1)
    response = client.post(
        reverse("activity_edit", kwargs={"code": "1.1", "number": 1}),
        {"number": 1, "title": "Gekaapt", "version": before.version},
    )
    assert response.status_code == 403
    assert ACTIVITIES in response.content.decode()
    after = Activity.objects.get(pk=before.pk)
    assert (after.title, after.version) == (before.title, before.version)


def test_steering_group_sees_no_edit_buttons(role_client):
    client = role_client(STEERING)
    html = client.get(reverse("project_detail", kwargs={"code": "2.1"})).content.decode()
    assert "Activiteit toevoegen" not in html and "Project bewerken" not in html and "Bewerken" not in html
    home = client.get(reverse("home")).content.decode()
    assert "Thema toevoegen" not in home


def test_leader_sees_edit_buttons_only_on_own_projects(role_client):
    client = role_client(LEADER)
    own = client.get(reverse("project_detail", kwargs={"code": "2.1"})).content.decode()
    other = client.get(reverse("project_detail", kwargs={"code": "1.1"})).content.decode()
    assert "Activiteit toevoegen" in own and "Project bewerken" not in own
    assert "Activiteit toevoegen" not in other


def test_user_without_role_is_refused(db, demo, client, django_user_model):
    django_user_model.objects.create_user(username="buitenstaander", password="x-geheim-123")
    client.login(request=HttpRequest(), username="buitenstaander", password="x-geheim-123")
    response = client.get(reverse("home"))
    assert response.status_code == 403
    assert "U heeft geen rol in Vervolgaanpak VSV 2020-2024." in response.content.decode()
    # Today's URL, without a programme: there is no programme of theirs to send them to.
    response = client.get(reverse("home", programme=False))
    assert response.status_code == 403
    assert "U heeft nog geen rol in een programma. Vraag de beheerder om u toe te voegen." in response.content.decode()


def test_unknown_project_is_a_dutch_404(manager_client):
    response = manager_client.get(reverse("project_detail", args=["9.9"]))
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_admin_only_for_beheerder(role_client):
    assert role_client(MANAGER).get("/beheer/").status_code == 302
    assert role_client(ADMIN).get("/beheer/").status_code == 200
