# django-simple-history names the history table of a many-to-many field after its app and offers no option to
# keep the old name, so this one table really moves: projects_historicalhalfyearplan_activities →
# halfyear_historicalhalfyearplan_activities (its rows go with it).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("halfyear", "0001_initial"),
        ("projects", "0004_move_budget_and_halfyear"),
    ]

    operations = [
        migrations.AlterModelTable(name="historicalhalfyearplan_activities", table=None),
    ]
