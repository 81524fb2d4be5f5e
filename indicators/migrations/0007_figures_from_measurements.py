"""Carry a programme's measurements over into the shared figures, without losing any.

- The built-in categories are written; each KPI gets its category: by its code, else by its text category as DUO
  spells it, else a category of its own (kind "eigen", of its programme; two programmes' series with the same
  code get a category each). Category aliases point at categories.
- A KPI's norm becomes the national norm of its category for its school year (the first one seen wins; a
  different norm of another KPI is named in the norm's source).
- Measurements become figures of their region: one per category × region × school year. Where two KPIs held the
  same fact (two programmes of one region), the most recently changed value is kept; the history of all of them
  goes with it (each row with the programme it was entered for, if by hand), and a last history row names the
  merge, so every earlier value stays readable. The history of a measurement deleted before this migration has
  no figure to belong to and is not carried over.
- An import run of figures made by someone who manages exactly one programme becomes that programme's; the rest
  (and every run of a regions file) stay the data stewards' (programme empty).
"""

from collections import defaultdict

from django.db import migrations
from django.utils import timezone

from indicators.categories import BUILT_IN, aliases
from indicators.importers.vocabulary import normalise

MEASUREMENT_FIELDS = ("school_year", "value", "numerator", "denominator", "finality", "source", "source_detail")


def _categories(apps):
    Category = apps.get_model("indicators", "Category")
    present = set(Category.objects.values_list("code", flat=True))
    Category.objects.bulk_create(
        [
            Category(
                code=c.code, name=c.name, group=c.group, kind=c.kind, direction=c.direction, position=position
            )
            for position, c in enumerate(BUILT_IN, start=1)
            if c.code not in present
        ]
    )
    CategoryAlias = apps.get_model("indicators", "CategoryAlias")
    codes = set(Category.objects.values_list("code", flat=True))
    for alias in CategoryAlias.objects.exclude(category_code=""):
        if alias.category_code in codes:
            alias.category_id = alias.category_code
            alias.save(update_fields=["category"])


def _indicator_categories(apps):
    Category = apps.get_model("indicators", "Category")
    Indicator = apps.get_model("indicators", "Indicator")
    HistoricalIndicator = apps.get_model("indicators", "HistoricalIndicator")
    built_in = {category.code for category in BUILT_IN}
    taken = set(Category.objects.values_list("code", flat=True))
    own = {}  # (programme, label) -> the category made for that programme's series here
    spellings = {normalise(alias): code for alias, code in aliases().items() if code}
    for indicator in Indicator.objects.select_related("programme").order_by("pk"):
        code = indicator.code if indicator.code in built_in else spellings.get(normalise(indicator.category_label))
        if code is None:  # a series of the programme's own: a category of its own, never another programme's
            key = (indicator.programme_id, normalise(indicator.category_label or indicator.code))
            code = own.get(key)
            if code is None:
                code = indicator.code[:40]
                if code in taken:
                    code = f"{indicator.code[:30]}-{indicator.programme_id}"[:40]
                Category.objects.create(
                    code=code,
                    name=(indicator.category_label or indicator.name)[:100],
                    group=indicator.group,
                    kind="eigen",
                    unit=indicator.unit,
                    direction=indicator.direction,
                    position=100 + indicator.position,
                    programme_id=indicator.programme_id,
                )
                taken.add(code)
                own[key] = code
        indicator.category_id = code
        indicator.save(update_fields=["category"])
        HistoricalIndicator.objects.filter(id=indicator.pk).update(category_id=code)


def _norms(apps):
    Indicator = apps.get_model("indicators", "Indicator")
    Norm = apps.get_model("indicators", "Norm")
    HistoricalNorm = apps.get_model("indicators", "HistoricalNorm")
    now = timezone.now()
    seen = {(norm.category_id, norm.school_year): norm for norm in Norm.objects.all()}
    for indicator in Indicator.objects.exclude(norm=None).exclude(norm_school_year="").order_by("programme_id", "pk"):
        key = (indicator.category_id, indicator.norm_school_year)
        if key in seen:
            norm = seen[key]
            if norm.value != indicator.norm:  # another programme said otherwise: keep its word beside the norm
                note = f"; KPI {indicator.name} (programma {indicator.programme_id}) noemde {indicator.norm}"
                norm.source_detail = (norm.source_detail + note)[:300]
                norm.save(update_fields=["source_detail"])
            continue
        detail = f"overgenomen van KPI {indicator.name} (programma {indicator.programme_id})"[:300]
        norm = seen[key] = Norm.objects.create(
            category_id=key[0], school_year=key[1], value=indicator.norm, source_detail=detail, updated_at=now
        )
        HistoricalNorm.objects.create(
            id=norm.pk,
            version=1,
            updated_at=now,
            category_id=key[0],
            school_year=key[1],
            value=indicator.norm,
            source_detail=detail,
            history_date=now,
            history_type="+",
            history_change_reason="overgang naar normen per schooljaar",
        )


