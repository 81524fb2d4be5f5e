"""Reads for the meeting and report pages, each with a fixed number of queries."""

from datetime import date

from django.db.models import Count, Prefetch, QuerySet

from core import clock

from .models import Meeting, ProgressReport, ReportComment
from .snapshot import DriftItem, Snapshot, drift, gather


def upcoming_meetings(*, programme, today: date | None = None, limit: int = 3) -> list[Meeting]:
    today = today or clock.today()
    return list(Meeting.objects.filter(programme=programme, date__gte=today).order_by("date", "kind")[:limit])


def meetings(*, programme) -> QuerySet[Meeting]:
    return Meeting.objects.filter(programme=programme).annotate(report_count=Count("reports")).order_by("-date", "kind")


def report_list(*, programme) -> QuerySet[ProgressReport]:
    return (
        ProgressReport.objects.filter(programme=programme)
        .select_related("meeting", "published_by", "superseded_by")
        .annotate(comment_count=Count("comments"))
        .order_by("-period", "-version")
    )


def report_detail(*, programme, pk: int) -> ProgressReport:
    comments = ReportComment.objects.select_related("author").order_by("created_at", "pk")
    return (
        ProgressReport.objects.filter(programme=programme)
        .select_related("programme__region", "meeting", "published_by", "created_by", "supersedes", "superseded_by")
        .prefetch_related(Prefetch("comments", queryset=comments))
        .get(pk=pk)
    )


def previous_report(*, report: ProgressReport) -> ProgressReport | None:
    """The newest published report of another quarter, published before this one (or before now, for a concept)."""
    reports = ProgressReport.objects.filter(
        programme_id=report.programme_id, status=ProgressReport.Status.PUBLISHED
    ).exclude(period=report.period)
    if report.published_at:
        reports = reports.filter(published_at__lt=report.published_at)
    return reports.order_by("-published_at", "-pk").first()


def report_content(*, report: ProgressReport, now=None) -> Snapshot:
    """What the report shows: its stored snapshot once published, else a fresh gather of the live data."""
    if report.is_published and report.snapshot:
        return Snapshot.from_json(report.snapshot)
    return gather(programme=report.programme, now=now, previous=previous_report(report=report))


def report_drift(*, report: ProgressReport, now=None) -> list[DriftItem]:
    """For a published report: the figures that read differently in the live data now."""
    if not (report.is_published and report.snapshot):
        return []
    return drift(Snapshot.from_json(report.snapshot), gather(programme=report.programme, now=now))


def report_history(*, report: ProgressReport, limit: int = 100) -> list:
    """The report's course (created, texts changed, published, corrected) and its comments and decisions, newest
    first, with who and when."""
    rows = list(
        report.history.select_related("history_user")
        .only("history_date", "history_user", "history_change_reason", "status", "history_type", "version")
        .order_by("-history_date")[:limit]
    )
    for row in rows:
        row.entry = "report"
    comments = list(
        ReportComment.history.filter(report_id=report.pk)
        .select_related("history_user")
        .order_by("-history_date")[:limit]
    )
    for row in comments:
        row.entry = "comment"
    combined = sorted([*rows, *comments], key=lambda row: row.history_date, reverse=True)
    return combined[:limit]
