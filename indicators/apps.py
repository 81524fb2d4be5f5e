from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Indicatoren en streefcijfers"

    def ready(self):
        from projects.signals import demo_loaded, project_dashboard_columns

        from .contributions import dashboard_columns
        from .demo.loader import on_demo_loaded

        demo_loaded.connect(on_demo_loaded, dispatch_uid="indicators.load_demo")
        project_dashboard_columns.connect(dashboard_columns, dispatch_uid="indicators.project_dashboard_columns")
