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
    from projects.demo.loader import load_demo

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
