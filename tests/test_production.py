"""The production settings as they are started: each check in a subprocess with its own environment, as a server's
start-up would see it. Start-up refuses a weak key, SQLite and a missing EMAIL_URL; with a proper environment
`check --deploy` reports nothing; load_demo refuses; and gunicorn serves pages and their collected static files
against PostgreSQL and Redis (the test database, with the demo committed in it)."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
BROKER = os.environ.get("CELERY_BROKER_URL", "")
GOOD_KEY = secrets.token_urlsafe(50)


def _environment(**overrides) -> dict:
    """A proper production environment (PostgreSQL URL, Redis, e-mail), then `overrides` (None removes)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="vsvplan.settings.production",
        SECRET_KEY=GOOD_KEY,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        EMAIL_URL="smtp+tls://vsvplan:geheim@mail.example.org:587",
        ALLOWED_HOSTS="vsvplan.example.org,127.0.0.1",
        SITE_URL="https://vsvplan.example.org",
        PYTHONPATH=str(ROOT),
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _manage(*args, **overrides) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_environment(**overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY ontbreekt"),
        ({"SECRET_KEY": "kort-en-geheim"}, "SECRET_KEY is te zwak"),
        ({"SECRET_KEY": "django-insecure-" + GOOD_KEY}, "SECRET_KEY is te zwak"),
        ({"SECRET_KEY": "a" * 60}, "SECRET_KEY is te zwak"),
        ({"DATABASE_URL": "sqlite:///productie.sqlite3"}, "Productie draait op PostgreSQL"),
        ({"EMAIL_URL": None}, "EMAIL_URL ontbreekt"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS ontbreekt"),
        ({"SITE_URL": "http://127.0.0.1:8000"}, "SITE_URL ontbreekt"),
    ],
)
def test_start_up_refuses_an_unsafe_environment(overrides, message):
    result = _manage("check", **overrides)
    assert result.returncode != 0
    assert message in result.stderr


def test_console_mail_is_allowed_when_asked_for_and_check_deploy_reports_nothing():
    """`check --deploy` fails on warnings too: HSTS, secure cookies, SSL redirect, the key."""
    assert _manage("check", EMAIL_URL="consolemail://").returncode == 0
    result = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_load_demo_refuses_under_the_production_settings():
    result = _manage("load_demo")
    assert result.returncode != 0
    assert "load_demo draait niet onder de productie-instellingen" in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, data: bytes | None = None, **headers) -> tuple[int, dict, bytes]:
    """One GET (or POST of `data`) without following redirects; HTTPS as the proxy in front of gunicorn says it."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(
        url, data=data, headers={"X-Forwarded-Proto": "https", "Host": "127.0.0.1", **headers}
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _cookies(headers) -> dict[str, str]:
    """The cookies a response sets (Secure ones too: the proxy in front speaks HTTPS to the browser)."""
    return dict(re.match(r"([^=]+)=([^;]*)", value).groups() for value in headers.get_all("Set-Cookie") or [])


@pytest.fixture
def production_server(shipped_demo, tmp_path):
    """gunicorn with the production settings on the test database (the demo committed in it), its static files
    collected first; yields the base URL. The manager's password is stored with production's hasher (the tests'
    MD5 one is not among production's)."""
    user = get_user_model().objects.get(username="programmamanager")
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode("vsvplan-demo", hasher.salt())
    user.save(update_fields=["password"])
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
    )
    overrides = {
        "DATABASE_URL": url,
        "CELERY_BROKER_URL": BROKER,
        "STATIC_ROOT": str(tmp_path / "static"),
        "CONN_MAX_AGE": "0",  # no connection left open on the test database when the server stops
    }
    collected = _manage("collectstatic", "--noinput", **overrides)
    assert collected.returncode == 0, collected.stderr
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "vsvplan.wsgi",
        ],
        cwd=ROOT,
        env=_environment(**overrides),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90  # a busy CI machine boots two workers slowly
        while True:
            try:
                urllib.request.urlopen(base + "/gezond/", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if server.poll() is not None:
                    pytest.fail(f"gunicorn stopte: {server.stdout.read()}")
                if time.monotonic() > deadline:
                    pytest.fail("gunicorn antwoordde niet binnen 90 seconden")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=60)


@pytest.mark.skipif(not BROKER.startswith("redis://"), reason="geen Redis-broker ingesteld; CI stelt er een in")
@pytest.mark.django_db(transaction=True)
def test_the_production_server_serves_pages_and_their_static_files(production_server):
    if connection.vendor != "postgresql":
        pytest.skip("productie draait op PostgreSQL; CI zet DATABASE_URL=postgres://…")
    status, headers, body = _get(production_server + "/inloggen/")
    assert status == 200
    html = body.decode()
    assert "Inloggen bij vsvplan" in html
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', html)
    assert stylesheets and all(re.search(r"\.[0-9a-f]{12}\.css$", path) for path in stylesheets)  # the manifest's
    for path in stylesheets:
        static_status, static_headers, content = _get(production_server + path)
        assert static_status == 200 and content, path
        assert "immutable" in static_headers.get("Cache-Control", ""), path

    insecure = _get(production_server + "/inloggen/", **{"X-Forwarded-Proto": "http"})
    assert insecure[0] == 301 and insecure[1]["Location"].startswith("https://")
    assert _get(production_server + "/bestaat-niet/")[0] == 404
    assert _get(production_server + "/")[0] == 302  # to the login
    assert _get(production_server + "/media/imports/")[0] == 404  # uploads are never served from /media/

    # log in as the programme manager and open the project dashboard of the running programme
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    cookies = _cookies(headers)
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "programmamanager", "password": "vsvplan-demo"}
    ).encode()
    status, headers, _body = _get(
        production_server + "/inloggen/",
        data=form,
        Cookie="; ".join(f"{name}={value}" for name, value in cookies.items()),
        Referer="https://127.0.0.1/inloggen/",
        **{"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 302, _body.decode()[:500]
    cookies |= _cookies(headers)
    session = next(value for value in headers.get_all("Set-Cookie") if value.startswith("sessionid="))
    assert "Secure" in session and "HttpOnly" in session and "Max-Age=7200" in session  # two idle hours
    cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
    status, _headers, body = _get(production_server + "/programmas/10-2026-2029/projecten/dashboard/", Cookie=cookie)
    assert status == 200
    assert "Warme overstap" in body.decode()
