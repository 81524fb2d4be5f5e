"""KPIs of a programme: the indicator with its baseline and norm, a target per school year, and measurements;
and the DUO import: the words DUO uses for its columns and categories (data the admin can extend) and a
record of every import run, which a measurement names as its provenance.

Values are Decimals in the indicator's unit: for a percentage indicator 3.70 means 3,70%; for a count
indicator it is the count. Numerator and denominator (vsv'ers, deelnemers) are kept where known.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.periods import SchoolYear, validate_school_year
from projects.models import Programme, Project, Region, VersionedModel

from .importers.vocabulary import normalise
from .status import DEFAULT_MARGIN_PCT, Direction

VALUE_FIELD = {"max_digits": 12, "decimal_places": 2}
PERCENT_MAX = Decimal("100")


class Indicator(VersionedModel):
    class Unit(models.TextChoices):
        PERCENTAGE = "percentage", _("percentage")
        COUNT = "aantal", _("aantal")

    class DirectionChoice(models.TextChoices):
        LOWER = Direction.LOWER.value, _("lager is beter")
        HIGHER = Direction.HIGHER.value, _("hoger is beter")

    class Group(models.TextChoices):
        VO = "vo", _("VO")
        MBO = "mbo", _("MBO")
        RETURN = "terugkeer", _("Terugkeer")

    class Source(models.TextChoices):
        DUO = "duo", _("DUO-import")
        HAND = "hand", _("met de hand ingevoerd")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(
        _("code"),
        max_length=40,
        validators=[RegexValidator(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", _("Alleen kleine letters, cijfers en streepjes."))],
        help_text=_("Korte naam in het webadres, bijvoorbeeld mbo-niveau-3."),
    )
    name = models.CharField(_("naam"), max_length=200)
    definition = models.TextField(_("definitie"), blank=True)
    unit = models.CharField(_("eenheid"), max_length=20, choices=Unit.choices, default=Unit.PERCENTAGE)
    direction = models.CharField(
        _("richting"), max_length=10, choices=DirectionChoice.choices, default=DirectionChoice.LOWER
    )
    group = models.CharField(_("groep"), max_length=20, choices=Group.choices)
    category = models.CharField(
        _("categorie"), max_length=100, help_text=_("Bijvoorbeeld VO onderbouw, MBO niveau 3 of Terug naar school.")
    )
    source = models.CharField(_("bron"), max_length=10, choices=Source.choices, default=Source.DUO)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    projects = models.ManyToManyField(
        Project, verbose_name=_("bijdragende projecten"), related_name="indicators", blank=True
    )
    baseline = models.DecimalField(
        _("nulmeting"), null=True, blank=True, validators=[MinValueValidator(0)], **VALUE_FIELD
    )
    baseline_when = models.CharField(
        _("nulmeting van"),
        max_length=100,
        blank=True,
        help_text=_("Wanneer de nulmeting is vastgesteld, bijv. maart 2020."),
    )
    norm = models.DecimalField(
        _("landelijke streefnorm"), null=True, blank=True, validators=[MinValueValidator(0)], **VALUE_FIELD
    )
    norm_school_year = models.CharField(
        _("streefnorm voor schooljaar"), max_length=9, blank=True, validators=[validate_school_year]
    )
    risk_margin_pct = models.DecimalField(
        _("marge voor risico"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_MARGIN_PCT,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_(
            "Percentage van de afstand nulmeting → streefcijfer. Wie het streefcijfer net mist, "
            "maar binnen deze marge blijft, staat op risico in plaats van achter."
        ),
    )
    history = HistoricalRecords(m2m_fields=[projects])

    class Meta:
        ordering = ["programme", "position", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="one_indicator_code_per_programme"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_percentage(self) -> bool:
        return self.unit == self.Unit.PERCENTAGE

    @property
    def target_word(self):
        return _("streefpercentage") if self.is_percentage else _("streefcijfer")

    def check_value(self, value, field: str) -> dict:
        """Errors for a value that cannot be a figure of this indicator (a percentage above 100)."""
        if value is not None and self.is_percentage and value > PERCENT_MAX:
            return {field: _("Een percentage ligt tussen 0 en 100.")}
        return {}

    def clean(self):
        errors = {**self.check_value(self.baseline, "baseline"), **self.check_value(self.norm, "norm")}
        if self.norm is not None and not self.norm_school_year:
            errors["norm_school_year"] = _("Vul in voor welk schooljaar de streefnorm geldt.")
        if errors:
            raise ValidationError(errors)


class Target(VersionedModel):
    """The streefcijfer for one school year. The plan labels it by its peildatum: 1-10-2021 is 2020-2021."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="targets"
    )
    school_year = models.CharField(_("schooljaar"), max_length=9, validators=[validate_school_year])
    value = models.DecimalField(_("streefcijfer"), validators=[MinValueValidator(0)], **VALUE_FIELD)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "school_year"]
        verbose_name = _("streefcijfer")
        verbose_name_plural = _("streefcijfers")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "school_year"], name="one_target_per_indicator_year"),
        ]

    def __str__(self):
        return f"{self.indicator} {self.school_year}: {self.value}"

    @property
    def peildatum_label(self) -> str:
        return SchoolYear.parse(self.school_year).peildatum_label

    def clean(self):
        if self.indicator_id and (errors := self.indicator.check_value(self.value, "value")):
            raise ValidationError(errors)


