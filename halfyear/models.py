"""Models of the half-year cycle. Their tables keep the names they had in `projects` (see migrations/0001)."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from budget.models import DEFAULT_HOURLY_RATE
from core.badges import Tone, choice_looks
from core.history import VersionedModel
from core.periods import HalfYear, validate_period


class CycleSettings(models.Model):
    """A programme's rules for the half-year cycle: deadlines and reminders. The hourly rate a plan starts with
    is the programme's one rate, in the budget settings (budget.selectors.hourly_rate)."""

    programme = models.OneToOneField(
        "projects.Programme", verbose_name=_("programma"), on_delete=models.CASCADE, related_name="cycle_settings"
    )
    plan_due_days_before = models.PositiveSmallIntegerField(
        _("plan in te dienen (dagen vóór het halfjaar)"), default=14, validators=[MaxValueValidator(120)]
    )
    evaluation_due_weeks_after = models.PositiveSmallIntegerField(
        _("evaluatie in te dienen (weken na het halfjaar)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("herinnering (dagen vóór de deadline)"), default=7, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    history = HistoricalRecords(table_name="projects_historicalcyclesettings")

    class Meta:
        db_table = "projects_cyclesettings"  # made when this was part of projects; kept so no row moves
        verbose_name = _("instellingen halfjaarcyclus")
        verbose_name_plural = _("instellingen halfjaarcyclus")

    def __str__(self):
        return str(self.programme)

    def plan_deadline(self, period: HalfYear):
        return period.start - timedelta(days=self.plan_due_days_before)

    def evaluation_deadline(self, period: HalfYear):
        return period.end + timedelta(weeks=self.evaluation_due_weeks_after)


class HalfYearPlan(VersionedModel):
    """A project's plan for one half-year. A change after approval is a new revision of the same period."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        SUBMITTED = "ingediend", _("ingediend")
        APPROVED = "goedgekeurd", _("goedgekeurd")
        RETURNED = "teruggestuurd", _("teruggestuurd")

    # Tone and word of each status (core/badges.py): the one place a plan status gets its look.
    STATUS_LOOKS = choice_looks(
        Status,
        {
            Status.CONCEPT: Tone.DRAFT,
            Status.SUBMITTED: Tone.INFO,
            Status.APPROVED: Tone.OK,
            Status.RETURNED: Tone.RISK,
        },
    )

    project = models.ForeignKey(
        "projects.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="halfyear_plans"
    )
    period = models.CharField(_("halfjaar"), max_length=7, validators=[validate_period], help_text=_("Bijv. 2025-H1."))
    revision = models.PositiveSmallIntegerField(_("versie"), default=1)
    revision_reason = models.CharField(_("reden nieuwe versie"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    context = models.TextField(_("context"), blank=True, help_text=_("Waar staat het project nu, wat speelt er?"))
    aim = models.TextField(_("doel van dit halfjaar"), blank=True)
    lessons = models.TextField(
        _("lessen uit het vorige halfjaar"),
        blank=True,
        help_text=_("Overgenomen uit de evaluatie van het vorige halfjaar; pas aan waar nodig."),
    )
    activities = models.ManyToManyField(
        "projects.Activity", verbose_name=_("geplande activiteiten"), related_name="halfyear_plans", blank=True
    )
    hours_requested = models.DecimalField(
        _("gevraagde uren"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Het aantal uren kan niet negatief zijn."))],
    )
    # The programme's rate when the plan started, frozen: a later change of the rate does not reprice the plan.
    hourly_rate = models.DecimalField(
        _("uurtarief"), max_digits=8, decimal_places=2, default=DEFAULT_HOURLY_RATE, editable=False
    )
    other_costs = models.DecimalField(
        _("overige kosten"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0, _("De kosten kunnen niet negatief zijn."))],
        help_text=_("Materiaal, zaalhuur en dergelijke, in euro's."),
    )
    review_comment = models.TextField(_("opmerking programmamanager"), blank=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo"), default=False, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[activities], table_name="projects_historicalhalfyearplan")

    class Meta:
        db_table = "projects_halfyearplan"  # made when this was part of projects; kept so no row moves
        ordering = ["project", "-period", "-revision"]
        verbose_name = _("halfjaarplan")
        verbose_name_plural = _("halfjaarplannen")
        constraints = [
            models.UniqueConstraint(fields=["project", "period", "revision"], name="one_plan_revision_per_period"),
        ]

    def __str__(self):
        suffix = f" (versie {self.revision})" if self.revision > 1 else ""
        return f"{self.project.code} {self.period}{suffix}"

    @property
    def period_obj(self) -> HalfYear:
        return HalfYear.parse(self.period)

    @property
    def hours_costs(self) -> Decimal:
        return (self.hours_requested or Decimal("0")) * self.hourly_rate

    @property
    def total_costs(self) -> Decimal:
        return self.hours_costs + (self.other_costs or Decimal("0"))

    def clean(self):
        errors = {}
        if self.revision > 1 and not self.revision_reason.strip():
            errors["revision_reason"] = _("Geef de reden voor een nieuwe versie van een goedgekeurd plan.")
        if errors:
            raise ValidationError(errors)


class SmartGoal(VersionedModel):
    """A SMART goal of a half-year plan, with its evaluation once the half-year is over.

    The measure is the goal's own (description + unit); a goal may also name the programme KPI it contributes
    to and is measured by (`indicator`, issue 8).
    """

    class Result(models.TextChoices):
        MET = "behaald", _("behaald")
        PARTLY = "deels", _("deels behaald")
        NOT_MET = "niet", _("niet behaald")

    # Tone and word of each result (core/badges.py).
    RESULT_LOOKS = choice_looks(Result, {Result.MET: Tone.OK, Result.PARTLY: Tone.RISK, Result.NOT_MET: Tone.BEHIND})

    plan = models.ForeignKey(
        HalfYearPlan, verbose_name=_("halfjaarplan"), on_delete=models.CASCADE, related_name="goals"
    )
    number = models.PositiveSmallIntegerField(_("nummer"), validators=[MinValueValidator(1)])
    description = models.TextField(_("doel"), help_text=_("Specifiek: wat is er aan het eind bereikt, voor wie?"))
    measure_description = models.CharField(
        _("gemeten met"),
        max_length=300,
        blank=True,
        help_text=_("Meetbaar: waaraan ziet u dat het doel is bereikt? Bijv. aantal leerlingen met een paspoort."),
    )
    measure_unit = models.CharField(
        _("eenheid"), max_length=40, blank=True, help_text=_("Bijv. leerlingen, %, scholen.")
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("KPI van het programma"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="smart_goals",
        help_text=_(
            "Kies de KPI als dit doel bijdraagt aan een KPI van het programma en daarmee wordt gemeten; "
            "beschrijf hierboven hoe u het meet."
        ),
    )
    target_value = models.DecimalField(_("streefwaarde"), max_digits=12, decimal_places=2, null=True, blank=True)
    achievable = models.TextField(
        _("waarom haalbaar en realistisch"),
        blank=True,
        help_text=_("Acceptabel en realistisch: wat maakt dit haalbaar?"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True, help_text=_("Tijdgebonden: binnen het halfjaar."))
    responsible = models.CharField(_("verantwoordelijk"), max_length=200, blank=True)
    carried_from = models.ForeignKey(
        "self",
        verbose_name=_("voortgezet uit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
    )
    result = models.CharField(_("resultaat"), max_length=10, choices=Result.choices, blank=True)
    value_reached = models.DecimalField(_("bereikte waarde"), max_digits=12, decimal_places=2, null=True, blank=True)
    explanation = models.TextField(_("toelichting"), blank=True)
    lesson = models.TextField(_("les voor het volgende halfjaar"), blank=True)
    history = HistoricalRecords(table_name="projects_historicalsmartgoal")

    class Meta:
        db_table = "projects_smartgoal"  # made when this was part of projects; kept so no row moves
        ordering = ["plan", "number"]
        verbose_name = _("SMART-doel")
        verbose_name_plural = _("SMART-doelen")
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="one_goal_number_per_plan")]

    def __str__(self):
        return f"{self.number}. {self.description[:60]}"

    def clean(self):
        errors = {}
        if not self.measure_description.strip():
            errors["measure_description"] = _("Een SMART-doel is meetbaar: geef aan waarmee het wordt gemeten.")
        if not self.measure_unit.strip():
            errors["measure_unit"] = _("Geef de eenheid van de meting, bijvoorbeeld leerlingen of %.")
        if self.target_value is None:
            errors["target_value"] = _("Geef de streefwaarde die u aan het eind van het halfjaar wilt bereiken.")
        if self.deadline is None:
            errors["deadline"] = _("Een SMART-doel is tijdgebonden: geef een deadline binnen het halfjaar.")
        elif self.plan_id and self.deadline not in self.plan.period_obj:
            period = self.plan.period_obj
            errors["deadline"] = _(
                "De deadline valt buiten het halfjaar %(period)s: kies een datum van %(start)s tot en met %(end)s."
            ) % {
                "period": period,
                "start": date_format(period.start, "j F Y"),
                "end": date_format(period.end, "j F Y"),
            }
        if self.result and self.result != self.Result.NOT_MET and self.value_reached is None:
            errors["value_reached"] = _("Geef de bereikte waarde bij een (deels) behaald doel.")
        if self.indicator_id and self.plan_id and self.indicator.programme_id != self.plan.project.programme_id:
            errors["indicator"] = _("Kies een KPI van het programma van dit project.")
        if errors:
            raise ValidationError(errors)


class HalfYearEvaluation(VersionedModel):
    """The overall reflection on a half-year plan; the goals carry their own results."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        SUBMITTED = "ingediend", _("ingediend")

    # Tone and word of each status (core/badges.py): as a plan's, a concept is a draft, submitted is handed over.
    STATUS_LOOKS = choice_looks(Status, {Status.CONCEPT: Tone.DRAFT, Status.SUBMITTED: Tone.INFO})

    plan = models.OneToOneField(
        HalfYearPlan, verbose_name=_("halfjaarplan"), on_delete=models.CASCADE, related_name="evaluation"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    reflection = models.TextField(
        _("reflectie"),
        blank=True,
        help_text=_("Wat ging goed, wat niet, en wat betekent dat voor het volgende halfjaar?"),
    )
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords(table_name="projects_historicalhalfyearevaluation")

    class Meta:
        db_table = "projects_halfyearevaluation"  # made when this was part of projects; kept so no row moves
        verbose_name = _("evaluatie halfjaarplan")
        verbose_name_plural = _("evaluaties halfjaarplannen")

    def __str__(self):
        return _("Evaluatie %(plan)s") % {"plan": self.plan}


class ProjectStatus(models.Model):
    """One status report of a project; the rows of a project together are its course over time."""

    class Status(models.TextChoices):
        ON_TRACK = "op_schema", _("op schema")
        RISK = "risico", _("risico")
        BEHIND = "achter", _("achter")
        DONE = "afgerond", _("afgerond")

    # Tone and word of each status (core/badges.py): the one place a project status gets its look.
    STATUS_LOOKS = choice_looks(
        Status,
        {Status.ON_TRACK: Tone.OK, Status.RISK: Tone.RISK, Status.BEHIND: Tone.BEHIND, Status.DONE: Tone.DONE},
    )

    project = models.ForeignKey(
        "projects.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="status_reports"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    explanation = models.TextField(_("toelichting"))
    date = models.DateField(_("datum"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo"), default=False, editable=False)
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    history = HistoricalRecords(table_name="projects_historicalprojectstatus")

    class Meta:
        db_table = "projects_projectstatus"  # made when this was part of projects; kept so no row moves
        ordering = ["project", "-date", "-id"]
        get_latest_by = ["date", "id"]
        verbose_name = _("projectstatus")
        verbose_name_plural = _("projectstatussen")

    def __str__(self):
        return f"{self.project.code} {self.get_status_display()} ({self.date})"


class SentReminder(models.Model):
    """A reminder that went out. The unique key per recipient makes sending it twice impossible."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ontvanger"), on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(_("sleutel"), max_length=120, help_text=_("Bijv. plan:voor:2.1:2027-H1."))
    subject = models.CharField(_("onderwerp"), max_length=200)
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    sent_for = models.DateField(_("voor de dag"))

    class Meta:
        db_table = "projects_sentreminder"  # made when this was part of projects; kept so no row moves
        ordering = ["-sent_at"]
        verbose_name = _("verstuurde herinnering")
        verbose_name_plural = _("verstuurde herinneringen")
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="one_reminder_per_key_per_recipient")]

    def __str__(self):
        return f"{self.key} → {self.recipient}"
