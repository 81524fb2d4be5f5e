from datetime import date

import pytest

from budget.models import BudgetLine
from tests.conftest import the_demo, uses_demo

# A fixed "today" for the pace: 30 June 2024, half way through the last budget year (182 of 366 days).
TODAY = date(2024, 6, 30)


@pytest.fixture(autouse=True)
def fixed_today(request, clock):
    """Pin the clock for the budget's pace. Pinned after `demo` is set up, so the demo's half-years and meetings
    stay on the real day (no budget test checks them) rather than being moved to TODAY in every test, which
    would cost a re-placement per test; pages that show half-year states then read them for TODAY."""
    if uses_demo(request):
        the_demo(request)
    clock.set(TODAY)
    return TODAY


@pytest.fixture
def line(demo):
    """Return a demo budget line by its description (and optional section title)."""

    def get(description, section=None):
        lines = BudgetLine.objects.filter(programme=demo, description=description)
        if section:
            lines = lines.filter(section__title=section)
        return lines.get()

    return get
