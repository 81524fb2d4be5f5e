"""Every main page, for every role, at desktop and phone width: the right answer (200/403/404),
no serious or critical axe-core violation, no sideways scrolling of the page, and a screenshot of each.

Extend MAIN_PAGES when a feature adds a page.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

MANAGER, STEERING, LEADER = "programmamanager", "stuurgroep", "projectleider"
EVERYONE = (MANAGER, STEERING, LEADER)
OF_2_1 = (MANAGER, LEADER)  # the project leader leads 2.1 and 3.2, not 1.1

# (path, the roles that may open it); the other roles get the 403 page.
MAIN_PAGES = [
    ("/", EVERYONE),
    ("/projecten/", EVERYONE),
    ("/projecten/?q=overstap&theme=", EVERYONE),
    ("/projecten/?q=bestaat-niet", EVERYONE),
    ("/themas/2/", EVERYONE),
    ("/projecten/2.1/", EVERYONE),
    ("/projecten/2.1/geschiedenis/", EVERYONE),
    ("/projecten/2.1/bewerken/", (MANAGER,)),
    ("/projecten/2.1/activiteiten/nieuw/", OF_2_1),
    ("/projecten/2.1/activiteiten/1/bewerken/", OF_2_1),
    ("/projecten/2.1/activiteiten/1/verwijderen/", OF_2_1),
    ("/projecten/1.1/activiteiten/1/bewerken/", (MANAGER,)),
    ("/themas/2/bewerken/", (MANAGER,)),
    ("/themas/nieuw/", (MANAGER,)),
    ("/projecten/nieuw/", (MANAGER,)),
    ("/projecten/9.9/", ()),  # 404 inside the programme
    ("/regios/", EVERYONE),
    ("/import/", (MANAGER,)),
    ("/rapportages/", EVERYONE),
    ("/rapportages/nieuw/", (MANAGER,)),
    ("/vergaderingen/", EVERYONE),
    ("/vergaderingen/nieuw/", (MANAGER,)),
    ("/programma/", EVERYONE),
    ("/programma/volgende/", (MANAGER,)),
    ("/programma/afsluiten/", (MANAGER,)),
]


def _visit(page, site, path, status, check_a11y, check_fits, screenshot):
    page.set_viewport_size(DESKTOP)
    response = page.goto(site + path)
    assert response.status == status, f"{path}: {response.status}, verwacht {status}"
    if status == 403:
        expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
        expect(page.get_by_role("link", name="Terug naar het overzicht")).to_be_visible()
    if status == 404:
        expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    check_a11y(page)
    check_fits(page)
    name = path.strip("/").replace("/", "_") or "overzicht"
    screenshot(page, f"{name}-1280")
    page.set_viewport_size(PHONE)
    check_fits(page)
    check_a11y(page)
    screenshot(page, f"{name}-390")


@pytest.mark.parametrize("username", EVERYONE)
def test_main_pages_for_role(username, login, site, page, check_a11y, check_fits, screenshot):
    login(username)
    for path, allowed in MAIN_PAGES:
        status = 404 if not allowed else 200 if username in allowed else 403
        _visit(page, site, path, status, check_a11y, check_fits, screenshot)


def test_pages_before_login(site, page, check_a11y, check_fits, screenshot):
    _visit(page, site, "/inloggen/", 200, check_a11y, check_fits, screenshot)
    _visit(page, site, "/bestaat-niet/", 404, check_a11y, check_fits, screenshot)
    # A failed login shows its error in Dutch, and the page with the error passes too.
    page.set_viewport_size(DESKTOP)
    page.goto(f"{site}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("stuurgroep")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Gebruikersnaam of wachtwoord klopt niet")
    check_a11y(page)
    screenshot(page, "inloggen-fout")


def test_form_with_errors_is_accessible(login, site, page, check_a11y, check_fits):
    login(MANAGER)
    page.goto(f"{site}/projecten/2.1/activiteiten/nieuw/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe activiteit")
    expect(page.get_by_role("navigation", name="Kruimelpad")).to_contain_text("Project 2.1")
    page.get_by_label("Titel").fill("")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Niet opgeslagen.")
    title = page.get_by_label("Titel")
    expect(title).to_have_attribute("aria-invalid", "true")
    # The error is tied to the field, so a screen reader reads it with the label.
    expect(title).to_have_accessible_description(re.compile("Dit veld is verplicht"))
    check_a11y(page)
    page.set_viewport_size(PHONE)
    check_fits(page)
    check_a11y(page)
