"""The half-year plan journey in a real browser: write and submit, send back, fix and resubmit, approve."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.periods import HalfYear

from .conftest import AXE_URL, DESKTOP, PHONE


def _axe_violations(page):
    """WCAG 2.1 A/AA violations axe-core finds on the current page."""
    page.add_script_tag(url=AXE_URL)
    return page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}))"
        ".violations.map(v => v.id + ': ' + v.nodes[0].html)"
    )


def _logout(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


@pytest.mark.shipped_demo  # today's half-year plans are the 2026–2029 programme's, where today's URLs lead
def test_leader_writes_manager_returns_leader_fixes_manager_approves(login, site):
    period = HalfYear.for_date(timezone.localdate()).next()
    plan_path = f"/projecten/2.1/halfjaarplannen/{period}/"

    # The project leader finds the concept from the project page and completes it.
    page = login("projectleider")
    page.goto(f"{site}/projecten/2.1/")
    page.get_by_role("link", name=f"Plan {period}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Halfjaarplan {period}")
    assert _axe_violations(page) == []
    page.get_by_role("button", name="Plan indienen").click()
    expect(page.get_by_role("alert").first).to_contain_text("Beschrijf het doel van dit halfjaar.")

    page.get_by_role("link", name="Plan bewerken").click()
    page.get_by_label("Doel van dit halfjaar").fill("De exitgesprekken uitbreiden naar alle mbo-instellingen.")
    page.get_by_label("Gevraagde uren").fill("120")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("is opgeslagen")
    expect(page.get_by_text("120 uur × € 50,00 = € 6.000")).to_be_visible()

    page.get_by_role("link", name="Doel toevoegen").click()
    page.get_by_label("Doel", exact=True).fill("Alle vijf mbo-instellingen voeren exitgesprekken met het RMC.")
    page.get_by_label("Gemeten met").fill("aantal mbo-instellingen dat exitgesprekken voert")
    page.get_by_label("Eenheid").fill("instellingen")
    page.get_by_label("Streefwaarde").fill("5")
    page.get_by_label("KPI van het programma").select_option(label="VSV MBO niveau 4")
    page.get_by_label("Deadline").fill(period.end.replace(year=period.end.year + 1).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text(f"De deadline valt buiten het halfjaar {period}")).to_be_visible()
    page.get_by_label("Deadline").fill(period.month_end(5).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#doel-2")).to_contain_text("Alle vijf mbo-instellingen")
    expect(page.locator("#doel-2").get_by_role("link", name="VSV MBO niveau 4")).to_be_visible()

    page.get_by_role("button", name="Plan indienen").click()
    expect(page.get_by_role("status")).to_contain_text("is ingediend")
    expect(page.get_by_role("link", name="Plan bewerken")).to_have_count(0)
    _logout(page)

    # The programme manager sends it back with a comment.
    login("programmamanager")
    page.goto(f"{site}{plan_path}")
    page.get_by_role("link", name="Terugsturen").click()
    page.get_by_label("Wat moet de projectleider aanpassen?").fill("Noem per instelling wie het gesprek voert.")
    page.get_by_role("button", name="Terugsturen").click()
    expect(page.get_by_role("status")).to_contain_text("teruggestuurd")
    _logout(page)

    # The leader reads the comment, fixes the goal and submits again.
    login("projectleider")
    page.goto(f"{site}{plan_path}")
    expect(page.get_by_role("note")).to_contain_text("Noem per instelling wie het gesprek voert.")
    page.get_by_role("link", name="Bewerken doel 2").click()
    page.get_by_label("Verantwoordelijk").fill("RMC-trajectbegeleider per instelling")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name="Plan indienen").click()
    expect(page.get_by_role("status")).to_contain_text("is ingediend")
    _logout(page)

    # The manager approves; the plan is locked and the dashboard shows it.
    login("programmamanager")
    page.goto(f"{site}{plan_path}")
    page.get_by_role("link", name="Goedkeuren").click()
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_role("status")).to_contain_text("is goedgekeurd")
    expect(page.get_by_role("note")).to_contain_text("Dit plan ligt vast")
    page.get_by_role("link", name="Projectdashboard").click()
    row = page.get_by_role("row").filter(has_text="2.1 Warme overstap")
    expect(row).to_contain_text("goedgekeurd")
    header = page.get_by_role("columnheader", name=f"Plan {period}")
    expect(header).to_be_visible()
    assert _axe_violations(page) == []


def test_regiegroep_reads_budget_and_kpis_per_project(login, site, check_a11y, check_fits, screenshot):
    # A member of the regiegroep reads budget vs spent and the KPIs of each project on the dashboard.
    page = login("stuurgroep")
    page.get_by_role("link", name="Projectdashboard").click()
    expect(page.get_by_role("columnheader", name=re.compile(r"^Budget \d{4}$"))).to_be_visible()
    expect(page.get_by_role("columnheader", name="KPI's (status 2023-2024)")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="2.1 Warme overstap")
    expect(row).to_contain_text("€ 125.000")  # seed 004, hoofdstuk 7: € 125.000 a year
    # 2020–2024 is read as on its last day: 2024 is over and nothing was spent in the demo
    expect(row).to_contain_text("jaar om, niets vastgelegd")
    expect(row.get_by_role("link", name="MBO niveau 3")).to_be_visible()
    # The demo's imported 2023-2024 figures: MBO niveau 2 meets its target, MBO niveau 4 is within the margin.
    expect(row).to_contain_text("op koers")
    expect(row).to_contain_text("risico")
    expect(page.get_by_role("row").filter(has_text="5.1 Reflectie")).to_contain_text("geen KPI gekoppeld")
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        check_a11y(page, "projectdashboard")
        check_fits(page, "projectdashboard")
        screenshot(page, f"projectdashboard-{size['width']}")
    page.set_viewport_size(DESKTOP)

    # The KPI link leads to the indicator, which names the project among those contributing to it.
    row.get_by_role("link", name="VO bovenbouw vmbo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("VSV VO bovenbouw vmbo")
    page.get_by_role("link", name="2.1 Warme overstap").click()

    # The project page lists the same KPIs with target, figure and status.
    expect(page.get_by_role("heading", name="Draagt bij aan de KPI's")).to_be_visible()
    kpis = page.get_by_role("table", name="KPI's waaraan dit project bijdraagt, met hun status")
    expect(kpis.get_by_role("row")).to_have_count(1 + 6)
    expect(kpis.get_by_role("row").filter(has_text="VSV MBO niveau 3")).to_contain_text("3,20%")
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        check_a11y(page, "projectpagina met KPI's")
        check_fits(page, "projectpagina met KPI's")
