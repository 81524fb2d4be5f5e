# The budget and the half-year cycle became apps of their own (budget/, halfyear/): their models leave projects' state.

from django.db import migrations

BUDGET = ["budgetamount", "budgetchange", "budgetline", "budgetsection", "budgetsettings", "spendingentry"]
HALFYEAR = ["cyclesettings", "halfyearevaluation", "halfyearplan", "projectstatus", "sentreminder", "smartgoal"]
MOVED = {
    "budget": BUDGET + [f"historical{name}" for name in BUDGET if name != "budgetsection"],
    "halfyear": HALFYEAR
    + [f"historical{name}" for name in HALFYEAR if name != "sentreminder"]
    + ["historicalhalfyearplan_activities"],
}


def move_content_types(apps, schema_editor, source="projects", back=False):
    """Content types (and so permissions and admin log entries) follow their models to the new app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app, models in MOVED.items():
        old, new = (app, source) if back else (source, app)
        ContentType.objects.filter(app_label=old, model__in=models).update(app_label=new)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, back=True)


class Migration(migrations.Migration):

    dependencies = [
        ('budget', '0001_initial'),
        ('halfyear', '0001_initial'),
        ('indicators', '0004_goal_indicator_to_halfyear'),
        ('projects', '0003_halfyear_cycle'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    state_operations = [
        migrations.RemoveField(
            model_name='budgetchange',
            name='decided_by',
        ),
        migrations.RemoveField(
            model_name='budgetchange',
            name='from_line',
        ),
        migrations.RemoveField(
            model_name='budgetchange',
            name='programme',
        ),
        migrations.RemoveField(
            model_name='budgetchange',
            name='proposed_by',
        ),
        migrations.RemoveField(
            model_name='budgetchange',
            name='to_line',
        ),
        migrations.RemoveField(
            model_name='budgetline',
            name='programme',
        ),
        migrations.RemoveField(
            model_name='budgetline',
            name='project',
        ),
        migrations.RemoveField(
            model_name='budgetline',
            name='section',
        ),
        migrations.RemoveField(
            model_name='historicalspendingentry',
            name='line',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetchange',
            name='from_line',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetamount',
            name='line',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetchange',
            name='to_line',
        ),
        migrations.RemoveField(
            model_name='spendingentry',
            name='line',
        ),
        migrations.RemoveField(
            model_name='budgetsection',
            name='programme',
        ),
        migrations.RemoveField(
            model_name='budgetsection',
            name='theme',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetline',
            name='section',
        ),
        migrations.RemoveField(
            model_name='budgetsettings',
            name='programme',
        ),
        migrations.RemoveField(
            model_name='cyclesettings',
            name='programme',
        ),
        migrations.RemoveField(
            model_name='halfyearevaluation',
            name='plan',
        ),
        migrations.RemoveField(
            model_name='halfyearevaluation',
            name='submitted_by',
        ),
        migrations.RemoveField(
            model_name='halfyearplan',
            name='activities',
        ),
        migrations.RemoveField(
            model_name='halfyearplan',
            name='decided_by',
        ),
        migrations.RemoveField(
            model_name='halfyearplan',
            name='project',
        ),
        migrations.RemoveField(
            model_name='halfyearplan',
            name='submitted_by',
        ),
        migrations.RemoveField(
            model_name='historicalhalfyearevaluation',
            name='plan',
        ),
        migrations.RemoveField(
            model_name='smartgoal',
            name='plan',
        ),
        migrations.RemoveField(
            model_name='historicalhalfyearplan_activities',
            name='halfyearplan',
        ),
        migrations.RemoveField(
            model_name='historicalsmartgoal',
            name='plan',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetamount',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetchange',
            name='decided_by',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetchange',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetchange',
            name='programme',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetchange',
            name='proposed_by',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetline',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetline',
            name='programme',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetline',
            name='project',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetsettings',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalbudgetsettings',
            name='programme',
        ),
        migrations.RemoveField(
            model_name='historicalcyclesettings',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalcyclesettings',
            name='programme',
        ),
        migrations.RemoveField(
            model_name='historicalhalfyearevaluation',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalhalfyearevaluation',
            name='submitted_by',
        ),
        migrations.RemoveField(
            model_name='historicalhalfyearplan',
            name='decided_by',
        ),
        migrations.RemoveField(
            model_name='historicalhalfyearplan',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalhalfyearplan',
            name='project',
        ),
        migrations.RemoveField(
            model_name='historicalhalfyearplan',
            name='submitted_by',
        ),
        migrations.RemoveField(
            model_name='historicalhalfyearplan_activities',
            name='history',
        ),
        migrations.RemoveField(
            model_name='historicalhalfyearplan_activities',
            name='activity',
        ),
        migrations.RemoveField(
            model_name='historicalprojectstatus',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalprojectstatus',
            name='project',
        ),
        migrations.RemoveField(
            model_name='historicalprojectstatus',
            name='recorded_by',
        ),
        migrations.RemoveField(
            model_name='historicalsmartgoal',
            name='carried_from',
        ),
        migrations.RemoveField(
            model_name='historicalsmartgoal',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalspendingentry',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalspendingentry',
            name='recorded_by',
        ),
        migrations.RemoveField(
            model_name='projectstatus',
            name='project',
        ),
        migrations.RemoveField(
            model_name='projectstatus',
            name='recorded_by',
        ),
        migrations.RemoveField(
            model_name='sentreminder',
            name='recipient',
        ),
        migrations.RemoveField(
            model_name='smartgoal',
            name='carried_from',
        ),
        migrations.RemoveField(
            model_name='spendingentry',
            name='recorded_by',
        ),
        migrations.DeleteModel(
            name='BudgetAmount',
        ),
        migrations.DeleteModel(
            name='BudgetChange',
        ),
        migrations.DeleteModel(
            name='BudgetLine',
        ),
        migrations.DeleteModel(
            name='BudgetSection',
        ),
        migrations.DeleteModel(
            name='BudgetSettings',
        ),
        migrations.DeleteModel(
            name='CycleSettings',
        ),
        migrations.DeleteModel(
            name='HalfYearEvaluation',
        ),
        migrations.DeleteModel(
            name='HalfYearPlan',
        ),
        migrations.DeleteModel(
            name='HistoricalBudgetAmount',
        ),
        migrations.DeleteModel(
            name='HistoricalBudgetChange',
        ),
        migrations.DeleteModel(
            name='HistoricalBudgetLine',
        ),
        migrations.DeleteModel(
            name='HistoricalBudgetSettings',
        ),
        migrations.DeleteModel(
            name='HistoricalCycleSettings',
        ),
        migrations.DeleteModel(
            name='HistoricalHalfYearEvaluation',
        ),
        migrations.DeleteModel(
            name='HistoricalHalfYearPlan',
        ),
        migrations.DeleteModel(
            name='HistoricalHalfYearPlan_activities',
        ),
        migrations.DeleteModel(
            name='HistoricalProjectStatus',
        ),
        migrations.DeleteModel(
            name='HistoricalSmartGoal',
        ),
        migrations.DeleteModel(
            name='HistoricalSpendingEntry',
        ),
        migrations.DeleteModel(
            name='ProjectStatus',
        ),
        migrations.DeleteModel(
            name='SentReminder',
        ),
        migrations.DeleteModel(
            name='SmartGoal',
        ),
        migrations.DeleteModel(
            name='SpendingEntry',
        ),
    ]

    # The tables stay where they are: only Django's idea of which app owns them changes.
    operations = [migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[]),
        migrations.RunPython(move_content_types, move_content_types_back)]
