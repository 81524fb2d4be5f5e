from celery import shared_task

from .notifications import notify_report_published


@shared_task(autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=3)
def send_report_published(report_id: int) -> int:
    """E-mail the stuurgroep that a report is published (queued by report_publish after the commit)."""
    return notify_report_published(report_id=report_id)
