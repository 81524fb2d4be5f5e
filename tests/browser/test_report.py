"""The quarterly report in a real browser: the programme manager writes and publishes it; the stuurgroep
opens it as a web page and as a PDF and records a decision."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.periods import Quarter

from .conftest import PHONE


def _logout(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


@pytest.mark.pdf
@pytest.mark.shipped_demo  # the report of today's quarter, in the 2026–2029 programme that runs today
def test_manager_publishes_steering_group_reads_pdf_and_decides(login, site, check_a11y, check_fits, screenshot):
    quarter = Quarter.for_date(timezone.localdate())
    title = f"Voortgangsrapportage {quarter.label}"

    page = login("programmamanager")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rapportages").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voortgangsrapportages")
    check_a11y(page)
    page.get_by_role("link", name="Nieuwe rapportage").click()
    expect(page.get_by_label("Kwartaal")).to_have_value(str(quarter))
    page.get_by_label("Hoogtepunten").fill("Alle veertien vo-scholen werken met de GGD-jeugdarts.")
    check_a11y(page)
    page.get_by_role("button", name="Concept aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_text("De cijfers zijn de actuele stand")).to_be_visible()
    expect(page.get_by_role("heading", name="KPI's voortgang programma")).to_be_visible()
    check_a11y(page)
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_role("status")).to_contain_text("De rapportage is gepubliceerd")
    expect(page.get_by_text("de cijfers liggen vast zoals ze toen waren")).to_be_visible()
    expect(page.get_by_role("link", name="Teksten bewerken")).to_have_count(0)
    check_a11y(page)
    _logout(page)

    login("stuurgroep")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rapportages").click()
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_text("Alle veertien vo-scholen werken met de GGD-jeugdarts.")).to_be_visible()
    expect(page.get_by_role("img", name="VSV MBO niveau 3")).to_be_visible()  # a chart, drawn on the server
    expect(page.get_by_role("button", name="Publiceren")).to_have_count(0)

    pdf_link = page.get_by_role("link", name="Download als PDF")
    pdf = page.request.get(site + pdf_link.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body()[:4] == b"%PDF"

    page.get_by_label("Soort").select_option("besluit")
    page.get_by_label("Reactie of besluit").fill("De stuurgroep stemt in met de rapportage.")
    page.get_by_role("button", name="Plaatsen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw besluit is geplaatst.")
    expect(page.locator(".comment").get_by_text("De stuurgroep stemt in met de rapportage.")).to_be_visible()
    expect(page.get_by_text("besluit vastgelegd")).to_be_visible()
    check_a11y(page)
    check_fits(page)
    screenshot(page, "rapportage-1280")
    page.set_viewport_size(PHONE)
    check_fits(page)
    check_a11y(page)
    screenshot(page, "rapportage-390")
