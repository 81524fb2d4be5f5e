"""Meeting and report pages. Thin: programme and role from `programme_view`, reads from selectors, writes
from services, the PDF from pdf.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_tables2 import RequestConfig

from core.export import export_response
from core.forms import DeleteForm
from core.views import save_form
from projects.views import programme_view

from . import permissions, selectors, services
from .forms import CommentForm, CorrectionForm, MeetingForm, ReportCreateForm, ReportEditForm
from .models import Meeting, ProgressReport
from .pdf import render_pdf
from .tables import MeetingTable, ReportTable


def _report(programme, pk) -> ProgressReport:
    try:
        return selectors.report_detail(programme=programme, pk=pk)
    except ProgressReport.DoesNotExist as exc:
        raise Http404(_("Deze rapportage bestaat niet in dit programma.")) from exc


# ── meetings ─────────────────────────────────────────────────────────────────────────────────────────


@programme_view()
def meeting_list(request, programme):
    table = MeetingTable(
        selectors.meetings(programme=programme), can_manage=permissions.can_edit_reports(request.user, programme)
    )
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return export_response(request, table, "vergaderingen") or render(
        request, "reports/meeting_list.html", {"table": table}
    )


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def meeting_edit(request, programme, pk=None):
    meeting = Meeting(programme=programme) if pk is None else get_object_or_404(Meeting, programme=programme, pk=pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: services.meeting_save(
                meeting=form.instance,
                user=request.user,
                reason=form.cleaned_data["reason"],
                expected_version=form.expected_version,
            ),
        )
        if saved:
            messages.success(request, _("%(meeting)s is opgeslagen.") % {"meeting": saved})
            return redirect("meeting_list")
    return render(request, "reports/meeting_form.html", {"form": form, "meeting": meeting})


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def meeting_delete(request, programme, pk):
    meeting = get_object_or_404(Meeting, programme=programme, pk=pk)
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.meeting_delete(meeting=meeting, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("%(meeting)s is verwijderd.") % {"meeting": meeting})
        return redirect("meeting_list")
    return render(request, "reports/meeting_delete.html", {"form": form, "meeting": meeting})


# ── reports ──────────────────────────────────────────────────────────────────────────────────────────


@programme_view()
def report_list(request, programme):
    table = ReportTable(selectors.report_list(programme=programme))
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    return export_response(request, table, "voortgangsrapportages") or render(
        request,
        "reports/report_list.html",
        {"table": table, "meetings": selectors.upcoming_meetings(programme=programme)},
    )


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def report_create(request, programme):
    form = ReportCreateForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_form(
            request,
            form,
            lambda: services.report_create(
                programme=programme,
                user=request.user,
                period=data["period"],
                title=data["title"],
                meeting=data["meeting"],
                highlights=data["highlights"],
                risks=data["risks"],
                decisions_requested=data["decisions_requested"],
            ),
        )
        if saved:
            messages.success(request, _("De rapportage is aangemaakt als concept. Publiceer hem als hij klaar is."))
            return redirect("report_detail", pk=saved.pk)
    return render(request, "reports/report_form.html", {"form": form, "report": None})


@programme_view()
def report_detail(request, programme, pk):
    report = _report(programme, pk)
    context = {
        "report": report,
        "content": selectors.report_content(report=report),
        "drift": selectors.report_drift(report=report),
        "history": selectors.report_history(report=report),
        "can_edit": permissions.can_edit_reports(request.user, programme),
        "can_comment": permissions.can_comment(request.user, programme) and report.is_published,
        "comment_form": CommentForm(),
        "correction_form": CorrectionForm(),
    }
    return render(request, "reports/report_detail.html", context)


@programme_view()
def report_pdf(request, programme, pk):
    report = _report(programme, pk)
    pdf = render_pdf(report=report, content=selectors.report_content(report=report), request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="rapportage-{report.period}-v{report.version}.pdf"'
    return response


@programme_view(manage=True)
@require_http_methods(["GET", "POST"])
def report_edit(request, programme, pk):
    report = _report(programme, pk)
    if report.is_published:
        messages.error(request, _("Een gepubliceerde rapportage wijzigt u niet meer. Maak een correctie."))
        return redirect("report_detail", pk=report.pk)
    form = ReportEditForm(request.POST or None, instance=report, programme=programme)
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: services.report_update(
                report=form.instance,
                user=request.user,
                reason=form.cleaned_data["reason"],
                expected_version=form.expected_version,
            ),
        )
        if saved:
            messages.success(request, _("De rapportage is opgeslagen."))
            return redirect("report_detail", pk=saved.pk)
    return render(request, "reports/report_form.html", {"form": form, "report": report})


@programme_view(manage=True)
@require_POST
def report_publish(request, programme, pk):
    report = _report(programme, pk)
    try:
        services.report_publish(report=report, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("De rapportage is gepubliceerd en ligt nu vast. De leden van de stuurgroep krijgen een e-mail.")
        )
    return redirect("report_detail", pk=report.pk)


@programme_view(manage=True)
@require_POST
def report_correct(request, programme, pk):
    report = _report(programme, pk)
    form = CorrectionForm(request.POST)
    if form.is_valid():
        try:
            correction = services.report_correct(report=report, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Versie %(version)s is aangemaakt als concept.") % {"version": correction.version}
            )
            return redirect("report_detail", pk=correction.pk)
    else:
        messages.error(request, _("Niet gecorrigeerd: geef de reden van de correctie."))
    return redirect("report_detail", pk=report.pk)


@programme_view()
@require_POST
def report_comment(request, programme, pk):
    report = _report(programme, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment = services.report_comment_add(
                report=report, user=request.user, kind=form.cleaned_data["kind"], text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Uw %(kind)s is geplaatst.") % {"kind": comment.get_kind_display()})
            return redirect(reverse("report_detail", kwargs={"pk": report.pk}) + "#reacties")
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("report_detail", pk=report.pk)
