"""Who may do what with reports and meetings, the e-mail to the stuurgroep, the lists and the demo."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dashboards.demo import load_demo
from indicators.models import Figure, Indicator
from projects.models import Membership
from reports import services
from reports.models import Meeting, ProgressReport, ReportComment
from tests.factories import FigureFactory, ProjectFactory, UserFactory
from tests.urls import reverse


def _url(name, report=None):
    return reverse(name, kwargs={"pk": report.pk}) if report else reverse(name)


# ── permissions ──────────────────────────────────────────────────────────────────────────────────────


def test_a_quarter_outside_the_programme_is_refused(manager_client, demo, manager, clock):
    """On 2 December 2026 the 2020–2024 programme offers its own last quarters, not today's."""
    clock.set(date(2026, 12, 2))
    page = manager_client.get(_url("report_create")).content.decode()
    assert 'value="2024-K4"' in page and "2026-K4" not in page and "2025-K1" not in page
    with pytest.raises(ValidationError, match="Het 4e kwartaal 2026 valt buiten Vervolgaanpak VSV 2020-2024"):
        services.report_create(programme=demo, user=manager, period="2026-K4")


def test_manager_creates_edits_and_publishes(manager_client, demo, django_capture_on_commit_callbacks):
    response = manager_client.post(
        _url("report_create"), {"period": "2024-K3", "title": "", "highlights": "Goed kwartaal."}
    )
    report = ProgressReport.objects.get(programme=demo, period="2024-K3")
    assert response.status_code == 302 and response["Location"] == _url("report_detail", report)
    assert report.title == "Voortgangsrapportage 3e kwartaal 2024" and report.status == "concept"
    manager_client.post(
        _url("report_edit", report),
        {
            "title": report.title,
            "highlights": "Beter kwartaal.",
            "risks": "Weinig cijfers.",
            "reason": "aangevuld",
            "version": report.edit_version,
        },
    )
    report.refresh_from_db()
    assert (report.highlights, report.risks) == ("Beter kwartaal.", "Weinig cijfers.")
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(_url("report_publish", report))
    report.refresh_from_db()
    assert report.is_published and report.snapshot["kpi"]["rows"]
    assert report.history.filter(history_change_reason="aangevuld").exists()


@pytest.mark.parametrize("username", ["stuurgroep", "projectleider"])
def test_others_cannot_create_edit_or_publish(role_client, demo, manager, username):
    report = services.report_create(programme=demo, user=manager, period="2024-K2", highlights="Origineel")
    client = role_client(username)
    meetings = Meeting.objects.count()
    refusals = [
        client.get(_url("report_create")),
        client.post(_url("report_create"), {"period": "2024-K1"}),
        client.post(_url("report_edit", report), {"title": "Vervalst", "highlights": "x"}),
        client.post(_url("report_publish", report)),
        client.post(_url("report_correct", report), {"reason": "x"}),
        client.post(_url("meeting_create"), {"kind": "stuurgroep", "date": "2027-01-10"}),
    ]
    for response in refusals:
        assert response.status_code == 403
        assert "Alleen programmamanagers mogen dit wijzigen." in response.content.decode()
    assert Meeting.objects.count() == meetings
    report.refresh_from_db()
    assert (report.status, report.title, report.highlights) == (
        "concept",
        "Voortgangsrapportage 2e kwartaal 2024",
        "Origineel",
    )
    assert ProgressReport.objects.filter(programme=demo).count() == 2  # the demo's and this one
    # Both read the report, as a page and as a PDF link.
    page = client.get(_url("report_detail", report))
    assert page.status_code == 200 and _url("report_pdf", report) in page.content.decode()
    assert "Publiceren" not in page.content.decode()


