"""Files and URLs that used to break the import: each is now refused with a Dutch message (never a 500), a run
never stays "bezig", and the scheduled job handles each file and URL on its own."""

import http.server
import io
import socket
import threading
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError

from indicators import tasks
from indicators.importers import runs, sources
from indicators.importers.duo import read_vsv_file
from indicators.importers.sources import import_new_files
from indicators.models import Figure, ImportRun
from tests.urls import reverse

HEADER = "SCHOOLJAAR;RMC-REGIO CODE;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;VSV-PERCENTAGE;STATUS\n"
ROW = "2023-2024;10;MBO niveau 4;7.823;246;3,14;DEFINITIEF\n"


def _messages(result) -> str:
    return " ".join(problem.message for problem in result.errors)


def _xlsx(parts: dict[str, str]) -> bytes:
    """A minimal workbook with the given parts (names → XML), enough for openpyxl to open or to choke on."""
    base = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="xl/workbook.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
            "</Relationships>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in {**base, **parts}.items():
            archive.writestr(name, text)
    return buffer.getvalue()


SHEET = (
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
)


@pytest.mark.parametrize("length", [20_000, 200_000])  # past our limit, and past Python's csv default (131.072)
def test_a_cell_longer_than_ten_thousand_characters_is_refused(regions, length):
    result = read_vsv_file((HEADER + ROW + "2023-2024;10;MBO niveau 4;" + "9" * length + ";1;1;DEFINITIEF\n").encode())
    assert "Een cel is langer dan 10.000 tekens" in _messages(result)


def test_malformed_xml_in_a_workbook_is_refused_as_damaged(regions):
    data = _xlsx({"xl/worksheets/sheet1.xml": SHEET.format(dimension="A1:G2", rows="<row r='1'><c r='A1'")})
    assert "Het Excelbestand kan niet worden gelezen; is het beschadigd?" in _messages(read_vsv_file(data))


def test_an_entity_bomb_is_refused_without_expanding_it(regions):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{"&lol" + (str(i - 1) if i > 1 else "") + ";" * 1}' for i in range(1, 2))
        + '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
        + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        "<si><t>&lol2;</t></si></sst>"
    )
    sheet = SHEET.format(dimension="A1:A1", rows='<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    data = _xlsx({"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": bomb})
    assert "beschadigd" in _messages(read_vsv_file(data))


def test_a_workbook_with_a_million_and_a_half_shared_texts_is_refused_before_reading(regions):
    strings = (
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'count="1500000" uniqueCount="1500000"><si><t>x</t></si></sst>'
    )
    sheet = SHEET.format(dimension="A1:A1", rows="")
    data = _xlsx({"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": strings})
    assert "meer dan een miljoen verschillende teksten" in _messages(read_vsv_file(data))


def test_a_sheet_that_declares_a_billion_cells_is_refused_before_reading(regions):
    data = _xlsx({"xl/worksheets/sheet1.xml": SHEET.format(dimension="A1:XFD1048576", rows="")})
    assert "groter dan twintig miljoen cellen" in _messages(read_vsv_file(data))


def test_the_upload_preview_of_such_a_file_says_what_is_wrong(manager_client):
    data = (HEADER + "2023-2024;10;MBO niveau 4;" + "9" * 200_000 + ";1;1;DEFINITIEF\n").encode()
    response = manager_client.post(
        reverse("import_start"), {"kind": "vsv-cijfers", "file": SimpleUploadedFile("lang.csv", data)}, follow=True
    )
    assert response.status_code == 200
    assert "Een cel is langer dan 10.000 tekens" in response.content.decode()


def _run():
    data = (HEADER + ROW).encode()
    return runs.import_run_create(
        kind=ImportRun.Kind.FIGURES, data=data, file_name="vsv.csv", source=ImportRun.Source.COMMAND
    )


def test_a_run_that_trips_on_an_unexpected_error_fails_with_its_reason(kpis, monkeypatch):
    monkeypatch.setattr(runs, "_execute_figures", lambda run, data: 1 / 0)
    run = runs.import_run_execute(run=_run())
    assert run.status == ImportRun.Status.FAILED
    assert "liep vast op een onverwachte fout" in run.errors[0]["message"]
    assert not Figure.objects.filter(import_run=run).exists()


def test_a_run_whose_database_keeps_failing_is_marked_failed_after_the_last_retry(kpis, monkeypatch):
    def gone(run, data):
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(runs, "_execute_figures", gone)
    run = _run()
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED)
    result = tasks.import_run_task.apply(args=[run.pk], retries=tasks.import_run_task.max_retries)  # the last try
    assert result.get() == ImportRun.Status.FAILED
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert "na enkele pogingen opgegeven (OperationalError)" in run.errors[0]["message"]


