"""Budget journeys in a real browser: a project leader records spending on their own project, a programme
manager proposes and approves a budget change, and the budget page passes axe-core."""

import json

from playwright.sync_api import expect

from budget.models import BudgetLine

from .conftest import AXE_URL


def _logout(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def test_leader_records_spending_and_manager_approves_a_change(login, site):
    page = login("projectleider")
    page.goto(f"{site}/projecten/3.2/")
    budget = page.locator("section[aria-labelledby=begroting]")
    expect(budget).to_contain_text("€ 320.000")
    budget.get_by_role("link", name="Besteding vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Besteding vastleggen")
    page.get_by_label("Datum").fill("2024-03-15")
    page.get_by_label("Omschrijving").fill("Training verzuimcoördinatoren")
    page.get_by_label("Uren").fill("10")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("Besteding van € 500,00 is vastgelegd.")
    expect(page.locator("#bestedingen + .table-scroll")).to_contain_text("Training verzuimcoördinatoren")
    expect(page.locator("#bestedingen + .table-scroll")).to_contain_text("Sanne Visser")
    _logout(page)

    page = login("programmamanager")
    regelruimte = BudgetLine.objects.get(programme__first_year=2020, description="Regelruimte nieuwe maatregelen")
    verzuim = BudgetLine.objects.get(programme__first_year=2020, description="Verzuimaanpak 3.0")
    page.goto(f"{site}/begroting/")
    page.get_by_role("link", name="Wijziging voorstellen").click()
    page.get_by_label("Van begrotingsregel").select_option(str(regelruimte.pk))
    page.get_by_label("Naar begrotingsregel").select_option(str(verzuim.pk))
    page.get_by_label("Jaar").select_option("2024")
    page.get_by_label("Bedrag").fill("5000")
    page.get_by_label("Reden").fill("Extra verzuimconsulent voor het mbo")
    page.get_by_role("button", name="Voorstellen").click()
    expect(page.get_by_role("status")).to_contain_text("is voorgesteld")
    expect(page.locator("main .change-status")).to_have_text("○ voorgesteld")
    page.get_by_label("Toelichting bij het besluit").fill("besluit stuurgroep")
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_role("status")).to_contain_text("is goedgekeurd; de begroting is bijgewerkt")
    expect(page.locator(".history-list")).to_contain_text("goedgekeurd: besluit stuurgroep")

    page.goto(f"{site}/begroting/?jaar=2024")
    row = page.locator("tr", has=page.get_by_role("link", name="Verzuimaanpak 3.0"))
    expect(row).to_contain_text("€ 85.000")
    expect(row.locator("del")).to_have_text(["oorspronkelijk € 80.000", "oorspronkelijk € 320.000"])
    expect(row).to_contain_text("€ 500")
    total = page.locator("tr.budget-row--total").first
    expect(total).to_contain_text("€ 3.464.156")  # money moved, the total did not


def test_budget_page_has_no_accessibility_violations(login, site):
    page = login("stuurgroep")
    for path in ("/begroting/", "/projecten/3.2/"):
        page.goto(f"{site}{path}")
        page.add_script_tag(url=AXE_URL)
        result = page.evaluate(
            "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})).violations"
        )
        assert result == [], json.dumps([(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result], indent=1)
