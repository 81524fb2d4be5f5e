"""Journeys of the three kinds of user, in a real browser."""

import re

from playwright.sync_api import expect

from projects.models import Activity, Project

DEMO = "/programmas/10-2020-2024/"  # the demo programme's pages; today's URLs redirect there


def test_programme_manager_adds_activity(login, site):
    page = login("programmamanager")
    page.get_by_role("link", name="Meelopen mbo en bedrijven").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meelopen mbo en bedrijven")
    page.get_by_role("link", name="Activiteit toevoegen").click()
    page.get_by_label("Titel").fill("Meelopen bij bedrijven uitbreiden")
    page.get_by_label("Wie").fill("Deltion College")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("is opgeslagen")
    expect(page.locator("#activiteit-4")).to_contain_text("Meelopen bij bedrijven uitbreiden")
    expect(page.locator("#activiteit-4")).to_contain_text("Deltion College")


def test_project_leader_edits_own_activity_and_is_refused_elsewhere(login, site):
    page = login("projectleider")
    page.get_by_role("link", name="Warme overstap").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Warme overstap")
    page.get_by_role("link", name="Bewerken activiteit 2").click()
    page.get_by_label("Wie").fill("Zoneconsulenten van het RMC")
    page.get_by_label("Wanneer").fill("schooljaar 2021-2022")
    page.get_by_label("Toelichting bij de wijziging").fill("afgesproken in het projectleidersoverleg")
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(f"{site}{DEMO}projecten/2.1/")
    expect(page.get_by_role("status")).to_contain_text("is opgeslagen")
    row = page.locator("#activiteit-2")
    expect(row).to_contain_text("Zoneconsulenten van het RMC")
    expect(row).to_contain_text("schooljaar 2021-2022")
    # The history says who changed it and why.
    page.get_by_role("link", name="Geschiedenis").click()
    first_change = page.get_by_role("row").nth(1)
    expect(first_change).to_contain_text("Sanne Visser")
    expect(first_change).to_contain_text("afgesproken in het projectleidersoverleg")

    # Project 1.1 is not his: no edit buttons, and the edit URL answers with the Dutch 403 page.
    page.goto(f"{site}/projecten/1.1/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Doorlopend LOB-programma pro/vso/vo/mbo")
    expect(page.get_by_role("link", name="Activiteit toevoegen")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("^Bewerken"))).to_have_count(0)
    response = page.goto(f"{site}/projecten/1.1/activiteiten/1/bewerken/", referer=f"{site}/projecten/1.1/")
    assert response.status == 403
    expect(page).to_have_title(re.compile("^Geen toegang"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
    expect(page.get_by_role("main")).to_contain_text("Alleen programmamanagers en de projectleiders van dit project")
    page.get_by_role("link", name="Terug naar de vorige pagina").click()
    expect(page).to_have_url(f"{site}{DEMO}projecten/1.1/")  # today's URL went to the programme's
    page.go_back()
    page.get_by_role("link", name="Terug naar het overzicht").click()
    expect(page).to_have_url(f"{site}{DEMO}")
    assert Activity.objects.get(project__programme__first_year=2020, project__code="1.1", number=1).who == ""


def test_steering_group_member_reads_but_cannot_edit(login, site):
    page = login("stuurgroep")
    edit_controls = re.compile("bewerken|toevoegen|verwijderen", re.IGNORECASE)
    expect(page.get_by_role("link", name=edit_controls)).to_have_count(0)
    page.get_by_role("link", name="Thema 3: Preventie en ondersteuning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preventie en ondersteuning")
    expect(page.get_by_role("heading", level=3)).to_have_count(4)
    expect(page.get_by_role("link", name=edit_controls)).to_have_count(0)
    page.get_by_role("link", name="3.2 Verzuimaanpak 3.0").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verzuimaanpak 3.0")
    expect(page.get_by_role("table", name="Activiteiten van dit project")).to_be_visible()
    expect(page.get_by_role("link", name=edit_controls)).to_have_count(0)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Thema's en projecten").click()
    page.get_by_label("Zoeken").fill("verzuim")
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_text("1 project", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Project toevoegen")).to_have_count(0)

    # A forged POST, with a valid CSRF token, to the project's edit URL is refused by the server.
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    project = Project.objects.get(programme__first_year=2020, code="3.2")
    response = page.request.post(
        f"{site}/projecten/3.2/bewerken/",
        form={
            "csrfmiddlewaretoken": token,
            "theme": str(project.theme_id),
            "code": "3.2",
            "title": "Door de stuurgroep gewijzigd",
            "version": str(project.version),
        },
    )
    assert response.status == 403
    assert "Alleen programmamanagers mogen dit wijzigen." in response.text()
    response = page.request.post(
        f"{site}/projecten/3.2/activiteiten/1/verwijderen/", form={"csrfmiddlewaretoken": token, "reason": "x"}
    )
    assert response.status == 403
    assert "Geen toegang" in response.text()
    page.goto(f"{site}/projecten/3.2/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verzuimaanpak 3.0")
    expect(page.locator("#activiteit-1")).to_be_visible()


def test_anonymous_user_returns_to_requested_page_after_login(page, site):
    page.goto(f"{site}/projecten/3.2/")
    expect(page).to_have_url(f"{site}/inloggen/?next=/projecten/3.2/")
    page.get_by_label("Gebruikersnaam").fill("stuurgroep")
    page.get_by_label("Wachtwoord").fill("vsvplan-demo")
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(f"{site}{DEMO}projecten/3.2/")  # today's URL, then the same page of the programme
    expect(page.get_by_role("heading", level=1)).to_have_text("Verzuimaanpak 3.0")


def _focused(page):
    """The focused element as a user would name it: its text or label, and whether a focus ring shows."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                name: (label || el.innerText || el.value || el.id || el.tagName).trim().split("\\n")[0],
                ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
                      || style.boxShadow !== "none",
                visible: box.width > 1 && box.height > 1 && box.bottom > 0 && box.top < innerHeight,
            };
        }"""
    )


def _tab(page, times=1):
    for _ in range(times):
        page.keyboard.press("Tab")
    return _focused(page)


def test_keyboard_only_login_and_main_navigation(page, site):
    page.goto(f"{site}/inloggen/")
    skip = _tab(page)
    assert skip["name"] == "Direct naar de inhoud"
    assert skip["visible"] and skip["ring"], "de skiplink is zichtbaar zodra hij focus heeft"
    assert _tab(page)["name"] == "vsvplan"
    username = _tab(page)
    assert username["name"].startswith("Gebruikersnaam") and username["ring"]
    page.keyboard.type("stuurgroep")
    assert _tab(page)["name"].startswith("Wachtwoord")
    page.keyboard.type("vsvplan-demo")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}{DEMO}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vervolgaanpak VSV 2020-2024")

    # Skip link first, then the header (with the programme switcher), then the main menu, in the order they are seen.
    order = [_tab(page)["name"] for _ in range(6)]
    assert order == [
        "Direct naar de inhoud", "vsvplan", "Programma 2020–2024 (actief)", "Uitloggen", "Overzicht",
        "Thema's en projecten",
    ]  # fmt: skip
    menu_item = _focused(page)
    assert menu_item["visible"] and menu_item["ring"]
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}{DEMO}projecten/")

    # The skip link jumps over the header and menu: the next Tab lands in the page's own content.
    assert _tab(page)["name"] == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    assert _tab(page)["name"] == "Zoeken"
    page.keyboard.type("overstap")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=overstap"))
    expect(page.get_by_role("link", name="Warme overstap")).to_be_visible()
