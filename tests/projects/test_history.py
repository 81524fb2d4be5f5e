"""The project history page: per change the field's label and old → new value, in the form's field order,
for the project and its activities; a created or deleted row lists no field changes. One query per kind."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from projects import selectors, services
from projects.models import Activity, Project
from tests.urls import reverse


def _change_lists(html: str) -> list[str]:
    return re.findall(r'<ul class="change-list">(.*?)</ul>', html)


def test_history_names_each_changed_field_with_old_and_new_value(demo, manager_client, demo_user):
    manager = demo_user("programmamanager")
    project = Project.objects.get(programme=demo, code="2.1")
    project.goal = "Ander doel"  # goal comes after title in the form, though 'goal' sorts before 'title'
    project.title = "Warme overstap (nieuw)"
    services.project_save(project=project, user=manager, reason="titel en doel")
    activity = Activity.objects.get(project=project, number=1)
    old_title = activity.title
    activity.title, activity.when = "Warme overstap vo-mbo", "najaar 2025"  # title before when in the form
    services.activity_save(activity=activity, user=manager, reason="planning")
    services.activity_delete(activity=Activity.objects.get(project=project, number=3), user=manager, reason="weg")

    html = manager_client.get(reverse("project_history", kwargs={"code": "2.1"})).content.decode()
    assert _change_lists(html) == [
        f"<li><strong>Titel</strong>: <del>{escape(old_title)}</del> → <ins>Warme overstap vo-mbo</ins></li>"
        "<li><strong>Wanneer</strong>: <del>(leeg)</del> → <ins>najaar 2025</ins></li>",
        "<li><strong>Titel</strong>: <del>Warme overstap</del> → <ins>Warme overstap (nieuw)</ins></li>"
        "<li><strong>Doel</strong>: <del>(leeg)</del> → <ins>Ander doel</ins></li>",
    ]
    assert "verwijderd: activiteit 3" in html and "weg" in html and "titel en doel" in html


def test_history_costs_the_same_queries_however_many_changes(demo, demo_user):
    manager = demo_user("programmamanager")
    project = Project.objects.get(programme=demo, code="2.1")
    with CaptureQueriesContext(connection) as few:
        selectors.project_history(project=project)
    for number in range(5):
        project.description = f"Versie {number}"
        services.project_save(project=project, user=manager, reason=str(number))
    with CaptureQueriesContext(connection) as many:
        rows = selectors.project_history(project=project)
    assert len(many) == len(few) == 2
    assert [change[0] for row in rows for change in row.changes] == ["omschrijving"] * 5
