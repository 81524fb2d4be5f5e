"""The whole demo, in order: plan → users → budget → indicators → half-year → reports (each step reads what the
steps before it loaded). Every step is idempotent, so `load_demo` can run again at any time."""

from django.db import transaction

from budget.demo.loader import load_budget
from halfyear.demo.loader import load_halfyear_demo
from indicators.demo.loader import load_demo_figures, load_indicators
from projects.demo.loader import load_plan, load_users
from projects.models import Programme
from reports.demo.loader import load_reports_demo


def load_demo() -> Programme:
    with transaction.atomic():
        programme = load_plan()
        load_users(programme)
        load_budget(programme)
        load_indicators(programme)
        load_demo_figures()
        load_halfyear_demo(programme=programme)
        load_reports_demo(programme=programme)
    return programme
