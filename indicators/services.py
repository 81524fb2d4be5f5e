"""Every write of the indicators app: validated, in a transaction, with who did it."""

import hashlib

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import selectors
from .importers import duo, regions
from .models import ImportRun


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def already_imported_message(run: ImportRun) -> str:
    when = timezone.localtime(run.finished_at or run.created_at)
    return _("Dit bestand is al geïmporteerd op %(date)s (import %(pk)s); er verandert niets.") % {
        "date": date_format(when, "j F Y, H:i"),
        "pk": run.pk,
    }


def import_run_create(
    *,
    kind: str,
    data: bytes,
    file_name: str,
    source: str,
    user=None,
    school_year: str = "",
    figure_status: str = "",
) -> ImportRun:
    """Store the file and queue a run for it (status wachtrij). The caller executes it, now or in a task."""
    run = ImportRun(
        kind=kind,
        source=source,
        file_name=file_name[:255],
        checksum=checksum_of(data),
        school_year=duo.parse_school_year(school_year) or school_year if school_year else "",
        figure_status=figure_status,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    run.file.save(file_name.rsplit("/", 1)[-1] or "import.csv", ContentFile(data), save=False)
    run.full_clean()
    run.save()
    return run


def _finish(run: ImportRun, status: str, *, errors=None, warnings=None, summary: str = "") -> ImportRun:
    run.status = status
    run.finished_at = timezone.now()
    if errors is not None:
        run.errors = errors
    if warnings is not None:
        run.warnings = warnings
    run.summary = summary[:300]
    run.save()
    return run


def import_run_execute(*, run: ImportRun) -> ImportRun:
    """Read the stored file, check every row, and load it in one transaction; idempotent (a finished run is left
    as it is). Errors in the file fail the run and write nothing; other exceptions propagate for a retry."""
    if run.is_finished:
        return run
    if run.kind == ImportRun.Kind.FIGURES:
        earlier = selectors.previous_import(kind=run.kind, checksum=run.checksum, exclude_pk=run.pk)
        if earlier is not None:
            return _finish(run, ImportRun.Status.FAILED, errors=[_problem(already_imported_message(earlier))])
    run.status = ImportRun.Status.RUNNING
    run.started_at = timezone.now()
    run.save(update_fields=["status", "started_at"])
    with run.file.open("rb") as handle:
        data = handle.read()
    if run.kind == ImportRun.Kind.REGIONS:
        return _execute_regions(run, data)
    return _execute_figures(run, data)


def _problem(message: str) -> dict:
    return {"line": None, "column": "", "message": message, "level": "fout"}


def _execute_figures(run: ImportRun, data: bytes) -> ImportRun:
    result = duo.read_vsv_file(data, school_year=run.school_year, status=run.figure_status)
    run.rows_read, run.rows_skipped, run.rows_rejected = result.rows_read, result.rows_skipped, result.rows_rejected
    warnings = result.problems.warning_dicts()
    if not result.ok:
        run.rows_rejected = result.rows_read - result.rows_skipped
        return _finish(
            run,
            ImportRun.Status.FAILED,
            errors=result.problems.error_dicts(),
            warnings=warnings,
            summary=_("Niets geïmporteerd: %(count)s fout(en) in het bestand.") % {"count": len(result.errors)},
        )
    try:
        with transaction.atomic():
            counts = duo.load_rows(run, result.rows)
            run.rows_created = counts.get("created", 0)
            run.rows_updated = counts.get("updated", 0)
            run.rows_unchanged = counts.get("unchanged", 0)
            return _finish(run, ImportRun.Status.SUCCEEDED, errors=[], warnings=warnings, summary=_summary(run))
    except NotImplementedError as exc:
        return _finish(run, ImportRun.Status.FAILED, errors=[_problem(str(exc))], warnings=warnings)
    except IntegrityError:
        # Another run of the same file finished first (figures_file_imported_once).
        earlier = selectors.previous_import(kind=run.kind, checksum=run.checksum, exclude_pk=run.pk)
        if earlier is None:
            raise
        return _finish(run, ImportRun.Status.FAILED, errors=[_problem(already_imported_message(earlier))])


def _summary(run: ImportRun) -> str:
    return _("%(created)s nieuw, %(updated)s gewijzigd, %(unchanged)s ongewijzigd") % {
        "created": run.rows_created,
        "updated": run.rows_updated,
        "unchanged": run.rows_unchanged,
    }


def _execute_regions(run: ImportRun, data: bytes) -> ImportRun:
    result = regions.read_regions_file(data)
    run.rows_read = result.rows_read
    run.rows_skipped = result.rows_without_region
    run.rows_rejected = result.rows_rejected
    warnings = result.problems.warning_dicts()
    if not result.ok:
        return _finish(
            run,
            ImportRun.Status.FAILED,
            errors=result.problems.error_dicts(),
            warnings=warnings,
            summary=_("Niets geïmporteerd: %(count)s fout(en) in het bestand.") % {"count": len(result.errors)},
        )
    with transaction.atomic():
        counts = regions.load_regions(result)
        run.rows_created, run.rows_updated, run.rows_unchanged = counts.created, counts.updated, counts.unchanged
        return _finish(
            run,
            ImportRun.Status.SUCCEEDED,
            errors=[],
            warnings=warnings,
            summary=f"{result.headline()} ({counts.describe()})",
        )
