"""Shared figures (Category, Figure, Norm), a KPI's category and area, import runs owned by a programme. The
measurements are carried over by 0007 and dropped by 0008."""

import core.periods
import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('indicators', '0005_delete_goalindicator'),
        ('projects', '0004_move_budget_and_halfyear'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Category',
            fields=[
                ('code', models.CharField(help_text='Zoals in webadressen en de API, bijvoorbeeld mbo-niveau-3.', max_length=40, primary_key=True, serialize=False, validators=[django.core.validators.RegexValidator('^[a-z0-9]+(?:-[a-z0-9]+)*$', 'Alleen kleine letters, cijfers en streepjes.')], verbose_name='code')),
                ('name', models.CharField(max_length=100, verbose_name='naam')),
                ('group', models.CharField(choices=[('vo', 'VO'), ('mbo', 'MBO'), ('terugkeer', 'Terugkeer'), ('totaal', 'Totaal')], max_length=20, verbose_name='groep')),
                ('kind', models.CharField(choices=[('normcategorie', 'normcategorie'), ('totaal', 'totaal'), ('een-jaar-later', 'een jaar later'), ('historisch', 'oude categorie'), ('eigen', 'eigen reeks van een programma')], default='normcategorie', max_length=20, verbose_name='soort')),
                ('unit', models.CharField(choices=[('percentage', 'percentage'), ('aantal', 'aantal')], default='percentage', max_length=20, verbose_name='eenheid')),
                ('direction', models.CharField(choices=[('lower', 'lager is beter'), ('higher', 'hoger is beter')], default='lower', max_length=10, verbose_name='richting')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
            ],
            options={
                'verbose_name': 'categorie',
                'verbose_name_plural': 'categorieën',
                'ordering': ['position', 'code'],
            },
        ),
        migrations.CreateModel(
            name='Figure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='gewijzigd op')),
                ('area_kind', models.CharField(choices=[('land', 'Nederland'), ('regio', 'RMC-regio'), ('gemeente', 'gemeente'), ('instelling', 'instelling')], max_length=20, verbose_name='soort gebied')),
                ('area_code', models.CharField(help_text='nl, een RMC-code of een gemeentenummer.', max_length=12, verbose_name='gebiedscode')),
                ('school_year', models.CharField(max_length=9, validators=[core.periods.validate_school_year], verbose_name='schooljaar')),
                ('breakdown', models.CharField(blank=True, choices=[('', 'totaal (geen uitsplitsing)'), ('leerweg', 'leerweg en leerjaar'), ('geslacht', 'geslacht'), ('leeftijd', 'leeftijd'), ('gemeente', 'gemeente')], default='', max_length=20, verbose_name='uitsplitsing')),
                ('breakdown_value', models.CharField(blank=True, default='', max_length=100, verbose_name='waarde van de uitsplitsing')),
                ('value', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(0)], verbose_name='cijfer')),
                ('numerator', models.PositiveIntegerField(blank=True, help_text="Bijvoorbeeld het aantal vsv'ers.", null=True, verbose_name='teller')),
                ('denominator', models.PositiveIntegerField(blank=True, help_text='Bijvoorbeeld het aantal deelnemers.', null=True, verbose_name='noemer')),
                ('finality', models.CharField(choices=[('voorlopig', 'voorlopig'), ('definitief', 'definitief'), ('niet-vermeld', 'niet vermeld')], default='voorlopig', max_length=20, verbose_name='voorlopig of definitief')),
                ('source', models.CharField(choices=[('hand', 'met de hand ingevoerd'), ('import', 'DUO-import'), ('document', 'uit een document')], default='hand', max_length=20, verbose_name='bron')),
                ('source_detail', models.CharField(blank=True, max_length=300, verbose_name='bron, toelichting')),
            ],
            options={
                'verbose_name': 'cijfer',
                'verbose_name_plural': 'cijfers',
                'ordering': ['category', 'area_kind', 'area_code', 'school_year', 'breakdown', 'breakdown_value'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalFigure',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='gewijzigd op')),
                ('area_kind', models.CharField(choices=[('land', 'Nederland'), ('regio', 'RMC-regio'), ('gemeente', 'gemeente'), ('instelling', 'instelling')], max_length=20, verbose_name='soort gebied')),
                ('area_code', models.CharField(help_text='nl, een RMC-code of een gemeentenummer.', max_length=12, verbose_name='gebiedscode')),
                ('school_year', models.CharField(max_length=9, validators=[core.periods.validate_school_year], verbose_name='schooljaar')),
                ('breakdown', models.CharField(blank=True, choices=[('', 'totaal (geen uitsplitsing)'), ('leerweg', 'leerweg en leerjaar'), ('geslacht', 'geslacht'), ('leeftijd', 'leeftijd'), ('gemeente', 'gemeente')], default='', max_length=20, verbose_name='uitsplitsing')),
                ('breakdown_value', models.CharField(blank=True, default='', max_length=100, verbose_name='waarde van de uitsplitsing')),
                ('value', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(0)], verbose_name='cijfer')),
                ('numerator', models.PositiveIntegerField(blank=True, help_text="Bijvoorbeeld het aantal vsv'ers.", null=True, verbose_name='teller')),
                ('denominator', models.PositiveIntegerField(blank=True, help_text='Bijvoorbeeld het aantal deelnemers.', null=True, verbose_name='noemer')),
                ('finality', models.CharField(choices=[('voorlopig', 'voorlopig'), ('definitief', 'definitief'), ('niet-vermeld', 'niet vermeld')], default='voorlopig', max_length=20, verbose_name='voorlopig of definitief')),
                ('source', models.CharField(choices=[('hand', 'met de hand ingevoerd'), ('import', 'DUO-import'), ('document', 'uit een document')], default='hand', max_length=20, verbose_name='bron')),
                ('source_detail', models.CharField(blank=True, max_length=300, verbose_name='bron, toelichting')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical cijfer',
                'verbose_name_plural': 'historical cijfers',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalNorm',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='gewijzigd op')),
                ('school_year', models.CharField(max_length=9, validators=[core.periods.validate_school_year], verbose_name='schooljaar')),
                ('value', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='streefnorm')),
                ('source_detail', models.CharField(blank=True, max_length=300, verbose_name='bron')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical landelijke streefnorm',
                'verbose_name_plural': 'historical landelijke streefnormen',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Norm',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='gewijzigd op')),
                ('school_year', models.CharField(max_length=9, validators=[core.periods.validate_school_year], verbose_name='schooljaar')),
                ('value', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='streefnorm')),
                ('source_detail', models.CharField(blank=True, max_length=300, verbose_name='bron')),
            ],
            options={
                'verbose_name': 'landelijke streefnorm',
                'verbose_name_plural': 'landelijke streefnormen',
                'ordering': ['category', 'school_year'],
            },
        ),
        migrations.AlterModelOptions(
            name='categoryalias',
            options={'ordering': ['category', 'alias'], 'verbose_name': 'categorienaam van DUO', 'verbose_name_plural': 'categorienamen van DUO'},
        ),
        migrations.RemoveConstraint(
            model_name='importrun',
            name='figures_file_imported_once',
        ),
        migrations.AddField(
            model_name='historicalindicator',
            name='area_code',
            field=models.CharField(blank=True, max_length=12, verbose_name='gebiedscode'),
        ),
        migrations.AddField(
            model_name='historicalindicator',
            name='area_kind',
            field=models.CharField(blank=True, choices=[('land', 'Nederland'), ('regio', 'RMC-regio'), ('gemeente', 'gemeente'), ('instelling', 'instelling')], help_text='Leeg: de RMC-regio van het programma.', max_length=20, verbose_name='soort gebied'),
        ),
        migrations.AddField(
            model_name='importrun',
            name='programme',
            field=models.ForeignKey(blank=True, help_text='Leeg: een import van de gegevensbeheerders (alle gebieden).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='import_runs', to='projects.programme', verbose_name='programma'),
        ),
        migrations.AddField(
            model_name='indicator',
            name='area_code',
            field=models.CharField(blank=True, max_length=12, verbose_name='gebiedscode'),
        ),
        migrations.AddField(
            model_name='indicator',
            name='area_kind',
            field=models.CharField(blank=True, choices=[('land', 'Nederland'), ('regio', 'RMC-regio'), ('gemeente', 'gemeente'), ('instelling', 'instelling')], help_text='Leeg: de RMC-regio van het programma.', max_length=20, verbose_name='soort gebied'),
        ),
        migrations.AlterField(
            model_name='columnalias',
            name='field',
            field=models.CharField(choices=[('region_code', 'RMC-regiocode'), ('region_name', 'RMC-regionaam'), ('municipality_code', 'gemeentenummer'), ('municipality_name', 'gemeentenaam'), ('school_year', 'schooljaar'), ('category', 'normcategorie'), ('education_type', 'onderwijssoort (vo/mbo)'), ('participants', 'aantal deelnemers'), ('dropouts', "aantal vsv'ers"), ('percentage', 'vsv-percentage'), ('status', 'status (voorlopig/definitief)'), ('back_in_education', 'aantal terug in onderwijs'), ('working', 'aantal werkend'), ('share_back_in_education', 'aandeel terug in onderwijs (%)'), ('share_working', 'aandeel werkend (%)'), ('note', 'bron of toelichting per regel'), ('leerweg', 'uitsplitsing: leerweg en leerjaar'), ('geslacht', 'uitsplitsing: geslacht'), ('leeftijd', 'uitsplitsing: leeftijd')], max_length=30, verbose_name='veld'),
        ),
        migrations.AddConstraint(
            model_name='importrun',
            constraint=models.UniqueConstraint(condition=models.Q(('kind', 'vsv-cijfers'), ('programme__isnull', True), ('status', 'geslaagd')), fields=('kind', 'checksum'), name='figures_file_imported_once'),
        ),
        migrations.AddConstraint(
            model_name='importrun',
            constraint=models.UniqueConstraint(condition=models.Q(('kind', 'vsv-cijfers'), ('programme__isnull', False), ('status', 'geslaagd')), fields=('programme', 'kind', 'checksum'), name='figures_file_imported_once_per_programme'),
        ),
        migrations.AddField(
            model_name='category',
            name='programme',
            field=models.ForeignKey(blank=True, help_text='Alleen voor een reeks die DUO niet publiceert en één programma zelf bijhoudt.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='own_categories', to='projects.programme', verbose_name='programma (eigen reeks)'),
        ),
        migrations.AddField(
            model_name='categoryalias',
            name='category',
            field=models.ForeignKey(blank=True, help_text='Leeg: regels met deze naam worden overgeslagen (geen eigen categorie).', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='aliases', to='indicators.category', verbose_name='categorie'),
        ),
        migrations.RenameField(
            model_name='historicalindicator',
            old_name='category',
            new_name='category_label',
        ),
        migrations.AddField(
            model_name='historicalindicator',
            name='category',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='De reeks cijfers die deze indicator volgt, bijvoorbeeld MBO niveau 3.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='indicators.category', verbose_name='categorie'),
        ),
        migrations.RenameField(
            model_name='indicator',
            old_name='category',
            new_name='category_label',
        ),
        migrations.AddField(
            model_name='indicator',
            name='category',
            field=models.ForeignKey(null=True, help_text='De reeks cijfers die deze indicator volgt, bijvoorbeeld MBO niveau 3.', on_delete=django.db.models.deletion.PROTECT, related_name='indicators', to='indicators.category', verbose_name='categorie'),
        ),
        migrations.AddField(
            model_name='figure',
            name='category',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='figures', to='indicators.category', verbose_name='categorie'),
        ),
        migrations.AddField(
            model_name='figure',
            name='entered_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ingevoerd door'),
        ),
        migrations.AddField(
            model_name='figure',
            name='import_run',
            field=models.ForeignKey(blank=True, help_text='De DUO-import die dit cijfer het laatst heeft gewijzigd.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='figures', to='indicators.importrun', verbose_name='import'),
        ),
        migrations.AddField(
            model_name='figure',
            name='programme',
            field=models.ForeignKey(blank=True, help_text='Bij een cijfer met de hand: het programma waarvan de programmamanagers het mogen wijzigen.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='projects.programme', verbose_name='ingevoerd voor programma'),
        ),
        migrations.AddField(
            model_name='historicalfigure',
            name='category',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='indicators.category', verbose_name='categorie'),
        ),
        migrations.AddField(
            model_name='historicalfigure',
            name='entered_by',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ingevoerd door'),
        ),
        migrations.AddField(
            model_name='historicalfigure',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalfigure',
            name='import_run',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='De DUO-import die dit cijfer het laatst heeft gewijzigd.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='indicators.importrun', verbose_name='import'),
        ),
        migrations.AddField(
            model_name='historicalfigure',
            name='programme',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Bij een cijfer met de hand: het programma waarvan de programmamanagers het mogen wijzigen.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='projects.programme', verbose_name='ingevoerd voor programma'),
        ),
        migrations.AddField(
            model_name='historicalnorm',
            name='category',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='indicators.category', verbose_name='categorie'),
        ),
        migrations.AddField(
            model_name='historicalnorm',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='norm',
            name='category',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='norms', to='indicators.category', verbose_name='categorie'),
        ),
        migrations.AddIndex(
            model_name='figure',
            index=models.Index(fields=['area_kind', 'area_code', 'school_year'], name='figure_area_year'),
        ),
        migrations.AddConstraint(
            model_name='figure',
            constraint=models.UniqueConstraint(fields=('category', 'area_kind', 'area_code', 'school_year', 'breakdown', 'breakdown_value'), name='one_figure_per_category_area_year_breakdown'),
        ),
        migrations.AddConstraint(
            model_name='figure',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('breakdown', ''), ('breakdown_value', '')), models.Q(models.Q(('breakdown', ''), _negated=True), models.Q(('breakdown_value', ''), _negated=True)), _connector='OR'), name='figure_breakdown_has_value'),
        ),
        migrations.AddConstraint(
            model_name='norm',
            constraint=models.UniqueConstraint(fields=('category', 'school_year'), name='one_norm_per_category_year'),
        ),
    ]
