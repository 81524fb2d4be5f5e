from decimal import Decimal

import pytest

from core import clock
from core.periods import HalfYear
from halfyear import services
from halfyear.models import HalfYearPlan
from tests import urls as test_urls


@pytest.fixture
def demo(current_programme, monkeypatch):
    """Here the demo is the programme that holds today's half-year plans: the example 2026–2029 programme, as the
    demo ships it (tests/conftest.py); reversed URLs point into it."""
    monkeypatch.setattr(test_urls, "DEMO_SLUG", current_programme.slug)
    return current_programme


@pytest.fixture
def today():
    """The day the demo's half-years are placed on: core.clock's today (the `clock` fixture may pin it)."""
    return clock.today()


@pytest.fixture
def next_period(today):
    return HalfYear.for_date(today).next()


@pytest.fixture
def concept(demo, next_period):
    """The demo's concept plan of 2.1 for the next half-year, written by `projectleider`."""
    return HalfYearPlan.objects.get(project__code="2.1", period=str(next_period))


def complete(plan):
    """Fill what the demo concept leaves open (aim, hours), as the leader would."""
    HalfYearPlan.objects.filter(pk=plan.pk).update(
        aim="Exitgesprekken uitbreiden naar Alfa-college.", hours_requested=Decimal("100")
    )
    plan.refresh_from_db()
    return plan


@pytest.fixture
def plan_in(concept, demo_user):
    """The 2.1 concept plan brought into a state by the services: concept, ingediend, goedgekeurd, teruggestuurd."""
    leader, manager = demo_user("projectleider"), demo_user("programmamanager")

    def bring(state):
        plan = complete(concept)
        if state == "concept":
            return plan
        plan = services.halfyear_plan_submit(plan=plan, user=leader)
        if state == "ingediend":
            return plan
        if state == "goedgekeurd":
            return services.halfyear_plan_approve(plan=plan, user=manager)
        if state == "teruggestuurd":
            return services.halfyear_plan_return(plan=plan, user=manager, comment="Maak doel 1 concreter.")
        raise ValueError(state)

    return bring
