"""The Celery app. Broker, result backend and beat schedule come from Django settings (CELERY_*)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vsvplan.settings.local")

app = Celery("vsvplan")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
