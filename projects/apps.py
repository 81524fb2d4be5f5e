from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Plan en projecten"

    def ready(self):
        from .halfyear.demo import on_demo_loaded
        from .signals import demo_loaded

        demo_loaded.connect(on_demo_loaded, dispatch_uid="projects.halfyear.demo")
