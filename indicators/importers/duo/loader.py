"""Loading read rows of VSV figures into the shared Figures: one per category × area × school year × breakdown,
created, updated (with a history row naming the import run) or left alone, in batches (batch_size) of a fixed
few queries each, inside the caller's transaction; LoadCounts says what it did, or in a dry run would do.

Who may write what: a run of a programme writes the figures of that programme's region only and counts the rows
of other areas as "niet geladen: andere regio"; it leaves alone what another programme keeps by hand (a figure
entered for it, or a series of its own). A run of the data stewards (no programme: the scheduled job, the
commands, the demo, a steward's upload) writes every area, and DUO's figure replaces a hand-entered one.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import clock

from ...areas import Area
from .rows import FigureValue, VsvRow


@dataclass
class LoadCounts:
    """What a load did (or, in a dry run, would do) to the Figures."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    other_area: int = 0  # figures of areas the run may not write (another region), counted, not loaded
    other_areas: set = field(default_factory=set)
    others_own: int = 0  # figures another programme keeps by hand (or of its own series): not a run's to change
    unknown_value: int = 0  # masked counts without a percentage: nothing to store
    changes: list[dict] = field(default_factory=list)  # the first PREVIEW_CHANGES updates, for the preview

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}

    def other_area_message(self) -> str:
        """ "12 cijfers niet geladen: andere regio (regio 11, 12)." for the run's warnings; "" when none."""
        if not self.other_area:
            return ""
        names = ", ".join(area.words() for area in sorted(self.other_areas)[:10])
        return ngettext(
            "%(count)s cijfer niet geladen: andere regio (%(areas)s). Een programma laadt alleen de cijfers van de "
            "eigen regio; de gegevensbeheerder laadt alle gebieden.",
            "%(count)s cijfers niet geladen: andere regio (%(areas)s). Een programma laadt alleen de cijfers van de "
            "eigen regio; de gegevensbeheerder laadt alle gebieden.",
            self.other_area,
        ) % {"count": self.other_area, "areas": names}

    def others_own_message(self) -> str:
        if not self.others_own:
            return ""
        return ngettext(
            "%(count)s cijfer niet geladen: een ander programma houdt het met de hand bij.",
            "%(count)s cijfers niet geladen: een ander programma houdt ze met de hand bij.",
            self.others_own,
        ) % {"count": self.others_own}


PREVIEW_CHANGES = 50
COMPARED = ("value", "numerator", "denominator", "finality")
WRITTEN = (*COMPARED, "source", "source_detail", "import_run", "entered_by", "programme", "version", "updated_at")


