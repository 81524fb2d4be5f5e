"""Migration halfyear 0004: the cycle's own hourly rate goes, by the rule in its header; no rate is lost."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("halfyear", "0003_smartgoal_indicator"), ("budget", "0001_initial")]
AFTER = [("halfyear", "0004_hourly_rate_in_budget_settings"), ("budget", "0002_hourly_rate_is_the_programmes")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.migrations
@pytest.mark.django_db(transaction=True)
def test_cycle_rates_move_to_the_budget_settings():
    old = _migrate(BEFORE)
    try:
        region = old.get_model("projects", "Region").objects.create(code="99", name="Proefregio")
        programme = old.get_model("projects", "Programme")
        cycle = old.get_model("halfyear", "CycleSettings")
        budget = old.get_model("budget", "BudgetSettings")
        both, alone, default = (
            # concepts of their own periods: one region has at most one active programme and one per period
            # (projects 0005 and 0006 stay applied here)
            programme.objects.create(
                region=region, title=title, first_year=first, last_year=first + 3, status="concept"
            )
            for title, first in (("met begroting", 2021), ("zonder begroting", 2025), ("standaardtarief", 2029))
        )
        budget.objects.create(programme=both, first_year=2025, last_year=2026, hourly_rate=Decimal(55))
        cycle.objects.create(programme=both, hourly_rate=Decimal(60))
        cycle.objects.create(programme=alone, hourly_rate=Decimal("47.50"))
        cycle.objects.create(programme=default, hourly_rate=Decimal(50))

        new = _migrate(AFTER)
        settings = new.get_model("budget", "BudgetSettings").objects
        assert settings.get(programme_id=both.pk).hourly_rate == 55  # the budget's rate wins
        made = settings.get(programme_id=alone.pk)
        assert (made.hourly_rate, made.first_year, made.last_year) == (Decimal("47.50"), 2025, 2028)
        history = new.get_model("budget", "HistoricalBudgetSettings").objects.get(id=made.pk)
        assert history.history_type == "+" and "halfjaarcyclus" in history.history_change_reason
        assert not settings.filter(programme_id=default.pk).exists()  # the default applies without a row

        back = _migrate(BEFORE)
        rates = dict(back.get_model("halfyear", "CycleSettings").objects.values_list("programme_id", "hourly_rate"))
        assert rates == {both.pk: 55, alone.pk: Decimal("47.50"), default.pk: 50}
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
