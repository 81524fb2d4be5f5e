from datetime import date

from celery import shared_task

from .reminders import send_reminders


@shared_task(autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=3)
def send_halfyear_reminders(today: str | None = None) -> dict:
    """The daily reminder run (CELERY_BEAT_SCHEDULE). `today` (ISO date) lets tests and operators pick the day."""
    return send_reminders(today=date.fromisoformat(today) if today else None)
