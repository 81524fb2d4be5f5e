import factory
from django.contrib.auth import get_user_model

from projects.models import Activity, Membership, Organisation, Programme, Project, Region, Theme


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password("geheim-wachtwoord")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: str(20 + n))
    name = factory.Sequence(lambda n: f"Regio {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Programma {n}")
    first_year = 2020
    last_year = 2024


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    role = Membership.Role.PROGRAMME_MANAGER


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Thema {n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    theme = factory.SubFactory(ThemeFactory)
    programme = factory.SelfAttribute("theme.programme")
    title = factory.Sequence(lambda n: f"Project {n}")

    @factory.lazy_attribute
    def code(self):
        count = Project.objects.filter(theme=self.theme).count()
        return f"{self.theme.number}.{count + 1}"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    project = factory.SubFactory(ProjectFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Activiteit {n}")


class FigureFactory(factory.django.DjangoModelFactory):
    """A shared figure of region 10 (the demo's) unless told otherwise: category total, provisional, by hand."""

    class Meta:
        model = "indicators.Figure"

    category_id = "mbo-niveau-3"
    area_kind = "regio"
    area_code = "10"
    school_year = "2023-2024"
    value = 3


def smart_goal(plan, description="Twintig warme overdrachten", **fields):
    """An unsaved SMART goal of `plan` with every SMART part filled (as the goal form requires), or `fields`."""
    from halfyear.models import SmartGoal

    values = {
        "measure_description": "warme overdrachten",
        "measure_unit": "leerlingen",
        "target_value": 20,
        "deadline": plan.period_obj.end,
        **fields,
    }
    return SmartGoal(plan=plan, description=description, **values)
