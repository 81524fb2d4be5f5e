"""Loading read rows of VSV figures into Measurements: for every programme's indicator with the row's category,
created, updated (with a history row naming the import run) or left alone, in batches (batch_size) of a fixed
few queries each, inside the caller's transaction; LoadCounts says what it did, or in a dry run would do.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core import clock

from .rows import IndicatorValue, VsvRow


@dataclass
class LoadCounts:
    """What a load did (or, in a dry run, would do) to the Measurements."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    no_indicator: int = 0  # values for which no programme has an indicator (counted, not loaded)
    unknown_value: int = 0  # masked counts without a percentage: nothing to store
    changes: list[dict] = field(default_factory=list)  # the first PREVIEW_CHANGES updates, for the preview

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


PREVIEW_CHANGES = 50
COMPARED = ("value", "numerator", "denominator", "finality")
WRITTEN = (*COMPARED, "source", "source_detail", "import_run", "entered_by", "version", "updated_at")


def batch_size() -> int:
    """Measurements per batch: as many as one INSERT of their history rows can carry on this database, at most
    500. Every batch costs the same few queries (read existing, insert, insert history, update, insert history)."""
    from django.db import connection

    from indicators.models import Measurement

    columns = len(Measurement.history.model._meta.concrete_fields)
    limit = connection.features.max_query_params or 65535  # None: no limit of its own (PostgreSQL)
    return max(1, min(500, limit // columns))


def _source_detail(run, value: IndicatorValue) -> str:
    detail = _("%(source)s #%(pk)s, %(file)s, regel %(line)s") % {
        "source": _("DUO-import"),
        "pk": run.pk,
        "file": run.file_name,
        "line": value.line,
    }
    if value.note:
        detail += _("; bron: %(note)s") % {"note": value.note}
    return detail[:300]


def load_rows(run, rows: list[VsvRow], *, dry_run: bool = False, size: int | None = None) -> LoadCounts:
    """Store the rows as Measurements, inside the caller's transaction, for every region in the file.

    A row's category is matched to the indicator with that code in every programme. A new indicator × region ×
    school year is created; a different figure (provisional → definitive, or a correction) updates the existing
    one and its history row names the run (user, "DUO-import #pk"); an equal figure is left alone. With
    `dry_run` nothing is written and the counts say what would happen. Queries: two, then a fixed few per batch.
    """
    from simple_history.utils import bulk_create_with_history, bulk_update_with_history

    from indicators.models import Indicator, Measurement
    from projects.models import Region

    counts = LoadCounts()
    values = [value for row in rows for value in row.indicator_values() if value.value_pct is not None]
    counts.unknown_value = sum(1 for row in rows for value in row.indicator_values() if value.value_pct is None)
    indicators: dict[str, list] = {}
    for indicator in Indicator.objects.filter(code__in={value.indicator_code for value in values}).only(
        "pk", "code", "name", "unit"
    ):
        indicators.setdefault(indicator.code, []).append(indicator)
    region_ids = dict(Region.objects.filter(code__in={value.region_code for value in values}).values_list("code", "pk"))
    wanted = []  # (indicator, region_id, value)
    for value in values:
        matching = indicators.get(value.indicator_code, [])
        if not matching:
            counts.no_indicator += 1
        wanted.extend((indicator, region_ids[value.region_code], value) for indicator in matching)
    user = run.created_by
    reason = _("DUO-import #%(pk)s") % {"pk": run.pk}
    now = clock.now()
    size = size or batch_size()
    for start in range(0, len(wanted), size):
        batch = wanted[start : start + size]
        existing = {
            (m.indicator_id, m.region_id, m.school_year): m
            for m in Measurement.objects.filter(
                indicator_id__in={indicator.pk for indicator, _region, _value in batch},
                region_id__in={region for _indicator, region, _value in batch},
                school_year__in={value.school_year for _indicator, _region, value in batch},
            )
        }
        new, changed = [], []
        for indicator, region_id, value in batch:
            figures = {
                "value": value.value_pct,
                "numerator": value.numerator,
                "denominator": value.denominator,
                "finality": value.status,
            }
            provenance = {
                "source": Measurement.Source.IMPORT,
                "source_detail": _source_detail(run, value),
                "import_run_id": run.pk,
                "entered_by": user,
            }
            measurement = existing.get((indicator.pk, region_id, value.school_year))
            if measurement is None:
                new.append(
                    Measurement(
                        indicator=indicator, region_id=region_id, school_year=value.school_year, **figures, **provenance
                    )
                )
                continue
            if all(getattr(measurement, name) == figure for name, figure in figures.items()):
                counts.unchanged += 1
                continue
            if len(counts.changes) < PREVIEW_CHANGES:
                counts.changes.append(
                    {
                        "indicator": indicator.name,
                        "region": value.region_code,
                        "school_year": value.school_year,
                        "old": measurement.value,
                        "old_finality": measurement.get_finality_display(),
                        "new": value.value_pct,
                        "new_finality": Measurement.Finality(value.status).label,
                        "line": value.line,
                    }
                )
            measurement.indicator = indicator  # already in memory: clean() reads its unit
            for name, figure in {**figures, **provenance}.items():
                setattr(measurement, name, figure)
            measurement.version += 1
            measurement.updated_at = now
            changed.append(measurement)
        counts.created += len(new)
        counts.updated += len(changed)
        if dry_run:
            continue
        for measurement in (*new, *changed):
            measurement.full_clean(
                exclude=["indicator", "region", "entered_by", "import_run"],
                validate_unique=False,
                validate_constraints=False,
            )
        if new:
            bulk_create_with_history(
                new, Measurement, batch_size=size, default_user=user, default_change_reason=reason, default_date=now
            )
        if changed:
            bulk_update_with_history(
                changed,
                Measurement,
                list(WRITTEN),
                batch_size=size,
                default_user=user,
                default_change_reason=reason,
                default_date=now,
            )
    return counts
