from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    """The composition layer: pages that show several apps' data (home, project dashboard, project page) and
    the demo as a whole. It imports every app below it; nothing imports it."""

    name = "dashboards"
    verbose_name = "Overzichten"
