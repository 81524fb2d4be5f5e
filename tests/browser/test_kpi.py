"""KPI journey in a real browser: a programme manager enters a figure and the dashboard status changes."""

import pytest
from playwright.sync_api import expect

from .conftest import AXE_URL


def test_programme_manager_corrects_figure_and_status_changes(login, site):
    page = login("programmamanager")
    page.get_by_role("link", name="KPI-dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("KPI's voortgang programma")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="VSV MBO niveau 3"))
    expect(row).to_contain_text("3,20%")
    expect(row).to_contain_text("3,71%")  # the demo file's provisional 2023-2024 figure
    expect(row).to_contain_text("achter")

    row.get_by_role("link", name="VSV MBO niveau 3").click()
    page.get_by_role("link", name="Cijfer wijzigen 2023-2024", exact=True).click()
    page.get_by_label("Percentage").fill("3,25%")
    page.get_by_label("Teller (bijvoorbeeld vsv'ers)").fill("")
    page.get_by_label("Noemer (bijvoorbeeld deelnemers)").fill("")
    page.get_by_label("voorlopig", exact=True).check()
    page.get_by_label("Toelichting bij de wijziging").fill("gecorrigeerd naar de DUO-factsheet")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Het cijfer is opgeslagen")

    page.get_by_role("link", name="KPI-dashboard").first.click()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="VSV MBO niveau 3"))
    expect(row).to_contain_text("3,25%")
    expect(row).to_contain_text("voorlopig")
    expect(row).to_contain_text("risico")
    assert page.evaluate("document.documentElement.scrollWidth") == 1280


def test_steering_group_reads_the_chart_page(login, site):
    page = login("stuurgroep", "/dashboard/terugkeer-school/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Terugkeer VSV’ers naar school")
    expect(page.get_by_role("img", name="Grafiek van Terugkeer VSV’ers naar school")).to_be_visible()
    expect(page.get_by_role("link", name="Cijfer invoeren")).to_have_count(0)
    # One chart, drawn on the server (the narrow drawing is hidden at this width), and no chart script.
    expect(page.locator(".chart-svg:visible")).to_have_count(1)
    assert page.evaluate("typeof Chart") == "undefined"


@pytest.mark.parametrize("path", ["/dashboard/", "/dashboard/mbo-niveau-3/", "/dashboard/mbo-niveau-3/bewerken/"])
def test_kpi_pages_pass_axe(login, site, path):
    page = login("programmamanager", path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.add_script_tag(url=AXE_URL)
    result = page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})).violations"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
    )
    assert result == []
