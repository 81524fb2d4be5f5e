"""The multi-year budget: sections (the seed's theme blocks), lines with an adopted amount per year,
budget changes that move money between lines, and spending recorded against lines.

The current budget of a line is never stored: it is the adopted amount plus and minus the approved
changes, so a total cannot change without a change that says who, when and why.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from budget.pace import DEFAULT_BANDS, PaceBands
from projects.models import Programme, Project, Theme

MONEY = {"max_digits": 12, "decimal_places": 2}
YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]
# Seed 004, chapter 7: "Conform de VSV regeling wordt ... gerekend met een uurtarief van € 50,-". The rate of a
# programme without budget settings (selectors.hourly_rate), and the default of a new programme's settings.
DEFAULT_HOURLY_RATE = Decimal(50)


class BudgetSettings(models.Model):
    """Per programme: the budget's years, the hourly rate and the pace bands. The programme's one hourly rate:
    spending in hours is priced with it, and a half-year plan takes it over when it starts (and keeps it)."""

    programme = models.OneToOneField(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="budget_settings"
    )
    first_year = models.PositiveSmallIntegerField(_("eerste begrotingsjaar"), validators=YEAR_VALIDATORS)
    last_year = models.PositiveSmallIntegerField(_("laatste begrotingsjaar"), validators=YEAR_VALIDATORS)
    hourly_rate = models.DecimalField(
        _("uurtarief"),
        max_digits=8,
        decimal_places=2,
        default=DEFAULT_HOURLY_RATE,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Voor bestedingen in uren en voor nieuwe halfjaarplannen; een plan houdt het tarief waarmee het is "
            "gestart. Standaard het tarief van de VSV-regeling (seed 004, hoofdstuk 7)."
        ),
    )
    pace_behind_below_pct = models.DecimalField(
        _("achter op schema onder (% per kwartaal)"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_BANDS.behind_below,
    )
    pace_ahead_above_pct = models.DecimalField(
        _("voor op schema boven (% per kwartaal)"), max_digits=5, decimal_places=2, default=DEFAULT_BANDS.ahead_above
    )
    pace_far_ahead_above_pct = models.DecimalField(
        _("ruim voor op schema boven (% per kwartaal)"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_BANDS.far_ahead_above,
    )
    history = HistoricalRecords(table_name="projects_historicalbudgetsettings")

    class Meta:
        db_table = "projects_budgetsettings"  # made when this was part of projects; kept so no row moves
        verbose_name = _("begrotingsinstellingen")
        verbose_name_plural = _("begrotingsinstellingen")
        constraints = [
            models.CheckConstraint(condition=Q(last_year__gte=F("first_year")), name="budget_years_ordered"),
        ]

    def __str__(self):
        return f"{self.programme} {self.first_year}–{self.last_year}"

    def clean(self):
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("Het laatste jaar ligt vóór het eerste jaar.")})
        if not (self.pace_behind_below_pct <= self.pace_ahead_above_pct <= self.pace_far_ahead_above_pct):
            raise ValidationError(_("De grenzen van het uitgavenritme moeten oplopen: achter ≤ voor ≤ ruim voor."))

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    @property
    def bands(self) -> PaceBands:
        return PaceBands(self.pace_behind_below_pct, self.pace_ahead_above_pct, self.pace_far_ahead_above_pct)


class BudgetSection(models.Model):
    """A block of the budget table: a theme with its total, or lines outside any theme total."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="budget_sections"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"))
    title = models.CharField(_("titel"), max_length=200)
    theme = models.ForeignKey(
        Theme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="budget_sections", null=True, blank=True
    )
    shows_total = models.BooleanField(_("toont een totaalregel"), default=True)
    note = models.CharField(_("opmerking"), max_length=200, blank=True)

    class Meta:
        db_table = "projects_budgetsection"  # made when this was part of projects; kept so no row moves
        ordering = ["programme", "position"]
        verbose_name = _("begrotingsblok")
        verbose_name_plural = _("begrotingsblokken")
        constraints = [
            models.UniqueConstraint(fields=["programme", "title"], name="one_budget_section_title_per_programme"),
        ]

    def __str__(self):
        return self.title


class BudgetLine(models.Model):
    class Kind(models.TextChoices):
        WORK_BUDGET = "werkbudget", _("werkbudget")
        PROJECT = "project", _("project")
        PLUS = "plusvoorziening", _("plusvoorziening")
        LATITUDE = "regelruimte", _("regelruimte")

    class Recipient(models.TextChoices):
        CONTACT_MUNICIPALITY = "contactgemeente", _("contactgemeente")
        CONTACT_SCHOOL = "contactschool", _("contactschool")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    section = models.ForeignKey(
        BudgetSection, verbose_name=_("begrotingsblok"), on_delete=models.PROTECT, related_name="lines"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    description = models.CharField(_("omschrijving"), max_length=300)
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="budget_lines",
        null=True,
        blank=True,
    )
    recipient = models.CharField(_("ontvanger"), max_length=20, choices=Recipient.choices)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.PROJECT)
    history = HistoricalRecords(table_name="projects_historicalbudgetline")

    class Meta:
        db_table = "projects_budgetline"  # made when this was part of projects; kept so no row moves
        ordering = ["programme", "section__position", "position", "pk"]
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")
        constraints = [
            models.UniqueConstraint(fields=["section", "description"], name="one_budget_line_description_per_section"),
        ]

    def __str__(self):
        return self.description

    @property
    def theme(self):
        return self.section.theme

    def clean(self):
        errors = {}
        if self.section_id and self.programme_id and self.section.programme_id != self.programme_id:
            errors["section"] = _("Dit begrotingsblok hoort bij een ander programma.")
        if self.project_id and self.programme_id and self.project.programme_id != self.programme_id:
            errors["project"] = _("Dit project hoort bij een ander programma.")
        if errors:
            raise ValidationError(errors)


