from django.apps import AppConfig


class HalfyearConfig(AppConfig):
    name = "halfyear"
    verbose_name = "Halfjaarplannen en projectstatus"