def test_anonymous_goes_to_login(client, demo):
    report = ProgressReport.objects.get(programme=demo)
    for url in (_url("report_list"), _url("report_detail", report), _url("report_pdf", report)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_steering_group_comments_and_records_decisions_leader_cannot(publish, role_client):
    report = publish("2024-K2")
    steering = role_client("stuurgroep")
    steering.post(_url("report_comment", report), {"kind": "besluit", "text": "De stuurgroep stemt in."})
    steering.post(_url("report_comment", report), {"kind": "reactie", "text": "Graag meer over thema 3."})
    html = steering.get(_url("report_detail", report)).content.decode()
    assert "De stuurgroep stemt in." in html and "besluit vastgelegd" in html and "reactie geplaatst" in html
    assert ReportComment.history.filter(report_id=report.pk).count() == 2

    leader = role_client("projectleider")
    refused = leader.post(_url("report_comment", report), {"kind": "reactie", "text": "Mag ik?"})
    assert refused.status_code == 403
    assert "Alleen leden van de stuurgroep en programmamanagers reageren op een rapportage." in refused.content.decode()
    assert "Reactie of besluit" not in leader.get(_url("report_detail", report)).content.decode()
    assert report.comments.count() == 2


def test_no_comments_on_a_concept(demo, manager, steering_client):
    report = services.report_create(programme=demo, user=manager, period="2024-K2")
    steering_client.post(_url("report_comment", report), {"kind": "reactie", "text": "Te vroeg"})
    assert report.comments.count() == 0


def test_published_report_cannot_be_edited_and_is_corrected_with_a_reason(publish, manager_client):
    report = publish("2024-K2", highlights="Eerste tekst.")
    response = manager_client.post(_url("report_edit", report), {"title": "Anders", "highlights": "Anders"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.highlights == "Eerste tekst."

    response = manager_client.post(_url("report_correct", report), {"reason": ""}, follow=True)
    assert "geef de reden van de correctie" in response.content.decode()
    assert not ProgressReport.objects.filter(supersedes=report).exists()

    response = manager_client.post(_url("report_correct", report), {"reason": "Budget 2024 was onvolledig."})
    correction = ProgressReport.objects.get(supersedes=report)
    assert response["Location"] == _url("report_detail", correction)
    assert (correction.version, correction.status, correction.highlights) == (2, "concept", "Eerste tekst.")
    html = manager_client.get(_url("report_detail", correction)).content.decode()
    assert "Dit is versie 2, een correctie." in html and "Budget 2024 was onvolledig." in html
    html = manager_client.get(_url("report_detail", report)).content.decode()
    assert "Deze versie is gecorrigeerd in versie 2." in html
    # A second correction of the same version is refused.
    manager_client.post(_url("report_correct", report), {"reason": "nogmaals"})
    assert ProgressReport.objects.filter(period="2024-K2").count() == 2


def test_one_report_per_quarter(manager_client, demo):
    response = manager_client.post(_url("report_create"), {"period": "2024-K4"})  # the demo's final report
    assert response.status_code == 200
    assert "Er is al een rapportage voor het 4e kwartaal 2024" in response.content.decode()
    assert ProgressReport.objects.filter(programme=demo, period="2024-K4").count() == 1


# ── e-mail ───────────────────────────────────────────────────────────────────────────────────────────


def test_publishing_mails_the_steering_group_with_a_link(publish, demo, settings):
    settings.SITE_URL = "https://vsvplan.example"
    other = UserFactory(username="wethouder", email="wethouder@example.org")
    Membership.objects.create(user=other, programme=demo, role=Membership.Role.STEERING_GROUP)
    mail.outbox.clear()
    report = publish("2024-K2")
    assert sorted(message.to[0] for message in mail.outbox) == ["stuurgroep@vsvplan.invalid", "wethouder@example.org"]
    message = mail.outbox[0]
    assert message.subject == "[vsvplan] Voortgangsrapportage 2e kwartaal 2024 gepubliceerd"
    assert f"https://vsvplan.example/programmas/10-2020-2024/rapportages/{report.pk}/" in message.body
    assert f"https://vsvplan.example/programmas/10-2020-2024/rapportages/{report.pk}/pdf/" in message.body


def test_no_mail_for_a_concept(demo, manager):
    mail.outbox.clear()
    services.report_create(programme=demo, user=manager, period="2024-K2")
    assert mail.outbox == []


# ── lists, meetings, home ────────────────────────────────────────────────────────────────────────────


def test_report_list_and_exports(steering_client, demo):
    html = steering_client.get(_url("report_list")).content.decode()
    assert "Eindrapportage Vervolgaanpak VSV 2020-2024 (demo)" in html and "gepubliceerd" in html
    csv = steering_client.get(_url("report_list"), {"_export": "csv"})
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Kwartaal;Rapportage;Status")
    assert "4e kwartaal 2024" in lines[1] and "gepubliceerd" in lines[1]
    assert steering_client.get(_url("report_list"), {"_export": "xlsx"}).content[:2] == b"PK"


def test_home_shows_the_next_meetings(steering_client, current_programme):
    """The demo's meetings are those of the programme that runs today, 2026–2029."""
    programme = current_programme
    past = Meeting.objects.create(programme=programme, kind="evaluatie", date=timezone.localdate() - timedelta(days=3))
    html = steering_client.get(reverse("home", programme=programme)).content.decode()
    assert "Volgende vergaderingen" in html
    assert Meeting.objects.filter(programme=programme, is_demo=True).count() == 2
    for meeting in Meeting.objects.filter(programme=programme, is_demo=True):
        assert meeting.date >= timezone.localdate()
        assert f"{meeting.get_kind_display()}" in html
    assert past.get_kind_display() not in html


def test_manager_plans_a_meeting_and_a_clash_is_refused(manager_client, demo):
    day = (timezone.localdate() + timedelta(days=40)).isoformat()
    response = manager_client.post(
        _url("meeting_create"), {"kind": "evaluatie", "date": day, "location": "Zwolle", "reason": "jaarplanning"}
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(programme=demo, kind="evaluatie", date=day)
    assert meeting.history.first().history_change_reason == "jaarplanning"
    response = manager_client.post(_url("meeting_create"), {"kind": "evaluatie", "date": day})
    assert "Op die dag staat al een vergadering van deze soort." in response.content.decode()
    response = manager_client.post(_url("meeting_create"), {"kind": "stuurgroep", "date": ""})
    assert "Vul de datum van de vergadering in." in response.content.decode()
    assert Meeting.objects.filter(programme=demo, kind="evaluatie").count() == 1


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_report_pages_run_a_fixed_number_of_queries(manager_client, demo, manager):
    concept = services.report_create(programme=demo, user=manager, period="2024-K2")
    published = ProgressReport.objects.get(programme=demo, is_demo=True)
    urls = [_url("report_detail", concept), _url("report_detail", published), _url("report_list")]
    # One new figure since the demo report (demo figures stop at 2023-2024): "veranderd sinds" has rows.
    first = Indicator.objects.filter(programme=demo).first()
    FigureFactory(category_id=first.category_id, school_year="2024-2025", value="1.00")
    before = [_queries(manager_client, url) for url in urls]
    # More projects, figures and comments must not add a query.
    theme = demo.themes.get(number=4)
    leader = get_user_model().objects.get(username="projectleider")
    for _ in range(8):
        ProjectFactory(theme=theme, programme=demo).leaders.add(leader)
    for indicator in Indicator.objects.filter(programme=demo):
        FigureFactory(category_id=indicator.category_id, school_year="2025-2026", value="1.00")
    for number in range(5):
        ReportComment.objects.create(report=published, author=leader, text=f"reactie {number}")
    assert [_queries(manager_client, url) for url in urls] == before


# ── demo ─────────────────────────────────────────────────────────────────────────────────────────────


def test_load_demo_is_idempotent(demo):
    counts = lambda: (  # noqa: E731
        Meeting.objects.count(),
        ProgressReport.objects.count(),
        Meeting.history.count(),
        ProgressReport.history.count(),
    )
    first = counts()
    report = ProgressReport.objects.get(programme=demo, is_demo=True)
    load_demo()
    # two meetings and a report of 2026–2029, the final report of 2020–2024
    assert counts() == first == (2, 2, 2, 2)
    assert ProgressReport.objects.get(programme=demo, is_demo=True).snapshot == report.snapshot
    assert report.is_published and "[Demo]" in report.highlights
    # The snapshot holds the seed's figures: the 2018-2019 figure of MBO niveau 1 and the budget total.
    row = next(row for row in report.snapshot["kpi"]["rows"] if row["code"] == "mbo-niveau-1")
    figure = Figure.objects.get(category_id="mbo-niveau-1", area_code="10", school_year="2018-2019", breakdown="")
    assert row["series"][0]["actual"] == str(figure.value)
    assert report.snapshot["budget"]["total_all_years"] == "3464156.00"
