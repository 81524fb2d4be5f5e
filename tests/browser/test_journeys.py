"""Journeys of the three kinds of user, in a real browser."""

from playwright.sync_api import expect


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


def test_anonymous_user_returns_to_requested_page_after_login(page, site):
    page.goto(f"{site}/projecten/3.2/")
    expect(page).to_have_url(f"{site}/inloggen/?next=/projecten/3.2/")
    page.get_by_label("Gebruikersnaam").fill("stuurgroep")
    page.get_by_label("Wachtwoord").fill("vsvplan-demo")
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(f"{site}/projecten/3.2/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verzuimaanpak 3.0")
