"""The life of an ImportRun (a DUO file of figures or of regions): store the file and record the run, preview
it (read and check, a dry run of the load), confirm it (queue the Celery task), refuse or cancel it, and execute
it: read, check every row and load in one transaction, idempotently. The reading and loading are duo and regions;
the scheduled job's sources (sources.py) and the upload page, commands and demo loader all come through here.

Who: a programme's managers, for their own region, or the data stewards, for every area (projects.permissions:
can_import, import_owner). A run belongs to a programme or to the stewards (programme empty); only its own people
preview, confirm, refuse and cancel it (can_see_import). `user=None` means the system, and only
`import_run_create` accepts it, for the SYSTEM_SOURCES: the scheduled job, the management commands and the demo
loader, which no browser reaches; such a run is the stewards'. An upload always has a person behind it.
A file of regions and municipalities is the stewards' alone (require_edit_regions).
`import_run_execute` takes no user: it is the system's step (the Celery task, or a command or the scheduled job
right after creating the run) and only executes a run that was created, and for an upload confirmed, under
these checks.
"""

import hashlib
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core import clock
from projects import permissions

from .. import selectors
from ..models import ImportRun
from . import duo, regions

# Failures that pass: the Celery task retries them.
TRANSIENT = (DatabaseError, OSError)
logger = logging.getLogger(__name__)

# The sources with no person behind them: these runs may be created with user=None (the system).
SYSTEM_SOURCES = frozenset({ImportRun.Source.SCHEDULED, ImportRun.Source.COMMAND, ImportRun.Source.DEMO})


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def already_imported_message(run: ImportRun) -> str:
    when = clock.local_time(run.finished_at or run.created_at)
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
    programme=None,
    school_year: str = "",
    figure_status: str = "",
    status: str = ImportRun.Status.QUEUED,
) -> ImportRun:
    """Store the file and record a run for it: queued, or (for the upload page) awaiting confirmation.

    A programme manager (the run is `programme`'s) or a data steward (the run is the stewards'), or `user=None` for
    the system: only a run of one of the SYSTEM_SOURCES (scheduled job, management command, demo loader). A user
    that is given is always checked, whatever the source."""
    owner = None
    if user is not None or source not in SYSTEM_SOURCES:
        owner = permissions.import_owner(user, programme)
        if kind == ImportRun.Kind.REGIONS:
            permissions.require_edit_regions(user)
    run = ImportRun(
        kind=kind,
        programme=owner,
        source=source,
        status=status,
        file_name=file_name.rsplit("/", 1)[-1][:255],
        checksum=checksum_of(data),
        school_year=duo.parse_school_year(school_year) or school_year if school_year else "",
        figure_status=figure_status,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    run.file.save(run.file_name or "import.csv", ContentFile(data), save=False)
    run.full_clean()
    run.save()
    return run


def import_run_check(*, run: ImportRun) -> ImportRun:
    """The system's step after an upload (the Celery task, never the request): read and check the stored file and
    dry-run the load. A file with errors is refused (failed, with every problem); otherwise the run waits for its
    owner's confirmation with the preview stored on it (`ImportRun.preview`), so showing it reads nothing again."""
    claimed = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.CHECKING).update(started_at=clock.now())
    run.refresh_from_db()
    if not claimed:
        return run

    def progress(line: int) -> None:  # the page polls the run and shows how far the check is
        ImportRun.objects.filter(pk=run.pk).update(rows_read=line)

    try:
        data = _file_bytes(run)
        if run.kind == ImportRun.Kind.REGIONS:
            result = regions.read_regions_file(data, progress=progress)
            planned = None
        else:
            result = _read_figures(run, data, progress=progress)
            planned = duo.load_rows(run, result.rows, dry_run=True) if result.ok else None
    except TRANSIENT:
        raise
    except Exception:  # as in import_run_execute: a bug met by this file fails the run with a reason
        logger.exception("Controle van import %s liep vast", run.pk)
        return import_run_fail(run=run, message=_("Het controleren liep vast op een onverwachte fout."))
    run.rows_read = getattr(result, "rows_read", 0)
    if not result.ok:
        return _refused(run, result.problems.error_dicts(), result.problems.warning_dicts())
    run.preview = _preview(run, result, planned)
    run.status = ImportRun.Status.PREVIEW
    run.save(update_fields=["rows_read", "preview", "status"])
    return run


def _preview(run: ImportRun, result, planned) -> dict:
    """What the preview page shows, as JSON: counts, messages and the first changes, decimals as text."""
    preview = {"warnings": result.problems.warning_dicts()}
    if run.kind == ImportRun.Kind.REGIONS:
        return preview | {"headline": result.headline(), "rows_without_region": result.rows_without_region}

    return preview | {
        "rows_read": result.rows_read,
        "rows_skipped": result.rows_skipped,
        "summary_by_year": result.summary_by_year(),
        "created": planned.created,
        "updated": planned.updated,
        "unchanged": planned.unchanged,
        "other_area": planned.other_area,
        "other_area_message": planned.other_area_message(),
        "others_own": planned.others_own,
        "others_own_message": planned.others_own_message(),
        "changes": planned.changes,
    }


@transaction.atomic
def import_run_confirm(*, run: ImportRun, user) -> ImportRun:
    """The programme manager confirms a previewed run: queue it, and start the task once this is committed."""
    from ..tasks import import_run_task

    permissions.require_see_import(user, run.programme_id)
    if run.kind == ImportRun.Kind.REGIONS:
        permissions.require_edit_regions(user)
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status != ImportRun.Status.PREVIEW:
        return run
    run.status, run.decided_by, run.decided_at = ImportRun.Status.QUEUED, user, clock.now()
    run.save(update_fields=["status", "decided_by", "decided_at"])
    transaction.on_commit(lambda: import_run_task.delay(run.pk))
    return run


