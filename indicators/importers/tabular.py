"""Reading a CSV or XLSX file (as bytes) into a header and rows of text, as tolerant as DUO's files require.

CSV: UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1252; CRLF or LF; `;`, `,` or tab between the
columns (chosen by which one makes the header recognisable); a value of only spaces is empty. XLSX: the first
sheet with a recognisable header; numbers come back as text the same parsers read (a cell formatted as a
percentage holding 0,0447 becomes "4.47"). The header may sit below a few title lines.

Problems carry the line number and the column name as written in the file, so a user can find them.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .vocabulary import Vocabulary

ERROR = "fout"
WARNING = "waarschuwing"
SEPARATORS = (";", ",", "\t")
SEPARATOR_NAMES = {";": "puntkomma (;)", ",": "komma (,)", "\t": "tab"}
HEADER_SEARCH_LINES = 10
MAX_PROBLEMS = 500  # per kind; a systematic fault in a national file is clear after a few hundred lines
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls
# Limits that keep one file from taking the server: DUO's national file has a few thousand rows of short cells.
MAX_ROWS = 1_000_000
MAX_CELL_CHARS = 10_000
MAX_XLSX_UNPACKED_BYTES = 500 * 1024 * 1024  # all parts of the workbook together, unpacked (a "zip bomb")
MAX_XLSX_SHARED_STRINGS = 1_000_000
MAX_XLSX_CELLS = 20_000_000  # rows × columns of a sheet, as its <dimension> says
csv.field_size_limit(MAX_CELL_CHARS + 1)  # a longer cell is a csv.Error, reported below


@dataclass(frozen=True, slots=True)
class Problem:
    message: str
    line: int | None = None
    column: str = ""
    level: str = ERROR

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "message": self.message, "level": self.level}

    def __str__(self) -> str:
        where = []
        if self.line:
            where.append(_("regel %(line)s") % {"line": self.line})
        if self.column:
            where.append(_("kolom %(column)s") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class Problems:
    """Errors block the whole file; warnings are listed but do not block. Long lists are cut off with a count."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    errors_left_off: int = 0
    warnings_left_off: int = 0

    def error(self, message: str, line: int | None = None, column: str = "") -> None:
        if len(self.errors) < MAX_PROBLEMS:
            self.errors.append(Problem(message, line, column, ERROR))
        else:
            self.errors_left_off += 1

    def warning(self, message: str, line: int | None = None, column: str = "") -> None:
        if len(self.warnings) < MAX_PROBLEMS:
            self.warnings.append(Problem(message, line, column, WARNING))
        else:
            self.warnings_left_off += 1

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    def error_dicts(self) -> list[dict]:
        return self._dicts(self.errors, self.errors_left_off, ERROR)

    def warning_dicts(self) -> list[dict]:
        return self._dicts(self.warnings, self.warnings_left_off, WARNING)

    @staticmethod
    def _dicts(problems, left_off, level) -> list[dict]:
        rows = [problem.as_dict() for problem in problems]
        if left_off:
            message = _("… en nog %(count)s meldingen van dezelfde soort.") % {"count": left_off}
            rows.append(Problem(message, level=level).as_dict())
        return rows


class CheckedResult:
    """What a reader found: `problems` (errors block, warnings do not), shared by the figures and regions readers."""

    problems: Problems

    @property
    def ok(self) -> bool:
        return not self.problems.has_errors

    @property
    def errors(self):
        return self.problems.errors

    @property
    def warnings(self):
        return self.problems.warnings


class FileRefused(Exception):
    """The file as a whole cannot be read (empty, binary, no recognisable header)."""

    def __init__(self, message: str, line: int | None = None, column: str = ""):
        super().__init__(message)
        self.problem = Problem(message, line, column, ERROR)


@dataclass
class Table:
    headers: list[str]  # as written in the file
    columns: dict[str, int]  # field → index of the first column that means it
    header_line: int
    rows: Iterator[tuple[int, list[str]]]  # (line number, values stripped of spaces), blank lines left out
    file_format: str  # "csv" or "xlsx"
    separator: str = ""

    def header(self, field_name: str) -> str:
        """The column name as the file writes it, for messages."""
        index = self.columns.get(field_name)
        return self.headers[index] if index is not None else ""


def report_missing_columns(missing: list[str], vocabulary: Vocabulary, header_line: int, problems: Problems) -> None:
    """One error per required column the header lacks, naming a few of the names DUO uses for it."""
    from indicators.models import ColumnAlias

    labels = dict(ColumnAlias.Field.choices)
    for field_name in missing:
        aliases = sorted(alias for alias, name in vocabulary.columns.items() if name == field_name)[:4]
        problems.error(
            _("De kolom '%(field)s' ontbreekt (bijvoorbeeld %(aliases)s).")
            % {"field": labels[field_name], "aliases": " / ".join(aliases) or "—"},
            header_line,
        )


