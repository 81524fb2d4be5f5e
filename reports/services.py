"""Every write of meetings and reports: checked (permissions.py), validated, in a transaction, with a history
row (who and why)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core import clock
from core.history import save_versioned, save_with_history
from core.periods import Quarter

from . import permissions, selectors
from .models import Meeting, ProgressReport, ReportComment
from .snapshot import gather


def _lock(report: ProgressReport) -> ProgressReport:
    return ProgressReport.objects.select_for_update().select_related("programme__region").get(pk=report.pk)


# ── meetings ─────────────────────────────────────────────────────────────────────────────────────────


@transaction.atomic
def meeting_save(*, meeting: Meeting, user, reason: str = "", expected_version: int | None = None) -> Meeting:
    permissions.require_edit_reports(user, meeting.programme)
    return save_versioned(meeting, user=user, reason=reason, expected_version=expected_version)


@transaction.atomic
def meeting_delete(*, meeting: Meeting, user, reason: str = "") -> None:
    permissions.require_edit_reports(user, meeting.programme)
    meeting._history_user = user
    meeting._change_reason = (reason or "")[:100] or None
    meeting.delete()


# ── reports ──────────────────────────────────────────────────────────────────────────────────────────


def default_title(quarter: Quarter) -> str:
    return _("Voortgangsrapportage %(quarter)s") % {"quarter": quarter.label}


@transaction.atomic
def report_create(
    *,
    programme,
    user,
    period: str | Quarter,
    title: str = "",
    meeting: Meeting | None = None,
    highlights: str = "",
    risks: str = "",
    decisions_requested: str = "",
) -> ProgressReport:
    """A new concept report for a quarter. One report per quarter; a change after publishing is a correction."""
    permissions.require_edit_reports(user, programme)
    quarter = Quarter.parse(period)
    if not programme.period.contains(quarter.start):
        raise ValidationError(
            {
                "period": _("Het %(quarter)s valt buiten %(title)s (%(period)s).")
                % {"quarter": quarter.label, "title": programme.title, "period": programme.period_label}
            }
        )
    if ProgressReport.objects.filter(programme=programme, period=str(quarter)).exists():
        raise ValidationError(
            _("Er is al een rapportage voor het %(quarter)s. Open die; is hij al gepubliceerd, maak dan een correctie.")
            % {"quarter": quarter.label}
        )
    report = ProgressReport(
        programme=programme,
        period=str(quarter),
        title=title.strip() or default_title(quarter),
        meeting=meeting,
        highlights=highlights,
        risks=risks,
        decisions_requested=decisions_requested,
        created_by=user,
    )
    return save_with_history(report, user=user, reason=_("aangemaakt"))


@transaction.atomic
def report_update(
    *, report: ProgressReport, user, reason: str = "", expected_version: int | None = None
) -> ProgressReport:
    """Save the texts of a concept report (the instance carries the form's changes)."""
    permissions.require_edit_reports(user, report.programme)
    current = _lock(report)
    if current.is_published:
        raise ValidationError(
            _("Een gepubliceerde rapportage wijzigt u niet meer. Maak een correctie: een nieuwe versie met een reden.")
        )
    return save_versioned(report, user=user, reason=reason, expected_version=expected_version)


@transaction.atomic
def report_publish(*, report: ProgressReport, user, now=None) -> ProgressReport:
    """Freeze the report: store what it shows now, mark it published, and tell the stuurgroep by e-mail."""
    permissions.require_edit_reports(user, report.programme)
    report = _lock(report)
    if report.is_published:
        raise ValidationError(_("Deze rapportage is al gepubliceerd."))
    now = now or clock.now()
    report.snapshot = gather(
        programme=report.programme, now=now, previous=selectors.previous_report(report=report)
    ).to_json()
    report.status = ProgressReport.Status.PUBLISHED
    report.published_at = now
    report.published_by = user
    save_with_history(report, user=user, reason=_("gepubliceerd"))

    from .tasks import send_report_published

    transaction.on_commit(lambda: send_report_published.delay(report.pk))
    return report


@transaction.atomic
def report_correct(*, report: ProgressReport, user, reason: str) -> ProgressReport:
    """A correction of a published report: a new concept version with the same texts and the reason why."""
    permissions.require_edit_reports(user, report.programme)
    report = _lock(report)
    reason = (reason or "").strip()
    if not report.is_published:
        raise ValidationError(
            _("Een concept past u gewoon aan; een correctie is alleen voor een gepubliceerde versie.")
        )
    if ProgressReport.objects.filter(supersedes=report).exists():
        raise ValidationError(_("Van deze versie bestaat al een correctie. Open de nieuwste versie."))
    if not reason:
        raise ValidationError({"correction_reason": _("Geef de reden van de correctie.")})
    correction = ProgressReport(
        programme=report.programme,
        period=report.period,
        meeting=report.meeting,
        title=report.title,
        highlights=report.highlights,
        risks=report.risks,
        decisions_requested=report.decisions_requested,
        version=report.version + 1,
        supersedes=report,
        correction_reason=reason,
        created_by=user,
    )
    return save_with_history(correction, user=user, reason=_("correctie: %(reason)s") % {"reason": reason})


@transaction.atomic
def report_comment_add(*, report: ProgressReport, user, kind: str, text: str) -> ReportComment:
    permissions.require_comment(user, report.programme)
    if not report.is_published:
        raise ValidationError(_("U reageert op een gepubliceerde rapportage, niet op een concept."))
    comment = ReportComment(report=report, author=user, kind=kind, text=(text or "").strip())
    return save_with_history(
        comment, user=user, reason=str(ReportComment.Kind(kind).label) if kind in ReportComment.Kind else ""
    )
