"""Meetings of the stuurgroep and regiegroep, and the quarterly progress report (voortgangsrapportage).

A report in concept follows the live data. Publishing stores everything it shows in `snapshot` (plain JSON),
so the published report stays exactly what the stuurgroep saw. A published report is never edited: a
correction is a new version (`supersedes`, `correction_reason`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.badges import Tone, choice_looks
from core.history import VersionedModel
from core.periods import Quarter, validate_quarter
from projects.models import Programme


class Meeting(VersionedModel):
    class Kind(models.TextChoices):
        STEERING = "stuurgroep", _("stuurgroep")
        DIRECTION = "regiegroep", _("regiegroep")
        EVALUATION = "evaluatie", _("evaluatiebijeenkomst")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(_("soort overleg"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("datum"))
    location = models.CharField(_("plaats"), max_length=200, blank=True)
    notes = models.TextField(_("toelichting"), blank=True, help_text=_("Bijvoorbeeld de belangrijkste agendapunten."))
    is_demo = models.BooleanField(_("demo"), default=False, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "kind"]
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind", "date"], name="one_meeting_per_kind_per_day"),
        ]

    def __str__(self):
        return f"{self.get_kind_display().capitalize()} {date_format(self.date, 'j F Y')}"


class ProgressReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "concept", _("concept")
        PUBLISHED = "gepubliceerd", _("gepubliceerd")

    # Tone and word of each status (core/badges.py): published is final, as an approved plan is.
    STATUS_LOOKS = choice_looks(Status, {Status.DRAFT: Tone.DRAFT, Status.PUBLISHED: Tone.OK})

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="progress_reports"
    )
    period = models.CharField(
        _("kwartaal"), max_length=7, validators=[validate_quarter], help_text=_("Bijvoorbeeld 2026-K4.")
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("voor de vergadering"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    title = models.CharField(_("titel"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    highlights = models.TextField(_("hoogtepunten"), blank=True)
    risks = models.TextField(_("risico's"), blank=True)
    decisions_requested = models.TextField(_("gevraagde besluiten van de stuurgroep"), blank=True)
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    # The optimistic lock of a concept's edit form (core.history.save_versioned); `version` above is the report's
    # correction number.
    edit_version = models.PositiveIntegerField(default=1, editable=False)
    LOCK_FIELD = "edit_version"
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("vervangt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    correction_reason = models.CharField(_("reden van de correctie"), max_length=300, blank=True)
    snapshot = models.JSONField(_("vastgelegde inhoud"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gepubliceerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_final = models.BooleanField(
        _("eindrapportage"),
        default=False,
        editable=False,
        help_text=_("De rapportage waarmee het programma is afgesloten."),
    )
    is_demo = models.BooleanField(_("demo"), default=False, editable=False)
    # The snapshot is large and written once; the history keeps who changed the texts and who published.
    history = HistoricalRecords(excluded_fields=["snapshot"])

    class Meta:
        ordering = ["-period", "-version"]
        verbose_name = _("voortgangsrapportage")
        verbose_name_plural = _("voortgangsrapportages")
        constraints = [
            models.UniqueConstraint(fields=["programme", "period", "version"], name="one_report_version_per_quarter"),
            models.UniqueConstraint(fields=["programme"], condition=Q(is_final=True), name="one_final_report"),
        ]

    def __str__(self):
        suffix = f" (versie {self.version})" if self.version > 1 else ""
        return f"{self.title}{suffix}"

    @property
    def quarter(self) -> Quarter:
        return Quarter.parse(self.period)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def clean(self):
        errors = {}
        if self.version > 1 and not self.correction_reason.strip():
            errors["correction_reason"] = _("Geef de reden van de correctie.")
        if self.meeting_id and self.programme_id and self.meeting.programme_id != self.programme_id:
            errors["meeting"] = _("Deze vergadering hoort bij een ander programma.")
        if errors:
            raise ValidationError(errors)


class ReportComment(models.Model):
    class Kind(models.TextChoices):
        COMMENT = "reactie", _("reactie")
        DECISION = "besluit", _("besluit")

    # Tone and word of each kind (core/badges.py): a decision is taken (done); a comment is a speech balloon.
    KIND_LOOKS = choice_looks(Kind, {Kind.COMMENT: Tone.OPEN, Kind.DECISION: Tone.DONE}, icons={Kind.COMMENT: "💬"})

    report = models.ForeignKey(
        ProgressReport, verbose_name=_("rapportage"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.COMMENT)
    text = models.TextField(_("tekst"))
    created_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reactie of besluit")
        verbose_name_plural = _("reacties en besluiten")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"
