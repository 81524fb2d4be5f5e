# The KPI of a SMART goal is now SmartGoal.indicator (halfyear/0003 copied every link there): the side table
# and its history go. Migrating back recreates the table and fills it from the goals again (the history of the
# links from before this migration is not restored).

from django.db import migrations


def copy_goals_to_links(apps, schema_editor):
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
        ('halfyear', '0003_smartgoal_indicator'),
        ('indicators', '0004_goal_indicator_to_halfyear'),
    ]

    operations = [
        # Backwards this runs last, once the tables are back.
        migrations.RunPython(migrations.RunPython.noop, copy_goals_to_links),
        migrations.DeleteModel(
            name='HistoricalGoalIndicator',
        ),
        migrations.DeleteModel(
            name='GoalIndicator',
        ),
    ]
