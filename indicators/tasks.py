"""Thin Celery tasks: each calls a service, is idempotent, and is retried when the database or storage hiccups."""

from celery import shared_task
from django.db import DatabaseError

from .importers import runs
from .models import ImportRun

TRANSIENT = (DatabaseError, OSError)


@shared_task(bind=True, autoretry_for=TRANSIENT, retry_backoff=5, retry_backoff_max=300, max_retries=5)
def import_run_task(self, run_id: int) -> str:
    """Execute one import run. Safe to run twice: a finished run is left alone, a file imported before changes
    nothing, and the load is one transaction, so a retry after a failure starts from a clean database."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return "verdwenen"
    return runs.import_run_execute(run=run).status


@shared_task
def import_duo_scheduled() -> list[int]:
    """The beat job: look in the configured folder and URLs for new DUO files and import each once."""
    from .importers.sources import import_new_files

    return [run.pk for run in import_new_files()]
