"""Thin Celery tasks: each calls a service, is idempotent, and is retried when the database or storage hiccups."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.utils.translation import gettext as _

from .importers import runs
from .models import ImportRun


@shared_task(bind=True, max_retries=5)
def import_run_task(self, run_id: int) -> str:
    """Execute one import run. Safe to run twice: a finished run is left alone, a file imported before changes
    nothing, and the load is one transaction, so a retry after a failure starts from a clean database. When the
    database or the storage keeps failing, the run is marked failed after the last try: it never stays "bezig"."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return "verdwenen"
    try:
        return runs.import_run_execute(run=run).status
    except runs.TRANSIENT as exc:
        if self.request.retries >= self.max_retries:
            message = _("Het importeren is na enkele pogingen opgegeven (%(reason)s). Er is niets geladen.")
            return runs.import_run_fail(run=run, message=message % {"reason": type(exc).__name__}).status
        raise self.retry(exc=exc, countdown=min(300, 5 * 2**self.request.retries)) from exc


# The check of an uploaded file runs here, never in the request; a file that takes longer is refused.
CHECK_SECONDS = 10 * 60


@shared_task(bind=True, max_retries=3, soft_time_limit=CHECK_SECONDS, time_limit=CHECK_SECONDS + 60)
def import_check_task(self, run_id: int) -> str:
    """Check an uploaded file and store its preview (runs.import_run_check); idempotent like the import itself."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return "verdwenen"
    try:
        return runs.import_run_check(run=run).status
    except SoftTimeLimitExceeded:
        message = _("Het controleren duurde langer dan %(minutes)s minuten; splits het bestand in kleinere delen.")
        return runs.import_run_fail(run=run, message=message % {"minutes": CHECK_SECONDS // 60}).status
    except runs.TRANSIENT as exc:
        if self.request.retries >= self.max_retries:
            message = _("Het controleren is na enkele pogingen opgegeven (%(reason)s).")
            return runs.import_run_fail(run=run, message=message % {"reason": type(exc).__name__}).status
        raise self.retry(exc=exc, countdown=5 * 2**self.request.retries) from exc


@shared_task
def import_duo_scheduled() -> list[int]:
    """The beat job: look in the configured folder and URLs for new DUO files and import each once."""
    from .importers.sources import import_new_files

    return [run.pk for run in import_new_files()]