class Measurement(VersionedModel):
    """The actual figure of an indicator for a region in a school year. Revisions stay in the history."""

    class Finality(models.TextChoices):
        PROVISIONAL = "voorlopig", _("voorlopig")
        DEFINITIVE = "definitief", _("definitief")
        UNSTATED = "niet-vermeld", _("niet vermeld")

    class Source(models.TextChoices):
        HAND = "hand", _("met de hand ingevoerd")
        IMPORT = "import", _("DUO-import")
        DOCUMENT = "document", _("uit een document")

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="measurements"
    )
    region = models.ForeignKey(Region, verbose_name=_("RMC-regio"), on_delete=models.PROTECT, related_name="+")
    school_year = models.CharField(_("schooljaar"), max_length=9, validators=[validate_school_year])
    value = models.DecimalField(_("cijfer"), validators=[MinValueValidator(0)], **VALUE_FIELD)
    numerator = models.PositiveIntegerField(
        _("teller"), null=True, blank=True, help_text=_("Bijvoorbeeld het aantal vsv'ers.")
    )
    denominator = models.PositiveIntegerField(
        _("noemer"), null=True, blank=True, help_text=_("Bijvoorbeeld het aantal deelnemers.")
    )
    finality = models.CharField(
        _("voorlopig of definitief"), max_length=20, choices=Finality.choices, default=Finality.PROVISIONAL
    )
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices, default=Source.HAND)
    source_detail = models.CharField(_("bron, toelichting"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    import_run = models.ForeignKey(
        "ImportRun",
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measurements",
        help_text=_("De DUO-import die dit cijfer het laatst heeft gewijzigd."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "school_year"]
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "region", "school_year"], name="one_measurement_per_year"),
        ]

    def __str__(self):
        return f"{self.indicator} {self.school_year}: {self.value}"

    @property
    def is_provisional(self) -> bool:
        return self.finality == self.Finality.PROVISIONAL

    def clean(self):
        errors = self.indicator.check_value(self.value, "value") if self.indicator_id else {}
        if self.denominator == 0:
            errors["denominator"] = _("De noemer kan geen 0 zijn.")
        elif self.numerator is not None and self.denominator is not None and self.numerator > self.denominator:
            errors["numerator"] = _("De teller is groter dan de noemer.")
        if errors:
            raise ValidationError(errors)


# What --status and the upload form may say about a whole file ("niet vermeld" is only for rows that say so).
FIGURE_STATUS_CHOICES = [
    (value, label) for value, label in Measurement.Finality.choices if value != Measurement.Finality.UNSTATED
]


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


class NormalisedAlias(models.Model):
    """A spelling stored normalised (indicators.importers.vocabulary.normalise), so each is kept once."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.alias = normalise(self.alias)
        super().save(*args, **kwargs)

    def clean(self):
        self.alias = normalise(self.alias)
        if not self.alias:
            raise ValidationError({"alias": _("Vul een naam in.")})


class ColumnAlias(NormalisedAlias):
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
        SHARE_BACK_IN_EDUCATION = "share_back_in_education", _("aandeel terug in onderwijs (%)")
        SHARE_WORKING = "share_working", _("aandeel werkend (%)")
        NOTE = "note", _("bron of toelichting per regel")

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


class CategoryAlias(NormalisedAlias):
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


class ImportRun(models.Model):
    """One import of one file: the stored file, who and how, what became of it, and every problem found."""

    class Kind(models.TextChoices):
        FIGURES = "vsv-cijfers", _("VSV-cijfers")
        REGIONS = "regios", _("regio's en gemeenten")

    class Source(models.TextChoices):
        UPLOAD = "upload", _("upload")
        COMMAND = "opdracht", _("opdrachtregel")
        SCHEDULED = "gepland", _("geplande taak")
        DEMO = "demo", _("demo (load_demo)")

    class Status(models.TextChoices):
        PREVIEW = "voorbeeld", _("wacht op bevestiging")
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
        _("status cijfers (als het bestand het niet zegt)"), max_length=20, choices=FIGURE_STATUS_CHOICES, blank=True
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
