"""DUO import journey in a real browser: a programme manager uploads DUO's definitive figures, checks the preview,
confirms, watches the result arrive without reloading, and sees the dashboard change."""

from playwright.sync_api import expect

# The demo's 2023-2024 figure for MBO niveau 3 is 3,71% voorlopig (achter); DUO's definitive figure is 3,25%.
DEFINITIVE = (
    b"SCHOOLJAAR;RMC-REGIO CODE;RMC-REGIO NAAM;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;VSV-PERCENTAGE;STATUS\r\n"
    b"2023-2024;10;IJssel-Vecht;MBO niveau 3;3.021;98;3,24;DEFINITIEF\r\n"
    b"2023-2024;10;IJssel-Vecht;MBO niveau 4;7.823;239;3,06;VOORLOPIG\r\n"
)


def test_programme_manager_imports_definitive_figures(login, site, tmp_path, check_a11y, check_fits):
    page = login("programmamanager")
    page.goto(f"{site}/dashboard/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="VSV MBO niveau 3"))
    expect(row).to_contain_text("3,71%")
    expect(row).to_contain_text("achter")

    page.get_by_role("link", name="Importeren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("DUO-bestanden importeren")
    check_a11y(page, "import")
    path = tmp_path / "vsv-definitief-2023-2024.csv"
    path.write_bytes(DEFINITIVE)
    page.get_by_label("Bestand").set_input_files(str(path))
    page.get_by_role("button", name="Controleren").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Controleren voor het inlezen")
    preview = page.locator(".import-preview")
    expect(preview).to_contain_text("Gewijzigde cijfers")
    expect(preview.get_by_role("row").filter(has_text="MBO niveau 3")).to_contain_text("3,24%")
    check_a11y(page, "preview")
    check_fits(page, "preview")
    page.get_by_role("button", name="Bevestigen en inlezen").click()

    status = page.locator("#import-status")
    expect(status).to_contain_text("geslaagd")
    expect(status).to_contain_text("0 nieuw, 1 gewijzigd, 1 ongewijzigd")
    check_a11y(page, "result")
    page.get_by_role("link", name="Naar het KPI-dashboard").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="VSV MBO niveau 3"))
    expect(row).to_contain_text("3,24%")
    expect(row).to_contain_text("risico")
    expect(row).to_contain_text("herzien: was 3,71% (voorlopig)")
    check_fits(page, "dashboard")