def test_the_scheduled_job_goes_on_past_a_file_that_trips_it(kpis, tmp_path, settings, monkeypatch):
    settings.DUO_IMPORT_FOLDER, settings.DUO_IMPORT_URLS = str(tmp_path), []
    (tmp_path / "a-kapot.csv").write_bytes((HEADER + ROW.replace("7.823", "7.824")).encode())
    (tmp_path / "b-goed.csv").write_bytes((HEADER + ROW).encode())
    real = runs.import_run_execute

    def trips_on_the_first(*, run):
        if run.file_name == "a-kapot.csv":
            raise OperationalError("even weg")
        return real(run=run)

    monkeypatch.setattr(runs, "import_run_execute", trips_on_the_first)
    imported = import_new_files()
    assert [(run.file_name, run.status) for run in imported] == [("b-goed.csv", "geslaagd")]


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        body = (HEADER + ROW).encode()
        if self.path == "/elders.csv":
            self.send_response(302)
            self.send_header("Location", f"http://localhost:{self.server.server_address[1]}/goed.csv")
            self.end_headers()
        elif self.path == "/afgebroken.csv":
            self.send_response(200)
            self.send_header("Content-Length", str(len(body) + 500))
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True
        elif self.path == "/kapotte-status.csv":
            self.wfile.write(b"HTTP/1.1 twee-honderd OK\r\n\r\n")
        else:
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_the_scheduled_job_fetches_each_url_on_its_own_and_refuses_what_is_not_a_whole_file(kpis, server, settings):
    settings.DUO_IMPORT_FOLDER = ""
    settings.DUO_IMPORT_URLS = [
        f"{server}/kapotte-status.csv",  # a malformed status line used to stop the run for every URL after it
        f"{server}/elders.csv",  # a redirect to another host
        f"{server}/afgebroken.csv",  # shorter than its Content-Length
        "file:///etc/passwd",
        f"{server}/goed.csv",
    ]
    imported = import_new_files()
    assert [(run.file_name, run.status) for run in imported] == [("goed.csv", "geslaagd")]


def test_a_fetch_that_takes_too_long_in_all_is_refused():
    """The timeout is for the whole fetch, not per read: a server that trickles bytes is cut off."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def trickle():
        connection, _ = listener.accept()
        connection.recv(1024)
        connection.sendall(b"HTTP/1.1 200 OK\r\n\r\n")
        for _ in range(40):
            try:
                connection.sendall(b"x" * 1024)
            except OSError:
                break
            time.sleep(0.05)
        connection.close()

    threading.Thread(target=trickle, daemon=True).start()
    with pytest.raises(sources.FetchRefused, match="niet binnen"):
        sources.fetch(f"http://127.0.0.1:{listener.getsockname()[1]}/traag.csv", timeout=0.5)
    listener.close()


def test_the_file_is_checked_in_the_task_and_the_page_never_reads_it(manager_client, monkeypatch):
    """The upload queues the check; the page polls until the preview is there and then shows the stored preview,
    without reading the file (a 64 KB workbook once took 26 s inside the request, on every view)."""
    monkeypatch.setattr(tasks.import_check_task, "delay", lambda pk: None)  # no worker yet
    response = manager_client.post(
        reverse("import_start"), {"kind": "vsv-cijfers", "file": SimpleUploadedFile("vsv.csv", (HEADER + ROW).encode())}
    )
    run = ImportRun.objects.get(file_name="vsv.csv")
    assert run.status == ImportRun.Status.CHECKING

    def no_reading(run):
        raise AssertionError("de pagina leest het bestand")

    real_bytes = runs._file_bytes
    monkeypatch.setattr(runs, "_file_bytes", no_reading)
    waiting = manager_client.get(response.url).content.decode()
    assert "Het bestand wordt gecontroleerd" in waiting and 'hx-trigger="every 1s"' in waiting

    monkeypatch.setattr(runs, "_file_bytes", real_bytes)
    assert tasks.import_check_task.apply(args=[run.pk]).get() == ImportRun.Status.PREVIEW
    monkeypatch.setattr(runs, "_file_bytes", no_reading)
    polled = manager_client.get(reverse("import_status", args=[run.pk]), HTTP_HX_REQUEST="true")
    assert polled["HX-Refresh"] == "true"  # the whole page again, now with the preview
    for _ in range(2):
        preview = manager_client.get(response.url).content.decode()
        assert "Wat er zou veranderen" in preview and "Bevestigen en inlezen" in preview


def test_a_check_past_its_time_limit_fails_the_run_with_a_message(kpis, monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    def too_slow(*, run):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(runs, "import_run_check", too_slow)
    run = runs.import_run_create(
        kind=ImportRun.Kind.FIGURES,
        data=(HEADER + ROW).encode(),
        file_name="groot.csv",
        source=ImportRun.Source.COMMAND,
        status=ImportRun.Status.CHECKING,
    )
    assert tasks.import_check_task.apply(args=[run.pk]).get() == ImportRun.Status.FAILED
    run.refresh_from_db()
    assert "duurde langer dan 10 minuten" in run.errors[0]["message"]


def test_the_check_reports_its_progress_in_rows_and_the_page_shows_it(manager_client, monkeypatch):
    seen = []
    read_vsv_file((HEADER + ROW * 12_000).encode(), progress=seen.append)
    assert seen == [5001, 10001]  # every 5.000 rows, by line number (the header is line 1)

    monkeypatch.setattr(tasks.import_check_task, "delay", lambda pk: None)
    manager_client.post(
        reverse("import_start"), {"kind": "vsv-cijfers", "file": SimpleUploadedFile("vsv.csv", (HEADER + ROW).encode())}
    )
    run = ImportRun.objects.get(file_name="vsv.csv")
    ImportRun.objects.filter(pk=run.pk).update(rows_read=10001)
    assert "Gelezen tot regel 10.001." in manager_client.get(reverse("import_status", args=[run.pk])).content.decode()
