# The budget's models, moved out of projects (their tables keep the names projects_*).

import django.core.validators
import django.db.models.deletion
import simple_history.models
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('projects', '0003_halfyear_cycle'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    state_operations = [
        migrations.CreateModel(
            name='BudgetSection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(verbose_name='volgorde')),
                ('title', models.CharField(max_length=200, verbose_name='titel')),
                ('shows_total', models.BooleanField(default=True, verbose_name='toont een totaalregel')),
                ('note', models.CharField(blank=True, max_length=200, verbose_name='opmerking')),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='budget_sections', to='projects.programme', verbose_name='programma')),
                ('theme', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='budget_sections', to='projects.theme', verbose_name='thema')),
            ],
            options={
                'verbose_name': 'begrotingsblok',
                'verbose_name_plural': 'begrotingsblokken',
                'db_table': 'projects_budgetsection',
                'ordering': ['programme', 'position'],
            },
        ),
        migrations.CreateModel(
            name='BudgetLine',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('description', models.CharField(max_length=300, verbose_name='omschrijving')),
                ('recipient', models.CharField(choices=[('contactgemeente', 'contactgemeente'), ('contactschool', 'contactschool')], max_length=20, verbose_name='ontvanger')),
                ('kind', models.CharField(choices=[('werkbudget', 'werkbudget'), ('project', 'project'), ('plusvoorziening', 'plusvoorziening'), ('regelruimte', 'regelruimte')], default='project', max_length=20, verbose_name='soort')),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='budget_lines', to='projects.programme', verbose_name='programma')),
                ('project', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='budget_lines', to='projects.project', verbose_name='project')),
                ('section', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='lines', to='budget.budgetsection', verbose_name='begrotingsblok')),
            ],
            options={
                'verbose_name': 'begrotingsregel',
                'verbose_name_plural': 'begrotingsregels',
                'db_table': 'projects_budgetline',
                'ordering': ['programme', 'section__position', 'position', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='BudgetSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('first_year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='eerste begrotingsjaar')),
                ('last_year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='laatste begrotingsjaar')),
                ('hourly_rate', models.DecimalField(decimal_places=2, default=Decimal('50'), max_digits=8, validators=[django.core.validators.MinValueValidator(0)], verbose_name='uurtarief')),
                ('pace_behind_below_pct', models.DecimalField(decimal_places=2, default=Decimal('20'), max_digits=5, verbose_name='achter op schema onder (% per kwartaal)')),
                ('pace_ahead_above_pct', models.DecimalField(decimal_places=2, default=Decimal('30'), max_digits=5, verbose_name='voor op schema boven (% per kwartaal)')),
                ('pace_far_ahead_above_pct', models.DecimalField(decimal_places=2, default=Decimal('50'), max_digits=5, verbose_name='ruim voor op schema boven (% per kwartaal)')),
                ('programme', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='budget_settings', to='projects.programme', verbose_name='programma')),
            ],
            options={
                'verbose_name': 'begrotingsinstellingen',
                'verbose_name_plural': 'begrotingsinstellingen',
                'db_table': 'projects_budgetsettings',
            },
        ),
        migrations.CreateModel(
            name='HistoricalBudgetAmount',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='jaar')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(0)], verbose_name='bedrag')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('line', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='budget.budgetline', verbose_name='begrotingsregel')),
            ],
            options={
                'verbose_name': 'historical begroot bedrag',
                'verbose_name_plural': 'historical begrote bedragen',
                'db_table': 'projects_historicalbudgetamount',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalBudgetChange',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='jaar')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='bedrag')),
                ('reason', models.TextField(verbose_name='reden')),
                ('status', models.CharField(choices=[('voorgesteld', 'voorgesteld'), ('goedgekeurd', 'goedgekeurd'), ('afgewezen', 'afgewezen')], default='voorgesteld', max_length=20, verbose_name='status')),
                ('proposed_at', models.DateTimeField(blank=True, editable=False, verbose_name='voorgesteld op')),
                ('decided_on', models.DateField(blank=True, null=True, verbose_name='datum besluit')),
                ('decision_note', models.CharField(blank=True, max_length=300, verbose_name='toelichting bij het besluit')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('decided_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='besloten door')),
                ('from_line', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='budget.budgetline', verbose_name='van begrotingsregel')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='projects.programme', verbose_name='programma')),
                ('proposed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='voorgesteld door')),
                ('to_line', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='budget.budgetline', verbose_name='naar begrotingsregel')),
            ],
            options={
                'verbose_name': 'historical begrotingswijziging',
                'verbose_name_plural': 'historical begrotingswijzigingen',
                'db_table': 'projects_historicalbudgetchange',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalBudgetLine',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('description', models.CharField(max_length=300, verbose_name='omschrijving')),
                ('recipient', models.CharField(choices=[('contactgemeente', 'contactgemeente'), ('contactschool', 'contactschool')], max_length=20, verbose_name='ontvanger')),
                ('kind', models.CharField(choices=[('werkbudget', 'werkbudget'), ('project', 'project'), ('plusvoorziening', 'plusvoorziening'), ('regelruimte', 'regelruimte')], default='project', max_length=20, verbose_name='soort')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='projects.programme', verbose_name='programma')),
                ('project', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='projects.project', verbose_name='project')),
                ('section', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='budget.budgetsection', verbose_name='begrotingsblok')),
            ],
            options={
                'verbose_name': 'historical begrotingsregel',
                'verbose_name_plural': 'historical begrotingsregels',
                'db_table': 'projects_historicalbudgetline',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalBudgetSettings',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('first_year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='eerste begrotingsjaar')),
                ('last_year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='laatste begrotingsjaar')),
                ('hourly_rate', models.DecimalField(decimal_places=2, default=Decimal('50'), max_digits=8, validators=[django.core.validators.MinValueValidator(0)], verbose_name='uurtarief')),
                ('pace_behind_below_pct', models.DecimalField(decimal_places=2, default=Decimal('20'), max_digits=5, verbose_name='achter op schema onder (% per kwartaal)')),
                ('pace_ahead_above_pct', models.DecimalField(decimal_places=2, default=Decimal('30'), max_digits=5, verbose_name='voor op schema boven (% per kwartaal)')),
                ('pace_far_ahead_above_pct', models.DecimalField(decimal_places=2, default=Decimal('50'), max_digits=5, verbose_name='ruim voor op schema boven (% per kwartaal)')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='projects.programme', verbose_name='programma')),
            ],
            options={
                'verbose_name': 'historical begrotingsinstellingen',
                'verbose_name_plural': 'historical begrotingsinstellingen',
                'db_table': 'projects_historicalbudgetsettings',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalSpendingEntry',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('date', models.DateField(verbose_name='datum')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='bedrag')),
                ('description', models.CharField(max_length=300, verbose_name='omschrijving')),
                ('hours', models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='uren')),
                ('hourly_rate', models.DecimalField(blank=True, decimal_places=2, max_digits=8, null=True, verbose_name='uurtarief')),
                ('recorded_at', models.DateTimeField(blank=True, editable=False, verbose_name='vastgelegd op')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('line', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='budget.budgetline', verbose_name='begrotingsregel')),
                ('recorded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='vastgelegd door')),
            ],
            options={
                'verbose_name': 'historical besteding',
                'verbose_name_plural': 'historical bestedingen',
                'db_table': 'projects_historicalspendingentry',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='SpendingEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(verbose_name='datum')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='bedrag')),
                ('description', models.CharField(max_length=300, verbose_name='omschrijving')),
                ('hours', models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='uren')),
                ('hourly_rate', models.DecimalField(blank=True, decimal_places=2, max_digits=8, null=True, verbose_name='uurtarief')),
                ('recorded_at', models.DateTimeField(auto_now_add=True, verbose_name='vastgelegd op')),
                ('line', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='spending', to='budget.budgetline', verbose_name='begrotingsregel')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='vastgelegd door')),
            ],
            options={
                'verbose_name': 'besteding',
                'verbose_name_plural': 'bestedingen',
                'db_table': 'projects_spendingentry',
                'ordering': ['-date', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='BudgetChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='jaar')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='bedrag')),
                ('reason', models.TextField(verbose_name='reden')),
                ('status', models.CharField(choices=[('voorgesteld', 'voorgesteld'), ('goedgekeurd', 'goedgekeurd'), ('afgewezen', 'afgewezen')], default='voorgesteld', max_length=20, verbose_name='status')),
                ('proposed_at', models.DateTimeField(auto_now_add=True, verbose_name='voorgesteld op')),
                ('decided_on', models.DateField(blank=True, null=True, verbose_name='datum besluit')),
                ('decision_note', models.CharField(blank=True, max_length=300, verbose_name='toelichting bij het besluit')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='besloten door')),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='budget_changes', to='projects.programme', verbose_name='programma')),
                ('proposed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='voorgesteld door')),
                ('from_line', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='changes_out', to='budget.budgetline', verbose_name='van begrotingsregel')),
                ('to_line', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='changes_in', to='budget.budgetline', verbose_name='naar begrotingsregel')),
            ],
            options={
                'verbose_name': 'begrotingswijziging',
                'verbose_name_plural': 'begrotingswijzigingen',
                'db_table': 'projects_budgetchange',
                'ordering': ['-proposed_at', '-pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='budget_change_amount_positive'), models.CheckConstraint(condition=models.Q(('from_line', models.F('to_line')), _negated=True), name='budget_change_between_two_lines'), models.CheckConstraint(condition=models.Q(('status', 'voorgesteld'), models.Q(('decided_by__isnull', False), ('decided_on__isnull', False)), _connector='OR'), name='budget_change_decision_dated')],
            },
        ),
        migrations.CreateModel(
            name='BudgetAmount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='jaar')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(0)], verbose_name='bedrag')),
                ('line', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='amounts', to='budget.budgetline', verbose_name='begrotingsregel')),
            ],
            options={
                'verbose_name': 'begroot bedrag',
                'verbose_name_plural': 'begrote bedragen',
                'db_table': 'projects_budgetamount',
                'ordering': ['line', 'year'],
                'constraints': [models.UniqueConstraint(fields=('line', 'year'), name='one_budget_amount_per_line_year'), models.CheckConstraint(condition=models.Q(('amount__gte', 0)), name='budget_amount_not_negative')],
            },
        ),
        migrations.AddConstraint(
            model_name='budgetsection',
            constraint=models.UniqueConstraint(fields=('programme', 'title'), name='one_budget_section_title_per_programme'),
        ),
        migrations.AddConstraint(
            model_name='budgetline',
            constraint=models.UniqueConstraint(fields=('section', 'description'), name='one_budget_line_description_per_section'),
        ),
        migrations.AddConstraint(
            model_name='budgetsettings',
            constraint=models.CheckConstraint(condition=models.Q(('last_year__gte', models.F('first_year'))), name='budget_years_ordered'),
        ),
        migrations.AddConstraint(
            model_name='spendingentry',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='spending_amount_positive'),
        ),
    ]

    # The tables stay where they are: only Django's idea of which app owns them changes.
    operations = [migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[])]
