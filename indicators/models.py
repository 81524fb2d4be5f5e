"""Public figures and the KPIs that read them.

- Shared facts: Category (a series DUO publishes, or a programme's own), Figure (one category × area × school year
  × breakdown, stored once for every programme) and Norm (the national streefnorm per category per school year).
- A programme's KPIs: Indicator (a category and an area, default the programme's region, with baseline, margin
  and projects) and Target (a streefcijfer per school year). A KPI reads its figures; it holds none.
- The DUO import: the words DUO uses for columns and categories (data the admin can extend) and ImportRun, a
  record of every run, owned by a programme (its managers) or by the data stewards (programme empty).

Values are Decimals in the category's unit: for a percentage 3.70 means 3,70%; for a count it is the count.
Numerator and denominator (vsv'ers, deelnemers) are kept where known.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.badges import Tone, choice_looks
from core.periods import SchoolYear, validate_school_year
from projects.models import Programme, Project, VersionedModel

from . import areas, categories
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
    category = models.ForeignKey(
        "Category",
        verbose_name=_("categorie"),
        on_delete=models.PROTECT,
        related_name="indicators",
        help_text=_("De reeks cijfers die deze indicator volgt, bijvoorbeeld MBO niveau 3."),
    )
    area_kind = models.CharField(
        _("soort gebied"),
        max_length=20,
        choices=areas.KIND_CHOICES,
        blank=True,
        help_text=_("Leeg: de RMC-regio van het programma."),
    )
    area_code = models.CharField(_("gebiedscode"), max_length=12, blank=True)
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

    @property
    def area(self) -> areas.Area:
        """What the indicator's figures are about: its own area, else the programme's region."""
        if self.area_kind == areas.NATION:
            return areas.NATION_AREA
        if self.area_kind:
            return areas.Area(self.area_kind, self.area_code)
        return areas.Area.region(self.programme.region.code)

    def clean(self):
        errors = self.check_value(self.baseline, "baseline")
        if self.area_kind == areas.NATION:
            self.area_code = areas.NATION_CODE
        elif self.area_kind:
            try:  # one spelling, as the figures are stored: "193" is municipality 0193
                self.area_code = areas.Area.parse(f"{self.area_kind}-{self.area_code}").code
            except ValueError:
                errors["area_code"] = _("Vul de code van het gebied in: een RMC-code of een gemeentenummer.")
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


class Category(models.Model):
    """A series DUO publishes (a normcategorie, a total, an "een jaar later" figure, an older category), or one a
    programme keeps by hand (kind "eigen", with its programme). Built in: indicators/categories.py."""

    class Kind(models.TextChoices):
        NORM = categories.NORM, _("normcategorie")
        TOTAL = categories.TOTAL, _("totaal")
        ONE_YEAR_LATER = categories.ONE_YEAR_LATER, _("een jaar later")
        HISTORIC = categories.HISTORIC, _("oude categorie")
        OWN = categories.OWN, _("eigen reeks van een programma")

    code = models.CharField(
        _("code"),
        max_length=40,
        primary_key=True,
        validators=[RegexValidator(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", _("Alleen kleine letters, cijfers en streepjes."))],
        help_text=_("Zoals in webadressen en de API, bijvoorbeeld mbo-niveau-3."),
    )
    name = models.CharField(_("naam"), max_length=100)
    group = models.CharField(_("groep"), max_length=20, choices=Indicator.Group.choices + [("totaal", _("Totaal"))])
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.NORM)
    unit = models.CharField(
        _("eenheid"), max_length=20, choices=Indicator.Unit.choices, default=Indicator.Unit.PERCENTAGE
    )
    direction = models.CharField(
        _("richting"), max_length=10, choices=Indicator.DirectionChoice.choices, default=Indicator.DirectionChoice.LOWER
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programma (eigen reeks)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="own_categories",
        help_text=_("Alleen voor een reeks die DUO niet publiceert en één programma zelf bijhoudt."),
    )

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")

    def __str__(self):
        return self.name

    @property
    def is_percentage(self) -> bool:
        return self.unit == Indicator.Unit.PERCENTAGE


class Figure(VersionedModel):
    """A public fact: the figure of one category for one area in one school year, in total or for one value of a
    breakdown (leerweg, geslacht, leeftijd, gemeente). Stored once, whatever the number of programmes that read
    it; every revision stays in the history."""

    class Finality(models.TextChoices):
        PROVISIONAL = "voorlopig", _("voorlopig")
        DEFINITIVE = "definitief", _("definitief")
        UNSTATED = "niet-vermeld", _("niet vermeld")

    class Source(models.TextChoices):
        HAND = "hand", _("met de hand ingevoerd")
        IMPORT = "import", _("DUO-import")
        DOCUMENT = "document", _("uit een document")

    class Breakdown(models.TextChoices):
        NONE = "", _("totaal (geen uitsplitsing)")
        LEERWEG = "leerweg", _("leerweg en leerjaar")
        GESLACHT = "geslacht", _("geslacht")
        LEEFTIJD = "leeftijd", _("leeftijd")
        GEMEENTE = "gemeente", _("gemeente")

    category = models.ForeignKey(
        Category, verbose_name=_("categorie"), on_delete=models.PROTECT, related_name="figures"
    )
    area_kind = models.CharField(_("soort gebied"), max_length=20, choices=areas.KIND_CHOICES)
    area_code = models.CharField(
        _("gebiedscode"), max_length=12, help_text=_("nl, een RMC-code of een gemeentenummer.")
    )
    school_year = models.CharField(_("schooljaar"), max_length=9, validators=[validate_school_year])
    breakdown = models.CharField(_("uitsplitsing"), max_length=20, choices=Breakdown.choices, blank=True, default="")
    breakdown_value = models.CharField(_("waarde van de uitsplitsing"), max_length=100, blank=True, default="")
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
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("ingevoerd voor programma"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Bij een cijfer met de hand: het programma waarvan de programmamanagers het mogen wijzigen."),
    )
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
        related_name="figures",
        help_text=_("De DUO-import die dit cijfer het laatst heeft gewijzigd."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["category", "area_kind", "area_code", "school_year", "breakdown", "breakdown_value"]
        verbose_name = _("cijfer")
        verbose_name_plural = _("cijfers")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "area_kind", "area_code", "school_year", "breakdown", "breakdown_value"],
                name="one_figure_per_category_area_year_breakdown",
            ),
            models.CheckConstraint(
                condition=Q(breakdown="", breakdown_value="") | (~Q(breakdown="") & ~Q(breakdown_value="")),
                name="figure_breakdown_has_value",
            ),
        ]
        indexes = [models.Index(fields=["area_kind", "area_code", "school_year"], name="figure_area_year")]

    def __str__(self):
        return f"{self.category_id} {self.area.key} {self.school_year}: {self.value}"

    @property
    def area(self) -> areas.Area:
        return areas.Area(self.area_kind, self.area_code)

    @property
    def key(self) -> tuple:
        return (
            self.category_id,
            self.area_kind,
            self.area_code,
            self.school_year,
            self.breakdown,
            self.breakdown_value,
        )

    @property
    def is_provisional(self) -> bool:
        return self.finality == self.Finality.PROVISIONAL

    @property
    def exact_value(self) -> Decimal:
        """The value to compare: for a percentage with both counts known, numerator × 100 / denominator unrounded
        (78 / 34.006 = 0,2294 is above a 0,2 norm although DUO prints 0,2); else the value as published."""
        if self.numerator is not None and self.denominator and self.category.is_percentage:
            return Decimal(self.numerator) * 100 / Decimal(self.denominator)
        return self.value

    def clean(self):
        errors = {}
        if self.category_id and self.category.is_percentage and self.value is not None and self.value > PERCENT_MAX:
            errors["value"] = _("Een percentage ligt tussen 0 en 100.")
        if self.denominator == 0:
            errors["denominator"] = _("De noemer kan geen 0 zijn.")
        elif self.numerator is not None and self.denominator is not None and self.numerator > self.denominator:
            errors["numerator"] = _("De teller is groter dan de noemer.")
        if errors:
            raise ValidationError(errors)


class Norm(VersionedModel):
    """The national streefnorm of a category for one school year (OCW sets them per year)."""

    category = models.ForeignKey(Category, verbose_name=_("categorie"), on_delete=models.PROTECT, related_name="norms")
    school_year = models.CharField(_("schooljaar"), max_length=9, validators=[validate_school_year])
    value = models.DecimalField(
        _("streefnorm"), validators=[MinValueValidator(0), MaxValueValidator(100)], **VALUE_FIELD
    )
    source_detail = models.CharField(_("bron"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["category", "school_year"]
        verbose_name = _("landelijke streefnorm")
        verbose_name_plural = _("landelijke streefnormen")
        constraints = [
            models.UniqueConstraint(fields=["category", "school_year"], name="one_norm_per_category_year"),
        ]

    def __str__(self):
        return f"{self.category_id} {self.school_year}: {self.value}"


# What --status and the upload form may say about a whole file ("niet vermeld" is only for rows that say so).
FIGURE_STATUS_CHOICES = [
    (value, label) for value, label in Figure.Finality.choices if value != Figure.Finality.UNSTATED
]


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
        LEERWEG = "leerweg", _("uitsplitsing: leerweg en leerjaar")
        GESLACHT = "geslacht", _("uitsplitsing: geslacht")
        LEEFTIJD = "leeftijd", _("uitsplitsing: leeftijd")

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
    category = models.ForeignKey(
        Category,
        verbose_name=_("categorie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="aliases",
        help_text=_("Leeg: regels met deze naam worden overgeslagen (geen eigen categorie)."),
    )

    class Meta:
        ordering = ["category", "alias"]
        verbose_name = _("categorienaam van DUO")
        verbose_name_plural = _("categorienamen van DUO")

    def __str__(self):
        return f"{self.alias} → {self.category or _('overslaan')}"


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
        CHECKING = "controle", _("wordt gecontroleerd")
        PREVIEW = "voorbeeld", _("wacht op bevestiging")
        QUEUED = "wachtrij", _("in de wachtrij")
        RUNNING = "bezig", _("bezig")
        SUCCEEDED = "geslaagd", _("geslaagd")
        FAILED = "mislukt", _("mislukt")
        CANCELLED = "geannuleerd", _("geannuleerd")

    # Tone and word of each status (core/badges.py); waiting and working show an hourglass and a turning arrow.
    STATUS_LOOKS = choice_looks(
        Status,
        {
            Status.CHECKING: Tone.NONE,
            Status.PREVIEW: Tone.NONE,
            Status.QUEUED: Tone.NONE,
            Status.RUNNING: Tone.RISK,
            Status.SUCCEEDED: Tone.OK,
            Status.FAILED: Tone.BEHIND,
            Status.CANCELLED: Tone.NONE,
        },
        icons={
            Status.CHECKING: "⟳",
            Status.PREVIEW: "…",
            Status.QUEUED: "⏳",
            Status.RUNNING: "⟳",
            Status.CANCELLED: "⊘",
        },
    )

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
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programma"),
        on_delete=models.PROTECT,  # a run names what it wrote into the shared figures: it outlives no programme
        null=True,
        blank=True,
        related_name="import_runs",
        help_text=_("Leeg: een import van de gegevensbeheerders (alle gebieden)."),
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
    preview = models.JSONField(
        _("voorbeeld"),
        encoder=DjangoJSONEncoder,  # counts, Dutch messages (lazy) and the changed values (Decimal, as text)
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wat het bestand zou veranderen, eenmaal berekend door de controle (indicators.importers.runs)."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd of geannuleerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Wie het voorbeeld bevestigde (of annuleerde); leeg bij de geplande taak en commando's."),
    )
    decided_at = models.DateTimeField(_("bevestigd of geannuleerd op"), null=True, blank=True)
    started_at = models.DateTimeField(_("begonnen op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    rows_read = models.PositiveIntegerField(_("rijen gelezen"), default=0)
    rows_created = models.PositiveIntegerField(_("nieuw"), default=0)
    rows_updated = models.PositiveIntegerField(_("gewijzigd"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    rows_skipped = models.PositiveIntegerField(_("overgeslagen (geen eigen categorie)"), default=0)
    rows_rejected = models.PositiveIntegerField(_("afgekeurd"), default=0)
    errors = models.JSONField(_("fouten"), default=list, blank=True)
    warnings = models.JSONField(_("waarschuwingen"), default=list, blank=True)
    summary = models.CharField(_("samenvatting"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        constraints = [
            # The same file of figures is loaded once by each owner: a second run of it is refused, never applied
            # twice. (A programme's run loads only its region, so another owner may still load the same file.)
            models.UniqueConstraint(
                fields=["kind", "checksum"],
                condition=Q(status="geslaagd", kind="vsv-cijfers", programme__isnull=True),
                name="figures_file_imported_once",
            ),
            models.UniqueConstraint(
                fields=["programme", "kind", "checksum"],
                condition=Q(status="geslaagd", kind="vsv-cijfers", programme__isnull=False),
                name="figures_file_imported_once_per_programme",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.file_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED, self.Status.CANCELLED)
