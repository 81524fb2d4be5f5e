from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app may use and nothing domain-specific: the clock, periods, Dutch numbers and formatting,
    form bases, history and locking helpers, badges, export and demo helpers. No models."""

    name = "core"
    verbose_name = "vsvplan kern"

    def ready(self):
        from . import converters  # noqa: F401  registers <id:>, which every app's URLs use
