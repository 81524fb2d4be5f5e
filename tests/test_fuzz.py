"""No input gives a 500. The test walks the site as the programme manager and the administrator (every link of
every page, both demo programmes), then sends each page malformed values: every query parameter its links and
filter forms use, each number in its path, and every field of every form on it (POST). Only 2xx, 3xx and 4xx
answers are accepted; every 4xx is one of the site's Dutch pages. All failures are listed at once."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.urls import Resolver404, resolve

from core import clock
from halfyear import services as halfyear_services
from halfyear.models import HalfYearPlan, SmartGoal
from reports import services as report_services
from tests.conftest import _login
from vsvplan.urls import programme_urlconf

# What a user mistypes, a tampered form sends, or an attacker tries.
QUERY_VALUES = ["", "abc", "-1", "99999999999999999999", "²", "0001-01-01", "2024-H3", "a\x00b", "x" * 3000]
FORM_VALUES = ["", "abc", "-1", "99999999999999999999", "1e999", "²", "0001-01-01", "a\x00b", "x" * 3000]
PATH_NUMBERS = ["0", "999999999999999999"]
# The pages (URL patterns) each walk reaches at least: a lower count means the walk broke off.
MIN_PAGES = {"programmamanager": 50, "projectleider": 40, "stuurgroep": 30, "gegevensbeheerder": 6, "beheerder": 60}
CURRENT = "/programmas/10-2026-2029"


@pytest.fixture
def work_in_progress(current_programme, demo_user):
    """What the demo holds only once a user starts it: a concept report and a concept half-year plan with a goal,
    so their edit pages and forms are walked too. Returns each user's first pages: every URL pattern is walked once,
    on the first page found for it."""
    manager, leader = demo_user("programmamanager"), demo_user("projectleider")
    periods = current_programme.periods(clock.today())
    report = report_services.report_create(programme=current_programme, user=manager, period=str(periods.quarter))
    project = current_programme.projects.get(code="2.1")
    period = periods.half_year.next()
    plan = HalfYearPlan.objects.filter(project=project, period=str(period)).first()
    if plan is None:
        plan = halfyear_services.halfyear_plan_start(project=project, period=period, user=leader)
    if not plan.goals.exists():
        halfyear_services.smart_goal_save(
            goal=SmartGoal(plan=plan, number=1, specific="Twintig warme overdrachten (test)"), user=leader
        )
    plan_page = f"{CURRENT}/projecten/2.1/halfjaarplannen/{period}/"
    return {
        "programmamanager": [f"{CURRENT}/rapportages/{report.pk}/", f"{CURRENT}/rapportages/{report.pk}/bewerken/"],
        "projectleider": [
            f"{CURRENT}/projecten/2.1/",
            plan_page,
            f"{plan_page}bewerken/",
            f"{plan_page}doelen/1/bewerken/",
        ],
    }


SKIP = ("/beheer/", "/uitloggen/", "/static/")
# Slow to render and tested on their own (tests/reports): fetched once, not fuzzed.
SLOW = re.compile(r"/pdf/$")
DUTCH_ERROR_PAGES = ("Geen toegang", "Pagina niet gevonden", "Verzoek niet begrepen", "Dit kan hier niet", "Formulier")


def _links(html: str) -> set[str]:
    return {unescape(href) for href in re.findall(r'href="(/[^"#]*)"', html)}


def _forms(html: str) -> list[tuple[str, str, list[str]]]:
    """(method, action, field names) of every form on the page."""
    forms = []
    for attributes, body in re.findall(r"<form([^>]*)>(.*?)</form>", html, re.S):
        method = (re.search(r'method="(\w+)"', attributes) or [None, "get"])[1].lower()
        action = unescape((re.search(r'action="([^"]*)"', attributes) or [None, ""])[1])
        names = re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', body)
        # the CSRF and submit-once tokens stay as the page gave them (else every fuzzed POST after the first
        # would be a repeat of it)
        tokens = dict(re.findall(r'name="(csrfmiddlewaretoken|_verzending)" value="([^"]*)"', body))
        forms.append((method, action, [name for name in names if name not in tokens]))
    return forms


def _route(path: str) -> str | None:
    """The URL pattern of the path; a programme's pages resolved in that programme's URLconf, as the middleware
    does."""
    slug = re.match(r"/programmas/([^/]+)/", path)
    try:
        return resolve(path, urlconf=programme_urlconf(slug[1]) if slug else None).route
    except Resolver404:
        return None


def _crawl(client, start: list[str], limit: int = 400) -> dict[str, str]:
    """One page per URL pattern (the first found), with its HTML: {path: html}."""
    seen_routes, pages, queue = set(), {}, list(start)
    while queue and len(pages) < limit:
        url = queue.pop(0)
        path = urlsplit(url).path
        route = _route(path)
        if route is None or route in seen_routes or path.startswith(SKIP):
            continue
        seen_routes.add(route)
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[path] = html
        queue.extend(sorted(_links(html)))
    return pages


def _query_names(path: str, html: str) -> set[str]:
    names = set()
    for link in _links(html):
        parts = urlsplit(link)
        if parts.path in ("", path):
            names |= {name for name, _value in parse_qsl(parts.query, keep_blank_values=True)}
    for method, action, fields in _forms(html):
        if method == "get" and action in ("", path):
            names |= set(fields)
    return names


class Failures(list):
    sent = 0

    def check(self, response, what: str):
        self.sent += 1
        status = response.status_code
        if status >= 500:
            self.append(f"{status} {what}")
        elif 400 <= status < 500 and status != 429 and "html" in response.get("Content-Type", ""):
            body = response.content.decode(errors="replace")
            if not any(title in body for title in DUTCH_ERROR_PAGES) and "utrecht-" not in body:
                self.append(f"{status} zonder Nederlandse foutpagina: {what}")


def _send(client, failures, method: str, path: str, data=None, what=""):
    try:
        response = client.get(path, data) if method == "get" else client.post(path, data or {})
    except Exception as error:  # noqa: BLE001  every exception is a 500 the user would have seen
        failures.append(f"500 {what}: {type(error).__name__}: {str(error)[:200]}")
        return
    failures.check(response, what)


@pytest.mark.parametrize("username", list(MIN_PAGES))
def test_no_input_gives_a_500(client, work_in_progress, username):
    client.raise_request_exception = True
    _login(client, username)
    start = [*work_in_progress.get(username, []), "/", "/programmas/", f"{CURRENT}/", "/programmas/10-2020-2024/"]
    pages = _crawl(client, start)
    assert len(pages) >= MIN_PAGES[username], sorted(pages)  # the walk reached the site, not just the login page
    failures = Failures()
    for path, html in sorted(pages.items()):
        if SLOW.search(path):
            continue
        for name in sorted(_query_names(path, html)):
            for value in QUERY_VALUES:
                _send(client, failures, "get", path, {name: value}, f"GET {path}?{name}={value[:20]!r}")
        for number in re.findall(r"/(\d+)/", path):
            for value in PATH_NUMBERS:
                mutated = path.replace(f"/{number}/", f"/{value}/", 1)
                _send(client, failures, "get", mutated, what=f"GET {mutated}")
        for method, action, fields in _forms(html):
            target = urlsplit(action).path or path
            if method != "post" or target.startswith(SKIP) or not fields:
                continue
            for value in FORM_VALUES:
                data = {field: value for field in fields}
                _send(client, failures, "post", target, data, f"POST {target} {urlencode(data)[:80]}")
            _send(client, failures, "post", target, {}, f"POST {target} (leeg)")
        _login(client, username)  # a form may have closed the session's programme or logged out; go on as before
    print(f"{username}: {len(pages)} pagina's, {failures.sent} verzoeken", *sorted(pages), sep="\n  ")
    assert not failures, f"{len(failures)} antwoorden fout:\n" + "\n".join(sorted(set(failures))[:80])