class BudgetAmount(models.Model):
    """The adopted budget of a line for one year. A year without a row is empty ("—"); 0 is "€ 0"."""

    line = models.ForeignKey(
        BudgetLine, verbose_name=_("begrotingsregel"), on_delete=models.CASCADE, related_name="amounts"
    )
    year = models.PositiveSmallIntegerField(_("jaar"), validators=YEAR_VALIDATORS)
    amount = models.DecimalField(_("bedrag"), **MONEY, validators=[MinValueValidator(0)])
    history = HistoricalRecords(table_name="projects_historicalbudgetamount")

    class Meta:
        db_table = "projects_budgetamount"  # made when this was part of projects; kept so no row moves
        ordering = ["line", "year"]
        verbose_name = _("begroot bedrag")
        verbose_name_plural = _("begrote bedragen")
        constraints = [
            models.UniqueConstraint(fields=["line", "year"], name="one_budget_amount_per_line_year"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.line} {self.year}: {self.amount}"


class BudgetChange(models.Model):
    """A begrotingswijziging: move an amount in one year from one line to another. Only an approved
    change counts; a programme manager approves or rejects it, with the date of the decision."""

    class Status(models.TextChoices):
        PROPOSED = "voorgesteld", _("voorgesteld")
        APPROVED = "goedgekeurd", _("goedgekeurd")
        REJECTED = "afgewezen", _("afgewezen")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="budget_changes"
    )
    year = models.PositiveSmallIntegerField(_("jaar"), validators=YEAR_VALIDATORS)
    amount = models.DecimalField(_("bedrag"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    from_line = models.ForeignKey(
        BudgetLine, verbose_name=_("van begrotingsregel"), on_delete=models.PROTECT, related_name="changes_out"
    )
    to_line = models.ForeignKey(
        BudgetLine, verbose_name=_("naar begrotingsregel"), on_delete=models.PROTECT, related_name="changes_in"
    )
    reason = models.TextField(_("reden"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voorgesteld door"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("voorgesteld op"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_on = models.DateField(_("datum besluit"), null=True, blank=True)
    decision_note = models.CharField(_("toelichting bij het besluit"), max_length=300, blank=True)
    history = HistoricalRecords(table_name="projects_historicalbudgetchange")

    class Meta:
        db_table = "projects_budgetchange"  # made when this was part of projects; kept so no row moves
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("begrotingswijziging")
        verbose_name_plural = _("begrotingswijzigingen")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="budget_change_amount_positive"),
            models.CheckConstraint(condition=~Q(from_line=F("to_line")), name="budget_change_between_two_lines"),
            models.CheckConstraint(
                condition=Q(status="voorgesteld") | Q(decided_on__isnull=False, decided_by__isnull=False),
                name="budget_change_decision_dated",
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.from_line} → {self.to_line} ({self.amount})"

    def clean(self):
        errors = {}
        if self.from_line_id and self.to_line_id and self.from_line_id == self.to_line_id:
            errors["to_line"] = _("Kies twee verschillende begrotingsregels.")
        for field in ("from_line", "to_line"):
            line = getattr(self, field) if getattr(self, f"{field}_id") else None
            if line is not None and self.programme_id and line.programme_id != self.programme_id:
                errors[field] = _("Deze begrotingsregel hoort bij een ander programma.")
        if errors:
            raise ValidationError(errors)


class SpendingEntry(models.Model):
    """Realisatie: money spent on a line, optionally as hours × hourly rate."""

    line = models.ForeignKey(
        BudgetLine, verbose_name=_("begrotingsregel"), on_delete=models.PROTECT, related_name="spending"
    )
    date = models.DateField(_("datum"))
    amount = models.DecimalField(_("bedrag"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    description = models.CharField(_("omschrijving"), max_length=300)
    hours = models.DecimalField(
        _("uren"), max_digits=7, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    hourly_rate = models.DecimalField(_("uurtarief"), max_digits=8, decimal_places=2, null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    history = HistoricalRecords(table_name="projects_historicalspendingentry")

    class Meta:
        db_table = "projects_spendingentry"  # made when this was part of projects; kept so no row moves
        ordering = ["-date", "-pk"]
        verbose_name = _("besteding")
        verbose_name_plural = _("bestedingen")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="spending_amount_positive"),
        ]

    def __str__(self):
        return f"{self.date} {self.description} ({self.amount})"
