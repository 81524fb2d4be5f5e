"""Loads the demo plan (RMC-regio IJssel-Vecht, seed 004) from the YAML file beside this module.

Idempotent: every row is found by its natural key and brought up to date, so running it twice
leaves the same data. Activities that are no longer in the file are removed from the demo projects.
"""

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from core.demo import read_yaml, upsert
from projects.models import Activity, Membership, Municipality, Organisation, Programme, Project, Region, Theme
from projects.permissions import DATA_STEWARDS

PLAN_FILE = Path(__file__).with_name("ijssel_vecht.yaml")
DEMO_PASSWORD = "vsvplan-demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str | None
    description: str
    leads: tuple[str, ...] = ()
    superuser: bool = False
    groups: tuple[str, ...] = ()  # installation-wide roles, e.g. the data stewards


DEMO_USERS = (
    DemoUser(
        "programmamanager",
        "Marieke",
        "Jansen",
        Membership.Role.PROGRAMME_MANAGER,
        "programmamanager: bewerkt het hele programma",
    ),
    DemoUser(
        "stuurgroep", "Henk", "Bosman", Membership.Role.STEERING_GROUP, "lid stuurgroep: leest alles, wijzigt niets"
    ),
    DemoUser(
        "projectleider",
        "Sanne",
        "Visser",
        Membership.Role.PROJECT_LEADER,
        "projectleider van 2.1 en 3.2: bewerkt de eigen projecten",
        leads=("2.1", "3.2"),
    ),
    DemoUser(
        "gegevensbeheerder",
        "Ruud",
        "de Wit",
        None,
        "gegevensbeheerder: laadt de DUO-cijfers van alle gebieden en beheert de regio-indeling (voorbeeldpersoon)",
        groups=(DATA_STEWARDS,),
    ),
    DemoUser("beheerder", "", "Beheerder", None, "beheerder: Django-beheer", superuser=True),
)


def read_plan(path: Path = PLAN_FILE) -> dict:
    return read_yaml(path)


def _text(value) -> str:
    """Tidy whitespace within lines, but keep the line breaks the plan uses for numbered ambitions and bullets."""
    lines = (" ".join(line.split()) for line in str(value or "").splitlines())
    return "\n".join(line for line in lines if line)


@transaction.atomic
def load_plan(path: Path = PLAN_FILE) -> Programme:
    data = read_plan(path)
    region = upsert(Region, {"name": data["region"]["name"]}, code=data["region"]["code"])
    for municipality in data.get("municipalities", []):
        upsert(Municipality, {"name": municipality["name"], "region": region}, code=municipality["code"])

    organisations = {}
    for item in data.get("organisations", []):
        organisations[item["name"]] = upsert(
            Organisation, {"kind": item.get("kind", Organisation.Kind.PARTNER)}, name=item["name"]
        )
    by_role = {
        item.get("role"): organisations[item["name"]] for item in data.get("organisations", []) if item.get("role")
    }

    plan = data["programme"]
    programme = upsert(
        Programme,
        {
            "first_year": plan["first_year"],
            "last_year": plan["last_year"],
            "summary": _text(plan.get("summary")),
            "status": plan.get("status", Programme.Status.ACTIVE),
            "contact_municipality": by_role.get("contactgemeente"),
            "contact_school": by_role.get("contactschool"),
        },
        region=region,
        title=plan["title"],
    )

    for theme_data in data["themes"]:
        theme = upsert(
            Theme,
            {"title": _text(theme_data["title"]), "ambition": _text(theme_data.get("ambition"))},
            programme=programme,
            number=theme_data["number"],
        )
        for project_data in theme_data.get("projects", []):
            project = upsert(
                Project,
                {
                    "theme": theme,
                    "title": _text(project_data["title"]),
                    "description": _text(project_data.get("description")),
                    "goal": _text(project_data.get("goal")),
                    "target_group": _text(project_data.get("target_group")),
                },
                programme=programme,
                code=str(project_data["code"]),
            )
            project.lead_organisations.set([organisations[name] for name in project_data.get("lead_organisations", [])])
            project.partners.set([organisations[name] for name in project_data.get("partners", [])])
            numbers = []
            for activity_data in project_data.get("activities", []):
                numbers.append(activity_data["number"])
                upsert(
                    Activity,
                    {
                        "title": _text(activity_data["title"])[:200],
                        "description": _text(activity_data.get("description")),
                        "who": _text(activity_data.get("who"))[:300],
                        "when": _text(activity_data.get("when"))[:200],
                    },
                    project=project,
                    number=activity_data["number"],
                )
            project.activities.exclude(number__in=numbers).delete()
    return programme


@transaction.atomic
def load_users(programme: Programme) -> list[DemoUser]:
    User = get_user_model()
    for demo in DEMO_USERS:
        user, _ = User.objects.update_or_create(
            username=demo.username,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "email": f"{demo.username}@vsvplan.invalid",
                "is_staff": demo.superuser,
                "is_superuser": demo.superuser,
                "is_active": True,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        if demo.role:
            Membership.objects.get_or_create(user=user, programme=programme, role=demo.role)
        for name in demo.groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        # Set from the project side: the project's history tracks its leaders.
        for project in Project.objects.filter(programme=programme, code__in=demo.leads).exclude(leaders=user):
            project.leaders.add(user)
    return list(DEMO_USERS)
