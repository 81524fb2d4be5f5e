from datetime import date

from celery import shared_task

from .halfyear.reminders import send_reminders
from .models import Programme


@shared_task
def programme_summary(programme_id: int) -> dict:
    """The size of a programme's plan; used by health checks and to prove a real worker reaches the database."""
    programme = Programme.objects.get(pk=programme_id)
    return {
        "programme": programme.title,
        "themes": programme.themes.count(),
        "projects": programme.projects.count(),
    }


@shared_task(autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=3)
def send_halfyear_reminders(today: str | None = None) -> dict:
    """The daily reminder run (CELERY_BEAT_SCHEDULE). `today` (ISO date) lets tests and operators pick the day."""
    return send_reminders(today=date.fromisoformat(today) if today else None)
