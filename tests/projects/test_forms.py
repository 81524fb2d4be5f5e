"""Forms: Dutch messages for invalid input, nothing changed; stale edits refused; history kept with the reason."""

from projects.models import Activity, Project, Theme
from tests.urls import reverse


def _activity_data(activity, **changes):
    data = {
        "number": activity.number,
        "title": activity.title,
        "description": activity.description,
        "who": activity.who,
        "when": activity.when,
        "version": activity.version,
        "reason": "",
    }
    data.update(changes)
    return data


def test_manager_adds_activity(manager_client, demo):
    url = reverse("activity_create", kwargs={"code": "1.2"})
    page = manager_client.get(url).content.decode()
    assert 'value="4"' in page  # the next free number is proposed
    response = manager_client.post(url, {"number": 4, "title": "Meelopen bij bedrijven uitbreiden", "who": "Deltion"})
    assert response.status_code == 302
    activity = Activity.objects.get(project__programme=demo, project__code="1.2", number=4)
    assert activity.history.first().history_user.username == "programmamanager"
    detail = manager_client.get(reverse("project_detail", kwargs={"code": "1.2"})).content.decode()
    assert "Meelopen bij bedrijven uitbreiden" in detail


def test_leader_edits_own_activity_with_reason(leader_client, demo):
    activity = Activity.objects.get(project__programme=demo, project__code="2.1", number=1)
    url = reverse("activity_edit", kwargs={"code": "2.1", "number": 1})
    response = leader_client.post(url, _activity_data(activity, when="najaar 2025", reason="planning regiegroep"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.when == "najaar 2025" and activity.version == 2
    latest = activity.history.first()
    assert (latest.history_user.username, latest.history_change_reason) == ("projectleider", "planning regiegroep")
    history = leader_client.get(reverse("project_history", kwargs={"code": "2.1"})).content.decode()
    assert "planning regiegroep" in history and "najaar 2025" in history


def test_invalid_activity_gets_dutch_errors_and_changes_nothing(manager_client, demo):
    activity = Activity.objects.get(project__programme=demo, project__code="2.1", number=1)
    url = reverse("activity_edit", kwargs={"code": "2.1", "number": 1})
    response = manager_client.post(url, _activity_data(activity, title="", number=2))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Niet opgeslagen" in html
    assert "Dit veld is verplicht." in html
    assert "Dit project heeft al een activiteit met nummer 2." in html
    assert Activity.objects.get(pk=activity.pk).title == activity.title


def test_stale_edit_is_refused(manager_client, leader_client, demo):
    activity = Activity.objects.get(project__programme=demo, project__code="2.1", number=2)
    stale = _activity_data(activity, title="Oude versie")
    activity.title = "Intussen gewijzigd"
    activity.version += 1
    activity.save()
    response = manager_client.post(reverse("activity_edit", kwargs={"code": "2.1", "number": 2}), stale)
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).title == "Intussen gewijzigd"


def test_theme_number_must_be_unique(manager_client):
    response = manager_client.post(reverse("theme_create"), {"number": 2, "title": "Dubbel"})
    assert "Er is al een thema met nummer 2." in response.content.decode()
    assert Theme.objects.filter(title="Dubbel").count() == 0


def test_project_code_must_match_theme_and_be_unique(manager_client, demo):
    theme = demo.themes.get(number=3)
    url = reverse("project_create")
    response = manager_client.post(url, {"theme": theme.pk, "code": "2.9", "title": "Nieuw"})
    assert "De code begint met het themanummer (3)." in response.content.decode()
    response = manager_client.post(url, {"theme": theme.pk, "code": "3.1", "title": "Nieuw"})
    assert "Er is al een project met code 3.1." in response.content.decode()
    response = manager_client.post(url, {"theme": theme.pk, "code": "drie", "title": "Nieuw"})
    assert "Een projectcode heeft de vorm 2.1." in response.content.decode()
    assert not Project.objects.filter(title="Nieuw").exists()
    response = manager_client.post(url, {"theme": theme.pk, "code": "3.5", "title": "Nieuw"})
    assert response.status_code == 302
    assert Project.objects.get(programme=demo, code="3.5").programme == demo


def test_manager_assigns_leader(manager_client, demo, demo_user):
    project = Project.objects.get(programme=demo, code="1.1")
    leader = demo_user("projectleider")
    data = {
        "theme": project.theme_id,
        "code": "1.1",
        "title": project.title,
        "description": project.description,
        "goal": "",
        "target_group": project.target_group,
        "leaders": [leader.pk],
        "partners": list(project.partners.values_list("pk", flat=True)),
        "version": project.version,
        "reason": "besluit regiegroep",
    }
    response = manager_client.post(reverse("project_edit", kwargs={"code": "1.1"}), data)
    assert response.status_code == 302
    assert list(project.leaders.all()) == [leader]


def test_delete_activity_keeps_history(leader_client, demo):
    activity = Activity.objects.get(project__programme=demo, project__code="3.2", number=3)
    url = reverse("activity_delete", kwargs={"code": "3.2", "number": 3})
    assert leader_client.post(url, {"reason": "opgegaan in activiteit 2"}).status_code == 302
    assert not Activity.objects.filter(pk=activity.pk).exists()
    deleted = Activity.history.filter(id=activity.pk, history_type="-").get()
    assert deleted.history_change_reason == "opgegaan in activiteit 2"


def test_a_mistyped_code_on_an_existing_project_gets_a_message_and_links_to_the_project_as_saved(manager_client, demo):
    """A code such as 2,1 or 21 used to end in a server error: the page linked to the project under the new code."""
    project = demo.projects.get(code="2.1")
    for code in ("2,1", "21"):
        response = manager_client.post(
            reverse("project_edit", args=["2.1"]),
            {"theme": project.theme_id, "code": code, "title": project.title, "version": project.version},
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "Een projectcode heeft de vorm 2.1." in html
        assert f'href="{reverse("project_detail", args=["2.1"])}"' in html
    assert Project.objects.get(pk=project.pk).code == "2.1"


def test_a_number_past_the_databases_range_is_not_one_of_the_choices(manager_client, demo):
    project = demo.projects.get(code="2.1")
    response = manager_client.post(
        reverse("project_edit", args=["2.1"]),
        {"theme": project.theme_id, "code": "2.1", "title": "X", "partners": "99999999999999999999"},
    )
    assert response.status_code == 200
    assert "‘99999999999999999999’ is geen geldige waarde." in response.content.decode()
    assert Project.objects.get(pk=project.pk).title == project.title