def _figures(apps):
    Measurement = apps.get_model("indicators", "Measurement")
    HistoricalMeasurement = apps.get_model("indicators", "HistoricalMeasurement")
    Figure = apps.get_model("indicators", "Figure")
    HistoricalFigure = apps.get_model("indicators", "HistoricalFigure")
    Indicator = apps.get_model("indicators", "Indicator")
    Region = apps.get_model("projects", "Region")
    category_of = dict(Indicator.objects.values_list("pk", "category_id"))
    programme_of = dict(Indicator.objects.values_list("pk", "programme_id"))
    region_code = dict(Region.objects.values_list("pk", "code"))
    groups = defaultdict(list)
    for measurement in Measurement.objects.order_by("updated_at", "pk"):
        key = (category_of[measurement.indicator_id], region_code[measurement.region_id], measurement.school_year)
        groups[key].append(measurement)
    now = timezone.now()
    figure_of_measurement = {}
    for (category, region, _year), measurements in groups.items():
        kept = measurements[-1]  # the most recently changed
        figure = Figure.objects.create(
            category_id=category,
            area_kind="regio",
            area_code=region,
            version=kept.version,
            updated_at=kept.updated_at,
            entered_by_id=kept.entered_by_id,
            import_run_id=kept.import_run_id,
            programme_id=programme_of[kept.indicator_id] if kept.source == "hand" else None,
            **{name: getattr(kept, name) for name in MEASUREMENT_FIELDS},
        )
        Figure.objects.filter(pk=figure.pk).update(updated_at=kept.updated_at)  # auto_now set it to now
        for measurement in measurements:
            figure_of_measurement[measurement.pk] = (figure, len(measurements), kept)
    rows, merged, created = [], set(), set()
    for old in HistoricalMeasurement.objects.order_by("history_date", "history_id"):
        target = figure_of_measurement.get(old.id)
        if target is None:
            continue  # the history of a measurement deleted before this migration has no figure to belong to
        figure, count, kept = target
        history_type = old.history_type
        if history_type == "-":
            continue
        if history_type == "+" and figure.pk in created:
            history_type = "~"  # a second KPI's "created" is a change of the one shared figure
        created.add(figure.pk)
        rows.append(
            HistoricalFigure(
                id=figure.pk,
                category_id=figure.category_id,
                area_kind="regio",
                area_code=figure.area_code,
                version=old.version,
                updated_at=old.updated_at,
                entered_by_id=old.entered_by_id,
                import_run_id=old.import_run_id,
                programme_id=programme_of.get(old.indicator_id) if old.source == "hand" else None,
                history_date=old.history_date,
                history_user_id=old.history_user_id,
                history_change_reason=old.history_change_reason,
                history_type=history_type,
                **{name: getattr(old, name) for name in MEASUREMENT_FIELDS},
            )
        )
        if count > 1:
            merged.add(figure.pk)
    for figure_pk in merged:
        figure = Figure.objects.get(pk=figure_pk)
        rows.append(
            HistoricalFigure(
                id=figure.pk,
                category_id=figure.category_id,
                area_kind=figure.area_kind,
                area_code=figure.area_code,
                version=figure.version,
                updated_at=figure.updated_at,
                entered_by_id=figure.entered_by_id,
                import_run_id=figure.import_run_id,
                programme_id=figure.programme_id,
                history_date=now,
                history_type="~",
                history_change_reason="samengevoegd: één gedeeld cijfer voor meer KPI's",
                **{name: getattr(figure, name) for name in MEASUREMENT_FIELDS},
            )
        )
    HistoricalFigure.objects.bulk_create(rows, batch_size=500)


def _run_owners(apps):
    ImportRun = apps.get_model("indicators", "ImportRun")
    Membership = apps.get_model("projects", "Membership")
    managed = defaultdict(set)
    for user_id, programme_id in Membership.objects.filter(role="programmamanager").values_list(
        "user_id", "programme_id"
    ):
        managed[user_id].add(programme_id)
    for run in ImportRun.objects.exclude(created_by=None).filter(kind="vsv-cijfers"):  # regions: the stewards'
        programmes = managed.get(run.created_by_id, set())
        if len(programmes) == 1:
            run.programme_id = next(iter(programmes))
            run.save(update_fields=["programme"])


def forward(apps, schema_editor):
    _categories(apps)
    _indicator_categories(apps)
    _norms(apps)
    _figures(apps)
    _run_owners(apps)


class Migration(migrations.Migration):
    dependencies = [("indicators", "0006_shared_figures")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
