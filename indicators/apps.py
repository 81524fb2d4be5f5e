from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Indicatoren en streefcijfers"

    def ready(self):
        from projects.signals import project_dashboard_columns

        from .contributions import dashboard_columns

        project_dashboard_columns.connect(dashboard_columns, dispatch_uid="indicators.project_dashboard_columns")
