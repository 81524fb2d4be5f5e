"""What users see on the main pages, and that lists run a fixed number of queries."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Activity, Project
from tests.factories import ProjectFactory
from tests.urls import reverse


def test_home_shows_themes_projects_and_leaders(steering_client):
    html = steering_client.get(reverse("home")).content.decode()
    assert "Vervolgaanpak VSV 2020-2024" in html
    assert "Warme overstap" in html and "Verzuimaanpak 3.0" in html
    assert "Sanne Visser" in html  # leader of 2.1 and 3.2
    assert html.count("Thema ") >= 5


def test_project_list_filters_and_search(steering_client, demo):
    theme3 = demo.themes.get(number=3)
    html = steering_client.get(reverse("project_list"), {"theme": theme3.pk}).content.decode()
    assert "Verzuimaanpak 3.0" in html and "Warme overstap" not in html
    html = steering_client.get(reverse("project_list"), {"q": "overstap"}).content.decode()
    assert "Warme overstap" in html and "Verzuimaanpak" not in html
    html = steering_client.get(reverse("project_list"), {"q": "bestaat-niet"}).content.decode()
    assert "Geen projecten gevonden" in html


def test_project_list_exports(steering_client):
    response = steering_client.get(reverse("project_list"), {"_export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Code;Project;Thema")
    assert len(lines) == 12
    xlsx = steering_client.get(reverse("project_list"), {"_export": "xlsx"})
    assert xlsx.content[:2] == b"PK"


def test_project_page_shows_plan_content(steering_client, demo):
    project = Project.objects.get(programme=demo, code="2.1")
    html = steering_client.get(reverse("project_detail", kwargs={"code": "2.1"})).content.decode()
    assert project.title in html and project.target_group[:40] in html
    for activity in project.activities.all():
        assert activity.title in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_pages_run_a_fixed_number_of_queries(manager_client, demo):
    urls = [reverse("home"), reverse("project_list"), reverse("theme_detail", kwargs={"number": 4})]
    before = [_queries(manager_client, url) for url in urls]
    # 30 more projects with activities, leaders and partners must not add a single query.
    theme = demo.themes.get(number=4)
    leader = get_user_model().objects.get(username="projectleider")
    for _ in range(30):
        project = ProjectFactory(theme=theme, programme=demo)
        project.leaders.add(leader)
        Activity.objects.create(project=project, number=1, title="x")
    assert [_queries(manager_client, url) for url in urls] == before
