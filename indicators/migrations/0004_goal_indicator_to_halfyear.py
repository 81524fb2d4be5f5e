# SmartGoal moved from projects to halfyear; the foreign key's column and constraint stay as they are.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('halfyear', '0001_initial'),
        ('indicators', '0003_goal_indicator'),
    ]

    state_operations = [
        migrations.AlterField(
            model_name='goalindicator',
            name='goal',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='kpi_link', to='halfyear.smartgoal', verbose_name='SMART-doel'),
        ),
        migrations.AlterField(
            model_name='historicalgoalindicator',
            name='goal',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='halfyear.smartgoal', verbose_name='SMART-doel'),
        ),
    ]

    # The tables stay where they are: only Django's idea of which app owns them changes.
    operations = [migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[])]
