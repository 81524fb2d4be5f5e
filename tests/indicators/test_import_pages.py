"""The /import/ page (upload → preview → confirm → result), revision marks on the KPI pages, and the beat job."""

import http.server
import threading
from decimal import Decimal
from functools import partial
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.importers import runs
from indicators.importers.sources import import_new_files
from indicators.models import Figure, ImportRun
from tests.urls import reverse

# The demo's 2023-2024 figure for MBO niveau 4 is 3,06% voorlopig; DUO's definitive figure replaces it.
DEFINITIVE = (
    b"SCHOOLJAAR;RMC-REGIO CODE;RMC-REGIO NAAM;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;VSV-PERCENTAGE;STATUS\n"
    b"2023-2024;10;IJssel-Vecht;MBO niveau 4;7.823;246;3,14;DEFINITIEF\n"
    b"2023-2024;10;IJssel-Vecht;MBO niveau 3;3.021;112;3,71;VOORLOPIG\n"
)


def _upload(client, data, name="vsv.csv", **fields):
    return client.post(
        reverse("import_start"), {"kind": "vsv-cijfers", "file": SimpleUploadedFile(name, data), **fields}
    )


@pytest.mark.parametrize("username", ["stuurgroep", "projectleider"])
def test_only_programme_managers_import(role_client, username):
    client = role_client(username)
    for response in (client.get(reverse("import_start")), _upload(client, DEFINITIVE)):
        assert response.status_code == 403
        assert "Alleen programmamanagers en gegevensbeheerders mogen cijfers importeren." in response.content.decode()
    assert not ImportRun.objects.exclude(source=ImportRun.Source.DEMO).exists()
    assert "Importeren" not in client.get(reverse("kpi_dashboard")).content.decode()


def test_upload_preview_confirm_and_result(manager_client, django_capture_on_commit_callbacks):
    page = manager_client.get(reverse("import_start")).content.decode()
    # The demo's runs are the data stewards': a programme sees its own runs only, and says whose region it loads.
    assert "Eerdere imports van dit programma" in page and "duo_vsv_regio10.csv" not in page
    assert "Dit programma heeft nog niets geïmporteerd." in page and "eigen regio (10 IJssel-Vecht)" in page
    response = _upload(manager_client, DEFINITIVE, "vsv-definitief.csv")
    run = ImportRun.objects.get(file_name="vsv-definitief.csv")
    assert response.url == reverse("import_detail", args=[run.pk]) and run.status == "voorbeeld"
    preview = manager_client.get(response.url).content.decode()
    assert "Wat er zou veranderen" in preview and "Bevestigen en inlezen" in preview
    assert "Gewijzigde cijfers</dt><dd>1" in preview and "Ongewijzigd</dt><dd>1" in preview
    assert "MBO niveau 4" in preview and "3,06%" in preview and "3,14%" in preview
    figure = Figure.objects.get(category_id="mbo-niveau-4", area_code="10", school_year="2023-2024", breakdown="")
    assert figure.value == Decimal("3.06")  # the preview writes nothing
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = manager_client.post(reverse("import_confirm", args=[run.pk]))
    assert len(callbacks) == 1  # the task is queued only once the confirmation is committed
    run.refresh_from_db()
    assert (run.status, run.rows_updated, run.rows_unchanged, run.created_by.username, run.programme.title) == (
        "geslaagd",
        1,
        1,
        "programmamanager",
        "Vervolgaanpak VSV 2020-2024",
    )
    assert run.decided_by.username == "programmamanager" and run.decided_at is not None  # who confirmed it
    result = manager_client.get(response.url).content.decode()
    assert "vsv-definitief.csv" in manager_client.get(reverse("import_start")).content.decode()
    assert "1 nieuw" not in result and "0 nieuw, 1 gewijzigd, 1 ongewijzigd" in result
    assert "hx-get" not in result  # finished: no more polling
    figure.refresh_from_db()
    assert (figure.value, figure.finality) == (Decimal("3.14"), "definitief")
    # The dashboard marks the revision since the last import, and not since a later date.
    row = manager_client.get(reverse("kpi_dashboard"), {"jaar": "2023-2024"}).content.decode()
    assert "herzien: was 3,06% (voorlopig)" in row
    later = manager_client.get(reverse("kpi_dashboard"), {"jaar": "2023-2024", "sinds": "2999-01-01"})
    assert "herzien: was" not in later.content.decode()
    detail = manager_client.get(reverse("indicator_detail", kwargs={"code": "mbo-niveau-4"})).content.decode()
    assert "herzien: was 3,06% (voorlopig)" in detail
    # The same file again is refused at once.
    again = _upload(manager_client, DEFINITIVE, "nog-eens.csv").content.decode()
    assert "al geïmporteerd op" in again and not ImportRun.objects.filter(file_name="nog-eens.csv").exists()


def test_a_broken_upload_lists_every_problem_and_changes_nothing(manager_client, data_file):
    before = list(Figure.objects.values_list("pk", "value", "version"))
    response = _upload(manager_client, data_file("duo/broken_percentage.csv"), "kapot.csv")
    page = manager_client.get(response.url).content.decode()
    assert "1 fout" in page and "VSV-PERCENTAGE" in page and "klopt niet met 281 vsv" in page
    assert "Bevestigen en inlezen" not in page and "de database is niet veranderd" in page
    assert ImportRun.objects.get(file_name="kapot.csv").status == "mislukt"
    assert list(Figure.objects.values_list("pk", "value", "version")) == before


