"""Where the scheduled job looks for new DUO files of VSV figures: a folder and/or a list of URLs (settings
DUO_IMPORT_FOLDER and DUO_IMPORT_URLS, from the environment). Each new file gets an ImportRun; a file seen
before (imported, or refused by an earlier scheduled run) is not imported again, so nothing happens twice.
"""

import logging
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx"}
MAX_BYTES = 50 * 1024 * 1024
logger = logging.getLogger(__name__)


def folder_files(folder: str) -> list[tuple[str, bytes]]:
    """(name, bytes) of every DUO-looking file in the folder, by name."""
    if not folder:
        return []
    path = Path(folder)
    if not path.is_dir():
        logger.warning("DUO_IMPORT_FOLDER %s is geen map", folder)
        return []
    return [
        (item.name, item.read_bytes())
        for item in sorted(path.iterdir())
        if item.is_file() and item.suffix.lower() in SUFFIXES and item.stat().st_size <= MAX_BYTES
    ]


class FetchRefused(Exception):
    """The URL answered, but not with a whole file from its own host."""


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to the same host (a moved file), never to another one."""

    def redirect_request(self, request, fp, code, msg, headers, newurl):
        if urlsplit(newurl).hostname != urlsplit(request.full_url).hostname:
            raise FetchRefused(f"doorverwezen naar een andere host ({urlsplit(newurl).hostname})")
        return super().redirect_request(request, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_SameHostRedirects)


def fetch(url: str, timeout: float = 60) -> bytes:
    """The file at `url`, read within `timeout` seconds in all (not per read), at most MAX_BYTES, and whole: a body
    shorter than its Content-Length is refused."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchRefused("alleen http- en https-adressen")
    deadline = time.monotonic() + timeout
    with _opener.open(url, timeout=timeout) as response:  # noqa: S310 (URLs from settings, scheme checked)
        expected = response.headers.get("Content-Length")
        if expected and expected.isdigit() and int(expected) > MAX_BYTES:
            raise FetchRefused("groter dan 50 MB")
        chunks, size = [], 0
        while chunk := response.read(64 * 1024):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BYTES:
                raise FetchRefused("groter dan 50 MB")
            if time.monotonic() > deadline:
                raise FetchRefused(f"niet binnen {timeout:.0f} seconden opgehaald")
    if expected and expected.isdigit() and size != int(expected):
        raise FetchRefused(f"onvolledig: {size} van {expected} bytes")
    return b"".join(chunks)


def url_files(urls: list[str], timeout: int = 60) -> list[tuple[str, bytes]]:
    """(name, bytes) of every URL that answers with a whole file; each one that does not (no answer, a malformed
    answer, a redirect elsewhere, too slow, cut off) is logged and tried again next time, and the others go on."""
    files = []
    for url in urls:
        try:
            data = fetch(url, timeout=timeout)
        except Exception as exc:  # noqa: BLE001  whatever one URL does, the next is still fetched
            logger.warning("DUO-bestand %s niet opgehaald: %s", url, exc)
            continue
        files.append((url.rstrip("/").rsplit("/", 1)[-1] or "duo.csv", data))
    return files


def import_new_files(folder: str | None = None, urls: list[str] | None = None) -> list:
    """Import every new file from the folder and the URLs; returns the runs made (already-seen files: none)."""
    from indicators import selectors
    from indicators.importers.runs import checksum_of, import_run_create, import_run_execute
    from indicators.models import ImportRun

    folder = settings.DUO_IMPORT_FOLDER if folder is None else folder
    urls = settings.DUO_IMPORT_URLS if urls is None else urls
    runs = []
    for name, data in [*folder_files(folder), *url_files(urls)]:
        try:
            checksum = checksum_of(data)
            if selectors.file_seen(checksum=checksum):
                continue
            run = selectors.unfinished_scheduled_run(checksum=checksum) or import_run_create(
                kind=ImportRun.Kind.FIGURES, data=data, file_name=name, source=ImportRun.Source.SCHEDULED
            )
            runs.append(import_run_execute(run=run))
        except Exception:  # noqa: BLE001  one file that trips the job (its run says why) never stops the others
            logger.exception("DUO-bestand %s niet geïmporteerd", name)
    return runs
