"""`load_demo` loads the IJssel-Vecht plan as seed 004 writes it, and running it twice changes nothing."""

import io
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command

from projects.demo.loader import DEMO_PASSWORD, read_plan
from projects.models import Activity, Membership, Municipality, Organisation, Programme, Project, Region, Theme

# The eleven projects as the plan (seed 004, chapter 5) names them.
PROJECTS = {
    "1.1": "Doorlopend LOB-programma pro/vso/vo/mbo",
    "1.2": "Meelopen mbo en bedrijven",
    "2.1": "Warme overstap",
    "2.2": "Intergrip – Jongeren in beeld",
    "2.3": "Aansluiting arbeidsmarkt",
    "3.1": "Preventieprogramma vo",
    "3.2": "Verzuimaanpak 3.0",
    "3.3": "Plus- en ondersteuningsvoorzieningen",
    "3.4": "Versterken samenwerking bij preventie en ondersteuning",
    "4.1": "Kansen voor VSV",
    "5.1": "Reflectie & evaluatie nieuwe maatregelen",
}


def test_load_demo_matches_the_plan(db):
    call_command("load_demo", stdout=io.StringIO())
    programme = Programme.objects.get(first_year=2020)
    assert (programme.region.code, programme.region.name) == ("10", "IJssel-Vecht")
    assert programme.title == "Vervolgaanpak VSV 2020-2024"
    assert list(programme.themes.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
    assert dict(programme.projects.values_list("code", "title")) == PROJECTS
    for project in programme.projects.select_related("theme"):
        assert project.code.split(".")[0] == str(project.theme.number)
        assert project.activities.exists(), f"project {project.code} heeft geen activiteiten"
    assert programme.contact_municipality.name == "Gemeente Zwolle"
    assert programme.contact_school.name == "Deltion College"
    zwolle = Municipality.objects.get(code="0193")
    assert (zwolle.name, zwolle.region.code) == ("Zwolle", "10")
    assert Municipality.objects.filter(region__code="10").count() == 11


def test_load_demo_ships_the_plan_closed_and_the_example_programme_after_it(db):
    """Seed 004's plan ended in 2024: closed, with its final report; the region runs the example 2026–2029
    programme started from it, which says on screen that it is an example."""
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    plan, current = Programme.objects.order_by("first_year")
    assert (plan.period_label, plan.status) == ("2020–2024", Programme.Status.CLOSED)
    assert plan.progress_reports.get(is_final=True).period == "2024-K4"
    assert (current.slug, current.status) == ("10-2026-2029", Programme.Status.ACTIVE)
    assert "(voorbeeld)" in current.title and current.summary.startswith(
        "Voorbeeld — concept, overgenomen uit 2020–2024"
    )
    assert dict(current.projects.values_list("code", "title")) == PROJECTS
    assert not current.indicators.filter(targets__isnull=False).exists()  # targets are left to fill
    # today's half-year plans and meetings are in the programme that runs today, on weekdays
    assert current.projects.filter(halfyear_plans__isnull=False).exists()
    assert not plan.projects.filter(halfyear_plans__isnull=False).exists()
    meetings = list(current.meetings.all())
    assert meetings and all(meeting.date.weekday() < 5 for meeting in meetings)
    assert not plan.meetings.exists()
    assert "/programmas/10-2026-2029/" in output.getvalue()


def test_demo_users_and_roles(demo):
    users = get_user_model().objects
    for username in ("programmamanager", "stuurgroep", "projectleider", "beheerder"):
        assert users.get(username=username).check_password(DEMO_PASSWORD)
    leader = users.get(username="projectleider")
    assert sorted(leader.led_projects.filter(programme=demo).values_list("code", flat=True)) == ["2.1", "3.2"]
    assert Membership.objects.get(programme=demo, user__username="stuurgroep").role == Membership.Role.STEERING_GROUP
    assert users.get(username="beheerder").is_superuser


def test_load_demo_twice_leaves_the_same_data(demo):
    def snapshot():
        return (
            Region.objects.count(),
            Organisation.objects.count(),
            list(Theme.objects.values_list("number", "title", "ambition", "version")),
            list(Project.objects.values_list("code", "title", "description", "version")),
            list(Activity.objects.order_by("project__code", "number").values_list("number", "title", "description")),
            Membership.objects.count(),
            Project.history.count(),
            Activity.history.count(),
        )

    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before


def _normalise(text):
    return re.sub(r"[\s\-­]+", "", text).lower()


def test_demo_texts_come_from_the_seed(seed004):
    """Every theme and project title, and every activity title, occurs in the seed (ignoring PDF line breaks)."""
    seed = _normalise(seed004)
    plan = read_plan()
    missing = []
    for theme in plan["themes"]:
        for project in theme["projects"]:
            for text in [project["title"], *(activity["title"] for activity in project["activities"])]:
                if _normalise(text) not in seed:
                    missing.append(text)
    assert not missing, f"niet in seed 004: {missing}"
