"""Where the scheduled job looks for new DUO files of VSV figures: a folder and/or a list of URLs (settings
DUO_IMPORT_FOLDER and DUO_IMPORT_URLS, from the environment). Each new file gets an ImportRun; a file seen
before (imported, or refused by an earlier scheduled run) is not imported again, so nothing happens twice.
"""

import logging
import urllib.request
from pathlib import Path

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


def url_files(urls: list[str], timeout: int = 60) -> list[tuple[str, bytes]]:
    """(name, bytes) of every URL that answers; one that does not is logged and tried again next time."""
    files = []
    for url in urls:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (URLs from settings)
                data = response.read(MAX_BYTES + 1)
        except OSError as exc:
            logger.warning("DUO-bestand %s niet opgehaald: %s", url, exc)
            continue
        if len(data) > MAX_BYTES:
            logger.warning("DUO-bestand %s is groter dan 50 MB; overgeslagen", url)
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
        checksum = checksum_of(data)
        if selectors.file_seen(checksum=checksum):
            continue
        run = selectors.unfinished_scheduled_run(checksum=checksum) or import_run_create(
            kind=ImportRun.Kind.FIGURES, data=data, file_name=name, source=ImportRun.Source.SCHEDULED
        )
        runs.append(import_run_execute(run=run))
    return runs
