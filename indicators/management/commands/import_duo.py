from django.core.management.base import BaseCommand, CommandError

from indicators import selectors
from indicators.importers import duo, runs
from indicators.models import FIGURE_STATUS_CHOICES, ImportRun

from ._output import read_file, write_problems


class Command(BaseCommand):
    help = (
        "Importeert een DUO-bestand met VSV-cijfers (CSV of XLSX) per RMC-regio, normcategorie en schooljaar. "
        "Met --dry-run wordt alleen gecontroleerd; er wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="pad naar het CSV- of XLSX-bestand")
        parser.add_argument("--dry-run", action="store_true", help="alleen lezen en controleren, niets opslaan")
        parser.add_argument("--schooljaar", default="", help="schooljaar als het bestand het niet zegt (2019-2020)")
        parser.add_argument(
            "--status",
            default="",
            choices=["", *(value for value, _label in FIGURE_STATUS_CHOICES)],
            help="status als het bestand het niet zegt",
        )

    def handle(self, *args, file, dry_run, schooljaar, status, **options):
        path, data = read_file(file)
        earlier = selectors.previous_import(kind=ImportRun.Kind.FIGURES, checksum=runs.checksum_of(data))
        if earlier is not None:
            self.stdout.write(runs.already_imported_message(earlier))
            return
        if dry_run:
            self._dry_run(data, schooljaar, status, verbosity=options["verbosity"])
            return
        run = runs.import_run_create(
            kind=ImportRun.Kind.FIGURES,
            data=data,
            file_name=path.name,
            source=ImportRun.Source.COMMAND,
            school_year=schooljaar,
            figure_status=status,
        )
        run = runs.import_run_execute(run=run)
        self.stdout.write(
            f"Import {run.pk}: {run.get_status_display()}. Gelezen: {run.rows_read}; nieuw: {run.rows_created}; "
            f"gewijzigd: {run.rows_updated}; ongewijzigd: {run.rows_unchanged}; overgeslagen: {run.rows_skipped}; "
            f"afgekeurd: {run.rows_rejected}."
        )
        write_problems(self, run.warnings, label="Waarschuwingen", style=self.style.WARNING)
        write_problems(self, run.errors, label="Fouten", style=self.style.ERROR)
        if run.status != ImportRun.Status.SUCCEEDED:
            raise CommandError("Import mislukt; er is niets opgeslagen.")

    def _dry_run(self, data, school_year, status, verbosity):
        result = duo.read_vsv_file(data, school_year=school_year, status=status)
        self.stdout.write(
            f"Proefimport ({result.file_format or 'onleesbaar'}{', een jaar later' if result.one_year_later else ''}): "
            f"{result.rows_read} regels gelezen, {len(result.rows)} te laden, {result.rows_skipped} overgeslagen "
            f"(geen eigen categorie), {result.rows_rejected} afgekeurd."
        )
        for year, figure_status, count in result.summary_by_year():
            self.stdout.write(f"  {year} {figure_status}: {count} {'rij' if count == 1 else 'rijen'}")
        if verbosity > 1:
            for row in result.rows:
                self.stdout.write(
                    f"  regel {row.line}: {row.area.key} {row.category_code} {row.breakdown_value} {row.school_year} "
                    f"{row.status}: {row.dropouts} van {row.participants} = {row.percentage}%"
                )
        write_problems(self, result.problems.warning_dicts(), label="Waarschuwingen", style=self.style.WARNING)
        write_problems(self, result.problems.error_dicts(), label="Fouten", style=self.style.ERROR)
        if not result.ok:
            raise CommandError("Het bestand is afgekeurd; er is niets opgeslagen.")
        self.stdout.write(self.style.SUCCESS("Het bestand is in orde. Er is niets opgeslagen (--dry-run)."))
