from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Vergaderingen en voortgangsrapportages"

    def ready(self):
        from projects.signals import demo_loaded

        from .demo.loader import on_demo_loaded

        demo_loaded.connect(on_demo_loaded, dispatch_uid="reports.load_demo")
