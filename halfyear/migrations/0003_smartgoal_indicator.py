# A SMART goal names the programme KPI it is measured by in a field of its own (it used to be the side table
# indicators.GoalIndicator, filled through signals while halfyear was part of projects). Every existing link is
# copied into the new field; indicators/0005 then drops the side table.

import django.db.models.deletion
from django.db import migrations, models


def copy_links_to_goals(apps, schema_editor):
    GoalIndicator = apps.get_model("indicators", "GoalIndicator")
    SmartGoal = apps.get_model("halfyear", "SmartGoal")
    for goal_id, indicator_id in GoalIndicator.objects.values_list("goal_id", "indicator_id"):
        SmartGoal.objects.filter(pk=goal_id).update(indicator_id=indicator_id)


def copy_goals_to_links(apps, schema_editor):
    """Back: a link for every goal with a KPI that has none yet (indicators/0005's reverse may have made them)."""
    GoalIndicator = apps.get_model("indicators", "GoalIndicator")
    SmartGoal = apps.get_model("halfyear", "SmartGoal")
    linked = set(GoalIndicator.objects.values_list("goal_id", flat=True))
    GoalIndicator.objects.bulk_create(
        GoalIndicator(goal_id=goal_id, indicator_id=indicator_id)
        for goal_id, indicator_id in SmartGoal.objects.filter(indicator__isnull=False).values_list("pk", "indicator_id")
        if goal_id not in linked
    )


class Migration(migrations.Migration):

    dependencies = [
        ('halfyear', '0002_rename_plan_activities_history'),
        ('indicators', '0004_goal_indicator_to_halfyear'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalsmartgoal',
            name='indicator',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Kies de KPI als dit doel bijdraagt aan een KPI van het programma en daarmee wordt gemeten; beschrijf hierboven hoe u het meet.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='indicators.indicator', verbose_name='KPI van het programma'),
        ),
        migrations.AddField(
            model_name='smartgoal',
            name='indicator',
            field=models.ForeignKey(blank=True, help_text='Kies de KPI als dit doel bijdraagt aan een KPI van het programma en daarmee wordt gemeten; beschrijf hierboven hoe u het meet.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='smart_goals', to='indicators.indicator', verbose_name='KPI van het programma'),
        ),
        migrations.RunPython(copy_links_to_goals, copy_goals_to_links),
    ]
