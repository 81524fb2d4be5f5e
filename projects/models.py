"""The regional plan: regions, organisations, the programme with its themes, projects and activities."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.history import VersionedModel
from core.periods import CurrentPeriods, ProgrammePeriod, current_periods


class Region(models.Model):
    """An RMC region. The code ("10") is the key: names change and regions split."""

    code = models.CharField(
        _("RMC-code"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{1,3}$", _("Een RMC-code bestaat uit cijfers, bijvoorbeeld 10."))],
    )
    name = models.CharField(_("naam"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("RMC-regio")
        verbose_name_plural = _("RMC-regio's")

    def __str__(self):
        return f"{self.code} {self.name}"


class Municipality(models.Model):
    """A municipality with its CBS/DUO gemeentenummer, linked to the RMC region it belongs to."""

    code = models.CharField(_("gemeentenummer"), max_length=4, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    region = models.ForeignKey(
        Region,
        verbose_name=_("RMC-regio"),
        on_delete=models.PROTECT,
        related_name="municipalities",
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "gemeente", _("gemeente")
        SCHOOL = "school", _("school")
        PARTNER = "partner", _("partner")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.PARTNER)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name


class Programme(models.Model):
    """A region's multi-year plan, e.g. "Vervolgaanpak VSV 2020-2024"."""

    class Status(models.TextChoices):
        DRAFT = "concept", _("concept")
        ACTIVE = "actief", _("actief")
        CLOSED = "afgesloten", _("afgesloten")

    region = models.ForeignKey(Region, verbose_name=_("RMC-regio"), on_delete=models.PROTECT, related_name="programmes")
    title = models.CharField(_("titel"), max_length=200)
    first_year = models.PositiveSmallIntegerField(
        _("eerste jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    last_year = models.PositiveSmallIntegerField(
        _("laatste jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    summary = models.TextField(_("samenvatting"), blank=True)
    contact_municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("contactgemeente"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    contact_school = models.ForeignKey(
        Organisation,
        verbose_name=_("contactschool"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-first_year", "title"]
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        constraints = [
            models.UniqueConstraint(fields=["region", "title"], name="one_programme_title_per_region"),
            # The period is the programme's key in its URL (`slug`).
            models.UniqueConstraint(
                fields=["region", "first_year", "last_year"],
                name="one_programme_per_region_period",
                violation_error_message=_("Deze regio heeft al een programma voor deze jaren."),
            ),
            models.CheckConstraint(condition=Q(last_year__gte=models.F("first_year")), name="programme_years_ordered"),
            # A region runs one programme at a time; the others are concepts or closed.
            models.UniqueConstraint(
                fields=["region"],
                condition=Q(status="actief"),
                name="one_active_programme_per_region",
                violation_error_message=_(
                    "Deze regio heeft al een actief programma. Maak dit programma een concept, of sluit eerst het "
                    "andere af."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def slug(self) -> str:
        """The programme in its URL: region code and period, e.g. "10-2020-2024"."""
        return f"{self.region.code}-{self.first_year}-{self.last_year}"

    @property
    def url_prefix(self) -> str:
        """Where its pages live: "/programmas/10-2020-2024/" (vsvplan.urls mounts them there)."""
        return f"/programmas/{self.slug}/"

    @property
    def period(self) -> ProgrammePeriod:
        return ProgrammePeriod(self.first_year, self.last_year)

    @property
    def period_label(self) -> str:
        return str(self.period)

    def day(self, today: date) -> date:
        """The day the programme's pages stand on: today within its period, else its last (or first) day. Every
        default (half-year, quarter, budget year, school year) is taken from this one day."""
        return self.period.clamp(today)

    def periods(self, today: date) -> CurrentPeriods:
        return current_periods(today, self.period)

    def clean(self):
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("Het laatste jaar ligt vóór het eerste jaar.")})


class Membership(models.Model):
    """A user's role in a programme. Roles are data, so a region assigns them in the admin."""

    class Role(models.TextChoices):
        PROGRAMME_MANAGER = "programmamanager", _("programmamanager")
        STEERING_GROUP = "stuurgroep", _("lid stuurgroep/regiegroep")
        PROJECT_LEADER = "projectleider", _("projectleider")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="memberships"
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "role", "user__username"]
        verbose_name = _("rol in programma")
        verbose_name_plural = _("rollen in programma's")
        constraints = [
            models.UniqueConstraint(fields=["user", "programme", "role"], name="one_role_once_per_user_programme"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} ({self.programme})"


class Theme(VersionedModel):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="themes"
    )
    number = models.PositiveSmallIntegerField(
        _("nummer"), validators=[MinValueValidator(1, _("Het nummer is minstens 1.")), MaxValueValidator(99)]
    )
    title = models.CharField(_("titel"), max_length=200)
    ambition = models.TextField(_("ambitie"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="one_theme_number_per_programme"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Project(VersionedModel):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="projects"
    )
    theme = models.ForeignKey(Theme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="projects")
    code = models.CharField(
        _("code"),
        max_length=10,
        validators=[RegexValidator(r"^\d{1,2}\.\d{1,2}$", _("Een projectcode heeft de vorm 2.1."))],
        help_text=_("Themanummer, punt, volgnummer: bijvoorbeeld 2.1."),
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    goal = models.TextField(_("doel"), blank=True)
    target_group = models.TextField(_("doelgroep"), blank=True)
    leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("projectleiders"), related_name="led_projects", blank=True
    )
    lead_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("trekkers"), related_name="led_projects", blank=True
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partners"), related_name="partner_projects", blank=True
    )
    history = HistoricalRecords(m2m_fields=[leaders, partners, lead_organisations])

    class Meta:
        ordering = ["programme", "theme__number", "code"]
        verbose_name = _("project")
        verbose_name_plural = _("projecten")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="one_project_code_per_programme"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def sort_key(self):
        return tuple(int(part) for part in self.code.split("."))

    def clean(self):
        errors = {}
        if self.theme_id and self.programme_id and self.theme.programme_id != self.programme_id:
            errors["theme"] = _("Dit thema hoort bij een ander programma.")
        if self.theme_id and "." in (self.code or "") and self.code.split(".")[0] != str(self.theme.number):
            errors["code"] = _("De code begint met het themanummer (%(number)s).") % {"number": self.theme.number}
        if errors:
            raise ValidationError(errors)


class Activity(VersionedModel):
    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="activities")
    number = models.PositiveSmallIntegerField(
        _("nummer"), validators=[MinValueValidator(1, _("Het nummer is minstens 1."))]
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    who = models.CharField(_("wie"), max_length=300, blank=True)
    when = models.CharField(_("wanneer"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "number"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="one_activity_number_per_project"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"
