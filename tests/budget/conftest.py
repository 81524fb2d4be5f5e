from datetime import date

import pytest

from budget import selectors
from budget.models import BudgetLine

# A fixed "today" for the pace: 30 June 2024, half way through the last budget year (182 of 366 days).
TODAY = date(2024, 6, 30)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(selectors, "today", lambda: TODAY)
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