def _not_tabular() -> str:
    return _("Dit is geen CSV- of Excelbestand (XLSX): de inhoud is niet als tekst of tabel te lezen.")


PROGRESS_EVERY = 5000  # rows between two progress reports


def read_table(data: bytes, vocabulary: Vocabulary, problems: Problems, progress=None) -> Table:
    """Detect the format and find the header. Raises FileRefused; row-level problems go into `problems`.
    `progress(line)`, when given, is called every PROGRESS_EVERY rows read (the import page shows it)."""
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise FileRefused(_("Het bestand is leeg."))
    if data.startswith(b"PK\x03\x04"):
        table = _read_xlsx(data, vocabulary, problems)
    elif data.startswith(OLE_SIGNATURE):
        raise FileRefused(_("Dit is een oud Excelbestand (.xls). Sla het op als .xlsx of als CSV en probeer opnieuw."))
    else:
        table = _read_csv(_decode(data), vocabulary, problems)
    if progress is not None:
        table.rows = _reported(table.rows, progress)
    return table


def _reported(rows, progress) -> Iterator[tuple[int, list[str]]]:
    for count, (line, values) in enumerate(rows, start=1):
        if count % PROGRESS_EVERY == 0:
            progress(line)
        yield line, values


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FileRefused(_not_tabular()) from exc
    if b"\x00" in data[:8192]:
        raise FileRefused(_not_tabular())
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise FileRefused(
                _("De tekens in het bestand zijn niet te lezen: sla het op als UTF-8 of Windows-1252 (ANSI).")
            ) from exc
    sample = text[:4096]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\r\n")
    if controls > len(sample) // 100:
        raise FileRefused(_not_tabular())
    return text


def _score(cells, vocabulary: Vocabulary) -> int:
    return len({vocabulary.field_for(cell) for cell in cells if cell} - {None})


def _columns(headers: list[str], vocabulary: Vocabulary, header_line: int, problems: Problems) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, header in enumerate(headers):
        field_name = vocabulary.field_for(header) if header else None
        if field_name is None:
            continue
        if field_name in columns:
            problems.warning(
                _("Kolom %(this)s betekent hetzelfde als kolom %(first)s; alleen de eerste wordt gelezen.")
                % {"this": header, "first": headers[columns[field_name]]},
                header_line,
                header,
            )
            continue
        columns[field_name] = index
    return columns


def _read_csv(text: str, vocabulary: Vocabulary, problems: Problems) -> Table:
    head = text.splitlines()[: HEADER_SEARCH_LINES * 2]
    best = None  # (score, cells, -index) → separator, index
    for separator in SEPARATORS:
        try:
            records = list(csv.reader(head, delimiter=separator))[:HEADER_SEARCH_LINES]
        except csv.Error as exc:
            raise FileRefused(_too_long()) from exc
        for index, cells in enumerate(records):
            cells = [cell.strip() for cell in cells]
            key = (_score(cells, vocabulary), len(cells), -index)
            if best is None or key > best[0]:
                best = (key, separator, index, cells)
    (score, _count, _index), separator, header_index, headers = best
    if score == 0:
        first = next((line for line in head if line.strip()), "")
        if not any(sep in first for sep in SEPARATORS):
            raise FileRefused(
                _("Geen scheidingsteken gevonden: zet een puntkomma (;), komma of tab tussen de kolommen."), 1
            )
        raise FileRefused(
            _("De kopregel is niet herkend: geen enkele kolomnaam is bekend (bijvoorbeeld SCHOOLJAAR of RMC-REGIO).")
        )
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    try:
        for _skip in range(header_index + 1):
            next(reader)
    except csv.Error as exc:
        raise FileRefused(_too_long(), reader.line_num) from exc
    header_line = reader.line_num
    columns = _columns(headers, vocabulary, header_line, problems)
    return Table(
        headers=headers,
        columns=columns,
        header_line=header_line,
        rows=_csv_rows(reader, len(headers), separator, problems),
        file_format="csv",
        separator=separator,
    )


def _too_long() -> str:
    return _("Een cel is langer dan %(count)s tekens; dit is geen bestand met VSV-cijfers of adressen.") % {
        "count": f"{MAX_CELL_CHARS:,}".replace(",", ".")
    }


def _too_many_rows() -> str:
    return _("Het bestand heeft meer dan %(count)s regels; splits het in kleinere bestanden.") % {
        "count": f"{MAX_ROWS:,}".replace(",", ".")
    }


