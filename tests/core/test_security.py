"""Logins, sessions, headers and error pages as a user (or an attacker) meets them: five wrong passwords lock the
account and the address for a while, the right one included, on the admin too; a session ends after two idle
hours; every page carries the Content-Security-Policy; a wrong method, an expired form or a bad request gets a
Dutch page; uploads are never served from /media/."""

import importlib
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import IntegrityError
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

import vsvplan.urls
from core.middleware import RUNNING, SubmitOnceMiddleware
from dashboards import succession
from projects.demo.loader import DEMO_PASSWORD
from reports import services as report_services
from tests.urls import reverse

LOCKED = "Even wachten met inloggen"


def _try(client, password, username="programmamanager", url="/inloggen/"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR="192.0.2.10")


@pytest.mark.parametrize("url", ["/inloggen/", "/beheer/login/"])
def test_five_wrong_passwords_lock_the_account_for_a_while_even_for_the_right_one(shipped_demo, client, url):
    for _ in range(4):
        assert _try(client, "fout", url=url).status_code == 200
    locked = _try(client, "fout", url=url)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert LOCKED in html and "5 keer een verkeerd wachtwoord" in html and "15 minuten" in html
    right = _try(client, DEMO_PASSWORD, url=url)
    assert right.status_code == 429 and "_auth_user_id" not in client.session
    # another address cannot guess on: the account is locked, wherever the attempts come from
    other = client.post(url, {"username": "programmamanager", "password": DEMO_PASSWORD}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 429


def test_one_address_guessing_many_accounts_is_locked_too(shipped_demo, client):
    for username in ("a", "b", "c", "d", "e"):
        _try(client, "fout", username=username)
    assert _try(client, DEMO_PASSWORD).status_code == 429  # a real account, from the same address


def test_after_the_lockout_the_right_password_works_again(shipped_demo, client, settings):
    for _ in range(5):
        _try(client, "fout")
    settings.AXES_COOLOFF_TIME = timedelta(seconds=0)  # as if the 15 minutes have passed
    assert _try(client, DEMO_PASSWORD).status_code == 302
    assert client.session["_auth_user_id"]


def test_fewer_wrong_passwords_then_the_right_one_log_in_and_start_counting_afresh(shipped_demo, client):
    for _ in range(4):
        _try(client, "fout")
    assert _try(client, DEMO_PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        _try(client, "fout")
    assert _try(client, DEMO_PASSWORD).status_code == 302  # the successful login reset the count


def test_a_session_ends_after_two_idle_hours_and_each_request_extends_it(manager_client):
    manager_client.get(reverse("home"))
    session = Session.objects.get(session_key=manager_client.session.session_key)
    left = session.expire_date - timezone.now()
    assert timedelta(hours=1, minutes=59) < left <= timedelta(hours=2)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(minutes=5))
    manager_client.get(reverse("home"))
    assert Session.objects.get(pk=session.pk).expire_date - timezone.now() > timedelta(hours=1, minutes=59)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = manager_client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_every_page_has_a_strict_content_security_policy(manager_client):
    policy = manager_client.get(reverse("project_dashboard"))["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


def test_a_wrong_method_gets_the_dutch_page(manager_client):
    response = manager_client.get(reverse("programme_activate"))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "Dit kan hier niet" in response.content.decode()


def test_an_expired_form_gets_the_dutch_page_and_saves_nothing(shipped_demo, django_user_model):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/inloggen/", {"username": "programmamanager", "password": DEMO_PASSWORD})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formulier verlopen" in html and "er is niets opgeslagen" in html
    assert "_auth_user_id" not in client.session


def test_a_bad_request_gets_the_dutch_page(shipped_demo, client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/inloggen/", HTTP_HOST="niet-toegestaan.example")  # not in ALLOWED_HOSTS
    assert response.status_code == 400
    assert "Verzoek niet begrepen" in response.content.decode()


def test_uploads_are_not_served_from_media_even_under_debug(settings):
    """`make demo` runs with DEBUG: the URLs built then have no /media/ pattern (an uploaded DUO file is not for
    everyone who guesses its name)."""
    settings.DEBUG = True
    try:
        urls = importlib.reload(vsvplan.urls)
        assert not [pattern for pattern in urls.urlpatterns if "media" in str(pattern.pattern)]
    finally:
        settings.DEBUG = False
        importlib.reload(vsvplan.urls)


def test_the_health_check_answers_without_a_login(client, db):
    response = client.get("/gezond/")
    assert response.status_code == 200 and response.content == b"ok\n"


def test_two_creates_at_once_end_in_a_message_not_a_server_error(manager_client, monkeypatch):
    """The second of two requests that create the same row meets the unique constraint: on a form it is a form
    error, elsewhere the Dutch 409 page; nothing is saved twice."""

    def at_once(**kwargs):
        raise IntegrityError("UNIQUE constraint failed: one_report_version_per_quarter")

    monkeypatch.setattr(report_services, "report_create", at_once)
    response = manager_client.post(reverse("report_create"), {"period": "2024-K3"})
    assert response.status_code == 200
    assert "Dit is tegelijk al vastgelegd" in response.content.decode()


def test_a_constraint_met_outside_a_form_gets_the_dutch_409_page(manager_client, monkeypatch):
    def at_once(**kwargs):
        raise IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(succession, "activate_programme", at_once)
    response = manager_client.post(reverse("programme_activate"))
    assert response.status_code == 409
    assert "Tegelijk vastgelegd" in response.content.decode()


def test_the_sqlite_demo_writes_in_wal_mode_with_immediate_transactions(tmp_path):
    """Checked on a file database, as `make demo` uses: the settings' init command and transaction mode."""
    script = (
        "from django.db import connection; connection.ensure_connection(); "
        "print(connection.cursor().execute('PRAGMA journal_mode').fetchone()[0], connection.transaction_mode)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        env={
            **__import__("os").environ,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "vsvplan.settings.local",
        },
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]),
    )
    assert result.stdout.split()[-2:] == ["wal", "IMMEDIATE"], result.stderr