def test_progress_block_polls_until_the_run_is_finished(manager_client):
    _upload(manager_client, DEFINITIVE)
    run = ImportRun.objects.get(file_name="vsv.csv")
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED)
    block = manager_client.get(reverse("import_status", args=[run.pk])).content.decode()
    assert f'hx-get="{reverse("import_status", args=[run.pk])}"' in block and "in de wachtrij" in block
    page = manager_client.get(reverse("import_detail", args=[run.pk])).content.decode()
    assert "vendor/htmx/htmx.min.js" in page


def test_cancelling_a_preview_loads_nothing_and_leaves_a_trace(manager_client):
    """The file goes and nothing is loaded; the run stays, saying who cancelled it and when."""
    figures = Figure.objects.count()
    _upload(manager_client, DEFINITIVE)
    run = ImportRun.objects.get(file_name="vsv.csv")
    stored = run.file.name
    manager_client.post(reverse("import_cancel", args=[run.pk]))
    run.refresh_from_db()
    assert (run.status, run.decided_by.username) == ("geannuleerd", "programmamanager")
    assert not run.file.storage.exists(stored)
    assert Figure.objects.count() == figures
    page = manager_client.get(reverse("import_detail", args=[run.pk])).content.decode()
    assert "Geannuleerd door" in page
    assert "vsv.csv" in manager_client.get(reverse("import_start")).content.decode()  # in the list of earlier runs
    assert runs.import_run_execute(run=run).status == "geannuleerd"  # a cancelled run is never executed


def test_region_file_is_the_data_stewards(manager_client, role_client, data_file, django_capture_on_commit_callbacks):
    """Regions and municipalities are what every programme sees: a programme manager is not offered the kind and
    is refused if she posts it anyway; the data steward loads it through the same page."""
    assert 'value="regios"' not in manager_client.get(reverse("import_start")).content.decode()
    refused = manager_client.post(
        reverse("import_start"),
        {"kind": "regios", "file": SimpleUploadedFile("adres.csv", data_file("regions/adressen_nieuw_cp1252.csv"))},
    )
    assert refused.status_code == 200 and "regios is geen beschikbare keuze" in unescape(refused.content.decode())
    assert not ImportRun.objects.filter(file_name="adres.csv").exists()
    steward = role_client("gegevensbeheerder")
    assert 'value="regios"' in steward.get(reverse("import_start", programme=False)).content.decode()
    response = steward.post(
        reverse("import_start", programme=False),
        {"kind": "regios", "file": SimpleUploadedFile("adres.csv", data_file("regions/adressen_nieuw_cp1252.csv"))},
    )
    preview = unescape(steward.get(response.url).content.decode())
    assert "5 regio's, 6 gemeenten; 1 regel zonder regio wordt overgeslagen." in preview
    with django_capture_on_commit_callbacks(execute=True):
        steward.post(reverse("import_confirm", args=[ImportRun.objects.get(file_name="adres.csv").pk], programme=False))
    assert ImportRun.objects.get(file_name="adres.csv").status == "geslaagd"


def test_beat_job_imports_each_new_file_in_the_folder_once(kpis, tmp_path, data_file, settings):
    settings.DUO_IMPORT_FOLDER, settings.DUO_IMPORT_URLS = str(tmp_path), []
    (tmp_path / "vsv.csv").write_bytes(data_file("duo/vsv_utf8_bom.csv"))
    (tmp_path / "kapot.csv").write_bytes(data_file("duo/broken_unknown_region.csv"))
    (tmp_path / "leesmij.pdf").write_bytes(b"%PDF")
    runs = import_new_files()
    assert sorted((run.file_name, run.status, run.source) for run in runs) == [
        ("kapot.csv", "mislukt", "gepland"),
        ("vsv.csv", "geslaagd", "gepland"),
    ]
    assert Figure.objects.filter(import_run__source="gepland").count() == 11
    assert import_new_files() == []  # nothing new: no second run, not even of the refused file
    (tmp_path / "vsv-definitief.csv").write_bytes(data_file("duo/vsv_definitief.csv"))
    assert [run.rows_updated for run in import_new_files()] == [2]
    assert ImportRun.objects.count() == 3


@pytest.fixture
def http_folder(tmp_path):
    """A local HTTP server on 127.0.0.1 serving tmp_path, as a DUO download URL would."""
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_beat_job_fetches_urls_and_skips_what_it_has(kpis, tmp_path, data_file, settings, http_folder):
    (tmp_path / "vsv.csv").write_bytes(data_file("duo/vsv_utf8_bom.csv"))
    settings.DUO_IMPORT_FOLDER = ""
    settings.DUO_IMPORT_URLS = [f"{http_folder}/vsv.csv", f"{http_folder}/bestaat-niet.csv"]
    runs = import_new_files()
    assert [(run.file_name, run.status) for run in runs] == [("vsv.csv", "geslaagd")]
    assert import_new_files() == []
    assert ImportRun.objects.count() == 1


def test_a_programme_manager_uploads_without_choosing_a_kind(manager_client):
    """Figures are the only kind a programme manager loads: the page asks nothing about it, and posts it along."""
    page = manager_client.get(reverse("import_start")).content.decode()
    assert '<input type="hidden" name="kind" value="vsv-cijfers"' in page and "Soort bestand" not in page
