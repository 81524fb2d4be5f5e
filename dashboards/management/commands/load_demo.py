from django.core.management.base import BaseCommand

from dashboards.demo import load_demo
from projects.demo.loader import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Laadt het demoplan van RMC-regio IJssel-Vecht (Vervolgaanpak VSV 2020-2024) en de demogebruikers."

    def handle(self, *args, **options):
        programme = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo geladen: {programme} ({programme.region}): {programme.themes.count()} thema's, "
                f"{programme.projects.count()} projecten."
            )
        )
        self.stdout.write(f"Demogebruikers (wachtwoord '{DEMO_PASSWORD}'):")
        for demo in DEMO_USERS:
            self.stdout.write(f"  {demo.username:<18} {demo.description}")
