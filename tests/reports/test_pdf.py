"""The PDF: A4, not blank, with the programme, the date, page numbers, a table of contents and the key figures.
Rendering is slow, so one report is rendered once and checked for everything."""

import re
import shutil
import subprocess

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from PIL import Image

from indicators.models import Indicator
from tests.urls import reverse

pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils (pdftoppm) ontbreekt"),
]


# Seed 004, hoofdstuk 4.1: the baseline ("nu") of each KPI, written the Dutch way as the report shows it.
SEED_BASELINES = {
    "VSV VO onderbouw": "0,17%",
    "VSV VO bovenbouw vmbo": "0,56%",
    "VSV VO bovenbouw havo/vwo": "0,31%",
    "VSV MBO niveau 1": "17,92%",
    "VSV MBO niveau 2": "8,55%",
    "VSV MBO niveau 3": "3,72%",
    "VSV MBO niveau 4": "3,70%",
    "Terugkeer VSV’ers naar school": "27,00%",
    "Terugkeer VSV’ers naar werk": "36,00%",
}


def _ink(png_path) -> float:
    """Share of the page's pixels that are not white."""
    image = Image.open(png_path).convert("L")
    histogram = image.histogram()
    return 1 - sum(histogram[245:]) / sum(histogram)


def test_pdf_of_a_published_report(publish, steering_client, demo, tmp_path):
    report = publish("2024-K2", highlights="Warme overstap loopt goed.")
    response = steering_client.get(reverse("report_pdf", kwargs={"pk": report.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    pdf = tmp_path / "rapportage.pdf"
    pdf.write_bytes(response.content)

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Vervolgaanpak VSV 2020-2024" in text and "IJssel-Vecht" in text
    assert "Voortgangsrapportage 2e kwartaal" in text and "Warme overstap loopt goed." in text
    # Programme and date head every page after the cover, beside the page number at the foot.
    published = f"2e kwartaal 2024 · gepubliceerd {date_format(timezone.localtime(report.published_at), 'j F Y')}"
    pages_text = text.split("\f")
    assert all("Vervolgaanpak VSV 2020-2024" in page and published in page for page in pages_text[1:-1])
    assert "Pagina 1 van" in text
    # The table of contents carries page numbers (dot leaders then the number).
    assert any(
        line.strip().startswith("5. KPI's voortgang programma") and line.rstrip()[-1].isdigit()
        for line in text.splitlines()
    )
    # Every KPI with its baseline from the seed, the budget total of chapter 7, and project statuses.
    assert {indicator.name for indicator in Indicator.objects.filter(programme=demo)} == set(SEED_BASELINES)
    for name in SEED_BASELINES:
        assert name in text
    # The KPI table: one row per KPI, in the plan's order, its baseline in the first figure column.
    assert re.findall(r"^ *(?:VSV VO|VSV MBO|Terugkeer) +(\d+,\d\d%)", text, re.MULTILINE) == list(
        SEED_BASELINES.values()
    )
    assert "€ 3.464.156" in text
    assert "op schema" in text and "Verzuimaanpak 3.0" in text

    # Page 1 (cover) and a chart page are not blank: render them and count the ink.
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 5
    assert _ink(pages[0]) > 0.005
    chart_pages = [page for page in pages if _ink(page) > 0.03]
    assert chart_pages, "geen pagina met grafieken gevonden"