def _csv_rows(reader, width: int, separator: str, problems: Problems) -> Iterator[tuple[int, list[str]]]:
    """The data rows; a cell past MAX_CELL_CHARS or a row past MAX_ROWS ends the reading with an error."""
    records = iter(reader)
    count = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except csv.Error:
            problems.error(_too_long(), reader.line_num)
            return
        count += 1
        if count > MAX_ROWS:
            problems.error(_too_many_rows(), reader.line_num)
            return
        values = [value.strip() for value in record]
        if not any(values):
            continue
        while len(values) > width and not values[-1]:
            values.pop()
        if len(values) != width:
            line = reader.line_num
            if len(values) == 1:
                problems.error(
                    _(
                        "Deze regel heeft maar één kolom: er staat een ander scheidingsteken in "
                        "dan de %(sep)s van de kopregel."
                    )
                    % {"sep": SEPARATOR_NAMES[separator]},
                    line,
                )
            else:
                problems.error(
                    _("Deze regel heeft %(count)s kolommen, de kopregel %(width)s.")
                    % {"count": len(values), "width": width},
                    line,
                )
            continue
        yield reader.line_num, values


def _cell_text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in (getattr(cell, "number_format", "") or ""):
            number *= 100
        number = number.quantize(Decimal("1e-10"))  # binary floats: 0.5600000000000001 is 0.56
        if number == number.to_integral_value():
            return str(int(number))
        return format(number.normalize(), "f")
    return str(value).strip()


def _damaged() -> str:
    return _("Het Excelbestand kan niet worden gelezen; is het beschadigd?")


_SHARED_STRINGS = re.compile(rb'uniqueCount="(\d+)"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


def _check_workbook_size(data: bytes) -> None:
    """Before openpyxl reads a byte: refuse a workbook that unpacks past MAX_XLSX_UNPACKED_BYTES, holds more than
    MAX_XLSX_SHARED_STRINGS different texts or declares a sheet of more than MAX_XLSX_CELLS cells (each takes
    minutes and gigabytes to read, from a file of a few kilobytes)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if sum(part.file_size for part in parts) > MAX_XLSX_UNPACKED_BYTES:
                raise FileRefused(_("Het Excelbestand is uitgepakt groter dan 500 MB; dit is geen DUO-bestand."))
            for part in parts:
                if part.filename == "xl/sharedStrings.xml":
                    with archive.open(part) as handle:
                        found = _SHARED_STRINGS.search(handle.read(4096))
                    if found and int(found[1]) > MAX_XLSX_SHARED_STRINGS:
                        raise FileRefused(
                            _("Het Excelbestand bevat meer dan een miljoen verschillende teksten; sla het op als CSV.")
                        )
                elif part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                    with archive.open(part) as handle:
                        found = _DIMENSION.search(handle.read(4096))
                    if found and _column_number(found[1]) * int(found[2]) > MAX_XLSX_CELLS:
                        raise FileRefused(_("Een werkblad is groter dan twintig miljoen cellen; sla het op als CSV."))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise FileRefused(_damaged()) from exc


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.decode():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _read_xlsx(data: bytes, vocabulary: Vocabulary, problems: Problems) -> Table:
    from openpyxl import load_workbook

    _check_workbook_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        return _xlsx_table(workbook, vocabulary, problems)
    except FileRefused:
        raise
    except Exception as exc:  # noqa: BLE001  malformed XML, a forbidden entity, a broken part: all "damaged"
        raise FileRefused(_damaged()) from exc


def _xlsx_table(workbook, vocabulary: Vocabulary, problems: Problems) -> Table:
    for sheet in workbook.worksheets:
        best = None
        for index, row in enumerate(sheet.iter_rows(max_row=HEADER_SEARCH_LINES), start=1):
            cells = [_cell_text(cell) for cell in row]
            key = (_score(cells, vocabulary), -index)
            if best is None or key > best[0]:
                best = (key, index, cells)
        if best is None or best[0][0] == 0:
            continue
        _key, header_line, headers = best
        while headers and not headers[-1]:
            headers.pop()
        return Table(
            headers=headers,
            columns=_columns(headers, vocabulary, header_line, problems),
            header_line=header_line,
            rows=_xlsx_rows(sheet, header_line, len(headers), problems),
            file_format="xlsx",
        )
    raise FileRefused(_("Geen werkblad met een herkende kopregel gevonden (bijvoorbeeld SCHOOLJAAR of RMC-REGIO)."))


def _xlsx_rows(sheet, header_line: int, width: int, problems: Problems) -> Iterator[tuple[int, list[str]]]:
    """The data rows; a damaged part further on, a cell past MAX_CELL_CHARS or a row past MAX_ROWS ends the
    reading with an error (the rows before it are not loaded either: the file fails as a whole)."""
    rows = enumerate(sheet.iter_rows(min_row=header_line + 1), start=header_line + 1)
    line = header_line
    while True:
        try:
            line, row = next(rows)
        except StopIteration:
            return
        except Exception:  # noqa: BLE001  as in _read_xlsx: the rest of the file cannot be read
            problems.error(_damaged(), line + 1)
            return
        if line - header_line > MAX_ROWS:
            problems.error(_too_many_rows(), line)
            return
        values = [_cell_text(cell) for cell in row[:width]]
        if any(len(value) > MAX_CELL_CHARS for value in values):
            problems.error(_too_long(), line)
            return
        if not any(values):
            continue
        values.extend([""] * (width - len(values)))
        yield line, values
