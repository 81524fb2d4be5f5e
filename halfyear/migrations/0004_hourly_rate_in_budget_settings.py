# The programme has one hourly rate, in the budget settings: the half-year cycle's own copy goes.
#
# Rule for the rates already stored (per programme with cycle settings):
# - budget settings exist: their rate is kept, whatever the cycle settings said (it is the rate spending was
#   priced with; new plans now take it over too);
# - no budget settings, and the cycle's rate is the default (€ 50): nothing is written, because a programme
#   without budget settings gets the default rate (budget.selectors.hourly_rate), so nothing changes;
# - no budget settings, and another rate: budget settings are made with that rate and the programme's years
#   (plus a history row saying why), so the rate is not lost.
# Plans keep the rate they were started with (HalfYearPlan.hourly_rate); none is repriced.
# Backwards, the cycle settings get the budget's rate again (or the default); budget settings made here stay.

from decimal import Decimal

from django.db import migrations
from django.utils import timezone

CYCLE_DEFAULT_RATE = Decimal("50.00")  # the removed field's default, as it was


def rates_to_budget_settings(apps, schema_editor):
    CycleSettings = apps.get_model("halfyear", "CycleSettings")
    BudgetSettings = apps.get_model("budget", "BudgetSettings")
    HistoricalBudgetSettings = apps.get_model("budget", "HistoricalBudgetSettings")
    with_budget = BudgetSettings.objects.values("programme_id")
    cycles = CycleSettings.objects.exclude(hourly_rate=CYCLE_DEFAULT_RATE).exclude(programme_id__in=with_budget)
    for cycle in cycles.select_related("programme"):
        programme = cycle.programme
        settings = BudgetSettings.objects.create(
            programme=programme,
            first_year=programme.first_year,
            last_year=max(programme.first_year, programme.last_year),
            hourly_rate=cycle.hourly_rate,
        )
        HistoricalBudgetSettings.objects.create(
            **{field.attname: getattr(settings, field.attname) for field in BudgetSettings._meta.concrete_fields},
            history_date=timezone.now(),
            history_type="+",
            history_change_reason="uurtarief uit de instellingen van de halfjaarcyclus",
        )


def rates_back_to_cycle_settings(apps, schema_editor):
    CycleSettings = apps.get_model("halfyear", "CycleSettings")
    BudgetSettings = apps.get_model("budget", "BudgetSettings")
    rates = dict(BudgetSettings.objects.values_list("programme_id", "hourly_rate"))
    for cycle in CycleSettings.objects.all():
        cycle.hourly_rate = rates.get(cycle.programme_id, CYCLE_DEFAULT_RATE)
        cycle.save(update_fields=["hourly_rate"])


class Migration(migrations.Migration):
    dependencies = [
        ("halfyear", "0003_smartgoal_indicator"),
        ("budget", "0002_hourly_rate_is_the_programmes"),
    ]

    operations = [
        migrations.RunPython(rates_to_budget_settings, rates_back_to_cycle_settings),
        migrations.RemoveField(model_name="cyclesettings", name="hourly_rate"),
        migrations.RemoveField(model_name="historicalcyclesettings", name="hourly_rate"),
    ]
