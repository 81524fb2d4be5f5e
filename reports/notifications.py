"""The e-mail to the stuurgroep when a progress report is published."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string

from core.formatting import one_line
from projects.links import programme_link
from projects.models import Membership

from .models import ProgressReport


def report_url(report: ProgressReport, name: str = "report_detail") -> str:
    return programme_link(report.programme, name, kwargs={"pk": report.pk})


def notify_report_published(*, report_id: int) -> int:
    """One e-mail to every stuurgroep member with an address; returns how many went out."""
    report = ProgressReport.objects.select_related("programme", "published_by").get(pk=report_id)
    recipients = (
        get_user_model()
        .objects.filter(
            memberships__programme=report.programme,
            memberships__role=Membership.Role.STEERING_GROUP,
            is_active=True,
        )
        .exclude(email="")
        .distinct()
        .order_by("username")
    )
    messages = []
    for user in recipients:
        context = {
            "report": report,
            "user": user,
            "programme": report.programme,
            "url": report_url(report),
            "pdf_url": report_url(report, "report_pdf"),
        }
        subject = one_line(render_to_string("reports/email/published_subject.txt", context))
        body = render_to_string("reports/email/published.txt", context)
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0