@transaction.atomic
def import_run_cancel(*, run: ImportRun, user) -> None:
    """A preview its owner does not want: the stored file goes, the run stays as a trace (who, when, which file)."""
    permissions.require_see_import(user, run.programme_id)
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status == ImportRun.Status.PREVIEW:
        run.file.delete(save=False)
        run.status, run.decided_by, run.decided_at = ImportRun.Status.CANCELLED, user, clock.now()
        run.finished_at = run.decided_at
        run.save()


def _file_bytes(run: ImportRun) -> bytes:
    with run.file.open("rb") as handle:
        return handle.read()


def _claim(run: ImportRun) -> bool:
    """Mark a queued run (or one a crashed worker left running) as running; False if it is not ours to run."""
    claimed = ImportRun.objects.filter(
        pk=run.pk, status__in=[ImportRun.Status.QUEUED, ImportRun.Status.RUNNING]
    ).update(status=ImportRun.Status.RUNNING, started_at=clock.now())
    run.refresh_from_db()
    return bool(claimed)


def import_run_execute(*, run: ImportRun) -> ImportRun:
    """Read the stored file, check every row, and load it in one transaction. Idempotent: a finished run is left
    as it is, and a file of figures already imported changes nothing. Errors in the file fail the run and write
    nothing; other exceptions (database gone, disk full) propagate so the task is retried. The system's step,
    without a user (see the module's docstring): the run was created, and an upload confirmed, under the checks."""
    if run.is_finished or run.status == ImportRun.Status.PREVIEW:
        return run
    if run.kind == ImportRun.Kind.FIGURES:
        earlier = selectors.previous_import(
            kind=run.kind, checksum=run.checksum, programme_id=run.programme_id, exclude_pk=run.pk
        )
        if earlier is not None:
            return _finish(run, ImportRun.Status.FAILED, errors=[_problem(already_imported_message(earlier))])
    if not _claim(run):
        return run
    data = _file_bytes(run)
    try:
        if run.kind == ImportRun.Kind.REGIONS:
            return _execute_regions(run, data)
        return _execute_figures(run, data)
    except TRANSIENT:
        raise  # the database or the storage: the task tries again (and marks the run failed after the last try)
    except Exception:  # a bug met by this file: the run fails with a reason instead of staying "bezig"
        logger.exception("Import %s liep vast", run.pk)
        return import_run_fail(
            run=run, message=_("Het importeren liep vast op een onverwachte fout. Er is niets geladen.")
        )


def import_run_fail(*, run: ImportRun, message: str) -> ImportRun:
    """Mark an unfinished run as failed with its reason (nothing was loaded: the load is one transaction)."""
    run.refresh_from_db()
    if run.is_finished:
        return run
    return _finish(run, ImportRun.Status.FAILED, errors=[_problem(message)])


def _problem(message: str) -> dict:
    return {"line": None, "column": "", "message": message, "level": "fout"}


def _finish(run: ImportRun, status: str, *, errors=None, warnings=None, summary: str = "") -> ImportRun:
    run.status = status
    run.finished_at = clock.now()
    if errors is not None:
        run.errors = errors
    if warnings is not None:
        run.warnings = warnings
    run.summary = summary[:300]
    run.save()
    return run


def _read_figures(run: ImportRun, data: bytes, progress=None):
    own_region = duo.parse_region_code(run.programme.region.code) if run.programme_id else None
    return duo.read_vsv_file(
        data, school_year=run.school_year, status=run.figure_status, own_region=own_region, progress=progress
    )


def _execute_figures(run: ImportRun, data: bytes) -> ImportRun:
    result = _read_figures(run, data)
    run.rows_read, run.rows_skipped, run.rows_rejected = result.rows_read, result.rows_skipped, result.rows_rejected
    warnings = result.problems.warning_dicts()
    if not result.ok:
        run.rows_rejected = result.rows_read - result.rows_skipped
        return _refused(run, result.problems.error_dicts(), warnings)
    try:
        with transaction.atomic():
            counts = duo.load_rows(run, result.rows)
            run.rows_created, run.rows_updated, run.rows_unchanged = counts.created, counts.updated, counts.unchanged
            for message in (counts.other_area_message(), counts.others_own_message()):
                if message:
                    warnings.append(_problem(message) | {"level": "waarschuwing"})
            return _finish(run, ImportRun.Status.SUCCEEDED, errors=[], warnings=warnings, summary=_summary(run))
    except ValidationError as exc:
        return _finish(run, ImportRun.Status.FAILED, errors=[_problem(m) for m in exc.messages], warnings=warnings)
    except IntegrityError:
        # Another run of the same file finished first (figures_file_imported_once): nothing of this one stays.
        earlier = selectors.previous_import(
            kind=run.kind, checksum=run.checksum, programme_id=run.programme_id, exclude_pk=run.pk
        )
        if earlier is None:
            raise
        run.rows_created = run.rows_updated = run.rows_unchanged = 0
        return _finish(run, ImportRun.Status.FAILED, errors=[_problem(already_imported_message(earlier))])


def _refused(run: ImportRun, errors: list[dict], warnings: list[dict]) -> ImportRun:
    summary = _("Niets geïmporteerd: %(count)s fout(en) in het bestand.") % {"count": len(errors)}
    return _finish(run, ImportRun.Status.FAILED, errors=errors, warnings=warnings, summary=summary)


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
        return _refused(run, result.problems.error_dicts(), warnings)
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
