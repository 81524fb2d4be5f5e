from django.core.management.base import BaseCommand, CommandError

from indicators.importers import regions, runs
from indicators.models import ImportRun

from ._output import read_file, write_problems


class Command(BaseCommand):
    help = (
        "Leest een adressenbestand van DUO (schoolvestigingen met gemeente en RMC-regio) en legt per gemeente "
        "vast bij welke RMC-regio hij hoort: maakt en hernoemt regio's op code, koppelt gemeenten."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="pad naar het CSV- of XLSX-bestand")
        parser.add_argument("--dry-run", action="store_true", help="alleen lezen en controleren, niets opslaan")

    def handle(self, *args, file, dry_run, **options):
        path, data = read_file(file)
        if dry_run:
            result = regions.read_regions_file(data)
            self.stdout.write(result.headline())
            self.stdout.write(f"{result.rows_without_region} regels zonder regio overgeslagen.")
            write_problems(self, result.problems.warning_dicts(), label="Waarschuwingen", style=self.style.WARNING)
            write_problems(self, result.problems.error_dicts(), label="Fouten", style=self.style.ERROR)
            if not result.ok:
                raise CommandError("Het bestand is afgekeurd; er is niets opgeslagen.")
            return
        run = runs.import_run_create(
            kind=ImportRun.Kind.REGIONS, data=data, file_name=path.name, source=ImportRun.Source.COMMAND
        )
        run = runs.import_run_execute(run=run)
        write_problems(self, run.warnings, label="Waarschuwingen", style=self.style.WARNING)
        write_problems(self, run.errors, label="Fouten", style=self.style.ERROR)
        if run.status != ImportRun.Status.SUCCEEDED:
            raise CommandError("Import mislukt; er is niets opgeslagen.")
        self.stdout.write(self.style.SUCCESS(run.summary))
        if run.rows_skipped:
            self.stdout.write(f"{run.rows_skipped} regels zonder regio overgeslagen.")
