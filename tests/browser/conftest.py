"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser) against live_server.

Every test here is marked `browser`. Each saves a full-page screenshot of its last page under
screenshots/ (ignored by git) so a person can look at what the pages look like.

Fixtures for journeys: `site` (base URL, demo plan loaded), `login(username)`, Playwright's `page`,
`check_a11y(page)` (axe-core, fails on serious/critical WCAG 2.1 A/AA violations), `check_fits(page)`
(no page-wide horizontal scrolling) and `screenshot(page, name)`.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from dashboards.demo import load_demo
from projects.demo.loader import DEMO_PASSWORD
from projects.models import Programme

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
# axe-core from the site itself, as the Content-Security-Policy allows (an inline copy would be refused).
AXE_URL = "/static/vendor/axe-core/axe.min.js"
# What the law asks of Dutch public bodies (WCAG 2.1 AA); axe's best practices are run too, but only reported.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = ("serious", "critical")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if CHROMIUM is None:
                if os.environ.get("CI"):
                    item.add_marker(pytest.mark.xfail(reason="Chromium ontbreekt in CI", run=False, strict=True))
                else:
                    item.add_marker(pytest.mark.skip(reason="Chromium niet gevonden: apt-get install chromium"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL", "viewport": DESKTOP}


@pytest.fixture
def site(request, live_server, transactional_db):
    """The live server with the demo plan and demo users loaded; returns its base URL. As in the other tests'
    `demo` (tests/conftest.py), seed 004's 2020–2024 plan is opened, so the journeys that write have targets and a
    budget to write against; a test marked `shipped_demo` gets the demo exactly as `make demo` leaves it."""
    programme = load_demo()
    if request.node.get_closest_marker("shipped_demo") is None:
        Programme.objects.filter(region=programme.region).exclude(pk=programme.pk).update(status="concept")
        Programme.objects.filter(pk=programme.pk).update(status="actief")
    return live_server.url


@pytest.fixture
def login(page, site):
    """Log in through the login form as a demo user; returns the page."""

    def do_login(username, next_path=""):
        page.goto(f"{site}/inloggen/{'?next=' + next_path if next_path else ''}")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        return page

    return do_login


def _file_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text).strip("_") or "pagina"


@pytest.fixture(autouse=True)
def _no_content_security_policy_violations(page):
    """Every page of every journey keeps to the Content-Security-Policy: Chromium reports each refused script, style
    or image on the console, and any such report fails the test."""
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield
    assert not refused, "Content-Security-Policy geschonden:\n" + "\n".join(refused)


@pytest.fixture(autouse=True)
def _screenshot_last_page(request, page):
    yield
    if page.url.startswith("http"):
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{_file_name(request.node.name)}.png"), full_page=True)


@pytest.fixture
def screenshot(request):
    """Save a full-page PNG of the page now, as screenshots/<test>/<name>.png."""

    def take(page, name):
        folder = SCREENSHOTS / _file_name(request.node.name)
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{_file_name(name)}.png"), full_page=True)

    return take


def _describe(violation) -> str:
    nodes = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    more = f" (+{len(violation['nodes']) - 5})" if len(violation["nodes"]) > 5 else ""
    return f"[{violation['impact']}] {violation['id']}: {violation['help']} → {nodes}{more} ({violation['helpUrl']})"


@pytest.fixture
def check_a11y():
    """Run axe-core on the page as it is now: fail on serious/critical WCAG 2.1 A/AA violations, print the rest.

    Returns the violations that did not fail the test (lower impact, or best practices only).
    """

    def check(page, label=""):
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(url=AXE_URL)
        violations = page.evaluate(
            """async (tags) => (await axe.run(document, {
                runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]
            })).violations.map(v => ({
                id: v.id, impact: v.impact, tags: v.tags, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target}))
            }))""",
            [*WCAG_TAGS, "best-practice"],
        )
        where = f"{label or page.url} ({page.viewport_size['width']} px)"
        failing = [
            v for v in violations if v["impact"] in FAILING_IMPACTS and any(tag in WCAG_TAGS for tag in v["tags"])
        ]
        reported = [v for v in violations if v not in failing]
        for violation in reported:
            print(f"axe, niet blokkerend, {where}: {_describe(violation)}")
        assert not failing, f"axe vindt op {where}:\n" + "\n".join(_describe(v) for v in failing)
        return reported

    return check


@pytest.fixture
def check_fits():
    """Assert that the page does not scroll sideways at the current width (tables may scroll in their own box)."""

    def check(page, label=""):
        overflow = page.evaluate(
            """() => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return null;
                const wide = [...document.body.querySelectorAll("*")]
                    .filter(el => el.getBoundingClientRect().right > width + 1)
                    .slice(0, 5)
                    .map(el => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
                return {scrollWidth: document.documentElement.scrollWidth, width, wide};
            }"""
        )
        assert overflow is None, f"{label or page.url} schuift zijwaarts: {overflow}"

    return check
