from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dashboards.demo import load_demo
from projects.demo.loader import DEMO_PASSWORD, DEMO_USERS
from projects.models import Programme


class Command(BaseCommand):
    help = (
        "Laadt het demoplan van RMC-regio IJssel-Vecht (Vervolgaanpak VSV 2020-2024, afgesloten), het voorbeeld-"
        "programma 2026-2029 dat eruit is gestart, en de demogebruikers."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_ALLOWED:
            raise CommandError(
                "load_demo draait niet onder de productie-instellingen: het maakt gebruikers met het openbare "
                "demowachtwoord."
            )
        programme = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo geladen: {programme} ({programme.region}): {programme.themes.count()} thema's, "
                f"{programme.projects.count()} projecten ({programme.get_status_display()})."
            )
        )
        for later in Programme.objects.filter(region=programme.region, first_year__gt=programme.last_year):
            self.stdout.write(f"Daarna: {later} ({later.get_status_display()}), {later.url_prefix}")
        self.stdout.write(f"Demogebruikers (wachtwoord '{DEMO_PASSWORD}'):")
        for demo in DEMO_USERS:
            self.stdout.write(f"  {demo.username:<18} {demo.description}")
