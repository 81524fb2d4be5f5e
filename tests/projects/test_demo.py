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
    programme = Programme.objects.get()
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


def test_demo_users_and_roles(demo):
    users = get_user_model().objects
    for username in ("programmamanager", "stuurgroep", "projectleider", "beheerder"):
        assert users.get(username=username).check_password(DEMO_PASSWORD)
    leader = users.get(username="projectleider")
    assert sorted(leader.led_projects.values_list("code", flat=True)) == ["2.1", "3.2"]
    assert Membership.objects.get(user__username="stuurgroep").role == Membership.Role.STEERING_GROUP
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
