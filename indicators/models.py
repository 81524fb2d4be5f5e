"""KPIs, streefcijfers and measurements (the KPI issue), and the DUO import: the words DUO uses for its
columns and categories (data the admin can extend) and a record of every import run."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .importers.vocabulary import normalise


class FigureStatus(models.TextChoices):
    """DUO publishes provisional figures in spring and definitive ones later in the year."""

    PROVISIONAL = "voorlopig", _("voorlopig")
    DEFINITIVE = "definitief", _("definitief")


class Category(models.TextChoices):
    """DUO's normcategorieën, coded as the indicators are (indicators/demo/streefcijfers.yaml)."""

    VO_LOWER = "vo-onderbouw", _("VO onderbouw")
    VO_UPPER_VMBO = "vo-bovenbouw-vmbo", _("VO bovenbouw vmbo")
    VO_UPPER_HAVO_VWO = "vo-bovenbouw-havo-vwo", _("VO bovenbouw havo/vwo")
    MBO_1 = "mbo-niveau-1", _("MBO niveau 1")
    MBO_2 = "mbo-niveau-2", _("MBO niveau 2")
    MBO_3 = "mbo-niveau-3", _("MBO niveau 3")
    MBO_4 = "mbo-niveau-4", _("MBO niveau 4")
    TOTAL = "totaal", _("totaal vo en mbo (voor de cijfers 'een jaar later')")
    SKIP = "", _("overslaan (subtotaal of onbekend)")


class ColumnAlias(models.Model):
    """A column name DUO uses for one of the fields the importers read."""

    class Field(models.TextChoices):
        REGION_CODE = "region_code", _("RMC-regiocode")
        REGION_NAME = "region_name", _("RMC-regionaam")
        MUNICIPALITY_CODE = "municipality_code", _("gemeentenummer")
        MUNICIPALITY_NAME = "municipality_name", _("gemeentenaam")
        SCHOOL_YEAR = "school_year", _("schooljaar")
        CATEGORY = "category", _("normcategorie")
        EDUCATION_TYPE = "education_type", _("onderwijssoort (vo/mbo)")
        PARTICIPANTS = "participants", _("aantal deelnemers")
        DROPOUTS = "dropouts", _("aantal vsv'ers")
        PERCENTAGE = "percentage", _("vsv-percentage")
        STATUS = "status", _("status (voorlopig/definitief)")
        BACK_IN_EDUCATION = "back_in_education", _("aantal terug in onderwijs")
        WORKING = "working", _("aantal werkend")

    field = models.CharField(_("veld"), max_length=30, choices=Field.choices)
    alias = models.CharField(
        _("kolomnaam"),
        max_length=100,
        unique=True,
        help_text=_(
            "Zoals DUO de kolom noemt. Hoofdletters, spaties, streepjes, liggende streepjes en apostroffen "
            "maken niet uit."
        ),
    )

    class Meta:
        ordering = ["field", "alias"]
        verbose_name = _("kolomnaam van DUO")
        verbose_name_plural = _("kolomnamen van DUO")

    def __str__(self):
        return f"{self.alias} → {self.get_field_display()}"

    def save(self, *args, **kwargs):
        self.alias = normalise(self.alias)
        super().save(*args, **kwargs)

    def clean(self):
        self.alias = normalise(self.alias)
        if not self.alias:
            raise ValidationError({"alias": _("Vul een kolomnaam in.")})


class CategoryAlias(models.Model):
    """A name DUO uses for a normcategorie ("Onderbouw VO", "VO onderbouw", "MBO niveau 1", "Niveau 1" + MBO)."""

    alias = models.CharField(
        _("naam bij DUO"),
        max_length=100,
        unique=True,
        help_text=_(
            "Hoofdletters, spaties, streepjes en apostroffen maken niet uit. Staat de onderwijssoort in een "
            "aparte kolom, dan wordt ook 'MBO Niveau 1' gezocht."
        ),
    )
    category_code = models.CharField(_("categorie"), max_length=30, choices=Category.choices, blank=True)

    class Meta:
        ordering = ["category_code", "alias"]
        verbose_name = _("categorienaam van DUO")
        verbose_name_plural = _("categorienamen van DUO")

    def __str__(self):
        return f"{self.alias} → {self.get_category_code_display()}"

    def save(self, *args, **kwargs):
        self.alias = normalise(self.alias)
        super().save(*args, **kwargs)

    def clean(self):
        self.alias = normalise(self.alias)
        if not self.alias:
            raise ValidationError({"alias": _("Vul een naam in.")})


class ImportRun(models.Model):
    """One import of one file: the stored file, who and how, what became of it, and every problem found."""

    class Kind(models.TextChoices):
        FIGURES = "vsv-cijfers", _("VSV-cijfers")
        REGIONS = "regios", _("regio's en gemeenten")

    class Source(models.TextChoices):
        UPLOAD = "upload", _("upload")
        COMMAND = "opdracht", _("opdrachtregel")
        SCHEDULED = "gepland", _("geplande taak")

    class Status(models.TextChoices):
        QUEUED = "wachtrij", _("in de wachtrij")
        RUNNING = "bezig", _("bezig")
        SUCCEEDED = "geslaagd", _("geslaagd")
        FAILED = "mislukt", _("mislukt")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.FIGURES)
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(_("bestand"), upload_to="imports/%Y/%m/", max_length=255)
    file_name = models.CharField(_("bestandsnaam"), max_length=255)
    checksum = models.CharField(_("controlegetal (SHA-256)"), max_length=64, db_index=True)
    school_year = models.CharField(_("schooljaar (als het bestand het niet zegt)"), max_length=9, blank=True)
    figure_status = models.CharField(
        _("status cijfers (als het bestand het niet zegt)"), max_length=20, choices=FigureStatus.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_runs",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    started_at = models.DateTimeField(_("begonnen op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    rows_read = models.PositiveIntegerField(_("rijen gelezen"), default=0)
    rows_created = models.PositiveIntegerField(_("nieuw"), default=0)
    rows_updated = models.PositiveIntegerField(_("gewijzigd"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    rows_skipped = models.PositiveIntegerField(_("overgeslagen (subtotalen)"), default=0)
    rows_rejected = models.PositiveIntegerField(_("afgekeurd"), default=0)
    errors = models.JSONField(_("fouten"), default=list, blank=True)
    warnings = models.JSONField(_("waarschuwingen"), default=list, blank=True)
    summary = models.CharField(_("samenvatting"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        constraints = [
            # The same file of figures is loaded once: a second run of it is refused, never applied twice.
            models.UniqueConstraint(
                fields=["kind", "checksum"],
                condition=Q(status="geslaagd", kind="vsv-cijfers"),
                name="figures_file_imported_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.file_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)
