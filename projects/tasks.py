from celery import shared_task

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
