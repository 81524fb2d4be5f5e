from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Indicatoren en streefcijfers"

    def ready(self):
        from projects.signals import demo_loaded

        from .demo.loader import on_demo_loaded

        demo_loaded.connect(on_demo_loaded, dispatch_uid="indicators.load_demo")
