"""A task sent through the real broker (Redis in CI) to a real Celery worker, which reads the database."""

import os

import pytest
from celery.contrib.testing.worker import start_worker

from projects.tasks import programme_summary
from vsvplan.celery import app

BROKER = os.environ.get("CELERY_BROKER_URL", "")


@pytest.mark.celery_worker
@pytest.mark.skipif(
    not BROKER.startswith("redis://"),
    reason="geen Redis-broker ingesteld (CELERY_BROKER_URL=redis://…); CI stelt er een in",
)
@pytest.mark.django_db(transaction=True)
def test_task_runs_on_real_worker(settings):
    from dashboards.demo import load_demo

    programme = load_demo()
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            result = programme_summary.delay(programme.pk)
            summary = result.get(timeout=30)
    finally:
        app.conf.task_always_eager = True
    assert summary == {"programme": "Vervolgaanpak VSV 2020-2024", "themes": 5, "projects": 11}
    assert result.status == "SUCCESS"


@pytest.mark.celery_worker
@pytest.mark.skipif(
    not BROKER.startswith("redis://"),
    reason="geen Redis-broker ingesteld (CELERY_BROKER_URL=redis://…); CI stelt er een in",
)
@pytest.mark.django_db(transaction=True)
def test_duo_import_runs_on_real_worker():
    from decimal import Decimal

    from dashboards.demo import load_demo
    from indicators.importers import runs
    from indicators.models import Figure, ImportRun
    from indicators.tasks import import_run_task

    load_demo()
    data = (
        b"SCHOOLJAAR;RMC-REGIO CODE;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;VSV-PERCENTAGE;STATUS\n"
        b"2023-2024;10;MBO niveau 4;7.823;246;3,14;DEFINITIEF\n"
    )
    run = runs.import_run_create(
        kind=ImportRun.Kind.FIGURES, data=data, file_name="definitief.csv", source=ImportRun.Source.COMMAND
    )
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            status = import_run_task.delay(run.pk).get(timeout=60)
    finally:
        app.conf.task_always_eager = True
    run.refresh_from_db()
    assert (status, run.status, run.rows_updated) == ("geslaagd", "geslaagd", 1)
    figure = Figure.objects.get(category_id="mbo-niveau-4", area_code="10", school_year="2023-2024", breakdown="")
    assert (figure.value, figure.finality, figure.import_run_id) == (Decimal("3.14"), "definitief", run.pk)
