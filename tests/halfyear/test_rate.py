"""One hourly rate per programme, in the budget settings: a plan takes it over when it starts, and keeps it."""

from decimal import Decimal

from budget.models import DEFAULT_HOURLY_RATE
from budget.selectors import hourly_rate
from core.periods import HalfYear
from halfyear import services
from halfyear.models import HalfYearPlan


def test_a_new_plan_takes_the_budget_rate_and_keeps_it(demo, demo_user, today):
    settings = demo.budget_settings
    settings.hourly_rate = Decimal("47.50")
    settings.save()
    project = demo.projects.get(code="2.1")
    period = HalfYear.for_date(today).next().next()  # the demo has plans up to the next half-year
    assert not HalfYearPlan.objects.filter(project=project, period=str(period)).exists()
    plan = services.halfyear_plan_start(project=project, period=period, user=demo_user("projectleider"))
    assert plan.hourly_rate == Decimal("47.50") and hourly_rate(programme=demo) == Decimal("47.50")

    settings.hourly_rate = Decimal(60)
    settings.save()
    plan.refresh_from_db()
    assert plan.hourly_rate == Decimal("47.50")  # frozen: a later rate does not reprice the plan


def test_a_programme_without_budget_has_the_default_rate(demo):
    demo.budget_settings.delete()
    assert hourly_rate(programme=demo) == DEFAULT_HOURLY_RATE == 50