def test_a_repeat_that_arrives_while_the_first_runs_waits_for_it_and_follows_it(rf, django_user_model):
    """Two clicks at once: the second request finds the token running, waits, and is sent where the first went."""
    calls = []
    middleware = SubmitOnceMiddleware(lambda request: calls.append(request) or HttpResponse("nooit"))
    request = rf.post("/formulier/", {"_verzending": "abc123"})
    request.user = django_user_model(pk=7)
    request.session = {}
    request._messages = FallbackStorage(request)
    key = "vsvplan:verzending:7:/formulier/:abc123"
    cache.set(key, RUNNING, 60)
    threading.Timer(0.3, lambda: cache.set(key, "/waar-de-eerste-heen-ging/", 60)).start()
    response = middleware(request)
    assert response.status_code == 302 and response["Location"] == "/waar-de-eerste-heen-ging/"
    assert calls == []  # the view did not run a second time
    cache.delete(key)


@pytest.mark.parametrize("value", ["²", "٣", "1" * 30, "-1", "abc"])
def test_a_malformed_version_or_line_in_the_address_is_ignored(role_client, current_programme, value):
    """`?versie=²` used to be a 500 (str.isdigit() accepts ², int() does not): the page shows the newest version."""
    client = role_client("projectleider")
    plan = current_programme.projects.get(code="2.1").halfyear_plans.order_by("period").first()
    url = reverse("halfyear_plan_detail", kwargs={"code": "2.1", "period": plan.period}, programme=current_programme)
    assert client.get(url, {"versie": value}).status_code == 200
    change = reverse("budget_change_create", programme=current_programme)
    assert role_client("programmamanager").get(change, {"van": value, "naar": value}).status_code == 200
