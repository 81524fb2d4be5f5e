"""The measurements, now figures (0007), go; so do the text category and the norm fields of a KPI."""

import core.periods
import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('indicators', '0007_figures_from_measurements'),
        ('projects', '0004_move_budget_and_halfyear'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveField(
            model_name='indicator',
            name='category_label',
        ),
        migrations.RemoveField(
            model_name='historicalindicator',
            name='category_label',
        ),
        migrations.RemoveField(
            model_name='categoryalias',
            name='category_code',
        ),
        migrations.RemoveField(
            model_name='historicalindicator',
            name='norm',
        ),
        migrations.RemoveField(
            model_name='historicalindicator',
            name='norm_school_year',
        ),
        migrations.RemoveField(
            model_name='indicator',
            name='norm',
        ),
        migrations.RemoveField(
            model_name='indicator',
            name='norm_school_year',
        ),
        migrations.AlterField(
            model_name='indicator',
            name='category',
            field=models.ForeignKey(help_text='De reeks cijfers die deze indicator volgt, bijvoorbeeld MBO niveau 3.', on_delete=django.db.models.deletion.PROTECT, related_name='indicators', to='indicators.category', verbose_name='categorie'),
        ),
        migrations.DeleteModel(
            name='HistoricalMeasurement',
        ),
        migrations.DeleteModel(
            name='Measurement',
        ),
        migrations.AlterField(
            model_name='importrun',
            name='rows_skipped',
            field=models.PositiveIntegerField(default=0, verbose_name='overgeslagen (geen eigen categorie)'),
        ),
    ]
