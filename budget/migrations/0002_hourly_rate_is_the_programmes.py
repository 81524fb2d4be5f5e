# The budget settings hold the programme's one hourly rate (the half-year cycle's copy goes in halfyear 0003); its help
# text says what the rate is used for.

import django.core.validators
from decimal import Decimal
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('budget', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='budgetsettings',
            name='hourly_rate',
            field=models.DecimalField(decimal_places=2, default=Decimal('50'), help_text='Voor bestedingen in uren en voor nieuwe halfjaarplannen; een plan houdt het tarief waarmee het is gestart. Standaard het tarief van de VSV-regeling (seed 004, hoofdstuk 7).', max_digits=8, validators=[django.core.validators.MinValueValidator(0)], verbose_name='uurtarief'),
        ),
        migrations.AlterField(
            model_name='historicalbudgetsettings',
            name='hourly_rate',
            field=models.DecimalField(decimal_places=2, default=Decimal('50'), help_text='Voor bestedingen in uren en voor nieuwe halfjaarplannen; een plan houdt het tarief waarmee het is gestart. Standaard het tarief van de VSV-regeling (seed 004, hoofdstuk 7).', max_digits=8, validators=[django.core.validators.MinValueValidator(0)], verbose_name='uurtarief'),
        ),
    ]