def batch_size() -> int:
    """Figures per batch: as many as one INSERT of their history rows can carry on this database, at most
    500. Every batch costs the same few queries (read existing, insert, insert history, update, insert history)."""
    from django.db import connection

    from indicators.models import Figure

    columns = len(Figure.history.model._meta.concrete_fields)
    limit = connection.features.max_query_params or 65535  # None: no limit of its own (PostgreSQL)
    return max(1, min(500, limit // columns))


def _source_detail(run, value: FigureValue) -> str:
    detail = _("%(source)s #%(pk)s, %(file)s, regel %(line)s") % {
        "source": _("DUO-import"),
        "pk": run.pk,
        "file": run.file_name,
        "line": value.line,
    }
    if value.note:
        detail += _("; bron: %(note)s") % {"note": value.note}
    return detail[:300]


def writable_areas(run) -> set[Area] | None:
    """The areas a run may write: its programme's region, or None (every area) for the data stewards' runs."""
    if run.programme_id is None:
        return None
    return {Area.region(run.programme.region.code)}


def load_rows(run, rows: list[VsvRow], *, dry_run: bool = False, size: int | None = None) -> LoadCounts:
    """Store the rows as Figures, inside the caller's transaction: every category in the file, whether or not a
    programme follows it, for the areas the run may write (writable_areas).

    A new figure is created; a different figure (provisional → definitive, or a correction) updates the existing
    one and its history row names the run (user, "DUO-import #pk"); an equal figure is left alone. With
    `dry_run` nothing is written and the counts say what would happen. Queries: two, then a fixed few per batch.
    """
    from simple_history.utils import bulk_create_with_history, bulk_update_with_history

    from indicators.categories import ensure_categories
    from indicators.models import Category, Figure

    ensure_categories()
    counts = LoadCounts()
    allowed = writable_areas(run)
    values = []
    for row in rows:
        for value in row.figure_values():
            if value.value_pct is None:
                counts.unknown_value += 1
            elif allowed is not None and value.area not in allowed:
                counts.other_area += 1
                counts.other_areas.add(value.area)
            else:
                values.append(value)
    categories = {
        category.code: category for category in Category.objects.filter(code__in={v.category_code for v in values})
    }
    if run.programme_id is not None:  # another programme's own series is not this run's to write
        kept = [v for v in values if categories[v.category_code].programme_id in (None, run.programme_id)]
        counts.others_own += len(values) - len(kept)
        values = kept
    user = run.created_by
    reason = _("DUO-import #%(pk)s") % {"pk": run.pk}
    now = clock.now()
    size = size or batch_size()
    for start in range(0, len(values), size):
        batch = values[start : start + size]
        existing = {
            figure.key: figure
            for figure in Figure.objects.filter(
                category_id__in={value.category_code for value in batch},
                area_code__in={value.area.code for value in batch},
                school_year__in={value.school_year for value in batch},
            )
        }
        new, changed = [], []
        for value in batch:
            figures = {
                "value": value.value_pct,
                "numerator": value.numerator,
                "denominator": value.denominator,
                "finality": value.status,
            }
            provenance = {
                "source": Figure.Source.IMPORT,
                "source_detail": _source_detail(run, value),
                "import_run_id": run.pk,
                "entered_by": user,
                "programme_id": None,  # DUO's figure now, not one entered by hand for a programme
            }
            figure = existing.get(value.key)
            if figure is not None and run.programme_id and figure.programme_id not in (None, run.programme_id):
                counts.others_own += 1  # entered by hand for another programme: only its own managers change it
                continue
            if figure is None:
                new.append(
                    Figure(
                        category=categories[value.category_code],
                        area_kind=value.area.kind,
                        area_code=value.area.code,
                        school_year=value.school_year,
                        breakdown=value.breakdown,
                        breakdown_value=value.breakdown_value,
                        **figures,
                        **provenance,
                    )
                )
                continue
            if all(getattr(figure, name) == figure_value for name, figure_value in figures.items()):
                counts.unchanged += 1
                continue
            if len(counts.changes) < PREVIEW_CHANGES:
                counts.changes.append(
                    {
                        "indicator": categories[value.category_code].name
                        + (f" ({value.breakdown_value})" if value.breakdown_value else ""),
                        "region": value.area.words(),
                        "percentage": categories[value.category_code].is_percentage,
                        "school_year": value.school_year,
                        "old": figure.value,
                        "old_finality": figure.get_finality_display(),
                        "new": value.value_pct,
                        "new_finality": Figure.Finality(value.status).label,
                        "line": value.line,
                    }
                )
            figure.category = categories[value.category_code]  # already in memory: clean() reads its unit
            for name, figure_value in {**figures, **provenance}.items():
                setattr(figure, name, figure_value)
            figure.version += 1
            figure.updated_at = now
            changed.append(figure)
        counts.created += len(new)
        counts.updated += len(changed)
        if dry_run:
            continue
        for figure in (*new, *changed):
            figure.full_clean(
                exclude=["category", "entered_by", "import_run", "programme"],
                validate_unique=False,
                validate_constraints=False,
            )
        if new:
            bulk_create_with_history(
                new, Figure, batch_size=size, default_user=user, default_change_reason=reason, default_date=now
            )
        if changed:
            bulk_update_with_history(
                changed,
                Figure,
                list(WRITTEN),
                batch_size=size,
                default_user=user,
                default_change_reason=reason,
                default_date=now,
            )
    return counts
